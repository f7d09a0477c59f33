/* baken-status-reports.h: the monitor's reports on the staff status screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_STATUS_REPORTS (baken_status_reports_get_type ())

G_DECLARE_FINAL_TYPE (BakenStatusReports, baken_status_reports, BAKEN, STATUS_REPORTS, GtkBox)

/* "Rapporten": how many wait to be sent, the last upload and what the server said
 * (e.g. 401: the token is wrong), and "Op USB-stick zetten" for every pending report
 * and today's so far (baken_monitor_export_async ()) onto a USB stick that is plugged
 * in — or, for development and tests, into the folder BAKEN_EXPORT_TO_DIR. */
GtkWidget *baken_status_reports_new (BakenContext *context);

G_END_DECLS
