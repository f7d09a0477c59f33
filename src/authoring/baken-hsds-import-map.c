/* baken-hsds-import-map.c: map the records of an HSDS package to a content source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import_* functions write the files of the content source from the HSDS records
 * read by baken-hsds-import.c: each keeps the records that map, drops with a note those
 * Baken cannot show, and remembers the HSDS row each written record came from, so that
 * map_back can report a problem in the written source at that row. HSDS has no menu, so
 * import_life_event makes one life event that lists every service; import_datapackage
 * writes the source's datapackage.json.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds.h"
#include "baken-hsds-private.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-content.h"
#include "baken-content-source.h"
#include "baken-hours.h"

#define ALL_EVENT_ID     "le-alle-diensten"

static void dropped (Import     *imp,
                     HTable     *t,
                     HRow       *row,
                     const char *format,
                     ...) G_GNUC_PRINTF (4, 5);

static void
dropped (Import     *imp,
         HTable     *t,
         HRow       *row,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _baken_hsds_add_note (imp->notes, "%s:%u: dropped: %s", t->file, row->line, message);
}

HTable *
_baken_hsds_table_of (Import     *imp,
                      const char *resource)
{
  return g_hash_table_lookup (imp->by_resource, resource);
}

static gboolean
is_kept (Import     *imp,
         const char *resource,
         const char *id)
{
  HTable *t = _baken_hsds_table_of (imp, resource);

  return id != NULL && t != NULL && g_hash_table_contains (t->kept, id);
}

static OutTable *
import_out (Import            *imp,
            const char        *file,
            const char        *resource,
            const char *const *columns)
{
  OutTable *t = _baken_hsds_out_table_new (file, resource, columns, NULL);

  g_ptr_array_add (imp->out, t);
  return t;
}

static void
import_add (Import     *imp,
            OutTable   *out,
            HTable     *t,
            HRow       *row,
            GHashTable *record)
{
  Origin origin = { t->file, row->line, t, row, 0 };

  _baken_hsds_out_table_add (out, record, &origin);
  g_hash_table_add (t->kept, g_strdup (_baken_hsds_hget (t, row, "id")));
  (void) imp;
}

static void
copy_hsds (GHashTable        *record,
           HTable            *t,
           HRow              *row,
           const char *const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    _baken_hsds_set (record, columns[i], _baken_hsds_hget (t, row, columns[i]));
}

void
_baken_hsds_import_organizations (Import *imp)
{
  static const char *const columns[] = { "id", "name", "description", "alternate_name", "email",
                                         "website", NULL };
  OutTable *out = import_out (imp, "organizations.csv", "organization", columns);
  HTable *t = _baken_hsds_table_of (imp, "organization");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();

      copy_hsds (record, t, row, columns);
      import_add (imp, out, t, row, record);
    }
}

/* The address to name a location after: its physical address, or its first one. */
static HRow *
address_of (Import     *imp,
            const char *location_id)
{
  HTable *t = _baken_hsds_table_of (imp, "address");
  HRow *first = NULL;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);

      if (g_strcmp0 (_baken_hsds_hget (t, row, "location_id"), location_id) != 0)
        continue;
      if (g_strcmp0 (_baken_hsds_hget (t, row, "address_type"), "physical") == 0)
        return row;
      if (first == NULL)
        first = row;
    }

  return first;
}

void
_baken_hsds_import_locations (Import *imp)
{
  static const char *const columns[] = { "id", "name", "organization_id", "description",
                                         "transportation", "latitude", "longitude",
                                         "location_type", NULL };
  OutTable *out = import_out (imp, "locations.csv", "location", columns);
  HTable *t = _baken_hsds_table_of (imp, "location");
  HTable *organizations = _baken_hsds_table_of (imp, "organization");
  HTable *addresses = _baken_hsds_table_of (imp, "address");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *id = _baken_hsds_hget (t, row, "id");
      const char *organization_id = _baken_hsds_hget (t, row, "organization_id");

      copy_hsds (record, t, row, columns);
      if (_baken_hsds_hget (t, row, "name") == NULL)
        {
          HRow *address = address_of (imp, id);
          HRow *organization = organization_id != NULL
                               ? g_hash_table_lookup (organizations->by_id, organization_id) : NULL;
          const char *name = address != NULL ? _baken_hsds_hget (addresses, address, "address_1")
                             : organization != NULL
                             ? _baken_hsds_hget (organizations, organization, "name")
                             : NULL;

          if (name == NULL)
            {
              dropped (imp, t, row, "location %s has no name, no address and no organisation "
                       "to name it after", id);
              continue;
            }
          _baken_hsds_set (record, "name", name);
          _baken_hsds_add_note (imp->notes,
                                "%s:%u: location %s has no name; named it \"%s\" after its %s",
                                t->file, row->line, id, name,
                                address != NULL ? "address" : "organisation");
        }
      import_add (imp, out, t, row, record);
    }
}

void
_baken_hsds_import_addresses (Import *imp)
{
  static const char *const columns[] = { "id", "location_id", "address_1", "address_2",
                                         "postal_code", "city", "country", "address_type", NULL };
  OutTable *out = import_out (imp, "addresses.csv", "address", columns);
  HTable *t = _baken_hsds_table_of (imp, "address");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *location_id = _baken_hsds_hget (t, row, "location_id");

      if (location_id == NULL)
        {
          dropped (imp, t, row, "address %s belongs to no location",
                   _baken_hsds_hget (t, row, "id"));
          continue;
        }
      if (!is_kept (imp, "location", location_id))
        {
          dropped (imp, t, row, "address %s: its location %s was dropped",
                   _baken_hsds_hget (t, row, "id"), location_id);
          continue;
        }
      if (g_strcmp0 (_baken_hsds_hget (t, row, "address_type"), "virtual") == 0)
        {
          dropped (imp, t, row, "address %s is virtual; Baken shows street addresses",
                   _baken_hsds_hget (t, row, "id"));
          continue;
        }
      copy_hsds (record, t, row, columns);
      import_add (imp, out, t, row, record);
    }
}

void
_baken_hsds_import_services (Import *imp)
{
  static const char *const columns[] = { "id", "organization_id", "name", "status",
                                         "alternate_name", "description", "url", "email",
                                         "application_process", "fees_description",
                                         "eligibility_description", "assured_date", "alert",
                                         NULL };
  static const char *const channel_columns[] = { "id", "service_id", "kind", "value", NULL };
  static const char *const kinds[][2] = { { "url", "website" }, { "email", "email" } };
  OutTable *out = import_out (imp, "services.csv", "service", columns);
  OutTable *channels = import_out (imp, "channels.csv", "channel", channel_columns);
  HTable *t = _baken_hsds_table_of (imp, "service");
  guint n_channels = 0;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *id = _baken_hsds_hget (t, row, "id");

      copy_hsds (record, t, row, columns);

      /* A resident reaches a service through its channels: the url and the e-mail address
       * become a website and an e-mail channel. */
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autoptr(GHashTable) channel = _baken_hsds_record_new ();
          Origin origin = { t->file, row->line, t, row, 0 };

          if (_baken_hsds_hget (t, row, kinds[k][0]) == NULL)
            continue;
          _baken_hsds_set_take (channel, "id", g_strdup_printf ("%s-%s", id, kinds[k][1]));
          _baken_hsds_set (channel, "service_id", id);
          _baken_hsds_set (channel, "kind", kinds[k][1]);
          _baken_hsds_set (channel, "value", _baken_hsds_hget (t, row, kinds[k][0]));
          _baken_hsds_out_table_add (channels, channel, &origin);
          _baken_hsds_set (record, kinds[k][0], NULL);
          n_channels++;
        }

      import_add (imp, out, t, row, record);
    }

  if (n_channels > 0)
    _baken_hsds_add_note (imp->notes,
                          "%s: the url and email of services became %u website and e-mail "
                          "channels (channels.csv), so residents see them as ways to reach the "
                          "service", t->file, n_channels);
}

void
_baken_hsds_import_service_at_location (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "location_id", "description", NULL };
  OutTable *out = import_out (imp, "service_at_location.csv", "service_at_location", columns);
  HTable *t = _baken_hsds_table_of (imp, "service_at_location");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();

      if (!is_kept (imp, "location", _baken_hsds_hget (t, row, "location_id")))
        {
          dropped (imp, t, row, "%s: its location %s was dropped", _baken_hsds_hget (t, row, "id"),
                   _baken_hsds_hget (t, row, "location_id"));
          continue;
        }
      copy_hsds (record, t, row, columns);
      import_add (imp, out, t, row, record);
    }
}

void
_baken_hsds_import_phones (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "location_id", "number", "type",
                                         "description", NULL };
  OutTable *out = import_out (imp, "phones.csv", "phone", columns);
  HTable *t = _baken_hsds_table_of (imp, "phone");
  HTable *sal = _baken_hsds_table_of (imp, "service_at_location");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *service_id = _baken_hsds_hget (t, row, "service_id");
      const char *location_id = _baken_hsds_hget (t, row, "location_id");
      const char *sal_id = _baken_hsds_hget (t, row, "service_at_location_id");

      if (sal_id != NULL && is_kept (imp, "service_at_location", sal_id))
        {
          HRow *link = g_hash_table_lookup (sal->by_id, sal_id);

          if (service_id == NULL)
            service_id = _baken_hsds_hget (sal, link, "service_id");
          if (location_id == NULL)
            location_id = _baken_hsds_hget (sal, link, "location_id");
        }

      if (service_id == NULL)
        {
          dropped (imp, t, row, "phone %s is not tied to a service (Baken shows a phone with "
                   "the service it belongs to)", _baken_hsds_hget (t, row, "id"));
          continue;
        }

      copy_hsds (record, t, row, columns);
      _baken_hsds_set (record, "service_id", service_id);
      _baken_hsds_set (record, "location_id",
                       is_kept (imp, "location", location_id) ? location_id : NULL);
      import_add (imp, out, t, row, record);
    }
}

/* The service at location of service_id at location_id, or NULL. */
static const char *
find_sal (Import     *imp,
          const char *service_id,
          const char *location_id)
{
  HTable *t = _baken_hsds_table_of (imp, "service_at_location");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);

      if (g_strcmp0 (_baken_hsds_hget (t, row, "service_id"), service_id) == 0 &&
          g_strcmp0 (_baken_hsds_hget (t, row, "location_id"), location_id) == 0 &&
          is_kept (imp, "service_at_location", _baken_hsds_hget (t, row, "id")))
        return _baken_hsds_hget (t, row, "id");
    }

  return NULL;
}

void
_baken_hsds_import_schedules (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "service_at_location_id", "byday",
                                         "opens_at", "closes_at", "valid_from", "valid_to",
                                         "description", NULL };
  static const char *const restrictions[] = { "bymonthday", "byyearday", "byweekno", "count",
                                              NULL };
  OutTable *out = import_out (imp, "schedules.csv", "schedule", columns);
  HTable *t = _baken_hsds_table_of (imp, "schedule");
  guint n_kept = 0;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *id = _baken_hsds_hget (t, row, "id");
      const char *freq = _baken_hsds_hget (t, row, "freq");
      const char *interval = _baken_hsds_hget (t, row, "interval");
      const char *service_id = _baken_hsds_hget (t, row, "service_id");
      const char *location_id = _baken_hsds_hget (t, row, "location_id");
      const char *sal_id = _baken_hsds_hget (t, row, "service_at_location_id");
      const char *opens_at = _baken_hsds_hget (t, row, "opens_at");
      const char *closes_at = _baken_hsds_hget (t, row, "closes_at");
      const char *restriction = NULL;
      g_autofree char *byday = g_ascii_strup (_baken_hsds_hget (t, row, "byday") != NULL
                                              ? _baken_hsds_hget (t, row, "byday") : "", -1);
      int opens, closes;
      gboolean exact_opens, exact_closes;
      guint mask;

      for (guint i = 0; restrictions[i] != NULL && restriction == NULL; i++)
        if (_baken_hsds_hget (t, row, restrictions[i]) != NULL)
          restriction = restrictions[i];

      g_strdelimit (byday, " ", ',');
      if (freq != NULL && strcmp (freq, "WEEKLY") != 0)
        {
          dropped (imp, t, row, "schedule %s: freq %s; Baken shows weekly hours only", id, freq);
          continue;
        }
      if (interval != NULL && g_ascii_strtod (interval, NULL) != 1.0)
        {
          dropped (imp, t, row, "schedule %s: interval %s (every %s weeks); Baken shows hours "
                   "that repeat every week", id, interval, interval);
          continue;
        }
      if (restriction != NULL)
        {
          dropped (imp, t, row, "schedule %s: limited by %s %s, which Baken cannot show", id,
                   restriction, _baken_hsds_hget (t, row, restriction));
          continue;
        }
      if (opens_at == NULL || closes_at == NULL)
        {
          dropped (imp, t, row, "schedule %s has no %s", id,
                   opens_at == NULL && closes_at == NULL ? "opens_at and closes_at"
                   : opens_at == NULL ? "opens_at" : "closes_at");
          continue;
        }
      if (*byday != '\0' && !baken_content_source_parse_byday (byday, &mask))
        {
          dropped (imp, t, row, "schedule %s: byday \"%s\" is not a list of week days (such "
                   "as MO,TU,FR)", id, _baken_hsds_hget (t, row, "byday"));
          continue;
        }
      if (!_baken_hsds_parse_hsds_time (opens_at, &opens, &exact_opens) ||
          !_baken_hsds_parse_hsds_time (closes_at, &closes, &exact_closes))
        g_assert_not_reached ();   /* checked with the types */
      if (!exact_opens || !exact_closes)
        {
          dropped (imp, t, row, "schedule %s: times to the second (%s–%s); Baken shows hours "
                   "and minutes", id, opens_at, closes_at);
          continue;
        }
      if (closes == 0)
        closes = BAKEN_MINUTES_PER_DAY;
      if (opens == closes)
        {
          dropped (imp, t, row, "schedule %s opens and closes at the same time", id);
          continue;
        }

      if (sal_id != NULL)
        {
          if (!is_kept (imp, "service_at_location", sal_id))
            {
              dropped (imp, t, row, "schedule %s: its service at location %s was dropped", id,
                       sal_id);
              continue;
            }
          service_id = NULL;
        }
      else if (service_id != NULL && location_id != NULL &&
               (sal_id = find_sal (imp, service_id, location_id)) != NULL)
        {
          service_id = NULL;
        }
      else if (service_id == NULL)
        {
          dropped (imp, t, row, "schedule %s is for a location only; Baken keeps hours per "
                   "service, or per service at a location", id);
          continue;
        }
      else if (location_id != NULL)
        {
          _baken_hsds_add_note (imp->notes,
                                "%s:%u: schedule %s: service %s is not at location %s in "
                                "service_at_location.csv; kept as hours of the service", t->file,
                                row->line, id, service_id, location_id);
        }

      _baken_hsds_set (record, "id", id);
      _baken_hsds_set (record, "service_id", service_id);
      _baken_hsds_set (record, "service_at_location_id", sal_id);
      _baken_hsds_set (record, "byday", byday);
      _baken_hsds_set_take (record, "opens_at", _baken_hsds_format_minutes (opens, FALSE));
      _baken_hsds_set_take (record, "closes_at", _baken_hsds_format_minutes (closes, FALSE));
      _baken_hsds_set (record, "valid_from",
                       _baken_hsds_hget (t, row, "valid_from") != NULL
                       ? _baken_hsds_hget (t, row, "valid_from")
                       : _baken_hsds_hget (t, row, "dtstart"));
      _baken_hsds_set (record, "valid_to",
                       _baken_hsds_hget (t, row, "valid_to") != NULL
                       ? _baken_hsds_hget (t, row, "valid_to")
                       : _baken_hsds_hget (t, row, "until"));
      _baken_hsds_set (record, "description", _baken_hsds_hget (t, row, "description"));
      import_add (imp, out, t, row, record);
      n_kept++;
    }

  if (n_kept > 0)
    _baken_hsds_add_note (imp->notes,
                          "schedules.csv: HSDS has no field for public holidays, so the %u "
                          "imported %s close on Dutch public holidays; add PH to byday where "
                          "the hours also hold on holidays (a crisis line open day and night)",
                          n_kept, n_kept == 1 ? "schedule" : "schedules");
}

void
_baken_hsds_import_required_documents (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "document", NULL };
  OutTable *out = import_out (imp, "required_documents.csv", "required_document", columns);
  HTable *t = _baken_hsds_table_of (imp, "required_document");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();

      if (_baken_hsds_hget (t, row, "service_id") == NULL ||
          _baken_hsds_hget (t, row, "document") == NULL)
        {
          dropped (imp, t, row, "required document %s has no %s", _baken_hsds_hget (t, row, "id"),
                   _baken_hsds_hget (t, row, "service_id") == NULL ? "service_id" : "document");
          continue;
        }
      copy_hsds (record, t, row, columns);
      import_add (imp, out, t, row, record);
    }
}

void
_baken_hsds_import_languages (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "code", "name", "note", NULL };
  OutTable *out = import_out (imp, "languages.csv", "language", columns);
  HTable *t = _baken_hsds_table_of (imp, "language");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *code = _baken_hsds_hget (t, row, "code");
      g_autofree char *lower = NULL;
      char *dash;

      if (_baken_hsds_hget (t, row, "service_id") == NULL)
        {
          dropped (imp, t, row, "language %s is for a location or phone; Baken keeps the "
                   "languages of a service", _baken_hsds_hget (t, row, "id"));
          continue;
        }
      if (code == NULL)
        {
          dropped (imp, t, row, "language %s has no code", _baken_hsds_hget (t, row, "id"));
          continue;
        }
      lower = g_ascii_strdown (code, -1);
      dash = strpbrk (lower, "-_");
      if (dash != NULL)
        *dash = '\0';
      copy_hsds (record, t, row, columns);
      _baken_hsds_set (record, "code", lower);
      import_add (imp, out, t, row, record);
    }
}

void
_baken_hsds_import_accessibility (Import *imp)
{
  static const char *const columns[] = { "id", "location_id", "description", "details", NULL };
  OutTable *out = import_out (imp, "accessibility.csv", "accessibility", columns);
  HTable *t = _baken_hsds_table_of (imp, "accessibility");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = _baken_hsds_record_new ();
      const char *location_id = _baken_hsds_hget (t, row, "location_id");

      if (!is_kept (imp, "location", location_id))
        {
          dropped (imp, t, row, "accessibility %s %s", _baken_hsds_hget (t, row, "id"),
                   location_id == NULL ? "belongs to no location" : "belongs to a dropped location");
          continue;
        }
      copy_hsds (record, t, row, columns);
      if (_baken_hsds_hget (t, row, "description") == NULL)
        {
          if (_baken_hsds_hget (t, row, "details") == NULL)
            {
              dropped (imp, t, row, "accessibility %s has no description",
                       _baken_hsds_hget (t, row, "id"));
              continue;
            }
          _baken_hsds_set (record, "description", _baken_hsds_hget (t, row, "details"));
          _baken_hsds_set (record, "details", NULL);
        }
      import_add (imp, out, t, row, record);
    }
}

void
_baken_hsds_import_life_event (Import *imp)
{
  static const char *const event_columns[] = { "id", "parent_id", "position", "icon", "title",
                                               "summary", "question", "body", NULL };
  static const char *const link_columns[] = { "life_event_id", "service_id", "position",
                                              "note", NULL };
  OutTable *events = import_out (imp, "life_events.csv", "life_event", event_columns);
  OutTable *links = import_out (imp, "life_event_services.csv", "life_event_service", link_columns);
  g_autoptr(GHashTable) event = _baken_hsds_record_new ();
  HTable *t = _baken_hsds_table_of (imp, "service");
  guint position = 0;

  /* HSDS has no menu: the editor builds the real one from this. */
  _baken_hsds_set (event, "id", ALL_EVENT_ID);
  _baken_hsds_set (event, "position", "1");
  _baken_hsds_set (event, "icon", ALL_EVENT_ICON);
  _baken_hsds_set (event, "title", "Alle diensten");
  _baken_hsds_set (event, "summary", "Alle hulp en diensten op een rij.");
  _baken_hsds_out_table_add (events, event, NULL);

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) link = _baken_hsds_record_new ();

      if (!is_kept (imp, "service", _baken_hsds_hget (t, row, "id")))
        continue;
      _baken_hsds_set (link, "life_event_id", ALL_EVENT_ID);
      _baken_hsds_set (link, "service_id", _baken_hsds_hget (t, row, "id"));
      _baken_hsds_set_take (link, "position", g_strdup_printf ("%u", ++position));
      _baken_hsds_out_table_add (links, link, NULL);
    }

}

/* The most common value of field in the kept rows of table, or NULL. */
static const char *
most_common (Import     *imp,
             const char *resource,
             const char *field)
{
  HTable *t = _baken_hsds_table_of (imp, resource);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      const char *text = _baken_hsds_hget (t, row, field);
      guint n;

      if (text == NULL || !g_hash_table_contains (t->kept, _baken_hsds_hget (t, row, "id")))
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, text)) + 1;
      g_hash_table_insert (counts, (gpointer) text, GUINT_TO_POINTER (n));
      if (n > best_count)
        {
          best = text;
          best_count = n;
        }
    }

  return best;
}

JsonNode *
_baken_hsds_import_datapackage (Import *imp)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  HTable *organizations = _baken_hsds_table_of (imp, "organization");
  const char *publisher = imp->publisher != NULL ? imp->publisher : imp->title;
  const char *region = most_common (imp, "address", "state_province");

  if (publisher == NULL && organizations != NULL && organizations->rows->len > 0)
    publisher = _baken_hsds_hget (organizations, g_ptr_array_index (organizations->rows, 0),
                                  "name");
  if (publisher == NULL)
    publisher = "Onbekend";
  if (region == NULL)
    region = most_common (imp, "address", "city");
  if (region == NULL)
    region = "Onbekend";
  _baken_hsds_add_note (imp->notes,
                        "datapackage.json: baken.publisher of the content source is \"%s\" "
                        "and baken.region \"%s\"; check them", publisher, region);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "hsds-import");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, imp->title != NULL ? imp->title : "Imported from HSDS");
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, "tabular-data-package");
  json_builder_set_member_name (builder, "baken");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, BAKEN_SOURCE_FORMAT);
  json_builder_set_member_name (builder, "publisher");
  json_builder_add_string_value (builder, publisher);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, region);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < imp->out->len; i++)
    {
      OutTable *t = g_ptr_array_index (imp->out, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, t->resource);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, t->file);
      json_builder_set_member_name (builder, "profile");
      json_builder_add_string_value (builder, "tabular-data-resource");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Turns a problem of the written source ("FILE:LINE:COLUMN: MESSAGE") into one at the
 * HSDS record it came from. */
char *
_baken_hsds_map_back (Import     *imp,
                      const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 4);
  OutTable *out = NULL;
  const Origin *origin = NULL;
  guint64 line, column;
  const char *message;

  if (g_strv_length (parts) < 4 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &line, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, G_MAXUINT, &column, NULL))
    return g_strdup_printf ("(imported source) %s", text);
  message = parts[3][0] == ' ' ? parts[3] + 1 : parts[3];

  for (guint i = 0; i < imp->out->len; i++)
    if (strcmp (((OutTable *) g_ptr_array_index (imp->out, i))->file, parts[0]) == 0)
      out = g_ptr_array_index (imp->out, i);
  for (guint i = 0; out != NULL && i < out->origins->len; i++)
    if (g_array_index (out->origins, Origin, i).out_line <= line)
      origin = &g_array_index (out->origins, Origin, i);

  if (origin != NULL)
    {
      HTable *t = origin->table;
      HRow *row = origin->row;
      const char *name = column <= out->columns->len ? g_ptr_array_index (out->columns, column - 1) : "";
      guint hsds_line, hsds_column;

      if (_baken_hsds_hcolumn (t, name) >= 0)
        _baken_hsds_hposition (t, row, name, &hsds_line, &hsds_column);
      else
        {
          hsds_line = row->line;
          hsds_column = 1;
        }
      return g_strdup_printf ("%s:%u:%u: %s (Baken cannot take this value)", t->file,
                              hsds_line, hsds_column, message);
    }

  return g_strdup_printf ("(imported %s):%s:%s: %s", parts[0], parts[1], parts[2], message);
}
