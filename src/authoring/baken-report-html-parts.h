/* baken-report-html-parts.h: sections and tables of the report page (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pieces every section of the page is made of: a heading with its anchor and a
 * sentence on what it shows, a table drawn from one of the report's tables (a count of
 * 1 to 4 as "<5", an id with its name under one heading), and the line that says where
 * the rows left off the page are (the CSV file of the same table).
 */
#pragma once

#include <glib.h>

#include "baken-report-tables.h"

G_BEGIN_DECLS

/* Writes the extra last cell of row (a small chart) for baken_report_html_table (). */
typedef void (*BakenReportHtmlCell) (GString                *out,
                                     const BakenReportTable *table,
                                     guint                   row,
                                     gpointer                user_data);

void   baken_report_html_section_open  (GString                 *out,
                                        const char              *anchor,
                                        const char              *title,
                                        const char              *intro);
void   baken_report_html_section_close (GString                 *out);

/* A paragraph of plain text (escaped). */
void   baken_report_html_paragraph     (GString                 *out,
                                        const char              *css_class,
                                        const char              *text);

/* The table's columns (column 0 of a labelled table shows the id and its name), its
 * first max_rows rows (0: all), an extra column headed extra_title filled by extra
 * (both nullable), then a note naming the CSV file if rows were left out. A table
 * without rows is a "no data" line. */
void   baken_report_html_table         (GString                 *out,
                                        const BakenReportTables *tables,
                                        BakenReportTableId       id,
                                        const guint             *columns,
                                        guint                    n_columns,
                                        guint                    max_rows,
                                        const char              *extra_title,
                                        BakenReportHtmlCell      extra,
                                        gpointer                 user_data);

/* The label of row of a labelled table: its name from the bundle, or else its id. */
const char *baken_report_html_label    (const BakenReportTable  *table,
                                        guint                    row);

G_END_DECLS
