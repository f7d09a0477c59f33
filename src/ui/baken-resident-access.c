/* baken-resident-access.c: the ways in besides touch: settings, speech, keypad, keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One resident cannot read small text, another cannot see, a third uses a keyboard.
 * This object holds the parts for them and wires them together:
 *
 *   BakenA11yController   the accessibility bar: read aloud, text size, contrast, reach,
 *                         the language picker
 *   BakenSpeechSource     what "Lees voor" says: the prompt, the picker or the page
 *   BakenSpeechMode       for blind residents: the screen said control by control
 *   BakenKeypadController the keypad that drives speech mode (its Back and Home are
 *                         the window's kiosk.back and kiosk.home, off on Home)
 *   BakenFocusPath        where the keyboard focus goes
 *   BakenSpeechControls   speech faster, slower, stopped
 *   BakenTouchExplore     in speech mode, a first touch says a control, a second acts
 *   BakenSoundController  kiosk mode: a headset takes the speech; volume up and down
 *
 * and the order in which the keys are heard (listen ()). The window uses it one way:
 * it creates it with its slots and tells it about new pages; it hears back by the
 * signal "activity".
 */
#define G_LOG_DOMAIN "baken-resident-access"

#include "config.h"

#include "baken-resident-access.h"

#include "baken-focus-path.h"
#include "baken-keypad-controller.h"
#include "baken-kiosk-lock.h"
#include "baken-search-speech.h"
#include "baken-sound-controller.h"
#include "baken-speech-controls.h"
#include "baken-touch-explore.h"
#include "baken-speech-mode.h"
#include "baken-speech-source.h"

/* The attention tone plays before "Bent u er nog?" is said. */
#define ATTENTION_MS 250

struct _BakenResidentAccess
{
  GObject                parent_instance;

  /* Inputs */
  BakenAccessLayout      layout;          /* (unowned) in the window */
  BakenContext          *context;         /* (owned) */
  gboolean               kiosk;
  BakenNavigator        *navigator;       /* (owned) (nullable) before set_navigator () */

  /* Parts */
  BakenA11yController   *a11y;            /* (owned) */
  BakenSpeechMode       *speech_mode;     /* (owned) */
  BakenKeypadController *keypad;          /* (owned) */
  BakenFocusPath        *focus_path;      /* (owned) */
  BakenSpeechSource     *speech_source;   /* (owned) (nullable) before set_navigator () */
  BakenSpeechControls   *speech_controls; /* (owned) */
  BakenTouchExplore     *explore;         /* (owned) */
  BakenSoundController  *sound;           /* (owned) (nullable) in kiosk mode only */

  /* State */
  guint                  prompt_id;       /* GSource: says the prompt after the tone */
};

G_DEFINE_FINAL_TYPE (BakenResidentAccess, baken_resident_access, G_TYPE_OBJECT)

enum {
  SIGNAL_ACTIVITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_speech_text_cb (gpointer user_data)
{
  return baken_resident_access_dup_speech_text (BAKEN_RESIDENT_ACCESS (user_data));
}

static void
activity_cb (BakenResidentAccess *self)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
}

/* The keypad's Back and Home: not on Home, where they are off. */
static gboolean
keypad_go_cb (BakenKeypadController *keypad,
              const char            *action,
              BakenResidentAccess   *self)
{
  return baken_navigator_get_depth (self->navigator) > 1 &&
         gtk_widget_activate_action (self->layout.window, action, NULL);
}

/* Kiosk mode: the keypad's keys get through the kiosk's key filter. */
static gboolean
kiosk_key_cb (guint           keyval,
              GdkModifierType state,
              gpointer        user_data)
{
  BakenResidentAccess *self = user_data;

  return self->keypad != NULL && baken_keypad_controller_press (self->keypad, keyval, state);
}

static gboolean
kiosk_release_cb (guint           keyval,
                  GdkModifierType state,
                  gpointer        user_data)
{
  BakenResidentAccess *self = user_data;

  if (self->keypad != NULL)
    baken_keypad_controller_release (self->keypad, keyval, state);
  return FALSE;
}

static gboolean
say_prompt_cb (gpointer user_data)
{
  BakenResidentAccess *self = user_data;
  g_autofree char *text = NULL;

  self->prompt_id = 0;
  /* Gone already: the resident answered. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->layout.prompt_slot)))
    return G_SOURCE_REMOVE;

  text = baken_resident_access_dup_speech_text (self);
  baken_a11y_controller_say (self->a11y, text);

  return G_SOURCE_REMOVE;
}

static void
baken_resident_access_dispose (GObject *object)
{
  BakenResidentAccess *self = BAKEN_RESIDENT_ACCESS (object);

  g_clear_handle_id (&self->prompt_id, g_source_remove);
  g_clear_object (&self->sound);
  g_clear_object (&self->speech_controls);
  g_clear_object (&self->explore);
  g_clear_object (&self->keypad);
  g_clear_object (&self->speech_mode);
  g_clear_object (&self->a11y);
  g_clear_object (&self->focus_path);
  g_clear_object (&self->speech_source);
  g_clear_object (&self->navigator);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (baken_resident_access_parent_class)->dispose (object);
}

static void
baken_resident_access_class_init (BakenResidentAccessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_resident_access_dispose;

  signals[SIGNAL_ACTIVITY] = g_signal_new ("activity", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
baken_resident_access_init (BakenResidentAccess *self)
{
}

BakenResidentAccess *
baken_resident_access_new (const BakenAccessLayout *layout,
                           BakenContext            *context,
                           gboolean                 kiosk)
{
  BakenResidentAccess *self;
  BakenA11yLayout a11y_layout;
  BakenFocusLayout focus_layout;

  g_return_val_if_fail (layout != NULL && GTK_IS_WINDOW (layout->window), NULL);
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);

  self = g_object_new (BAKEN_TYPE_RESIDENT_ACCESS, NULL);
  self->layout = *layout;
  self->context = g_object_ref (context);
  self->kiosk = kiosk;

  a11y_layout = (BakenA11yLayout) {
    .window = layout->window,
    .stack = layout->stack,
    .topbar = layout->topbar,
    .reach_bin = layout->reach_bin,
    .bar_slot = layout->bar_slot,
    .picker_slot = layout->picker_slot,
    .prompt_slot = layout->prompt_slot,
  };
  self->a11y = baken_a11y_controller_new (&a11y_layout, baken_context_get_languages (context),
                                          kiosk, dup_speech_text_cb, self);
  g_signal_connect_object (self->a11y, "activity", G_CALLBACK (activity_cb), self,
                           G_CONNECT_SWAPPED);

  self->speech_mode = baken_speech_mode_new (layout->window, layout->stack,
                                             layout->prompt_slot, layout->picker_slot,
                                             self->a11y);
  self->keypad = baken_keypad_controller_new (layout->window,
                                              baken_context_get_config (context), kiosk,
                                              self->speech_mode);
  g_signal_connect_object (self->keypad, "activity", G_CALLBACK (activity_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keypad, "go", G_CALLBACK (keypad_go_cb), self, 0);

  self->speech_controls = baken_speech_controls_new (layout->window, self->a11y,
                                                     self->speech_mode);
  self->explore = baken_touch_explore_new (layout->window, self->speech_mode);
  g_signal_connect_object (self->explore, "activity", G_CALLBACK (activity_cb), self,
                           G_CONNECT_SWAPPED);

  /* The kiosk's own sound: never a desk PC's or a developer's. */
  if (kiosk)
    {
      self->sound = baken_sound_controller_new (layout->window,
                                                baken_context_get_config (context)->speech_volume,
                                                self->speech_mode, self->a11y);
      g_signal_connect_object (self->sound, "activity", G_CALLBACK (activity_cb), self,
                               G_CONNECT_SWAPPED);
    }

  focus_layout = (BakenFocusLayout) {
    .window = layout->window,
    .stack = layout->stack,
    .nav = layout->nav,
    .language_box = layout->language_box,
    .prompt_slot = GTK_WIDGET (layout->prompt_slot),
    .picker_slot = GTK_WIDGET (layout->picker_slot),
    .kiosk = kiosk,
  };
  self->focus_path = baken_focus_path_new (&focus_layout);

  return self;
}

void
baken_resident_access_set_navigator (BakenResidentAccess *self,
                                     BakenNavigator      *navigator)
{
  g_return_if_fail (BAKEN_IS_RESIDENT_ACCESS (self));
  g_return_if_fail (BAKEN_IS_NAVIGATOR (navigator));
  g_return_if_fail (self->navigator == NULL);

  self->navigator = g_object_ref (navigator);
  self->speech_source = baken_speech_source_new (self->layout.prompt_slot,
                                                 self->layout.picker_slot, navigator,
                                                 self->context);
}

void
baken_resident_access_listen (BakenResidentAccess      *self,
                              BakenPageKeysCoveredFunc  covered,
                              gpointer                  user_data)
{
  g_return_if_fail (BAKEN_IS_RESIDENT_ACCESS (self));
  g_return_if_fail (self->navigator != NULL);
  g_return_if_fail (covered != NULL);

  /* Order matters: the kiosk's key filter asks before the others. */
  if (self->kiosk)
    baken_kiosk_lock (GTK_WINDOW (self->layout.window), kiosk_key_cb, kiosk_release_cb, self);

  baken_page_keys_attach (self->layout.window, self->navigator, covered, user_data);
  baken_focus_path_listen (self->focus_path);
}

void
baken_resident_access_page_shown (BakenResidentAccess *self)
{
  GtkWidget *page;

  g_return_if_fail (BAKEN_IS_RESIDENT_ACCESS (self));

  page = gtk_stack_get_visible_child (self->layout.stack);
  baken_focus_path_page_shown (self->focus_path);
  /* In speech mode, typing is said letter by letter, with what it finds. */
  if (BAKEN_IS_SEARCH_PAGE (page))
    baken_search_speech_attach (BAKEN_SEARCH_PAGE (page), self->speech_mode, self->a11y);
  /* A new screen stops the old speech; when reading aloud, the new one is read; in
   * speech mode it is said the keypad's way. */
  baken_a11y_controller_page_shown (self->a11y);
  if (!baken_speech_mode_page_shown (self->speech_mode))
    baken_a11y_controller_read_page (self->a11y);
}

BakenA11yController *
baken_resident_access_get_a11y (BakenResidentAccess *self)
{
  g_return_val_if_fail (BAKEN_IS_RESIDENT_ACCESS (self), NULL);

  return self->a11y;
}

BakenSpeechMode *
baken_resident_access_get_speech_mode (BakenResidentAccess *self)
{
  g_return_val_if_fail (BAKEN_IS_RESIDENT_ACCESS (self), NULL);

  return self->speech_mode;
}

void
baken_resident_access_reset (BakenResidentAccess *self)
{
  g_return_if_fail (BAKEN_IS_RESIDENT_ACCESS (self));

  g_clear_handle_id (&self->prompt_id, g_source_remove);
  baken_a11y_controller_reset (self->a11y);
  baken_speech_controls_reset (self->speech_controls);
  if (self->sound != NULL)
    baken_sound_controller_reset (self->sound);
}

void
baken_resident_access_prompt_shown (BakenResidentAccess *self)
{
  g_return_if_fail (BAKEN_IS_RESIDENT_ACCESS (self));

  /* "Ja, ik wil meer tijd" has the focus: it is said as part of the prompt. */
  baken_speech_mode_hold_focus (self->speech_mode);
  g_clear_handle_id (&self->prompt_id, g_source_remove);

  /* Heard by everyone, with speech on or off: a tone, then the question. */
  if (self->sound != NULL && baken_sound_controller_play_attention (self->sound))
    self->prompt_id = g_timeout_add (ATTENTION_MS, say_prompt_cb, self);
  else
    say_prompt_cb (self);
}

char *
baken_resident_access_dup_speech_text (BakenResidentAccess *self)
{
  g_return_val_if_fail (BAKEN_IS_RESIDENT_ACCESS (self), NULL);

  return self->speech_source != NULL ? baken_speech_source_dup_text (self->speech_source)
                                     : NULL;
}
