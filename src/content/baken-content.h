/* baken-content.h: the content DB — schema, errors, opening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* PRAGMA user_version of a content DB this build writes and reads. */
#define BAKEN_SCHEMA_VERSION 3
/* baken.format in datapackage.json and meta.format in the DB. */
#define BAKEN_SOURCE_FORMAT  1

#define BAKEN_CONTENT_ERROR (baken_content_error_quark ())

typedef enum {
  BAKEN_CONTENT_ERROR_OPEN,        /* not a file, not SQLite, cannot be opened */
  BAKEN_CONTENT_ERROR_SCHEMA,      /* wrong schema version or missing tables */
  BAKEN_CONTENT_ERROR_QUERY,       /* an SQL error while reading */
  BAKEN_CONTENT_ERROR_SOURCE,      /* bad content source (build): file:line:col message */
  BAKEN_CONTENT_ERROR_WRITE,       /* cannot write the output */
} BakenContentError;

GQuark   baken_content_error_quark (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Opens a content DB file read-only: mode=ro&immutable=1, SQLITE_DBCONFIG_DEFENSIVE,
 * trusted_schema=OFF, and checks the schema version. */
sqlite3 *baken_content_open_file  (const char  *path,
                                   GError     **error);
/* Opens a content DB held in memory (the embedded demo content) read-only, without
 * copying: bytes must stay alive while the connection is open (the caller keeps a ref). */
sqlite3 *baken_content_open_bytes (GBytes      *bytes,
                                   GError     **error);

/* Whether the tables, indexes and other schema objects of db are exactly those of
 * baken-schema.sql: no view, no trigger, nothing missing or changed. */
gboolean baken_content_check_schema_exact (sqlite3     *db,
                                           const char  *what,
                                           GError     **error);

/* The schema SQL (from the core GResource). */
const char *baken_content_schema_sql (void);

G_END_DECLS
