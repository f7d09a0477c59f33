/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash safety: baken-sync-faults (baken-sync with the store's fault points compiled in)
 * syncs a new bundle from a folder and is killed with SIGKILL at fault point N = 1, 2, 3…
 * until a run completes, then 100 times at a random moment. After every kill the kiosk
 * restarts (reconciles) and must have exactly the old or exactly the new bundle current,
 * intact; staging empty; nothing but current and previous in bundles/; and the following
 * sync must work. The same after a kill at every step of each repair (a damaged pointer
 * rebuilt, a damaged state DB moved aside and made again), and after a full disk (an
 * LD_PRELOAD shim, enospc-shim.c) at every size while a bundle is applied, while the
 * state DB is written, and while the kiosk opens its content.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "baken-bundle.h"
#include "baken-config.h"
#include "baken-store.h"
#include "baken-sync.h"
#include "sync-test-util.h"
#include "test-util.h"

#define OLD_SERIAL 10
#define NEW_SERIAL 11
#define RANDOM_KILLS 100

typedef struct
{
  char        *template_dir;   /* a state folder with OLD_SERIAL installed */
  char        *state_dir;
  char        *source_dir;     /* NEW_SERIAL, as on a USB stick */
  char        *config_path;
  BakenConfig *config;
} Fixture;

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        copy_tree (source, target);
      else
        {
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (source, &data, &length, NULL));
          g_assert_true (g_file_set_contents (target, data, length, NULL));
        }
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenSync) sync = NULL;
  g_autofree char *old_source = g_build_filename (g_get_user_cache_dir (), "old", NULL);
  g_autofree char *contents = NULL;

  f->template_dir = g_build_filename (g_get_user_cache_dir (), "template", NULL);
  f->state_dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);
  f->source_dir = g_build_filename (g_get_user_cache_dir (), "usb", NULL);
  f->config_path = g_build_filename (g_get_user_config_dir (), "kiosk.conf", NULL);

  g_mkdir_with_parents (g_get_user_config_dir (), 0700);
  contents = g_strdup_printf ("[sync]\npublic-keys = %s\nmax-age = 0\n",
                              test_public_key_base64 ());
  g_assert_true (g_file_set_contents (f->config_path, contents, -1, NULL));
  f->config = baken_config_load (f->config_path, &error);
  g_assert_no_error (error);

  publish_good (f->source_dir, NEW_SERIAL);

  /* Two bundles installed, so that the new one also makes the oldest go. */
  sync = baken_sync_new (&f->config->sync, f->template_dir, &error);
  g_assert_no_error (error);
  for (guint64 serial = OLD_SERIAL - 1; serial <= OLD_SERIAL; serial++)
    {
      g_autoptr(BakenSyncOutcome) outcome = NULL;

      publish_good (old_source, serial);
      outcome = baken_sync_run (sync, old_source, test_now (), NULL, &error);
      g_assert_no_error (error);
      g_assert_no_error (outcome->error);
      g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->state_dir);
  remove_tree (f->template_dir);
  g_clear_pointer (&f->config, baken_config_unref);
  g_free (f->template_dir);
  g_free (f->state_dir);
  g_free (f->source_dir);
  g_free (f->config_path);
}

/* Runs cli on the state folder: "--from" the new bundle, or "--status" (which repairs
 * what it finds damaged, as the kiosk does at its start). fault_point > 0: killed there.
 * enospc_match (nullable): the disk is full for paths containing it after enospc_after
 * bytes (enospc-shim.c). */
static GSubprocess *
spawn_cli (Fixture    *f,
           const char *cli,
           const char *mode,
           int         fault_point,
           const char *enospc_match,
           gint64      enospc_after)
{
  g_autoptr(GError) error = NULL;
  /* What a run with a full disk says is read back (it is short). */
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (enospc_match != NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                    : G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, test_now ());
  GSubprocess *child;

  if (fault_point > 0)
    {
      g_autofree char *n = g_strdup_printf ("%d", fault_point);

      g_subprocess_launcher_setenv (launcher, "BAKEN_FAULT_POINT", n, TRUE);
    }
  else
    g_subprocess_launcher_unsetenv (launcher, "BAKEN_FAULT_POINT");
  if (enospc_match != NULL)
    {
      g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, enospc_after);
      g_autofree char *asan = g_strconcat (g_getenv ("ASAN_OPTIONS") ?: "",
                                           ":verify_asan_link_order=0", NULL);

      g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", BAKEN_ENOSPC_SHIM, TRUE);
      g_subprocess_launcher_setenv (launcher, "BAKEN_ENOSPC_MATCH", enospc_match, TRUE);
      g_subprocess_launcher_setenv (launcher, "BAKEN_ENOSPC_AFTER", after, TRUE);
      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
    }
  if (g_str_equal (mode, "--status"))
    child = g_subprocess_launcher_spawn (launcher, &error, cli, "--config", f->config_path,
                                         "--state", f->state_dir, "--status", "--at", at,
                                         NULL);
  else
    child = g_subprocess_launcher_spawn (launcher, &error, cli, "--config", f->config_path,
                                         "--state", f->state_dir, "--from", f->source_dir,
                                         "--at", at, NULL);
  g_assert_no_error (error);
  return child;
}

static GSubprocess *
spawn_sync (Fixture *f,
            int      fault_point)
{
  return spawn_cli (f, BAKEN_SYNC_FAULTS_CLI, "--from", fault_point, NULL, 0);
}

static int
state_integrity_ok (const char *state_dir)
{
  g_autofree char *path = g_build_filename (state_dir, "state.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenState) state = baken_state_open (path, &error);
  g_auto(BakenInstalled) installed = { 0 };

  g_assert_no_error (error);
  g_assert_true (baken_state_get_installed (state, &installed, &error));
  g_assert_no_error (error);
  return installed.serial;
}

/* The kiosk restarts: exactly the old or the new bundle, intact, and nothing else. */
static guint64
assert_restart_consistent (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenSync) sync = baken_sync_new (&f->config->sync, f->state_dir, &error);
  g_autoptr(BakenStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *staging = g_build_filename (f->state_dir, "staging", NULL);
  g_autofree char *bundles = g_build_filename (f->state_dir, "bundles", NULL);
  g_auto(BakenInstalled) installed = { 0 };
  g_autoptr(GDir) dir = NULL;
  guint64 current = 0, previous = 0;
  const char *name;

  g_assert_no_error (error);
  store = baken_store_new (f->state_dir, &error);
  g_assert_true (baken_store_read_pointer (store, &current, &previous, &error));
  g_assert_no_error (error);
  g_assert_true (current == OLD_SERIAL || current == NEW_SERIAL);
  g_assert_cmpuint (previous, ==, current == OLD_SERIAL ? OLD_SERIAL - 1 : OLD_SERIAL);

  path = baken_sync_begin_open (sync, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (content_serial (path), ==, current);
  baken_sync_open_succeeded (sync);

  baken_sync_get_installed (sync, &installed);
  g_assert_cmpuint (installed.serial, ==, current);
  g_assert_cmpuint (installed.floor_serial, ==, current);
  g_assert_cmpuint (state_integrity_ok (f->state_dir), ==, current);

  g_assert_true (dir_is_empty (staging));
  dir = g_dir_open (bundles, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      guint64 serial = g_ascii_strtoull (name, NULL, 10);

      if (serial != current && serial != previous)
        g_error ("bundles/%s is left over (current %" G_GUINT64_FORMAT ")", name, current);
    }

  return current;
}

/* The following sync works: the new bundle ends up current. */
static void
assert_next_sync_works (Fixture *f,
                        guint64  current)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenSync) sync = baken_sync_new (&f->config->sync, f->state_dir, &error);
  g_autoptr(BakenSyncOutcome) outcome = NULL;

  g_assert_no_error (error);
  outcome = baken_sync_run (sync, f->source_dir, test_now (), NULL, &error);
  g_assert_no_error (error);
  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, current == NEW_SERIAL ? BAKEN_SYNC_RESULT_UNCHANGED
                                                              : BAKEN_SYNC_RESULT_INSTALLED);
  g_clear_object (&sync);
  g_assert_cmpuint (assert_restart_consistent (f), ==, NEW_SERIAL);
}

static void
reset_state (Fixture *f)
{
  remove_tree (f->state_dir);
  copy_tree (f->template_dir, f->state_dir);
}

static void
test_every_fault_point (Fixture       *f,
                        gconstpointer  data)
{
  guint old_seen = 0, new_seen = 0;
  int n;

  for (n = 1; n < 1000; n++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      guint64 current;

      reset_state (f);
      child = spawn_sync (f, n);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);

      if (g_subprocess_get_if_exited (child))
        {
          /* No fault point N: the run completed. */
          g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
          g_assert_cmpuint (assert_restart_consistent (f), ==, NEW_SERIAL);
          break;
        }
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      current = assert_restart_consistent (f);
      if (current == OLD_SERIAL)
        old_seen++;
      else
        new_seen++;
      assert_next_sync_works (f, current);
    }

  g_test_message ("%d fault points: %u left the old bundle, %u the new", n - 1, old_seen,
                  new_seen);
  /* Staging, verification, every step of the swap and the clean-up were each killed. */
  g_assert_cmpint (n - 1, >=, 15);
  g_assert_cmpuint (old_seen, >, 0);
  g_assert_cmpuint (new_seen, >, 0);
}

static void
test_random_kills (Fixture       *f,
                   gconstpointer  data)
{
  guint64 current = NEW_SERIAL;
  gint64 window = G_MAXINT32;
  guint killed = 0, attempts = 0, old_seen = 0;

  /* How long an undisturbed run takes (the fastest of three). */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GSubprocess) child = NULL;
      gint64 start;

      reset_state (f);
      start = g_get_monotonic_time ();
      child = spawn_sync (f, 0);
      g_assert_true (g_subprocess_wait_check (child, NULL, NULL));
      window = MIN (window, g_get_monotonic_time () - start);
    }

  /* Each kill lands at a random moment of a run; a run that finished first does not
   * count, and the window shrinks so that most runs are killed. A run that starts from
   * the old bundle after a kill is itself the following sync, from a crashed state. */
  while (killed < RANDOM_KILLS && attempts++ < 4 * RANDOM_KILLS)
    {
      g_autoptr(GSubprocess) child = NULL;

      if (current == NEW_SERIAL)
        reset_state (f);
      child = spawn_sync (f, 0);
      g_usleep (g_test_rand_int_range (0, (gint32) MAX (window, 1)));
      g_subprocess_send_signal (child, SIGKILL);
      g_assert_true (g_subprocess_wait (child, NULL, NULL));

      if (g_subprocess_get_if_signaled (child))
        {
          killed++;
          window = window * 11 / 10;
        }
      else
        {
          g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
          window = window * 7 / 10;
        }

      current = assert_restart_consistent (f);
      old_seen += current == OLD_SERIAL;
      if (killed % 10 == 0 && current == OLD_SERIAL)
        {
          assert_next_sync_works (f, current);
          current = NEW_SERIAL;
        }
    }
  assert_next_sync_works (f, current);

  g_test_message ("%u random kills in %u runs: %u left the old bundle", killed, attempts,
                  old_seen);
  g_assert_cmpuint (killed, ==, RANDOM_KILLS);
}

typedef enum {
  DAMAGE_POINTER,
  DAMAGE_STATE,
} Damage;

static void
damage (Fixture *f,
        Damage   what)
{
  g_autofree char *pointer = g_build_filename (f->state_dir, "current", NULL);
  g_autofree char *state = g_build_filename (f->state_dir, "state.sqlite", NULL);

  if (what == DAMAGE_POINTER)
    g_assert_true (g_file_set_contents (pointer, "current 1x\ngarbage\n", -1, NULL));
  else
    g_assert_cmpint (truncate (state, 100), ==, 0);
}

/* Killed at every step of a repair: the restart repairs again and shows the newest
 * bundle; a damaged state DB is kept for the technician. */
static void
test_repair_killed (Fixture       *f,
                    gconstpointer  data)
{
  Damage what = GPOINTER_TO_INT (data);
  int n;

  for (n = 1; n < 200; n++)
    {
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;

      reset_state (f);
      damage (f, what);
      child = spawn_cli (f, BAKEN_SYNC_FAULTS_CLI, "--status", n, NULL, 0);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);
      if (g_subprocess_get_if_exited (child))
        {
          g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
          g_assert_cmpuint (assert_restart_consistent (f), ==, OLD_SERIAL);
          break;
        }
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
      g_assert_cmpuint (assert_restart_consistent (f), ==, OLD_SERIAL);
      assert_next_sync_works (f, OLD_SERIAL);
    }
  g_test_message ("%d fault points in the repair", n - 1);
  g_assert_cmpint (n - 1, >=, what == DAMAGE_POINTER ? 4 : 2);

  if (what == DAMAGE_STATE)
    {
      g_autoptr(GDir) dir = g_dir_open (f->state_dir, 0, NULL);
      const char *name;
      gboolean kept = FALSE;

      while ((name = g_dir_read_name (dir)) != NULL)
        kept |= g_str_has_prefix (name, "state.sqlite.damaged-");
      g_assert_true (kept);
    }
}

/* The disk fills up after 0, 512, 1024, … bytes written to match while a bundle is
 * applied (match: the state folder) or while the state DB is written (state.sqlite):
 * the sync fails (or installs without its record) and says so, never crashes, and the
 * restart shows intact content; the next sync works. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  gboolean state_only = GPOINTER_TO_INT (data);
  const char *match = state_only ? "state.sqlite" : f->state_dir;
  g_autoptr(GArray) budgets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDir) dir = g_dir_open (f->source_dir, 0, NULL);
  const gint64 past_staging[] = { -1, 0, 10, 40, 100, 1000, 5000, 20000, 100000 };
  const char *name;
  gint64 staged = 0;
  guint failed = 0, full = 0;

  /* Every power of two up to the bundle's size, then around the end of staging: the
   * pointer, the state DB and the clean-up come after it. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->source_dir, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      staged += st.st_size;
    }
  for (gint64 after = 0; after < staged; after = after == 0 ? 512 : after * 2)
    g_array_append_val (budgets, after);
  for (guint i = 0; i < G_N_ELEMENTS (past_staging); i++)
    {
      gint64 after = staged + past_staging[i];

      g_array_append_val (budgets, after);
    }

  for (guint b = 0; b < budgets->len; b++)
    {
      gint64 after = g_array_index (budgets, gint64, b);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      guint64 current;
      int status;

      reset_state (f);
      child = spawn_cli (f, BAKEN_SYNC_CLI, "--from", 0, match, after);
      g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      /* SQLite's "database or disk is full", or ENOSPC's "No space left on device". */
      full += strstr (out, "disk is full") != NULL || strstr (out, "No space left") != NULL;
      /* Failed (1) or done (0): never a crash. */
      g_assert_true (g_subprocess_get_if_exited (child));
      status = g_subprocess_get_exit_status (child);
      g_assert_cmpint (status, <=, 1);

      current = assert_restart_consistent (f);
      g_test_message ("disk full after %" G_GINT64_FORMAT " bytes: exit %d, bundle %"
                      G_GUINT64_FORMAT ": %s", after, status, current, out);
      assert_next_sync_works (f, current);
      failed += status != 0;
    }
  /* The disk did run full, and a bundle that could not be written was not installed;
   * with only the state DB full the bundle is installed and the record follows at the
   * next start. */
  g_assert_cmpuint (full, >, 0);
  if (!state_only)
    g_assert_cmpuint (failed, >, 0);
}

/* The kiosk opens its content while the state DB cannot be written (run in a child of
 * this test with the shim): the count of the open is lost, the content is not. */
static int
open_with_full_disk (const char *config_path,
                     const char *state_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = baken_config_load (config_path, &error);
  g_autoptr(BakenSync) sync = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (config == NULL || !(sync = baken_sync_new (&config->sync, state_dir, &error)))
    return printf ("error %s\n", error->message), 1;
  path = baken_sync_begin_open (sync, &error);
  if (path == NULL)
    return printf ("error %s\n", error != NULL ? error->message : "no content"), 1;
  dir = g_path_get_dirname (path);
  keys = baken_sync_dup_keys (sync);
  bundle = baken_bundle_verify (dir, keys, now, NULL, NULL, &error);
  if (bundle == NULL)
    return printf ("error %s\n", error->message), 1;
  baken_sync_open_succeeded (sync);
  printf ("showing %" G_GUINT64_FORMAT "\n", bundle->serial);
  return 0;
}

static void
test_disk_full_open (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *asan = g_strconcat (g_getenv ("ASAN_OPTIONS") ?: "",
                                       ":verify_asan_link_order=0", NULL);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  reset_state (f);
  g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", BAKEN_ENOSPC_SHIM, TRUE);
  g_subprocess_launcher_setenv (launcher, "BAKEN_ENOSPC_MATCH", "state.sqlite", TRUE);
  g_subprocess_launcher_setenv (launcher, "BAKEN_ENOSPC_AFTER", "0", TRUE);
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self, "--open-with-full-disk",
                                       f->config_path, f->state_dir, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", out);
  g_assert_cmpstr (out, ==, "showing 10\n");
  g_assert_true (g_subprocess_get_successful (child));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (argc == 4 && g_str_equal (argv[1], "--open-with-full-disk"))
    return open_with_full_disk (argv[2], argv[3]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sync_test_init ();

  g_test_add ("/core/sync-crash/every-fault-point", Fixture, NULL, fixture_set_up,
              test_every_fault_point, fixture_tear_down);
  g_test_add ("/core/sync-crash/random-kills", Fixture, NULL, fixture_set_up,
              test_random_kills, fixture_tear_down);
  g_test_add ("/core/sync-crash/repair-killed/pointer", Fixture,
              GINT_TO_POINTER (DAMAGE_POINTER), fixture_set_up, test_repair_killed,
              fixture_tear_down);
  g_test_add ("/core/sync-crash/repair-killed/state", Fixture,
              GINT_TO_POINTER (DAMAGE_STATE), fixture_set_up, test_repair_killed,
              fixture_tear_down);
  g_test_add ("/core/sync-crash/disk-full/apply", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/core/sync-crash/disk-full/state", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/core/sync-crash/disk-full/open", Fixture, NULL, fixture_set_up,
              test_disk_full_open, fixture_tear_down);

  status = g_test_run ();
  sync_test_cleanup ();
  return status;
}
