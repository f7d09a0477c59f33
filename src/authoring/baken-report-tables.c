/* baken-report-tables.c: the tables of the report, for the page and for CSV (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-tables.h"

#include "baken-report-fleet.h"

#include <string.h>

static void
add_count (BakenReportTable *table,
           guint64           count)
{
  baken_report_table_add (table, BAKEN_REPORT_CELL_COUNT, count);
}

/* An id and its name from the bundle. */
static void
add_label (BakenReportTable *table,
           BakenReportNames *names,
           BakenReportList   list,
           const char       *key)
{
  baken_report_table_add_text (table, key);
  baken_report_table_add_text (table, baken_report_names_lookup (names, list, key));
}

static BakenReportTable *
life_events (GPtrArray              *items,
             BakenReportNames       *names,
             const BakenReportWords *w)
{
  BakenReportTable *table = baken_report_table_new ("life-events", w->life_events_title, TRUE,
                                                    w->id, w->life_event, w->opened, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      BakenReportItem *item = g_ptr_array_index (items, i);

      add_label (table, names, BAKEN_REPORT_LIST_LIFE_EVENTS, item->key);
      add_count (table, item->total);
    }
  return table;
}

static BakenReportTable *
weeks (GPtrArray              *items,
       BakenReportNames       *names,
       const BakenReportWords *w,
       guint32                 first_date,
       guint32                 last_date)
{
  BakenReportTable *table = baken_report_table_new ("life-events-per-week", w->weeks_title, FALSE,
                                                    w->week_start, w->week, w->id, w->life_event,
                                                    w->count, NULL);

  if (first_date == 0)
    return table;
  for (guint32 monday = baken_report_week_of (first_date); monday <= last_date; monday += 7)
    {
      GDate date;
      GDate thursday;
      g_autofree char *label = NULL;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, monday);
      thursday = date;
      g_date_add_days (&thursday, 3);
      label = g_strdup_printf ("%u-W%02u", g_date_get_year (&thursday),
                               g_date_get_iso8601_week_of_year (&date));
      for (guint i = 0; i < items->len; i++)
        {
          BakenReportItem *item = g_ptr_array_index (items, i);
          guint64 count = baken_report_item_get_week (item, monday);

          if (count == 0)
            continue;
          baken_report_table_add (table, BAKEN_REPORT_CELL_DATE, monday);
          baken_report_table_add_text (table, label);
          add_label (table, names, BAKEN_REPORT_LIST_LIFE_EVENTS, item->key);
          add_count (table, count);
        }
    }
  return table;
}

static BakenReportTable *
situations (GPtrArray              *items,
            BakenReportNames       *names,
            const BakenReportWords *w)
{
  BakenReportTable *table = baken_report_table_new ("situations", w->situations_title, TRUE, w->id,
                                                    w->situation, w->opened, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      BakenReportItem *item = g_ptr_array_index (items, i);

      add_label (table, names, BAKEN_REPORT_LIST_SITUATIONS, item->key);
      add_count (table, item->total);
    }
  return table;
}

static BakenReportTable *
services (GPtrArray              *items,
          BakenReportNames       *names,
          const BakenReportWords *w)
{
  BakenReportTable *table = baken_report_table_new ("services", w->services_title, TRUE, w->id,
                                                    w->service, w->viewed, w->helped_names[0],
                                                    w->helped_names[1], w->helped_names[2],
                                                    w->wrong_reports, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      BakenReportItem *item = g_ptr_array_index (items, i);

      add_label (table, names, BAKEN_REPORT_LIST_SERVICES, item->key);
      add_count (table, item->total);
      for (guint k = 0; k < BAKEN_REPORT_N_HELPED; k++)
        add_count (table, item->helped[k]);
      add_count (table, item->wrong_total);
    }
  return table;
}

static BakenReportTable *
channels (const BakenReportTotals *totals,
          const BakenReportWords  *w)
{
  BakenReportTable *table = baken_report_table_new ("channels", w->channels_title, FALSE,
                                                    w->channel, w->count, NULL);

  for (guint i = 0; i < BAKEN_REPORT_N_CHANNELS; i++)
    {
      baken_report_table_add_text (table, w->channel_names[i]);
      add_count (table, totals->channels[i]);
    }
  return table;
}

static BakenReportTable *
use (const BakenReportTotals *totals,
     const BakenReportWords  *w)
{
  BakenReportTable *table = baken_report_table_new ("use", w->use_title, FALSE, w->use_item,
                                                    w->count, NULL);
  const struct { const char *name; guint64 count; } rows[] = {
    { w->slips_resident, totals->slips_resident },
    { w->slips_handover, totals->slips_handover },
    { w->read_aloud, totals->read_aloud },
    { w->speech_mode, totals->speech_mode },
    { w->text_large, totals->text_large },
    { w->text_very_large, totals->text_very_large },
    { w->high_contrast, totals->high_contrast },
    { w->idle_resets, totals->idle_resets },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      baken_report_table_add_text (table, rows[i].name);
      add_count (table, rows[i].count);
    }
  return table;
}

static BakenReportTable *
languages (GPtrArray              *items,
           const BakenReportWords *w)
{
  static const char * const codes[] = { "nl", "en", "ar", "tr", "pl", "uk" };
  BakenReportTable *table = baken_report_table_new ("languages", w->languages_title, TRUE, w->id,
                                                    w->language, w->chosen, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      BakenReportItem *item = g_ptr_array_index (items, i);
      const char *name = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
        if (strcmp (codes[k], item->key) == 0)
          name = w->language_names[k];
      baken_report_table_add_text (table, item->key);
      baken_report_table_add_text (table, name);
      add_count (table, item->total);
    }
  return table;
}

static BakenReportTable *
hours (const BakenReportTotals *totals,
       const BakenReportWords  *w)
{
  BakenReportTable *table = baken_report_table_new ("hours", w->hours_title, FALSE, w->hour,
                                                    w->visits, NULL);

  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *hour = g_strdup_printf ("%02u:00", i);

      baken_report_table_add_text (table, hour);
      add_count (table, totals->visits_by_hour[i]);
    }
  return table;
}

static int
compare_answers (gconstpointer a,
                 gconstpointer b)
{
  const BakenReportItem *x = *(const BakenReportItem * const *) a;
  const BakenReportItem *y = *(const BakenReportItem * const *) b;
  guint64 nx = x->helped[0] + x->helped[1] + x->helped[2];
  guint64 ny = y->helped[0] + y->helped[1] + y->helped[2];

  if (nx != ny)
    return nx > ny ? -1 : 1;
  return strcmp (x->key, y->key);
}

static int
compare_wrong (gconstpointer a,
               gconstpointer b)
{
  const BakenReportItem *x = *(const BakenReportItem * const *) a;
  const BakenReportItem *y = *(const BakenReportItem * const *) b;

  if (x->wrong_total != y->wrong_total)
    return x->wrong_total > y->wrong_total ? -1 : 1;
  return strcmp (x->key, y->key);
}

static BakenReportTable *
helped (GPtrArray              *items,
        BakenReportNames       *names,
        const BakenReportWords *w)
{
  BakenReportTable *table = baken_report_table_new ("helped", w->helped_title, TRUE, w->id,
                                                    w->service, w->helped_names[0],
                                                    w->helped_names[1], w->helped_names[2],
                                                    w->answers, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      BakenReportItem *item = g_ptr_array_index (items, i);

      if (item->helped[0] + item->helped[1] + item->helped[2] > 0)
        g_ptr_array_add (rows, item);
    }
  g_ptr_array_sort (rows, compare_answers);
  for (guint i = 0; i < rows->len; i++)
    {
      BakenReportItem *item = g_ptr_array_index (rows, i);

      add_label (table, names, BAKEN_REPORT_LIST_SERVICES, item->key);
      for (guint k = 0; k < BAKEN_REPORT_N_HELPED; k++)
        add_count (table, item->helped[k]);
      add_count (table, item->helped[0] + item->helped[1] + item->helped[2]);
    }
  return table;
}

static BakenReportTable *
gaps (GPtrArray              *items,
      const BakenReportWords *w)
{
  BakenReportTable *table = baken_report_table_new ("searches-without-result", w->gaps_title, FALSE,
                                                    w->term, w->count, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      BakenReportItem *item = g_ptr_array_index (items, i);

      baken_report_table_add_text (table, item->key);
      add_count (table, item->total);
    }
  return table;
}

static BakenReportTable *
wrong (GPtrArray              *items,
       BakenReportNames       *names,
       const BakenReportWords *w)
{
  BakenReportTable *table = baken_report_table_new ("wrong", w->wrong_title, TRUE, w->id,
                                                    w->service, w->wrong_names[0],
                                                    w->wrong_names[1], w->wrong_names[2],
                                                    w->wrong_names[3], w->wrong_names[4], w->total,
                                                    NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    if (((BakenReportItem *) g_ptr_array_index (items, i))->wrong_total > 0)
      g_ptr_array_add (rows, g_ptr_array_index (items, i));
  g_ptr_array_sort (rows, compare_wrong);
  for (guint i = 0; i < rows->len; i++)
    {
      BakenReportItem *item = g_ptr_array_index (rows, i);

      add_label (table, names, BAKEN_REPORT_LIST_SERVICES, item->key);
      for (guint k = 0; k < BAKEN_REPORT_N_WRONG; k++)
        add_count (table, item->wrong[k]);
      add_count (table, item->wrong_total);
    }
  return table;
}

BakenReportTables *
baken_report_tables_new (BakenReportTally       *tally,
                         BakenReportNames       *names,
                         const BakenReportWords *words)
{
  BakenReportTables *self = g_new0 (BakenReportTables, 1);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) service_items = NULL;
  g_autoptr(GPtrArray) situation_items = NULL;
  g_autoptr(GPtrArray) term_items = NULL;
  g_autoptr(GPtrArray) language_items = NULL;

  g_return_val_if_fail (tally != NULL, NULL);
  g_return_val_if_fail (words != NULL, NULL);

  self->words = words;
  self->first_date = baken_report_tally_get_first_date (tally);
  self->last_date = baken_report_tally_get_last_date (tally);
  self->today = baken_report_tally_get_today (tally);
  self->n_reports = baken_report_tally_get_n_reports (tally);
  self->newest_serial = baken_report_tally_get_newest_serial (tally);
  self->totals = *baken_report_tally_get_totals (tally);
  for (guint i = 0; i < BAKEN_REPORT_N_LISTS; i++)
    self->dropped += baken_report_tally_get_dropped (tally, i);

  events = baken_report_tally_get_items (tally, BAKEN_REPORT_LIST_LIFE_EVENTS);
  situation_items = baken_report_tally_get_items (tally, BAKEN_REPORT_LIST_SITUATIONS);
  service_items = baken_report_tally_get_items (tally, BAKEN_REPORT_LIST_SERVICES);
  term_items = baken_report_tally_get_items (tally, BAKEN_REPORT_LIST_TERMS);
  language_items = baken_report_tally_get_items (tally, BAKEN_REPORT_LIST_LANGUAGES);

  self->tables[BAKEN_REPORT_TABLE_LIFE_EVENTS] = life_events (events, names, words);
  self->tables[BAKEN_REPORT_TABLE_WEEKS] = weeks (events, names, words, self->first_date,
                                                  self->last_date);
  self->tables[BAKEN_REPORT_TABLE_SITUATIONS] = situations (situation_items, names, words);
  self->tables[BAKEN_REPORT_TABLE_SERVICES] = services (service_items, names, words);
  self->tables[BAKEN_REPORT_TABLE_CHANNELS] = channels (&self->totals, words);
  self->tables[BAKEN_REPORT_TABLE_USE] = use (&self->totals, words);
  self->tables[BAKEN_REPORT_TABLE_LANGUAGES] = languages (language_items, words);
  self->tables[BAKEN_REPORT_TABLE_HOURS] = hours (&self->totals, words);
  self->tables[BAKEN_REPORT_TABLE_HELPED] = helped (service_items, names, words);
  self->tables[BAKEN_REPORT_TABLE_GAPS] = gaps (term_items, words);
  self->tables[BAKEN_REPORT_TABLE_WRONG] = wrong (service_items, names, words);
  self->tables[BAKEN_REPORT_TABLE_KIOSKS] =
    baken_report_fleet_table (tally, words, self->newest_serial, &self->n_behind,
                              &self->n_silent);
  self->n_kiosks = baken_report_table_get_n_rows (self->tables[BAKEN_REPORT_TABLE_KIOSKS]);
  return self;
}

void
baken_report_tables_free (BakenReportTables *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < BAKEN_REPORT_N_TABLES; i++)
    baken_report_table_free (self->tables[i]);
  g_free (self);
}
