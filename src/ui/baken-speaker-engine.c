/* baken-speaker-engine.c: the espeak-ng engine of the process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * espeak-ng is one engine per process with global state: every use of it goes through
 * engine_lock. Audio goes out through espeak-ng's own audio output
 * (ENOUTPUT_MODE_SPEAK_AUDIO: its internal thread plays while it synthesises;
 * espeak_ng_Cancel() stops both). For tests the engine instead runs synchronously with
 * a callback that collects the samples into a WAV file, checking the serial after every
 * buffer. A process uses one of the two: espeak-ng cannot switch back and forth.
 *
 * espeak-ng is loaded (dlopen) at the first use, not linked: with what it pulls in
 * (PulseAudio, libsndfile and its codecs, ALSA: some 20 libraries) it would cost every
 * start of the kiosk about 10 ms of loading and relocating, and most residents never
 * ask for read-aloud.
 */
#define G_LOG_DOMAIN "baken-speaker"

#include "config.h"

#include "baken-speaker-engine.h"

#include <espeak-ng/espeak_ng.h>
#include <gmodule.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baken-speech-span.h"

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
  F (espeak_ng_Cancel) \
  F (espeak_IsPlaying) \
  F (espeak_SetPhonemeTrace)

/* Filled by engine_load (), under engine_lock. */
static struct {
#define DECLARE_FUNCTION(name) __typeof__ (name) *name;
  ESPEAK_FUNCTIONS (DECLARE_FUNCTION)
#undef DECLARE_FUNCTION
} api;

/* The engine: one per process, used under engine_lock by the functions below. */
typedef enum {
  ENGINE_UNSET,
  ENGINE_AUDIO,
  ENGINE_SYNCHRONOUS,
} EngineMode;

static GMutex      engine_lock;
static EngineMode  engine_mode;
static gint        engine_audio;     /* atomic: engine_mode is ENGINE_AUDIO */
static GArray     *engine_samples;   /* (element-type gint16) of the current utterance */
static guint       engine_serial;    /* the request being synthesised */

/* The newest serial; older ones are dropped. Atomic. */
static guint       latest_serial;

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
  return !baken_speaker_engine_is_latest (engine_serial);
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
  g_atomic_int_set (&engine_audio, mode == ENGINE_AUDIO);

  return TRUE;
}

static gboolean
engine_set_voice (const char  *language,
                  guint        volume,
                  guint        rate,
                  GError     **error)
{
  const char *voice = baken_speaker_engine_get_voice (language);
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

  /* Words a minute (BAKEN_SPEAKER_RATE_NORMAL is a little slower than espeak's 175: plain
   * language, stressed people). */
  api.espeak_ng_SetParameter (espeakRATE, (int) rate, 0);
  /* espeak-ng's own scale: 100 is its normal loudness. */
  api.espeak_ng_SetParameter (espeakVOLUME, (int) volume, 0);

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

/* Called with engine_lock held, after the voice is set. A text with spans in other
 * languages goes as SSML, each span in its own voice (baken-speech-span.h). */
static espeak_ng_STATUS
synthesize (const char *text)
{
  g_autofree char *ssml = NULL;

  if (!baken_speech_span_has_any (text))
    return api.espeak_ng_Synthesize (text, strlen (text) + 1, 0, POS_CHARACTER, 0,
                                     espeakCHARS_UTF8, NULL, NULL);

  ssml = baken_speech_span_to_ssml (text, baken_speaker_engine_get_voice);
  return api.espeak_ng_Synthesize (ssml, strlen (ssml) + 1, 0, POS_CHARACTER, 0,
                                   espeakCHARS_UTF8 | espeakSSML, NULL, NULL);
}

/* Called with engine_lock held, in synchronous mode. */
static gboolean
synthesize_to_wav_locked (guint        serial,
                          const char  *text,
                          const char  *language,
                          guint        volume,
                          guint        rate,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  espeak_ng_STATUS status;

  if (!engine_ensure (ENGINE_SYNCHRONOUS, error) ||
      !engine_set_voice (language, volume, rate, error))
    return FALSE;

  engine_samples = samples;
  engine_serial = serial;
  status = synthesize (text);
  engine_samples = NULL;

  /* Stopped for a newer request: nothing to write. */
  if (!baken_speaker_engine_is_latest (serial))
    return TRUE;

  if (status != ENS_OK && status != ENS_SPEECH_STOPPED)
    {
      set_engine_error (error, status, "espeak-ng could not say the text");
      return FALSE;
    }

  return write_wav (path, samples, api.espeak_ng_GetSampleRate (), error);
}

/* Called with engine_lock held. */
static gboolean
speak_on_audio_locked (const char  *text,
                       const char  *language,
                       guint        volume,
                       guint        rate,
                       GError     **error)
{
  espeak_ng_STATUS status;

  if (!engine_ensure (ENGINE_AUDIO, error))
    return FALSE;

  api.espeak_ng_Cancel ();
  if (!engine_set_voice (language, volume, rate, error))
    return FALSE;

  /* Queued to espeak-ng's own thread, which plays as it synthesises. */
  status = synthesize (text);
  if (status != ENS_OK)
    {
      set_engine_error (error, status, "espeak-ng could not say the text");
      return FALSE;
    }

  return TRUE;
}

const char *
baken_speaker_engine_get_voice (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
    {
      if (g_str_equal (voices[i].language, language))
        return voices[i].voice;
    }

  return NULL;
}

guint
baken_speaker_engine_supersede (void)
{
  return (guint) g_atomic_int_add (&latest_serial, 1) + 1;
}

gboolean
baken_speaker_engine_is_latest (guint serial)
{
  return serial == (guint) g_atomic_int_get (&latest_serial);
}

gboolean
baken_speaker_engine_start (BakenSpeakerEngineMode   mode,
                            GError                 **error)
{
  gboolean ok;

  g_return_val_if_fail (mode <= BAKEN_SPEAKER_ENGINE_SYNCHRONOUS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&engine_lock);
  ok = engine_ensure (mode == BAKEN_SPEAKER_ENGINE_AUDIO ? ENGINE_AUDIO : ENGINE_SYNCHRONOUS,
                      error);
  g_mutex_unlock (&engine_lock);

  return ok;
}

void
baken_speaker_engine_cancel (void)
{
  g_mutex_lock (&engine_lock);
  if (engine_mode == ENGINE_AUDIO)
    api.espeak_ng_Cancel ();
  g_mutex_unlock (&engine_lock);
}

gboolean
baken_speaker_engine_is_playing (void)
{
  /* Not under engine_lock: the UI thread asks, and must not wait for a synthesis. */
  return g_atomic_int_get (&engine_audio) && api.espeak_IsPlaying () != 0;
}

gboolean
baken_speaker_engine_speak (const char  *text,
                            const char  *language,
                            guint        volume,
                            guint        rate,
                            GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&engine_lock);
  ok = speak_on_audio_locked (text, language, volume, rate, error);
  g_mutex_unlock (&engine_lock);

  return ok;
}

gboolean
baken_speaker_engine_synthesize_wav (guint        serial,
                                     const char  *text,
                                     const char  *language,
                                     guint        volume,
                                     guint        rate,
                                     const char  *path,
                                     GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_lock (&engine_lock);
  ok = synthesize_to_wav_locked (serial, text, language, volume, rate, path, error);
  g_mutex_unlock (&engine_lock);

  return ok;
}

char *
baken_speaker_engine_dup_phonemes (const char  *text,
                                   const char  *language,
                                   GError     **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint16));
  char *buffer = NULL;
  size_t size = 0;
  FILE *stream;
  espeak_ng_STATUS status;
  char *phonemes;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&engine_lock);
  /* espeak-ng's default rate: the phonemes do not depend on it. */
  if (!engine_ensure (ENGINE_SYNCHRONOUS, error) ||
      !engine_set_voice (language, 100, 175, error))
    {
      g_mutex_unlock (&engine_lock);
      return NULL;
    }

  stream = open_memstream (&buffer, &size);
  api.espeak_SetPhonemeTrace (espeakPHONEMES_SHOW, stream);
  engine_samples = samples;
  engine_serial = baken_speaker_engine_supersede ();
  status = synthesize (text);
  engine_samples = NULL;
  api.espeak_SetPhonemeTrace (0, NULL);
  fclose (stream);
  g_mutex_unlock (&engine_lock);

  if (status != ENS_OK)
    {
      free (buffer);
      set_engine_error (error, status, "espeak-ng could not say the text");
      return NULL;
    }

  phonemes = g_strdup (buffer != NULL ? buffer : "");
  free (buffer);

  return phonemes;
}
