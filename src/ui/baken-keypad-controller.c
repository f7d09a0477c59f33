/* baken-keypad-controller.c: what the keys of the tactile keypad do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A resident who cannot see uses the keypad beside the screen ([keypad] in kiosk.conf,
 * baken-keypad.h). Any keypad key switches speech mode on at once (the read-aloud
 * state of the "Lees voor" button, a11y.read-aloud; baken-speech-mode.c) and says
 * where the resident is and how to move; the key does nothing else then, so a first
 * key never acts unheard. While "Bent u er nog?" shows, any key only gives more time.
 * In speech mode:
 *
 *   Up, Down   the previous or next control: those of the page, then those around it
 *              (Back, Home, the accessibility bar, …), round and round
 *   Enter      activates the focused control       Back, Home   as the buttons do
 *   Help       where am I, and how to move          Repeat       the focused control;
 *                                                               held for 1 s, the screen
 *   Volume up, Volume down   the sound.* actions (baken-sound-controller.c), which say
 *              the new level
 *   Faster, Slower, Stop     the speech.* actions (baken-speech-controls.c)
 */
#define G_LOG_DOMAIN "baken-window-keypad"

#include "config.h"

#include "baken-keypad-controller.h"

#include "baken-keypad.h"

/* How long Repeat is held before the whole screen is read. */
#define REPEAT_HOLD_MS 1000

struct _BakenKeypadController
{
  GObject          parent_instance;

  GtkWidget       *window;       /* (unowned) owns this */
  BakenKeypad     *keypad;       /* (owned) */
  BakenSpeechMode *speech_mode;  /* (owned) */

  /* State */
  guint            held;         /* the keypad key that is down (its auto-repeat is no
                                  * press: EN 301 549 5.7), or 0 */
  gboolean         repeat_held;  /* Repeat is down: its auto-repeat says nothing */
  gint64           strike_us;    /* [keypad] double-strike-ms, in µs; 0: off */
  guint            last_key;     /* the keypad key taken last, and when (monotonic µs): */
  gint64           last_time;    /* the same again within strike_us is not taken */
  guint            hold_id;      /* GSource: Repeat held long enough, or 0 */
};

G_DEFINE_FINAL_TYPE (BakenKeypadController, baken_keypad_controller, G_TYPE_OBJECT)

enum {
  SIGNAL_ACTIVITY,
  SIGNAL_GO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
speech_mode_on (BakenKeypadController *self)
{
  baken_speech_mode_switch_on (self->speech_mode);
}

static void
say_where (BakenKeypadController *self)
{
  baken_speech_mode_say_where (self->speech_mode);
}

static void
move (BakenKeypadController *self,
      int                    step)
{
  baken_speech_mode_move (self->speech_mode, step);
}

static void
go (BakenKeypadController *self,
    const char            *action)
{
  gboolean done = FALSE;

  /* Home has no Back and no Home: say where the resident is instead of nothing. */
  g_signal_emit (self, signals[SIGNAL_GO], 0, action, &done);
  if (!done)
    say_where (self);
}

static gboolean
repeat_held_cb (gpointer user_data)
{
  BakenKeypadController *self = user_data;

  self->hold_id = 0;
  if (baken_speech_mode_get_on (self->speech_mode))
    baken_speech_mode_say_screen (self->speech_mode);

  return G_SOURCE_REMOVE;
}

/* Repeat: the focused control at once; still held a second later, the whole screen. */
static void
repeat_pressed (BakenKeypadController *self)
{
  if (self->repeat_held)
    return;

  self->repeat_held = TRUE;
  baken_speech_mode_say_focus (self->speech_mode);
  g_clear_handle_id (&self->hold_id, g_source_remove);
  self->hold_id = g_timeout_add (REPEAT_HOLD_MS, repeat_held_cb, self);
}

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 BakenKeypadController *self)
{
  baken_keypad_controller_release (self, keyval, state);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BakenKeypadController *self)
{
  return baken_keypad_controller_press (self, keyval, state) ? GDK_EVENT_STOP
                                                              : GDK_EVENT_PROPAGATE;
}

static void
baken_keypad_controller_dispose (GObject *object)
{
  BakenKeypadController *self = BAKEN_KEYPAD_CONTROLLER (object);

  g_clear_handle_id (&self->hold_id, g_source_remove);
  g_clear_object (&self->keypad);
  g_clear_object (&self->speech_mode);

  G_OBJECT_CLASS (baken_keypad_controller_parent_class)->dispose (object);
}

static void
baken_keypad_controller_class_init (BakenKeypadControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_keypad_controller_dispose;

  signals[SIGNAL_ACTIVITY] =
    g_signal_new ("activity",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[SIGNAL_GO] =
    g_signal_new ("go",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
}

static void
baken_keypad_controller_init (BakenKeypadController *self)
{
}

BakenKeypadController *
baken_keypad_controller_new (GtkWidget       *window,
                             BakenConfig     *config,
                             gboolean         kiosk,
                             BakenSpeechMode *speech_mode)
{
  BakenKeypadController *self;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (BAKEN_IS_SPEECH_MODE (speech_mode), NULL);

  self = g_object_new (BAKEN_TYPE_KEYPAD_CONTROLLER, NULL);
  self->window = window;
  self->keypad = baken_keypad_new (config);
  self->strike_us = (gint64) config->double_strike_ms * 1000;
  self->speech_mode = g_object_ref (speech_mode);

  /* In kiosk mode the kiosk's key filter asks first and tells the releases of what it
   * let through (baken-kiosk-lock.c). GTK gives a release to the controller that
   * handled the press, so one controller hears both. */
  if (!kiosk)
    {
      GtkEventController *controller = gtk_event_controller_key_new ();

      gtk_event_controller_set_name (controller, "baken-keypad");
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb),
                               self, 0);
      g_signal_connect_object (controller, "key-released", G_CALLBACK (key_released_cb),
                               self, 0);
      gtk_widget_add_controller (window, controller);
    }

  return self;
}

gboolean
baken_keypad_controller_press (BakenKeypadController *self,
                               guint                  keyval,
                               GdkModifierType        state)
{
  BakenKeypadCommand command;
  gint64 now;

  g_return_val_if_fail (BAKEN_IS_KEYPAD_CONTROLLER (self), FALSE);

  if (self->keypad == NULL || !baken_keypad_lookup (self->keypad, keyval, state, &command))
    return FALSE;

  /* Held down, a key repeats by itself: one press is one step, so a resident whose hand
   * rests on a key, or shakes, does not run over the screen. */
  if (keyval == self->held)
    return TRUE;
  self->held = keyval;

  /* A hand that shakes strikes a key twice: the same key again within
   * [keypad] double-strike-ms is not taken (EN 301 549 5.8). */
  now = g_get_monotonic_time ();
  if (self->strike_us > 0 && keyval == self->last_key && now - self->last_time < self->strike_us)
    return TRUE;
  self->last_key = keyval;
  self->last_time = now;

  /* Under "Bent u er nog?" no key comes here: the idle controller takes every press
   * under the prompt as "I am still here" and stops it (baken-idle-controller.c). */
  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);

  if (!baken_speech_mode_get_on (self->speech_mode))
    {
      speech_mode_on (self);
      say_where (self);
      return TRUE;
    }

  switch (command)
    {
    case BAKEN_KEYPAD_HELP:
      say_where (self);
      break;
    case BAKEN_KEYPAD_UP:
      move (self, -1);
      break;
    case BAKEN_KEYPAD_DOWN:
      move (self, +1);
      break;
    case BAKEN_KEYPAD_ENTER:
      baken_speech_mode_activate (self->speech_mode);
      break;
    case BAKEN_KEYPAD_BACK:
      go (self, "kiosk.back");
      break;
    case BAKEN_KEYPAD_HOME:
      go (self, "kiosk.home");
      break;
    case BAKEN_KEYPAD_REPEAT:
      repeat_pressed (self);
      break;
    case BAKEN_KEYPAD_VOLUME_UP:
      gtk_widget_activate_action (self->window, "sound.volume-up", NULL);
      break;
    case BAKEN_KEYPAD_VOLUME_DOWN:
      gtk_widget_activate_action (self->window, "sound.volume-down", NULL);
      break;
    case BAKEN_KEYPAD_FASTER:
      gtk_widget_activate_action (self->window, "speech.faster", NULL);
      break;
    case BAKEN_KEYPAD_SLOWER:
      gtk_widget_activate_action (self->window, "speech.slower", NULL);
      break;
    case BAKEN_KEYPAD_STOP:
      gtk_widget_activate_action (self->window, "speech.stop", NULL);
      break;
    case BAKEN_KEYPAD_N_COMMANDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

void
baken_keypad_controller_release (BakenKeypadController *self,
                                 guint                  keyval,
                                 GdkModifierType        state)
{
  BakenKeypadCommand command;

  g_return_if_fail (BAKEN_IS_KEYPAD_CONTROLLER (self));

  /* Any key let go (its keyval may differ from the press's: KP_2 and KP_Down). */
  self->held = 0;
  if (self->keypad != NULL && baken_keypad_lookup (self->keypad, keyval, state, &command) &&
      command == BAKEN_KEYPAD_REPEAT)
    {
      self->repeat_held = FALSE;
      g_clear_handle_id (&self->hold_id, g_source_remove);
    }
}
