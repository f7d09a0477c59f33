/* baken-hsds-import-schedules.c: map HSDS schedules to weekly slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Baken keeps weekly opening hours (freq WEEKLY, byday, opens_at, closes_at) of a
 * service or a service at a location; what it cannot show is dropped with a note.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-schedules.h"

#include <string.h>

#include "baken-content-source.h"
#include "baken-hours.h"
#include "baken-hsds-import-out.h"
#include "baken-hsds-notes.h"
#include "baken-hsds-out-table.h"
#include "baken-hsds-time.h"

/* The service at location of service_id at location_id, or NULL. */
static const char *
find_sal (Import     *imp,
          const char *service_id,
          const char *location_id)
{
  HTable *t = baken_hsds_table_of (imp, "service_at_location");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);

      if (g_strcmp0 (baken_hsds_hget (t, row, "service_id"), service_id) == 0 &&
          g_strcmp0 (baken_hsds_hget (t, row, "location_id"), location_id) == 0 &&
          baken_hsds_import_is_kept (imp, "service_at_location", baken_hsds_hget (t, row, "id")))
        return baken_hsds_hget (t, row, "id");
    }

  return NULL;
}

void
baken_hsds_import_schedules (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "service_at_location_id", "byday",
                                         "opens_at", "closes_at", "valid_from", "valid_to",
                                         "description", NULL };
  static const char *const restrictions[] = { "bymonthday", "byyearday", "byweekno", "count",
                                              NULL };
  OutTable *out = baken_hsds_import_out (imp, "schedules.csv", "schedule", columns);
  HTable *t = baken_hsds_table_of (imp, "schedule");
  guint n_kept = 0;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *id = baken_hsds_hget (t, row, "id");
      const char *freq = baken_hsds_hget (t, row, "freq");
      const char *interval = baken_hsds_hget (t, row, "interval");
      const char *service_id = baken_hsds_hget (t, row, "service_id");
      const char *location_id = baken_hsds_hget (t, row, "location_id");
      const char *sal_id = baken_hsds_hget (t, row, "service_at_location_id");
      const char *opens_at = baken_hsds_hget (t, row, "opens_at");
      const char *closes_at = baken_hsds_hget (t, row, "closes_at");
      const char *restriction = NULL;
      g_autofree char *byday = g_ascii_strup (baken_hsds_hget (t, row, "byday") != NULL
                                              ? baken_hsds_hget (t, row, "byday") : "", -1);
      int opens, closes;
      gboolean exact_opens, exact_closes;
      guint mask;

      for (guint i = 0; restrictions[i] != NULL && restriction == NULL; i++)
        if (baken_hsds_hget (t, row, restrictions[i]) != NULL)
          restriction = restrictions[i];

      g_strdelimit (byday, " ", ',');
      if (freq != NULL && strcmp (freq, "WEEKLY") != 0)
        {
          baken_hsds_import_dropped (imp, t, row,
                                     "schedule %s: freq %s; Baken shows weekly hours only", id,
                                     freq);
          continue;
        }
      if (interval != NULL && g_ascii_strtod (interval, NULL) != 1.0)
        {
          baken_hsds_import_dropped (imp, t, row,
                                     "schedule %s: interval %s (every %s weeks); Baken shows "
                                     "hours that repeat every week", id, interval, interval);
          continue;
        }
      if (restriction != NULL)
        {
          baken_hsds_import_dropped (imp, t, row,
                                     "schedule %s: limited by %s %s, which Baken cannot show", id,
                                     restriction, baken_hsds_hget (t, row, restriction));
          continue;
        }
      if (opens_at == NULL || closes_at == NULL)
        {
          baken_hsds_import_dropped (imp, t, row, "schedule %s has no %s", id,
                                     opens_at == NULL && closes_at == NULL ? "opens_at and closes_at"
                                     : opens_at == NULL ? "opens_at" : "closes_at");
          continue;
        }
      if (*byday != '\0' && !baken_content_source_parse_byday (byday, &mask))
        {
          baken_hsds_import_dropped (imp, t, row,
                                     "schedule %s: byday \"%s\" is not a list of week days (such "
                                     "as MO,TU,FR)", id, baken_hsds_hget (t, row, "byday"));
          continue;
        }
      if (!baken_hsds_parse_hsds_time (opens_at, &opens, &exact_opens) ||
          !baken_hsds_parse_hsds_time (closes_at, &closes, &exact_closes))
        g_assert_not_reached ();   /* checked with the types */
      if (!exact_opens || !exact_closes)
        {
          baken_hsds_import_dropped (imp, t, row,
                                     "schedule %s: times to the second (%s–%s); Baken shows hours "
                                     "and minutes", id, opens_at, closes_at);
          continue;
        }
      if (closes == 0)
        closes = BAKEN_MINUTES_PER_DAY;
      if (opens == closes)
        {
          baken_hsds_import_dropped (imp, t, row, "schedule %s opens and closes at the same time",
                                     id);
          continue;
        }

      if (sal_id != NULL)
        {
          if (!baken_hsds_import_is_kept (imp, "service_at_location", sal_id))
            {
              baken_hsds_import_dropped (imp, t, row,
                                         "schedule %s: its service at location %s was dropped", id,
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
          baken_hsds_import_dropped (imp, t, row,
                                     "schedule %s is for a location only; Baken keeps hours per "
                                     "service, or per service at a location", id);
          continue;
        }
      else if (location_id != NULL)
        {
          baken_hsds_add_note (imp->notes,
                               "%s:%u: schedule %s: service %s is not at location %s in "
                               "service_at_location.csv; kept as hours of the service", t->file,
                               row->line, id, service_id, location_id);
        }

      baken_hsds_set (record, "id", id);
      baken_hsds_set (record, "service_id", service_id);
      baken_hsds_set (record, "service_at_location_id", sal_id);
      baken_hsds_set (record, "byday", byday);
      baken_hsds_set_take (record, "opens_at", baken_hsds_format_minutes (opens, FALSE));
      baken_hsds_set_take (record, "closes_at", baken_hsds_format_minutes (closes, FALSE));
      baken_hsds_set (record, "valid_from",
                      baken_hsds_hget (t, row, "valid_from") != NULL
                      ? baken_hsds_hget (t, row, "valid_from")
                      : baken_hsds_hget (t, row, "dtstart"));
      baken_hsds_set (record, "valid_to",
                      baken_hsds_hget (t, row, "valid_to") != NULL
                      ? baken_hsds_hget (t, row, "valid_to")
                      : baken_hsds_hget (t, row, "until"));
      baken_hsds_set (record, "description", baken_hsds_hget (t, row, "description"));
      baken_hsds_import_add (imp, out, t, row, record);
      n_kept++;
    }

  if (n_kept > 0)
    baken_hsds_add_note (imp->notes,
                         "schedules.csv: HSDS has no field for public holidays, so the %u "
                         "imported %s close on Dutch public holidays; add PH to byday where "
                         "the hours also hold on holidays (a crisis line open day and night)",
                         n_kept, n_kept == 1 ? "schedule" : "schedules");
}
