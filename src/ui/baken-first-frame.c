/* baken-first-frame.c: the first painted frame, for the service manager and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When Home is on screen the service manager may stop waiting (READY=1), and the
 * watchdog pings start. BAKEN_REPORT_FIRST_FRAME=1 prints "first-frame-ms N"
 * (milliseconds from the start of main() to the end of the first painted frame) on
 * stdout; with BAKEN_QUIT_AFTER_FIRST_FRAME=1 as well, the application quits right after.
 * BAKEN_REPORT_FIRST_FRAME=phases also prints the time at which each phase of the start
 * ended (baken_first_frame_phase ()).
 */
#define G_LOG_DOMAIN "baken-application"

#include "config.h"

#include "baken-first-frame.h"

#include <stdio.h>

#include "baken-notify.h"

struct _BakenFirstFrame
{
  GObject         parent_instance;

  GApplication   *application;   /* (unowned) it owns this object */
  gint64          start_time_us;
  gulong          after_paint_id;
  guint           watchdog_id;   /* GSource id of the watchdog ping, 0 without one */
  GdkFrameClock  *frame_clock;   /* (unowned) while after_paint_id is connected */
};

G_DEFINE_FINAL_TYPE (BakenFirstFrame, baken_first_frame, G_TYPE_OBJECT)

static gboolean
quit_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));

  return G_SOURCE_REMOVE;
}

/* On the main loop, on purpose: when it hangs, the pings stop and the service manager
 * restarts the kiosk (WatchdogSec in the unit). */
static gboolean
watchdog_cb (gpointer data)
{
  baken_notify ("WATCHDOG=1");

  return G_SOURCE_CONTINUE;
}

static void
start_watchdog (BakenFirstFrame *self)
{
  guint interval = baken_notify_watchdog_interval_ms ();

  baken_notify ("READY=1");
  if (interval == 0 || self->watchdog_id != 0)
    return;

  self->watchdog_id = g_timeout_add (interval, watchdog_cb, self);
  g_source_set_name_by_id (self->watchdog_id, "[baken] watchdog");
  g_message ("Pinging the service manager's watchdog every %u ms", interval);
}

/* Whether BAKEN_REPORT_FIRST_FRAME asks for the figure: "1", or "phases" for the phases
 * as well. */
static gboolean
report_wanted (void)
{
  const char *report = g_getenv ("BAKEN_REPORT_FIRST_FRAME");

  return g_strcmp0 (report, "1") == 0 || g_strcmp0 (report, "phases") == 0;
}

void
baken_first_frame_phase (gint64      start_time_us,
                         const char *phase)
{
  if (g_strcmp0 (g_getenv ("BAKEN_REPORT_FIRST_FRAME"), "phases") != 0)
    return;

  g_print ("startup-phase %s %.1f\n", phase, (g_get_monotonic_time () - start_time_us) / 1000.0);
  fflush (stdout);
}

static void
after_paint_cb (GdkFrameClock    *frame_clock,
                BakenFirstFrame  *self)
{
  gint64 elapsed_us = g_get_monotonic_time () - self->start_time_us;
  const char *quit = g_getenv ("BAKEN_QUIT_AFTER_FIRST_FRAME");

  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  self->frame_clock = NULL;

  /* Home is on screen: now the service manager may stop waiting. */
  start_watchdog (self);

  if (!report_wanted ())
    return;

  g_print ("first-frame-ms %" G_GINT64_FORMAT "\n", elapsed_us / 1000);
  fflush (stdout);

  if (g_strcmp0 (quit, "1") == 0)
    g_idle_add_full (G_PRIORITY_LOW, quit_cb, g_object_ref (self->application),
                     g_object_unref);
}

static void
window_realize_cb (GtkWidget        *window,
                   BakenFirstFrame  *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, window_realize_cb, self);

  self->frame_clock = frame_clock;
  self->after_paint_id = g_signal_connect (frame_clock, "after-paint",
                                           G_CALLBACK (after_paint_cb), self);
}

static void
baken_first_frame_dispose (GObject *object)
{
  BakenFirstFrame *self = BAKEN_FIRST_FRAME (object);

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_handle_id (&self->watchdog_id, g_source_remove);

  G_OBJECT_CLASS (baken_first_frame_parent_class)->dispose (object);
}

static void
baken_first_frame_class_init (BakenFirstFrameClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = baken_first_frame_dispose;
}

static void
baken_first_frame_init (BakenFirstFrame *self)
{
}

BakenFirstFrame *
baken_first_frame_new (GApplication *application,
                       gint64        start_time_us)
{
  BakenFirstFrame *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (BAKEN_TYPE_FIRST_FRAME, NULL);
  self->application = application;
  self->start_time_us = start_time_us;

  return self;
}

void
baken_first_frame_watch (BakenFirstFrame *self,
                         GtkWidget       *window)
{
  g_return_if_fail (BAKEN_IS_FIRST_FRAME (self));
  g_return_if_fail (GTK_IS_WIDGET (window));

  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), self);
}
