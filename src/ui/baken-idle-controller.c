/* baken-idle-controller.c: "Bent u er nog?" and the reset between residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input is noticed in the capture phase on the window, before any widget sees it. The
 * decision is baken_idle_decide() (pure, in base); one timeout only wakes it when the
 * next decision can change: at the end of the timeout, then once per second of the
 * countdown so the number on screen follows.
 *
 * The prompt is modal: it takes the focus on "Ja, ik wil meer tijd", and the page under
 * it is not drawn (the next person must not see the last one's search). A key press or
 * a tap while it is shown gives more time and goes no further, so Enter never reaches
 * the page below; once it is gone the focus is back where it was. Near the end of the
 * countdown "prompt-reminder" asks for it to be said again.
 *
 * While the kiosk is busy (speech is playing, set_busy ()), the time without input
 * does not run: it starts again when the speech ends. The prompt's own speech does not
 * count.
 *
 * BAKEN_IDLE_SCALE (development and tests only, ignored in kiosk mode) multiplies both
 * durations: 0.01 turns 90 s + 20 s into 0.9 s + 0.2 s. The countdown still shows the
 * configured number of seconds.
 */
#define G_LOG_DOMAIN "baken-window-idle"

#include "config.h"

#include "baken-idle-controller.h"

#include "baken-idle.h"
#include "baken-idle-dialog.h"

struct _BakenIdleController
{
  GObject            parent_instance;

  /* Inputs */
  GtkWidget         *widget;       /* (unowned) the window, which owns this */
  AdwBin            *prompt_slot;  /* (unowned) in widget */
  GtkWidget         *covered;      /* (unowned) in widget: not drawn under the prompt */
  BakenIdlePolicy    policy;
  gint64             second_us;    /* one second of the countdown, scaled */
  BakenIdleRestFunc  at_rest;
  gpointer           at_rest_data;

  /* State */
  gint64             last_input;   /* monotonic µs */
  guint              timeout_id;   /* GSource, 0 when none */
  GtkWidget         *prompt;       /* (unowned) in prompt_slot, or NULL */
  GtkWidget         *focus_before; /* (nullable) weak: the focus when the prompt came */
  gboolean           reminded;     /* "prompt-reminder" was emitted for this prompt */
  gboolean           busy;         /* speech is playing: the time does not run */
};

G_DEFINE_FINAL_TYPE (BakenIdleController, baken_idle_controller, G_TYPE_OBJECT)

enum {
  SIGNAL_PROMPT_SHOWN,
  SIGNAL_PROMPT_REMINDER,
  SIGNAL_EXPIRED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean timeout_cb (gpointer user_data);

static void
schedule (BakenIdleController *self,
          gint64               delay_us)
{
  guint ms = (guint) CLAMP ((delay_us + 999) / 1000, 1, G_MAXUINT);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, ms, timeout_cb, self, NULL);
}

static void
show_prompt (BakenIdleController *self,
             guint                seconds)
{
  GtkRoot *root = gtk_widget_get_root (self->widget);

  if (self->prompt == NULL)
    {
      /* Built when shown, so it speaks the current language. */
      self->prompt = baken_idle_dialog_new ();
      adw_bin_set_child (self->prompt_slot, self->prompt);
      baken_idle_dialog_set_seconds (BAKEN_IDLE_DIALOG (self->prompt), seconds);
      self->reminded = FALSE;
      g_set_weak_pointer (&self->focus_before, root != NULL ? gtk_root_get_focus (root) : NULL);
      /* Modal: the page is not drawn and cannot be reached under the prompt. */
      gtk_widget_set_child_visible (self->covered, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->prompt_slot), TRUE);
      baken_idle_dialog_grab_focus (BAKEN_IDLE_DIALOG (self->prompt));
      /* Seen and heard. */
      g_signal_emit (self, signals[SIGNAL_PROMPT_SHOWN], 0);
      return;
    }

  baken_idle_dialog_set_seconds (BAKEN_IDLE_DIALOG (self->prompt), seconds);
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_slot), TRUE);
  if (!self->reminded && seconds <= baken_idle_reminder_s ((guint) (self->policy.countdown_us /
                                                                    self->second_us)))
    {
      self->reminded = TRUE;
      g_signal_emit (self, signals[SIGNAL_PROMPT_REMINDER], 0);
    }
}

/* restore: the resident stays, and the focus goes back where it was. */
static void
hide_prompt (BakenIdleController *self,
             gboolean             restore)
{
  g_autoptr(GtkWidget) focus = NULL;

  if (self->prompt == NULL)
    return;

  if (self->focus_before != NULL)
    focus = g_object_ref (self->focus_before);
  g_clear_weak_pointer (&self->focus_before);
  gtk_widget_set_child_visible (self->covered, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_slot), FALSE);
  adw_bin_set_child (self->prompt_slot, NULL);
  self->prompt = NULL;

  if (restore && focus != NULL && gtk_widget_get_root (focus) == gtk_widget_get_root (self->widget))
    gtk_widget_grab_focus (focus);
}

static gboolean
timeout_cb (gpointer user_data)
{
  BakenIdleController *self = user_data;

  self->timeout_id = 0;
  baken_idle_controller_update (self);

  return G_SOURCE_REMOVE;
}

static gboolean
input_event_cb (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                BakenIdleController      *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  /* Under the prompt a press is "I am still here", and goes no further. */
  if (self->prompt != NULL &&
      (type == GDK_BUTTON_PRESS || type == GDK_KEY_PRESS || type == GDK_TOUCH_BEGIN))
    {
      baken_idle_controller_poke (self);
      return GDK_EVENT_STOP;
    }

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
    baken_idle_controller_poke (self);

  return GDK_EVENT_PROPAGATE;
}

static void
baken_idle_controller_dispose (GObject *object)
{
  BakenIdleController *self = BAKEN_IDLE_CONTROLLER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->focus_before);
  self->prompt = NULL;

  G_OBJECT_CLASS (baken_idle_controller_parent_class)->dispose (object);
}

static void
baken_idle_controller_class_init (BakenIdleControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_idle_controller_dispose;

  signals[SIGNAL_PROMPT_SHOWN] =
    g_signal_new ("prompt-shown",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_PROMPT_REMINDER] =
    g_signal_new ("prompt-reminder",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_EXPIRED] =
    g_signal_new ("expired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
baken_idle_controller_init (BakenIdleController *self)
{
}

BakenIdleController *
baken_idle_controller_new (GtkWidget         *widget,
                           AdwBin            *prompt_slot,
                           GtkWidget         *covered,
                           gint64             timeout_us,
                           gint64             countdown_us,
                           gint64             second_us,
                           BakenIdleRestFunc  at_rest,
                           gpointer           user_data)
{
  BakenIdleController *self;
  GtkEventController *controller;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (ADW_IS_BIN (prompt_slot), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (covered), NULL);
  g_return_val_if_fail (at_rest != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_IDLE_CONTROLLER, NULL);
  self->widget = widget;
  self->prompt_slot = prompt_slot;
  self->covered = covered;
  self->policy.timeout_us = timeout_us;
  self->policy.countdown_us = countdown_us;
  self->second_us = MAX (second_us, 1);
  self->at_rest = at_rest;
  self->at_rest_data = user_data;
  self->last_input = g_get_monotonic_time ();

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_name (controller, "baken-idle-input");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (input_event_cb), self, 0);
  gtk_widget_add_controller (widget, controller);

  baken_idle_controller_update (self);

  return self;
}

void
baken_idle_controller_update (BakenIdleController *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 remaining = 0;
  gint64 unit = self->second_us;
  BakenIdleAction action;

  g_return_if_fail (BAKEN_IS_IDLE_CONTROLLER (self));

  /* Speech is playing to someone: their time has not started. */
  if (self->busy && self->prompt == NULL)
    self->last_input = now;

  action = baken_idle_decide (&self->policy, now, self->last_input,
                              self->at_rest (self->at_rest_data), &remaining);

  switch (action)
    {
    case BAKEN_IDLE_ACTIVE:
      hide_prompt (self, TRUE);
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
      hide_prompt (self, FALSE);
      g_signal_emit (self, signals[SIGNAL_EXPIRED], 0);
      self->last_input = g_get_monotonic_time ();
      schedule (self, self->policy.timeout_us);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
baken_idle_controller_poke (BakenIdleController *self)
{
  g_return_if_fail (BAKEN_IS_IDLE_CONTROLLER (self));

  self->last_input = g_get_monotonic_time ();

  /* The prompt goes away at once; otherwise the timer re-decides when it is due. */
  if (self->prompt != NULL)
    baken_idle_controller_update (self);
}

void
baken_idle_controller_expire (BakenIdleController *self)
{
  g_return_if_fail (BAKEN_IS_IDLE_CONTROLLER (self));

  self->last_input = g_get_monotonic_time () - self->policy.timeout_us;
  baken_idle_controller_update (self);
}

GtkWidget *
baken_idle_controller_get_prompt (BakenIdleController *self)
{
  g_return_val_if_fail (BAKEN_IS_IDLE_CONTROLLER (self), NULL);

  return self->prompt;
}

void
baken_idle_controller_set_timeout (BakenIdleController *self,
                                   gint64               timeout_us)
{
  g_return_if_fail (BAKEN_IS_IDLE_CONTROLLER (self));
  g_return_if_fail (timeout_us > 0);

  self->policy.timeout_us = timeout_us;
  baken_idle_controller_update (self);
}

void
baken_idle_controller_set_busy (BakenIdleController *self,
                                gboolean             busy)
{
  g_return_if_fail (BAKEN_IS_IDLE_CONTROLLER (self));

  if (self->busy == busy)
    return;

  self->busy = busy;
  /* The time without input starts when the speech ends. */
  if (!busy && self->prompt == NULL)
    self->last_input = g_get_monotonic_time ();
}
