/* baken-report-fleet.h: the table of kiosks, and which need a look (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kiosk with what its newest report says: name, content serial, version, last
 * sync, printer. A kiosk is behind when its serial is lower than the highest serial any
 * kiosk runs; it is silent when its last report is more than BAKEN_REPORT_SILENT_DAYS
 * days before today. Those come first, marked; then the rest by id.
 */
#pragma once

#include <glib.h>

#include "baken-report-table.h"
#include "baken-report-tally.h"

G_BEGIN_DECLS

#define BAKEN_REPORT_SILENT_DAYS 2

/* The table "kiosks"; adds the kiosks behind and silent to *n_behind and *n_silent. */
BakenReportTable *baken_report_fleet_table (BakenReportTally       *tally,
                                            const BakenReportWords *words,
                                            guint64                 newest_serial,
                                            guint                  *n_behind,
                                            guint                  *n_silent);

G_END_DECLS
