/* baken-touch-explore.c: in speech mode, a first touch says a control, a second acts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person who cannot see explores the screen with a finger: the first touch on a
 * control says what it is ("Wonen en huur, knop, 3 van 11", through the focus, as the
 * keypad's Up and Down do) and does nothing else; a second touch on the same control,
 * or Enter on the keypad, activates it. Outside speech mode one touch acts as always.
 *
 * The press (or touch) is taken in the capture phase, before the control's own
 * gesture sees it, together with the rest of its sequence up to the release; so the
 * control never half-starts a click. "Bent u er nog?" keeps its own rules
 * (baken-idle-controller.c): under it nothing is explored.
 */
#define G_LOG_DOMAIN "baken-touch-explore"

#include "config.h"

#include "baken-touch-explore.h"

#include "baken-controls.h"

struct _BakenTouchExplore
{
  GObject          parent_instance;

  GtkWidget       *window;       /* (unowned) owns this */
  BakenSpeechMode *speech_mode;  /* (owned) */
  gboolean         taken;        /* the rest of a taken press is taken too */
};

G_DEFINE_FINAL_TYPE (BakenTouchExplore, baken_touch_explore, G_TYPE_OBJECT)

enum {
  SIGNAL_ACTIVITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The control of the screen at x, y of the window, or NULL. */
static GtkWidget *
find_control (BakenTouchExplore *self,
              double             x,
              double             y)
{
  g_autoptr(GPtrArray) controls = baken_controls_collect (self->window, NULL);
  GtkWidget *widget = gtk_widget_pick (self->window, x, y, GTK_PICK_DEFAULT);

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (g_ptr_array_find (controls, widget, NULL))
        return widget;
    }

  return NULL;
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          BakenTouchExplore        *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkNative *native = gtk_widget_get_native (self->window);
  GtkWidget *control;
  double x, y, dx, dy;

  if (type != GDK_BUTTON_PRESS && type != GDK_TOUCH_BEGIN)
    {
      if (!self->taken)
        return GDK_EVENT_PROPAGATE;
      if (type == GDK_BUTTON_RELEASE || type == GDK_TOUCH_END || type == GDK_TOUCH_CANCEL)
        self->taken = FALSE;
      return GDK_EVENT_STOP;
    }

  self->taken = FALSE;
  if (!baken_speech_mode_get_on (self->speech_mode) ||
      baken_speech_mode_get_prompted (self->speech_mode) ||
      !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  /* The event is in the surface's coordinates; the window may have a margin there. */
  gtk_native_get_surface_transform (native, &dx, &dy);
  control = find_control (self, x - dx, y - dy);
  if (control == NULL || control == gtk_root_get_focus (GTK_ROOT (self->window)))
    return GDK_EVENT_PROPAGATE;

  /* Said by speech mode, as the focus moves. */
  gtk_widget_grab_focus (control);
  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
  self->taken = TRUE;

  return GDK_EVENT_STOP;
}

static void
baken_touch_explore_dispose (GObject *object)
{
  BakenTouchExplore *self = BAKEN_TOUCH_EXPLORE (object);

  g_clear_object (&self->speech_mode);

  G_OBJECT_CLASS (baken_touch_explore_parent_class)->dispose (object);
}

static void
baken_touch_explore_class_init (BakenTouchExploreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_touch_explore_dispose;

  signals[SIGNAL_ACTIVITY] =
    g_signal_new ("activity",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
baken_touch_explore_init (BakenTouchExplore *self)
{
}

BakenTouchExplore *
baken_touch_explore_new (GtkWidget       *window,
                         BakenSpeechMode *speech_mode)
{
  BakenTouchExplore *self;
  GtkEventController *controller;

  g_return_val_if_fail (GTK_IS_ROOT (window), NULL);
  g_return_val_if_fail (BAKEN_IS_SPEECH_MODE (speech_mode), NULL);

  self = g_object_new (BAKEN_TYPE_TOUCH_EXPLORE, NULL);
  self->window = window;
  self->speech_mode = g_object_ref (speech_mode);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_name (controller, "baken-touch-explore");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (event_cb), self, 0);
  gtk_widget_add_controller (window, controller);

  return self;
}
