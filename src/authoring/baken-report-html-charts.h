/* baken-report-html-charts.h: the sections of the report page that have a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each draws its chart (baken-report-svg.c) from one of the report's tables, so the
 * chart, the table on the page and the CSV file hold the same numbers.
 */
#pragma once

#include <glib.h>

#include "baken-report-tables.h"

G_BEGIN_DECLS

/* The weeks shown in the chart of life events per week; older weeks are in the CSV. */
#define BAKEN_REPORT_CHART_WEEKS 53

/* Life events per week: the stacked chart, and every life event with its total and a
 * small chart of its weeks. */
void baken_report_html_weeks (GString                 *out,
                              const BakenReportTables *tables);

/* A chart of bars of the first max_rows rows of table id, the label from column 0 (and
 * the name in column 1 of a labelled table), the value from value_column. */
void baken_report_html_bars  (GString                 *out,
                              const BakenReportTables *tables,
                              BakenReportTableId       id,
                              guint                    value_column,
                              guint                    max_rows);

/* Visits per hour of the day, as columns. */
void baken_report_html_hours (GString                 *out,
                              const BakenReportTables *tables);

G_END_DECLS
