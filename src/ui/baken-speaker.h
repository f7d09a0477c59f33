/* baken-speaker.h: reading a screen aloud with espeak-ng
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

/* BAKEN_SPEAKER_ERROR: the engine's errors are the speaker's. */
#include "baken-speaker-engine.h"

G_BEGIN_DECLS

/* Loudness of an utterance, on espeak-ng's scale; the sound server's volume on top. */
#define BAKEN_SPEAKER_VOLUME_NORMAL 100
#define BAKEN_SPEAKER_VOLUME_SOFT 40

/* Words a minute: a little slower than espeak-ng's 175 by default. */
#define BAKEN_SPEAKER_RATE_MIN 90
#define BAKEN_SPEAKER_RATE_NORMAL 150
#define BAKEN_SPEAKER_RATE_MAX 250

typedef enum {
  BAKEN_SPEAKER_OUTPUT_AUDIO,    /* the default audio output (a headset socket) */
  BAKEN_SPEAKER_OUTPUT_WAV,      /* each utterance replaces a WAV file (tests) */
  BAKEN_SPEAKER_OUTPUT_NONE,     /* nothing is synthesised; texts are only recorded */
} BakenSpeakerOutput;

#define BAKEN_TYPE_SPEAKER (baken_speaker_get_type ())

G_DECLARE_FINAL_TYPE (BakenSpeaker, baken_speaker, BAKEN, SPEAKER, GObject)

/* espeak-ng is one engine per process: all speakers of a process must use the same
 * kind of output (AUDIO, or WAV and NONE). wav_path only for BAKEN_SPEAKER_OUTPUT_WAV. */
BakenSpeaker *baken_speaker_new               (BakenSpeakerOutput  output,
                                               const char         *wav_path);
/* From BAKEN_SPEECH_OUTPUT (development and tests): unset or "audio", "none", or the
 * path of a .wav file; when kiosk is TRUE only "none" counts, anything else is audio. */
BakenSpeaker *baken_speaker_new_from_environment (gboolean         kiosk);

/* Stops what is being said and starts saying text in the voice of a UI language (nl,
 * en, ar, tr, pl, uk), its spans in the voices of theirs (baken-speech-span.h). Returns
 * at once: the engine runs on a worker thread. */
void          baken_speaker_speak             (BakenSpeaker       *self,
                                               const char         *text,
                                               const char         *language);
/* The same at a low volume, for what nobody asked for (the invitation on Home). */
void          baken_speaker_speak_softly      (BakenSpeaker       *self,
                                               const char         *text,
                                               const char         *language);
/* Stops at once; does nothing when silent. */
void          baken_speaker_stop              (BakenSpeaker       *self);

/* The last text (without span marks) and language handed to the engine (NULL after
 * stop), for tests. Every part of the kiosk speaks through baken_speaker_speak (), which
 * notifies "text" for each utterance: a test records the transcript there. */
const char   *baken_speaker_get_text          (BakenSpeaker       *self);
const char   *baken_speaker_get_language      (BakenSpeaker       *self);
/* Whether something is being said: from speak () until it has been played (or
 * stop ()); notifies "speaking". Never with BAKEN_SPEAKER_OUTPUT_NONE. */
gboolean      baken_speaker_get_speaking      (BakenSpeaker       *self);
/* Words a minute for what is said from now on (BAKEN_SPEAKER_RATE_MIN to _MAX). */
void          baken_speaker_set_rate          (BakenSpeaker       *self,
                                               guint               rate);
guint         baken_speaker_get_rate          (BakenSpeaker       *self);
/* The volume of the last text (BAKEN_SPEAKER_VOLUME_NORMAL or _SOFT). */
guint         baken_speaker_get_volume        (BakenSpeaker       *self);
/* How many utterances the worker has finished (or given up on) so far. */
guint         baken_speaker_get_n_finished    (BakenSpeaker       *self);

/* The espeak-ng voice for a UI language ("nl", "en", "ar", …), NULL when none. */
const char   *baken_speaker_get_voice         (const char         *language);

/* Synthesises text at once into a mono 16-bit WAV file (blocking; tests and tools).
 * Fails when this process plays audio through a BAKEN_SPEAKER_OUTPUT_AUDIO speaker. */
gboolean      baken_speaker_synthesize_wav    (const char         *text,
                                               const char         *language,
                                               const char         *path,
                                               GError            **error);

G_END_DECLS
