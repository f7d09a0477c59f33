/* baken-report-html.h: the report as one self-contained HTML page (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file, nothing to fetch: the styles inline, the charts inline SVG, no script (the
 * page's Content-Security-Policy forbids any, and any request). It reads on a screen
 * and prints on A4. Every text that came from a report is escaped.
 */
#pragma once

#include <glib.h>

#include "baken-report-tables.h"

G_BEGIN_DECLS

/* The page. skipped holds the message of each file left out (the first ones are
 * listed); n_skipped counts them all, n_files counts every file looked at. */
char *baken_report_html (const BakenReportTables *tables,
                         GPtrArray               *skipped,
                         guint                    n_skipped,
                         guint                    n_files);

G_END_DECLS
