/* test-sync-kiosk.c: the "done when" of the sync: a kiosk with a config that points at a
 * local web server and a schedule of one minute picks up a newly published serial by
 * itself and shows it after the next idle reset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Slow on purpose: the scheduler's real timer (at most a minute between two syncs).
 */
#include "config.h"

#include "baken-kiosk-content.h"
#include "content-test-util.h"
#include "sync-test-util.h"

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

static void
test_scheduler_shows_new_serial (void)
{
  g_autofree char *pub = g_build_filename (g_get_user_cache_dir (), "pub", NULL);
  g_autofree char *url = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *text = NULL;
  g_autofree char *state_dir = content_test_state_dir ("scheduled");
  g_autofree char *location = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenSync) sync = NULL;
  g_autoptr(BakenKioskContent) content = NULL;
  g_autoptr(GError) error = NULL;
  LabelWait wait;
  BakenWindow *window;
  gint64 start;

  server_start ();
  g_assert_cmpint (g_mkdir_with_parents (pub, 0755), ==, 0);
  server_control (pub, NULL, NULL, NULL);
  content_test_make_bundle (pub, 50, FALSE);

  url = server_url ("manifest.json");
  extra = g_strdup_printf ("url = %s\nschedule = 1m\n[idle]\ntimeout = 20\ncountdown = 5\n",
                           url);
  text = content_test_config_text (extra);
  config = ui_test_config_new (text);
  sync = baken_sync_new (config, state_dir, &error);
  g_assert_no_error (error);

  /* A new kiosk: being prepared, until its scheduler fetches bundle 50 by itself. */
  content = baken_kiosk_content_new (config, sync);
  window = content_test_window_new (config, content, 0.05);
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_NONE);
  baken_sync_start (sync);  /* as the application does with [sync] url */
  wait.window = window;
  wait.text = CONTENT_TEST_OLD_TITLE;
  g_assert_true (ui_test_wait (label_shown, &wait, 30000));
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 50);

  /* A resident is on a path when IT publishes 51. */
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.open-event", "s",
                              CONTENT_TEST_EVENT);
  content_test_make_bundle (pub, 51, TRUE);
  start = g_get_monotonic_time ();
  while (!baken_kiosk_content_get_update_pending (content) &&
         g_get_monotonic_time () - start < 150 * G_USEC_PER_SEC)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.more-time", NULL);
      ui_test_run (100);
    }
  g_test_message ("bundle 51 picked up after %" G_GINT64_FORMAT " s",
                  (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  g_assert_true (baken_kiosk_content_get_update_pending (content));
  location = baken_window_dup_location (window);
  g_assert_cmpstr (location, ==, "event:" CONTENT_TEST_EVENT);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 50);

  /* The resident leaves: the idle reset brings Home with bundle 51. */
  g_assert_true (ui_test_wait (at_home, window, 10000));
  wait.text = CONTENT_TEST_NEW_TITLE;
  g_assert_true (ui_test_wait (label_shown, &wait, 5000));
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 51);

  baken_sync_stop (sync);
  while (baken_sync_get_busy (sync))
    g_main_context_iteration (NULL, TRUE);
  ui_test_window_destroy (window);
  server_stop ();
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  content_test_init ();

  g_test_add_func ("/ui/sync-kiosk/scheduler-shows-new-serial",
                   test_scheduler_shows_new_serial);

  return g_test_run ();
}
