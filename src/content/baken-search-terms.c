/* baken-search-terms.c: what to search for the typed text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clean the text, split it into terms with the index's tokenizer, look each term up in
 * the in-memory word list (typo alternatives from the trigram map when it is in no
 * text), find the synonym hits, and write the FTS5 expression with the IDF of each of
 * its phrases.
 */
#define G_LOG_DOMAIN "baken-search"

#include "config.h"

#include <math.h>
#include <string.h>

#include "baken-search-terms.h"
#include "baken-search-fold.h"
#include "baken-search-numbers.h"

#define MAX_INPUT_BYTES   4096  /* read no further into the raw text */
#define MIN_PREFIX_CHARS  2     /* a word being typed is searched from its second letter */
#define COMMON_FRACTION   0.3   /* of all rows: a term in more is "common" */

/* One query term: the word, and what to search in its place when it is in no text. */
struct _BakenSearchTerm
{
  char      *word;         /* (owned) as the tokenizer folds it */
  gboolean   prefix;       /* the last term, still being typed */
  gboolean   common;       /* in so many rows that it says nothing: not searched */
  GPtrArray *alternatives; /* (owned) (element-type BakenSearchAlternative) */
};

static void
term_free (BakenSearchTerm *term)
{
  g_free (term->word);
  g_clear_pointer (&term->alternatives, g_ptr_array_unref);
  g_free (term);
}

/* The untrusted text made safe to tokenize: valid UTF-8 (broken bytes become spaces),
 * no control, format (bidi, zero-width), private-use or unassigned characters, at most
 * BAKEN_SEARCH_MAX_CHARS characters. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *clean;
  gsize length = 0;
  guint n_chars = 0;

  while (length < MAX_INPUT_BYTES && text[length] != '\0')
    length++;
  valid = g_utf8_make_valid (text, length);
  clean = g_string_sized_new (length);

  for (const char *p = valid; *p != '\0' && n_chars < BAKEN_SEARCH_MAX_CHARS;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_FORMAT || type == G_UNICODE_UNASSIGNED ||
          type == G_UNICODE_PRIVATE_USE || type == G_UNICODE_SURROGATE)
        continue;
      if (type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR ||
          type == G_UNICODE_PARAGRAPH_SEPARATOR || c == 0xFFFD)
        c = ' ';
      /* Numbers in the content are in ASCII digits: "١١٢" is 112. */
      if (type == G_UNICODE_DECIMAL_NUMBER && c >= 0x80 && g_unichar_digit_value (c) >= 0)
        c = '0' + g_unichar_digit_value (c);
      g_string_append_unichar (clean, c);
      n_chars++;
    }

  return g_string_free (clean, FALSE);
}

/* The terms of the text; a word still being typed counts from MIN_PREFIX_CHARS on (one
 * letter would match nearly every record). Phone numbers and postcodes are one term
 * each, however they are spaced, as in the index. */
GPtrArray *
_baken_search_terms_parse (BakenSearchIndex *index,
                           const char       *text)
{
  g_autofree char *cleaned = clean_text (text);
  g_autofree char *joined = baken_search_numbers_join (cleaned);
  /* Folded as the index was (baken-search-fold.h): "SIKINTI" meets "sıkıntı". */
  g_autofree char *clean = baken_search_fold (joined);
  g_autoptr(GPtrArray) tokens = NULL;
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  int end = 0;

  tokens = _baken_search_index_tokenize (index, clean, &end);
  for (guint i = 0; i < tokens->len && terms->len < BAKEN_SEARCH_MAX_TERMS; i++)
    {
      const char *word = g_ptr_array_index (tokens, i);
      gboolean prefix = i == tokens->len - 1 && (gsize) end == strlen (clean);
      BakenSearchTerm *term;

      if (prefix && g_utf8_strlen (word, -1) < MIN_PREFIX_CHARS)
        continue;

      term = g_new0 (BakenSearchTerm, 1);
      term->word = g_strdup (word);
      term->prefix = prefix;
      g_ptr_array_add (terms, term);
    }

  return terms;
}

static gboolean
has_digit (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        return TRUE;
    }

  return FALSE;
}

/* Typo alternatives for the terms that are in no text; and the terms so common that
 * searching them costs time and changes nothing ("de", "hulp" in a big bundle): left out
 * unless every term is, which is returned. */
gboolean
_baken_search_terms_correct (BakenSearchIndex *index,
                             GPtrArray        *terms,
                             gboolean          loose)
{
  double common_rows = COMMON_FRACTION * _baken_search_index_get_n_rows (index);
  guint n_common = 0;

  for (guint i = 0; i < terms->len; i++)
    {
      BakenSearchTerm *term = g_ptr_array_index (terms, i);

      if (_baken_search_index_has_word (index, term->word, term->prefix))
        {
          term->alternatives = g_ptr_array_new ();
          term->common = _baken_search_index_count_rows (index, term->word, term->prefix) >
                         common_rows;
          n_common += term->common;
        }
      else if (has_digit (term->word))
        /* A number is right or wrong: "113" is not a typo for "112". */
        term->alternatives = g_ptr_array_new ();
      else
        term->alternatives = _baken_search_index_find_similar (index, term->word,
                                                               term->prefix, loose);
    }

  for (guint i = 0; n_common == terms->len && i < terms->len; i++)
    ((BakenSearchTerm *) g_ptr_array_index (terms, i))->common = FALSE;

  return n_common == terms->len;
}

/* Words as FTS5 strings: in double quotes, quotes doubled, so nothing in them is syntax. */
static void
append_quoted (GString    *match,
               const char *word,
               gboolean    prefix)
{
  g_string_append_c (match, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
  if (prefix)
    g_string_append_c (match, '*');
}

static void
add_phrase (GString                *match,
            BakenSearchIndex       *index,
            BakenSearchQuery       *query,
            const char             *word,
            gboolean                prefix)
{
  double n_rows = _baken_search_index_get_n_rows (index);
  double n = _baken_search_index_count_rows (index, word, prefix);

  append_quoted (match, word, prefix);
  /* BM25's IDF, never negative. */
  query->idf[query->n_phrases] = log (1.0 + (n_rows - n + 0.5) / (n + 0.5));
  query->term[query->n_phrases] = query->n_terms;
  query->n_phrases++;
}

/* The FTS5 expression, every term (or its alternatives) joined by op, and the IDF of
 * each phrase in it. Common terms are left out, and so are terms in no text and without
 * alternatives when skip_missing is set. */
char *
_baken_search_terms_match (BakenSearchIndex *index,
                           GPtrArray        *terms,
                           const char       *op,
                           gboolean          skip_missing,
                           BakenSearchQuery *query,
                           guint            *n_searched)
{
  GString *match = g_string_new (NULL);

  query->n_phrases = 0;
  query->n_terms = 0;
  for (guint i = 0; i < terms->len; i++)
    {
      BakenSearchTerm *term = g_ptr_array_index (terms, i);

      if (term->common ||
          (skip_missing && term->alternatives->len == 0 &&
           !_baken_search_index_has_word (index, term->word, term->prefix)))
        continue;
      if (match->len > 0)
        g_string_append (match, op);

      if (term->alternatives->len == 0)
        {
          add_phrase (match, index, query, term->word, term->prefix);
          query->n_terms++;
          continue;
        }

      g_string_append_c (match, '(');
      for (guint j = 0; j < term->alternatives->len; j++)
        {
          BakenSearchAlternative *alternative = g_ptr_array_index (term->alternatives, j);

          if (j > 0)
            g_string_append (match, " OR ");
          add_phrase (match, index, query, alternative->word, alternative->prefix);
        }
      g_string_append_c (match, ')');
      query->n_terms++;
    }

  *n_searched = query->n_terms;

  return g_string_free (match, FALSE);
}

/* Life events whose synonym (in lang, or Dutch) the resident typed, word by word, or
 * that a typo correction spells. */
GHashTable *
_baken_search_terms_find_synonym_hits (BakenSearchIndex *index,
                                       GPtrArray        *terms,
                                       const char       *lang)
{
  GHashTable *hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < terms->len; i++)
    {
      BakenSearchTerm *term = g_ptr_array_index (terms, i);
      const char *words[1 + BAKEN_SEARCH_MAX_ALTERNATIVES] = { term->word };
      guint n_words = 1;

      for (guint a = 0; a < term->alternatives->len; a++)
        {
          BakenSearchAlternative *alternative = g_ptr_array_index (term->alternatives, a);

          /* A correction to a whole word, also while typing ("huisbaaz" → "huisbaas"). */
          if (_baken_search_index_has_word (index, alternative->word, FALSE))
            words[n_words++] = alternative->word;
        }

      for (guint w = 0; w < n_words; w++)
        {
          GPtrArray *list = _baken_search_index_lookup_synonyms (index, words[w]);

          for (guint s = 0; list != NULL && s < list->len; s++)
            {
              BakenSearchSynonym *synonym = g_ptr_array_index (list, s);
              gboolean match = i + synonym->n_tokens < terms->len;

              if (!g_str_equal (synonym->lang, lang) && !g_str_equal (synonym->lang, "nl"))
                continue;
              for (guint t = 0; match && t < synonym->n_tokens; t++)
                {
                  BakenSearchTerm *next = g_ptr_array_index (terms, i + 1 + t);

                  match = g_str_equal (synonym->tokens[t], next->word);
                }
              if (match)
                g_hash_table_add (hits, g_strdup (synonym->event_id));
            }
        }
    }

  return hits;
}

