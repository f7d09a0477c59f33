/* baken-search-fold.c: the letters search takes as the same, per language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-search"

#include "config.h"

#include "baken-search-fold.h"

#include <string.h>

/* Arabic vowel marks (harakat, tanwin, shadda, sukun, …), the superscript alef and
 * tatweel, the stretching line: no reader searches by them. */
static gboolean
is_arabic_mark (gunichar c)
{
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;
}

/* The letter searched for c, or 0 to leave c to the tokenizer. */
static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    /* Turkish: dotless ı and dotted İ are i, so that I, ı, İ and i all meet. */
    case 0x0131: case 0x0130: return 'i';
    /* Polish: ł has no accent the tokenizer knows. */
    case 0x0141: return 'L';
    case 0x0142: return 'l';
    /* Arabic: alef with hamza or madda is alef; alef maqsura is ya; ta marbuta is ha. */
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;
    case 0x0649: return 0x064A;
    case 0x0629: return 0x0647;
    /* Ukrainian: the apostrophe in "сім'ї" as a modifier letter or a quote is '. */
    case 0x02BC: case 0x2019: return '\'';
    default: return 0;
    }
}

char *
baken_search_fold (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar folded;

      if (c < 0x80)
        {
          g_string_append_c (out, (char) c);
          continue;
        }
      if (is_arabic_mark (c))
        continue;
      folded = fold_char (c);
      g_string_append_unichar (out, folded != 0 ? folded : c);
    }

  return g_string_free (out, FALSE);
}
