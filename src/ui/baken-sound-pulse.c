/* baken-sound-pulse.c: the sound server through libpulse (the module baken-sound-pulse)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libpulse on the GLib main loop (pa_glib_mainloop): every request returns at once and
 * its answer arrives as a callback on the UI thread, so a tap never waits for the sound
 * server. PipeWire's pulse server (Debian 12's default) speaks the same protocol.
 *
 * The server's events (a sink came or went, a port became available, the default or a
 * volume changed) each start a refresh: the server info and the sink list, read as one
 * snapshot and reported with one "changed". Events during a refresh start another one
 * after it.
 *
 * Never starts a server (no autospawn): the kiosk uses the one of its session. Without
 * one it logs that once and tries again, 2 s later and then less often, up to once a
 * minute; a server that goes away is tried again the same way.
 *
 * In a module (baken-module.h) because libpulse pulls in libsndfile and its codecs,
 * which every start of the kiosk would otherwise load before the first frame.
 */
#define G_LOG_DOMAIN "baken-sound"

#include "config.h"

#include "baken-sound-pulse.h"

#include <pulse/glib-mainloop.h>
#include <math.h>
#include <pulse/pulseaudio.h>
#include <string.h>

#define RETRY_FIRST_S 2
#define RETRY_MAX_S 60

/* The attention tone, in the server's sample cache: two rising notes. */
#define TONE_NAME "baken-attention"
#define TONE_RATE 44100
#define TONE_NOTE_MS 80

struct _BakenSoundPulse
{
  GObject            parent_instance;

  pa_glib_mainloop  *mainloop;      /* (owned) */
  pa_context        *context;       /* (owned) (nullable) between tries */
  BakenSoundState    state;
  gboolean           was_ready;     /* for the log: lost, or never found */
  gboolean           told;          /* "no sound server" is in the log */
  guint              retry_id;      /* GSource, 0 when none */
  guint              failed_id;     /* GSource, 0 when none */
  pa_stream         *upload;        /* (owned) (nullable) the tone on its way */
  guint              retry_s;

  /* The snapshot that was reported */
  GPtrArray         *sinks;         /* (owned) (element-type BakenSoundSink) */
  char              *default_sink;  /* (owned) (nullable) */
  GHashTable        *channels;      /* (owned) sink name → channel count */

  /* The refresh in progress */
  guint              n_pending;     /* answers still to come, 0 when none */
  gboolean           again;         /* an event came meanwhile */
  GPtrArray         *next_sinks;    /* (owned) (nullable) */
  char              *next_default;  /* (owned) (nullable) */
  GHashTable        *next_channels; /* (owned) (nullable) */
};

static void sound_server_iface_init (BakenSoundServerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BakenSoundPulse, baken_sound_pulse, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BAKEN_TYPE_SOUND_SERVER,
                                                      sound_server_iface_init))

static void connect_server (BakenSoundPulse *self);

/* A request whose answer nobody waits for. */
static void
drop (pa_operation *operation)
{
  if (operation != NULL)
    pa_operation_unref (operation);
}

static guint
volume_to_percent (pa_volume_t volume)
{
  return (guint) (((guint64) volume * 100 + PA_VOLUME_NORM / 2) / PA_VOLUME_NORM);
}

static BakenSoundPortKind
port_kind (const pa_sink_port_info *port)
{
  if (port->type == PA_DEVICE_PORT_TYPE_HEADPHONES || port->type == PA_DEVICE_PORT_TYPE_HEADSET)
    return BAKEN_SOUND_PORT_HEADPHONES;
  if (port->type == PA_DEVICE_PORT_TYPE_SPEAKER)
    return BAKEN_SOUND_PORT_SPEAKER;
  /* Older ALSA profiles leave the type unknown; their port names say it. */
  if (strstr (port->name, "headphone") != NULL || strstr (port->name, "headset") != NULL)
    return BAKEN_SOUND_PORT_HEADPHONES;
  if (strstr (port->name, "speaker") != NULL)
    return BAKEN_SOUND_PORT_SPEAKER;

  return BAKEN_SOUND_PORT_OTHER;
}

static void
finish_refresh (BakenSoundPulse *self)
{
  g_clear_pointer (&self->sinks, g_ptr_array_unref);
  self->sinks = g_steal_pointer (&self->next_sinks);
  g_free (self->default_sink);
  self->default_sink = g_steal_pointer (&self->next_default);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  self->channels = g_steal_pointer (&self->next_channels);

  if (self->state != BAKEN_SOUND_STATE_READY)
    {
      g_message ("Sound server: %u outputs, default %s", self->sinks->len,
                 self->default_sink != NULL ? self->default_sink : "(none)");
      self->state = BAKEN_SOUND_STATE_READY;
      self->was_ready = TRUE;
      self->told = FALSE;
      self->retry_s = 0;
    }

  baken_sound_server_changed (BAKEN_SOUND_SERVER (self));
}

static void refresh (BakenSoundPulse *self);

static void
answer_done (BakenSoundPulse *self)
{
  g_assert (self->n_pending > 0);

  if (--self->n_pending > 0)
    return;

  finish_refresh (self);
  if (self->again)
    refresh (self);
}

static void
server_info_cb (pa_context           *context,
                const pa_server_info *info,
                void                 *user_data)
{
  BakenSoundPulse *self = user_data;

  if (info != NULL && info->default_sink_name != NULL)
    self->next_default = g_strdup (info->default_sink_name);
  answer_done (self);
}

static void
sink_info_cb (pa_context         *context,
              const pa_sink_info *info,
              int                 eol,
              void               *user_data)
{
  BakenSoundPulse *self = user_data;
  BakenSoundSink *sink;
  const char *form_factor;

  if (eol != 0)
    {
      answer_done (self);
      return;
    }

  sink = baken_sound_sink_new (info->name);
  form_factor = pa_proplist_gets (info->proplist, PA_PROP_DEVICE_FORM_FACTOR);
  sink->form_factor = g_strdup (form_factor);
  sink->volume = volume_to_percent (pa_cvolume_max (&info->volume));
  sink->mute = info->mute != 0;
  if (info->active_port != NULL)
    sink->active_port = g_strdup (info->active_port->name);
  for (guint32 i = 0; i < info->n_ports; i++)
    baken_sound_sink_add_port (sink, info->ports[i]->name, port_kind (info->ports[i]),
                               info->ports[i]->available == PA_PORT_AVAILABLE_YES);

  g_ptr_array_add (self->next_sinks, sink);
  g_hash_table_insert (self->next_channels, g_strdup (info->name),
                       GUINT_TO_POINTER (MAX (info->volume.channels, 1)));
}

static void
refresh (BakenSoundPulse *self)
{
  if (self->n_pending > 0)
    {
      self->again = TRUE;
      return;
    }

  self->again = FALSE;
  self->next_sinks = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_sound_sink_free);
  self->next_channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->n_pending = 2;
  drop (pa_context_get_server_info (self->context, server_info_cb, self));
  drop (pa_context_get_sink_info_list (self->context, sink_info_cb, self));
}

/* A note of hz with 10 ms fades, appended to samples. */
static void
append_note (GArray *samples,
             double  hz)
{
  guint n = TONE_RATE * TONE_NOTE_MS / 1000;
  guint fade = TONE_RATE / 100;

  for (guint i = 0; i < n; i++)
    {
      double envelope = MIN (1.0, MIN ((double) i / fade, (double) (n - i) / fade));
      gint16 sample = (gint16) (0.4 * G_MAXINT16 * envelope * sin (2 * G_PI * hz * i / TONE_RATE));

      sample = GINT16_TO_LE (sample);
      g_array_append_val (samples, sample);
    }
}

static void
upload_state_cb (pa_stream *stream,
                 void      *user_data)
{
  BakenSoundPulse *self = user_data;
  g_autoptr(GArray) samples = NULL;

  switch (pa_stream_get_state (stream))
    {
    case PA_STREAM_READY:
      samples = g_array_new (FALSE, FALSE, sizeof (gint16));
      append_note (samples, 659.25);
      append_note (samples, 880.0);
      pa_stream_write (stream, samples->data, samples->len * sizeof (gint16), NULL, 0,
                       PA_SEEK_RELATIVE);
      pa_stream_finish_upload (stream);
      break;

    case PA_STREAM_FAILED:
      g_message ("Cannot give the sound server the attention tone: %s",
                 pa_strerror (pa_context_errno (pa_stream_get_context (stream))));
      G_GNUC_FALLTHROUGH;
    case PA_STREAM_TERMINATED:
      pa_stream_set_state_callback (stream, NULL, NULL);
      g_clear_pointer (&self->upload, pa_stream_unref);
      break;

    case PA_STREAM_UNCONNECTED:
    case PA_STREAM_CREATING:
    default:
      break;
    }
}

static void
upload_tone (BakenSoundPulse *self)
{
  const pa_sample_spec spec = { PA_SAMPLE_S16LE, TONE_RATE, 1 };
  size_t length = 2 * (TONE_RATE * TONE_NOTE_MS / 1000) * sizeof (gint16);

  self->upload = pa_stream_new (self->context, TONE_NAME, &spec, NULL);
  pa_stream_set_state_callback (self->upload, upload_state_cb, self);
  if (pa_stream_connect_upload (self->upload, length) < 0)
    {
      pa_stream_set_state_callback (self->upload, NULL, NULL);
      g_clear_pointer (&self->upload, pa_stream_unref);
    }
}

static void
subscribe_cb (pa_context                   *context,
              pa_subscription_event_type_t  type,
              uint32_t                      index,
              void                         *user_data)
{
  refresh (user_data);
}

static gboolean
retry_cb (gpointer user_data)
{
  BakenSoundPulse *self = user_data;

  self->retry_id = 0;
  connect_server (self);

  return G_SOURCE_REMOVE;
}

static void
drop_context (BakenSoundPulse *self)
{
  if (self->context == NULL)
    return;

  if (self->upload != NULL)
    {
      pa_stream_set_state_callback (self->upload, NULL, NULL);
      g_clear_pointer (&self->upload, pa_stream_unref);
    }
  pa_context_set_state_callback (self->context, NULL, NULL);
  pa_context_set_subscribe_callback (self->context, NULL, NULL);
  pa_context_disconnect (self->context);
  g_clear_pointer (&self->context, pa_context_unref);

  /* Answers of the lost connection never come. */
  self->n_pending = 0;
  self->again = FALSE;
  g_clear_pointer (&self->next_sinks, g_ptr_array_unref);
  g_clear_pointer (&self->next_default, g_free);
  g_clear_pointer (&self->next_channels, g_hash_table_unref);
}

/* Not inside libpulse's callback: the context is dropped here. */
static gboolean
failed_cb (gpointer user_data)
{
  BakenSoundPulse *self = user_data;
  int error = self->context != NULL ? pa_context_errno (self->context) : PA_ERR_UNKNOWN;

  self->failed_id = 0;
  if (!self->told)
    {
      if (self->was_ready)
        g_message ("The sound server went away (%s); speech goes to the default output, "
                   "without headset or volume keys, until it is back", pa_strerror (error));
      else
        g_message ("No sound server (%s); speech goes to the default output, without "
                   "headset or volume keys. Baken tries again now and then",
                   pa_strerror (error));
      self->told = TRUE;
    }

  drop_context (self);
  self->state = BAKEN_SOUND_STATE_FAILED;
  g_ptr_array_set_size (self->sinks, 0);
  g_clear_pointer (&self->default_sink, g_free);
  baken_sound_server_changed (BAKEN_SOUND_SERVER (self));

  self->retry_s = self->retry_s == 0 ? RETRY_FIRST_S : MIN (self->retry_s * 2, RETRY_MAX_S);
  self->retry_id = g_timeout_add_seconds (self->retry_s, retry_cb, self);

  return G_SOURCE_REMOVE;
}

static void
failed (BakenSoundPulse *self)
{
  if (self->failed_id == 0)
    self->failed_id = g_idle_add (failed_cb, self);
}

static void
context_state_cb (pa_context *context,
                  void       *user_data)
{
  BakenSoundPulse *self = user_data;

  switch (pa_context_get_state (context))
    {
    case PA_CONTEXT_READY:
      pa_context_set_subscribe_callback (context, subscribe_cb, self);
      drop (pa_context_subscribe (context, PA_SUBSCRIPTION_MASK_SINK |
                                           PA_SUBSCRIPTION_MASK_SERVER, NULL, NULL));
      refresh (self);
      upload_tone (self);
      break;

    case PA_CONTEXT_FAILED:
    case PA_CONTEXT_TERMINATED:
      failed (self);
      break;

    case PA_CONTEXT_UNCONNECTED:
    case PA_CONTEXT_CONNECTING:
    case PA_CONTEXT_AUTHORIZING:
    case PA_CONTEXT_SETTING_NAME:
    default:
      break;
    }
}

static void
connect_server (BakenSoundPulse *self)
{
  pa_mainloop_api *api = pa_glib_mainloop_get_api (self->mainloop);
  g_autoptr(GError) error = NULL;
  pa_proplist *properties = pa_proplist_new ();

  pa_proplist_sets (properties, PA_PROP_APPLICATION_NAME, "Baken");
  pa_proplist_sets (properties, PA_PROP_APPLICATION_ID, "nl.baken.Kiosk");
  self->context = pa_context_new_with_proplist (api, "Baken", properties);
  pa_proplist_free (properties);

  self->state = BAKEN_SOUND_STATE_CONNECTING;
  pa_context_set_state_callback (self->context, context_state_cb, self);
  if (pa_context_connect (self->context, NULL, PA_CONTEXT_NOAUTOSPAWN, NULL) < 0)
    failed (self);
}

static BakenSoundState
pulse_get_state (BakenSoundServer *server)
{
  return BAKEN_SOUND_PULSE (server)->state;
}

static GPtrArray *
pulse_get_sinks (BakenSoundServer *server)
{
  return BAKEN_SOUND_PULSE (server)->sinks;
}

static const char *
pulse_get_default_sink (BakenSoundServer *server)
{
  return BAKEN_SOUND_PULSE (server)->default_sink;
}

static gboolean
is_ready (BakenSoundPulse *self)
{
  return self->context != NULL && pa_context_get_state (self->context) == PA_CONTEXT_READY;
}

static void
pulse_set_default_sink (BakenSoundServer *server,
                        const char       *sink)
{
  BakenSoundPulse *self = BAKEN_SOUND_PULSE (server);

  if (!is_ready (self))
    return;

  /* espeak-ng opens a stream for each utterance, without a device of its own: the next
   * one plays here. */
  drop (pa_context_set_default_sink (self->context, sink, NULL, NULL));
}

static void
pulse_set_port (BakenSoundServer *server,
                const char       *sink,
                const char       *port)
{
  BakenSoundPulse *self = BAKEN_SOUND_PULSE (server);

  if (is_ready (self))
    drop (pa_context_set_sink_port_by_name (self->context, sink, port, NULL, NULL));
}

static void
pulse_set_mute (BakenSoundServer *server,
                const char       *sink,
                gboolean          mute)
{
  BakenSoundPulse *self = BAKEN_SOUND_PULSE (server);

  if (is_ready (self))
    drop (pa_context_set_sink_mute_by_name (self->context, sink, mute, NULL, NULL));
}

static void
pulse_set_volume (BakenSoundServer *server,
                  const char       *sink,
                  guint             percent)
{
  BakenSoundPulse *self = BAKEN_SOUND_PULSE (server);
  gpointer channels = NULL;
  pa_cvolume volume;

  if (!is_ready (self) || !g_hash_table_lookup_extended (self->channels, sink, NULL, &channels))
    return;

  pa_cvolume_set (&volume, GPOINTER_TO_UINT (channels),
                  (pa_volume_t) ((guint64) PA_VOLUME_NORM * percent / 100));
  drop (pa_context_set_sink_volume_by_name (self->context, sink, &volume, NULL, NULL));
}

static void
pulse_play_tone (BakenSoundServer *server)
{
  BakenSoundPulse *self = BAKEN_SOUND_PULSE (server);

  if (is_ready (self))
    drop (pa_context_play_sample (self->context, TONE_NAME, NULL, PA_VOLUME_NORM, NULL, NULL));
}

static void
sound_server_iface_init (BakenSoundServerInterface *iface)
{
  iface->get_state = pulse_get_state;
  iface->get_sinks = pulse_get_sinks;
  iface->get_default_sink = pulse_get_default_sink;
  iface->set_default_sink = pulse_set_default_sink;
  iface->set_port = pulse_set_port;
  iface->set_mute = pulse_set_mute;
  iface->set_volume = pulse_set_volume;
  iface->play_tone = pulse_play_tone;
}

static void
baken_sound_pulse_dispose (GObject *object)
{
  BakenSoundPulse *self = BAKEN_SOUND_PULSE (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->failed_id, g_source_remove);
  drop_context (self);
  g_clear_pointer (&self->mainloop, pa_glib_mainloop_free);

  G_OBJECT_CLASS (baken_sound_pulse_parent_class)->dispose (object);
}

static void
baken_sound_pulse_finalize (GObject *object)
{
  BakenSoundPulse *self = BAKEN_SOUND_PULSE (object);

  g_ptr_array_unref (self->sinks);
  g_free (self->default_sink);
  g_hash_table_unref (self->channels);

  G_OBJECT_CLASS (baken_sound_pulse_parent_class)->finalize (object);
}

static void
baken_sound_pulse_class_init (BakenSoundPulseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_sound_pulse_dispose;
  object_class->finalize = baken_sound_pulse_finalize;
}

static void
baken_sound_pulse_init (BakenSoundPulse *self)
{
  self->sinks = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_sound_sink_free);
  self->channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

BakenSoundServer *
_baken_sound_pulse_new (void)
{
  BakenSoundPulse *self = g_object_new (BAKEN_TYPE_SOUND_PULSE, NULL);

  self->mainloop = pa_glib_mainloop_new (g_main_context_get_thread_default ());
  connect_server (self);

  return BAKEN_SOUND_SERVER (self);
}
