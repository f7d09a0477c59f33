/* baken-report-csv.h: the report's tables as CSV files (baken-report --csv)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file per table (TABLE.csv, the names in baken-report-tables.c), for a
 * municipality's own spreadsheets and tools: RFC 4180 (commas, CRLF, quotes doubled),
 * UTF-8 with a byte order mark so that a spreadsheet reads "ë" right, a header row in the
 * report's language, dates as YYYY-MM-DD, numbers as plain digits and a count of 1 to 4
 * as "<5", as on the page. A text that a spreadsheet would take for a formula (it starts
 * with = + - @ or a tab) gets a ' in front, so a hostile kiosk name cannot run one.
 */
#pragma once

#include <glib.h>

#include "baken-report-tables.h"

G_BEGIN_DECLS

/* Writes every table into the folder dir (made if need be); each file is replaced
 * whole or not at all. */
gboolean baken_report_csv_write (const BakenReportTables  *tables,
                                 const char               *dir,
                                 GError                  **error);

G_END_DECLS
