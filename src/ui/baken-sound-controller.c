/* baken-sound-controller.c: the headset takes the speech; volume up and down
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A resident who cannot see plugs in a headset (a jack, or a USB or Bluetooth headset
 * that brings its own output). Then, at once:
 *   - speech goes to the headset (it becomes the default output, where espeak-ng's next
 *     utterance plays; for a jack, its port becomes the active one);
 *   - the loudspeaker is muted, so what the resident hears stays private;
 *   - the headset is set to the safe volume ([speech] volume), and speech mode goes on
 *     and says where the resident is, as a first keypad key does.
 * When the headset goes, what was being said stops (it is not said aloud to the room),
 * the loudspeaker comes back at the safe volume, and speech mode stays on: the next key
 * is heard through the loudspeaker. A headset that is already in when the kiosk starts
 * takes the speech without a word: nobody is there yet.
 *
 * Volume up and down (the keypad, the accessibility bar) change the output that speech
 * goes to in steps of 10 %, from 10 % to 100 %, and say the new level. The idle reset
 * puts the safe level back. Which output is a headset is decided by the pure functions
 * of baken-sound-policy.c.
 */
#define G_LOG_DOMAIN "baken-sound"

#include "config.h"

#include "baken-sound-controller.h"

#include <glib/gi18n.h>

#include "baken-module.h"
#include "baken-sound-policy.h"
#include "baken-sound-pulse.h"

#define VOLUME_STEP 10
#define VOLUME_MIN 10
#define VOLUME_MAX 100

struct _BakenSoundController
{
  GObject              parent_instance;

  /* Inputs */
  GtkWidget           *window;       /* (unowned) owns this */
  guint                safe_volume;
  BakenSpeechMode     *speech_mode;  /* (owned) */
  BakenA11yController *a11y;         /* (owned) */

  /* State */
  GSimpleActionGroup  *actions;      /* (owned) "sound.*" */
  guint                load_id;      /* GSource, 0 when done */
  BakenSoundServer    *server;       /* (owned) (nullable) until loaded */
  gboolean             settled;      /* the first snapshot was taken as it is */
  BakenHeadset         headset;      /* the one that has the speech */
  char                *speaker;      /* (owned) (nullable) muted while the headset is in */
  guint                volume;       /* what the speech output was set to */
};

G_DEFINE_FINAL_TYPE (BakenSoundController, baken_sound_controller, G_TYPE_OBJECT)

enum {
  SIGNAL_ACTIVITY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_ready (BakenSoundController *self)
{
  return self->server != NULL &&
         baken_sound_server_get_state (self->server) == BAKEN_SOUND_STATE_READY;
}

/* Where speech plays: the headset, else the default output. */
static const char *
get_speech_sink (BakenSoundController *self)
{
  if (self->headset.sink != NULL)
    return self->headset.sink;

  return baken_sound_server_get_default_sink (self->server);
}

static void
set_speech_volume (BakenSoundController *self,
                   const char           *sink,
                   guint                 percent)
{
  baken_sound_server_set_mute (self->server, sink, FALSE);
  baken_sound_server_set_volume (self->server, sink, percent);
  self->volume = percent;
}

static void
say (BakenSoundController *self,
     const char           *text)
{
  baken_a11y_controller_say (self->a11y, text);
}

static void
headset_in (BakenSoundController *self,
            const BakenHeadset   *headset,
            gboolean              announce)
{
  GPtrArray *sinks = baken_sound_server_get_sinks (self->server);
  const char *speaker = baken_sound_find_speaker (sinks,
                                                  baken_sound_server_get_default_sink (self->server),
                                                  headset);

  baken_headset_clear (&self->headset);
  self->headset.sink = g_strdup (headset->sink);
  self->headset.port = g_strdup (headset->port);

  if (headset->port != NULL)
    {
      /* A jack: its sink is the loudspeaker's too; the active port decides. */
      baken_sound_server_set_port (self->server, headset->sink, headset->port);
    }
  else
    {
      baken_sound_server_set_default_sink (self->server, headset->sink);
      g_free (self->speaker);
      self->speaker = g_strdup (speaker);
      /* Privacy: what the resident hears is not heard by the room. */
      if (self->speaker != NULL)
        baken_sound_server_set_mute (self->server, self->speaker, TRUE);
    }
  set_speech_volume (self, headset->sink, self->safe_volume);
  g_message ("A headset came in (%s%s%s): speech goes there", headset->sink,
             headset->port != NULL ? ", port " : "",
             headset->port != NULL ? headset->port : "");

  if (!announce)
    return;

  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
  if (!baken_speech_mode_get_on (self->speech_mode))
    baken_speech_mode_switch_on (self->speech_mode);
  baken_speech_mode_say_where (self->speech_mode);
}

/* A jack that was pulled: back to a port that is not the jack, if the server did not
 * switch already. */
static void
unplug_port (BakenSoundController *self,
             BakenSoundSink       *sink,
             const char           *jack)
{
  if (sink == NULL || g_strcmp0 (sink->active_port, jack) != 0)
    return;

  for (guint i = 0; i < sink->ports->len; i++)
    {
      const BakenSoundPort *port = g_ptr_array_index (sink->ports, i);

      if (port->kind != BAKEN_SOUND_PORT_HEADPHONES)
        {
          baken_sound_server_set_port (self->server, sink->name, port->name);
          return;
        }
    }
}

static void
headset_out (BakenSoundController *self)
{
  GPtrArray *sinks = baken_sound_server_get_sinks (self->server);
  BakenHeadset none = { NULL, NULL };
  const char *speaker;

  /* Not a word more aloud of what was meant for the headset. */
  baken_speaker_stop (baken_a11y_controller_get_speaker (self->a11y));

  if (self->headset.port != NULL)
    {
      unplug_port (self, baken_sound_server_find_sink (self->server, self->headset.sink),
                   self->headset.port);
      speaker = baken_sound_server_find_sink (self->server, self->headset.sink) != NULL
                ? self->headset.sink : NULL;
    }
  else
    {
      speaker = baken_sound_find_speaker (sinks, self->speaker, &none);
      if (speaker != NULL)
        baken_sound_server_set_default_sink (self->server, speaker);
    }
  if (speaker != NULL)
    set_speech_volume (self, speaker, self->safe_volume);

  g_message ("The headset went (%s): speech goes to %s", self->headset.sink,
             speaker != NULL ? speaker : "the default output");
  baken_headset_clear (&self->headset);
  g_clear_pointer (&self->speaker, g_free);
  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
}

static void
update_actions (BakenSoundController *self)
{
  gboolean enabled = is_ready (self) && get_speech_sink (self) != NULL;

  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "volume-up" : "volume-down";
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

static void
server_changed_cb (BakenSoundController *self)
{
  BakenHeadset now = { NULL, NULL };
  const char *sink;

  update_actions (self);
  if (!is_ready (self))
    return;

  baken_sound_find_headset (baken_sound_server_get_sinks (self->server),
                            baken_sound_server_get_default_sink (self->server), &now);

  if (!self->settled)
    {
      /* As the kiosk starts: a known state, without a word. */
      self->settled = TRUE;
      if (now.sink != NULL)
        headset_in (self, &now, FALSE);
      else if ((sink = get_speech_sink (self)) != NULL)
        set_speech_volume (self, sink, self->safe_volume);
    }
  else if (!baken_headset_equal (&now, &self->headset))
    {
      if (self->headset.sink != NULL)
        headset_out (self);
      if (now.sink != NULL)
        headset_in (self, &now, TRUE);
    }

  baken_headset_clear (&now);
  update_actions (self);
}

static void
step_volume (BakenSoundController *self,
             int                   step)
{
  const char *sink;
  guint rounded;
  guint volume;
  g_autofree char *text = NULL;

  if (!is_ready (self) || (sink = get_speech_sink (self)) == NULL)
    return;

  rounded = (self->volume + VOLUME_STEP / 2) / VOLUME_STEP * VOLUME_STEP;
  volume = (guint) CLAMP ((int) rounded + step * VOLUME_STEP, VOLUME_MIN, VOLUME_MAX);
  set_speech_volume (self, sink, volume);

  /* Translators: said when the volume changes; %u is 10, 20, … 100 */
  text = g_strdup_printf (_("Volume %u procent"), volume);
  /* A tap on "Harder" moved the focus there too: the new level is what to hear. */
  baken_speech_mode_hold_focus (self->speech_mode);
  say (self, text);
  g_signal_emit (self, signals[SIGNAL_ACTIVITY], 0);
}

static void
volume_activate_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BakenSoundController *self = user_data;

  step_volume (self, g_str_equal (g_action_get_name (G_ACTION (action)), "volume-up") ? 1 : -1);
}

static gboolean
load_cb (gpointer user_data)
{
  BakenSoundController *self = user_data;
  g_autoptr(GError) error = NULL;
  BakenSoundPulseNewFunc pulse_new;

  self->load_id = 0;
  pulse_new = (BakenSoundPulseNewFunc) baken_module_lookup (BAKEN_SOUND_MODULE,
                                                            "_baken_sound_pulse_new", &error);
  if (pulse_new == NULL)
    {
      g_message ("No sound server: %s; speech goes to the default output, without headset "
                 "or volume keys", error->message);
      return G_SOURCE_REMOVE;
    }

  self->server = pulse_new ();
  g_signal_connect_object (self->server, "changed", G_CALLBACK (server_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return G_SOURCE_REMOVE;
}

static void
baken_sound_controller_dispose (GObject *object)
{
  BakenSoundController *self = BAKEN_SOUND_CONTROLLER (object);

  g_clear_handle_id (&self->load_id, g_source_remove);
  g_clear_object (&self->server);
  if (self->actions != NULL && self->window != NULL)
    gtk_widget_insert_action_group (self->window, "sound", NULL);
  g_clear_object (&self->actions);
  g_clear_object (&self->speech_mode);
  g_clear_object (&self->a11y);

  G_OBJECT_CLASS (baken_sound_controller_parent_class)->dispose (object);
}

static void
baken_sound_controller_finalize (GObject *object)
{
  BakenSoundController *self = BAKEN_SOUND_CONTROLLER (object);

  baken_headset_clear (&self->headset);
  g_free (self->speaker);

  G_OBJECT_CLASS (baken_sound_controller_parent_class)->finalize (object);
}

static void
baken_sound_controller_class_init (BakenSoundControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_sound_controller_dispose;
  object_class->finalize = baken_sound_controller_finalize;

  signals[SIGNAL_ACTIVITY] =
    g_signal_new ("activity",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
baken_sound_controller_init (BakenSoundController *self)
{
}

BakenSoundController *
baken_sound_controller_new (GtkWidget           *window,
                            guint                volume,
                            BakenSpeechMode     *speech_mode,
                            BakenA11yController *a11y)
{
  const GActionEntry entries[] = {
    { "volume-up", volume_activate_cb, NULL, NULL, NULL, { 0 } },
    { "volume-down", volume_activate_cb, NULL, NULL, NULL, { 0 } },
  };
  BakenSoundController *self;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (volume >= VOLUME_MIN && volume <= VOLUME_MAX, NULL);
  g_return_val_if_fail (BAKEN_IS_SPEECH_MODE (speech_mode), NULL);
  g_return_val_if_fail (BAKEN_IS_A11Y_CONTROLLER (a11y), NULL);

  self = g_object_new (BAKEN_TYPE_SOUND_CONTROLLER, NULL);
  self->window = window;
  self->safe_volume = volume;
  self->volume = volume;
  self->speech_mode = g_object_ref (speech_mode);
  self->a11y = g_object_ref (a11y);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (window, "sound", G_ACTION_GROUP (self->actions));
  update_actions (self);

  /* After the first frame: the module and the server's answers are not on its path. */
  self->load_id = g_idle_add_full (G_PRIORITY_LOW, load_cb, self, NULL);

  return self;
}

void
baken_sound_controller_reset (BakenSoundController *self)
{
  const char *sink;

  g_return_if_fail (BAKEN_IS_SOUND_CONTROLLER (self));

  if (!is_ready (self) || (sink = get_speech_sink (self)) == NULL)
    return;

  set_speech_volume (self, sink, self->safe_volume);
  if (self->speaker != NULL)
    baken_sound_server_set_mute (self->server, self->speaker, TRUE);
}

gboolean
baken_sound_controller_play_attention (BakenSoundController *self)
{
  g_return_val_if_fail (BAKEN_IS_SOUND_CONTROLLER (self), FALSE);

  if (!is_ready (self) || get_speech_sink (self) == NULL)
    return FALSE;

  baken_sound_server_play_tone (self->server);
  return TRUE;
}

BakenSoundServer *
baken_sound_controller_get_server (BakenSoundController *self)
{
  g_return_val_if_fail (BAKEN_IS_SOUND_CONTROLLER (self), NULL);

  return self->server;
}
