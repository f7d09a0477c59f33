/* baken-report-tables.h: the tables of the report, for the page and for CSV (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the report shows is first put in these tables, built once from the tally:
 * the HTML page (baken-report-html.c) draws its charts and tables from them, and
 * --csv writes each one as a file, so the two always hold the same numbers.
 */
#pragma once

#include <glib.h>

#include "baken-report-names.h"
#include "baken-report-table.h"
#include "baken-report-tally.h"
#include "baken-report-words.h"

G_BEGIN_DECLS

typedef enum {
  BAKEN_REPORT_TABLE_LIFE_EVENTS,
  BAKEN_REPORT_TABLE_WEEKS,       /* week start, week, id, name, count; rows by week */
  BAKEN_REPORT_TABLE_SITUATIONS,
  BAKEN_REPORT_TABLE_SERVICES,
  BAKEN_REPORT_TABLE_CHANNELS,
  BAKEN_REPORT_TABLE_USE,
  BAKEN_REPORT_TABLE_LANGUAGES,
  BAKEN_REPORT_TABLE_HOURS,
  BAKEN_REPORT_TABLE_HELPED,
  BAKEN_REPORT_TABLE_GAPS,
  BAKEN_REPORT_TABLE_WRONG,
  BAKEN_REPORT_TABLE_KIOSKS,
  BAKEN_REPORT_N_TABLES
} BakenReportTableId;

typedef struct
{
  const BakenReportWords *words;
  BakenReportTable       *tables[BAKEN_REPORT_N_TABLES];
  /* For the page's head. */
  guint32                 first_date;      /* Julian days; 0 when no report */
  guint32                 last_date;
  guint32                 today;
  guint                   n_reports;
  guint                   n_kiosks;
  guint                   n_behind;
  guint                   n_silent;
  guint64                 newest_serial;
  guint64                 dropped;         /* counts left out past the caps */
  BakenReportTotals       totals;
} BakenReportTables;

BakenReportTables     *baken_report_tables_new   (BakenReportTally       *tally,
                                                  BakenReportNames       *names,
                                                  const BakenReportWords *words);
void                   baken_report_tables_free  (BakenReportTables      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenReportTables, baken_report_tables_free)

G_END_DECLS
