/* test-content.c: the kiosk shows only verified bundles, and new ones between residents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "baken-bundle.h"
#include "baken-content.h"
#include "baken-kiosk-content.h"
#include "baken-state.h"
#include "content-test-util.h"
#include "sync-test-util.h"

#define DEMO_TITLE      "Geldzorgen en schulden"
#define PREPARING_TITLE "Deze kiosk wordt klaargemaakt."
#define PREPARING_ASK   "Vraag het aan de medewerker bij de balie."

/* The warnings of baken-kiosk-content, which a refused bundle logs on purpose (with
 * structured logging g_test_expect_message () does not see them). */
static GPtrArray *content_warnings;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "baken-kiosk-content") == 0)
    {
      g_ptr_array_add (content_warnings, g_strdup (message));
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Exactly n warnings were logged since the last call, each matching pattern. */
static void
assert_warnings (guint       n,
                 const char *pattern)
{
  for (guint i = 0; i < content_warnings->len; i++)
    {
      const char *message = g_ptr_array_index (content_warnings, i);

      g_test_message ("warning: %s", message);
      g_assert_true (g_pattern_match_simple (pattern, message));
    }
  g_assert_cmpuint (content_warnings->len, ==, n);
  g_ptr_array_set_size (content_warnings, 0);
}

static BakenSync *
new_sync (BakenConfig *config,
          const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = content_test_state_dir (name);
  BakenSync *sync = baken_sync_new (&config->sync, state_dir, &error);

  g_assert_no_error (error);
  return sync;
}

static guint
count_tiles (BakenWindow *window)
{
  g_autoptr(GPtrArray) tiles = ui_test_find_by_css_class (GTK_WIDGET (window), "tile");

  return tiles->len;
}

static guint
open_failures (BakenSync *sync)
{
  g_auto(BakenInstalled) installed = { 0 };

  baken_sync_get_installed (sync, &installed);
  return installed.open_failures;
}

typedef struct
{
  BakenWindow *window;
  const char  *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  ui_test_settle (wait->window);
  return ui_test_has_label (GTK_WIDGET (wait->window), wait->text);
}

static gboolean
at_home (gpointer data)
{
  g_autofree char *location = baken_window_dup_location (data);

  return g_str_equal (location, "home");
}

/* No keys configured: the embedded demo bundle, verified like any other. The unsigned
 * demo DB is gone from the resources. */
static void
test_demo_verified (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(BakenSync) sync = new_sync (config, "demo");
  g_autoptr(BakenKioskContent) content = baken_kiosk_content_new (config, sync);
  BakenWindow *window;

  g_assert_false (g_resources_get_info ("/nl/baken/Kiosk/content/demo.sqlite",
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  g_assert_true (g_resources_get_info (BAKEN_DEMO_BUNDLE_RESOURCE "/"
                                       BAKEN_BUNDLE_SIGNATURE_NAME,
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));

  baken_kiosk_content_wait (content);
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_DEMO);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 1);
  g_assert_null (baken_kiosk_content_get_problem (content));

  window = content_test_window_new (config, content, 1.0);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), DEMO_TITLE));
  g_assert_cmpuint (count_tiles (window), >, 3);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (window), g_type_from_name ("BakenPreparingPage")));
  ui_test_window_destroy (window);
}

/* A kiosk with its own keys never trusts the demo: until its first bundle it shows a
 * calm screen, and the bundle appears by itself as soon as the sync installs it. */
static void
test_keys_refuse_demo (void)
{
  g_autofree char *text = content_test_config_text (NULL);
  g_autoptr(BakenConfig) config = ui_test_config_new (text);
  g_autoptr(BakenSync) sync = new_sync (config, "keys");
  g_autoptr(BakenKioskContent) content = baken_kiosk_content_new (config, sync);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "usb-5", NULL);
  g_autoptr(GError) error = NULL;
  LabelWait wait;
  BakenWindow *window;

  baken_kiosk_content_wait (content);
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_NONE);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 0);
  g_assert_nonnull (baken_kiosk_content_get_problem (content));
  g_assert_nonnull (strstr (baken_kiosk_content_get_problem (content), "demo"));

  /* The same refusal without a sync store. */
  g_assert_null (baken_context_load (config, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  window = content_test_window_new (config, content, 1.0);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), PREPARING_TITLE));
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), PREPARING_ASK));
  g_assert_cmpuint (count_tiles (window), ==, 0);
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), DEMO_TITLE));

  /* A USB stick with bundle 5: the kiosk is at rest, so it switches at once. */
  content_test_make_bundle (folder, 5, FALSE);
  baken_sync_run_async (sync, folder, NULL, NULL, NULL);
  wait.window = window;
  wait.text = CONTENT_TEST_OLD_TITLE;
  g_assert_true (ui_test_wait (label_shown, &wait, 20000));
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), PREPARING_TITLE));
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_SYNC);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 5);
  ui_test_settle (window);
  ui_test_settle (window);
  g_assert_cmpuint (open_failures (sync), ==, 0);

  ui_test_window_destroy (window);
}

/* [content] path names a bundle folder; it is verified with the configured keys. */
static void
test_path_bundle (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "path-3", NULL);
  g_autofree char *extra = g_strdup_printf ("[content]\npath = %s\n", folder);
  g_autofree char *text = content_test_config_text (extra);
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenConfig) demo_config = NULL;
  g_autoptr(BakenKioskContent) content = NULL;
  g_autoptr(BakenKioskContent) demo_content = NULL;

  content_test_make_bundle (folder, 3, TRUE);
  config = ui_test_config_new (text);
  content = baken_kiosk_content_new (config, NULL);
  baken_kiosk_content_wait (content);
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_PATH);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 3);

  /* Without keys only the demo key is trusted: the path bundle is refused, clearly. */
  demo_config = ui_test_config_new (extra);
  demo_content = baken_kiosk_content_new (demo_config, NULL);
  baken_kiosk_content_wait (demo_content);
  assert_warnings (1, "*bundle of [content] path*was refused*not a trusted key*");
  g_assert_cmpint (baken_kiosk_content_get_origin (demo_content), ==,
                   BAKEN_CONTENT_ORIGIN_DEMO);
}

/* A new bundle while a resident is on a path: nothing changes on screen until the idle
 * reset; then Home shows the new content. */
static void
test_update_waits_for_reset (void)
{
  g_autofree char *text = content_test_config_text ("[idle]\ntimeout = 20\ncountdown = 5\n");
  g_autoptr(BakenConfig) config = ui_test_config_new (text);
  g_autoptr(BakenSync) sync = new_sync (config, "update");
  g_autoptr(BakenKioskContent) content = NULL;
  g_autofree char *usb10 = g_build_filename (g_get_user_cache_dir (), "usb-10", NULL);
  g_autofree char *usb11 = g_build_filename (g_get_user_cache_dir (), "usb-11", NULL);
  g_autofree char *location = NULL;
  g_autoptr(GPtrArray) marks = NULL;
  GtkWidget *page;
  LabelWait wait;
  BakenWindow *window;

  content_test_make_bundle (usb10, 10, FALSE);
  content_test_make_bundle (usb11, 11, TRUE);
  content_test_sync_from (sync, usb10, 10);

  content = baken_kiosk_content_new (config, sync);
  /* 20 s + 5 s of idle become 1 s + 0.25 s. */
  window = content_test_window_new (config, content, 0.05);
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_SYNC);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 10);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), CONTENT_TEST_OLD_TITLE));
  ui_test_settle (window);
  g_assert_cmpuint (open_failures (sync), ==, 0);
  /* Not stale (30 days by default): no notice. */
  marks = ui_test_find_by_css_class (GTK_WIDGET (window), "stale-mark");
  g_assert_cmpuint (marks->len, ==, 0);

  /* A resident opens a life event... */
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.open-event", "s",
                              CONTENT_TEST_EVENT);
  ui_test_settle (window);
  location = baken_window_dup_location (BAKEN_WINDOW (window));
  g_assert_cmpstr (location, ==, "event:" CONTENT_TEST_EVENT);
  page = ui_test_find_widget (GTK_WIDGET (window), g_type_from_name ("BakenEventPage"));
  g_assert_nonnull (page);

  /* ...and keeps using the kiosk while bundle 11 arrives and is verified. */
  baken_sync_run_async (sync, usb11, NULL, NULL, NULL);
  for (guint i = 0; i < 200 && !baken_kiosk_content_get_update_pending (content); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.more-time", NULL);
      ui_test_run (50);
    }
  g_assert_true (baken_kiosk_content_get_update_pending (content));
  for (guint i = 0; i < 10; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.more-time", NULL);
      ui_test_run (50);
    }

  /* Nothing changed under the resident's finger. */
  g_free (location);
  location = baken_window_dup_location (BAKEN_WINDOW (window));
  g_assert_cmpstr (location, ==, "event:" CONTENT_TEST_EVENT);
  g_assert_true (ui_test_find_widget (GTK_WIDGET (window),
                                      g_type_from_name ("BakenEventPage")) == page);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 10);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), CONTENT_TEST_OLD_TITLE));

  /* The resident leaves: after the idle reset Home shows bundle 11. */
  g_assert_true (ui_test_wait (at_home, window, 10000));
  wait.window = window;
  wait.text = CONTENT_TEST_NEW_TITLE;
  g_assert_true (ui_test_wait (label_shown, &wait, 5000));
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), CONTENT_TEST_OLD_TITLE));
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 11);
  g_assert_false (baken_kiosk_content_get_update_pending (content));
  ui_test_settle (window);
  ui_test_settle (window);
  g_assert_cmpuint (open_failures (sync), ==, 0);

  ui_test_window_destroy (window);
}

/* The current bundle is damaged on disk: the start tries it until the sync store falls
 * back to the previous bundle. No crash, no error on screen. */
static void
test_broken_current_falls_back (void)
{
  g_autofree char *text = content_test_config_text (NULL);
  g_autoptr(BakenConfig) config = ui_test_config_new (text);
  g_autoptr(BakenSync) sync = new_sync (config, "broken");
  g_autoptr(BakenKioskContent) content = NULL;
  g_autofree char *usb20 = g_build_filename (g_get_user_cache_dir (), "usb-20", NULL);
  g_autofree char *usb21 = g_build_filename (g_get_user_cache_dir (), "usb-21", NULL);
  g_autofree char *state_dir = content_test_state_dir ("broken");
  g_autofree char *db = g_build_filename (state_dir, "bundles", "21", "content-21.sqlite",
                                          NULL);
  g_autofree char *data = NULL;
  gsize length;
  BakenWindow *window;

  content_test_make_bundle (usb20, 20, FALSE);
  content_test_make_bundle (usb21, 21, TRUE);
  content_test_sync_from (sync, usb20, 20);
  content_test_sync_from (sync, usb21, 21);

  g_assert_true (g_file_get_contents (db, &data, &length, NULL));
  data[length / 2] ^= 0xff;
  g_chmod (db, 0644);
  g_assert_true (g_file_set_contents (db, data, length, NULL));

  content = baken_kiosk_content_new (config, sync);
  baken_kiosk_content_wait (content);
  assert_warnings (BAKEN_SYNC_MAX_OPEN_FAILURES, "*sync store*was refused*");
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_SYNC);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 20);

  window = content_test_window_new (config, content, 1.0);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), CONTENT_TEST_OLD_TITLE));
  ui_test_window_destroy (window);
}

/* The pointer holds garbage and the state DB is cut to 100 bytes, the bundles are
 * intact: the kiosk heals at the start and shows the newest bundle, not "being
 * prepared". */
static void
test_damaged_state_folder_heals (void)
{
  g_autofree char *text = content_test_config_text (NULL);
  g_autoptr(BakenConfig) config = ui_test_config_new (text);
  g_autoptr(BakenSync) sync = new_sync (config, "damaged");
  g_autoptr(BakenKioskContent) content = NULL;
  g_autofree char *usb20 = g_build_filename (g_get_user_cache_dir (), "usb-20", NULL);
  g_autofree char *usb21 = g_build_filename (g_get_user_cache_dir (), "usb-21", NULL);
  g_autofree char *state_dir = content_test_state_dir ("damaged");
  g_autofree char *pointer = g_build_filename (state_dir, "current", NULL);
  g_autofree char *state = g_build_filename (state_dir, "state.sqlite", NULL);
  g_autofree char *old_bundle = g_build_filename (state_dir, "bundles", "20", NULL);
  g_autofree char *data = NULL;
  gsize length;
  BakenWindow *window;

  content_test_make_bundle (usb20, 20, FALSE);
  content_test_make_bundle (usb21, 21, TRUE);
  content_test_sync_from (sync, usb20, 20);
  content_test_sync_from (sync, usb21, 21);
  g_assert_finalize_object (g_steal_pointer (&sync));

  g_assert_true (g_file_set_contents (pointer, "\x01\x02 not a pointer", -1, NULL));
  g_assert_true (g_file_get_contents (state, &data, &length, NULL));
  g_assert_true (g_file_set_contents (state, data, 100, NULL));

  sync = new_sync (config, "damaged");
  content = baken_kiosk_content_new (config, sync);
  baken_kiosk_content_wait (content);
  assert_warnings (0, "*");
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_SYNC);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 21);
  g_assert_true (g_file_test (old_bundle, G_FILE_TEST_IS_DIR));

  window = content_test_window_new (config, content, 1.0);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), CONTENT_TEST_NEW_TITLE));
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), PREPARING_TITLE));
  ui_test_window_destroy (window);
}

/* Old content: a small mark with an accessible name for staff, no text for residents. */
static void
test_stale_notice (void)
{
  g_autofree char *text = content_test_config_text ("max-age = 1h\n");
  g_autoptr(BakenConfig) config = ui_test_config_new (text);
  g_autoptr(BakenSync) sync = new_sync (config, "stale");
  g_autoptr(BakenKioskContent) content = NULL;
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "usb-30", NULL);
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  BakenWindow *window;

  content_test_make_bundle (usb, 30, FALSE);
  content_test_sync_from (sync, usb, 30);
  g_clear_object (&sync);
  /* The store reads the staleness when it opens: created a day ago, max-age an hour. */
  sync = new_sync (config, "stale");
  g_assert_cmpuint (baken_sync_get_stale (sync), ==, BAKEN_STALE_OLD);

  content = baken_kiosk_content_new (config, sync);
  window = content_test_window_new (config, content, 1.0);
  marks = ui_test_find_by_css_class (GTK_WIDGET (window), "stale-mark");
  g_assert_cmpuint (marks->len, ==, 1);
  g_assert_cmpint (gtk_accessible_get_accessible_role (g_ptr_array_index (marks, 0)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (marks, 0)), <=, 48);
  /* Residents read nothing about it. */
  labels = ui_test_collect_labels (GTK_WIDGET (window));
  for (guint i = 0; i < labels->len; i++)
    g_assert_null (strstr (g_ptr_array_index (labels, i), "bijgewerkt"));
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), CONTENT_TEST_OLD_TITLE));
  ui_test_window_destroy (window);
}

/* An installed bundle that expired before the kiosk starts. It was installed when it was
 * valid (the sync's clock is passed in); the kiosk's clock is now ten days after its
 * expiry and twenty after its created time, so this is real expiry, not a clock running
 * behind. Today the kiosk keeps showing it (never dark between residents) and staff see
 * the stale notice; as new content, the same bundle is refused. */
static void
test_expired_at_start (void)
{
  g_autofree char *text = content_test_config_text (NULL);
  g_autoptr(BakenConfig) config = ui_test_config_new (text);
  g_autoptr(BakenSync) sync = new_sync (config, "expired");
  g_autoptr(BakenSync) fresh = new_sync (config, "expired-fresh");
  g_autoptr(BakenKioskContent) content = NULL;
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "usb-60", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = g_date_time_add_days (now, -30);
  g_autoptr(GDateTime) expires = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -20);
  g_autoptr(GPtrArray) marks = NULL;
  BakenWindow *window;

  content_test_make_bundle_at (usb, 60, FALSE, created, expires);
  outcome = baken_sync_run (sync, usb, g_date_time_to_unix (then), NULL, &error);
  g_assert_no_error (error);
  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_clear_pointer (&outcome, baken_sync_outcome_free);

  /* Offered today, the bundle is refused: it has expired. */
  outcome = baken_sync_run (fresh, usb, g_date_time_to_unix (now), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_REFUSED);
  g_assert_error (outcome->error, BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_VERIFY);
  g_assert_nonnull (strstr (outcome->error->message, "expired"));

  /* The kiosk starts today on the installed one. */
  g_clear_object (&sync);
  sync = new_sync (config, "expired");
  g_assert_cmpuint (baken_sync_get_stale (sync) & BAKEN_STALE_EXPIRED, !=, 0);
  content = baken_kiosk_content_new (config, sync);
  baken_kiosk_content_wait (content);
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_SYNC);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 60);

  window = content_test_window_new (config, content, 1.0);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), CONTENT_TEST_OLD_TITLE));
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), PREPARING_TITLE));
  marks = ui_test_find_by_css_class (GTK_WIDGET (window), "stale-mark");
  g_assert_cmpuint (marks->len, ==, 1);
  ui_test_window_destroy (window);
  assert_warnings (0, "*");
}

static int
run_baken (char **out,
           char **err,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("BAKEN_EXE"));
  g_assert_nonnull (argv->pdata[0]);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_test_message ("baken: %s%s", *out, *err);

  return g_subprocess_get_exit_status (process);
}

/* baken --sync-now needs a running kiosk; baken --sync-from works alone as well. */
static void
test_command_line (void)
{
  g_autofree char *text = content_test_config_text (NULL);
  g_autofree char *conf = g_build_filename (g_get_user_config_dir (), "sync-kiosk.conf", NULL);
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "usb-40", NULL);
  g_autofree char *state_dir = content_test_state_dir ("command-line");
  g_autofree char *demo_state_dir = content_test_state_dir ("command-line-demo");
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenSync) sync = NULL;
  g_autoptr(BakenKioskContent) content = NULL;
  char *out = NULL, *err = NULL;

  /* The tests have no session bus: no kiosk to ask. */
  g_assert_cmpint (run_baken (&out, &err, "--sync-now", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no kiosk is running"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  content_test_make_bundle (usb, 40, FALSE);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (conf, text, -1, NULL));
  g_assert_cmpint (run_baken (&out, &err, "--config", conf, "--state-dir", state_dir,
                              "--sync-from", usb, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "installed bundle 40"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_baken (&out, &err, "--config", conf, "--state-dir", state_dir,
                              "--sync-from", usb, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "already installed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Without our key in the config, the same bundle is refused: exit status 2. */
  g_assert_cmpint (run_baken (&out, &err, "--state-dir", demo_state_dir,
                              "--sync-from", usb, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "refused"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The kiosk starts on it. */
  config = ui_test_config_new (text);
  sync = new_sync (config, "command-line");
  content = baken_kiosk_content_new (config, sync);
  baken_kiosk_content_wait (content);
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_SYNC);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 40);
}

/* After a key rotation the kiosk checks its content with the content keys of the root
 * keys document in force, not with [sync] public-keys (which the rotation revoked): the
 * first bundle of the new key is shown. */
static void
test_rotated_key_shown (void)
{
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "usb-rotated", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenSync) sync = NULL;
  g_autoptr(BakenKioskContent) content = NULL;
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  PublishSpec spec = { .serial = 1, .key = TEST_KEY_CONTENT_2, .root_version = 1 };

  sync_test_init ();
  a = test_key_base64 (TEST_KEY_ROOT_A);
  b = test_key_base64 (TEST_KEY_ROOT_B);
  c = test_key_base64 (TEST_KEY_ROOT_C);
  text = g_strdup_printf ("[sync]\npublic-keys = %s\nroot-keys = %s;%s;%s\n"
                          "root-threshold = 2\n", test_public_key_base64 (), a, b, c);
  config = ui_test_config_new (text);
  sync = new_sync (config, "rotated");

  publish_root (usb, "keys.json", 1, (int[]) { TEST_KEY_ROOT_A, TEST_KEY_ROOT_B,
                                               TEST_KEY_ROOT_C, -1 }, 2,
                (int[]) { TEST_KEY_CONTENT_2, -1 }, (int[]) { TEST_KEY_ROOT_A, TEST_KEY_ROOT_C, -1 });
  publish (usb, &spec);
  outcome = baken_sync_run (sync, usb, test_now (), NULL, &error);
  g_assert_no_error (error);
  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpuint (baken_sync_get_root_version (sync), ==, 1);

  content = baken_kiosk_content_new (config, sync);
  baken_kiosk_content_wait (content);
  assert_warnings (0, "");
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_SYNC);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 1);
  sync_test_cleanup ();
}

static gboolean
update_pending (gpointer data)
{
  return baken_kiosk_content_get_update_pending (data);
}

/* Queries of the shown bundle cut off by their time budget (a damaged or hostile DB):
 * after a few, as after failed opens, the previous verified bundle comes back at the
 * next idle reset, and the sync log says why. */
static void
test_cut_off_falls_back (void)
{
  g_autofree char *usb20 = g_build_filename (g_get_user_cache_dir (), "usb-cut-20", NULL);
  g_autofree char *usb21 = g_build_filename (g_get_user_cache_dir (), "usb-cut-21", NULL);
  g_autofree char *state_dir = content_test_state_dir ("cut-off");
  g_autofree char *state_path = g_build_filename (state_dir, "state.sqlite", NULL);
  g_autofree char *text = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenSync) sync = NULL;
  g_autoptr(BakenKioskContent) content = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  PublishSpec big = { .serial = 21, .kind = PUBLISH_BIG };
  BakenSyncLogEntry *entry;
  BakenCatalog *catalog;

  sync_test_init ();
  text = g_strdup_printf ("[sync]\npublic-keys = %s\n", test_public_key_base64 ());
  config = ui_test_config_new (text);
  sync = new_sync (config, "cut-off");
  publish_good (usb20, 20);
  publish (usb21, &big);
  for (guint64 serial = 20; serial <= 21; serial++)
    {
      g_autoptr(BakenSyncOutcome) outcome = NULL;

      outcome = baken_sync_run (sync, serial == 20 ? usb20 : usb21, test_now (), NULL, &error);
      g_assert_no_error (error);
      g_assert_no_error (outcome->error);
      g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
    }

  content = baken_kiosk_content_new (config, sync);
  baken_kiosk_content_wait (content);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 21);
  baken_kiosk_content_shown (content);

  /* A page asks for the services of le-inkomen: too slow for a budget of 1 ms. */
  catalog = baken_kiosk_content_get_catalog (content);
  baken_catalog_set_query_budget (catalog, 1);
  for (guint i = 0; i < BAKEN_SYNC_MAX_OPEN_FAILURES; i++)
    {
      g_autoptr(GPtrArray) services = NULL;

      g_assert_false (baken_kiosk_content_get_update_pending (content));
      services = baken_catalog_get_services_for_event (catalog, "le-inkomen", "nl",
                                                       BAKEN_AUDIENCE_PUBLIC, &error);
      g_assert_null (services);
      g_assert_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY);
      g_clear_error (&error);
    }

  /* Bundle 20, verified, waits for the idle reset. */
  g_assert_true (ui_test_wait (update_pending, content, 20000));
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 21);
  g_assert_true (baken_kiosk_content_apply_update (content));
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 20);
  assert_warnings (0, "");

  state = baken_state_open (state_path, &error);
  g_assert_no_error (error);
  log = baken_state_get_sync_log (state, 1, &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (log, 0);
  g_assert_cmpint (entry->result, ==, BAKEN_SYNC_RESULT_FALLBACK);
  g_assert_nonnull (strstr (entry->reason, "cut off by its time budget"));
  sync_test_cleanup ();
}

int
main (int   argc,
      char *argv[])
{
  content_warnings = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (log_writer, NULL, NULL);
  ui_test_init (&argc, &argv);
  content_test_init ();

  g_test_add_func ("/ui/content/demo-verified", test_demo_verified);
  g_test_add_func ("/ui/content/keys-refuse-demo", test_keys_refuse_demo);
  g_test_add_func ("/ui/content/path-bundle", test_path_bundle);
  g_test_add_func ("/ui/content/update-waits-for-reset", test_update_waits_for_reset);
  g_test_add_func ("/ui/content/broken-current-falls-back", test_broken_current_falls_back);
  g_test_add_func ("/ui/content/damaged-state-folder-heals", test_damaged_state_folder_heals);
  g_test_add_func ("/ui/content/stale-notice", test_stale_notice);
  g_test_add_func ("/ui/content/expired-at-start", test_expired_at_start);
  g_test_add_func ("/ui/content/command-line", test_command_line);
  g_test_add_func ("/ui/content/rotated-key-shown", test_rotated_key_shown);
  g_test_add_func ("/ui/content/cut-off-falls-back", test_cut_off_falls_back);

  return g_test_run ();
}
