/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Key rotation with a root keys document (baken-root.h, baken-sync-trust.h), against the
 * real HTTP server on 127.0.0.1: a leaked content key signs serial 2^63 − 1, IT rotates
 * with a new root, the honest serial 1 of the new key is taken and the leaked key's
 * bundles are refused. Roots that do not chain are refused with their reason and change
 * nothing; the root version survives a rebuilt state DB and a damaged root file; and a
 * kiosk killed at every step of taking a new root comes back consistent.
 */
#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>

#include "baken-bundle.h"
#include "baken-config.h"
#include "baken-root.h"
#include "baken-store.h"
#include "baken-sync.h"
#include "sync-test-util.h"
#include "test-util.h"

#define OLD_SERIAL     10
#define LEAKED_SERIAL  ((guint64) G_MAXINT64)

#define A TEST_KEY_ROOT_A
#define B TEST_KEY_ROOT_B
#define C TEST_KEY_ROOT_C
#define D TEST_KEY_ROOT_D
#define E TEST_KEY_ROOT_E

typedef struct
{
  char        *state_dir;
  char        *pub_dir;
  char        *config_path;
  BakenConfig *config;
  BakenSync   *sync;
} Fixture;

static void
write_config (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = server_url ("manifest.json");
  g_autofree char *a = test_key_base64 (A);
  g_autofree char *b = test_key_base64 (B);
  g_autofree char *c = test_key_base64 (C);
  g_autofree char *contents = NULL;

  contents = g_strdup_printf ("[sync]\nurl = %s\npublic-keys = %s\nroot-keys = %s;%s;%s\n"
                              "root-threshold = 2\nschedule = 1m\nmax-age = 0\n"
                              "timeout = 10s\nstall-timeout = 2s\n",
                              url, test_public_key_base64 (), a, b, c);
  g_assert_true (g_file_set_contents (f->config_path, contents, -1, NULL));
  g_clear_pointer (&f->config, baken_config_unref);
  f->config = baken_config_load (f->config_path, &error);
  g_assert_no_error (error);
}

/* A new BakenSync, as after a restart. */
static void
open_sync (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->sync);
  f->sync = baken_sync_new (&f->config->sync, f->state_dir, &error);
  g_assert_no_error (error);
}

static BakenSyncOutcome *
run_sync (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BakenSyncOutcome *outcome = baken_sync_run (f->sync, NULL, test_now (), NULL, &error);

  g_assert_no_error (error);
  g_test_message ("sync: %s %" G_GUINT64_FORMAT ": %s",
                  baken_sync_result_to_string (outcome->result), outcome->serial,
                  outcome->error != NULL ? outcome->error->message : "(no error)");
  return outcome;
}

static void
pointer (Fixture *f,
         guint64 *current,
         guint64 *previous)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenStore) store = baken_store_new (f->state_dir, &error);

  g_assert_no_error (error);
  g_assert_true (baken_store_read_pointer (store, current, previous, &error));
  g_assert_no_error (error);
}

static guint64
current_serial (Fixture *f)
{
  guint64 current, previous;

  pointer (f, &current, &previous);
  return current;
}

static void
assert_installed (Fixture *f,
                  guint64  serial)
{
  g_autoptr(BakenSyncOutcome) outcome = run_sync (f);

  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpuint (current_serial (f), ==, serial);
}

/* Refused with code and fragment, and nothing outside staging/ changed. */
static void
assert_refused (Fixture    *f,
                int         code,
                const char *fragment)
{
  g_autofree char *before = snapshot_outside_staging (f->state_dir);
  guint root_version = baken_sync_get_root_version (f->sync);
  guint64 current = current_serial (f);
  g_autoptr(BakenSyncOutcome) outcome = run_sync (f);
  g_autofree char *after = snapshot_outside_staging (f->state_dir);

  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_REFUSED);
  g_assert_error (outcome->error, BAKEN_SYNC_ERROR, code);
  if (strstr (outcome->error->message, fragment) == NULL)
    g_error ("expected \"%s\" in \"%s\"", fragment, outcome->error->message);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (baken_sync_get_root_version (f->sync), ==, root_version);
  g_assert_cmpuint (current_serial (f), ==, current);
}

static void
publish_bundle (Fixture *f,
                guint64  serial,
                TestKey  key,
                guint    root_version)
{
  PublishSpec spec = { .serial = serial, .key = key, .root_version = root_version };

  if (serial == LEAKED_SERIAL)
    {
      /* Far ahead in every way: also its created time, a floor of its own. */
      spec.created = test_now () + 100 * 86400;
      spec.expires = test_now () + 400 * 86400;
    }
  publish (f->pub_dir, &spec);
}

static void
unpublish_roots (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->pub_dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "keys"))
      {
        g_autofree char *path = g_build_filename (f->pub_dir, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
      }
}

/* Root version 1: root keys A, B, C (2 of them), content key 2; signed by A and B. */
static void
publish_root_1 (const char *dir,
                const char *name)
{
  publish_root (dir, name, 1, (int[]) { A, B, C, -1 }, 2, (int[]) { TEST_KEY_CONTENT_2, -1 },
                (int[]) { A, B, -1 });
}

static gboolean
verifies_with_sync_keys (Fixture *f,
                         guint64  serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenStore) store = baken_store_new (f->state_dir, &error);
  g_autofree char *dir = baken_store_get_bundle_dir (store, serial);
  g_autoptr(GPtrArray) keys = baken_sync_dup_keys (f->sync);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (test_now ());
  g_autoptr(BakenVerifiedBundle) bundle = baken_bundle_verify (dir, keys, now, NULL, NULL,
                                                               &error);

  if (bundle == NULL)
    g_test_message ("bundle %" G_GUINT64_FORMAT ": %s", serial, error->message);
  return bundle != NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->state_dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);
  f->pub_dir = g_build_filename (g_get_user_cache_dir (), "pub", NULL);
  f->config_path = g_build_filename (g_get_user_config_dir (), "kiosk.conf", NULL);
  g_mkdir_with_parents (g_get_user_config_dir (), 0700);
  g_mkdir_with_parents (f->pub_dir, 0755);
  write_config (f);
  open_sync (f);
  server_control (f->pub_dir, NULL, NULL, NULL);

  publish_bundle (f, OLD_SERIAL, TEST_KEY_CONTENT_1, 0);
  assert_installed (f, OLD_SERIAL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  server_control (NULL, NULL, NULL, NULL);
  if (f->sync != NULL)
    baken_test_assert_finalized_soon (f->sync);
  g_clear_pointer (&f->config, baken_config_unref);
  g_free (f->state_dir);
  g_free (f->pub_dir);
  g_free (f->config_path);
}

/* Rotates from the configured keys to root version 1 with content key 2, serial 1. */
static void
rotate_to_1 (Fixture *f)
{
  publish_root_1 (f->pub_dir, "keys.json");
  publish_bundle (f, 1, TEST_KEY_CONTENT_2, 1);
  assert_installed (f, 1);
  g_assert_cmpuint (baken_sync_get_root_version (f->sync), ==, 1);
}

/* Tests */

static void
test_leak (Fixture       *f,
           gconstpointer  data)
{
  g_auto(BakenInstalled) installed = { 0 };
  g_autofree char *status = NULL;
  g_autofree char *leaked_dir = NULL;
  guint64 current, previous;

  /* The leaked key signs the highest serial there is, and the kiosks take it. */
  publish_bundle (f, LEAKED_SERIAL, TEST_KEY_CONTENT_1, 0);
  assert_installed (f, LEAKED_SERIAL);

  /* Every honest serial is now a rollback: the bug of the old way to rotate. */
  publish_bundle (f, OLD_SERIAL + 1, TEST_KEY_CONTENT_1, 0);
  assert_refused (f, BAKEN_SYNC_ERROR_ROLLBACK, "Rollback refused");

  /* IT rotates: root version 1 names content key 2, and the new key starts at serial 1. */
  rotate_to_1 (f);
  baken_sync_get_installed (f->sync, &installed);
  g_assert_cmpuint (installed.root_version, ==, 1);
  g_assert_cmpuint (installed.floor_serial, ==, 1);
  /* The leaked bundle is no fallback and is gone. */
  pointer (f, &current, &previous);
  g_assert_cmpuint (previous, ==, 0);
  leaked_dir = g_strdup_printf ("%s/bundles/%" G_GUINT64_FORMAT, f->state_dir, LEAKED_SERIAL);
  g_assert_false (g_file_test (leaked_dir, G_FILE_TEST_EXISTS));

  /* The leaked key's bundles are refused: as before the rotation, and claiming the new
   * root version. */
  publish_bundle (f, LEAKED_SERIAL, TEST_KEY_CONTENT_1, 0);
  assert_refused (f, BAKEN_SYNC_ERROR_ROOT, "belongs to root version 0");
  publish_bundle (f, LEAKED_SERIAL, TEST_KEY_CONTENT_1, 1);
  assert_refused (f, BAKEN_SYNC_ERROR_VERIFY, "not a trusted key");

  /* After a restart: root 1 in force, the installed bundle verifies with its keys. */
  open_sync (f);
  g_assert_cmpuint (baken_sync_get_root_version (f->sync), ==, 1);
  g_assert_true (verifies_with_sync_keys (f, 1));
  {
    const char *argv[] = { BAKEN_SYNC_CLI, "--config", f->config_path, "--state",
                           f->state_dir, "--status", NULL };
    g_autofree char *content_2 = NULL;
    g_autoptr(BakenMinisignPublicKey) key = NULL;

    g_assert_cmpint (baken_test_run_with_input (argv, NULL, FALSE, NULL, &status), ==, 0);
    g_test_message ("%s", status);
    g_assert_nonnull (strstr (status, "\nroot 1\n"));
    key = baken_minisign_public_key_ref (
      baken_minisign_secret_key_get_public_key (test_key (TEST_KEY_CONTENT_2)));
    content_2 = g_strdup_printf ("content-keys %s\n", baken_minisign_public_key_get_id_string (key));
    g_assert_nonnull (strstr (status, content_2));
  }

  /* The next honest bundle follows; serial 1 again is a rollback. */
  publish_bundle (f, 2, TEST_KEY_CONTENT_2, 1);
  assert_installed (f, 2);
  publish_bundle (f, 1, TEST_KEY_CONTENT_2, 1);
  assert_refused (f, BAKEN_SYNC_ERROR_ROLLBACK, "Rollback refused");
}

/* A manifest of a root version the kiosk does not have, without keys.json beside it. */
static void
test_manifest_needs_root (Fixture       *f,
                          gconstpointer  data)
{
  publish_bundle (f, OLD_SERIAL + 1, TEST_KEY_CONTENT_2, 1);
  assert_refused (f, BAKEN_SYNC_ERROR_ROOT, "publish keys.json");
  g_assert_cmpuint (baken_sync_get_root_version (f->sync), ==, 0);
}

typedef enum {
  ROOT_SKIPS_VERSION,
  ROOT_TOO_FEW_SIGNATURES,
  ROOT_WRONG_KEYS,
  ROOT_OLDER_REPLAYED,
  ROOT_SAME_VERSION_CHANGED,
  ROOT_NOT_SIGNED,
} RootCase;

static const struct
{
  const char *name;
  RootCase    kind;
  const char *fragment;
} root_cases[] = {
  { "skips-version", ROOT_SKIPS_VERSION, "takes only version 2 next" },
  { "too-few-signatures", ROOT_TOO_FEW_SIGNATURES, "by 1 of the root keys of version 1" },
  { "wrong-keys", ROOT_WRONG_KEYS, "by 0 of the root keys of version 1" },
  { "older-replayed", ROOT_OLDER_REPLAYED, "played back" },
  { "same-version-changed", ROOT_SAME_VERSION_CHANGED, "another document" },
  { "not-signed", ROOT_NOT_SIGNED, "without keys.json.minisig" },
};

/* At root version 1, a root that does not chain is refused with its reason; the kiosk
 * keeps its root, its content and its floor; then the right root is taken. */
static void
test_root_refused (Fixture       *f,
                   gconstpointer  data)
{
  RootCase kind = GPOINTER_TO_INT (data);
  g_autofree char *signature = NULL;
  guint root_version;

  rotate_to_1 (f);
  unpublish_roots (f);
  switch (kind)
    {
    case ROOT_SKIPS_VERSION:
      /* Version 3 signed by everyone, but version 2 is not published. */
      publish_root (f->pub_dir, "keys.json", 3, (int[]) { C, D, E, -1 }, 2,
                    (int[]) { TEST_KEY_CONTENT_3, -1 }, (int[]) { A, B, C, D, E, -1 });
      publish_bundle (f, 2, TEST_KEY_CONTENT_3, 3);
      break;
    case ROOT_TOO_FEW_SIGNATURES:
      publish_root (f->pub_dir, "keys.json", 2, (int[]) { C, D, E, -1 }, 2,
                    (int[]) { TEST_KEY_CONTENT_3, -1 }, (int[]) { C, D, E, C, -1 });
      publish_bundle (f, 2, TEST_KEY_CONTENT_3, 2);
      break;
    case ROOT_WRONG_KEYS:
      publish_root (f->pub_dir, "keys.json", 2, (int[]) { D, E, -1 }, 2,
                    (int[]) { TEST_KEY_CONTENT_3, -1 }, (int[]) { D, E, -1 });
      publish_bundle (f, 2, TEST_KEY_CONTENT_3, 2);
      break;
    case ROOT_OLDER_REPLAYED:
      /* At version 2 now; the server plays version 1 back with a bundle of it. */
      publish_root (f->pub_dir, "keys.json", 2, (int[]) { C, D, E, -1 }, 2,
                    (int[]) { TEST_KEY_CONTENT_3, -1 }, (int[]) { A, B, D, E, -1 });
      publish_bundle (f, 2, TEST_KEY_CONTENT_3, 2);
      assert_installed (f, 2);
      publish_root_1 (f->pub_dir, "keys.json");
      publish_bundle (f, 3, TEST_KEY_CONTENT_2, 1);
      break;
    case ROOT_SAME_VERSION_CHANGED:
      /* Version 1 again, signed as it should be, naming another content key. */
      publish_root (f->pub_dir, "keys.json", 1, (int[]) { A, B, C, -1 }, 2,
                    (int[]) { TEST_KEY_CONTENT_3, -1 }, (int[]) { A, B, C, -1 });
      publish_bundle (f, 2, TEST_KEY_CONTENT_3, 0);
      break;
    case ROOT_NOT_SIGNED:
      publish_root (f->pub_dir, "keys.json", 2, (int[]) { C, D, E, -1 }, 2,
                    (int[]) { TEST_KEY_CONTENT_3, -1 }, (int[]) { A, B, D, E, -1 });
      signature = g_build_filename (f->pub_dir, "keys.json.minisig", NULL);
      g_assert_cmpint (g_unlink (signature), ==, 0);
      publish_bundle (f, 2, TEST_KEY_CONTENT_3, 2);
      break;
    default:
      g_assert_not_reached ();
    }

  root_version = baken_sync_get_root_version (f->sync);
  for (guint i = 0; i < G_N_ELEMENTS (root_cases); i++)
    if (root_cases[i].kind == kind)
      assert_refused (f, BAKEN_SYNC_ERROR_ROOT, root_cases[i].fragment);

  /* The state still says so after a restart. */
  open_sync (f);
  g_assert_cmpuint (baken_sync_get_root_version (f->sync), ==, root_version);
  g_assert_true (verifies_with_sync_keys (f, current_serial (f)));
}

/* Version 3 after version 1, through keys-2.json published beside it. */
static void
test_root_chain (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *kept = g_build_filename (f->state_dir, "roots", "3", "keys.json", NULL);
  g_autofree char *dropped = g_build_filename (f->state_dir, "roots", "1", NULL);

  rotate_to_1 (f);
  unpublish_roots (f);
  publish_root (f->pub_dir, "keys-2.json", 2, (int[]) { C, D, E, -1 }, 2,
                (int[]) { TEST_KEY_CONTENT_3, -1 }, (int[]) { A, B, D, E, -1 });
  publish_root (f->pub_dir, "keys.json", 3, (int[]) { D, E, -1 }, 1,
                (int[]) { TEST_KEY_CONTENT_2, -1 }, (int[]) { C, D, -1 });
  publish_bundle (f, 1, TEST_KEY_CONTENT_2, 3);
  assert_installed (f, 1);
  g_assert_cmpuint (baken_sync_get_root_version (f->sync), ==, 3);
  /* Only the newest root is kept. */
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (dropped, G_FILE_TEST_EXISTS));
}

/* A damaged state DB is rebuilt from the bundles and the roots on disk: the root version
 * and the new key's floor come back, the leaked floor does not. */
static void
test_rebuilt_state (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *state_path = g_build_filename (f->state_dir, "state.sqlite", NULL);
  g_auto(BakenInstalled) installed = { 0 };

  publish_bundle (f, LEAKED_SERIAL, TEST_KEY_CONTENT_1, 0);
  assert_installed (f, LEAKED_SERIAL);
  rotate_to_1 (f);
  g_clear_object (&f->sync);

  g_assert_cmpint (truncate (state_path, 100), ==, 0);
  open_sync (f);
  g_assert_cmpuint (baken_sync_get_root_version (f->sync), ==, 1);
  baken_sync_get_installed (f->sync, &installed);
  g_assert_cmpuint (installed.root_version, ==, 1);
  g_assert_cmpuint (installed.serial, ==, 1);
  g_assert_cmpuint (installed.floor_serial, ==, 1);

  publish_bundle (f, LEAKED_SERIAL, TEST_KEY_CONTENT_1, 0);
  assert_refused (f, BAKEN_SYNC_ERROR_ROOT, "belongs to root version 0");
  publish_bundle (f, 2, TEST_KEY_CONTENT_2, 1);
  assert_installed (f, 2);
}

/* roots/1/keys.json damaged: the copy beside the installed bundle repairs it. */
static void
test_damaged_root_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gsize length;

  rotate_to_1 (f);
  g_clear_object (&f->sync);
  path = g_build_filename (f->state_dir, "roots", "1", "keys.json", NULL);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  text[length / 2] ^= 0x20;
  g_assert_true (g_file_set_contents (path, text, length, NULL));

  open_sync (f);
  g_assert_cmpuint (baken_sync_get_root_version (f->sync), ==, 1);
  g_assert_true (verifies_with_sync_keys (f, 1));
  g_free (text);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_nonnull (strstr (text, "\"version\" : 1"));
}

/* Killed at every step of taking root version 1 with its first bundle (from a folder,
 * by baken-sync with the fault points): after a restart the root version in the state
 * and on disk agree, the current bundle is the leaked one (which no longer verifies) or
 * the new one, and the next sync finishes the rotation. */
static void
test_killed_while_rotating (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "usb", NULL);
  g_autofree char *template = g_build_filename (g_get_user_cache_dir (), "template", NULL);
  g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, test_now ());
  int n;

  publish_bundle (f, LEAKED_SERIAL, TEST_KEY_CONTENT_1, 0);
  assert_installed (f, LEAKED_SERIAL);
  g_clear_object (&f->sync);
  g_assert_cmpint (g_rename (f->state_dir, template), ==, 0);

  publish_root_1 (usb, "keys.json");
  {
    PublishSpec spec = { .serial = 1, .key = TEST_KEY_CONTENT_2, .root_version = 1 };

    publish (usb, &spec);
  }

  for (n = 1; n < 200; n++)
    {
      const char *cp[] = { "cp", "-a", template, f->state_dir, NULL };
      const char *rm[] = { "rm", "-rf", f->state_dir, NULL };
      g_autofree char *point = g_strdup_printf ("%d", n);
      g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                   G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BakenSyncOutcome) outcome = NULL;
      g_auto(BakenInstalled) installed = { 0 };
      g_autofree char *root_dir = g_build_filename (f->state_dir, "roots", "1", NULL);
      guint64 current, previous;
      guint root_version;

      g_assert_cmpint (baken_test_run_with_input (rm, NULL, FALSE, NULL, NULL), ==, 0);
      g_assert_cmpint (baken_test_run_with_input (cp, NULL, FALSE, NULL, NULL), ==, 0);
      g_subprocess_launcher_setenv (launcher, "BAKEN_FAULT_POINT", point, TRUE);
      child = g_subprocess_launcher_spawn (launcher, &error, BAKEN_SYNC_FAULTS_CLI,
                                           "--config", f->config_path, "--state",
                                           f->state_dir, "--from", usb, "--at", at, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      if (g_subprocess_get_if_exited (child))
        {
          g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
          break;
        }
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      /* The restart. */
      open_sync (f);
      root_version = baken_sync_get_root_version (f->sync);
      baken_sync_get_installed (f->sync, &installed);
      pointer (f, &current, &previous);
      g_test_message ("killed at %d: root %u, current %" G_GUINT64_FORMAT, n, root_version,
                      current);
      g_assert_cmpuint (installed.root_version, ==, root_version);
      g_assert_cmpint (g_file_test (root_dir, G_FILE_TEST_IS_DIR), ==, root_version == 1);
      g_assert_true (current == LEAKED_SERIAL || current == 1);
      g_assert_cmpint (verifies_with_sync_keys (f, current), ==, root_version == 0 || current == 1);
      if (current == 1)
        {
          g_assert_cmpuint (root_version, ==, 1);
          g_assert_cmpuint (installed.floor_serial, ==, 1);
        }
      if (root_version == 1)
        g_assert_cmpuint (installed.floor_serial, <=, 1);

      /* The next sync finishes the rotation. */
      outcome = baken_sync_run (f->sync, usb, test_now (), NULL, &error);
      g_assert_no_error (error);
      g_assert_no_error (outcome->error);
      g_clear_pointer (&installed.sha256, g_free);
      g_clear_pointer (&installed.floor_sha256, g_free);
      baken_sync_get_installed (f->sync, &installed);
      pointer (f, &current, &previous);
      g_assert_cmpuint (current, ==, 1);
      g_assert_cmpuint (previous, ==, 0);
      g_assert_cmpuint (installed.root_version, ==, 1);
      g_assert_cmpuint (installed.floor_serial, ==, 1);
      g_clear_object (&f->sync);
    }
  g_test_message ("%d fault points", n - 1);
  /* The root's own steps and the bundle's were each killed. */
  g_assert_cmpint (n - 1, >=, 10);
  open_sync (f);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The isolated dirs have no GSettings schemas for GNOME's proxy settings. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sync_test_init ();
  server_start ();

#define ADD(path, func, data) \
  g_test_add ("/core/sync-rotation/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("leak", test_leak, NULL);
  ADD ("manifest-needs-root", test_manifest_needs_root, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (root_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/sync-rotation/refused/%s",
                                               root_cases[i].name);

      g_test_add (path, Fixture, GINT_TO_POINTER (root_cases[i].kind), fixture_set_up,
                  test_root_refused, fixture_tear_down);
    }
  ADD ("chain", test_root_chain, NULL);
  ADD ("rebuilt-state", test_rebuilt_state, NULL);
  ADD ("damaged-root-file", test_damaged_root_file, NULL);
  ADD ("killed-while-rotating", test_killed_while_rotating, NULL);
#undef ADD

  status = g_test_run ();
  sync_test_cleanup ();
  return status;
}
