/* baken-report-fleet.c: the table of kiosks, and which need a look (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-fleet.h"

#include <string.h>

static const char *
choice_word (const char         *value,
             const char * const *values,
             const char * const *words)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return words[i];
  return value;
}

typedef struct
{
  BakenReportKiosk *kiosk;
  guint             silent_days;  /* 0 unless silent */
  gboolean          behind;
} KioskRow;

static int
compare_kiosk_rows (gconstpointer a,
                    gconstpointer b)
{
  const KioskRow *x = a, *y = b;
  int rank_x = (x->silent_days > 0) * 2 + x->behind;
  int rank_y = (y->silent_days > 0) * 2 + y->behind;

  if (rank_x != rank_y)
    return rank_y - rank_x;
  return strcmp (x->kiosk->id, y->kiosk->id);
}

BakenReportTable *
baken_report_fleet_table (BakenReportTally       *tally,
                          const BakenReportWords *w,
                          guint64                 newest_serial,
                          guint                  *n_behind,
                          guint                  *n_silent)
{
  static const char * const sync_results[] = { "never", "installed", "unchanged", "failed",
                                               NULL };
  static const char * const printer_states[] = { "ready", "busy", "problem", "none", NULL };
  guint32 today = baken_report_tally_get_today (tally);
  BakenReportTable *table = baken_report_table_new ("kiosks", w->fleet_title, TRUE, w->id, w->kiosk,
                                                    w->status, w->serial, w->published,
                                                    w->app_version, w->first_seen, w->last_seen,
                                                    w->days_reported, w->last_sync, w->sync_result,
                                                    w->sync_reason, w->printer, w->restarts,
                                                    w->fallbacks, NULL);
  g_autoptr(GPtrArray) all = baken_report_tally_get_kiosks (tally);
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, TRUE, sizeof (KioskRow), all->len);

  for (guint i = 0; i < all->len; i++)
    {
      KioskRow row = { g_ptr_array_index (all, i), 0, FALSE };

      if (today > row.kiosk->last_date + BAKEN_REPORT_SILENT_DAYS)
        row.silent_days = today - row.kiosk->last_date;
      row.behind = row.kiosk->serial < newest_serial;
      *n_silent += row.silent_days > 0;
      *n_behind += row.behind;
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_kiosk_rows);

  for (guint i = 0; i < rows->len; i++)
    {
      KioskRow *row = &g_array_index (rows, KioskRow, i);
      BakenReportKiosk *kiosk = row->kiosk;
      g_autoptr(GString) status = g_string_new (NULL);
      BakenReportCell *cell;

      if (row->silent_days > 0)
        {
          g_autofree char *days = baken_report_words_number (w, row->silent_days);
          g_autofree char *silent = baken_report_words_fill (w->status_silent, days);

          g_string_append (status, silent);
        }
      if (row->behind)
        g_string_append_printf (status, "%s%s", status->len > 0 ? "; " : "", w->status_behind);
      if (status->len == 0)
        g_string_append (status, w->status_ok);

      baken_report_table_add_text (table, kiosk->id);
      baken_report_table_add_text (table, kiosk->name);
      cell = baken_report_table_add_text (table, status->str);
      cell->marked = row->silent_days > 0 || row->behind;
      cell = baken_report_table_add (table, BAKEN_REPORT_CELL_NUMBER, kiosk->serial);
      cell->marked = row->behind;
      baken_report_table_add_text (table, kiosk->published);
      baken_report_table_add_text (table, kiosk->app_version);
      baken_report_table_add (table, BAKEN_REPORT_CELL_DATE, kiosk->first_date);
      cell = baken_report_table_add (table, BAKEN_REPORT_CELL_DATE, kiosk->last_date);
      cell->marked = row->silent_days > 0;
      baken_report_table_add (table, BAKEN_REPORT_CELL_NUMBER, kiosk->n_days);
      baken_report_table_add_text (table, kiosk->sync_at);
      baken_report_table_add_text (table, choice_word (kiosk->sync_result, sync_results,
                                                       w->sync_results));
      baken_report_table_add_text (table, kiosk->sync_reason);
      baken_report_table_add_text (table, choice_word (kiosk->printer_state, printer_states,
                                                       w->printer_states));
      baken_report_table_add (table, BAKEN_REPORT_CELL_NUMBER, kiosk->restarts);
      baken_report_table_add (table, BAKEN_REPORT_CELL_NUMBER, kiosk->fallbacks);
    }
  return table;
}

