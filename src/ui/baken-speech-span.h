/* baken-speech-span.h: a part of a spoken text in another language than the screen's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Content that has no text in the screen's language falls back to Dutch; read in the
 * screen language's voice it is noise ("Gemeente Voorbeeldstad" in an Arabic voice). A
 * speech text marks such a part as a span: SHIFT OUT (U+000E), the language code, UNIT
 * SEPARATOR (U+001F), the text, SHIFT IN (U+000F). The speaker says each span in the
 * voice of its language; what is shown or recorded of a speech text has the marks
 * stripped. Pure: no audio here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_SPEECH_SPAN_START '\x0e'
#define BAKEN_SPEECH_SPAN_LANGUAGE_END '\x1f'
#define BAKEN_SPEECH_SPAN_END '\x0f'

/* text (nullable) as a span in language; text itself when not foreign or empty. */
char     *baken_speech_span_mark      (const char *text,
                                       const char *language,
                                       gboolean    foreign);
/* Whether text has a span. */
gboolean  baken_speech_span_has_any   (const char *text);
/* text without the marks of its spans. */
char     *baken_speech_span_strip     (const char *text);
/* text as SSML for espeak-ng: each span in <voice name="…">, by voice_for (the voice
 * of a language, NULL when none: then the span is said in the surrounding voice), the
 * rest escaped. */
typedef const char *(*BakenSpeechVoiceFunc) (const char *language);
char     *baken_speech_span_to_ssml   (const char           *text,
                                       BakenSpeechVoiceFunc  voice_for);

G_END_DECLS
