/* baken-content.c: opening content DBs read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-content"

#include "config.h"

#include "baken-content.h"

G_DEFINE_QUARK (baken-content-error-quark, baken_content_error)

/* From the core GResource (baken-core-resources.c). */
GResource *baken_content_get_resource (void);

static gboolean
harden (sqlite3  *db,
        GError  **error)
{
  int enabled = 0;

  /* Content is data, never code: no schema-defined functions run, no writes. */
  if (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA trusted_schema=OFF; PRAGMA query_only=ON;",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                   "Cannot harden the content DB connection: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* The rows of sqlite_master, as "type name on tbl_name: sql", sorted. */
static GPtrArray *
schema_rows (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_master "
                          "ORDER BY type, name", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup_printf ("%s %s on %s: %s",
                                            sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1),
                                            sqlite3_column_text (stmt, 2),
                                            sqlite3_column_text (stmt, 3) != NULL
                                            ? (const char *) sqlite3_column_text (stmt, 3)
                                            : "-"));

  return g_steal_pointer (&rows);
}

/* What baken-schema.sql makes, read from a scratch DB once. */
static GPtrArray *
expected_schema_rows (void)
{
  static GPtrArray *expected = NULL;

  if (g_once_init_enter (&expected))
    {
      sqlite3 *scratch = NULL;
      GPtrArray *rows;

      if (sqlite3_open_v2 (":memory:", &scratch, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (scratch, baken_content_schema_sql (), NULL, NULL, NULL) != SQLITE_OK)
        g_error ("The built-in content schema does not load: %s", sqlite3_errmsg (scratch));
      rows = schema_rows (scratch);
      g_assert (rows != NULL);
      sqlite3_close (scratch);
      g_once_init_leave (&expected, rows);
    }

  return expected;
}

static gboolean
contains_row (GPtrArray  *rows,
              const char *row)
{
  return g_ptr_array_find_with_equal_func (rows, row, g_str_equal, NULL);
}

gboolean
baken_content_check_schema_exact (sqlite3     *db,
                                  const char  *what,
                                  GError     **error)
{
  GPtrArray *expected = expected_schema_rows ();
  g_autoptr(GPtrArray) actual = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  actual = schema_rows (db);
  if (actual == NULL)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SCHEMA,
                   "%s: cannot read its schema (%s)", what, sqlite3_errmsg (db));
      return FALSE;
    }

  /* Anything more (a view, a trigger, another table) or less or changed is not a DB
   * that baken-bundle built: its queries could run forever or read the wrong thing. */
  for (guint i = 0; i < actual->len; i++)
    if (!contains_row (expected, g_ptr_array_index (actual, i)))
      {
        g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SCHEMA,
                     "%s has a schema object that Baken's content schema does not have or "
                     "has otherwise (%.200s); only content built by baken-bundle is read",
                     what, (const char *) g_ptr_array_index (actual, i));
        return FALSE;
      }
  for (guint i = 0; i < expected->len; i++)
    if (!contains_row (actual, g_ptr_array_index (expected, i)))
      {
        g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SCHEMA,
                     "%s lacks part of Baken's content schema (%.200s); only content built "
                     "by baken-bundle is read", what, (const char *) g_ptr_array_index (expected, i));
        return FALSE;
      }

  return TRUE;
}

static gboolean
check_schema (sqlite3     *db,
              const char  *what,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                   "%s is not a content DB (%s)", what, sqlite3_errmsg (db));
      return FALSE;
    }

  version = sqlite3_column_int (stmt, 0);
  if (version != BAKEN_SCHEMA_VERSION)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SCHEMA,
                   "%s has content schema version %d; this kiosk reads version %d. "
                   "Rebuild the bundle with a matching baken-bundle.",
                   what, version, BAKEN_SCHEMA_VERSION);
      return FALSE;
    }

  return baken_content_check_schema_exact (db, what, error);
}

sqlite3 *
baken_content_open_file (const char  *path,
                         GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *absolute = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                   "Content DB %s does not exist or is not a file", path);
      return NULL;
    }

  /* A file: URI needs an absolute path; "baken-bundle inspect bundle/" is relative. */
  absolute = g_canonicalize_filename (path, NULL);
  file_uri = g_filename_to_uri (absolute, NULL, error);
  if (file_uri == NULL)
    return NULL;
  uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                   "Cannot open content DB %s: %s", path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  if (!harden (db, error) || !check_schema (db, path, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

sqlite3 *
baken_content_open_bytes (GBytes  *bytes,
                          GError **error)
{
  sqlite3 *db = NULL;
  gsize size = 0;
  const guint8 *data;
  int rc;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    /* READONLY and no FREEONCLOSE: SQLite reads the caller's bytes in place. */
    rc = sqlite3_deserialize (db, "main", (unsigned char *) data, size, size,
                              SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                   "Cannot open the embedded content DB: %s",
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  if (!harden (db, error) || !check_schema (db, "The embedded content", error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

const char *
baken_content_schema_sql (void)
{
  static gsize sql = 0;

  if (g_once_init_enter (&sql))
    {
      g_autoptr(GBytes) bytes = NULL;
      char *copy;

      bytes = g_resource_lookup_data (baken_content_get_resource (),
                                      "/nl/baken/content/baken-schema.sql",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      copy = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_once_init_leave (&sql, (gsize) copy);
    }

  return (const char *) sql;
}
