/* baken-hsds-export-tables.c: write the tables of a content source as HSDS tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One export_* function per HSDS table, in the field order of the official schema. What
 * HSDS has no place for (staff-only phones, …) is left out, and each such decision is a
 * note.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-export-tables.h"

#include <string.h>

#include "baken-hsds.h"
#include "baken-hsds-notes.h"
#include "baken-hsds-out-table.h"
#include "baken-hsds-schema.h"
#include "baken-hsds-time.h"
#include "baken-hours.h"

#define ALL_DAYS         "MO,TU,WE,TH,FR,SA,SU"

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
  OutTable *t = baken_hsds_out_table_new (json_object_get_string_member (official, "path"),
                                          resource, NULL, baken_hsds_official_fields (official));

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
    baken_hsds_set (record, columns[i], get (e->src, table, row, columns[i]));
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
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      baken_hsds_set_take (record, "id",
                           export_id (e, "organization",
                                      get (e->src, BAKEN_SOURCE_ORGANIZATION, r, "id")));
      copy_fields (e, record, BAKEN_SOURCE_ORGANIZATION, r, columns);
      baken_hsds_out_table_add (t, record, NULL);
    }
}

static void
export_services (Export *e)
{
  static const char *const columns[] = { "name", "alternate_name", "description", "url",
                                         "email", "status", "application_process",
                                         "fees_description", "eligibility_description",
                                         "assured_date", "alert", "fees", "wait_time",
                                         "minimum_age", "maximum_age", NULL };
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
          baken_hsds_add_note (e->notes,
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
              baken_hsds_add_note (e->notes,
                                   "channels.csv:%u: %s exported as the %s of service %s",
                                   line, id, is_url ? "url" : "email", service_id);
              continue;
            }
          baken_hsds_add_note (e->notes,
                               "channels.csv:%u: %s not exported: service %s already has %s %s",
                               line, id, service_id, is_url ? "a url" : "an email",
                               own != NULL ? own : *slot);
          continue;
        }

      baken_hsds_add_note (e->notes,
                           "channels.csv:%u: %s not exported: HSDS has no place for a channel "
                           "of kind %s", line, id, kind != NULL ? kind : "");
    }
  if (n_cost_notes > 0)
    baken_hsds_add_note (e->notes, "channels.csv: %u %s not exported: HSDS has no cost note for a "
                         "channel", n_cost_notes, n_cost_notes == 1 ? "cost note" : "cost notes");

  for (guint r = 0; r < n_services; r++)
    if (get (src, BAKEN_SOURCE_SERVICE, r, "handover") != NULL)
      baken_hsds_add_note (e->notes, "services.csv:%u: the handover text of %s not exported: "
                           "it is for desk staff only", line_of (src, BAKEN_SOURCE_SERVICE, r),
                           get (src, BAKEN_SOURCE_SERVICE, r, "id"));

  for (guint r = 0; r < n_services; r++)
    {
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      baken_hsds_set_take (record, "id",
                           export_id (e, "service", get (src, BAKEN_SOURCE_SERVICE, r, "id")));
      baken_hsds_set_take (record, "organization_id",
                           export_id (e, "organization",
                                      get (src, BAKEN_SOURCE_SERVICE, r, "organization_id")));
      copy_fields (e, record, BAKEN_SOURCE_SERVICE, r, columns);
      if (url[r] != NULL)
        baken_hsds_set (record, "url", url[r]);
      if (email[r] != NULL)
        baken_hsds_set (record, "email", email[r]);
      baken_hsds_out_table_add (t, record, NULL);
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
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *type = get (src, BAKEN_SOURCE_LOCATION, r, "location_type");

      baken_hsds_set_take (record, "id",
                           export_id (e, "location", get (src, BAKEN_SOURCE_LOCATION, r, "id")));
      baken_hsds_set_take (record, "organization_id",
                           export_id (e, "organization",
                                      get (src, BAKEN_SOURCE_LOCATION, r, "organization_id")));
      baken_hsds_set (record, "location_type", type != NULL ? type : "physical");
      copy_fields (e, record, BAKEN_SOURCE_LOCATION, r, columns);
      baken_hsds_out_table_add (t, record, NULL);
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
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *type = get (src, BAKEN_SOURCE_ADDRESS, r, "address_type");
      const char *country = get (src, BAKEN_SOURCE_ADDRESS, r, "country");

      baken_hsds_set_take (record, "id",
                           export_id (e, "address", get (src, BAKEN_SOURCE_ADDRESS, r, "id")));
      baken_hsds_set_take (record, "location_id",
                           export_id (e, "location",
                                      get (src, BAKEN_SOURCE_ADDRESS, r, "location_id")));
      copy_fields (e, record, BAKEN_SOURCE_ADDRESS, r, columns);
      baken_hsds_set (record, "state_province",
                      region != NULL ? region : get (src, BAKEN_SOURCE_ADDRESS, r, "city"));
      baken_hsds_set (record, "country", country != NULL ? country : "NL");
      baken_hsds_set (record, "address_type", type != NULL ? type : "physical");
      if (get (src, BAKEN_SOURCE_ADDRESS, r, "postal_code") == NULL)
        baken_hsds_add_note (e->notes,
                             "addresses.csv:%u: %s has no postal_code, which HSDS requires; "
                             "the package is not valid HSDS until it is filled in",
                             line_of (src, BAKEN_SOURCE_ADDRESS, r),
                             get (src, BAKEN_SOURCE_ADDRESS, r, "id"));
      baken_hsds_out_table_add (t, record, NULL);
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
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      baken_hsds_set_take (record, "id",
                           export_id (e, "service_at_location", get (src, table, r, "id")));
      baken_hsds_set_take (record, "service_id",
                           export_id (e, "service", get (src, table, r, "service_id")));
      baken_hsds_set_take (record, "location_id",
                           export_id (e, "location", get (src, table, r, "location_id")));
      baken_hsds_set (record, "description", get (src, table, r, "description"));
      baken_hsds_out_table_add (t, record, NULL);
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
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *id = get (src, BAKEN_SOURCE_PHONE, r, "id");

      if (g_strcmp0 (get (src, BAKEN_SOURCE_PHONE, r, "audience"), "staff") == 0)
        {
          if (!e->options->include_staff)
            {
              baken_hsds_add_note (e->notes,
                                   "phones.csv:%u: %s not exported: it is for staff only "
                                   "(--include-staff exports it)",
                                   line_of (src, BAKEN_SOURCE_PHONE, r), id);
              continue;
            }
          n_staff++;
        }
      if (get (src, BAKEN_SOURCE_PHONE, r, "cost_note") != NULL)
        n_cost_notes++;

      baken_hsds_set_take (record, "id", export_id (e, "phone", id));
      baken_hsds_set_take (record, "service_id",
                           export_id (e, "service",
                                      get (src, BAKEN_SOURCE_PHONE, r, "service_id")));
      baken_hsds_set_take (record, "location_id",
                           export_id (e, "location",
                                      get (src, BAKEN_SOURCE_PHONE, r, "location_id")));
      baken_hsds_set (record, "number", get (src, BAKEN_SOURCE_PHONE, r, "number"));
      baken_hsds_set (record, "type", get (src, BAKEN_SOURCE_PHONE, r, "type"));
      baken_hsds_set (record, "description", get (src, BAKEN_SOURCE_PHONE, r, "description"));
      baken_hsds_out_table_add (t, record, NULL);
    }

  if (n_staff > 0)
    baken_hsds_add_note (e->notes,
                         "phones.csv: %u staff-only phones exported (--include-staff); HSDS "
                         "cannot mark them as staff-only, so do not publish this package",
                         n_staff);
  if (n_cost_notes > 0)
    baken_hsds_add_note (e->notes,
                         "phones.csv: %u %s not exported: HSDS has no cost note for a phone",
                         n_cost_notes, n_cost_notes == 1 ? "cost note" : "cost notes");
  if (any_position)
    baken_hsds_add_note (e->notes,
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
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *id = get (src, table, r, "id");
      const char *source_byday = get (src, table, r, "byday");
      g_autofree char *byday = NULL;
      int opens, closes;

      if (get (src, table, r, "channel_id") != NULL)
        {
          baken_hsds_add_note (e->notes,
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
              baken_hsds_add_note (e->notes,
                                   "schedules.csv:%u: %s not exported: hours on public "
                                   "holidays only (HSDS has no field for public holidays)",
                                   line_of (src, table, r), id);
              continue;
            }
          if (strcmp (byday, source_byday) != 0)
            baken_hsds_add_note (e->notes,
                                 "schedules.csv:%u: %s: PH left out of byday (HSDS has no "
                                 "field for public holidays; an importer closes these hours "
                                 "on holidays)", line_of (src, table, r), id);
        }

      if (!baken_parse_time (get (src, table, r, "opens_at"), &opens) ||
          !baken_parse_time (get (src, table, r, "closes_at"), &closes))
        g_assert_not_reached ();   /* the source has no problems */

      baken_hsds_set_take (record, "id", export_id (e, "schedule", id));
      baken_hsds_set_take (record, "service_id",
                           export_id (e, "service", get (src, table, r, "service_id")));
      baken_hsds_set_take (record, "location_id",
                           export_id (e, "location", get (src, table, r, "location_id")));
      baken_hsds_set_take (record, "service_at_location_id",
                           export_id (e, "service_at_location",
                                      get (src, table, r, "service_at_location_id")));
      baken_hsds_set (record, "freq", "WEEKLY");
      baken_hsds_set (record, "byday", byday != NULL ? byday : ALL_DAYS);
      baken_hsds_set_take (record, "opens_at", baken_hsds_format_minutes (opens, TRUE));
      baken_hsds_set_take (record, "closes_at",
                           baken_hsds_format_minutes (closes % BAKEN_MINUTES_PER_DAY, TRUE));
      baken_hsds_set (record, "valid_from", get (src, table, r, "valid_from"));
      baken_hsds_set (record, "valid_to", get (src, table, r, "valid_to"));
      baken_hsds_set (record, "description", get (src, table, r, "description"));
      baken_hsds_out_table_add (t, record, NULL);
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
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      baken_hsds_set_take (record, "id",
                           export_id (e, "required_document",
                                      get (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, r, "id")));
      baken_hsds_set_take (record, "service_id",
                           export_id (e, "service",
                                      get (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, r, "service_id")));
      baken_hsds_set (record, "document",
                      get (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, r, "document"));
      baken_hsds_out_table_add (t, record, NULL);
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
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      baken_hsds_set_take (record, "id",
                           export_id (e, "language", get (src, BAKEN_SOURCE_LANGUAGE, r, "id")));
      baken_hsds_set_take (record, "service_id",
                           export_id (e, "service",
                                      get (src, BAKEN_SOURCE_LANGUAGE, r, "service_id")));
      copy_fields (e, record, BAKEN_SOURCE_LANGUAGE, r, columns);
      baken_hsds_out_table_add (t, record, NULL);
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
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      baken_hsds_set_take (record, "id",
                           export_id (e, "accessibility",
                                      get (src, BAKEN_SOURCE_ACCESSIBILITY, r, "id")));
      baken_hsds_set_take (record, "location_id",
                           export_id (e, "location",
                                      get (src, BAKEN_SOURCE_ACCESSIBILITY, r, "location_id")));
      copy_fields (e, record, BAKEN_SOURCE_ACCESSIBILITY, r, columns);
      baken_hsds_out_table_add (t, record, NULL);
    }
}

void
baken_hsds_export_tables (Export *e)
{
  export_organizations (e);
  export_services (e);
  export_locations (e);
  export_addresses (e);
  export_service_at_location (e);
  export_phones (e);
  export_schedules (e);
  export_required_documents (e);
  export_languages (e);
  export_accessibility (e);
}
