/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "baken-state.h"

static char *
state_path (void)
{
  g_mkdir_with_parents (g_get_user_state_dir (), 0700);
  return g_build_filename (g_get_user_state_dir (), "state.sqlite", NULL);
}

static int
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
test_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = baken_state_open (path, &error);
  g_auto(BakenInstalled) installed = { 0 };
  g_auto(BakenSyncStatus) status = { 0 };
  g_autofree char *mode = NULL;

  g_assert_no_error (error);
  g_assert_true (baken_state_get_installed (state, &installed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (installed.serial, ==, 0);
  g_assert_null (installed.sha256);
  g_assert_true (baken_state_get_sync_status (state, &status, &error));
  g_assert_cmpint (status.last_success, ==, 0);
  g_assert_cmpuint (status.failures, ==, 0);

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, BAKEN_STATE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"),
                   ==, 1);
  g_assert_finalize_object (g_steal_pointer (&state));
}

static void
test_installed_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  BakenInstalled in = {
    .serial = 42, .sha256 = (char *) "abc", .created = 1700000000, .expires = 1800000000,
    .previous_serial = 41, .floor_serial = 43, .floor_sha256 = (char *) "def",
    .floor_created = 1700000500, .open_failures = 2,
  };

  {
    g_autoptr(BakenState) state = baken_state_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (baken_state_set_installed (state, &in, &error));
    g_assert_no_error (error);
  }
  {
    /* Reopened: it survived. */
    g_autoptr(BakenState) state = baken_state_open (path, &error);
    g_auto(BakenInstalled) out = { 0 };

    g_assert_no_error (error);
    g_assert_true (baken_state_get_installed (state, &out, &error));
    g_assert_cmpuint (out.serial, ==, 42);
    g_assert_cmpstr (out.sha256, ==, "abc");
    g_assert_cmpint (out.created, ==, 1700000000);
    g_assert_cmpint (out.expires, ==, 1800000000);
    g_assert_cmpuint (out.previous_serial, ==, 41);
    g_assert_cmpuint (out.floor_serial, ==, 43);
    g_assert_cmpstr (out.floor_sha256, ==, "def");
    g_assert_cmpint (out.floor_created, ==, 1700000500);
    g_assert_cmpuint (out.open_failures, ==, 2);
  }
}

static void
test_sync_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = baken_state_open (path, &error);
  g_autoptr(GPtrArray) log = NULL;
  g_auto(BakenSyncStatus) status = { 0 };
  BakenSyncLogEntry *entry;

  g_assert_no_error (error);
  g_assert_true (baken_state_record_sync (state, 100, "https://x/manifest.json",
                                          BAKEN_SYNC_RESULT_INSTALLED, 7, NULL,
                                          "\"etag-7\"", "https://x/manifest.json", &error));
  g_assert_true (baken_state_record_sync (state, 200, "https://x/manifest.json",
                                          BAKEN_SYNC_RESULT_FAILED, 0, "HTTP 500",
                                          NULL, NULL, &error));
  g_assert_true (baken_state_record_sync (state, 300, "/media/usb",
                                          BAKEN_SYNC_RESULT_REFUSED, 6, "rollback",
                                          NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (baken_state_get_sync_status (state, &status, &error));
  g_assert_cmpint (status.last_attempt, ==, 300);
  g_assert_cmpint (status.last_success, ==, 100);
  g_assert_cmpuint (status.failures, ==, 2);
  /* A failure keeps the ETag of the last manifest that verified. */
  g_assert_cmpstr (status.etag, ==, "\"etag-7\"");
  g_assert_cmpstr (status.etag_url, ==, "https://x/manifest.json");

  log = baken_state_get_sync_log (state, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);
  entry = g_ptr_array_index (log, 0);
  g_assert_cmpint (entry->time, ==, 300);
  g_assert_cmpstr (entry->source, ==, "/media/usb");
  g_assert_cmpint (entry->result, ==, BAKEN_SYNC_RESULT_REFUSED);
  g_assert_cmpuint (entry->serial, ==, 6);
  g_assert_cmpstr (entry->reason, ==, "rollback");
  entry = g_ptr_array_index (log, 2);
  g_assert_cmpint (entry->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_null (entry->reason);
  g_clear_pointer (&log, g_ptr_array_unref);

  /* Success again resets the failure count. */
  g_assert_true (baken_state_record_sync (state, 400, "https://x/manifest.json",
                                          BAKEN_SYNC_RESULT_UNCHANGED, 7, NULL,
                                          "\"etag-7\"", "https://x/manifest.json", &error));
  baken_sync_status_clear (&status);
  g_assert_true (baken_state_get_sync_status (state, &status, &error));
  g_assert_cmpuint (status.failures, ==, 0);
  g_assert_cmpint (status.last_success, ==, 400);

  log = baken_state_get_sync_log (state, 1, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (baken_sync_result_to_string (((BakenSyncLogEntry *) log->pdata[0])->result),
                   ==, "unchanged");
}

static void
test_log_pruned (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = baken_state_open (path, &error);

  for (guint i = 0; i < BAKEN_STATE_SYNC_LOG_MAX + 10; i++)
    g_assert_true (baken_state_record_sync (state, i, "s", BAKEN_SYNC_RESULT_FAILED, 0,
                                            NULL, NULL, NULL, &error));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sync_log"), ==,
                   BAKEN_STATE_SYNC_LOG_MAX);
  g_assert_cmpint (query_int (path, "SELECT min(time) FROM sync_log"), ==, 10);
}

/* The staff PIN lock survives closing the DB: a restart does not reset it. */
static void
test_staff_lock (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = baken_state_open (path, &error);
  g_autoptr(BakenState) again = NULL;
  guint failures = 99;
  gint64 until = -1;

  g_assert_no_error (error);
  g_assert_true (baken_state_get_staff_lock (state, &failures, &until, &error));
  g_assert_cmpuint (failures, ==, 0);
  g_assert_cmpint (until, ==, 0);

  g_assert_true (baken_state_set_staff_lock (state, 5, 1765000000, &error));
  g_assert_finalize_object (g_steal_pointer (&state));

  again = baken_state_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (baken_state_get_staff_lock (again, &failures, &until, &error));
  g_assert_cmpuint (failures, ==, 5);
  g_assert_cmpint (until, ==, 1765000000);
}

/* Newest first, limited, pruned at BAKEN_STATE_PRINT_LOG_MAX. */
static void
test_print_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = baken_state_open (path, &error);
  g_autoptr(GPtrArray) log = NULL;
  BakenPrintLogEntry *newest;

  g_assert_no_error (error);
  log = baken_state_get_print_log (state, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 0);
  g_clear_pointer (&log, g_ptr_array_unref);

  for (guint i = 0; i < BAKEN_STATE_PRINT_LOG_MAX + 7; i++)
    g_assert_true (baken_state_record_print (state, 1000 + i, "receipt-80mm",
                                             i % 3 == 0 ? "media-empty" : "ok", i == 5,
                                             &error));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM print_log"), ==,
                   BAKEN_STATE_PRINT_LOG_MAX);
  g_assert_cmpint (query_int (path, "SELECT min(time) FROM print_log"), ==, 1007);

  log = baken_state_get_print_log (state, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 20);
  newest = g_ptr_array_index (log, 0);
  g_assert_cmpint (newest->time, ==, 1000 + BAKEN_STATE_PRINT_LOG_MAX + 6);
  g_assert_cmpstr (newest->paper, ==, "receipt-80mm");
  g_assert_cmpstr (newest->outcome, ==, (BAKEN_STATE_PRINT_LOG_MAX + 6) % 3 == 0 ? "media-empty"
                                                                               : "ok");
  g_assert_false (newest->handover);
}

/* A kiosk in the field with a version 1 DB keeps its sync log and gets the new tables
 * and columns (version 4: the root version, 0 until a root keys document is taken). */
static void
test_migrate_from_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GPtrArray) log = NULL;
  sqlite3 *db = NULL;
  guint failures = 1;
  gint64 until = 1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "CREATE TABLE sync_log (id INTEGER PRIMARY KEY, time INTEGER NOT NULL, source TEXT NOT NULL,"
    " result TEXT NOT NULL, serial INTEGER, reason TEXT);"
    "CREATE TABLE installed (id INTEGER PRIMARY KEY CHECK (id = 1), serial INTEGER NOT NULL"
    " DEFAULT 0, sha256 TEXT, created INTEGER NOT NULL DEFAULT 0, expires INTEGER NOT NULL"
    " DEFAULT 0, previous_serial INTEGER NOT NULL DEFAULT 0, floor_serial INTEGER NOT NULL"
    " DEFAULT 0, floor_sha256 TEXT, floor_created INTEGER NOT NULL DEFAULT 0, open_failures"
    " INTEGER NOT NULL DEFAULT 0);"
    "INSERT INTO installed (id, serial) VALUES (1, 41);"
    "CREATE TABLE sync_status (id INTEGER PRIMARY KEY CHECK (id = 1), last_attempt INTEGER NOT"
    " NULL DEFAULT 0, last_success INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL"
    " DEFAULT 0, etag TEXT, etag_url TEXT);"
    "INSERT INTO sync_status (id) VALUES (1);"
    "INSERT INTO sync_log (time, source, result) VALUES (5, 'x', 'installed');"
    "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  state = baken_state_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, BAKEN_STATE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (path, "SELECT serial FROM installed"), ==, 41);
  g_assert_cmpint (query_int (path, "SELECT root_version FROM installed"), ==, 0);
  log = baken_state_get_sync_log (state, 0, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_true (baken_state_get_staff_lock (state, &failures, &until, &error));
  g_assert_cmpuint (failures, ==, 0);
  g_assert_cmpint (until, ==, 0);
}

static void
test_newer_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  state = baken_state_open (path, &error);
  g_assert_null (state);
  g_assert_error (error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer Baken"));
}

static void
test_not_a_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = NULL;

  g_assert_true (g_file_set_contents (path, "this is not SQLite, not at all, no.......", -1,
                                      NULL));
  state = baken_state_open (path, &error);
  g_assert_null (state);
  g_assert_nonnull (error);
  g_assert_true (error->domain == BAKEN_STATE_ERROR);
}

/* The names in the state folder that start with prefix. */
static GPtrArray *
find_files (const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_user_state_dir (), 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

/* Cut to 100 bytes (a full disk, a power cut on a bad card): "malformed" until the file
 * is moved aside, which the rebuilding open does, keeping it for the technician. */
static void
test_damaged_rebuilt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GPtrArray) aside = NULL;
  g_autofree char *aside_path = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *data = NULL;
  g_auto(BakenInstalled) installed = { 0 };
  BakenInstalled in = { .serial = 42, .floor_serial = 42 };
  gboolean rebuilt = FALSE;
  gsize length;

  state = baken_state_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (baken_state_set_installed (state, &in, &error));
  g_assert_true (baken_state_record_sync (state, 1, "s", BAKEN_SYNC_RESULT_INSTALLED, 42,
                                          NULL, NULL, NULL, &error));
  g_assert_finalize_object (g_steal_pointer (&state));

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_true (g_file_set_contents (path, data, 100, NULL));

  state = baken_state_open (path, &error);
  g_assert_null (state);
  g_assert_error (error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_DAMAGED);
  g_clear_error (&error);

  state = baken_state_open_or_rebuild (path, &rebuilt, &error);
  g_assert_no_error (error);
  g_assert_nonnull (state);
  g_assert_true (rebuilt);
  g_assert_true (baken_state_get_installed (state, &installed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (installed.serial, ==, 0);
  g_assert_true (baken_state_record_sync (state, 2, "s", BAKEN_SYNC_RESULT_UNCHANGED, 42,
                                          NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The damaged file is kept as it was, and nothing else with that name is left. */
  aside = find_files ("state.sqlite.damaged-");
  g_assert_cmpuint (aside->len, ==, 1);
  aside_path = g_build_filename (g_get_user_state_dir (), aside->pdata[0], NULL);
  g_assert_true (g_file_get_contents (aside_path, &kept, &length, NULL));
  g_assert_cmpuint (length, ==, 100);
  g_assert_cmpmem (kept, 100, data, 100);
  g_assert_finalize_object (g_steal_pointer (&state));

  /* A healthy DB opens as it is. */
  state = baken_state_open_or_rebuild (path, &rebuilt, &error);
  g_assert_no_error (error);
  g_assert_false (rebuilt);
  g_assert_finalize_object (g_steal_pointer (&state));
}

/* Opens, and the tables open reads are fine, but the sync log's page is garbage:
 * integrity_check finds it. */
static void
test_integrity_rebuilt (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autoptr(BakenState) state = NULL;
  g_autofree char *data = NULL;
  gboolean rebuilt = FALSE;
  gsize length, page_size;
  int root;

  state = baken_state_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (baken_state_record_sync (state, 1, "s", BAKEN_SYNC_RESULT_FAILED, 0, NULL,
                                          NULL, NULL, &error));
  g_assert_finalize_object (g_steal_pointer (&state));

  /* Checkpointed on close: the tables are in the main file. */
  root = query_int (path, "SELECT rootpage FROM sqlite_schema WHERE name = 'sync_log'");
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  page_size = ((guint8) data[16] << 8) | (guint8) data[17];
  g_assert_cmpuint (length, >=, root * page_size);
  data[(root - 1) * page_size] = (char) 0xa5;   /* not a b-tree page type */
  g_assert_true (g_file_set_contents (path, data, length, NULL));

  state = baken_state_open (path, &error);
  g_assert_error (error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "integrity_check"));
  g_clear_error (&error);

  state = baken_state_open_or_rebuild (path, &rebuilt, &error);
  g_assert_no_error (error);
  g_assert_true (rebuilt);
  g_assert_finalize_object (g_steal_pointer (&state));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/state/create", test_create);
  g_test_add_func ("/core/state/installed-roundtrip", test_installed_roundtrip);
  g_test_add_func ("/core/state/sync-log", test_sync_log);
  g_test_add_func ("/core/state/log-pruned", test_log_pruned);
  g_test_add_func ("/core/state/staff-lock", test_staff_lock);
  g_test_add_func ("/core/state/print-log", test_print_log);
  g_test_add_func ("/core/state/migrate-from-1", test_migrate_from_1);
  g_test_add_func ("/core/state/newer-schema", test_newer_schema);
  g_test_add_func ("/core/state/not-a-db", test_not_a_db);
  g_test_add_func ("/core/state/damaged-rebuilt", test_damaged_rebuilt);
  g_test_add_func ("/core/state/integrity-rebuilt", test_integrity_rebuilt);

  return g_test_run ();
}
