/* baken-search-numbers.c: phone numbers and postcodes as search finds them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-search"

#include "config.h"

#include "baken-search-numbers.h"

#include <string.h>

static gboolean
is_word_char (char c)
{
  /* Bytes of non-ASCII characters count as letters: "ü12" is one word. */
  return g_ascii_isalnum (c) || (guchar) c >= 0x80;
}

static const char *
skip_digits (const char *p)
{
  while (g_ascii_isdigit (*p))
    p++;

  return p;
}

static void
replace_country_code (GString *out,
                      gsize    at,
                      gsize    length)
{
  g_string_erase (out, at, length - 1);
  out->str[at] = '0';
}

/* A phone number at p (a word start): appends its digits and returns the end, or NULL. */
static const char *
join_phone (const char *p,
            GString    *out)
{
  gboolean plus = *p == '+';
  const char *start = plus ? p + 1 : p;
  const char *end = skip_digits (start);
  guint groups = 1;
  gsize mark = out->len;

  if (end == start || (!plus && *start != '0'))
    return NULL;

  g_string_append_len (out, start, end - start);
  while ((*end == ' ' || *end == '-') && g_ascii_isdigit (end[1]))
    {
      const char *next = skip_digits (end + 1);

      g_string_append_len (out, end + 1, next - end - 1);
      end = next;
      groups++;
    }

  /* One group is already one word, unless it starts with a country code. */
  if (is_word_char (*end) ||
      (groups == 1 && !plus && strncmp (out->str + mark, "0031", 4) != 0))
    {
      g_string_truncate (out, mark);
      return NULL;
    }

  /* The country code of the Netherlands stands for the 0 of a national number. */
  if (plus && strncmp (out->str + mark, "31", 2) == 0)
    replace_country_code (out, mark, 2);
  else if (!plus && strncmp (out->str + mark, "0031", 4) == 0)
    replace_country_code (out, mark, 4);

  return end;
}

/* A postcode at p (a word start): appends it without the space and returns the end, or
 * NULL. */
static const char *
join_postcode (const char *p,
               GString    *out)
{
  const char *letters = p + 5;
  guint n_letters = 0;

  if (skip_digits (p) != p + 4 || *p == '0' || p[4] != ' ')
    return NULL;
  while (n_letters < 3 && g_ascii_isalpha (letters[n_letters]))
    n_letters++;
  if (n_letters == 0 || n_letters > 2 || is_word_char (letters[n_letters]))
    return NULL;

  g_string_append_len (out, p, 4);
  g_string_append_len (out, letters, n_letters);

  return letters + n_letters;
}

char *
baken_search_numbers_join (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      gboolean word_start = p == text || !is_word_char (p[-1]);
      const char *end = NULL;

      if (word_start && (g_ascii_isdigit (*p) || (*p == '+' && g_ascii_isdigit (p[1]))))
        {
          end = join_postcode (p, out);
          if (end == NULL)
            end = join_phone (p, out);
        }

      if (end != NULL)
        {
          p = end;
          continue;
        }

      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}
