/* baken-search-typo.c: words of the index close to a mistyped term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A map from trigrams (three code points of a word padded as "  word ") to the words
 * that have them, built once from the index's word list. A term that is in no text finds
 * its candidates there (the words sharing trigrams with it), and keeps those close by
 * trigram similarity and by edit distance: "deurwaader" → "deurwaarder", "schieding" →
 * "scheiding". Microseconds per term for tens of thousands of words.
 */
#define G_LOG_DOMAIN "baken-search"

#include "config.h"

#include <string.h>

#include "baken-search-typo.h"

#define MIN_TYPO_CHARS  4     /* shorter terms are never corrected */
#define MAX_WORD_CHARS  40    /* longer words are not in the map */

struct _BakenSearchTypos
{
  const char * const *words;       /* (unowned) the index's words */
  const guint        *rows;        /* (unowned) rows per word */
  guint               n_words;
  GHashTable         *trigrams;    /* (owned) guint64 * → GArray of guint32 word */
  guint8             *n_trigrams;  /* (owned) distinct trigrams of words[i], 0: not mapped */
  guint16            *counts;      /* (owned) scratch: shared trigrams per word */
};

void
_baken_search_alternative_free (BakenSearchAlternative *alternative)
{
  g_free (alternative->word);
  g_free (alternative);
}

/* Distinct trigrams of a word padded as "  word " (or "  word" for a prefix), each three
 * code points packed into 63 bits. */
static guint
word_trigrams (const char *word,
               gboolean    prefix,
               guint64    *out,
               guint       max_out)
{
  gunichar chars[MAX_WORD_CHARS + 3];
  guint n = 0, n_out = 0;

  chars[n++] = ' ';
  chars[n++] = ' ';
  for (const char *p = word; *p != '\0' && n < MAX_WORD_CHARS + 2; p = g_utf8_next_char (p))
    chars[n++] = g_utf8_get_char (p);
  if (!prefix)
    chars[n++] = ' ';

  for (guint i = 0; i + 2 < n && n_out < max_out; i++)
    {
      guint64 key = ((guint64) chars[i] << 42) | ((guint64) chars[i + 1] << 21) | chars[i + 2];
      gboolean seen = FALSE;

      for (guint j = 0; j < n_out && !seen; j++)
        seen = out[j] == key;
      if (!seen)
        out[n_out++] = key;
    }

  return n_out;
}

static void
add_to_map (BakenSearchTypos *typos,
            guint             w)
{
  const char *word = typos->words[w];
  guint64 keys[MAX_WORD_CHARS + 2];
  glong n_chars = g_utf8_strlen (word, -1);
  gboolean has_letter = FALSE;
  guint n;

  if (n_chars < 3 || n_chars > MAX_WORD_CHARS)
    return;
  for (const char *p = word; *p != '\0' && !has_letter; p = g_utf8_next_char (p))
    has_letter = g_unichar_isalpha (g_utf8_get_char (p));
  if (!has_letter)
    return;

  n = word_trigrams (word, FALSE, keys, G_N_ELEMENTS (keys));
  typos->n_trigrams[w] = n;
  for (guint i = 0; i < n; i++)
    {
      GArray *postings = g_hash_table_lookup (typos->trigrams, &keys[i]);

      if (postings == NULL)
        {
          postings = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_hash_table_insert (typos->trigrams, g_memdup2 (&keys[i], sizeof keys[i]), postings);
        }
      g_array_append_val (postings, w);
    }
}

BakenSearchTypos *
_baken_search_typos_new (const char * const *words,
                         const guint        *rows,
                         guint               n_words)
{
  BakenSearchTypos *typos = g_new0 (BakenSearchTypos, 1);

  typos->words = words;
  typos->rows = rows;
  typos->n_words = n_words;
  typos->trigrams = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                           (GDestroyNotify) g_array_unref);
  typos->n_trigrams = g_new0 (guint8, n_words);
  typos->counts = g_new0 (guint16, n_words);
  for (guint i = 0; i < n_words; i++)
    add_to_map (typos, i);

  return typos;
}

void
_baken_search_typos_free (BakenSearchTypos *typos)
{
  g_hash_table_unref (typos->trigrams);
  g_free (typos->n_trigrams);
  g_free (typos->counts);
  g_free (typos);
}

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
static guint
edit_distance (const gunichar *a,
               guint           n_a,
               const gunichar *b,
               guint           n_b)
{
  guint rows[3][MAX_WORD_CHARS + 2];
  guint *before = rows[0], *previous = rows[1], *current = rows[2];

  g_assert (n_b <= MAX_WORD_CHARS + 1);

  for (guint j = 0; j <= n_b; j++)
    previous[j] = j;
  for (guint i = 1; i <= n_a; i++)
    {
      guint *spare = before;

      current[0] = i;
      for (guint j = 1; j <= n_b; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (previous[j] + 1, current[j - 1] + 1);

          best = MIN (best, previous[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, before[j - 2] + 1);
          current[j] = best;
        }
      before = previous;
      previous = current;
      current = spare;
    }

  return previous[n_b];
}

static int
compare_alternatives (gconstpointer a,
                      gconstpointer b)
{
  const BakenSearchAlternative *x = *(const BakenSearchAlternative * const *) a;
  const BakenSearchAlternative *y = *(const BakenSearchAlternative * const *) b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  if (x->rows != y->rows)
    return x->rows > y->rows ? -1 : 1;

  return strcmp (x->word, y->word);
}

/* Candidates share trigrams with the word (found through the trigram map) and are kept
 * when trigram similarity and edit distance are both close enough. For a word still
 * being typed, the candidates' beginnings are compared, and the alternative is that
 * beginning, searched as a prefix (or the whole candidate when that is as close). */
GPtrArray *
_baken_search_typos_find (BakenSearchTypos *typos,
                          const char       *word,
                          gboolean          prefix,
                          gboolean          loose)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GArray) touched = NULL;
  g_autofree gunichar *q = NULL;
  GPtrArray *alternatives;
  guint64 keys[MAX_WORD_CHARS + 2];
  double min_similarity = loose ? 0.2 : 0.3;
  guint n_keys, max_distance;
  glong n_q = 0;

  alternatives = g_ptr_array_new_with_free_func ((GDestroyNotify) _baken_search_alternative_free);
  q = g_utf8_to_ucs4_fast (word, -1, &n_q);
  if (n_q < MIN_TYPO_CHARS || n_q > MAX_WORD_CHARS)
    return alternatives;
  max_distance = (n_q < 6 ? 1 : 2) + (loose ? 1 : 0);

  touched = g_array_new (FALSE, FALSE, sizeof (guint32));
  n_keys = word_trigrams (word, prefix, keys, G_N_ELEMENTS (keys));
  for (guint k = 0; k < n_keys; k++)
    {
      GArray *postings = g_hash_table_lookup (typos->trigrams, &keys[k]);

      for (guint i = 0; postings != NULL && i < postings->len; i++)
        {
          guint32 w = g_array_index (postings, guint32, i);

          if (typos->counts[w]++ == 0)
            g_array_append_val (touched, w);
        }
    }

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) _baken_search_alternative_free);
  for (guint i = 0; i < touched->len; i++)
    {
      guint32 w = g_array_index (touched, guint32, i);
      guint shared = typos->counts[w];
      g_autofree gunichar *candidate = NULL;
      glong n_candidate = 0;
      guint distance = G_MAXUINT, best_length = 0;
      BakenSearchAlternative *alternative;
      double similarity;

      typos->counts[w] = 0;
      similarity = prefix ? (double) shared / n_keys
                          : (double) shared / (n_keys + typos->n_trigrams[w] - shared);
      if (similarity < min_similarity)
        continue;

      candidate = g_utf8_to_ucs4_fast (typos->words[w], -1, &n_candidate);
      if (prefix)
        {
          /* The whole word first, so that a tie yields it ("huisbaaz" → "huisbaas", not
           * "huisbaa"), then its beginning as long as the term, one longer, one shorter. */
          glong lengths[] = { n_candidate, n_q, n_q + 1, n_q - 1 };

          for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
            {
              guint d;

              if (l > 0 && (lengths[l] < n_q - 1 || lengths[l] > n_q + 1 ||
                            lengths[l] > n_candidate))
                continue;
              d = edit_distance (q, n_q, candidate, lengths[l]);
              if (d < distance)
                {
                  distance = d;
                  best_length = lengths[l];
                }
            }
        }
      else
        {
          distance = edit_distance (q, n_q, candidate, n_candidate);
          best_length = n_candidate;
        }
      if (distance > max_distance)
        continue;

      alternative = g_new0 (BakenSearchAlternative, 1);
      alternative->word = g_ucs4_to_utf8 (candidate, best_length, NULL, NULL, NULL);
      alternative->prefix = prefix;
      alternative->distance = distance;
      alternative->similarity = similarity;
      alternative->rows = typos->rows[w];
      g_ptr_array_add (candidates, alternative);
    }

  g_ptr_array_sort (candidates, compare_alternatives);
  for (guint i = 0; i < candidates->len && alternatives->len < BAKEN_SEARCH_MAX_ALTERNATIVES; i++)
    {
      BakenSearchAlternative *alternative = g_ptr_array_index (candidates, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < alternatives->len && !seen; j++)
        seen = g_str_equal (((BakenSearchAlternative *) g_ptr_array_index (alternatives, j))->word,
                            alternative->word);
      if (!seen)
        g_ptr_array_add (alternatives, g_ptr_array_steal_index (candidates, i--));
    }

  return alternatives;
}
