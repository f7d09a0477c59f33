/* baken-lint-b1.c: plain Dutch at level B1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sentence-length, word-length, jargon, abbreviation and tile-label. The B1 heuristics
 * follow CONTENT.md: sentences of at most ~15 words, common words (a jargon list with a
 * plainer word for each), no abbreviations. They look only at resident-facing Dutch text
 * (the text columns of the format; not the labels of staff-only phones and channels).
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint-b1.h"

#include <string.h>

#define MAX_SENTENCE_WORDS  15
#define MAX_WORD_LETTERS    22
#define MAX_TILE_WORDS      4

typedef struct
{
  const char *const forms[6];   /* lowercase, as they appear in a text */
  const char       *plain;
} Jargon;

/* CONTENT.md, "Jargon and a plainer word". */
static const Jargon jargon[] = {
  { { "aanvraag indienen", "aanvraag in te dienen", NULL }, "vragen om" },
  { { "beschikking", "beschikkingen", NULL }, "besluit, brief met de beslissing" },
  { { "bezwaar maken", NULL }, "laten weten dat u het er niet mee eens bent" },
  { { "bezwaartermijn", NULL }, "de tijd die u heeft om bezwaar te maken" },
  { { "verzoekschrift", "verzoekschriften", NULL }, "brief aan de rechter" },
  { { "dagvaarding", "dagvaardingen", NULL }, "brief dat u naar de rechter moet komen" },
  { { "incassobureau", "incassobureaus", NULL }, "bedrijf dat geld ophaalt voor een ander" },
  { { "betalingsregeling", "betalingsregelingen", NULL }, "afspraak om in delen te betalen" },
  { { "beslag leggen", "beslag gelegd", "beslaglegging", NULL },
    "geld of spullen afnemen om een schuld te betalen" },
  { { "rechtsbijstand", NULL }, "hulp van een advocaat" },
  { { "eigen bijdrage", NULL }, "het deel dat u zelf betaalt" },
  { { "draagkracht", NULL }, "hoeveel u kunt betalen" },
  { { "alimentatie", NULL }, "geld voor uw ex-partner of kinderen na een scheiding" },
  { { "mediation", NULL }, "hulp om samen afspraken te maken" },
  { { "ten behoeve van", NULL }, "voor" },
  { { "indien", NULL }, "als" },
  { { "teneinde", NULL }, "om" },
  { { "alsmede", NULL }, "en" },
  { { "middels", NULL }, "met" },
  { { "inzake", "omtrent", NULL }, "over" },
  { { "ingevolge", "conform", NULL }, "volgens" },
  { { "derhalve", NULL }, "daarom" },
  { { "reeds", NULL }, "al" },
  { { "thans", NULL }, "nu" },
  { { "doch", NULL }, "maar" },
  { { "dienen te", "dient te", NULL }, "moeten" },
  { { "verstrekken", "verstrekt", "verstrekte", NULL }, "geven" },
  { { "retourneren", "retourneert", NULL }, "terugsturen" },
  { { "woonachtig", NULL }, "wonen" },
  { { "in het bezit zijn van", "in het bezit van", NULL }, "hebben" },
  { { "aanvang", NULL }, "begin" },
  { { "verzoeken", "verzoekt", NULL }, "vragen" },
  { { "tevens", NULL }, "ook" },
  { { "trachten", "tracht", NULL }, "proberen" },
  { { "nader", "nadere", NULL }, "later, meer" },
};

static const char *const abbreviations[] = {
  "i.v.m.", "o.a.", "z.s.m.", "m.b.t.", "t.a.v.", "d.w.z.", "bijv.", "evt.", "e.d.",
  "etc.", "m.u.v.", "t.z.t.", "a.u.b.", "i.p.v.", NULL
};

/* B1 heuristics */

/* Whether the text from p on starts with needle (lowercase ASCII and UTF-8) on word
 * boundaries. */
static gboolean
matches_at (const char *text,
            const char *p,
            const char *needle)
{
  gsize n = strlen (needle);
  gunichar last = g_utf8_get_char (g_utf8_prev_char (needle + n));

  if (strncmp (p, needle, n) != 0)
    return FALSE;
  if (p > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
    return FALSE;
  if (g_unichar_isalnum (last) && p[n] != '\0' && g_unichar_isalnum (g_utf8_get_char (p + n)))
    return FALSE;

  return TRUE;
}

static guint
count_lines (const char *text,
             const char *until)
{
  guint n = 0;

  for (const char *p = text; p < until; p++)
    if (*p == '\n')
      n++;

  return n;
}

/* The first words of a sentence, for a message. */
static char *
quote_start (const char *start,
             const char *end)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint words = 0;
  gboolean in_word = FALSE;
  const char *p;

  for (p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (in_word && ++words == 6)
            break;
          in_word = FALSE;
          g_string_append_c (out, ' ');
          continue;
        }
      in_word = TRUE;
      g_string_append_unichar (out, c);
    }

  if (p < end)
    g_string_append (out, "…");

  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static void
check_sentences (BakenLintContext *lint,
                 BakenSourceTable  table,
                 guint             row,
                 guint             column,
                 const char       *text)
{
  const char *start = text;
  const char *p = text;
  guint words = 0;
  gboolean in_word = FALSE;

  for (;;)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0 || c == '\n';

      if ((c == '.' || c == '!' || c == '?') &&
          (p[1] == '\0' || g_ascii_isspace (p[1])))
        end = TRUE;

      if (!end && !g_unichar_isspace (c) && !in_word)
        {
          in_word = TRUE;
          if (g_unichar_isalnum (c) || g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (p))))
            words++;
        }
      else if (g_unichar_isspace (c))
        {
          in_word = FALSE;
        }

      if (end)
        {
          if (words > MAX_SENTENCE_WORDS)
            {
              g_autofree char *quote = quote_start (start, p);

              baken_lint_add_field_issue (lint, table, row, column, count_lines (text, start),
                                          BAKEN_LINT_WARNING, "sentence-length",
                                          "sentence of %u words in %s (\"%s\"); B1 sentences have "
                                          "at most %d words, so split it", words,
                                          baken_content_source_column_name (table, column), quote,
                                          MAX_SENTENCE_WORDS);
            }
          if (c == 0)
            break;
          words = 0;
          in_word = FALSE;
          p = g_utf8_next_char (p);
          while (*p != '\0' && g_ascii_isspace (*p))
            p++;
          start = p;
          continue;
        }

      p = g_utf8_next_char (p);
    }
}

static gboolean
is_address_like (const char *start,
                 const char *end)
{
  for (const char *p = start; p < end; p++)
    if (*p == '@' || *p == '/' || (*p == '.' && p + 1 < end && g_ascii_isalpha (p[1])))
      return TRUE;

  return FALSE;
}

static void
check_words (BakenLintContext *lint,
             BakenSourceTable  table,
             guint             row,
             guint             column,
             const char       *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start, *end;
      guint letters = 0, longest = 0;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      end = p;

      if (start == end || is_address_like (start, end))
        continue;

      /* Letters in a row: a hyphen splits a compound into readable parts. */
      for (const char *q = start; q < end; q = g_utf8_next_char (q))
        {
          if (g_unichar_isalpha (g_utf8_get_char (q)))
            letters++;
          else
            letters = 0;
          longest = MAX (longest, letters);
        }

      if (longest > MAX_WORD_LETTERS)
        {
          g_autofree char *word = g_strndup (start, end - start);

          baken_lint_add_field_issue (lint, table, row, column, count_lines (text, start),
                                      BAKEN_LINT_WARNING, "word-length",
                                      "\"%s\" in %s is %u letters long; B1 text uses shorter "
                                      "words, so rephrase it or split the compound with a hyphen",
                                      word, baken_content_source_column_name (table, column),
                                      longest);
        }
    }
}

static void
check_jargon (BakenLintContext *lint,
              BakenSourceTable  table,
              guint             row,
              guint             column,
              const char       *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  /* g_utf8_strdown keeps the line structure: count lines in lower. */
  for (guint j = 0; j < G_N_ELEMENTS (jargon); j++)
    for (guint f = 0; jargon[j].forms[f] != NULL; f++)
      for (const char *p = lower; (p = strstr (p, jargon[j].forms[f])) != NULL; p++)
        if (matches_at (lower, p, jargon[j].forms[f]))
          {
            baken_lint_add_field_issue (lint, table, row, column, count_lines (lower, p),
                                        BAKEN_LINT_WARNING, "jargon",
                                        "\"%s\" in %s is official language; write \"%s\" instead",
                                        jargon[j].forms[f],
                                        baken_content_source_column_name (table, column),
                                        jargon[j].plain);
            break;
          }

  for (guint a = 0; abbreviations[a] != NULL; a++)
    for (const char *p = lower; (p = strstr (p, abbreviations[a])) != NULL; p++)
      if (matches_at (lower, p, abbreviations[a]))
        {
          baken_lint_add_field_issue (lint, table, row, column, count_lines (lower, p),
                                      BAKEN_LINT_WARNING, "abbreviation",
                                      "\"%s\" in %s is an abbreviation; write the words in full",
                                      abbreviations[a],
                                      baken_content_source_column_name (table, column));
          break;
        }
}

/* Whether a row of table is only for staff, so its texts are not for residents. */
static gboolean
row_is_staff (BakenLintContext *lint,
              BakenSourceTable  table,
              guint             row)
{
  if (table != BAKEN_SOURCE_PHONE && table != BAKEN_SOURCE_CHANNEL)
    return FALSE;

  return baken_lint_is_staff (baken_lint_get (lint, table, row, "audience"));
}

void
baken_lint_check_texts (BakenLintContext *lint)
{
  BakenContentSource *s = lint->source;

  for (guint t = 0; t < BAKEN_SOURCE_N_TABLES; t++)
    for (guint r = 0; r < baken_content_source_get_n_rows (s, t); r++)
      {
        if (row_is_staff (lint, t, r))
          continue;

        for (guint c = 0; c < baken_content_source_table_n_columns (t); c++)
          {
            const char *text;

            if (!baken_content_source_column_is_text (t, c))
              continue;
            text = baken_content_source_get (s, t, r, c);
            if (text == NULL)
              continue;

            check_sentences (lint, t, r, c, text);
            check_words (lint, t, r, c, text);
            check_jargon (lint, t, r, c, text);
          }
      }

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_LIFE_EVENT); r++)
    {
      const char *title = baken_lint_get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "title");
      gboolean in_word = FALSE;
      guint n = 0;

      if (title == NULL)
        continue;
      for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
        {
          gboolean space = g_unichar_isspace (g_utf8_get_char (p));

          if (!space && !in_word)
            n++;
          in_word = !space;
        }

      /* Over 5 words is a build error. */
      if (n == MAX_TILE_WORDS + 1)
        baken_lint_add_field_issue (lint, BAKEN_SOURCE_LIFE_EVENT, r,
                                    baken_lint_column (BAKEN_SOURCE_LIFE_EVENT, "title"), 0,
                                    BAKEN_LINT_WARNING, "tile-label",
                                    "title \"%s\" has %u words; a tile label reads best in 1 to "
                                    "%d, so shorten it", title, n, MAX_TILE_WORDS);
    }
}
