/* content-test-util.c: signed bundles and a kiosk window on them, for the content tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "content-test-util.h"

#include <string.h>

#include <glib/gstdio.h>

#include "baken-bundle.h"
#include "baken-bundle-publish.h"
#include "baken-manifest.h"

static BakenMinisignSecretKey *test_key;

void
content_test_init (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baken_minisign_init (&error));
  test_key = baken_minisign_secret_key_generate (&error);
  g_assert_no_error (error);
}

char *
content_test_config_text (const char *extra)
{
  g_autofree char *base64 = baken_minisign_public_key_to_base64 (
    baken_minisign_secret_key_get_public_key (test_key));

  return g_strdup_printf ("[sync]\npublic-keys = %s\n%s", base64, extra != NULL ? extra : "");
}

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
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dest = g_build_filename (to, name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        {
          copy_tree (src, dest);
          continue;
        }
      g_assert_true (g_file_get_contents (src, &data, &length, NULL));
      g_assert_true (g_file_set_contents (dest, data, length, NULL));
    }
}

void
content_test_make_bundle (const char *dir,
                          guint64     serial,
                          gboolean    new_title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* A day ago, a minute per serial: a higher serial is newer, and never in the future. */
  g_autoptr(GDateTime) created = g_date_time_add_seconds (now, -86400.0 + 60.0 * serial);
  g_autoptr(GDateTime) expires = g_date_time_add_days (now, 365);

  content_test_make_bundle_at (dir, serial, new_title, created, expires);
}

void
content_test_make_bundle_at (const char *dir,
                             guint64     serial,
                             gboolean    new_title,
                             GDateTime  *created,
                             GDateTime  *expires)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *created_text = baken_manifest_format_time (created);
  g_autofree char *expires_text = baken_manifest_format_time (expires);
  BakenBuildOptions options = { serial, created_text, expires_text };
  BakenMinisignPublicKey *pub = baken_minisign_secret_key_get_public_key (test_key);

  if (new_title)
    {
      g_autofree char *events_path = NULL;
      g_autofree char *events = NULL;
      g_autofree char *old_field = g_strdup_printf (",%s,", CONTENT_TEST_OLD_TITLE);
      g_autofree char *new_field = g_strdup_printf (",%s,", CONTENT_TEST_NEW_TITLE);
      g_auto(GStrv) parts = NULL;
      g_autofree char *changed = NULL;

      copy = g_build_filename (g_get_user_cache_dir (), "source-new-title", NULL);
      copy_tree (source, copy);
      events_path = g_build_filename (copy, "life_events.csv", NULL);
      g_assert_true (g_file_get_contents (events_path, &events, NULL, NULL));
      parts = g_strsplit (events, old_field, 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      changed = g_strjoinv (new_field, parts);
      g_assert_true (g_file_set_contents (events_path, changed, -1, NULL));
      g_free (source);
      source = g_steal_pointer (&copy);
    }

  g_assert_true (baken_bundle_build (source, dir, &options, 0,
                                     baken_minisign_public_key_get_id_string (pub),
                                     problems, &error));
  g_assert_no_error (error);
  g_assert_true (baken_bundle_sign (dir, test_key, NULL, &error));
  g_assert_no_error (error);
}

char *
content_test_state_dir (const char *name)
{
  return g_build_filename (g_get_user_state_dir (), name, NULL);
}

void
content_test_sync_from (BakenSync  *sync,
                        const char *folder,
                        guint64     expect_serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenSyncOutcome) outcome = NULL;

  outcome = baken_sync_run (sync, folder, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  if (outcome->error != NULL)
    g_test_message ("sync: %s", outcome->error->message);
  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpuint (outcome->serial, ==, expect_serial);
}

static gboolean
window_ready (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

BakenWindow *
content_test_window_new (BakenConfig       *config,
                         BakenKioskContent *content,
                         double             idle_scale)
{
  g_autoptr(BakenContext) context = baken_context_new_for_content (config, content);
  BakenWindow *window;

  window = baken_window_new (GTK_APPLICATION (ui_test_get_application ()), context, FALSE,
                             idle_scale);
  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 1920);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_test_wait (window_ready, window, 5000));
  ui_test_settle (window);

  return window;
}
