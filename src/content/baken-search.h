/* baken-search.h: search as you type over life events, services and organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text comes from the on-screen keyboard and is untrusted: it is cleaned (invalid
 * UTF-8 made valid, control, format and bidi characters dropped, capped at
 * BAKEN_SEARCH_MAX_CHARS characters and BAKEN_SEARCH_MAX_TERMS terms), folded and split
 * into terms as the index was (baken-search-fold.h and the tokenizer: case, Latin
 * accents, Turkish ı/İ, Polish ł, Arabic vowel marks and hamza never matter), and
 * every term is quoted and bound: FTS5 and SQL syntax in the text is just text.
 *
 * Matching, per term: the word itself, or, for the last term while the resident is still
 * typing (no space after it), any word it begins. A term that is in no text at all is
 * taken as a typo and replaced by the words of the content that are closest to it by
 * trigram similarity and edit distance ("deurwaader" finds "deurwaarder"). All terms
 * must match; when no record has them all, records with any of them are returned.
 *
 * Ranking: BM25 with the title weighing most, then the synonyms, then the body; life
 * events whose synonym the resident typed come first; life events rank above services
 * and organisations with a similar score. Only rows of the requested language are
 * searched (a language without content falls back to Dutch); Dutch synonyms work in
 * every language. Inactive services are never returned.
 *
 * An index of the words (with a trigram map) and of the search rows is built in memory
 * once per catalog, on the first search or by baken_search_prepare (), and kept with the
 * catalog. Like the catalog, search is used from one thread at a time.
 */
#pragma once

#include <glib.h>

#include "baken-catalog.h"

G_BEGIN_DECLS

#define BAKEN_SEARCH_MAX_CHARS 200
#define BAKEN_SEARCH_MAX_TERMS 12

typedef enum {
  BAKEN_SEARCH_LIFE_EVENT,     /* a life event or sub-situation */
  BAKEN_SEARCH_SERVICE,
  BAKEN_SEARCH_ORGANIZATION,
} BakenSearchKind;

typedef struct
{
  BakenSearchKind kind;
  char           *id;
  char           *title;
  char           *subtitle;     /* (nullable) life event: summary; service: organisation
                                 * name; organisation: first sentence of its description */
  char           *parent_id;    /* (nullable) life event: the parent event, NULL on Home;
                                 * service: its organisation */
  char           *icon;         /* (nullable) life event: icon name (own or nearest
                                 * ancestor's) in the bundle's icon table */
  double          score;        /* relevance, higher is better; results come synonym hits
                                 * first, then by score */
  gboolean        synonym_hit;  /* a life event whose synonym is in the text */
} BakenSearchResult;

void baken_search_result_free (BakenSearchResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSearchResult, baken_search_result_free)

/* Builds the catalog's in-memory search index now instead of on the first keystroke
 * (for 10,000 services some 100–300 ms): call it once the catalog is loaded and the UI
 * is idle. Searching without it works the same. */
gboolean   baken_search_prepare         (BakenCatalog  *catalog,
                                         GError       **error);

/* Whether word is one word of the content's own search index (folded as search folds
 * it: case and Latin diacritics never matter), in *known. FALSE (with error) only when
 * the content DB cannot be read. */
gboolean   baken_search_knows_word      (BakenCatalog  *catalog,
                                         const char    *word,
                                         gboolean      *known,
                                         GError       **error);

/* Returns (element-type BakenSearchResult) at most limit results, best first; an empty
 * array when the text has no terms or nothing matches. Sets error only when the content
 * DB cannot be read (never because of what the text contains). */
GPtrArray *baken_search_run             (BakenCatalog  *catalog,
                                         const char    *text,
                                         const char    *lang,
                                         guint          limit,
                                         GError       **error);

/* For zero results: at most limit life events closest to the text (looser typo matching,
 * any term); when nothing is close, the life events of the Home screen by position.
 * Never empty for content with life events. */
GPtrArray *baken_search_suggest_closest (BakenCatalog  *catalog,
                                         const char    *text,
                                         const char    *lang,
                                         guint          limit,
                                         GError       **error);

G_END_DECLS
