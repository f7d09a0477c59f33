/* baken-speaker.c: reading a screen aloud with espeak-ng
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * espeak-ng is one engine per process with global state (baken-speaker-engine.c), so
 * one worker thread uses it and every speaker sends it requests. The UI thread never
 * waits for the engine: a request is queued and the call returns. Each request carries
 * a serial from the engine; the worker skips requests that a newer one has already
 * replaced (a new screen stops the old speech), and a synthesis in progress stops at
 * the next buffer.
 *
 * "speaking" is TRUE from speak () until the worker has handed over every request and
 * the audio output has played it (asked every 100 ms; espeak-ng has no callback in this
 * mode), or until stop (). Nothing is ever speaking without an audio or WAV output.
 */
#define G_LOG_DOMAIN "baken-speaker"

#include "config.h"

#include "baken-speaker.h"

#include "baken-speech-span.h"

struct _BakenSpeaker
{
  GObject             parent_instance;

  BakenSpeakerOutput  output;
  char               *wav_path;   /* (owned) (nullable) */
  GMainContext       *context;    /* (owned) where results are reported */

  char               *text;       /* (owned) (nullable) last handed to the engine */
  char               *language;   /* (owned) (nullable) */
  guint               volume;     /* of the last text: BAKEN_SPEAKER_VOLUME_* */
  guint               rate;       /* words a minute from now on */
  guint               n_finished;
  gint                n_pending;  /* atomic: requests the worker has not handled yet */
  gboolean            speaking;
  guint               poll_id;    /* GSource while speaking, else 0 */
};

G_DEFINE_FINAL_TYPE (BakenSpeaker, baken_speaker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_N_FINISHED,
  PROP_SPEAKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  REQUEST_SPEAK,
  REQUEST_STOP,
} RequestKind;

typedef struct
{
  RequestKind   kind;
  guint         serial;
  BakenSpeaker *speaker;   /* (owned) */
  char         *text;      /* (owned) (nullable) */
  char         *language;  /* (owned) (nullable) */
  guint         volume;
  guint         rate;
} Request;

static GAsyncQueue *requests;

static void
request_free (Request *request)
{
  g_clear_object (&request->speaker);
  g_free (request->text);
  g_free (request->language);
  g_free (request);
}

static gboolean
report_finished_cb (gpointer user_data)
{
  BakenSpeaker *self = user_data;

  self->n_finished++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FINISHED]);

  return G_SOURCE_REMOVE;
}

static void
handle (Request *request)
{
  BakenSpeaker *speaker = request->speaker;
  g_autoptr(GError) error = NULL;
  gboolean done = TRUE;

  if (request->kind == REQUEST_STOP)
    {
      baken_speaker_engine_cancel ();
      done = FALSE;
    }
  else if (speaker->output == BAKEN_SPEAKER_OUTPUT_AUDIO)
    {
      if (!baken_speaker_engine_speak (request->text, request->language, request->volume,
                                       request->rate, &error))
        g_warning ("Cannot read aloud: %s", error->message);
    }
  else if (speaker->output == BAKEN_SPEAKER_OUTPUT_WAV)
    {
      if (!baken_speaker_engine_synthesize_wav (request->serial, request->text,
                                                request->language, request->volume,
                                                request->rate, speaker->wav_path,
                                                &error))
        g_warning ("Cannot read aloud: %s", error->message);
    }

  if (done)
    g_main_context_invoke_full (speaker->context, G_PRIORITY_DEFAULT, report_finished_cb,
                                g_object_ref (speaker), g_object_unref);
}

static gpointer
worker_main (gpointer user_data)
{
  for (;;)
    {
      Request *request = g_async_queue_pop (requests);

      /* Replaced by a newer request before we got to it. */
      if (baken_speaker_engine_is_latest (request->serial))
        handle (request);

      (void) g_atomic_int_dec_and_test (&request->speaker->n_pending);
      request_free (request);
    }

  return NULL;
}

static void
send (BakenSpeaker *self,
      RequestKind   kind,
      const char   *text,
      const char   *language,
      guint         volume)
{
  static gsize started = 0;
  Request *request;

  if (g_once_init_enter (&started))
    {
      requests = g_async_queue_new ();
      g_thread_unref (g_thread_new ("baken-speaker", worker_main, NULL));
      g_once_init_leave (&started, 1);
    }

  request = g_new0 (Request, 1);
  request->kind = kind;
  request->serial = baken_speaker_engine_supersede ();
  request->speaker = g_object_ref (self);
  request->text = g_strdup (text);
  request->language = g_strdup (language);
  request->volume = volume;
  request->rate = self->rate;
  g_atomic_int_inc (&self->n_pending);
  g_async_queue_push (requests, request);
}

static void
set_speaking (BakenSpeaker *self,
              gboolean      speaking)
{
  if (!speaking)
    g_clear_handle_id (&self->poll_id, g_source_remove);

  if (self->speaking == speaking)
    return;

  self->speaking = speaking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKING]);
}

static gboolean
poll_speaking_cb (gpointer user_data)
{
  BakenSpeaker *self = user_data;

  if (g_atomic_int_get (&self->n_pending) > 0 || baken_speaker_engine_is_playing ())
    return G_SOURCE_CONTINUE;

  self->poll_id = 0;
  set_speaking (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
baken_speaker_dispose (GObject *object)
{
  BakenSpeaker *self = BAKEN_SPEAKER (object);

  /* The worker holds a reference while it works, so this runs when it is done. */
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (baken_speaker_parent_class)->dispose (object);
}

static void
baken_speaker_finalize (GObject *object)
{
  BakenSpeaker *self = BAKEN_SPEAKER (object);

  g_free (self->wav_path);
  g_free (self->text);
  g_free (self->language);

  G_OBJECT_CLASS (baken_speaker_parent_class)->finalize (object);
}

static void
baken_speaker_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BakenSpeaker *self = BAKEN_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_N_FINISHED:
      g_value_set_uint (value, self->n_finished);
      break;

    case PROP_SPEAKING:
      g_value_set_boolean (value, self->speaking);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_speaker_class_init (BakenSpeakerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_speaker_dispose;
  object_class->finalize = baken_speaker_finalize;
  object_class->get_property = baken_speaker_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_N_FINISHED] =
    g_param_spec_uint ("n-finished", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_SPEAKING] =
    g_param_spec_boolean ("speaking", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_speaker_init (BakenSpeaker *self)
{
  self->rate = BAKEN_SPEAKER_RATE_NORMAL;
  self->context = g_main_context_ref_thread_default ();
}

BakenSpeaker *
baken_speaker_new (BakenSpeakerOutput  output,
                   const char         *wav_path)
{
  BakenSpeaker *self;

  g_return_val_if_fail (output <= BAKEN_SPEAKER_OUTPUT_NONE, NULL);
  g_return_val_if_fail ((output == BAKEN_SPEAKER_OUTPUT_WAV) == (wav_path != NULL), NULL);

  self = g_object_new (BAKEN_TYPE_SPEAKER, NULL);
  self->output = output;
  self->wav_path = g_strdup (wav_path);

  return self;
}

BakenSpeaker *
baken_speaker_new_from_environment (gboolean kiosk)
{
  const char *output = g_getenv ("BAKEN_SPEECH_OUTPUT");

  /* A kiosk never writes what a resident hears to a file; "none" (tests that drive the
   * kiosk, a box without sound) is all it takes from the environment. */
  if (kiosk && g_strcmp0 (output, "none") != 0)
    output = NULL;

  if (output == NULL || *output == '\0' || g_str_equal (output, "audio"))
    return baken_speaker_new (BAKEN_SPEAKER_OUTPUT_AUDIO, NULL);

  if (g_str_equal (output, "none"))
    return baken_speaker_new (BAKEN_SPEAKER_OUTPUT_NONE, NULL);

  return baken_speaker_new (BAKEN_SPEAKER_OUTPUT_WAV, output);
}

static void
speak (BakenSpeaker *self,
       const char   *text,
       const char   *language,
       guint         volume)
{
  g_return_if_fail (BAKEN_IS_SPEAKER (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (language != NULL);

  /* Recorded as heard: the marks of spans in other languages are not words. */
  g_free (self->text);
  self->text = baken_speech_span_strip (text);
  g_free (self->language);
  self->language = g_strdup (language);
  self->volume = volume;

  if (self->output != BAKEN_SPEAKER_OUTPUT_NONE)
    {
      g_autoptr(GError) error = NULL;

      /* The engine starts here, on the UI thread, because it sets the locale (which is
       * not safe while another thread runs); once, a few milliseconds, before the worker
       * ever holds the lock. */
      if (!baken_speaker_engine_start (self->output == BAKEN_SPEAKER_OUTPUT_AUDIO
                                       ? BAKEN_SPEAKER_ENGINE_AUDIO
                                       : BAKEN_SPEAKER_ENGINE_SYNCHRONOUS, &error))
        g_warning ("Cannot read aloud: %s", error->message);

      send (self, REQUEST_SPEAK, text, language, volume);
      if (self->poll_id == 0)
        self->poll_id = g_timeout_add (100, poll_speaking_cb, self);
      set_speaking (self, TRUE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
baken_speaker_speak (BakenSpeaker *self,
                     const char   *text,
                     const char   *language)
{
  speak (self, text, language, BAKEN_SPEAKER_VOLUME_NORMAL);
}

void
baken_speaker_speak_softly (BakenSpeaker *self,
                            const char   *text,
                            const char   *language)
{
  speak (self, text, language, BAKEN_SPEAKER_VOLUME_SOFT);
}

void
baken_speaker_stop (BakenSpeaker *self)
{
  g_return_if_fail (BAKEN_IS_SPEAKER (self));

  if (self->text == NULL)
    return;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->language, g_free);

  if (self->output != BAKEN_SPEAKER_OUTPUT_NONE)
    send (self, REQUEST_STOP, NULL, NULL, 0);
  set_speaking (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
baken_speaker_get_text (BakenSpeaker *self)
{
  g_return_val_if_fail (BAKEN_IS_SPEAKER (self), NULL);

  return self->text;
}

const char *
baken_speaker_get_language (BakenSpeaker *self)
{
  g_return_val_if_fail (BAKEN_IS_SPEAKER (self), NULL);

  return self->language;
}

gboolean
baken_speaker_get_speaking (BakenSpeaker *self)
{
  g_return_val_if_fail (BAKEN_IS_SPEAKER (self), FALSE);

  return self->speaking;
}

void
baken_speaker_set_rate (BakenSpeaker *self,
                        guint         rate)
{
  g_return_if_fail (BAKEN_IS_SPEAKER (self));
  g_return_if_fail (rate >= BAKEN_SPEAKER_RATE_MIN && rate <= BAKEN_SPEAKER_RATE_MAX);

  self->rate = rate;
}

guint
baken_speaker_get_rate (BakenSpeaker *self)
{
  g_return_val_if_fail (BAKEN_IS_SPEAKER (self), BAKEN_SPEAKER_RATE_NORMAL);

  return self->rate;
}

guint
baken_speaker_get_volume (BakenSpeaker *self)
{
  g_return_val_if_fail (BAKEN_IS_SPEAKER (self), 0);

  return self->volume;
}

guint
baken_speaker_get_n_finished (BakenSpeaker *self)
{
  g_return_val_if_fail (BAKEN_IS_SPEAKER (self), 0);

  return self->n_finished;
}

const char *
baken_speaker_get_voice (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  return baken_speaker_engine_get_voice (language);
}

gboolean
baken_speaker_synthesize_wav (const char  *text,
                              const char  *language,
                              const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Supersedes whatever the worker was doing, like any new request. */
  return baken_speaker_engine_synthesize_wav (baken_speaker_engine_supersede (), text,
                                              language, BAKEN_SPEAKER_VOLUME_NORMAL,
                                              BAKEN_SPEAKER_RATE_NORMAL, path, error);
}
