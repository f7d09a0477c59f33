/* baken-state.c: the kiosk's own state DB — the connection, its schema, the installed
 * content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync log and status are baken-state-log.c's, moving a damaged DB aside is
 * baken-state-rebuild.c's; both use this file, never the other way round.
 */
#define G_LOG_DOMAIN "baken-state"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "baken-state.h"
#include "baken-state-counts.h"
#include "baken-state-private.h"

G_DEFINE_QUARK (baken-state-error-quark, baken_state_error)

/* The statement helpers of baken-state-private.h, by their short names. */
#define query_error        _baken_state_query_error
#define exec               _baken_state_exec
#define prepare            _baken_state_prepare
#define column_strdup      _baken_state_column_strdup
#define bind_text_or_null  _baken_state_bind_text_or_null

struct _BakenState
{
  GObject   parent_instance;

  char     *path;   /* (owned) */
  sqlite3  *db;     /* (owned) */
};

G_DEFINE_FINAL_TYPE (BakenState, baken_state, G_TYPE_OBJECT)

/* Migration i takes the DB from user_version i to i + 1. Append, never edit: a kiosk in
 * the field may be at any of these versions. */
static const char * const migrations[] = {
  /* 0 → 1: sync log, installed content, sync status. */
  "CREATE TABLE sync_log ("
  "  id      INTEGER PRIMARY KEY,"
  "  time    INTEGER NOT NULL,"
  "  source  TEXT NOT NULL,"
  "  result  TEXT NOT NULL,"
  "  serial  INTEGER,"
  "  reason  TEXT"
  ");"
  "CREATE TABLE installed ("
  "  id              INTEGER PRIMARY KEY CHECK (id = 1),"
  "  serial          INTEGER NOT NULL DEFAULT 0,"
  "  sha256          TEXT,"
  "  created         INTEGER NOT NULL DEFAULT 0,"
  "  expires         INTEGER NOT NULL DEFAULT 0,"
  "  previous_serial INTEGER NOT NULL DEFAULT 0,"
  "  floor_serial    INTEGER NOT NULL DEFAULT 0,"
  "  floor_sha256    TEXT,"
  "  floor_created   INTEGER NOT NULL DEFAULT 0,"
  "  open_failures   INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO installed (id) VALUES (1);"
  "CREATE TABLE sync_status ("
  "  id            INTEGER PRIMARY KEY CHECK (id = 1),"
  "  last_attempt  INTEGER NOT NULL DEFAULT 0,"
  "  last_success  INTEGER NOT NULL DEFAULT 0,"
  "  failures      INTEGER NOT NULL DEFAULT 0,"
  "  etag          TEXT,"
  "  etag_url      TEXT"
  ");"
  "INSERT INTO sync_status (id) VALUES (1);",
  /* 1 → 2: the staff PIN lock and the print log (baken-state-staff.c). */
  "CREATE TABLE staff_lock ("
  "  id            INTEGER PRIMARY KEY CHECK (id = 1),"
  "  failures      INTEGER NOT NULL DEFAULT 0,"
  "  locked_until  INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO staff_lock (id) VALUES (1);"
  "CREATE TABLE print_log ("
  "  id        INTEGER PRIMARY KEY,"
  "  time      INTEGER NOT NULL,"
  "  paper     TEXT NOT NULL,"
  "  outcome   TEXT NOT NULL,"
  "  handover  INTEGER NOT NULL DEFAULT 0"
  ");",
  /* 2 → 3: the monitor's daily counts and the report upload status
   * (baken-state-counts.h). */
  BAKEN_STATE_COUNTS_MIGRATION,
  /* 3 → 4: the root keys document in force (baken-root.h). The floors are those of
   * the bundles of this root version. */
  "ALTER TABLE installed ADD COLUMN root_version INTEGER NOT NULL DEFAULT 0;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BAKEN_STATE_SCHEMA_VERSION);

/* The SQLite result codes that say the file itself is bad, not that it is busy. */
static BakenStateError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return BAKEN_STATE_ERROR_DAMAGED;
    default:
      return BAKEN_STATE_ERROR_QUERY;
    }
}

gboolean
_baken_state_query_error (BakenState  *self,
                          GError     **error,
                          const char  *what)
{
  g_set_error (error, BAKEN_STATE_ERROR, error_code_for (sqlite3_errcode (self->db)),
               "%s: %s: %s", self->path, what, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
_baken_state_exec (BakenState  *self,
                   const char  *sql,
                   GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAKEN_STATE_ERROR, error_code_for (rc),
                   "%s: %s", self->path, message != NULL ? message : "unknown error");
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_baken_state_prepare (BakenState  *self,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      query_error (self, error, "prepare");
      return NULL;
    }

  return stmt;
}

char *
_baken_state_column_strdup (sqlite3_stmt *stmt,
                            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
_baken_state_bind_text_or_null (sqlite3_stmt *stmt,
                                int           index,
                                const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
migrate (BakenState  *self,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = prepare (self, "PRAGMA user_version", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    goto rollback;
  version = sqlite3_column_int (stmt, 0);

  if (version > BAKEN_STATE_SCHEMA_VERSION)
    {
      g_set_error (error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_SCHEMA,
                   "%s: the state DB has version %d, written by a newer Baken than this "
                   "one (which knows version %d); update Baken or move the file away",
                   self->path, version, BAKEN_STATE_SCHEMA_VERSION);
      goto rollback;
    }

  for (int v = version; v < BAKEN_STATE_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      g_autoptr(GError) local_error = NULL;

      if (!exec (self, migrations[v], &local_error) || !exec (self, bump, &local_error))
        {
          g_set_error (error, BAKEN_STATE_ERROR,
                       local_error->code == BAKEN_STATE_ERROR_DAMAGED
                         ? BAKEN_STATE_ERROR_DAMAGED : BAKEN_STATE_ERROR_SCHEMA,
                       "migrating the state DB from version %d: %s", v, local_error->message);
          goto rollback;
        }
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  return exec (self, "COMMIT", error);

rollback:
  if (error != NULL && *error == NULL)
    query_error (self, error, "reading the schema version");
  g_clear_pointer (&stmt, sqlite3_finalize);
  exec (self, "ROLLBACK", NULL);
  return FALSE;
}

/* A damaged file can still open and even answer some queries: ask SQLite to check
 * every page (the state DB is small). */
static gboolean
check_integrity (BakenState  *self,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;

  stmt = prepare (self, "PRAGMA integrity_check (1)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return query_error (self, error, "checking its integrity");

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_DAMAGED,
                   "%s fails integrity_check: %s", self->path, result);
      return FALSE;
    }

  return TRUE;
}

/* The rows every query expects: a DB with the right user_version but not its tables
 * (or without their single rows) is as unusable as a damaged one. */
static gboolean
check_tables (BakenState  *self,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* On failure SQLite sets stmt to NULL. */
  sqlite3_prepare_v2 (self->db,
                      "SELECT (SELECT count(*) FROM installed WHERE id = 1 AND "
                      "root_version >= 0) + "
                      "(SELECT count(*) FROM sync_status WHERE id = 1) + "
                      "(SELECT count(*) FROM staff_lock WHERE id = 1) + "
                      "(SELECT count(*) FROM report_upload WHERE id = 1) + "
                      "(SELECT count(*) FROM sync_log WHERE 0) + "
                      "(SELECT count(*) FROM print_log WHERE 0) + "
                      "(SELECT count(*) FROM counts WHERE 0)",
                      -1, &stmt, NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 4)
    {
      g_set_error (error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_DAMAGED,
                   "%s does not have the tables of state DB version %d: %s", self->path,
                   BAKEN_STATE_SCHEMA_VERSION,
                   stmt == NULL ? sqlite3_errmsg (self->db) : "rows are missing");
      return FALSE;
    }

  return TRUE;
}

static void
baken_state_finalize (GObject *object)
{
  BakenState *self = BAKEN_STATE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (baken_state_parent_class)->finalize (object);
}

static void
baken_state_class_init (BakenStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = baken_state_finalize;
}

static void
baken_state_init (BakenState *self)
{
}

void
baken_installed_clear (BakenInstalled *installed)
{
  g_clear_pointer (&installed->sha256, g_free);
  g_clear_pointer (&installed->floor_sha256, g_free);
}

void
baken_installed_copy (BakenInstalled       *to,
                      const BakenInstalled *from)
{
  g_return_if_fail (to != NULL && from != NULL);

  baken_installed_clear (to);
  *to = *from;
  to->sha256 = g_strdup (from->sha256);
  to->floor_sha256 = g_strdup (from->floor_sha256);
}

BakenState *
baken_state_open (const char  *path,
                  GError     **error)
{
  g_autoptr(BakenState) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (BAKEN_TYPE_STATE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_OPEN,
                   "Cannot open the state DB %s: %s", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);

  /* WAL: readers never block the writer; synchronous=FULL: a line that was recorded
   * survives a power cut. */
  if (!exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                   "PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF", error))
    {
      g_prefix_error (error, "Cannot open the state DB: ");
      if (error != NULL && (*error)->code != BAKEN_STATE_ERROR_DAMAGED)
        (*error)->code = BAKEN_STATE_ERROR_OPEN;
      return NULL;
    }

  if (!check_integrity (self, error) || !migrate (self, error) || !check_tables (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
baken_state_get_path (BakenState *self)
{
  g_return_val_if_fail (BAKEN_IS_STATE (self), NULL);

  return self->path;
}

gboolean
baken_state_get_installed (BakenState      *self,
                           BakenInstalled  *installed,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);
  g_return_val_if_fail (installed != NULL, FALSE);

  memset (installed, 0, sizeof *installed);
  stmt = prepare (self, "SELECT serial, sha256, created, expires, previous_serial, "
                        "floor_serial, floor_sha256, floor_created, open_failures, "
                        "root_version FROM installed WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return query_error (self, error, "reading the installed content");

  installed->serial = sqlite3_column_int64 (stmt, 0);
  installed->sha256 = column_strdup (stmt, 1);
  installed->created = sqlite3_column_int64 (stmt, 2);
  installed->expires = sqlite3_column_int64 (stmt, 3);
  installed->previous_serial = sqlite3_column_int64 (stmt, 4);
  installed->floor_serial = sqlite3_column_int64 (stmt, 5);
  installed->floor_sha256 = column_strdup (stmt, 6);
  installed->floor_created = sqlite3_column_int64 (stmt, 7);
  installed->open_failures = sqlite3_column_int (stmt, 8);
  installed->root_version = (guint) CLAMP (sqlite3_column_int64 (stmt, 9), 0, G_MAXINT32);

  return TRUE;
}

gboolean
baken_state_set_installed (BakenState            *self,
                           const BakenInstalled  *installed,
                           GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);
  g_return_val_if_fail (installed != NULL, FALSE);

  stmt = prepare (self, "UPDATE installed SET serial = ?, sha256 = ?, created = ?, "
                        "expires = ?, previous_serial = ?, floor_serial = ?, "
                        "floor_sha256 = ?, floor_created = ?, open_failures = ?, "
                        "root_version = ? WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, installed->serial);
  bind_text_or_null (stmt, 2, installed->sha256);
  sqlite3_bind_int64 (stmt, 3, installed->created);
  sqlite3_bind_int64 (stmt, 4, installed->expires);
  sqlite3_bind_int64 (stmt, 5, installed->previous_serial);
  sqlite3_bind_int64 (stmt, 6, installed->floor_serial);
  bind_text_or_null (stmt, 7, installed->floor_sha256);
  sqlite3_bind_int64 (stmt, 8, installed->floor_created);
  sqlite3_bind_int (stmt, 9, installed->open_failures);
  sqlite3_bind_int64 (stmt, 10, installed->root_version);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return query_error (self, error, "recording the installed content");

  return TRUE;
}
