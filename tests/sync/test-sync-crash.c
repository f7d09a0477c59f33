/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash safety: baken-sync-faults (baken-sync with the store's fault points compiled in)
 * syncs a new bundle from a folder and is killed with SIGKILL at fault point N = 1, 2, 3…
 * until a run completes, then 100 times at a random moment. After every kill the kiosk
 * restarts (reconciles) and must have exactly the old or exactly the new bundle current,
 * intact; staging empty; nothing but current and previous in bundles/; and the following
 * sync must work.
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "baken-store.h"
#include "baken-config.h"
#include "baken-sync.h"
#include "sync-test-util.h"

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

static GSubprocess *
spawn_sync (Fixture *f,
            int      fault_point)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, test_now ());
  GSubprocess *child;

  if (fault_point > 0)
    {
      g_autofree char *n = g_strdup_printf ("%d", fault_point);

      g_subprocess_launcher_setenv (launcher, "BAKEN_FAULT_POINT", n, TRUE);
    }
  else
    g_subprocess_launcher_unsetenv (launcher, "BAKEN_FAULT_POINT");
  child = g_subprocess_launcher_spawn (launcher, &error, BAKEN_SYNC_FAULTS_CLI,
                                       "--config", f->config_path, "--state", f->state_dir,
                                       "--from", f->source_dir, "--at", at, NULL);
  g_assert_no_error (error);
  return child;
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

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sync_test_init ();

  g_test_add ("/core/sync-crash/every-fault-point", Fixture, NULL, fixture_set_up,
              test_every_fault_point, fixture_tear_down);
  g_test_add ("/core/sync-crash/random-kills", Fixture, NULL, fixture_set_up,
              test_random_kills, fixture_tear_down);

  status = g_test_run ();
  sync_test_cleanup ();
  return status;
}
