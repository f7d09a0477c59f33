/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The modules that keep libsoup and libcups out of a start of the kiosk: a missing
 * module is an error that names the file, a sync without its module fails (and is
 * recorded) instead of taking the kiosk down, and the next sync loads the module.
 * The test environment points BAKEN_MODULE_DIR at the modules of the build.
 */
#include "config.h"

#include <string.h>

#include "baken-module.h"
#include "baken-state.h"
#include "baken-store.h"
#include "baken-config.h"
#include "baken-sync.h"
#include "test-util.h"

static char *built_dir;  /* BAKEN_MODULE_DIR as the test started */

static char *
make_dir (const char *name)
{
  char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

static void
test_lookup_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = make_dir ("empty-modules");
  g_autofree char *file = g_build_filename (empty, "libbaken-sync-http.so", NULL);
  gpointer symbol;

  g_setenv ("BAKEN_MODULE_DIR", empty, TRUE);
  symbol = baken_module_lookup ("baken-sync-http", "_baken_sync_job_run", &error);
  g_assert_null (symbol);
  g_assert_error (error, BAKEN_MODULE_ERROR, BAKEN_MODULE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, file));
  g_assert_nonnull (strstr (error->message, "No such file"));

  g_setenv ("BAKEN_MODULE_DIR", built_dir, TRUE);
}

static void
test_lookup_built (void)
{
  g_autoptr(GError) error = NULL;
  gpointer run, again;

  run = baken_module_lookup ("baken-sync-http", "_baken_sync_job_run", &error);
  g_assert_no_error (error);
  g_assert_nonnull (run);
  /* Loaded once: the same code the second time. */
  again = baken_module_lookup ("baken-sync-http", "_baken_sync_job_run", &error);
  g_assert_no_error (error);
  g_assert_true (again == run);

  g_assert_null (baken_module_lookup ("baken-sync-http", "baken_no_such_function", &error));
  g_assert_error (error, BAKEN_MODULE_ERROR, BAKEN_MODULE_ERROR_SYMBOL);
  g_assert_nonnull (strstr (error->message, "baken_no_such_function"));
  g_assert_nonnull (strstr (error->message, "libbaken-sync-http.so"));
}

static BakenSync *
new_sync (const char *state_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = baken_config_new ();
  BakenSync *sync = baken_sync_new (&config->sync, state_dir, &error);

  g_assert_no_error (error);
  return sync;
}

static GPtrArray *
read_sync_log (const char *state_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenStore) store = baken_store_new (state_dir, &error);
  g_autofree char *path = NULL;
  g_autoptr(BakenState) state = NULL;
  GPtrArray *log;

  g_assert_no_error (error);
  path = baken_store_get_state_path (store);
  state = baken_state_open (path, &error);
  g_assert_no_error (error);
  log = baken_state_get_sync_log (state, 0, &error);
  g_assert_no_error (error);
  return log;
}

static void
assert_unavailable (BakenSyncOutcome *outcome,
                    const char       *module_dir)
{
  g_autofree char *file = g_build_filename (module_dir, "libbaken-sync-http.so", NULL);

  g_assert_nonnull (outcome);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_FAILED);
  g_assert_error (outcome->error, BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (outcome->error->message, file));
  g_assert_nonnull (strstr (outcome->error->message, "No such file"));
}

/* The blocking sync of the tools: a failed, recorded attempt; then with the module
 * back, the next attempt runs (and finds the folder empty). */
static void
test_sync_without_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = make_dir ("no-modules");
  g_autofree char *folder = make_dir ("usb-stick");
  g_autofree char *state_dir = make_dir ("state-blocking");
  g_autoptr(BakenSync) sync = new_sync (state_dir);
  g_autoptr(BakenSyncOutcome) failed = NULL;
  g_autoptr(BakenSyncOutcome) missing = NULL;
  g_autoptr(GPtrArray) log = NULL;
  BakenSyncLogEntry *entry;
  g_auto(BakenInstalled) installed = { 0 };

  g_setenv ("BAKEN_MODULE_DIR", empty, TRUE);
  failed = baken_sync_run (sync, folder, 1700000000, NULL, &error);
  g_assert_no_error (error);
  assert_unavailable (failed, empty);
  g_assert_cmpstr (failed->source, ==, folder);

  log = read_sync_log (state_dir);
  g_assert_cmpuint (log->len, ==, 1);
  entry = g_ptr_array_index (log, 0);
  g_assert_cmpint (entry->time, ==, 1700000000);
  g_assert_cmpint (entry->result, ==, BAKEN_SYNC_RESULT_FAILED);
  g_assert_cmpstr (entry->source, ==, folder);
  g_assert_cmpstr (entry->reason, ==, failed->error->message);
  baken_sync_get_installed (sync, &installed);
  g_assert_cmpuint (installed.serial, ==, 0);

  g_setenv ("BAKEN_MODULE_DIR", built_dir, TRUE);
  missing = baken_sync_run (sync, folder, 1700000060, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (missing);
  g_assert_cmpint (missing->result, ==, BAKEN_SYNC_RESULT_FAILED);
  g_assert_error (missing->error, BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_MISSING);
  g_clear_pointer (&log, g_ptr_array_unref);
  log = read_sync_log (state_dir);
  g_assert_cmpuint (log->len, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&sync));
}

static void
finished_cb (BakenSync        *sync,
             BakenSyncOutcome *outcome,
             gpointer          user_data)
{
  guint *finished = user_data;

  (*finished)++;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  BakenSyncOutcome **outcome = user_data;
  g_autoptr(GError) error = NULL;

  *outcome = baken_sync_run_finish (BAKEN_SYNC (object), result, &error);
  g_assert_no_error (error);
}

/* The kiosk's sync, in its worker thread: the outcome and "finished" say why, and the
 * sync object is ready for the next attempt. */
static void
test_sync_async_without_module (void)
{
  g_autofree char *empty = make_dir ("no-modules-async");
  g_autofree char *folder = make_dir ("usb-stick-async");
  g_autofree char *state_dir = make_dir ("state-async");
  g_autoptr(BakenSync) sync = new_sync (state_dir);
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  guint finished = 0;

  g_signal_connect (sync, "finished", G_CALLBACK (finished_cb), &finished);
  g_setenv ("BAKEN_MODULE_DIR", empty, TRUE);
  baken_sync_run_async (sync, folder, NULL, run_done_cb, &outcome);
  g_assert_true (baken_sync_get_busy (sync));
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_setenv ("BAKEN_MODULE_DIR", built_dir, TRUE);

  assert_unavailable (outcome, empty);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_false (baken_sync_get_busy (sync));

  baken_test_assert_finalized_soon (g_steal_pointer (&sync));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  built_dir = g_strdup (g_getenv ("BAKEN_MODULE_DIR"));
  if (built_dir == NULL)
    {
      g_test_skip ("BAKEN_MODULE_DIR is not set: run through meson test");
      return g_test_run ();
    }

  g_test_add_func ("/core/module/lookup-missing", test_lookup_missing);
  g_test_add_func ("/core/module/lookup-built", test_lookup_built);
  g_test_add_func ("/core/module/sync-without-module", test_sync_without_module);
  g_test_add_func ("/core/module/sync-async-without-module", test_sync_async_without_module);

  return g_test_run ();
}
