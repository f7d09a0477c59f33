/* baken-first-frame.h: the first painted frame, for the service manager and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_FIRST_FRAME (baken_first_frame_get_type ())

G_DECLARE_FINAL_TYPE (BakenFirstFrame, baken_first_frame, BAKEN, FIRST_FRAME, GObject)

/* application: (unowned) it owns this object; quit after the first frame when asked.
 * start_time_us: the monotonic time at the start of main (). */
BakenFirstFrame *baken_first_frame_new   (GApplication    *application,
                                          gint64           start_time_us);
/* At the end of window's first painted frame: READY=1 and the watchdog pings for the
 * service manager, and BAKEN_REPORT_FIRST_FRAME / BAKEN_QUIT_AFTER_FIRST_FRAME. */
void             baken_first_frame_watch (BakenFirstFrame *self,
                                          GtkWidget       *window);

/* With BAKEN_REPORT_FIRST_FRAME=phases: prints "startup-phase PHASE MS" (milliseconds
 * since start_time_us, the start of main ()) on stdout, for bench/startup.py --phases.
 * The first frame is then reported as with BAKEN_REPORT_FIRST_FRAME=1. */
void             baken_first_frame_phase (gint64           start_time_us,
                                          const char      *phase);

G_END_DECLS
