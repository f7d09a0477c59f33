/* baken-window-idle.c: "Bent u er nog?" and the reset between residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input is noticed in the capture phase on the window, before any widget sees it. The
 * decision is baken_idle_decide() (pure, in core); one timeout only wakes it when the
 * next decision can change: at the end of the timeout, then once per second of the
 * countdown so the number on screen follows.
 *
 * BAKEN_IDLE_SCALE (development and tests only, ignored in kiosk mode) multiplies both
 * durations: 0.01 turns 90 s + 20 s into 0.9 s + 0.2 s. The countdown still shows the
 * configured number of seconds.
 */
#define G_LOG_DOMAIN "baken-window-idle"

#include "config.h"

#include "baken-window-private.h"

#include "baken-idle-dialog.h"

static gboolean idle_timeout_cb (gpointer user_data);

static void
schedule (BakenWindow *self,
          gint64       delay_us)
{
  guint ms = (guint) CLAMP ((delay_us + 999) / 1000, 1, G_MAXUINT);

  g_clear_handle_id (&self->idle_timeout_id, g_source_remove);
  self->idle_timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, ms, idle_timeout_cb,
                                              self, NULL);
}

static gint64
second_us (BakenWindow *self)
{
  return MAX ((gint64) (G_USEC_PER_SEC * self->idle_scale), 1);
}

static void
show_prompt (BakenWindow *self,
             guint        seconds)
{
  if (self->idle_prompt == NULL)
    {
      /* Built when shown, so it speaks the current language. */
      self->idle_prompt = baken_idle_dialog_new ();
      adw_bin_set_child (self->prompt_slot, self->idle_prompt);
      baken_idle_dialog_set_seconds (BAKEN_IDLE_DIALOG (self->idle_prompt), seconds);
      gtk_widget_set_visible (GTK_WIDGET (self->prompt_slot), TRUE);
      /* Seen and heard. */
      _baken_window_a11y_prompt_shown (self);
      return;
    }

  baken_idle_dialog_set_seconds (BAKEN_IDLE_DIALOG (self->idle_prompt), seconds);
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_slot), TRUE);
}

static void
hide_prompt (BakenWindow *self)
{
  if (self->idle_prompt == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->prompt_slot), FALSE);
  adw_bin_set_child (self->prompt_slot, NULL);
  self->idle_prompt = NULL;
}

void
_baken_window_idle_update (BakenWindow *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 remaining = 0;
  gint64 unit = second_us (self);
  BakenIdleAction action;

  action = baken_idle_decide (&self->idle_policy, now, self->last_input,
                              _baken_window_is_at_rest (self), &remaining);

  switch (action)
    {
    case BAKEN_IDLE_ACTIVE:
      hide_prompt (self);
      schedule (self, remaining);
      break;

    case BAKEN_IDLE_PROMPT:
      {
        /* Round up: "20" shows for the whole first second. */
        gint64 seconds = (remaining + unit - 1) / unit;

        show_prompt (self, (guint) seconds);
        /* Wake when the number on screen goes down by one. */
        schedule (self, remaining - (seconds - 1) * unit);
      }
      break;

    case BAKEN_IDLE_RESET:
      hide_prompt (self);
      _baken_window_reset (self);
      self->last_input = g_get_monotonic_time ();
      schedule (self, self->idle_policy.timeout_us);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
idle_timeout_cb (gpointer user_data)
{
  BakenWindow *self = user_data;

  self->idle_timeout_id = 0;
  _baken_window_idle_update (self);

  return G_SOURCE_REMOVE;
}

static gboolean
input_event_cb (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                BakenWindow              *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  /* What a person does; not what the window system does (focus, crossing). */
  if (type == GDK_BUTTON_PRESS ||
      type == GDK_BUTTON_RELEASE ||
      type == GDK_MOTION_NOTIFY ||
      type == GDK_KEY_PRESS ||
      type == GDK_KEY_RELEASE ||
      type == GDK_TOUCH_BEGIN ||
      type == GDK_TOUCH_UPDATE ||
      type == GDK_TOUCH_END ||
      type == GDK_SCROLL ||
      type == GDK_TOUCHPAD_SWIPE ||
      type == GDK_TOUCHPAD_PINCH ||
      type == GDK_TOUCHPAD_HOLD)
    _baken_window_idle_poke (self);

  return GDK_EVENT_PROPAGATE;
}

void
_baken_window_idle_init (BakenWindow *self)
{
  BakenConfig *config = baken_context_get_config (self->context);
  GtkEventController *controller;

  self->idle_policy.timeout_us = (gint64) (config->idle_timeout * G_USEC_PER_SEC *
                                           self->idle_scale);
  self->idle_policy.countdown_us = (gint64) (config->idle_countdown * G_USEC_PER_SEC *
                                             self->idle_scale);
  self->last_input = g_get_monotonic_time ();

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_name (controller, "baken-idle-input");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (input_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  _baken_window_idle_update (self);
}

void
_baken_window_idle_dispose (BakenWindow *self)
{
  g_clear_handle_id (&self->idle_timeout_id, g_source_remove);
  self->idle_prompt = NULL;
}

void
_baken_window_idle_poke (BakenWindow *self)
{
  self->last_input = g_get_monotonic_time ();

  /* The prompt goes away at once; otherwise the timer re-decides when it is due. */
  if (self->idle_prompt != NULL)
    _baken_window_idle_update (self);
}

void
_baken_window_idle_expire (BakenWindow *self)
{
  self->last_input = g_get_monotonic_time () - self->idle_policy.timeout_us;
  _baken_window_idle_update (self);
}
