/* test-kiosk.c: locked down with --kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real key events go to the real X window through xdotool (XTEST), so they pass
 * through the same path as a keyboard plugged into a kiosk.
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gdk/x11/gdkx.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "baken-app-link.h"
#include "baken-application.h"
#include "test-util.h"
#include "ui-test-util.h"

#include "baken-content-build.h"
#include "baken-search-page.h"

typedef struct
{
  guint plain;      /* key presses that reached the window's bubble phase */
  guint shortcuts;  /* of those, with Ctrl, Alt or Super, or F-keys, or Escape */
} KeyCount;

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                KeyCount              *count)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) ||
      (keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35) || keyval == GDK_KEY_Escape)
    count->shortcuts++;
  else
    count->plain++;

  return GDK_EVENT_PROPAGATE;
}

static gboolean
is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (data);
}

static gboolean
covers_screen (gpointer data)
{
  return gtk_widget_get_width (data) == 1920 && gtk_widget_get_height (data) == 1920;
}

static guint
count_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (toplevel))
        n++;
    }

  return n;
}

static void
test_locked_down (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GSettings) debug = NULL;
  g_autoptr(BakenWindow) window = NULL;
  GtkEventController *controller;
  KeyCount count = { 0, 0 };
  gboolean refused = FALSE;
  GdkCursor *cursor;

  /* Make the inspector's key binding live, as a careless image might: only the kiosk's
   * own lock-down stands between Ctrl+Shift+I and the inspector then. */
  debug = g_settings_new ("org.gtk.gtk4.Settings.Debug");
  g_settings_set_boolean (debug, "enable-inspector-keybinding", TRUE);
  g_settings_set_boolean (debug, "inspector-warning", FALSE);

  window = g_object_ref_sink (ui_test_window_new (config, TRUE, 1.0, 0, 0));

  g_assert_true (baken_window_get_kiosk (window));
  g_assert_false (gtk_window_get_decorated (GTK_WINDOW (window)));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));
  g_assert_true (ui_test_wait (is_fullscreen, window, 5000));
  cursor = gtk_widget_get_cursor (GTK_WIDGET (window));
  g_assert_nonnull (cursor);
  g_assert_cmpstr (gdk_cursor_get_name (cursor), ==, "none");

  /* Fullscreen on the 1920×1920 test screen. */
  ui_test_wait (covers_screen, window, 3000);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 1920);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, 1920);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), &count);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  /* Plain keys get through: the keys below would reach the window too. */
  ui_test_send_keys (window, "a", "Tab", NULL);
  g_assert_cmpuint (count.plain, >=, 2);

  ui_test_send_keys (window, "alt+F4", "ctrl+q", "ctrl+w", "ctrl+shift+i", "ctrl+shift+d", "F10",
           "Escape", "F11", "super+q", NULL);

  g_assert_cmpuint (count.shortcuts, ==, 0);
  g_assert_cmpuint (count_toplevels (), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));

  /* Whatever asks the window to close (a window manager, Alt+F4 in a desktop
   * session) is refused. */
  g_signal_emit_by_name (window, "close-request", &refused);
  g_assert_true (refused);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_run (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (count_toplevels (), ==, 1);

  /* Development steps are refused. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (baken_window_open (window, "idle:prompt", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_run (50);
}

/* A keyboard plugged into the kiosk types into search through the kiosk's key filter;
 * the filter still stops every shortcut, and a shortcut types nothing. */
static void
test_kiosk_typing (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(BakenWindow) window = NULL;
  BakenSearchPage *page;

  window = g_object_ref_sink (ui_test_window_new (config, TRUE, 1.0, 0, 0));
  g_assert_true (ui_test_wait (is_fullscreen, window, 5000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.search", NULL));
  ui_test_settle (window);
  page = BAKEN_SEARCH_PAGE (ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_SEARCH_PAGE));
  g_assert_nonnull (page);

  ui_test_send_keys (window, "1", "1", "2", NULL);
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "112");

  ui_test_send_keys (window, "alt+F4", "ctrl+a", "ctrl+alt+BackSpace", "F10", "super+q", "Escape",
           NULL);
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "112");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));

  ui_test_send_keys (window, "BackSpace", "space", "shift+a", "b", NULL);
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "11 Ab");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_run (50);
}

/* Without --kiosk the same keys do open the inspector (with the key binding enabled):
 * the check above can tell. In a subprocess, as the inspector stays once open. */
static void
test_windowed_inspector (void)
{
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(GSettings) debug = NULL;
  BakenWindow *window;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  /* The inspector cannot load some of its icons under the test's isolated dirs and
   * warns; that is not what this test is about. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  config = ui_test_config_new (NULL);
  debug = g_settings_new ("org.gtk.gtk4.Settings.Debug");
  g_settings_set_boolean (debug, "enable-inspector-keybinding", TRUE);
  g_settings_set_boolean (debug, "inspector-warning", FALSE);

  window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_cmpuint (count_toplevels (), ==, 1);

  ui_test_send_keys (window, "ctrl+shift+i", NULL);
  g_assert_cmpuint (count_toplevels (), >, 1);

  /* The inspector cannot be closed for good and keeps GTK's caches alive; end the
   * child here, without exit handlers (LeakSanitizer's among them). */
  _exit (0);
}

/* BAKEN_IDLE_SCALE speeds up the idle reset of a development window, and is ignored
 * with --kiosk. The real application parses the command line and the environment; a
 * resident's page (search) is left alone for a while. */
typedef struct
{
  gboolean     kiosk;
  BakenWindow *window;     /* (unowned) */
  gint64       left_at;    /* monotonic µs the page was opened */
  gint64       prompt_at;  /* when the idle prompt showed, 0: not yet */
  double       idle_scale;
} IdleRun;

/* 90 s × 0.01: the prompt of a development window is due after 0.9 s. */
#define IDLE_SCALE_TEXT "0.01"
/* How long the kiosk is watched: several times that, far below the real 90 s. */
#define IDLE_WATCH_US (6 * G_USEC_PER_SEC)

static gboolean
idle_run_tick_cb (gpointer data)
{
  GApplication *application = data;
  IdleRun *run = g_object_get_data (G_OBJECT (application), "idle-run");
  GtkWindow *active = baken_app_link_get_window (application);
  gint64 now = g_get_monotonic_time ();

  if (run->window == NULL)
    {
      if (active == NULL || !gtk_widget_get_mapped (GTK_WIDGET (active)))
        return G_SOURCE_CONTINUE;
      run->window = BAKEN_WINDOW (active);
      g_assert_cmpint (baken_window_get_kiosk (run->window), ==, run->kiosk);
      /* As a tap on Search does (the --open steps are refused in kiosk mode). */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (run->window), "kiosk.search",
                                                 NULL));
      run->left_at = now;
      return G_SOURCE_CONTINUE;
    }

  if (run->prompt_at == 0 && baken_window_get_idle_prompt_visible (run->window))
    run->prompt_at = now;

  if (run->prompt_at != 0 || now - run->left_at > IDLE_WATCH_US)
    {
      g_object_get (run->window, "idle-scale", &run->idle_scale, NULL);
      gtk_window_destroy (GTK_WINDOW (run->window));
      g_application_quit (application);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
test_idle_scale (gconstpointer data)
{
  gboolean kiosk = GPOINTER_TO_INT (data);
  g_autoptr(BakenApplication) application = NULL;
  const char *argv[] = { "baken", kiosk ? "--kiosk" : NULL, NULL };
  IdleRun run = { kiosk, NULL, 0, 0, 0 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("BAKEN_IDLE_SCALE", IDLE_SCALE_TEXT, TRUE);
  g_setenv ("BAKEN_NON_UNIQUE", "1", TRUE);
  application = baken_application_new (g_get_monotonic_time ());
  g_object_set_data (G_OBJECT (application), "idle-run", &run);
  g_timeout_add (50, idle_run_tick_cb, application);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), kiosk ? 2 : 1,
                                      (char **) argv), ==, 0);

  g_assert_nonnull (run.window);
  if (kiosk)
    {
      /* The real idle timeout: no prompt in several times the scaled one. */
      g_assert_cmpfloat (run.idle_scale, ==, 1.0);
      g_assert_cmpint (run.prompt_at, ==, 0);
    }
  else
    {
      g_assert_cmpfloat (run.idle_scale, ==, 0.01);
      g_assert_cmpint (run.prompt_at, !=, 0);
    }
}

/* The next message on the notify socket within timeout_ms, or NULL. */
static char *
next_notification (GSocket *socket,
                   guint    timeout_ms)
{
  char buffer[256];
  gssize got;

  g_socket_set_timeout (socket, 0);
  if (g_socket_condition_timed_wait (socket, G_IO_IN, (gint64) timeout_ms * 1000, NULL,
                                     NULL))
    {
      got = g_socket_receive (socket, buffer, sizeof buffer - 1, NULL, NULL);
      if (got > 0)
        return g_strndup (buffer, (gsize) got);
    }

  return NULL;
}

/* Under systemd (Type=notify, WatchdogSec): the real baken says READY=1 when its window
 * is up and pings the watchdog from its main loop; a frozen process pings no more, so
 * the service manager restarts it. */
static void
test_service_manager (void)
{
  const char *exe = g_getenv ("BAKEN_EXE");
  g_autofree char *dir = g_dir_make_tmp ("baken-notify-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notify", NULL);
  /* The socket in a short path of its own (sun_path holds 108 bytes); the kiosk's state
   * in the test's private state folder. */
  g_autofree char *state = g_build_filename (g_get_user_state_dir (), "service-manager", NULL);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) baken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;
  guint pings = 0;
  pid_t pid;

  g_assert_nonnull (exe);
  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "NOTIFY_SOCKET", path, TRUE);
  g_subprocess_launcher_setenv (launcher, "WATCHDOG_USEC", "400000", TRUE);
  g_subprocess_launcher_setenv (launcher, "BAKEN_NON_UNIQUE", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "", TRUE);
  baken = g_subprocess_launcher_spawn (launcher, &error, exe, "--kiosk", "--state-dir", state,
                                       NULL);
  g_assert_no_error (error);
  pid = atoi (g_subprocess_get_identifier (baken));

  ready = next_notification (socket, baken_test_scale_ms (20000));
  g_assert_cmpstr (ready, ==, "READY=1");
  while (pings < 3)
    {
      g_autofree char *ping = next_notification (socket, baken_test_scale_ms (5000));

      g_assert_cmpstr (ping, ==, "WATCHDOG=1");
      pings++;
    }

  /* A kiosk that hangs stops pinging. */
  g_assert_cmpint (kill (pid, SIGSTOP), ==, 0);
  while (TRUE)
    {
      g_autofree char *queued = next_notification (socket, 100);

      if (queued == NULL)
        break;
    }
  g_assert_null (next_notification (socket, 1000));
  g_assert_cmpint (kill (pid, SIGCONT), ==, 0);
  {
    g_autofree char *again = next_notification (socket, baken_test_scale_ms (5000));

    g_assert_cmpstr (again, ==, "WATCHDOG=1");
  }

  g_subprocess_send_signal (baken, SIGTERM);
  g_subprocess_wait (baken, NULL, NULL);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The command line: errors before any window, exit status 1. */
static void
test_command_line (gconstpointer data)
{
  const char * const *args = data;
  const char *exe = g_getenv ("BAKEN_EXE");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 1; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);

  g_test_message ("stderr: %s", err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  /* args[0] is what the message must say. */
  g_assert_nonnull (strstr (err, args[0]));
}

/* A language is offered only when the content speaks it ([kiosk] language-coverage):
 * the test content has some English and no Polish, the demo all six. */
static void
test_languages_offered (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *dir = g_dir_make_tmp ("baken-langs-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "content.sqlite", NULL);
  g_autoptr(BakenConfig) few = ui_test_config_new ("[kiosk]\nlanguages = nl;en;pl\n"
                                                   "language-coverage = 10\n");
  g_autoptr(BakenConfig) all = ui_test_config_new ("[kiosk]\nlanguages = nl;en;ar;tr;pl;uk\n");
  g_autoptr(BakenCatalog) catalog = NULL;
  g_autoptr(BakenContext) context = NULL;
  g_autoptr(BakenContext) demo = NULL;
  g_autoptr(GError) error = NULL;
  BakenBuildOptions options = { .serial = 1 };
  const char * const *offered;

  baken_content_build (src, db, &options, NULL, &error);
  g_assert_no_error (error);
  catalog = baken_catalog_new_for_path (db, &error);
  g_assert_no_error (error);
  context = baken_context_new (few, catalog);
  offered = baken_context_get_languages (context);
  g_assert_cmpuint (g_strv_length ((char **) offered), ==, 2);
  g_assert_cmpstr (offered[0], ==, "nl");
  g_assert_cmpstr (offered[1], ==, "en");

  demo = baken_context_load (all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) baken_context_get_languages (demo)), ==, 6);

  g_unlink (db);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const open_in_kiosk[] = {
    "not available with --kiosk", "--kiosk", "--open", "event:le-geld", NULL
  };
  static const char * const missing_config[] = {
    "baken: ", "--config", "/nonexistent/kiosk.conf", NULL
  };
  static const char * const bad_size[] = {
    "WIDTHxHEIGHT", "--size", "big", NULL
  };

  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/ui/kiosk/command-line/open-in-kiosk", open_in_kiosk,
                        test_command_line);
  g_test_add_data_func ("/ui/kiosk/command-line/missing-config", missing_config,
                        test_command_line);
  g_test_add_data_func ("/ui/kiosk/command-line/bad-size", bad_size, test_command_line);
  g_test_add_func ("/ui/kiosk/languages-offered", test_languages_offered);
  g_test_add_func ("/ui/kiosk/locked-down", test_locked_down);
  g_test_add_func ("/ui/kiosk/typing", test_kiosk_typing);
  g_test_add_func ("/ui/kiosk/service-manager", test_service_manager);
  g_test_add_func ("/ui/kiosk/windowed-inspector", test_windowed_inspector);
  g_test_add_data_func ("/ui/kiosk/idle-scale/windowed", GINT_TO_POINTER (FALSE),
                        test_idle_scale);
  g_test_add_data_func ("/ui/kiosk/idle-scale/kiosk-ignores", GINT_TO_POINTER (TRUE),
                        test_idle_scale);

  return g_test_run ();
}
