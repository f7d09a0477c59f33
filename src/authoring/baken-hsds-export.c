/* baken-hsds-export.c: write a content source as an HSDS 3.0 tabular package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export reads the source with the build's loader (baken-content-source.h) and writes
 * the HSDS tables in the field order of the official schema, one export_* function per
 * HSDS table. What HSDS has no place for (staff-only channels, life events, synonyms,
 * translations, …) is left out, and each such decision is a note.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds.h"
#include "baken-hsds-private.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-content-source.h"
#include "baken-hours.h"

#define ALL_DAYS         "MO,TU,WE,TH,FR,SA,SU"

typedef struct
{
  BakenContentSource           *src;
  const BakenHsdsExportOptions *options;
  GHashTable                   *official;
  GPtrArray                    *notes;
  GPtrArray                    *tables;     /* of OutTable */
} Export;

static const char *
get (BakenContentSource *src,
     BakenSourceTable    table,
     guint               row,
     const char         *column)
{
  int col = baken_content_source_column (table, column);

  g_assert (col >= 0);
  return baken_content_source_get (src, table, row, (guint) col);
}

static guint
line_of (BakenContentSource *src,
         BakenSourceTable    table,
         guint               row)
{
  guint line, column;

  baken_content_source_get_position (src, table, row, 0, &line, &column);
  return line;
}

static char *
export_id (Export     *e,
           const char *resource,
           const char *id)
{
  if (id == NULL)
    return NULL;
  if (e->options->keep_ids)
    return g_strdup (id);
  return baken_hsds_uuid (resource, id);
}

static OutTable *
export_table (Export     *e,
              const char *resource)
{
  JsonObject *official = g_hash_table_lookup (e->official, resource);
  OutTable *t = _baken_hsds_out_table_new (json_object_get_string_member (official, "path"),
                                           resource, NULL, _baken_hsds_official_fields (official));

  g_ptr_array_add (e->tables, t);
  return t;
}

static void
copy_fields (Export             *e,
             GHashTable         *record,
             BakenSourceTable    table,
             guint               row,
             const char *const  *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    _baken_hsds_set (record, columns[i], get (e->src, table, row, columns[i]));
}

/* Rows of table in the order of their position column (empty: the row number). */
static GArray *
rows_by_position (BakenContentSource *src,
                  BakenSourceTable    table,
                  gboolean           *any_position)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = baken_content_source_get_n_rows (src, table);
  g_autofree gint64 *keys = g_new0 (gint64, n + 1);

  *any_position = FALSE;
  for (guint r = 0; r < n; r++)
    {
      const char *position = get (src, table, r, "position");

      keys[r] = r + 1;
      if (position != NULL)
        {
          keys[r] = g_ascii_strtoll (position, NULL, 10);
          *any_position = TRUE;
        }
      g_array_append_val (order, r);
    }

  /* Insertion sort: stable, and the tables are small. */
  for (guint i = 1; i < n; i++)
    {
      guint r = g_array_index (order, guint, i);
      guint j = i;

      while (j > 0 && keys[g_array_index (order, guint, j - 1)] > keys[r])
        {
          g_array_index (order, guint, j) = g_array_index (order, guint, j - 1);
          j--;
        }
      g_array_index (order, guint, j) = r;
    }

  return order;
}

static void
export_organizations (Export *e)
{
  static const char *const columns[] = { "name", "alternate_name", "description", "email",
                                         "website", NULL };
  OutTable *t = export_table (e, "organization");

  for (guint r = 0; r < baken_content_source_get_n_rows (e->src, BAKEN_SOURCE_ORGANIZATION); r++)
    {
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();

      _baken_hsds_set_take (record, "id",
                            export_id (e, "organization",
                                       get (e->src, BAKEN_SOURCE_ORGANIZATION, r, "id")));
      copy_fields (e, record, BAKEN_SOURCE_ORGANIZATION, r, columns);
      _baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
export_services (Export *e)
{
  static const char *const columns[] = { "name", "alternate_name", "description", "url",
                                         "email", "status", "application_process",
                                         "fees_description", "eligibility_description",
                                         "assured_date", "alert", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "service");
  guint n_services = baken_content_source_get_n_rows (src, BAKEN_SOURCE_SERVICE);
  g_autofree const char **url = g_new0 (const char *, n_services + 1);
  g_autofree const char **email = g_new0 (const char *, n_services + 1);
  guint n_cost_notes = 0;

  /* Public website and e-mail channels become the service's url and email. */
  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_CHANNEL); r++)
    {
      const char *id = get (src, BAKEN_SOURCE_CHANNEL, r, "id");
      const char *kind = get (src, BAKEN_SOURCE_CHANNEL, r, "kind");
      const char *value = get (src, BAKEN_SOURCE_CHANNEL, r, "value");
      const char *service_id = get (src, BAKEN_SOURCE_CHANNEL, r, "service_id");
      const char *audience = get (src, BAKEN_SOURCE_CHANNEL, r, "audience");
      int service = baken_content_source_find (src, BAKEN_SOURCE_SERVICE, service_id);
      gboolean is_url = g_strcmp0 (kind, "website") == 0;
      gboolean is_email = g_strcmp0 (kind, "email") == 0;
      guint line = line_of (src, BAKEN_SOURCE_CHANNEL, r);

      if (get (src, BAKEN_SOURCE_CHANNEL, r, "cost_note") != NULL)
        n_cost_notes++;

      if (g_strcmp0 (audience, "staff") == 0)
        {
          _baken_hsds_add_note (e->notes,
                                "channels.csv:%u: %s not exported: it is for staff only", line, id);
          continue;
        }

      if ((is_url || is_email) && service >= 0 && value != NULL)
        {
          const char **slot = is_url ? &url[service] : &email[service];
          const char *own = get (src, BAKEN_SOURCE_SERVICE, (guint) service, is_url ? "url" : "email");

          if (own == NULL && *slot == NULL)
            {
              *slot = value;
              _baken_hsds_add_note (e->notes,
                                    "channels.csv:%u: %s exported as the %s of service %s",
                                    line, id, is_url ? "url" : "email", service_id);
              continue;
            }
          _baken_hsds_add_note (e->notes,
                                "channels.csv:%u: %s not exported: service %s already has %s %s",
                                line, id, service_id, is_url ? "a url" : "an email",
                                own != NULL ? own : *slot);
          continue;
        }

      _baken_hsds_add_note (e->notes,
                            "channels.csv:%u: %s not exported: HSDS has no place for a channel "
                            "of kind %s", line, id, kind != NULL ? kind : "");
    }
  if (n_cost_notes > 0)
    _baken_hsds_add_note (e->notes, "channels.csv: %u %s not exported: HSDS has no cost note for a "
                          "channel", n_cost_notes, n_cost_notes == 1 ? "cost note" : "cost notes");

  for (guint r = 0; r < n_services; r++)
    {
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();

      _baken_hsds_set_take (record, "id",
                            export_id (e, "service", get (src, BAKEN_SOURCE_SERVICE, r, "id")));
      _baken_hsds_set_take (record, "organization_id",
                            export_id (e, "organization",
                                       get (src, BAKEN_SOURCE_SERVICE, r, "organization_id")));
      copy_fields (e, record, BAKEN_SOURCE_SERVICE, r, columns);
      if (url[r] != NULL)
        _baken_hsds_set (record, "url", url[r]);
      if (email[r] != NULL)
        _baken_hsds_set (record, "email", email[r]);
      _baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
export_locations (Export *e)
{
  static const char *const columns[] = { "name", "description", "transportation", "latitude",
                                         "longitude", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "location");

  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_LOCATION); r++)
    {
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *type = get (src, BAKEN_SOURCE_LOCATION, r, "location_type");

      _baken_hsds_set_take (record, "id",
                            export_id (e, "location", get (src, BAKEN_SOURCE_LOCATION, r, "id")));
      _baken_hsds_set_take (record, "organization_id",
                            export_id (e, "organization",
                                       get (src, BAKEN_SOURCE_LOCATION, r, "organization_id")));
      _baken_hsds_set (record, "location_type", type != NULL ? type : "physical");
      copy_fields (e, record, BAKEN_SOURCE_LOCATION, r, columns);
      _baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
export_addresses (Export *e)
{
  static const char *const columns[] = { "address_1", "address_2", "city", "postal_code", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "address");
  const char *region = baken_content_source_get_region (src);

  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_ADDRESS); r++)
    {
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *type = get (src, BAKEN_SOURCE_ADDRESS, r, "address_type");
      const char *country = get (src, BAKEN_SOURCE_ADDRESS, r, "country");

      _baken_hsds_set_take (record, "id",
                            export_id (e, "address", get (src, BAKEN_SOURCE_ADDRESS, r, "id")));
      _baken_hsds_set_take (record, "location_id",
                            export_id (e, "location",
                                       get (src, BAKEN_SOURCE_ADDRESS, r, "location_id")));
      copy_fields (e, record, BAKEN_SOURCE_ADDRESS, r, columns);
      _baken_hsds_set (record, "state_province",
                       region != NULL ? region : get (src, BAKEN_SOURCE_ADDRESS, r, "city"));
      _baken_hsds_set (record, "country", country != NULL ? country : "NL");
      _baken_hsds_set (record, "address_type", type != NULL ? type : "physical");
      if (get (src, BAKEN_SOURCE_ADDRESS, r, "postal_code") == NULL)
        _baken_hsds_add_note (e->notes,
                              "addresses.csv:%u: %s has no postal_code, which HSDS requires; "
                              "the package is not valid HSDS until it is filled in",
                              line_of (src, BAKEN_SOURCE_ADDRESS, r),
                              get (src, BAKEN_SOURCE_ADDRESS, r, "id"));
      _baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
export_service_at_location (Export *e)
{
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "service_at_location");
  BakenSourceTable table = BAKEN_SOURCE_SERVICE_AT_LOCATION;

  for (guint r = 0; r < baken_content_source_get_n_rows (src, table); r++)
    {
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();

      _baken_hsds_set_take (record, "id",
                            export_id (e, "service_at_location", get (src, table, r, "id")));
      _baken_hsds_set_take (record, "service_id",
                            export_id (e, "service", get (src, table, r, "service_id")));
      _baken_hsds_set_take (record, "location_id",
                            export_id (e, "location", get (src, table, r, "location_id")));
      _baken_hsds_set (record, "description", get (src, table, r, "description"));
      _baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
export_phones (Export *e)
{
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "phone");
  gboolean any_position;
  g_autoptr(GArray) order = rows_by_position (src, BAKEN_SOURCE_PHONE, &any_position);
  guint n_cost_notes = 0, n_staff = 0;

  for (guint i = 0; i < order->len; i++)
    {
      guint r = g_array_index (order, guint, i);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *id = get (src, BAKEN_SOURCE_PHONE, r, "id");

      if (g_strcmp0 (get (src, BAKEN_SOURCE_PHONE, r, "audience"), "staff") == 0)
        {
          if (!e->options->include_staff)
            {
              _baken_hsds_add_note (e->notes,
                                    "phones.csv:%u: %s not exported: it is for staff only "
                                    "(--include-staff exports it)",
                                    line_of (src, BAKEN_SOURCE_PHONE, r), id);
              continue;
            }
          n_staff++;
        }
      if (get (src, BAKEN_SOURCE_PHONE, r, "cost_note") != NULL)
        n_cost_notes++;

      _baken_hsds_set_take (record, "id", export_id (e, "phone", id));
      _baken_hsds_set_take (record, "service_id",
                            export_id (e, "service",
                                       get (src, BAKEN_SOURCE_PHONE, r, "service_id")));
      _baken_hsds_set_take (record, "location_id",
                            export_id (e, "location",
                                       get (src, BAKEN_SOURCE_PHONE, r, "location_id")));
      _baken_hsds_set (record, "number", get (src, BAKEN_SOURCE_PHONE, r, "number"));
      _baken_hsds_set (record, "type", get (src, BAKEN_SOURCE_PHONE, r, "type"));
      _baken_hsds_set (record, "description", get (src, BAKEN_SOURCE_PHONE, r, "description"));
      _baken_hsds_out_table_add (t, record, NULL);
    }

  if (n_staff > 0)
    _baken_hsds_add_note (e->notes,
                          "phones.csv: %u staff-only phones exported (--include-staff); HSDS "
                          "cannot mark them as staff-only, so do not publish this package",
                          n_staff);
  if (n_cost_notes > 0)
    _baken_hsds_add_note (e->notes,
                          "phones.csv: %u %s not exported: HSDS has no cost note for a phone",
                          n_cost_notes, n_cost_notes == 1 ? "cost note" : "cost notes");
  if (any_position)
    _baken_hsds_add_note (e->notes,
                          "phones.csv: position not exported; the phones are written in that "
                          "order instead");
}

/* byday without "PH" (not an RFC 5545 day, and HSDS has no field for public holidays):
 * NULL when nothing else is left. */
static char *
byday_without_holidays (const char *byday)
{
  g_auto(GStrv) days = g_strsplit (byday, ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; days[i] != NULL; i++)
    {
      const char *day = g_strstrip (days[i]);

      if (strcmp (day, "PH") == 0)
        continue;
      g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", day);
    }

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
export_schedules (Export *e)
{
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "schedule");
  BakenSourceTable table = BAKEN_SOURCE_SCHEDULE;

  for (guint r = 0; r < baken_content_source_get_n_rows (src, table); r++)
    {
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *id = get (src, table, r, "id");
      const char *source_byday = get (src, table, r, "byday");
      g_autofree char *byday = NULL;
      int opens, closes;

      if (get (src, table, r, "channel_id") != NULL)
        {
          _baken_hsds_add_note (e->notes,
                                "schedules.csv:%u: %s not exported: hours of a phone or channel "
                                "(HSDS has hours for a service, a location or a service at a "
                                "location only)", line_of (src, table, r), id);
          continue;
        }

      if (source_byday != NULL)
        {
          byday = byday_without_holidays (source_byday);
          if (byday == NULL)
            {
              _baken_hsds_add_note (e->notes,
                                    "schedules.csv:%u: %s not exported: hours on public "
                                    "holidays only (HSDS has no field for public holidays)",
                                    line_of (src, table, r), id);
              continue;
            }
          if (strcmp (byday, source_byday) != 0)
            _baken_hsds_add_note (e->notes,
                                  "schedules.csv:%u: %s: PH left out of byday (HSDS has no "
                                  "field for public holidays; an importer closes these hours "
                                  "on holidays)", line_of (src, table, r), id);
        }

      if (!baken_parse_time (get (src, table, r, "opens_at"), &opens) ||
          !baken_parse_time (get (src, table, r, "closes_at"), &closes))
        g_assert_not_reached ();   /* the source has no problems */

      _baken_hsds_set_take (record, "id", export_id (e, "schedule", id));
      _baken_hsds_set_take (record, "service_id",
                            export_id (e, "service", get (src, table, r, "service_id")));
      _baken_hsds_set_take (record, "location_id",
                            export_id (e, "location", get (src, table, r, "location_id")));
      _baken_hsds_set_take (record, "service_at_location_id",
                            export_id (e, "service_at_location",
                                       get (src, table, r, "service_at_location_id")));
      _baken_hsds_set (record, "freq", "WEEKLY");
      _baken_hsds_set (record, "byday", byday != NULL ? byday : ALL_DAYS);
      _baken_hsds_set_take (record, "opens_at", _baken_hsds_format_minutes (opens, TRUE));
      _baken_hsds_set_take (record, "closes_at",
                            _baken_hsds_format_minutes (closes % BAKEN_MINUTES_PER_DAY, TRUE));
      _baken_hsds_set (record, "valid_from", get (src, table, r, "valid_from"));
      _baken_hsds_set (record, "valid_to", get (src, table, r, "valid_to"));
      _baken_hsds_set (record, "description", get (src, table, r, "description"));
      _baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
export_required_documents (Export *e)
{
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "required_document");
  gboolean any_position;
  g_autoptr(GArray) order = rows_by_position (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, &any_position);

  for (guint i = 0; i < order->len; i++)
    {
      guint r = g_array_index (order, guint, i);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();

      _baken_hsds_set_take (record, "id",
                            export_id (e, "required_document",
                                       get (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, r, "id")));
      _baken_hsds_set_take (record, "service_id",
                            export_id (e, "service",
                                       get (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, r, "service_id")));
      _baken_hsds_set (record, "document",
                       get (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, r, "document"));
      _baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
export_languages (Export *e)
{
  static const char *const columns[] = { "code", "name", "note", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "language");

  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_LANGUAGE); r++)
    {
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();

      _baken_hsds_set_take (record, "id",
                            export_id (e, "language", get (src, BAKEN_SOURCE_LANGUAGE, r, "id")));
      _baken_hsds_set_take (record, "service_id",
                            export_id (e, "service",
                                       get (src, BAKEN_SOURCE_LANGUAGE, r, "service_id")));
      copy_fields (e, record, BAKEN_SOURCE_LANGUAGE, r, columns);
      _baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
export_accessibility (Export *e)
{
  static const char *const columns[] = { "description", "details", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "accessibility");

  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_ACCESSIBILITY); r++)
    {
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();

      _baken_hsds_set_take (record, "id",
                            export_id (e, "accessibility",
                                       get (src, BAKEN_SOURCE_ACCESSIBILITY, r, "id")));
      _baken_hsds_set_take (record, "location_id",
                            export_id (e, "location",
                                       get (src, BAKEN_SOURCE_ACCESSIBILITY, r, "location_id")));
      copy_fields (e, record, BAKEN_SOURCE_ACCESSIBILITY, r, columns);
      _baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
note_dropped_table (Export           *e,
                    BakenSourceTable  table,
                    const char       *why)
{
  guint n = baken_content_source_get_n_rows (e->src, table);

  if (n > 0)
    _baken_hsds_add_note (e->notes, "%s: %u %s not exported: %s",
                          baken_content_source_table_file (table), n, n == 1 ? "row" : "rows", why);
}

static JsonNode *
export_datapackage (Export *e)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *publisher = baken_content_source_get_publisher (e->src);
  g_autofree char *title = g_strdup_printf ("%s (HSDS 3.0 export of Baken content)",
                                            publisher != NULL ? publisher : "Baken");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "baken-hsds-export");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, "tabular-data-package");
  if (publisher != NULL)
    {
      json_builder_set_member_name (builder, "contributors");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, publisher);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, "publisher");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder,
    "Human Services Data Specification 3.0.0 tabular data package, exported by "
    "baken-bundle export-hsds. The resource definitions (schemas) are copied from the "
    "official HSDS 3.0.0 datapackage.json, (c) the Open Referral project "
    "(docs.openreferral.org), licensed under Creative Commons Attribution-ShareAlike 4.0 "
    "(https://creativecommons.org/licenses/by-sa/4.0/).");
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Human Services Data Specification 3.0.0, Open "
                                 "Referral, CC BY-SA 4.0 (resource schemas)");
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, "http://docs.openreferral.org");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < e->tables->len; i++)
    {
      OutTable *t = g_ptr_array_index (e->tables, i);
      JsonObject *official = g_hash_table_lookup (e->official, t->resource);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, official);
      json_builder_add_value (builder, json_node_copy (node));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
baken_hsds_export (const char                   *src_dir,
                   const char                   *out_dir,
                   const BakenHsdsExportOptions *options,
                   GPtrArray                    *notes,
                   GPtrArray                    *problems,
                   GError                      **error)
{
  static const BakenHsdsExportOptions default_options = { FALSE, FALSE };
  g_autoptr(BakenContentSource) src = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) official = NULL;
  g_autoptr(GPtrArray) tables =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _baken_hsds_out_table_free);
  g_autoptr(GPtrArray) langs = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *tmp_dir = NULL;
  GPtrArray *source_problems;
  Export e = { 0, };

  g_return_val_if_fail (src_dir != NULL && out_dir != NULL, FALSE);

  if (options == NULL)
    options = &default_options;

  src = baken_content_source_load (src_dir, &local_error);
  if (src == NULL)
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE, "%s", local_error->message);
      return FALSE;
    }

  source_problems = baken_content_source_get_problems (src);
  if (source_problems->len > 0)
    {
      for (guint i = 0; problems != NULL && i < source_problems->len; i++)
        g_ptr_array_add (problems, g_strdup (g_ptr_array_index (source_problems, i)));
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE,
                   "the content source has %u %s; fix %s first (baken-bundle build shows "
                   "the same), nothing was written", source_problems->len,
                   source_problems->len == 1 ? "problem" : "problems",
                   source_problems->len == 1 ? "it" : "them");
      return FALSE;
    }

  if (!_baken_hsds_check_out_dir (out_dir, error))
    return FALSE;

  official = _baken_hsds_load_official (&parser);
  e.src = src;
  e.options = options;
  e.official = official;
  e.notes = notes;
  e.tables = tables;

  export_organizations (&e);
  export_services (&e);
  export_locations (&e);
  export_addresses (&e);
  export_service_at_location (&e);
  export_phones (&e);
  export_schedules (&e);
  export_required_documents (&e);
  export_languages (&e);
  export_accessibility (&e);

  note_dropped_table (&e, BAKEN_SOURCE_LIFE_EVENT, "HSDS has no life events (the menu)");
  note_dropped_table (&e, BAKEN_SOURCE_LIFE_EVENT_SERVICE, "HSDS has no life events (the menu)");
  note_dropped_table (&e, BAKEN_SOURCE_SYNONYM, "HSDS has no search synonyms");
  note_dropped_table (&e, BAKEN_SOURCE_SCHEDULE_EXCEPTION,
                      "HSDS tabular has no exceptions to the weekly hours");
  langs = baken_content_source_get_languages (src);
  if (baken_content_source_get_n_rows (src, BAKEN_SOURCE_TRANSLATION) > 0)
    {
      g_autoptr(GString) others = g_string_new (NULL);

      for (guint i = 0; i < langs->len; i++)
        if (strcmp (g_ptr_array_index (langs, i), "nl") != 0)
          g_string_append_printf (others, "%s%s", others->len > 0 ? ", " : "",
                                  (const char *) g_ptr_array_index (langs, i));
      _baken_hsds_add_note (notes,
                            "translations.csv: %u translations (%s) not exported: an HSDS tabular "
                            "package holds one language, and this one holds the Dutch texts",
                            baken_content_source_get_n_rows (src, BAKEN_SOURCE_TRANSLATION),
                            others->str);
    }

  root = export_datapackage (&e);

  tmp_dir = _baken_hsds_make_tmp_dir (out_dir, error);
  if (tmp_dir == NULL)
    return FALSE;

  if (!_baken_hsds_write_tables (tmp_dir, tables, error) ||
      !_baken_hsds_write_json (tmp_dir, root, error) ||
      !_baken_hsds_move_into_place (tmp_dir, out_dir, error))
    {
      _baken_hsds_remove_tree (tmp_dir);
      return FALSE;
    }

  return TRUE;
}
