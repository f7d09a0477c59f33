/* baken-content-build-sql.c: the SQLite statements of the build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Errors of the content DB being written are BAKEN_CONTENT_ERROR_WRITE with the statement
 * that failed.
 */
#define G_LOG_DOMAIN "baken-content-build"

#include "config.h"

#include "baken-content-build-sql.h"

#include "baken-content.h"

gboolean
baken_build_sql_fail (sqlite3     *db,
                      const char  *what,
                      GError     **error)
{
  g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
               "Cannot write the content DB (%s): %s", what, sqlite3_errmsg (db));
  return FALSE;
}

gboolean
baken_build_sql_exec (sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return baken_build_sql_fail (db, sql, error);

  return TRUE;
}

sqlite3_stmt *
baken_build_sql_prepare (sqlite3     *db,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      baken_build_sql_fail (db, sql, error);
      return NULL;
    }

  return stmt;
}

void
baken_build_sql_bind_text (sqlite3_stmt *stmt,
                           int           index,
                           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

gboolean
baken_build_sql_run (sqlite3       *db,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return baken_build_sql_fail (db, sqlite3_sql (stmt), error);

  return TRUE;
}
