/* test-bundle-verify.c: every check of the bundle verifier, each bad input on its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test builds a signed bundle of tests/data/build/ in a temporary folder, spoils
 * one thing, and checks the exact error code, that the message says what is wrong,
 * and that verification wrote nothing. Where a spoiled content DB would already fail
 * the size or hash check, the test re-signs a manifest that matches the spoiled file,
 * to prove that the later check (the DB, the serial, the icons) catches it as well.
 */
#include "config.h"

#include <string.h>

#include <utime.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "baken-bundle.h"
#include "baken-bundle-publish.h"
#include "baken-content.h"
#include "baken-manifest.h"
#include "baken-minisign.h"
#include "test-util.h"

#define CREATED  "2026-11-01T00:00:00Z"
#define EXPIRES  "2027-02-01T00:00:00Z"
#define NOW      "2026-11-15T12:00:00Z"
#define SERIAL   7

typedef struct
{
  char                   *dir;
  BakenMinisignSecretKey *key;
  GPtrArray              *keys;    /* trusted: the public half of key */
  GDateTime              *now;
} Fixture;

/* Helpers */

static GDateTime *
utc (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  GDateTime *time = g_date_time_new_from_iso8601 (text, tz);

  g_assert_nonnull (time);
  return time;
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
content_name (guint64 serial)
{
  return g_strdup_printf (BAKEN_BUNDLE_CONTENT_PATTERN, serial);
}

static void
build_bundle (const char             *dir,
              guint64                 serial,
              BakenMinisignSecretKey *key)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  BakenBuildOptions options = { serial, CREATED, EXPIRES };
  BakenMinisignPublicKey *pub = baken_minisign_secret_key_get_public_key (key);

  g_assert_true (baken_bundle_build (src, dir, &options, 0,
                                     baken_minisign_public_key_get_id_string (pub),
                                     problems, &error));
  g_assert_no_error (error);
  g_assert_true (baken_bundle_sign (dir, key, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("bundle-XXXXXX", &error);
  g_assert_no_error (error);
  f->key = baken_minisign_secret_key_generate (&error);
  g_assert_no_error (error);
  f->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);
  g_ptr_array_add (f->keys, baken_minisign_public_key_ref (baken_minisign_secret_key_get_public_key (f->key)));
  f->now = utc (NOW);
  build_bundle (f->dir, SERIAL, f->key);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  baken_minisign_secret_key_free (f->key);
  g_ptr_array_unref (f->keys);
  g_date_time_unref (f->now);
}

static char *
read_text (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_bytes (const char *path,
             const char *contents,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Names, sizes and contents of the files of the folder, to prove nothing was written. */
static char *
snapshot (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sha256 = NULL;
      gsize length = 0;

      g_file_get_contents (file, &contents, &length, NULL);
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents, length);
      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GSIZE_FORMAT " %s", name, length, sha256));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Signs manifest.json as it is now (any content), with the trusted comment given. */
static void
sign_manifest_as_is (Fixture                *f,
                     BakenMinisignSecretKey *key,
                     const char             *comment)
{
  g_autofree char *manifest_path = path_in (f, BAKEN_BUNDLE_MANIFEST_NAME);
  g_autofree char *signature_path = path_in (f, BAKEN_BUNDLE_SIGNATURE_NAME);
  g_autofree char *manifest = NULL;
  g_autofree char *signature = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  manifest = read_text (manifest_path, &length);
  signature = baken_minisign_sign (key, (const guint8 *) manifest, length, comment, NULL, &error);
  g_assert_no_error (error);
  write_bytes (signature_path, signature, strlen (signature));
}

/* Rewrites the manifest to match the content file as it is now, and signs it again. */
static void
reissue_manifest (Fixture *f)
{
  g_autofree char *manifest_path = path_in (f, BAKEN_BUNDLE_MANIFEST_NAME);
  g_autofree char *text = NULL;
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  text = read_text (manifest_path, &length);
  manifest = baken_manifest_parse (text, length, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < manifest->files->len; i++)
    {
      BakenManifestFile *file = g_ptr_array_index (manifest->files, i);
      g_autofree char *path = path_in (f, file->name);
      g_autofree char *contents = read_text (path, &length);

      g_free (file->sha256);
      file->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents,
                                                  length);
      file->size = length;
    }
  data = baken_manifest_to_data (manifest, &length, &error);
  g_assert_no_error (error);
  write_bytes (manifest_path, data, length);
  sign_manifest_as_is (f, f->key, "serial:7");
}

/* Replaces text in manifest.json (without signing it again). */
static void
edit_manifest (Fixture    *f,
               const char *from,
               const char *to)
{
  g_autofree char *path = path_in (f, BAKEN_BUNDLE_MANIFEST_NAME);
  g_autofree char *text = read_text (path, NULL);
  GString *edited = g_string_new (text);

  g_assert_nonnull (strstr (text, from));
  g_string_replace (edited, from, to, 1);
  write_bytes (path, edited->str, edited->len);
  g_string_free (edited, TRUE);
}

/* Runs SQL on the content DB of the fixture (read-write: only tests do this). */
static void
edit_content (Fixture    *f,
              const char *sql,
              GBytes     *blob)
{
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (blob != NULL)
    sqlite3_bind_blob (stmt, 1, g_bytes_get_data (blob, NULL), (int) g_bytes_get_size (blob),
                       SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
verify_fails (Fixture    *f,
              int         code,
              const char *fragment)
{
  g_autofree char *before = snapshot (f->dir);
  g_autofree char *after = NULL;
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  bundle = baken_bundle_verify (f->dir, f->keys, f->now, NULL, NULL, &error);
  g_assert_error (error, BAKEN_BUNDLE_ERROR, code);
  g_assert_null (bundle);
  g_test_message ("refused: %s", error->message);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("\"%s\" is not in the message \"%s\"", fragment, error->message);

  after = snapshot (f->dir);
  g_assert_cmpstr (after, ==, before);
}

/* Tests: good bundles */

typedef struct
{
  GPtrArray *checks;
} Checks;

static void
collect_check_cb (const char *check,
                  gboolean    passed,
                  const char *detail,
                  gpointer    user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%s:%s", check, passed ? "ok" : "fail"));
}

static void
record_check_cb (const char *check,
                 gboolean    passed,
                 const char *detail,
                 gpointer    user_data)
{
  g_string_append_printf (user_data, "%s:%s: %s\n", check, passed ? "ok" : "fail", detail);
}

static void
test_good (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *created = NULL;

  bundle = baken_bundle_verify (f->dir, f->keys, f->now, collect_check_cb, checks, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  g_assert_cmpuint (bundle->serial, ==, SERIAL);
  created = baken_manifest_format_time (bundle->created);
  g_assert_cmpstr (created, ==, CREATED);
  g_assert_cmpstr (bundle->key_id, ==,
                   baken_minisign_public_key_get_id_string (baken_minisign_secret_key_get_public_key (f->key)));
  g_assert_cmpstr (bundle->content_name, ==, "content-7.sqlite");
  g_assert_cmpstr (bundle->trusted_comment, ==, "serial:7\tcreated:" CREATED "\tfile:manifest.json");

  serial = baken_catalog_dup_meta (bundle->catalog, "serial");
  g_assert_cmpstr (serial, ==, "7");

  g_ptr_array_add (checks, NULL);
  joined = g_strjoinv (" ", (char **) checks->pdata);
  g_assert_cmpstr (joined, ==, "files:ok signature:ok manifest:ok dates:ok size:ok sha256:ok "
                               "database:ok integrity:ok schema:ok serial:ok references:ok "
                               "icons:ok");
}

static void
test_good_resource (Fixture       *f,
                    gconstpointer  data)
{
  /* The same bundle embedded in a GResource (how an application may carry the demo). */
  g_autofree char *xml_path = path_in (f, "bundle.gresource.xml");
  g_autofree char *target = g_build_filename (g_get_tmp_dir (), "bundle.gresource", NULL);
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\"?><gresources>"
                                          "<gresource prefix=\"/test/bundle\">"
                                          "<file>manifest.json</file>"
                                          "<file>manifest.json.minisig</file>"
                                          "<file>%s</file></gresource></gresources>", name);
  g_autoptr(GResource) resource = NULL;
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) compile = NULL;

  write_bytes (xml_path, xml, strlen (xml));
  compile = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "glib-compile-resources",
                              "--sourcedir", f->dir, "--target", target, xml_path, NULL);
  if (compile == NULL)
    {
      g_test_skip ("glib-compile-resources is not installed");
      return;
    }
  g_assert_true (g_subprocess_wait_check (compile, NULL, &error));
  g_assert_no_error (error);
  resource = g_resource_load (target, &error);
  g_assert_no_error (error);
  g_resources_register (resource);

  bundle = baken_bundle_verify_resource ("/test/bundle", f->keys, f->now, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundle->serial, ==, SERIAL);
  g_clear_pointer (&bundle, baken_verified_bundle_free);

  bundle = baken_bundle_verify_resource ("/test/nothing", f->keys, f->now, NULL, NULL, &error);
  g_assert_error (error, BAKEN_BUNDLE_ERROR, BAKEN_BUNDLE_ERROR_MISSING);
  g_assert_null (bundle);

  g_resources_unregister (resource);
  g_unlink (target);
}

static void
test_open_verified_demo_rule (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(GPtrArray) demo_keys = baken_bundle_trusted_keys (NULL);
  g_autoptr(GPtrArray) configured_keys = baken_bundle_trusted_keys (f->keys);
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_base64 = NULL;

  /* No keys configured: the demo key, only. */
  g_assert_cmpuint (demo_keys->len, ==, 1);
  demo_base64 = baken_minisign_public_key_to_base64 (g_ptr_array_index (demo_keys, 0));
  g_assert_cmpstr (demo_base64, ==, BAKEN_BUNDLE_DEMO_PUBLIC_KEY);
  /* Keys configured: those, never the demo key. */
  g_assert_cmpuint (configured_keys->len, ==, 1);
  g_assert_true (baken_minisign_public_key_equal (g_ptr_array_index (configured_keys, 0),
                                                  g_ptr_array_index (f->keys, 0)));

  bundle = baken_bundle_open_verified (f->dir, f->keys, f->now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  g_clear_pointer (&bundle, baken_verified_bundle_free);

  /* The same bundle with no keys configured: only the demo key is trusted. */
  bundle = baken_bundle_open_verified (f->dir, NULL, f->now, &error);
  g_assert_error (error, BAKEN_BUNDLE_ERROR, BAKEN_BUNDLE_ERROR_UNTRUSTED_KEY);
  g_assert_null (bundle);
}

static void
test_demo_key_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo-key",
                                                 "baken-demo.pub", NULL);
  g_autofree char *text = read_text (path, NULL);
  g_autoptr(BakenMinisignPublicKey) key = NULL;
  g_autofree char *base64 = NULL;
  g_autoptr(GError) error = NULL;

  key = baken_minisign_public_key_new_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  base64 = baken_minisign_public_key_to_base64 (key);
  g_assert_cmpstr (base64, ==, BAKEN_BUNDLE_DEMO_PUBLIC_KEY);
}

static void
test_demo_bundle (void)
{
  /* The signed demo bundle that meson builds (data/demo-bundle/), created 2026-11-01 and
   * expiring 2099-12-31 (data/demo-bundle/meson.build). A fixed "now" inside that span:
   * the test machine's clock is not what this checks. */
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "..", "data", "demo-bundle", NULL);
  g_autoptr(GDateTime) now = utc ("2027-06-01T12:00:00Z");
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the demo bundle is not built");
      return;
    }
  bundle = baken_bundle_open_verified (dir, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundle->serial, ==, 1);
}

/* Tests: the signature */

static void
test_manifest_byte_flipped (Fixture       *f,
                            gconstpointer  data)
{
  edit_manifest (f, "\"serial\" : 7", "\"serial\" : 8");
  verify_fails (f, BAKEN_BUNDLE_ERROR_BAD_SIGNATURE, "changed after signing");
}

static void
test_wrong_key (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BakenMinisignSecretKey) other = baken_minisign_secret_key_generate (NULL);

  g_ptr_array_set_size (f->keys, 0);
  g_ptr_array_add (f->keys, baken_minisign_public_key_ref (baken_minisign_secret_key_get_public_key (other)));
  verify_fails (f, BAKEN_BUNDLE_ERROR_UNTRUSTED_KEY, "not a trusted key");
}

static void
test_no_keys (Fixture       *f,
              gconstpointer  data)
{
  g_ptr_array_set_size (f->keys, 0);
  verify_fails (f, BAKEN_BUNDLE_ERROR_NO_KEYS, "No public key");
}

static void
test_legacy_signature (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = path_in (f, BAKEN_BUNDLE_SIGNATURE_NAME);
  g_autofree char *text = read_text (path, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree guint8 *raw = NULL;
  g_autofree char *joined = NULL;
  gsize len;

  raw = g_base64_decode (lines[1], &len);
  g_assert_cmpmem (raw, 2, "ED", 2);
  raw[1] = 'd';
  g_free (lines[1]);
  lines[1] = g_base64_encode (raw, len);
  joined = g_strjoinv ("\n", lines);
  write_bytes (path, joined, strlen (joined));

  verify_fails (f, BAKEN_BUNDLE_ERROR_LEGACY_SIGNATURE, "legacy");
}

static void
test_edited_trusted_comment (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = path_in (f, BAKEN_BUNDLE_SIGNATURE_NAME);
  g_autofree char *text = read_text (path, NULL);
  GString *edited = g_string_new (text);

  g_string_replace (edited, "serial:7", "serial:9", 1);
  write_bytes (path, edited->str, edited->len);
  g_string_free (edited, TRUE);
  verify_fails (f, BAKEN_BUNDLE_ERROR_BAD_TRUSTED_COMMENT, "trusted comment");
}

static void
test_trusted_comment_other_serial (Fixture       *f,
                                   gconstpointer  data)
{
  sign_manifest_as_is (f, f->key, "serial:6\tfile:manifest.json");
  verify_fails (f, BAKEN_BUNDLE_ERROR_BAD_TRUSTED_COMMENT, "serial 6");
}

static void
test_signature_missing (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (f, BAKEN_BUNDLE_SIGNATURE_NAME);

  g_assert_cmpint (g_unlink (path), ==, 0);
  verify_fails (f, BAKEN_BUNDLE_ERROR_MISSING, "manifest.json.minisig is missing");
}

static void
test_signature_garbage (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = path_in (f, BAKEN_BUNDLE_SIGNATURE_NAME);

  write_bytes (path, "not a signature\n", 16);
  verify_fails (f, BAKEN_BUNDLE_ERROR_SIGNATURE_FORMAT, NULL);
}

/* Tests: the manifest */

static void
test_key_id_mismatch (Fixture       *f,
                      gconstpointer  data)
{
  /* Signed by a trusted key, but the manifest names the other trusted key. */
  g_autoptr(BakenMinisignSecretKey) other = baken_minisign_secret_key_generate (NULL);

  g_ptr_array_add (f->keys, baken_minisign_public_key_ref (baken_minisign_secret_key_get_public_key (other)));
  sign_manifest_as_is (f, other, "serial:7");
  verify_fails (f, BAKEN_BUNDLE_ERROR_KEY_MISMATCH, "names key");
}

static void
test_unknown_format (Fixture       *f,
                     gconstpointer  data)
{
  edit_manifest (f, "\"format\" : 1", "\"format\" : 3");
  sign_manifest_as_is (f, f->key, "serial:7");
  verify_fails (f, BAKEN_BUNDLE_ERROR_FORMAT, "format 3");
}

static void
test_app_too_old (Fixture       *f,
                  gconstpointer  data)
{
  edit_manifest (f, "\"min_app_version\" : \"" PACKAGE_VERSION "\"", "\"min_app_version\" : \"99.0\"");
  sign_manifest_as_is (f, f->key, "serial:7");
  verify_fails (f, BAKEN_BUNDLE_ERROR_APP_TOO_OLD, "99.0");
}

static void
test_expired (Fixture       *f,
              gconstpointer  data)
{
  g_date_time_unref (f->now);
  f->now = utc ("2027-02-01T00:00:01Z");
  verify_fails (f, BAKEN_BUNDLE_ERROR_EXPIRED, "expired at " EXPIRES);
}

/* A kiosk whose clock runs behind (no time sync, a dead clock battery) still shows
 * verified content: the difference is reported, never a refusal. */
static void
test_clock_behind (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BakenVerifiedBundle) month_behind = NULL;
  g_autoptr(BakenVerifiedBundle) within_skew = NULL;
  g_autoptr(GString) checks = g_string_new (NULL);

  g_date_time_unref (f->now);
  f->now = utc ("2026-10-01T00:00:00Z");   /* a month before created */
  month_behind = baken_bundle_verify (f->dir, f->keys, f->now, record_check_cb, checks, NULL);
  g_assert_nonnull (month_behind);
  g_assert_cmpint (month_behind->clock_behind, ==, 31 * 24 * 60 * 60);
  g_assert_nonnull (strstr (checks->str, "runs 44640 min behind"));

  /* Within the allowed drift: nothing to report. */
  g_date_time_unref (f->now);
  f->now = utc ("2026-10-31T23:58:00Z");
  within_skew = baken_bundle_verify (f->dir, f->keys, f->now, NULL, NULL, NULL);
  g_assert_nonnull (within_skew);
  g_assert_cmpint (within_skew->clock_behind, ==, 0);
}

/* Tests: the content file */

static void
test_size_differs (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  gsize length;
  g_autofree char *contents = read_text (path, &length);
  g_autofree char *longer = g_malloc0 (length + 1);

  memcpy (longer, contents, length);
  write_bytes (path, longer, length + 1);
  verify_fails (f, BAKEN_BUNDLE_ERROR_SIZE, "the manifest says");
}

static void
test_hash_differs (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  gsize length;
  g_autofree char *contents = read_text (path, &length);

  contents[length / 2] ^= 0x01;
  write_bytes (path, contents, length);
  verify_fails (f, BAKEN_BUNDLE_ERROR_HASH, "sha256");
}

static void
test_content_missing (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);

  g_assert_cmpint (g_unlink (path), ==, 0);
  verify_fails (f, BAKEN_BUNDLE_ERROR_MISSING, "content-7.sqlite is missing");
}

static void
test_mix_and_match (Fixture       *f,
                    gconstpointer  data)
{
  /* The content DB of bundle 8 under the name of bundle 7, with a manifest that
   * matches it: the DB's own serial gives it away. */
  g_autofree char *other_dir = g_dir_make_tmp ("bundle-XXXXXX", NULL);
  g_autofree char *other_name = content_name (8);
  g_autofree char *other_path = g_build_filename (other_dir, other_name, NULL);
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  g_autofree char *contents = NULL;
  gsize length;

  build_bundle (other_dir, 8, f->key);
  contents = read_text (other_path, &length);
  write_bytes (path, contents, length);
  remove_tree (other_dir);

  /* As copied: the hash does not match. */
  verify_fails (f, BAKEN_BUNDLE_ERROR_HASH, NULL);
  /* Even with a manifest made for it. */
  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_SERIAL_MISMATCH, "serial 8");
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  gsize length;
  g_autofree char *contents = read_text (path, &length);

  write_bytes (path, contents, length / 2);
  verify_fails (f, BAKEN_BUNDLE_ERROR_SIZE, NULL);
  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_INTEGRITY, "damaged");
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  static const char text[] = "This is not a database, it is a letter.\n";
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  g_autoptr(GString) filler = g_string_new (NULL);

  while (filler->len < 8192)
    g_string_append (filler, text);
  write_bytes (path, filler->str, filler->len);
  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_NOT_DATABASE, "not an SQLite database");
}

static void
test_integrity_check (Fixture       *f,
                      gconstpointer  data)
{
  /* Damage the cell pointers of the page that holds the service table. */
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  g_autofree char *contents = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int page_size, root;
  gsize length, offset;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT page_size FROM pragma_page_size), "
                                       "rootpage FROM sqlite_schema WHERE name = 'service'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int (stmt, 0);
  root = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (root, >, 1);

  contents = read_text (path, &length);
  offset = (gsize) (root - 1) * page_size;
  g_assert_cmpuint (offset + page_size, <=, length);
  /* b-tree page header (8 or 12 bytes), then the cell pointer array */
  for (guint i = 12; i < 40; i++)
    contents[offset + i] = (char) 0xff;
  write_bytes (path, contents, length);

  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_INTEGRITY, "damaged");
}

static void
test_wrong_schema_version (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_SCHEMA, "version 99");
}

static void
test_manifest_schema_version (Fixture       *f,
                              gconstpointer  data)
{
  /* The version after the one this program reads. */
  edit_manifest (f, "\"schema_version\" : " G_STRINGIFY (BAKEN_SCHEMA_VERSION),
                 "\"schema_version\" : 99");
  sign_manifest_as_is (f, f->key, "serial:7");
  verify_fails (f, BAKEN_BUNDLE_ERROR_SCHEMA, "version 99");
}

static void
test_broken_reference (Fixture       *f,
                       gconstpointer  data)
{
  edit_content (f, "UPDATE service SET organization_id = 'nobody' WHERE rowid = "
                   "(SELECT min(rowid) FROM service)", NULL);
  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_REFERENCES, "missing record");
}

/* Runs DDL on the content DB of the fixture (edit_content is for rows). */
static void
alter_content (Fixture    *f,
               const char *sql)
{
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A signed DB whose table is a view that never ends would freeze the first page that
 * reads it: only a DB with exactly Baken's schema is accepted. */
static void
test_endless_view (Fixture       *f,
                   gconstpointer  data)
{
  alter_content (f, "PRAGMA foreign_keys = OFF;"
                    "DROP TABLE life_event_service_text;"
                    "CREATE VIEW life_event_service_text AS "
                    "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                    "SELECT 'x' AS life_event_id, 'x' AS service_id, 'nl' AS lang, "
                    "'x' AS note FROM r;");
  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_SCHEMA, "view life_event_service_text");
}

static void
test_extra_trigger (Fixture       *f,
                    gconstpointer  data)
{
  alter_content (f, "CREATE TABLE extra (x); "
                    "CREATE TRIGGER spy AFTER INSERT ON extra BEGIN SELECT 1; END;");
  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_SCHEMA, "schema object that Baken's content schema");
}

static void
test_missing_index (Fixture       *f,
                    gconstpointer  data)
{
  alter_content (f, "DROP INDEX schedule_owner;");
  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_SCHEMA, "lacks part of Baken's content schema");
}

static void
test_missing_dutch (Fixture       *f,
                    gconstpointer  data)
{
  edit_content (f, "DELETE FROM service_text WHERE lang = 'nl' AND service_id = "
                   "(SELECT min(id) FROM service)", NULL);
  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_REFERENCES, "no Dutch name");
}

/* Tests: icons, put straight into the DB (the builder refuses most in sources) */

typedef struct
{
  const char *name;
  const char *svg;
  const char *fragment;
} BadIcon;

static const BadIcon bad_icons[] = {
  { "external-reference",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\"><image href=\"https://example.org/tracker.png\" width=\"48\" height=\"48\"/></svg>",
    "outside itself" },
  { "entity-bomb",
    "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\"><text>&c;</text></svg>",
    "entities" },
  { "use-fan-out",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\"><defs><path id=\"a\" d=\"M0 0h1v1z\"/>"
    "<g id=\"b\"><use href=\"#a\"/><use href=\"#a\"/><use href=\"#a\"/><use href=\"#a\"/><use href=\"#a\"/><use href=\"#a\"/><use href=\"#a\"/><use href=\"#a\"/><use href=\"#a\"/><use href=\"#a\"/></g>"
    "<g id=\"c\"><use href=\"#b\"/><use href=\"#b\"/><use href=\"#b\"/><use href=\"#b\"/><use href=\"#b\"/><use href=\"#b\"/><use href=\"#b\"/><use href=\"#b\"/><use href=\"#b\"/><use href=\"#b\"/></g>"
    "<g id=\"d\"><use href=\"#c\"/><use href=\"#c\"/><use href=\"#c\"/><use href=\"#c\"/><use href=\"#c\"/><use href=\"#c\"/><use href=\"#c\"/><use href=\"#c\"/><use href=\"#c\"/><use href=\"#c\"/></g>"
    "<g id=\"e\"><use href=\"#d\"/><use href=\"#d\"/><use href=\"#d\"/><use href=\"#d\"/><use href=\"#d\"/><use href=\"#d\"/><use href=\"#d\"/><use href=\"#d\"/><use href=\"#d\"/><use href=\"#d\"/></g>"
    "<g id=\"f\"><use href=\"#e\"/><use href=\"#e\"/><use href=\"#e\"/><use href=\"#e\"/><use href=\"#e\"/><use href=\"#e\"/><use href=\"#e\"/><use href=\"#e\"/><use href=\"#e\"/><use href=\"#e\"/></g>"
    "</defs><use href=\"#f\"/></svg>",
    "<use> elements multiply" },
  { "width-100000",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100000\" height=\"100000\" viewBox=\"0 0 48 48\"><rect width=\"48\" height=\"48\"/></svg>",
    "100000" },
  { "script",
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\"><script>while(1){}</script></svg>",
    "<script>" },
};

static void
test_bad_icon (Fixture       *f,
               gconstpointer  data)
{
  const BadIcon *bad = data;
  g_autoptr(GBytes) svg = g_bytes_new_static (bad->svg, strlen (bad->svg));

  edit_content (f, "UPDATE icon SET svg = ?1 WHERE name = (SELECT max(name) FROM icon)", svg);
  reissue_manifest (f);
  verify_fails (f, BAKEN_BUNDLE_ERROR_ICON, bad->fragment);
}

static void
test_icon_checker_killed (Fixture       *f,
                          gconstpointer  data)
{
  /* A checker that dies of its CPU limit: refused, whatever it printed before. */
  static const char text[] = "#!/bin/sh\necho 'ok 0'\nkill -XCPU $$\n";
  g_autofree char *script = path_in (f, "checker.sh");

  write_bytes (script, text, strlen (text));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  g_setenv ("BAKEN_ICON_CHECK", script, TRUE);
  verify_fails (f, BAKEN_BUNDLE_ERROR_ICON, "signal");
  g_unsetenv ("BAKEN_ICON_CHECK");
}

static void
test_icon_checker_silent (Fixture       *f,
                          gconstpointer  data)
{
  /* Exit status 0 is not enough: every icon must be reported ok. */
  g_setenv ("BAKEN_ICON_CHECK", "/bin/true", TRUE);
  verify_fails (f, BAKEN_BUNDLE_ERROR_ICON_CHECKER, "every icon");
  g_unsetenv ("BAKEN_ICON_CHECK");
}

/* Tests: the icon check cache */

static void
icons_detail_cb (const char *check,
                 gboolean    passed,
                 const char *detail,
                 gpointer    user_data)
{
  char **icons = user_data;

  if (strcmp (check, "icons") != 0)
    return;
  g_free (*icons);
  *icons = g_strdup_printf ("%s: %s", passed ? "ok" : "fail", detail);
}

static char *
icon_cache_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "baken", BAKEN_BUNDLE_ICON_CACHE_NAME,
                           NULL);
}

/* The sha256 of the fixture's content DB as it is now. */
static char *
content_sha256 (Fixture *f)
{
  g_autofree char *name = content_name (SERIAL);
  g_autofree char *path = path_in (f, name);
  g_autofree char *contents = NULL;
  gsize length;

  contents = read_text (path, &length);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents, length);
}

/* Verifies with the cache; returns what the icons check said ("ok: …", "fail: …"). */
static char *
verify_with_cache (Fixture  *f,
                   int       expected_code)
{
  g_autofree char *cache = icon_cache_dir ();
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(GError) error = NULL;
  char *icons = NULL;

  bundle = baken_bundle_verify_cached (f->dir, f->keys, f->now, cache, icons_detail_cb, &icons,
                                       &error);
  if (expected_code < 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (bundle);
    }
  else
    {
      g_assert_error (error, BAKEN_BUNDLE_ERROR, expected_code);
      g_assert_null (bundle);
    }
  g_assert_nonnull (icons);
  g_test_message ("icons: %s", icons);
  return icons;
}

static void
test_icon_cache_skips_child (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *cache = icon_cache_dir ();
  g_autofree char *sha256 = content_sha256 (f);
  g_autofree char *marker = g_build_filename (cache, sha256, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(BakenVerifiedBundle) uncached = NULL;
  g_autoptr(GError) error = NULL;

  /* First: the child runs, and its pass is remembered under the DB's sha256. */
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  first = verify_with_cache (f, -1);
  g_assert_true (g_str_has_prefix (first, "ok: "));
  g_assert_nonnull (strstr (first, "drawn within limits"));
  contents = read_text (marker, NULL);
  g_assert_cmpstr (contents, ==, "baken-icon-check " PACKAGE_VERSION "\n");

  /* Second, with a checker that refuses everything: not started, still accepted. */
  g_setenv ("BAKEN_ICON_CHECK", "/bin/false", TRUE);
  second = verify_with_cache (f, -1);
  g_assert_true (g_str_has_prefix (second, "ok: "));
  g_assert_nonnull (strstr (second, "checked before"));

  /* Without the cache (baken-bundle verify, the sync) that checker is asked, and fails. */
  uncached = baken_bundle_verify (f->dir, f->keys, f->now, NULL, NULL, &error);
  g_assert_error (error, BAKEN_BUNDLE_ERROR, BAKEN_BUNDLE_ERROR_ICON_CHECKER);
  g_assert_null (uncached);
  g_unsetenv ("BAKEN_ICON_CHECK");
}

static void
test_icon_cache_other_content (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *cache = icon_cache_dir ();
  g_autofree char *old_sha256 = NULL;
  g_autofree char *new_sha256 = NULL;
  g_autofree char *new_marker = NULL;
  g_autofree char *icons = NULL;
  g_autofree char *ran = NULL;

  ran = verify_with_cache (f, -1);
  old_sha256 = content_sha256 (f);

  /* Another DB, properly signed: its own sha256, so the checker runs (and refuses). */
  edit_content (f, "UPDATE life_event_text SET title = title || '.' "
                   "WHERE life_event_id = (SELECT min(life_event_id) FROM life_event_text)",
                NULL);
  reissue_manifest (f);
  new_sha256 = content_sha256 (f);
  g_assert_cmpstr (new_sha256, !=, old_sha256);
  new_marker = g_build_filename (cache, new_sha256, NULL);

  g_setenv ("BAKEN_ICON_CHECK", "/bin/false", TRUE);
  icons = verify_with_cache (f, BAKEN_BUNDLE_ERROR_ICON_CHECKER);
  g_unsetenv ("BAKEN_ICON_CHECK");
  g_assert_true (g_str_has_prefix (icons, "fail: "));
  g_assert_false (g_file_test (new_marker, G_FILE_TEST_EXISTS));
}

static void
test_icon_cache_other_version (Fixture       *f,
                               gconstpointer  data)
{
  /* A pass remembered by another version of Baken (another checker) does not count. */
  static const char old[] = "baken-icon-check 0.0.1\n";
  g_autofree char *cache = icon_cache_dir ();
  g_autofree char *sha256 = content_sha256 (f);
  g_autofree char *marker = g_build_filename (cache, sha256, NULL);
  g_autofree char *icons = NULL;
  g_autofree char *again = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (cache, 0700), ==, 0);
  write_bytes (marker, old, strlen (old));
  g_setenv ("BAKEN_ICON_CHECK", "/bin/false", TRUE);
  icons = verify_with_cache (f, BAKEN_BUNDLE_ERROR_ICON_CHECKER);
  g_unsetenv ("BAKEN_ICON_CHECK");
  g_assert_true (g_str_has_prefix (icons, "fail: "));

  /* The real checker passes it, and the marker is this version's now. */
  again = verify_with_cache (f, -1);
  g_assert_nonnull (strstr (again, "drawn within limits"));
  contents = read_text (marker, NULL);
  g_assert_cmpstr (contents, ==, "baken-icon-check " PACKAGE_VERSION "\n");
}

static void
test_icon_cache_refusal_not_remembered (Fixture       *f,
                                        gconstpointer  data)
{
  static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 48 48\">"
                            "<script>while(1){}</script></svg>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (svg, strlen (svg));
  g_autofree char *cache = icon_cache_dir ();
  g_autofree char *icons = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *sha256 = NULL;

  edit_content (f, "UPDATE icon SET svg = ?1 WHERE name = (SELECT max(name) FROM icon)", bytes);
  reissue_manifest (f);
  icons = verify_with_cache (f, BAKEN_BUNDLE_ERROR_ICON);
  g_assert_nonnull (strstr (icons, "<script>"));

  /* Refused again next time: nothing was remembered. */
  sha256 = content_sha256 (f);
  marker = g_build_filename (cache, sha256, NULL);
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  g_clear_pointer (&icons, g_free);
  icons = verify_with_cache (f, BAKEN_BUNDLE_ERROR_ICON);
  g_assert_nonnull (strstr (icons, "<script>"));
}

static void
test_icon_cache_keeps_newest (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *cache = icon_cache_dir ();
  g_autofree char *sha256 = content_sha256 (f);
  g_autofree char *own = g_build_filename (cache, sha256, NULL);
  g_autofree char *icons = NULL;
  guint left = 0;

  /* Ten passes of older bundles, the oldest first, and one file that is not a marker. */
  g_assert_cmpint (g_mkdir_with_parents (cache, 0700), ==, 0);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guint8 *) &i, sizeof i);
      g_autofree char *path = g_build_filename (cache, name, NULL);
      struct utimbuf times = { 1000000 + i * 1000, 1000000 + i * 1000 };

      write_bytes (path, "x", 1);
      g_assert_cmpint (g_utime (path, &times), ==, 0);
    }
  {
    g_autofree char *other = g_build_filename (cache, "README", NULL);

    write_bytes (other, "x", 1);
  }

  icons = verify_with_cache (f, -1);
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));

  /* Its own marker and the 7 newest older ones stay (i = 3 … 9); README is left alone. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guint8 *) &i, sizeof i);
      g_autofree char *path = g_build_filename (cache, name, NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, i >= 3);
      left += g_file_test (path, G_FILE_TEST_EXISTS);
    }
  g_assert_cmpuint (left, ==, 7);
  {
    g_autofree char *other = g_build_filename (cache, "README", NULL);

    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

/* Tests: the baken-bundle command and stock minisign */

static int
run (const char *const *argv,
     const char        *input,
     char             **output)
{
  g_autoptr(GBytes) bytes = input != NULL ? g_bytes_new (input, strlen (input)) : NULL;
  g_autofree char *out = NULL;
  int status = baken_test_run_with_input (argv, NULL, TRUE, bytes, &out);

  g_test_message ("%s %s: %s", argv[0], argv[1], out);
  if (output != NULL)
    *output = g_steal_pointer (&out);
  g_assert_cmpint (status, >=, 0);
  return status;
}

static void
test_cli_round_trip (void)
{
  const char *tool = g_getenv ("BAKEN_BUNDLE");
  g_autofree char *minisign = g_find_program_in_path ("minisign");
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *dir = g_dir_make_tmp ("bundle-cli-XXXXXX", NULL);
  g_autofree char *name = g_build_filename (dir, "it", NULL);
  g_autofree char *key = g_build_filename (dir, "it.key", NULL);
  g_autofree char *pub = g_build_filename (dir, "it.pub", NULL);
  g_autofree char *out = g_build_filename (dir, "publish", NULL);
  g_autofree char *manifest = g_build_filename (out, "manifest.json", NULL);
  g_autofree char *output = NULL;

  if (tool == NULL)
    {
      g_test_skip ("BAKEN_BUNDLE is not set");
      return;
    }

  {
    const char *argv[] = { tool, "keygen", "--unencrypted", name, NULL };

    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
  }
  {
    const char *argv[] = { tool, "build", src, out, "--serial", "3", "--pubkey", pub, NULL };

    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  }
  {
    const char *argv[] = { tool, "verify", out, "--pubkey", pub, NULL };

    /* Not signed yet. */
    g_assert_cmpint (run (argv, NULL, &output), ==, 1);
    g_assert_nonnull (strstr (output, "FAIL  files"));
    g_clear_pointer (&output, g_free);
  }
  {
    const char *argv[] = { tool, "sign", out, "--key", key, NULL };

    g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
  }
  {
    const char *argv[] = { tool, "verify", out, "--pubkey", pub, NULL };

    g_assert_cmpint (run (argv, NULL, &output), ==, 0);
    g_assert_nonnull (strstr (output, "ok    icons"));
    g_assert_nonnull (strstr (output, "OK: serial 3"));
    g_clear_pointer (&output, g_free);
  }
  {
    const char *argv[] = { tool, "verify", out, "--pubkey", pub, "--at", "2099-01-01T00:00:00Z", NULL };

    g_assert_cmpint (run (argv, NULL, &output), ==, 1);
    g_assert_nonnull (strstr (output, "FAIL  dates"));
    g_clear_pointer (&output, g_free);
  }

  if (minisign == NULL)
    {
      g_test_message ("minisign is not installed: the interop half is left out");
      remove_tree (dir);
      return;
    }

  /* Our signature, checked by stock minisign. */
  {
    const char *argv[] = { minisign, "-V", "-H", "-p", pub, "-m", manifest, NULL };

    g_assert_cmpint (run (argv, NULL, &output), ==, 0);
    g_assert_nonnull (strstr (output, "serial:3"));
    g_clear_pointer (&output, g_free);
  }
  /* Signed by stock minisign with our key: the kiosk accepts it the same. */
  {
    const char *sign_argv[] = { minisign, "-S", "-W", "-s", key, "-m", manifest, NULL };
    const char *verify_argv[] = { tool, "verify", out, "--pubkey", pub, NULL };

    g_assert_cmpint (run (sign_argv, NULL, NULL), ==, 0);
    g_assert_cmpint (run (verify_argv, NULL, &output), ==, 0);
    g_assert_nonnull (strstr (output, "OK: serial 3"));
    g_clear_pointer (&output, g_free);
  }
  /* Signed by stock minisign in the legacy form: refused. */
  {
    const char *sign_argv[] = { minisign, "-S", "-l", "-W", "-s", key, "-m", manifest, NULL };
    const char *verify_argv[] = { tool, "verify", out, "--pubkey", pub, NULL };

    g_assert_cmpint (run (sign_argv, NULL, NULL), ==, 0);
    g_assert_cmpint (run (verify_argv, NULL, &output), ==, 1);
    g_assert_nonnull (strstr (output, "legacy"));
    g_clear_pointer (&output, g_free);
  }

  remove_tree (dir);
}

static void
test_cli_build_failure_writes_nothing (void)
{
  const char *tool = g_getenv ("BAKEN_BUNDLE");
  g_autofree char *dir = g_dir_make_tmp ("bundle-cli-XXXXXX", NULL);
  g_autofree char *src = g_build_filename (dir, "empty-source", NULL);
  g_autofree char *out = g_build_filename (dir, "publish", NULL);
  g_autofree char *listing = NULL;

  if (tool == NULL)
    {
      g_test_skip ("BAKEN_BUNDLE is not set");
      return;
    }

  g_assert_cmpint (g_mkdir (src, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  {
    const char *argv[] = { tool, "build", src, out, "--serial", "3", NULL };

    g_assert_cmpint (run (argv, NULL, NULL), ==, 1);
  }
  listing = snapshot (out);
  g_assert_cmpstr (listing, ==, "");
  {
    const char *argv[] = { tool, "build", src, out, NULL };

    /* A bundle needs a serial: wrong usage. */
    g_assert_cmpint (run (argv, NULL, NULL), ==, 2);
  }
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/bundle/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("good", test_good);
  ADD ("good-resource", test_good_resource);
  ADD ("demo-rule", test_open_verified_demo_rule);
  g_test_add_func ("/core/bundle/demo-key-file", test_demo_key_file);
  g_test_add_func ("/core/bundle/demo-bundle", test_demo_bundle);

  ADD ("refuses/manifest-byte-flipped", test_manifest_byte_flipped);
  ADD ("refuses/wrong-key", test_wrong_key);
  ADD ("refuses/no-keys", test_no_keys);
  ADD ("refuses/legacy-signature", test_legacy_signature);
  ADD ("refuses/edited-trusted-comment", test_edited_trusted_comment);
  ADD ("refuses/trusted-comment-other-serial", test_trusted_comment_other_serial);
  ADD ("refuses/signature-missing", test_signature_missing);
  ADD ("refuses/signature-garbage", test_signature_garbage);
  ADD ("refuses/key-id-mismatch", test_key_id_mismatch);
  ADD ("refuses/unknown-format", test_unknown_format);
  ADD ("refuses/app-too-old", test_app_too_old);
  ADD ("refuses/expired", test_expired);
  ADD ("accepts/clock-behind", test_clock_behind);
  ADD ("refuses/size-differs", test_size_differs);
  ADD ("refuses/hash-differs", test_hash_differs);
  ADD ("refuses/content-missing", test_content_missing);
  ADD ("refuses/mix-and-match", test_mix_and_match);
  ADD ("refuses/truncated", test_truncated);
  ADD ("refuses/not-sqlite", test_not_sqlite);
  ADD ("refuses/integrity-check", test_integrity_check);
  ADD ("refuses/wrong-schema-version", test_wrong_schema_version);
  ADD ("refuses/manifest-schema-version", test_manifest_schema_version);
  ADD ("refuses/broken-reference", test_broken_reference);
  ADD ("refuses/endless-view", test_endless_view);
  ADD ("refuses/extra-trigger", test_extra_trigger);
  ADD ("refuses/missing-index", test_missing_index);
  ADD ("refuses/missing-dutch", test_missing_dutch);
  for (guint i = 0; i < G_N_ELEMENTS (bad_icons); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/bundle/refuses/icon/%s", bad_icons[i].name);

      g_test_add (path, Fixture, &bad_icons[i], fixture_set_up, test_bad_icon, fixture_tear_down);
    }
  ADD ("refuses/icon-checker-killed", test_icon_checker_killed);
  ADD ("refuses/icon-checker-silent", test_icon_checker_silent);

  ADD ("icon-cache/skips-child", test_icon_cache_skips_child);
  ADD ("icon-cache/other-content", test_icon_cache_other_content);
  ADD ("icon-cache/other-version", test_icon_cache_other_version);
  ADD ("icon-cache/refusal-not-remembered", test_icon_cache_refusal_not_remembered);
  ADD ("icon-cache/keeps-newest", test_icon_cache_keeps_newest);

  g_test_add_func ("/core/bundle/cli/round-trip", test_cli_round_trip);
  g_test_add_func ("/core/bundle/cli/build-failure-writes-nothing",
                   test_cli_build_failure_writes_nothing);

#undef ADD

  return g_test_run ();
}
