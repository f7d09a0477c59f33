/* baken-content-build.c: compile a content source folder into a content DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The source is loaded and checked by baken-content-source.c. Writing happens only when
 * no problem was found: a fresh SQLite file next to the output, one transaction, then
 * renamed into place. The tables are written by baken-content-build-catalog.c, -places.c
 * and -search.c; this file runs them, checks the result and puts it in place.
 */
#define G_LOG_DOMAIN "baken-content-build"

#include "config.h"

#include "baken-content-build.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "baken-content.h"
#include "baken-content-build-catalog.h"
#include "baken-content-build-places.h"
#include "baken-content-build-search.h"
#include "baken-content-build-sql.h"
#include "baken-content-source.h"
#include "baken-content-source-model.h"

static gboolean
check_db (sqlite3  *db,
          GError  **error)
{
  g_autoptr(sqlite3_stmt) integrity = baken_build_sql_prepare (db, "PRAGMA integrity_check", error);
  g_autoptr(sqlite3_stmt) keys = NULL;
  const char *result;

  if (integrity == NULL)
    return FALSE;
  if (sqlite3_step (integrity) != SQLITE_ROW)
    return baken_build_sql_fail (db, "PRAGMA integrity_check", error);
  result = (const char *) sqlite3_column_text (integrity, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "The new content DB fails its integrity check: %s", result);
      return FALSE;
    }

  keys = baken_build_sql_prepare (db, "PRAGMA foreign_key_check", error);
  if (keys == NULL)
    return FALSE;
  if (sqlite3_step (keys) == SQLITE_ROW)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "The new content DB has a broken reference in table %s (a bug in "
                   "baken-bundle)", sqlite3_column_text (keys, 0));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_db (Source     *b,
          const char *path,
          guint64     serial,
          const char *created,
          const char *expires,
          GError    **error)
{
  sqlite3 *db = NULL;
  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d", BAKEN_SCHEMA_VERSION);
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot create the content DB %s: %s", path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return FALSE;
    }

  ok = baken_build_sql_exec (db, "PRAGMA journal_mode = OFF", error) &&
       baken_build_sql_exec (db, "PRAGMA synchronous = OFF", error) &&
       baken_build_sql_exec (db, "PRAGMA foreign_keys = ON", error) &&
       baken_build_sql_exec (db, baken_content_schema_sql (), error) &&
       baken_build_sql_exec (db, "BEGIN", error) &&
       baken_build_sql_exec (db, "PRAGMA defer_foreign_keys = ON", error) &&
       baken_build_write_meta (b, db, serial, created, expires, error) &&
       baken_build_write_icons (b, db, error) &&
       baken_build_write_organizations (b, db, error) &&
       baken_build_write_services (b, db, error) &&
       baken_build_write_locations (b, db, error) &&
       baken_build_write_channels (b, db, error) &&
       baken_build_write_schedules (b, db, error) &&
       baken_build_write_life_events (b, db, error) &&
       baken_build_write_search (b, db, error) &&
       baken_build_sql_exec (db, "COMMIT", error) &&
       baken_build_sql_exec (db, "INSERT INTO search (search) VALUES ('optimize')", error) &&
       baken_build_sql_exec (db, version, error) &&
       check_db (db, error) &&
       baken_build_sql_exec (db, "VACUUM", error);

  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot close the content DB %s", path);
      ok = FALSE;
    }

  return ok;
}

static gboolean
sync_path (const char  *path,
           int          flags,
           GError     **error)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);
  int saved;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot sync %s to disk: %s", path, g_strerror (saved));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Options */

static char *
normalize_time (const char  *text,
                const char  *what,
                GDateTime  **out,
                GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, utc);
  g_autoptr(GDateTime) in_utc = NULL;

  if (parsed == NULL)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                   "%s \"%s\" is not an ISO 8601 date and time; write it like "
                   "2025-03-31T12:00:00Z", what, text);
      return NULL;
    }

  in_utc = g_date_time_to_utc (parsed);
  if (out != NULL)
    *out = g_date_time_ref (in_utc);

  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
baken_content_build (const char              *src_dir,
                     const char              *out_path,
                     const BakenBuildOptions *options,
                     GPtrArray               *problems,
                     GError                 **error)
{
  g_autoptr(BakenContentSource) source = NULL;
  GPtrArray *source_problems;
  g_autofree char *created = NULL;
  g_autofree char *expires = NULL;
  g_autoptr(GDateTime) created_time = NULL;
  g_autoptr(GDateTime) expires_time = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  guint64 serial;
  int fd;

  g_return_val_if_fail (src_dir != NULL, FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options != NULL && options->created != NULL)
    {
      created = normalize_time (options->created, "created", &created_time, error);
      if (created == NULL)
        return FALSE;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      created_time = g_date_time_new_utc (g_date_time_get_year (now),
                                          g_date_time_get_month (now),
                                          g_date_time_get_day_of_month (now),
                                          g_date_time_get_hour (now),
                                          g_date_time_get_minute (now),
                                          g_date_time_get_second (now));
      created = g_date_time_format (created_time, "%Y-%m-%dT%H:%M:%SZ");
    }

  if (options != NULL && options->expires != NULL)
    {
      expires = normalize_time (options->expires, "expires", &expires_time, error);
      if (expires == NULL)
        return FALSE;
      if (g_date_time_compare (expires_time, created_time) <= 0)
        {
          g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                       "expires (%s) is not after created (%s); pick a later date",
                       expires, created);
          return FALSE;
        }
    }

  serial = options != NULL ? options->serial : 0;
  if (serial == 0)
    {
      g_autofree char *digits = g_date_time_format (created_time, "%Y%m%d%H%M%S");

      serial = g_ascii_strtoull (digits, NULL, 10);
    }

  source = baken_content_source_load (src_dir, error);
  if (source == NULL)
    return FALSE;

  source_problems = baken_content_source_get_problems (source);
  if (source_problems->len > 0)
    {
      if (problems != NULL)
        for (guint i = 0; i < source_problems->len; i++)
          g_ptr_array_add (problems, g_strdup (g_ptr_array_index (source_problems, i)));
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                   "%u %s in %s; nothing was written", source_problems->len,
                   source_problems->len == 1 ? "problem" : "problems", src_dir);
      return FALSE;
    }

  dir = g_path_get_dirname (out_path);
  tmp_path = g_strdup_printf ("%s.tmp-XXXXXX", out_path);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot create a file in %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (!write_db (source, tmp_path, serial, created, expires, error) ||
      !sync_path (tmp_path, O_RDONLY, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, out_path) != 0)
    {
      int saved = errno;

      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot move the content DB into place at %s: %s", out_path,
                   g_strerror (saved));
      g_unlink (tmp_path);
      return FALSE;
    }

  return sync_path (dir, O_RDONLY | O_DIRECTORY, error);
}
