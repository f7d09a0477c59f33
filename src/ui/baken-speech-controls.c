/* baken-speech-controls.c: speech faster, slower, or stopped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the keypad (faster, slower, stop) and from the accessibility bar while speech is
 * on. Five rates around espeak-ng's normal one; each step is said at its new rate, so
 * the resident hears what they chose. Stop ends what is being said, and says nothing.
 * The idle reset puts the normal rate back.
 */
#define G_LOG_DOMAIN "baken-speech-controls"

#include "config.h"

#include "baken-speech-controls.h"

#include <glib/gi18n.h>

/* Words a minute; the middle one is BAKEN_SPEAKER_RATE_NORMAL. */
static const guint rates[] = { 100, 125, BAKEN_SPEAKER_RATE_NORMAL, 180, 215 };

struct _BakenSpeechControls
{
  GObject              parent_instance;

  GtkWidget           *window;       /* (unowned) owns this */
  BakenA11yController *a11y;         /* (owned) */
  BakenSpeechMode     *speech_mode;  /* (owned) */
  GSimpleActionGroup  *actions;      /* (owned) "speech.*" */
};

G_DEFINE_FINAL_TYPE (BakenSpeechControls, baken_speech_controls, G_TYPE_OBJECT)

static BakenSpeaker *
get_speaker (BakenSpeechControls *self)
{
  return baken_a11y_controller_get_speaker (self->a11y);
}

/* The index of the rate nearest to the speaker's. */
static guint
find_rate (BakenSpeechControls *self)
{
  guint rate = baken_speaker_get_rate (get_speaker (self));
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (rates); i++)
    if (ABS ((int) rates[i] - (int) rate) < ABS ((int) rates[best] - (int) rate))
      best = i;

  return best;
}

static void
step (BakenSpeechControls *self,
      int                  direction)
{
  guint index = find_rate (self);
  const char *text;

  if ((direction < 0 && index == 0) || (direction > 0 && index == G_N_ELEMENTS (rates) - 1))
    {
      text = direction > 0
             /* Translators: said when speech is already as fast as it goes */
             ? _("Sneller kan niet.")
             /* Translators: said when speech is already as slow as it goes */
             : _("Langzamer kan niet.");
    }
  else
    {
      baken_speaker_set_rate (get_speaker (self), rates[index + direction]);
      text = direction > 0
             /* Translators: said at the new, faster rate of speech */
             ? _("Sneller.")
             /* Translators: said at the new, slower rate of speech */
             : _("Langzamer.");
    }

  /* A tap on the button moved the focus there too: the new rate is what to hear. */
  baken_speech_mode_hold_focus (self->speech_mode);
  baken_a11y_controller_say (self->a11y, text);
}

static void
activate_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BakenSpeechControls *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "faster"))
    step (self, +1);
  else if (g_str_equal (name, "slower"))
    step (self, -1);
  else
    {
      baken_speech_mode_hold_focus (self->speech_mode);
      baken_speaker_stop (get_speaker (self));
    }
}

static void
baken_speech_controls_dispose (GObject *object)
{
  BakenSpeechControls *self = BAKEN_SPEECH_CONTROLS (object);

  if (self->actions != NULL && self->window != NULL)
    gtk_widget_insert_action_group (self->window, "speech", NULL);
  g_clear_object (&self->actions);
  g_clear_object (&self->speech_mode);
  g_clear_object (&self->a11y);

  G_OBJECT_CLASS (baken_speech_controls_parent_class)->dispose (object);
}

static void
baken_speech_controls_class_init (BakenSpeechControlsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = baken_speech_controls_dispose;
}

static void
baken_speech_controls_init (BakenSpeechControls *self)
{
}

BakenSpeechControls *
baken_speech_controls_new (GtkWidget           *window,
                           BakenA11yController *a11y,
                           BakenSpeechMode     *speech_mode)
{
  const GActionEntry entries[] = {
    { "faster", activate_cb, NULL, NULL, NULL, { 0 } },
    { "slower", activate_cb, NULL, NULL, NULL, { 0 } },
    { "stop", activate_cb, NULL, NULL, NULL, { 0 } },
  };
  BakenSpeechControls *self;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (BAKEN_IS_A11Y_CONTROLLER (a11y), NULL);
  g_return_val_if_fail (BAKEN_IS_SPEECH_MODE (speech_mode), NULL);

  self = g_object_new (BAKEN_TYPE_SPEECH_CONTROLS, NULL);
  self->window = window;
  self->a11y = g_object_ref (a11y);
  self->speech_mode = g_object_ref (speech_mode);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (window, "speech", G_ACTION_GROUP (self->actions));

  return self;
}

void
baken_speech_controls_reset (BakenSpeechControls *self)
{
  g_return_if_fail (BAKEN_IS_SPEECH_CONTROLS (self));

  baken_speaker_set_rate (get_speaker (self), BAKEN_SPEAKER_RATE_NORMAL);
}
