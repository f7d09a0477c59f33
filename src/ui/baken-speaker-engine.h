/* baken-speaker-engine.h: the espeak-ng engine of the process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * espeak-ng is one engine per process with global state: these functions own it, load
 * it at the first use and serialise every use of it. BakenSpeaker queues what to say
 * and calls them from its worker thread; nothing here knows about speakers.
 *
 * Every utterance carries a serial from baken_speaker_engine_supersede (): the newest
 * serial is the one that counts, and a synthesis for an older one stops after its
 * current buffer.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BAKEN_SPEAKER_ERROR (baken_speaker_error_quark ())

typedef enum {
  BAKEN_SPEAKER_ERROR_ENGINE,    /* espeak-ng could not start or has no such voice */
  BAKEN_SPEAKER_ERROR_OUTPUT,    /* the audio output or the file could not be written */
} BakenSpeakerError;

GQuark baken_speaker_error_quark (void);

typedef enum {
  BAKEN_SPEAKER_ENGINE_AUDIO,        /* espeak-ng plays on its own thread */
  BAKEN_SPEAKER_ENGINE_SYNCHRONOUS,  /* espeak-ng hands the samples back (WAV files) */
} BakenSpeakerEngineMode;

/* The espeak-ng voice for a UI language ("nl", "en", "ar", …), NULL when none. */
const char *baken_speaker_engine_get_voice      (const char             *language);

/* A new serial, the newest from now on: whatever an older one is saying stops. */
guint       baken_speaker_engine_supersede      (void);
/* Whether no newer serial has been handed out since. */
gboolean    baken_speaker_engine_is_latest      (guint                   serial);

/* Loads and starts the engine in mode, once per process (it sets the locale for a
 * moment: call it on the main thread before other threads use the engine). Fails when
 * it already runs in the other mode. */
gboolean    baken_speaker_engine_start          (BakenSpeakerEngineMode  mode,
                                                 GError                **error);

/* Stops what the audio output is saying; does nothing in synchronous mode. */
void        baken_speaker_engine_cancel         (void);

/* Whether the audio output is still playing (or synthesising) what it was given; FALSE
 * in synchronous mode. Any thread; it does not wait for the engine. */
gboolean    baken_speaker_engine_is_playing     (void);

/* Stops what is being said and says text in the voice of language on the audio output,
 * at volume (espeak-ng's scale: 100 normal) and rate (words a minute); returns while
 * espeak-ng's thread plays. */
gboolean    baken_speaker_engine_speak          (const char             *text,
                                                 const char             *language,
                                                 guint                   volume,
                                                 guint                   rate,
                                                 GError                **error);

/* Synthesises text at once into a mono 16-bit WAV file at path (blocking, synchronous
 * mode). When serial is superseded meanwhile, stops and writes nothing (not an error). */
gboolean    baken_speaker_engine_synthesize_wav (guint                   serial,
                                                 const char             *text,
                                                 const char             *language,
                                                 guint                   volume,
                                                 guint                   rate,
                                                 const char             *path,
                                                 GError                **error);

/* The phonemes espeak-ng says for text in the voice of language, as "espeak-ng -x"
 * prints them (its own mnemonics, one line per clause; a voice switched to by espeak-ng
 * itself in parentheses): which voice read which part, for tests. Synchronous mode. */
char       *baken_speaker_engine_dup_phonemes   (const char             *text,
                                                 const char             *language,
                                                 GError                **error);

G_END_DECLS
