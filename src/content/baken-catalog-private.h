/* baken-catalog-private.h: sibling-only access to the catalog's connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "baken-catalog.h"

G_BEGIN_DECLS

/* SQL for texts: the requested language, else Dutch, per field. */
#define TEXT(alias, field) "COALESCE(t." field ", nl." field ")"
/* 1 << bit when the field is Dutch because the requested language has none (the Dutch
 * row is `nl`, the requested one `t`, unless named). */
#define DUTCH_OF(t, nl, field, bit) \
  "((" t "." field " IS NULL AND " nl "." field " IS NOT NULL) << " #bit ")"
#define DUTCH(field, bit) DUTCH_OF ("t", "nl", field, bit)


/* The catalog's read-only connection (owned by the catalog, valid while it lives), for
 * modules that query the content DB directly (baken-search.c). */
sqlite3 *_baken_catalog_get_db (BakenCatalog *self);
/* Starts the time budget of one query on that connection (baken_catalog_set_query_budget
 * ()); _baken_catalog_get_db () lifts it again. */
void     _baken_catalog_begin_query (BakenCatalog *self);

/* A statement prepared once on the connection, reset with its bindings cleared, or NULL
 * with error set (for the queries of baken-catalog-life-events.c and
 * baken-catalog-services.c). */
sqlite3_stmt *_baken_catalog_statement   (BakenCatalog  *self,
                                          const char    *sql,
                                          GError       **error);
/* Sets error from the connection's last error (a query cut off by the budget is
 * logged); returns FALSE. */
gboolean      _baken_catalog_query_error (BakenCatalog  *self,
                                          GError       **error);

/* A query of the catalog's connection ran past its budget: logged, and the catalog
 * emits "query-cut-off". */
void          _baken_catalog_note_cut_off (BakenCatalog *self);

/* A text column, NULL when empty. */
static inline char *
baken_catalog_column_dup (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return NULL;

  return g_strdup (text);
}

/* Binds text, or NULL. */
static inline void
baken_catalog_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

G_END_DECLS
