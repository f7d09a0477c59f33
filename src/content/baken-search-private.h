/* baken-search-private.h: the per-catalog search index (baken-search-index.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "baken-search.h"

G_BEGIN_DECLS

#define BAKEN_SEARCH_MAX_ALTERNATIVES 3   /* words tried in place of a mistyped term */
#define BAKEN_SEARCH_MAX_PHRASES      (BAKEN_SEARCH_MAX_TERMS * BAKEN_SEARCH_MAX_ALTERNATIVES)
#define BAKEN_SEARCH_HIT_BONUS        1.0e6 /* added to the score of synonym hits */

typedef struct _BakenSearchIndex BakenSearchIndex;
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

typedef struct
{
  char     **tokens;     /* (owned) the synonym's words after the first */
  guint      n_tokens;
  char      *lang;
  char      *event_id;
} BakenSearchSynonym;

/* What the query being stepped keeps and how it ranks (read by the SQL functions
 * baken_search_keep (rowid) and baken_search_rank (search)). */
typedef struct
{
  guint       lang;                              /* from _baken_search_index_find_lang () */
  int         kind;                              /* a BakenSearchKind, or -1 for all */
  GHashTable *hits;                              /* (nullable) ids of life events whose
                                                  * synonym was typed */
  double      idf[BAKEN_SEARCH_MAX_PHRASES];     /* per phrase, in expression order */
  guint8      term[BAKEN_SEARCH_MAX_PHRASES];    /* per phrase: the term it stands for */
  guint       n_phrases;
  guint       n_terms;                           /* terms in the expression */
} BakenSearchQuery;

void  _baken_search_alternative_free (BakenSearchAlternative *alternative);

/* Built on first use and kept with the catalog. */
BakenSearchIndex *_baken_search_index_get        (BakenCatalog      *catalog,
                                                  GError           **error);
/* Words of text as the search table's tokenizer makes them; end: the byte offset after
 * the last one. */
GPtrArray  *_baken_search_index_tokenize          (BakenSearchIndex  *index,
                                                   const char        *text,
                                                   int               *end);
gboolean    _baken_search_index_has_word          (BakenSearchIndex  *index,
                                                   const char        *word,
                                                   gboolean           prefix);
/* Search rows having the word (for a prefix: an upper bound). */
guint       _baken_search_index_count_rows        (BakenSearchIndex  *index,
                                                   const char        *word,
                                                   gboolean           prefix);
guint       _baken_search_index_get_n_rows        (BakenSearchIndex  *index);
/* (element-type BakenSearchAlternative) best first, at most BAKEN_SEARCH_MAX_ALTERNATIVES. */
GPtrArray  *_baken_search_index_find_similar      (BakenSearchIndex  *index,
                                                   const char        *word,
                                                   gboolean           prefix,
                                                   gboolean           loose);
/* (element-type BakenSearchSynonym) (nullable) synonyms whose first word is word. */
GPtrArray  *_baken_search_index_lookup_synonyms   (BakenSearchIndex  *index,
                                                   const char        *word);
/* The language's number; a language without search rows falls back to Dutch. */
guint       _baken_search_index_find_lang         (BakenSearchIndex  *index,
                                                   const char        *lang);
const char *_baken_search_index_get_lang_name     (BakenSearchIndex  *index,
                                                   guint              lang);
/* Kind and id of a search row. */
gboolean    _baken_search_index_get_row           (BakenSearchIndex  *index,
                                                   sqlite3_int64      rowid,
                                                   BakenSearchKind   *kind,
                                                   const char       **id);
/* The trigram map over words (sorted, kept alive by the caller) and their row counts
 * (baken-search-typo.c). */
BakenSearchTypos *_baken_search_typos_new  (const char * const *words,
                                            const guint        *rows,
                                            guint               n_words);
void        _baken_search_typos_free       (BakenSearchTypos  *typos);
/* (element-type BakenSearchAlternative) best first, at most BAKEN_SEARCH_MAX_ALTERNATIVES:
 * words close to word (loose: further off, for suggestions). */
GPtrArray  *_baken_search_typos_find       (BakenSearchTypos  *typos,
                                            const char        *word,
                                            gboolean           prefix,
                                            gboolean           loose);

/* The query the SQL functions serve until the next call (NULL: none). */
void        _baken_search_index_set_query         (BakenSearchIndex  *index,
                                                   const BakenSearchQuery *query);

G_END_DECLS
