/* test-sync-kiosk.c: the "done when" of the sync: a kiosk with a config that points at a
 * local web server and a schedule of one minute picks up a newly published serial by
 * itself and shows it after the next idle reset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Slow on purpose: the scheduler's real timer (at most a minute between two syncs).
 */
#include "config.h"

#include "baken-app-link.h"
#include "baken-application.h"
#include "baken-kiosk-content.h"
#include "baken-state.h"
#include "content-test-util.h"
#include "sync-test-util.h"
#include "test-util.h"

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
  sync = baken_sync_new (&config->sync, state_dir, &error);
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

/* baken --sync-now and --sync-from DIR reach the running kiosk as the application's
 * actions "sync-now" and "sync-from". Sent while a sync trickles in, a second sync-now
 * is no second sync, and the folder waits for the running sync to end and is then
 * installed. */
typedef struct
{
  char   *usb;
  guint   step;
  gint64  step_at;
} BusyRun;

static gboolean
busy_run_tick_cb (gpointer data)
{
  GApplication *application = data;
  BusyRun *run = g_object_get_data (G_OBJECT (application), "busy-run");
  GtkWindow *window = baken_app_link_get_window (application);
  gint64 now = g_get_monotonic_time ();

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  switch (run->step)
    {
    case 0:
      /* The content file trickles: this sync stays busy until its 4 s deadline. */
      g_action_group_activate_action (G_ACTION_GROUP (application), "sync-now", NULL);
      break;
    case 1:
      if (now - run->step_at < G_USEC_PER_SEC)
        return G_SOURCE_CONTINUE;
      g_action_group_activate_action (G_ACTION_GROUP (application), "sync-now", NULL);
      g_action_group_activate_action (G_ACTION_GROUP (application), "sync-from",
                                      g_variant_new_string (run->usb));
      break;
    default:
      /* Watched for at most a minute: the folder's bundle shows without a restart. */
      if (!ui_test_has_label (GTK_WIDGET (window), CONTENT_TEST_NEW_TITLE) &&
          now - run->step_at < baken_test_scale_us (60 * G_USEC_PER_SEC))
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.home", NULL);
          return G_SOURCE_CONTINUE;
        }
      gtk_window_destroy (window);
      g_application_quit (application);
      return G_SOURCE_REMOVE;
    }

  run->step++;
  run->step_at = now;
  return G_SOURCE_CONTINUE;
}

static void
test_commands_while_busy (void)
{
  g_autofree char *pub = g_build_filename (g_get_user_cache_dir (), "busy-pub", NULL);
  g_autofree char *state_dir = g_build_filename (g_get_user_cache_dir (), "busy-state", NULL);
  g_autofree char *conf = g_build_filename (g_get_user_cache_dir (), "busy.conf", NULL);
  g_autofree char *url = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BakenApplication) application = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_path = NULL;
  BusyRun run = { NULL, 0, 0 };
  const char *argv[] = { "baken", "--config", conf, "--state-dir", state_dir, NULL };
  guint n_failed = 0, n_installed = 0, first_installed = G_MAXUINT, last_failed = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, baken_test_scale_us (120 * G_USEC_PER_SEC),
                              G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  server_start ();
  g_assert_cmpint (g_mkdir_with_parents (pub, 0755), ==, 0);
  content_test_make_bundle (pub, 60, FALSE);
  server_control (pub, "trickle", ".sqlite", NULL);
  run.usb = g_build_filename (g_get_user_cache_dir (), "busy-usb", NULL);
  content_test_make_bundle (run.usb, 61, TRUE);

  url = server_url ("manifest.json");
  extra = g_strdup_printf ("url = %s\nschedule = 24h\ntimeout = 4s\nstall-timeout = 3s\n", url);
  text = content_test_config_text (extra);
  g_assert_true (g_file_set_contents (conf, text, -1, NULL));

  g_setenv ("BAKEN_NON_UNIQUE", "1", TRUE);
  application = baken_application_new (g_get_monotonic_time ());
  g_object_set_data (G_OBJECT (application), "busy-run", &run);
  g_timeout_add (100, busy_run_tick_cb, application);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 5, (char **) argv), ==, 0);
  g_assert_cmpuint (run.step, >=, 2);
  g_clear_object (&application);
  server_stop ();

  /* The log, newest first: the folder was installed after the URL sync ended. */
  state_path = g_build_filename (state_dir, "state.sqlite", NULL);
  state = baken_state_open (state_path, &error);
  g_assert_no_error (error);
  log = baken_state_get_sync_log (state, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      BakenSyncLogEntry *entry = g_ptr_array_index (log, i);

      g_test_message ("log %u: %s %" G_GUINT64_FORMAT " %s", i,
                      baken_sync_result_to_string (entry->result), entry->serial,
                      entry->source);
      if (entry->result == BAKEN_SYNC_RESULT_INSTALLED && entry->serial == 61)
        {
          n_installed++;
          first_installed = MIN (first_installed, i);
        }
      if (entry->result == BAKEN_SYNC_RESULT_FAILED)
        {
          n_failed++;
          last_failed = MAX (last_failed, i);
        }
    }
  g_assert_cmpuint (n_installed, ==, 1);
  /* One trickling sync, not two: the second sync-now came while it was busy. */
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_cmpuint (first_installed, <, last_failed);
  g_free (run.usb);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  content_test_init ();

  g_test_add_func ("/ui/sync-kiosk/scheduler-shows-new-serial",
                   test_scheduler_shows_new_serial);
  g_test_add_func ("/ui/sync-kiosk/commands-while-busy", test_commands_while_busy);

  return g_test_run ();
}
