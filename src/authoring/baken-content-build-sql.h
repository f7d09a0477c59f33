/* baken-content-build-sql.h: the SQLite statements of the build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content.h"

G_BEGIN_DECLS

/* Sets error (BAKEN_CONTENT_ERROR_WRITE) to what failed and SQLite's message; FALSE. */
gboolean      baken_build_sql_fail      (sqlite3       *db,
                                         const char    *what,
                                         GError       **error);
/* Runs sql, which returns no rows. */
gboolean      baken_build_sql_exec      (sqlite3       *db,
                                         const char    *sql,
                                         GError       **error);
/* Prepares sql, or returns NULL with error set. */
sqlite3_stmt *baken_build_sql_prepare   (sqlite3       *db,
                                         const char    *sql,
                                         GError       **error);
/* Binds text (NULL binds NULL) without a copy: text must live until the step. */
void          baken_build_sql_bind_text (sqlite3_stmt  *stmt,
                                         int            index,
                                         const char    *text);
/* Steps an INSERT once, then resets it and clears its bindings. */
gboolean      baken_build_sql_run       (sqlite3       *db,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);

G_END_DECLS
