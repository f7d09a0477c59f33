/* sync-test-util.c: signed bundles and a misbehaving HTTP server for the sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <sqlite3.h>

#include "baken-bundle.h"
#include "baken-content.h"
#include "baken-content-build.h"
#include "baken-manifest.h"
#include "baken-root.h"
#include "sync-test-util.h"

static gint64 start_time;
static BakenMinisignSecretKey *keys[TEST_N_KEYS];
#define trusted_key (keys[TEST_KEY_CONTENT_1])
static BakenMinisignSecretKey *unknown_key;
static char *trusted_base64;
static char *cache_dir;

static void write_file (const char *dir,
                        const char *name,
                        const void *data,
                        gsize       length);
static GSubprocess *server;
static guint16 port;

gint64
test_now (void)
{
  return start_time;
}

gint64
test_created (guint64 serial)
{
  /* A month ago, one minute per serial: a higher serial is newer. */
  return start_time - 30 * 86400 + (gint64) serial * 60;
}

const char *
test_public_key_base64 (void)
{
  return trusted_base64;
}

BakenMinisignSecretKey *
test_key (TestKey key)
{
  g_assert_cmpint (key, <, TEST_N_KEYS);
  return keys[key];
}

char *
test_key_base64 (TestKey key)
{
  return baken_minisign_public_key_to_base64 (baken_minisign_secret_key_get_public_key (test_key (key)));
}

static GPtrArray *
public_keys (const int *list)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);

  for (guint i = 0; list[i] >= 0; i++)
    g_ptr_array_add (result, baken_minisign_public_key_ref (
      baken_minisign_secret_key_get_public_key (test_key (list[i]))));
  return result;
}

void
publish_root (const char *dir,
              const char *name,
              guint       version,
              const int  *root_keys,
              guint       threshold,
              const int  *content_keys,
              const int  *signers)
{
  g_autoptr(GPtrArray) roots = public_keys (root_keys);
  g_autoptr(GPtrArray) contents = public_keys (content_keys);
  g_autoptr(BakenRoot) root = baken_root_new (version, roots, threshold, contents);
  g_autoptr(GString) signatures = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sig_name = g_strconcat (name, ".minisig", NULL);
  gsize length;

  data = baken_root_to_data (root, &length, &error);
  g_assert_no_error (error);
  for (guint i = 0; signers[i] >= 0; i++)
    {
      g_autofree char *signature = baken_minisign_sign (test_key (signers[i]),
                                                        (const guint8 *) data, length,
                                                        "root", NULL, &error);

      g_assert_no_error (error);
      g_string_append (signatures, signature);
    }

  g_mkdir_with_parents (dir, 0755);
  write_file (dir, name, data, length);
  write_file (dir, sig_name, signatures->str, signatures->len);
}

void
sync_test_init (void)
{
  g_autoptr(GError) error = NULL;

  start_time = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (baken_minisign_init (&error));
  for (guint i = 0; i < TEST_N_KEYS; i++)
    {
      keys[i] = baken_minisign_secret_key_generate (&error);
      g_assert_no_error (error);
    }
  unknown_key = baken_minisign_secret_key_generate (&error);
  g_assert_no_error (error);
  trusted_base64 = baken_minisign_public_key_to_base64 (
    baken_minisign_secret_key_get_public_key (trusted_key));
  cache_dir = g_dir_make_tmp ("baken-sync-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

void
sync_test_cleanup (void)
{
  server_stop ();
  remove_tree (cache_dir);
  g_clear_pointer (&cache_dir, g_free);
  for (guint i = 0; i < TEST_N_KEYS; i++)
    g_clear_pointer (&keys[i], baken_minisign_secret_key_free);
  g_clear_pointer (&unknown_key, baken_minisign_secret_key_free);
  g_clear_pointer (&trusted_base64, g_free);
}

/* A content DB built from tests/data/build, cached by serial and dates. */
static char *
build_content (guint64 serial,
               gint64  created,
               gint64  expires)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%" G_GUINT64_FORMAT "-%" G_GINT64_FORMAT "-%"
                                           G_GINT64_FORMAT ".sqlite", serial, created, expires);
  char *path = g_build_filename (cache_dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) created_dt = g_date_time_new_from_unix_utc (created);
      g_autoptr(GDateTime) expires_dt = g_date_time_new_from_unix_utc (expires);
      g_autofree char *created_text = baken_manifest_format_time (created_dt);
      g_autofree char *expires_text = baken_manifest_format_time (expires_dt);
      /* The small source of the build tests: small bundles keep the suite fast. */
      g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
      BakenBuildOptions options = {
        .serial = serial, .created = created_text, .expires = expires_text,
      };

      g_assert_nonnull (source);
      g_assert_true (baken_content_build (source, path, &options, NULL, &error));
      g_assert_no_error (error);
    }

  return path;
}

/* A copy of the content DB at path with n more services, all answering le-inkomen
 * (as svc-bijstand does), cached. */
static char *
inflate_content (const char *path,
                 guint       n)
{
  char *big = g_strconcat (path, ".big", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db = NULL;
  sqlite3_stmt *service = NULL, *text = NULL, *link = NULL;

  if (g_file_test (big, G_FILE_TEST_EXISTS))
    return big;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (big, contents, (gssize) length, NULL));
  g_assert_cmpint (sqlite3_open (big, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN;"
                                 "CREATE TEMP TABLE s AS SELECT * FROM service WHERE id = 'svc-bijstand';"
                                 "CREATE TEMP TABLE t AS SELECT * FROM service_text WHERE service_id = 'svc-bijstand';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE temp.s SET id = ?1", -1, &service, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE temp.t SET service_id = ?1", -1, &text, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO life_event_service VALUES ('le-inkomen', ?1, ?2)",
                                       -1, &link, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("svc-big-%u", i);

      sqlite3_bind_text (service, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (text, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (link, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (link, 2, (int) i + 100);
      g_assert_cmpint (sqlite3_step (service), ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_step (text), ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_step (link), ==, SQLITE_DONE);
      sqlite3_reset (service);
      sqlite3_reset (text);
      sqlite3_reset (link);
      g_assert_cmpint (sqlite3_exec (db, "INSERT INTO service SELECT * FROM temp.s;"
                                     "INSERT INTO service_text SELECT * FROM temp.t;",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_finalize (service);
  sqlite3_finalize (text);
  sqlite3_finalize (link);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE temp.s; DROP TABLE temp.t; COMMIT;"
                                 "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  return big;
}

static void
write_file (const char *dir,
            const char *name,
            const void *data,
            gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Damages a content DB so that it still opens but fails integrity_check: the last page
 * (a b-tree page of some table or index) gets its cell contents scrambled. */
static void
damage_db (guint8 *data,
           gsize   length)
{
  guint page_size = (data[16] << 8) | data[17];
  gsize page;

  if (page_size == 1)
    page_size = 65536;
  g_assert_cmpuint (length % page_size, ==, 0);
  g_assert_cmpuint (length / page_size, >, 4);
  /* Scramble the cell pointer arrays of the pages in the middle of the file. */
  for (page = length / page_size / 2; page < length / page_size - 1; page++)
    {
      guint8 *p = data + page * page_size;

      if (p[0] == 0x0d || p[0] == 0x0a || p[0] == 0x05 || p[0] == 0x02)
        for (guint i = 8; i < 40; i++)
          p[i + (p[0] == 0x05 || p[0] == 0x02 ? 4 : 0)] ^= 0x5a;
    }
}

void
publish (const char        *dir,
         const PublishSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenManifest) manifest = baken_manifest_new ();
  g_autofree char *content_name = g_strdup_printf (BAKEN_BUNDLE_CONTENT_PATTERN, spec->serial);
  g_autofree char *content_path = NULL;
  g_autofree char *content_sha = NULL;
  g_autofree char *manifest_data = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *comment = NULL;
  g_autofree guint8 *content = NULL;
  gint64 created = spec->created != 0 ? spec->created : test_created (spec->serial);
  gint64 expires = spec->expires != 0 ? spec->expires : start_time + 365 * 86400;
  BakenMinisignSecretKey *key = spec->kind == PUBLISH_UNKNOWN_KEY ? unknown_key
                                                                  : keys[spec->key];
  gsize content_length, manifest_length;

  g_mkdir_with_parents (dir, 0755);

  content_path = build_content (spec->serial, created, expires);
  if (spec->kind == PUBLISH_BIG)
    {
      char *big = inflate_content (content_path, 3000);

      g_free (content_path);
      content_path = big;
    }
  g_assert_true (g_file_get_contents (content_path, (char **) &content, &content_length, NULL));
  if (spec->kind == PUBLISH_NOT_SQLITE)
    memset (content, 'x', content_length);
  else if (spec->kind == PUBLISH_INTEGRITY)
    damage_db (content, content_length);
  content_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, content, content_length);
  if (spec->kind == PUBLISH_HASH_MISMATCH)
    content[content_length / 2] ^= 0xff;

  manifest->serial = spec->serial;
  manifest->created = g_date_time_new_from_unix_utc (created);
  manifest->expires = g_date_time_new_from_unix_utc (expires);
  manifest->key_id = g_strdup (baken_minisign_public_key_get_id_string (
    baken_minisign_secret_key_get_public_key (key)));
  manifest->min_app_version = g_strdup (PACKAGE_VERSION);
  manifest->schema_version = BAKEN_SCHEMA_VERSION;
  manifest->root_version = spec->root_version;
  baken_manifest_add_file (manifest, content_name,
                           spec->kind == PUBLISH_OVER_CAP ? BAKEN_BUNDLE_MAX_CONTENT_SIZE + 1
                                                          : content_length,
                           content_sha);
  manifest_data = baken_manifest_to_data (manifest, &manifest_length, &error);
  g_assert_no_error (error);

  comment = g_strdup_printf ("serial:%" G_GUINT64_FORMAT, spec->serial);
  signature = baken_minisign_sign (key, (const guint8 *) manifest_data, manifest_length,
                                   comment, NULL, &error);
  g_assert_no_error (error);
  if (spec->kind == PUBLISH_BAD_SIGNATURE)
    {
      /* Valid JSON of the same length, another content hash: a swapped content file. */
      char *p = strstr (manifest_data, content_sha);

      g_assert_nonnull (p);
      p[0] = p[0] == '0' ? '1' : '0';
    }

  write_file (dir, BAKEN_BUNDLE_MANIFEST_NAME, manifest_data, manifest_length);
  write_file (dir, BAKEN_BUNDLE_SIGNATURE_NAME, signature, strlen (signature));
  write_file (dir, content_name, content, content_length);
}

void
publish_good (const char *dir,
              guint64     serial)
{
  PublishSpec spec = { .serial = serial };

  publish (dir, &spec);
}

void
server_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data", "sync",
                                                   "server.py", NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  guint64 value;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                             &error, "python3", script, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "PORT "));
  g_assert_true (g_ascii_string_to_unsigned (line + 5, 10, 1, 65535, &value, NULL));
  port = value;
}

void
server_stop (void)
{
  if (server == NULL)
    return;

  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  g_clear_object (&server);
}

guint16
server_port (void)
{
  return port;
}

char *
server_url (const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u/%s", port, path);
}

static char *
server_get (const char *path_and_query)
{
  g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", direct,
                                                                  NULL);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = server_url (path_and_query);

  message = soup_message_new ("GET", url);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);

  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

void
server_control (const char *root,
                const char *mode,
                const char *target,
                const char *location)
{
  g_autoptr(GString) query = g_string_new ("_control?mode=");
  g_autofree char *reply = NULL;

  g_string_append_uri_escaped (query, mode != NULL ? mode : "normal", NULL, FALSE);
  if (root != NULL)
    {
      g_string_append (query, "&root=");
      g_string_append_uri_escaped (query, root, NULL, FALSE);
    }
  if (target != NULL)
    {
      g_string_append (query, "&target=");
      g_string_append_uri_escaped (query, target, NULL, FALSE);
    }
  if (location != NULL)
    {
      g_string_append (query, "&location=");
      g_string_append_uri_escaped (query, location, NULL, FALSE);
    }
  reply = server_get (query->str);
  g_assert_cmpstr (reply, ==, "ok\n");
}

guint
server_requests (gboolean reset)
{
  g_autofree char *reply = server_get ("_stats");
  guint64 value;

  g_assert_true (g_str_has_prefix (reply, "requests "));
  g_assert_true (g_ascii_string_to_unsigned (g_strstrip (reply + 9), 10, 0, G_MAXUINT, &value,
                                             NULL));
  if (reset)
    g_free (server_get ("_control?reset=1"));

  return value;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
snapshot_dir (GString    *out,
              const char *root,
              const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child_name = g_ptr_array_index (names, i);
      g_autofree char *child_rel = g_build_filename (relative, child_name, NULL);
      g_autofree char *child = g_build_filename (root, child_rel, NULL);

      if (*relative == '\0' && (g_str_equal (child_name, "staging") ||
                                g_str_has_prefix (child_name, "state.sqlite")))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          g_string_append_printf (out, "%s/\n", child_rel);
          snapshot_dir (out, root, child_rel);
        }
      else
        {
          g_autofree char *data = NULL;
          g_autofree char *sha = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (child, &data, &length, NULL));
          sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guint8 *) data, length);
          g_string_append_printf (out, "%s %" G_GSIZE_FORMAT " %s\n", child_rel, length, sha);
        }
    }
}

char *
snapshot_outside_staging (const char *state_dir)
{
  GString *out = g_string_new (NULL);

  snapshot_dir (out, state_dir, "");
  return g_string_free (out, FALSE);
}

gboolean
dir_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

guint64
content_serial (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = baken_content_open_file (path, &error);
  sqlite3_stmt *stmt = NULL;
  guint64 serial = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'serial'", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (g_ascii_string_to_unsigned ((const char *) sqlite3_column_text (stmt, 0), 10,
                                             1, G_MAXINT64, &serial, NULL));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return serial;
}
