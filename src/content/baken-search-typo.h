/* baken-search-typo.h: words of the index close to a mistyped term (baken-search-typo.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_SEARCH_MAX_ALTERNATIVES 3   /* words tried in place of a mistyped term */

typedef struct _BakenSearchTypos BakenSearchTypos;

/* A word of the index close to a mistyped term. */
typedef struct
{
  char     *word;
  gboolean  prefix;      /* search it as a prefix (the term is still being typed) */
  guint     distance;    /* edit distance to the term (or to the word's beginning) */
  double    similarity;  /* trigram similarity, 0..1 */
  guint     rows;        /* search rows that have the word */
} BakenSearchAlternative;

void              _baken_search_alternative_free (BakenSearchAlternative *alternative);

/* The trigram map over words (sorted, kept alive by the caller) and their row counts. */
BakenSearchTypos *_baken_search_typos_new        (const char * const *words,
                                                  const guint        *rows,
                                                  guint               n_words);
void              _baken_search_typos_free       (BakenSearchTypos   *typos);
/* (element-type BakenSearchAlternative) best first, at most BAKEN_SEARCH_MAX_ALTERNATIVES:
 * words close to word (loose: further off, for suggestions). */
GPtrArray        *_baken_search_typos_find       (BakenSearchTypos   *typos,
                                                  const char         *word,
                                                  gboolean            prefix,
                                                  gboolean            loose);

G_END_DECLS
