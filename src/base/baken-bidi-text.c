/* baken-bidi-text.c: numbers and values that survive right-to-left text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bidi"

#include "config.h"

#include "baken-bidi-text.h"

#include <string.h>

gboolean
baken_bidi_language_is_rtl (const char *lang)
{
  /* Arabic, Persian, Hebrew, Urdu, Pashto, Sorani Kurdish, Yiddish, Dhivehi. */
  static const char * const rtl[] = { "ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv" };
  gsize len;

  if (lang == NULL)
    return FALSE;

  len = strcspn (lang, "_-.@");
  for (guint i = 0; i < G_N_ELEMENTS (rtl); i++)
    if (strlen (rtl[i]) == len && strncmp (lang, rtl[i], len) == 0)
      return TRUE;

  return FALSE;
}

char *
baken_bidi_isolate_value (const char *text)
{
  if (text == NULL)
    return NULL;

  return g_strconcat (BAKEN_BIDI_LRI, text, BAKEN_BIDI_PDI, NULL);
}

char *
baken_bidi_isolate_text (const char *text)
{
  if (text == NULL)
    return NULL;

  return g_strconcat (BAKEN_BIDI_FSI, text, BAKEN_BIDI_PDI, NULL);
}

char *
baken_bidi_isolate_numbers (const char *text)
{
  static GRegex *numbers = NULL;

  if (text == NULL)
    return NULL;

  if (g_once_init_enter (&numbers))
    {
      /* Time ranges ("9:00 – 12:00", also with no-break spaces), digit groups joined by a
       * space, hyphen, dot or slash ("030 555 01 23", "+31 30 555 0123", "0800-1234",
       * "1-1-2027"), and Dutch postcodes ("1234 AB"). */
      GRegex *regex = g_regex_new ("\\d{1,2}[:.]\\d{2}(?: |\u00a0)?[–-](?:\u2060)?(?: |\u00a0)?"
                                   "\\d{1,2}[:.]\\d{2}"
                                   "|\\+?\\d+(?:[ \\-./]\\d+)+|\\b\\d{4} ?[A-Z]{2}\\b",
                                   G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (regex != NULL);
      g_once_init_leave (&numbers, regex);
    }

  return g_regex_replace (numbers, text, -1, 0, BAKEN_BIDI_LRI "\\0" BAKEN_BIDI_PDI, 0, NULL);
}
