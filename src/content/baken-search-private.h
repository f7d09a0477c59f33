/* baken-search-private.h: the per-catalog search index (baken-search-index.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "baken-search.h"
#include "baken-search-rows.h"
#include "baken-search-typo.h"

G_BEGIN_DECLS

typedef struct _BakenSearchIndex BakenSearchIndex;

typedef struct
{
  char     **tokens;     /* (owned) the synonym's words after the first */
  guint      n_tokens;
  char      *lang;
  char      *event_id;
} BakenSearchSynonym;

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
/* The query the SQL functions serve until the next call (NULL: none). */
void        _baken_search_index_set_query         (BakenSearchIndex  *index,
                                                   const BakenSearchQuery *query);

G_END_DECLS
