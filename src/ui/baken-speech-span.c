/* baken-speech-span.c: a part of a spoken text in another language than the screen's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "baken-speech-span.h"

#include <string.h>

/* A language code as the marks carry it: letters and '-' only, short. */
static gboolean
is_language_code (const char *code,
                  gsize       length)
{
  if (length == 0 || length > 16)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalpha (code[i]) && code[i] != '-')
      return FALSE;

  return TRUE;
}

char *
baken_speech_span_mark (const char *text,
                        const char *language,
                        gboolean    foreign)
{
  g_return_val_if_fail (language != NULL, NULL);

  if (text == NULL)
    return NULL;
  if (!foreign || *text == '\0' || !is_language_code (language, strlen (language)))
    return g_strdup (text);

  return g_strdup_printf ("%c%s%c%s%c", BAKEN_SPEECH_SPAN_START, language,
                          BAKEN_SPEECH_SPAN_LANGUAGE_END, text, BAKEN_SPEECH_SPAN_END);
}

gboolean
baken_speech_span_has_any (const char *text)
{
  return text != NULL && strchr (text, BAKEN_SPEECH_SPAN_START) != NULL;
}

/* Walks text: calls plain for the text outside spans and span for each span (language
 * and text, not NUL-terminated). A mark without its partner is dropped. */
typedef void (*PlainFunc) (const char *text, gsize length, gpointer user_data);
typedef void (*SpanFunc) (const char *language, gsize language_length,
                          const char *text, gsize length, gpointer user_data);

static void
walk (const char *text,
      PlainFunc   plain,
      SpanFunc    span,
      gpointer    user_data)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = strchr (p, BAKEN_SPEECH_SPAN_START);
      const char *language_end;
      const char *end;

      if (start == NULL)
        {
          plain (p, strlen (p), user_data);
          return;
        }
      plain (p, start - p, user_data);

      language_end = strchr (start + 1, BAKEN_SPEECH_SPAN_LANGUAGE_END);
      end = language_end != NULL ? strchr (language_end + 1, BAKEN_SPEECH_SPAN_END) : NULL;
      if (end == NULL || !is_language_code (start + 1, language_end - start - 1) ||
          memchr (language_end + 1, BAKEN_SPEECH_SPAN_START, end - language_end - 1) != NULL)
        {
          /* Not a span after all: the mark goes, the text stays. */
          p = start + 1;
          continue;
        }
      span (start + 1, language_end - start - 1, language_end + 1, end - language_end - 1,
            user_data);
      p = end + 1;
    }
}

/* Without stray marks: a lone SHIFT IN or UNIT SEPARATOR outside a span. */
static void
append_clean (GString    *out,
              const char *text,
              gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] != BAKEN_SPEECH_SPAN_END && text[i] != BAKEN_SPEECH_SPAN_LANGUAGE_END &&
        text[i] != BAKEN_SPEECH_SPAN_START)
      g_string_append_c (out, text[i]);
}

static void
strip_plain (const char *text,
             gsize       length,
             gpointer    user_data)
{
  append_clean (user_data, text, length);
}

static void
strip_span (const char *language,
            gsize       language_length,
            const char *text,
            gsize       length,
            gpointer    user_data)
{
  append_clean (user_data, text, length);
}

char *
baken_speech_span_strip (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  walk (text, strip_plain, strip_span, out);

  return g_string_free (out, FALSE);
}

typedef struct
{
  GString              *out;
  BakenSpeechVoiceFunc  voice_for;
} Ssml;

static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  g_autofree char *clean = NULL;
  g_autofree char *escaped = NULL;
  GString *part = g_string_sized_new (length);

  append_clean (part, text, length);
  clean = g_string_free (part, FALSE);
  escaped = g_markup_escape_text (clean, -1);
  g_string_append (out, escaped);
}

static void
ssml_plain (const char *text,
            gsize       length,
            gpointer    user_data)
{
  Ssml *ssml = user_data;

  append_escaped (ssml->out, text, length);
}

static void
ssml_span (const char *language,
           gsize       language_length,
           const char *text,
           gsize       length,
           gpointer    user_data)
{
  Ssml *ssml = user_data;
  g_autofree char *code = g_strndup (language, language_length);
  const char *voice = ssml->voice_for (code);

  if (voice == NULL)
    {
      append_escaped (ssml->out, text, length);
      return;
    }

  g_string_append_printf (ssml->out, "<voice name=\"%s\">", voice);
  append_escaped (ssml->out, text, length);
  g_string_append (ssml->out, "</voice>");
}

char *
baken_speech_span_to_ssml (const char           *text,
                           BakenSpeechVoiceFunc  voice_for)
{
  Ssml ssml;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (voice_for != NULL, NULL);

  ssml.out = g_string_new ("<speak>");
  ssml.voice_for = voice_for;
  walk (text, ssml_plain, ssml_span, &ssml);
  g_string_append (ssml.out, "</speak>");

  return g_string_free (ssml.out, FALSE);
}
