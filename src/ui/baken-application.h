/* baken-application.h: command line, config and the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_APPLICATION (baken_application_get_type ())

G_DECLARE_FINAL_TYPE (BakenApplication, baken_application, BAKEN, APPLICATION, AdwApplication)

/* start_time_us: g_get_monotonic_time () at the start of main(), for the first-frame
 * figure (BAKEN_REPORT_FIRST_FRAME=1). */
BakenApplication *baken_application_new (gint64 start_time_us);

G_END_DECLS
