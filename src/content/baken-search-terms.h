/* baken-search-terms.h: what to search for the typed text (baken-search-terms.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-search-private.h"

G_BEGIN_DECLS

/* One query term: the word, and what to search in its place when it is in no text. */
typedef struct _BakenSearchTerm BakenSearchTerm;

/* (element-type BakenSearchTerm) the terms of the untrusted text, at most
 * BAKEN_SEARCH_MAX_TERMS. */
GPtrArray  *_baken_search_terms_parse              (BakenSearchIndex  *index,
                                                    const char        *text);
/* Finds typo alternatives for the terms that are in no text (loose: further off) and
 * leaves out the common terms; TRUE when every term is common (then none is left out). */
gboolean    _baken_search_terms_correct            (BakenSearchIndex  *index,
                                                    GPtrArray         *terms,
                                                    gboolean           loose);
/* The FTS5 expression of the terms joined by op, filling in the phrases of query;
 * n_searched: the terms in it. */
char       *_baken_search_terms_match              (BakenSearchIndex  *index,
                                                    GPtrArray         *terms,
                                                    const char        *op,
                                                    gboolean           skip_missing,
                                                    BakenSearchQuery  *query,
                                                    guint             *n_searched);
/* Ids of the life events whose synonym (in lang, or Dutch) the terms spell. */
GHashTable *_baken_search_terms_find_synonym_hits  (BakenSearchIndex  *index,
                                                    GPtrArray         *terms,
                                                    const char        *lang);

G_END_DECLS
