/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>

#include "baken-bundle.h"
#include "baken-manifest.h"
#include "baken-state.h"
#include "baken-store.h"
#include "baken-store-reconcile.h"
#include "sync-test-util.h"

#define CREATED_BASE G_GINT64_CONSTANT (1740000000)

typedef struct
{
  char       *dir;
  BakenStore *store;
  BakenState *state;
  GPtrArray  *keys;    /* trusts the key of publish () */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state_path = NULL;

  f->dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);
  f->store = baken_store_new (f->dir, &error);
  g_assert_no_error (error);
  state_path = baken_store_get_state_path (f->store);
  f->state = baken_state_open (state_path, &error);
  g_assert_no_error (error);
  f->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);
  g_ptr_array_add (f->keys,
                   baken_minisign_public_key_new_from_base64 (test_public_key_base64 (),
                                                              &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->state);
  g_ptr_array_unref (f->keys);
  g_free (f->dir);
}

static char *
content_bytes (guint64 serial)
{
  return g_strdup_printf ("content of bundle %" G_GUINT64_FORMAT "\n", serial);
}

/* Writes a bundle (a valid manifest and a stand-in content file) into dir. */
static void
write_bundle (const char *dir,
              guint64     serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenManifest) manifest = baken_manifest_new ();
  g_autofree char *content = content_bytes (serial);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  g_autofree char *name = g_strdup_printf ("content-%" G_GUINT64_FORMAT ".sqlite", serial);
  g_autofree char *content_path = g_build_filename (dir, name, NULL);
  g_autofree char *manifest_path = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *data = NULL;
  gsize length;

  manifest->serial = serial;
  manifest->created = g_date_time_new_from_unix_utc (CREATED_BASE + serial);
  manifest->expires = g_date_time_new_from_unix_utc (CREATED_BASE + serial + 86400 * 365);
  manifest->min_app_version = g_strdup ("0.1.0");
  manifest->schema_version = 1;
  baken_manifest_add_file (manifest, name, strlen (content), sha);
  data = baken_manifest_to_data (manifest, &length, &error);
  g_assert_no_error (error);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (manifest_path, data, length, NULL));
  g_assert_true (g_file_set_contents (content_path, content, -1, NULL));
}

static void
stage (Fixture *f,
       guint64  serial)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baken_store_clear_staging (f->store, &error));
  g_assert_no_error (error);
  write_bundle (baken_store_get_staging_dir (f->store), serial);
}

static void
install (Fixture *f,
         guint64  serial)
{
  g_autoptr(GError) error = NULL;

  stage (f, serial);
  g_assert_true (baken_store_install (f->store, serial, &error));
  g_assert_no_error (error);
  g_assert_true (baken_store_clean_up (f->store, &error));
  g_assert_no_error (error);
}

static void
assert_pointer (Fixture *f,
                guint64  current,
                guint64  previous)
{
  g_autoptr(GError) error = NULL;
  guint64 cur = 99, prev = 99;

  g_assert_true (baken_store_read_pointer (f->store, &cur, &prev, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cur, ==, current);
  g_assert_cmpuint (prev, ==, previous);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in bundles/, sorted, joined with spaces. */
static char *
list_bundles (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "bundles", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static gboolean
staging_is_empty (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (baken_store_get_staging_dir (f->store), 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

static void
assert_content (Fixture *f,
                guint64  serial)
{
  g_autofree char *path = baken_store_get_content_path (f->store, serial);
  g_autofree char *expected = content_bytes (serial);
  g_autofree char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, expected);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(BakenInstalled) installed = { 0 };

  assert_pointer (f, 0, 0);
  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  g_assert_no_error (error);
  assert_pointer (f, 0, 0);
  g_assert_true (baken_state_get_installed (f->state, &installed, &error));
  g_assert_cmpuint (installed.serial, ==, 0);
  g_assert_true (staging_is_empty (f));
}

static void
test_install_keeps_previous (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  install (f, 5);
  assert_pointer (f, 5, 0);
  assert_content (f, 5);
  g_assert_true (staging_is_empty (f));
  first = list_bundles (f);
  g_assert_cmpstr (first, ==, "5");

  install (f, 6);
  assert_pointer (f, 6, 5);
  second = list_bundles (f);
  g_assert_cmpstr (second, ==, "5 6");

  /* Only the previous bundle is kept. */
  install (f, 9);
  assert_pointer (f, 9, 6);
  assert_content (f, 9);
  assert_content (f, 6);
  third = list_bundles (f);
  g_assert_cmpstr (third, ==, "6 9");
}

static void
test_install_previous_refused (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  install (f, 5);
  install (f, 6);
  stage (f, 5);
  g_assert_false (baken_store_install (f->store, 5, &error));
  g_assert_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_IO);
  assert_pointer (f, 6, 5);
  assert_content (f, 5);
}

/* The sync takes the current bundle again when it no longer verifies: it is replaced,
 * and the previous one stays previous. */
static void
test_install_current_again (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *bundles = NULL;

  install (f, 5);
  install (f, 6);
  path = baken_store_get_content_path (f->store, 6);
  g_assert_true (g_file_set_contents (path, "damaged", -1, NULL));

  install (f, 6);
  assert_pointer (f, 6, 5);
  assert_content (f, 6);
  assert_content (f, 5);
  bundles = list_bundles (f);
  g_assert_cmpstr (bundles, ==, "5 6");
}

static void
test_fall_back (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundles = NULL;

  install (f, 5);
  install (f, 6);
  g_assert_true (baken_store_fall_back (f->store, &error));
  g_assert_no_error (error);
  assert_pointer (f, 5, 0);
  g_assert_true (baken_store_clean_up (f->store, &error));
  bundles = list_bundles (f);
  g_assert_cmpstr (bundles, ==, "5");

  /* Nothing further back. */
  g_assert_false (baken_store_fall_back (f->store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_pointer (f, 5, 0);
}

/* The crash left the new bundle in bundles/ but the pointer still says the old one. */
static void
test_reconcile_before_pointer (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *leftover = NULL;
  g_autofree char *bundles = NULL;
  g_autofree char *tmp = g_build_filename (f->dir, "current.tmp", NULL);
  g_auto(BakenInstalled) installed = { 0 };

  install (f, 5);
  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  leftover = baken_store_get_bundle_dir (f->store, 6);
  write_bundle (leftover, 6);
  write_bundle (baken_store_get_staging_dir (f->store), 7);
  g_assert_true (g_file_set_contents (tmp, "current 6\nprevious 5\n", -1, NULL));

  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  g_assert_no_error (error);
  assert_pointer (f, 5, 0);
  bundles = list_bundles (f);
  g_assert_cmpstr (bundles, ==, "5");
  g_assert_true (staging_is_empty (f));
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));
  g_assert_true (baken_state_get_installed (f->state, &installed, &error));
  g_assert_cmpuint (installed.serial, ==, 5);
  g_assert_cmpint (installed.created, ==, CREATED_BASE + 5);
}

/* The crash came after the pointer swap, before the state was recorded. */
static void
test_reconcile_after_pointer (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(BakenInstalled) installed = { 0 };
  g_autofree char *content = content_bytes (6);
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);

  install (f, 5);
  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  stage (f, 6);
  g_assert_true (baken_store_install (f->store, 6, &error));

  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  g_assert_no_error (error);
  assert_pointer (f, 6, 5);
  g_assert_true (baken_state_get_installed (f->state, &installed, &error));
  g_assert_cmpuint (installed.serial, ==, 6);
  g_assert_cmpuint (installed.previous_serial, ==, 5);
  g_assert_cmpstr (installed.sha256, ==, sha);
  g_assert_cmpint (installed.created, ==, CREATED_BASE + 6);
  g_assert_cmpint (installed.expires, ==, CREATED_BASE + 6 + 86400 * 365);
  g_assert_cmpuint (installed.floor_serial, ==, 6);
  g_assert_cmpstr (installed.floor_sha256, ==, sha);
  g_assert_cmpint (installed.floor_created, ==, CREATED_BASE + 6);
}

/* After a fallback the floors stay at the newer bundle. */
static void
test_reconcile_keeps_floor (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(BakenInstalled) installed = { 0 };

  install (f, 5);
  install (f, 6);
  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  g_assert_true (baken_store_fall_back (f->store, &error));
  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  g_assert_no_error (error);

  assert_pointer (f, 5, 0);
  g_assert_true (baken_state_get_installed (f->state, &installed, &error));
  g_assert_cmpuint (installed.serial, ==, 5);
  g_assert_cmpint (installed.created, ==, CREATED_BASE + 5);
  g_assert_cmpuint (installed.floor_serial, ==, 6);
  g_assert_cmpint (installed.floor_created, ==, CREATED_BASE + 6);
}

static void
test_reconcile_missing_bundle (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *content = NULL;

  install (f, 5);
  install (f, 6);
  content = baken_store_get_content_path (f->store, 6);
  g_assert_cmpint (g_unlink (content), ==, 0);

  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  g_assert_no_error (error);
  assert_pointer (f, 5, 0);
  dir = baken_store_get_bundle_dir (f->store, 6);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* Installs the signed bundle serial (sync-test-util.h) as the sync would. */
static void
install_signed (Fixture *f,
                guint64  serial)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baken_store_clear_staging (f->store, &error));
  publish_good (baken_store_get_staging_dir (f->store), serial);
  g_assert_true (baken_store_install (f->store, serial, &error));
  g_assert_no_error (error);
  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  g_assert_no_error (error);
}

static void
damage_pointer (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pointer = g_build_filename (f->dir, "current", NULL);

  g_assert_true (g_file_set_contents (pointer, "current x\n\x01garbage", -1, NULL));
  g_assert_false (baken_store_read_pointer (f->store, &(guint64) { 0 }, &(guint64) { 0 },
                                            &error));
  g_assert_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT);
}

/* The pointer is a cache of the installed bundles: a garbled one is rebuilt from them,
 * and no bundle that verifies is removed. */
static void
test_reconcile_damaged_pointer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundles = NULL;
  g_auto(BakenInstalled) installed = { 0 };

  install_signed (f, 5);
  install_signed (f, 6);
  damage_pointer (f);

  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  g_assert_no_error (error);
  assert_pointer (f, 6, 5);
  bundles = list_bundles (f);
  g_assert_cmpstr (bundles, ==, "5 6");
  g_assert_true (baken_state_get_installed (f->state, &installed, &error));
  g_assert_cmpuint (installed.serial, ==, 6);
  g_assert_cmpuint (installed.previous_serial, ==, 5);
  g_assert_cmpuint (installed.floor_serial, ==, 6);
}

/* The newest bundle is damaged too: the newest that verifies becomes current, the
 * damaged one goes. */
static void
test_reconcile_damaged_pointer_and_bundle (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundles = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  g_auto(BakenInstalled) installed = { 0 };

  install_signed (f, 5);
  install_signed (f, 6);
  path = baken_store_get_content_path (f->store, 6);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  contents[length / 2] ^= 0xff;
  g_chmod (path, 0644);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  damage_pointer (f);

  g_assert_true (baken_store_reconcile (f->store, f->state, f->keys, &error));
  g_assert_no_error (error);
  assert_pointer (f, 5, 0);
  bundles = list_bundles (f);
  g_assert_cmpstr (bundles, ==, "5");
  /* The floor stays at what this kiosk accepted: 6 cannot be replaced by other content. */
  g_assert_true (baken_state_get_installed (f->state, &installed, &error));
  g_assert_cmpuint (installed.serial, ==, 5);
  g_assert_cmpuint (installed.floor_serial, ==, 6);
}

/* A new state DB (the old one was damaged and moved aside) gets its floors from the
 * installed bundles. */
static void
test_reconcile_new_state (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "fresh.sqlite", NULL);
  g_autoptr(BakenState) fresh = NULL;
  g_auto(BakenInstalled) before = { 0 };
  g_auto(BakenInstalled) after = { 0 };

  install_signed (f, 5);
  install_signed (f, 6);
  g_assert_true (baken_state_get_installed (f->state, &before, &error));

  fresh = baken_state_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (baken_store_reconcile (f->store, fresh, f->keys, &error));
  g_assert_no_error (error);
  g_assert_true (baken_state_get_installed (fresh, &after, &error));
  g_assert_cmpuint (after.serial, ==, 6);
  g_assert_cmpuint (after.previous_serial, ==, 5);
  g_assert_cmpstr (after.sha256, ==, before.sha256);
  g_assert_cmpuint (after.floor_serial, ==, 6);
  g_assert_cmpstr (after.floor_sha256, ==, before.floor_sha256);
  g_assert_cmpint (after.floor_created, ==, before.floor_created);
  g_assert_finalize_object (g_steal_pointer (&fresh));
}

/* The store cannot write its pointer (the disk is full: writes beyond 0 bytes fail, for
 * root too). The install fails with an error, the installed bundle stays current, and
 * the next install of the same bundle succeeds. */
static void
test_install_fails (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  struct rlimit saved, full;
  void (*saved_handler) (int);
  gboolean ok;

  install (f, 5);
  stage (f, 6);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  full = saved;
  full.rlim_cur = 0;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
  ok = baken_store_install (f->store, 6, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_NO_SPACE);
  g_test_message ("%s", error->message);
  assert_pointer (f, 5, 0);
  assert_content (f, 5);

  /* Space again: the same bundle installs (the leftover of the failed try is replaced). */
  g_clear_error (&error);
  install (f, 6);
  assert_pointer (f, 6, 5);
  assert_content (f, 6);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sync_test_init ();

#define ADD(path, func) \
  g_test_add ("/core/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("empty", test_empty);
  ADD ("install-keeps-previous", test_install_keeps_previous);
  ADD ("install-previous-refused", test_install_previous_refused);
  ADD ("install-current-again", test_install_current_again);
  ADD ("install-fails", test_install_fails);
  ADD ("fall-back", test_fall_back);
  ADD ("reconcile/before-pointer", test_reconcile_before_pointer);
  ADD ("reconcile/after-pointer", test_reconcile_after_pointer);
  ADD ("reconcile/keeps-floor", test_reconcile_keeps_floor);
  ADD ("reconcile/missing-bundle", test_reconcile_missing_bundle);
  ADD ("reconcile/damaged-pointer", test_reconcile_damaged_pointer);
  ADD ("reconcile/damaged-pointer-and-bundle", test_reconcile_damaged_pointer_and_bundle);
  ADD ("reconcile/new-state", test_reconcile_new_state);
#undef ADD

  status = g_test_run ();
  sync_test_cleanup ();
  return status;
}
