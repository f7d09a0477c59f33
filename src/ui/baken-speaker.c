/* baken-speaker.c: reading a screen aloud with espeak-ng
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * espeak-ng is one engine per process with global state, so one worker thread owns it
 * and every speaker sends it requests. The UI thread never waits for the engine: a
 * request is queued and the call returns. Each request carries a serial; the worker
 * skips requests that a newer one has already replaced (a new screen stops the old
 * speech), and a synthesis in progress checks the serial after every buffer.
 *
 * Audio goes out through espeak-ng's own audio output (ENOUTPUT_MODE_SPEAK_AUDIO: its
 * internal thread plays while it synthesises; espeak_ng_Cancel() stops both). For tests
 * the engine instead runs synchronously with a callback that collects the samples into
 * a WAV file. A process uses one of the two: espeak-ng cannot switch back and forth.
 *
 * espeak-ng is loaded (dlopen) at the first request, not linked: with what it pulls in
 * (PulseAudio, libsndfile and its codecs, ALSA: some 20 libraries) it would cost every
 * start of the kiosk about 10 ms of loading and relocating, and most residents never
 * ask for read-aloud.
 */
#define G_LOG_DOMAIN "baken-speaker"

#include "config.h"

#include "baken-speaker.h"

#include <espeak-ng/espeak_ng.h>
#include <gmodule.h>
#include <locale.h>
#include <string.h>

G_DEFINE_QUARK (baken-speaker-error-quark, baken_speaker_error)

/* The soname of the espeak-ng the headers belong to. */
#define ESPEAK_LIBRARY "libespeak-ng.so.1"

#define ESPEAK_FUNCTIONS(F) \
  F (espeak_ng_InitializePath) \
  F (espeak_ng_Initialize) \
  F (espeak_ng_InitializeOutput) \
  F (espeak_SetSynthCallback) \
  F (espeak_ng_GetStatusCodeMessage) \
  F (espeak_ng_SetVoiceByName) \
  F (espeak_ng_SetParameter) \
  F (espeak_ng_Synthesize) \
  F (espeak_ng_GetSampleRate) \
  F (espeak_ng_Cancel)

/* Filled by engine_load (), under engine_lock. */
static struct {
#define DECLARE_FUNCTION(name) __typeof__ (name) *name;
  ESPEAK_FUNCTIONS (DECLARE_FUNCTION)
#undef DECLARE_FUNCTION
} api;

struct _BakenSpeaker
{
  GObject             parent_instance;

  BakenSpeakerOutput  output;
  char               *wav_path;   /* (owned) (nullable) */
  GMainContext       *context;    /* (owned) where results are reported */

  char               *text;       /* (owned) (nullable) last handed to the engine */
  char               *language;   /* (owned) (nullable) */
  guint               n_finished;
};

G_DEFINE_FINAL_TYPE (BakenSpeaker, baken_speaker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_N_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The engine: one per process, used by the worker and by baken_speaker_synthesize_wav()
 * under engine_lock. */
typedef enum {
  ENGINE_UNSET,
  ENGINE_AUDIO,
  ENGINE_SYNCHRONOUS,
} EngineMode;

static GMutex      engine_lock;
static EngineMode  engine_mode;
static GArray     *engine_samples;   /* (element-type gint16) of the current utterance */
static guint       engine_serial;    /* the request being synthesised */

/* The newest request; older ones are dropped. Atomic. */
static guint       latest_serial;

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
} Request;

static GAsyncQueue *requests;

static const struct {
  const char *language;
  const char *voice;
} voices[] = {
  { "nl", "nl" },
  { "en", "en" },
  { "ar", "ar" },
  { "tr", "tr" },
  { "pl", "pl" },
  { "uk", "uk" },
};

const char *
baken_speaker_get_voice (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
    {
      if (g_str_equal (voices[i].language, language))
        return voices[i].voice;
    }

  return NULL;
}

static void
set_engine_error (GError           **error,
                  espeak_ng_STATUS   status,
                  const char        *what)
{
  char message[512];

  api.espeak_ng_GetStatusCodeMessage (status, message, sizeof message);
  g_set_error (error, BAKEN_SPEAKER_ERROR, BAKEN_SPEAKER_ERROR_ENGINE,
               "%s: %s", what, message);
}

static int
synth_cb (short        *wav,
          int           n_samples,
          espeak_EVENT *events)
{
  if (wav != NULL && n_samples > 0)
    g_array_append_vals (engine_samples, wav, (guint) n_samples);

  /* Non-zero stops the synthesis: a newer request is waiting. */
  return engine_serial != (guint) g_atomic_int_get (&latest_serial);
}

/* Called with engine_lock held. */
static gboolean
engine_load (GError **error)
{
  static GModule *module;

  if (module != NULL)
    return TRUE;

  module = g_module_open (ESPEAK_LIBRARY, G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, BAKEN_SPEAKER_ERROR, BAKEN_SPEAKER_ERROR_ENGINE,
                   "Cannot load espeak-ng: %s", g_module_error ());
      return FALSE;
    }

#define LOAD_FUNCTION(name) \
  if (!g_module_symbol (module, #name, (gpointer *) &api.name)) \
    { \
      g_set_error (error, BAKEN_SPEAKER_ERROR, BAKEN_SPEAKER_ERROR_ENGINE, \
                   "Cannot load espeak-ng: %s", g_module_error ()); \
      g_clear_pointer (&module, g_module_close); \
      return FALSE; \
    }
  ESPEAK_FUNCTIONS (LOAD_FUNCTION)
#undef LOAD_FUNCTION

  /* espeak-ng keeps threads and global state: never unloaded. */
  g_module_make_resident (module);

  return TRUE;
}

/* Called with engine_lock held. espeak_ng_Initialize() sets LC_CTYPE to C.UTF-8 for
 * its wide-character tables; the locale of the program is put back afterwards. */
static gboolean
engine_ensure (EngineMode   mode,
               GError     **error)
{
  g_autofree char *ctype = NULL;
  espeak_ng_STATUS status;

  if (engine_mode == mode)
    return TRUE;

  if (engine_mode != ENGINE_UNSET)
    {
      g_set_error_literal (error, BAKEN_SPEAKER_ERROR, BAKEN_SPEAKER_ERROR_ENGINE,
                           "espeak-ng already runs in this process with another output");
      return FALSE;
    }

  if (!engine_load (error))
    return FALSE;

  ctype = g_strdup (setlocale (LC_CTYPE, NULL));
  api.espeak_ng_InitializePath (NULL);
  status = api.espeak_ng_Initialize (NULL);
  setlocale (LC_CTYPE, ctype);
  if (status != ENS_OK)
    {
      set_engine_error (error, status, "Cannot start espeak-ng");
      return FALSE;
    }

  if (mode == ENGINE_AUDIO)
    {
      status = api.espeak_ng_InitializeOutput (ENOUTPUT_MODE_SPEAK_AUDIO, 0, NULL);
    }
  else
    {
      status = api.espeak_ng_InitializeOutput (ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
      api.espeak_SetSynthCallback (synth_cb);
    }

  if (status != ENS_OK)
    {
      set_engine_error (error, status, "Cannot open the espeak-ng output");
      return FALSE;
    }

  engine_mode = mode;

  return TRUE;
}

static gboolean
engine_set_voice (const char  *language,
                  GError     **error)
{
  const char *voice = baken_speaker_get_voice (language);
  espeak_ng_STATUS status;

  if (voice == NULL)
    {
      g_set_error (error, BAKEN_SPEAKER_ERROR, BAKEN_SPEAKER_ERROR_ENGINE,
                   "No voice for language “%s”", language);
      return FALSE;
    }

  status = api.espeak_ng_SetVoiceByName (voice);
  if (status != ENS_OK)
    {
      set_engine_error (error, status, "Cannot load the espeak-ng voice");
      return FALSE;
    }

  /* A little slower than espeak's 175 words a minute: plain language, stressed people. */
  api.espeak_ng_SetParameter (espeakRATE, 150, 0);

  return TRUE;
}

static gboolean
write_wav (const char  *path,
           GArray      *samples,
           int          rate,
           GError     **error)
{
  guint32 data_size = samples->len * sizeof (gint16);
  g_autoptr(GByteArray) file = g_byte_array_sized_new (44 + data_size);
  guint32 u32;
  guint16 u16;

#define PUT32(v) (u32 = GUINT32_TO_LE (v), g_byte_array_append (file, (guint8 *) &u32, 4))
#define PUT16(v) (u16 = GUINT16_TO_LE (v), g_byte_array_append (file, (guint8 *) &u16, 2))
  g_byte_array_append (file, (const guint8 *) "RIFF", 4);
  PUT32 (36 + data_size);
  g_byte_array_append (file, (const guint8 *) "WAVEfmt ", 8);
  PUT32 (16);                      /* fmt chunk size */
  PUT16 (1);                       /* PCM */
  PUT16 (1);                       /* mono */
  PUT32 ((guint32) rate);
  PUT32 ((guint32) rate * 2);      /* bytes per second */
  PUT16 (2);                       /* block align */
  PUT16 (16);                      /* bits per sample */
  g_byte_array_append (file, (const guint8 *) "data", 4);
  PUT32 (data_size);
#undef PUT32
#undef PUT16

  for (guint i = 0; i < samples->len; i++)
    {
      gint16 sample = GINT16_TO_LE (g_array_index (samples, gint16, i));

      g_byte_array_append (file, (guint8 *) &sample, 2);
    }

  if (!g_file_set_contents (path, (const char *) file->data, file->len, error))
    {
      g_prefix_error (error, "Cannot write the speech: ");
      if (error != NULL && *error != NULL)
        {
          (*error)->domain = BAKEN_SPEAKER_ERROR;
          (*error)->code = BAKEN_SPEAKER_ERROR_OUTPUT;
        }
      return FALSE;
    }

  return TRUE;
}

/* Called with engine_lock held, in synchronous mode. */
static gboolean
synthesize_to_wav_locked (guint        serial,
                          const char  *text,
                          const char  *language,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  espeak_ng_STATUS status;

  if (!engine_ensure (ENGINE_SYNCHRONOUS, error) ||
      !engine_set_voice (language, error))
    return FALSE;

  engine_samples = samples;
  engine_serial = serial;
  status = api.espeak_ng_Synthesize (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                                 espeakCHARS_UTF8, NULL, NULL);
  engine_samples = NULL;

  /* Stopped for a newer request: nothing to write. */
  if (serial != (guint) g_atomic_int_get (&latest_serial))
    return TRUE;

  if (status != ENS_OK && status != ENS_SPEECH_STOPPED)
    {
      set_engine_error (error, status, "espeak-ng could not say the text");
      return FALSE;
    }

  return write_wav (path, samples, api.espeak_ng_GetSampleRate (), error);
}

static gboolean
speak_on_audio_locked (const char  *text,
                       const char  *language,
                       GError     **error)
{
  espeak_ng_STATUS status;

  if (!engine_ensure (ENGINE_AUDIO, error))
    return FALSE;

  api.espeak_ng_Cancel ();
  if (!engine_set_voice (language, error))
    return FALSE;

  /* Queued to espeak-ng's own thread, which plays as it synthesises. */
  status = api.espeak_ng_Synthesize (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                                 espeakCHARS_UTF8, NULL, NULL);
  if (status != ENS_OK)
    {
      set_engine_error (error, status, "espeak-ng could not say the text");
      return FALSE;
    }

  return TRUE;
}

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

  g_mutex_lock (&engine_lock);

  if (request->kind == REQUEST_STOP)
    {
      if (engine_mode == ENGINE_AUDIO)
        api.espeak_ng_Cancel ();
      done = FALSE;
    }
  else if (speaker->output == BAKEN_SPEAKER_OUTPUT_AUDIO)
    {
      if (!speak_on_audio_locked (request->text, request->language, &error))
        g_warning ("Cannot read aloud: %s", error->message);
    }
  else if (speaker->output == BAKEN_SPEAKER_OUTPUT_WAV)
    {
      if (!synthesize_to_wav_locked (request->serial, request->text, request->language,
                                     speaker->wav_path, &error))
        g_warning ("Cannot read aloud: %s", error->message);
    }

  g_mutex_unlock (&engine_lock);

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
      if (request->serial == (guint) g_atomic_int_get (&latest_serial))
        handle (request);

      request_free (request);
    }

  return NULL;
}

static void
send (BakenSpeaker *self,
      RequestKind   kind,
      const char   *text,
      const char   *language)
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
  request->serial = (guint) g_atomic_int_add (&latest_serial, 1) + 1;
  request->speaker = g_object_ref (self);
  request->text = g_strdup (text);
  request->language = g_strdup (language);
  g_async_queue_push (requests, request);
}

static void
baken_speaker_dispose (GObject *object)
{
  BakenSpeaker *self = BAKEN_SPEAKER (object);

  /* The worker holds a reference while it works, so this runs when it is done. */
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_speaker_init (BakenSpeaker *self)
{
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

void
baken_speaker_speak (BakenSpeaker *self,
                     const char   *text,
                     const char   *language)
{
  g_return_if_fail (BAKEN_IS_SPEAKER (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (language != NULL);

  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->language);
  self->language = g_strdup (language);

  if (self->output != BAKEN_SPEAKER_OUTPUT_NONE)
    {
      g_autoptr(GError) error = NULL;

      /* The engine starts here, on the UI thread, because it sets the locale (which is
       * not safe while another thread runs); once, a few milliseconds, before the worker
       * ever holds the lock. */
      g_mutex_lock (&engine_lock);
      if (!engine_ensure (self->output == BAKEN_SPEAKER_OUTPUT_AUDIO
                          ? ENGINE_AUDIO : ENGINE_SYNCHRONOUS, &error))
        g_warning ("Cannot read aloud: %s", error->message);
      g_mutex_unlock (&engine_lock);

      send (self, REQUEST_SPEAK, text, language);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
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
    send (self, REQUEST_STOP, NULL, NULL);

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

guint
baken_speaker_get_n_finished (BakenSpeaker *self)
{
  g_return_val_if_fail (BAKEN_IS_SPEAKER (self), 0);

  return self->n_finished;
}

gboolean
baken_speaker_synthesize_wav (const char  *text,
                              const char  *language,
                              const char  *path,
                              GError     **error)
{
  guint serial;
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&engine_lock);
  /* Supersedes whatever the worker was doing, like any new request. */
  serial = (guint) g_atomic_int_add (&latest_serial, 1) + 1;
  ok = synthesize_to_wav_locked (serial, text, language, path, error);
  g_mutex_unlock (&engine_lock);

  return ok;
}
