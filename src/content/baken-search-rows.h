/* baken-search-rows.h: the search rows in memory, kept and ranked for one query
 * (baken-search-rows.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "baken-search.h"
#include "baken-search-typo.h"

G_BEGIN_DECLS

#define BAKEN_SEARCH_MAX_PHRASES      (BAKEN_SEARCH_MAX_TERMS * BAKEN_SEARCH_MAX_ALTERNATIVES)
#define BAKEN_SEARCH_HIT_BONUS        1.0e6 /* added to the score of synonym hits */

typedef struct _BakenSearchRows BakenSearchRows;

/* What the query being stepped keeps and how it ranks (read by the SQL functions
 * baken_search_keep (rowid) and baken_search_rank (search)). */
typedef struct
{
  guint       lang;                              /* from _baken_search_rows_find_lang () */
  int         kind;                              /* a BakenSearchKind, or -1 for all */
  GHashTable *hits;                              /* (nullable) ids of life events whose
                                                  * synonym was typed */
  double      idf[BAKEN_SEARCH_MAX_PHRASES];     /* per phrase, in expression order */
  guint8      term[BAKEN_SEARCH_MAX_PHRASES];    /* per phrase: the term it stands for */
  guint       n_phrases;
  guint       n_terms;                           /* terms in the expression */
} BakenSearchQuery;

/* Reads the rows of the search table and registers the SQL functions on db; they point
 * at the rows, which must live as long as the connection. */
BakenSearchRows *_baken_search_rows_new           (sqlite3          *db,
                                                   fts5_api         *api,
                                                   GError          **error);
void             _baken_search_rows_free          (BakenSearchRows  *rows);

/* Search rows present. */
guint            _baken_search_rows_get_n_rows    (BakenSearchRows  *rows);
/* The language's number; a language without search rows falls back to Dutch. */
guint            _baken_search_rows_find_lang     (BakenSearchRows  *rows,
                                                   const char       *lang);
const char      *_baken_search_rows_get_lang_name (BakenSearchRows  *rows,
                                                   guint             lang);
/* Kind and id of a search row. */
gboolean         _baken_search_rows_get_row       (BakenSearchRows  *rows,
                                                   sqlite3_int64     rowid,
                                                   BakenSearchKind  *kind,
                                                   const char      **id);
/* The query the SQL functions serve until the next call (NULL: none). */
void             _baken_search_rows_set_query     (BakenSearchRows  *rows,
                                                   const BakenSearchQuery *query);

G_END_DECLS
