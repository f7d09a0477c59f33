/* test-monitor-kiosk.c: the kiosk's counts after a scripted visit, and nothing typed
 * into search on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real window under Xvfb with a monitor on its own state DB: a resident opens a life
 * event, a situation and a service, answers "Heeft dit u geholpen?" and "Klopt er
 * iets niet?", switches on larger text, high contrast and English, types a name, a
 * phone number and a plain word into search with real key presses, and walks away.
 * After the idle reset the state DB holds exactly those counts; the name and the
 * number are in no file of the state, cache and runtime folders or of /tmp.
 */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "baken-feedback.h"
#include "baken-search-page.h"
#include "baken-state-counts.h"
#include "test-util.h"
#include "ui-test-util.h"

static guint64
count_of (GPtrArray      *rows,
          BakenCountKind  kind,
          const char     *key,
          const char     *detail)
{
  for (guint i = 0; i < rows->len; i++)
    {
      BakenCountRow *row = g_ptr_array_index (rows, i);

      if (row->kind == kind && g_strcmp0 (row->key, key != NULL ? key : "") == 0 &&
          g_strcmp0 (row->detail, detail != NULL ? detail : "") == 0)
        return row->n;
    }
  return 0;
}

static guint
n_of_kind (GPtrArray      *rows,
           BakenCountKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += ((BakenCountRow *) g_ptr_array_index (rows, i))->kind == kind;
  return n;
}

/* Whether a regular file under dir changed since since holds needle (any case). */
static gboolean
tree_contains (const char *dir,
               const char *needle,
               gint64      since)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      GStatBuf st;
      gsize length = 0;

      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          if (tree_contains (path, needle, since))
            return TRUE;
          continue;
        }
      if (!S_ISREG (st.st_mode) || st.st_mtime < since || st.st_size > 64 * 1024 * 1024 ||
          !g_file_get_contents (path, &contents, &length, NULL))
        continue;
      for (gsize i = 0; i < length; i++)
        contents[i] = g_ascii_tolower (contents[i]);
      if (memmem (contents, length, needle, strlen (needle)) != NULL)
        {
          g_test_message ("%s holds \"%s\"", path, needle);
          return TRUE;
        }
    }
  return FALSE;
}

static BakenFeedback *
feedback (BakenWindow       *window,
          guint              nth)
{
  g_autoptr(GPtrArray) all = ui_test_find_all (GTK_WIDGET (window), BAKEN_TYPE_FEEDBACK);

  g_assert_cmpuint (all->len, >, nth);
  return g_ptr_array_index (all, nth);
}

/* Real key presses, one per character of text. */
static void
type_keys (BakenWindow *window,
           const char  *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      ui_test_send_keys (window, key, NULL);
    }
  ui_test_settle (window);
}

static gboolean
at_home (gpointer data)
{
  g_autofree char *location = baken_window_dup_location (data);

  return g_strcmp0 (location, "home") == 0;
}

static void
search_for (BakenWindow *window,
            const char  *text)
{
  BakenSearchPage *page;

  ui_test_activate_to (window, "kiosk.search", NULL, "search");
  page = BAKEN_SEARCH_PAGE (ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_SEARCH_PAGE));
  type_keys (window, text);
  g_assert_cmpstr (baken_search_page_get_text (page), ==, text);
  ui_test_activate_to (window, "kiosk.home", NULL, "home");
}

static void
test_visit (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nname=Bieb\nlanguages=nl;en\n"
                                                      "[monitor]\nkiosk-id=bieb-1\n");
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);
  g_autofree char *state_path = g_build_filename (dir, "state.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenContext) context = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(BakenMonitor) monitor = NULL;
  g_autoptr(GDateTime) monday = g_date_time_new (baken_local_timezone (), 2026, 12, 7, 10, 20, 0);
  g_autoptr(GPtrArray) rows = NULL;
  /* Made for this run: no other file (a copy of this test, a build of it beside it in
   * /tmp) can hold them by chance. */
  g_autofree char *name = g_strdup_printf ("Pietersma%c%c%c", 'a' + g_random_int_range (0, 26),
                                           'a' + g_random_int_range (0, 26),
                                           'a' + g_random_int_range (0, 26));
  g_autofree char *phone = g_strdup_printf ("06%08d", g_random_int_range (0, 100000000));
  g_autofree char *name_lower = g_ascii_strdown (name, -1);
  const char *typed[] = { name_lower, phone };
  gint64 began = g_get_real_time () / G_USEC_PER_SEC - 1;
  BakenWindow *window;

  g_mkdir_with_parents (dir, 0700);
  state = baken_state_open (state_path, &error);
  g_assert_no_error (error);
  context = baken_context_load (config, &error);
  g_assert_no_error (error);
  baken_clock_set_fixed (baken_context_get_clock (context), monday);
  baken_context_set_state (context, state);
  monitor = baken_monitor_new (&config->monitor, &config->sync, dir,
                               baken_context_get_languages (context),
                               baken_context_get_clock (context));
  baken_context_set_monitor (context, monitor);
  baken_monitor_start (monitor);
  /* Idle: 9 s, then 2 s of "Bent u er nog?". */
  window = ui_test_window_new_for_context (context, 0.1, 1080, 1920);

  ui_test_activate_to (window, "kiosk.open-event", "le-geld", "event:le-geld");
  ui_test_activate_to (window, "kiosk.open-event", "le-geld-rekeningen",
                       "services:le-geld-rekeningen");
  ui_test_activate_to (window, "kiosk.open-service", "svc-schuldhulp", "service:svc-schuldhulp");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (feedback (window, 0)),
                                             "feedback.helped", "s", "yes"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (feedback (window, 1)),
                                             "feedback.open-reasons", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (feedback (window, 1)),
                                             "feedback.wrong", "s", "hours"));
  /* One tap each: a second one is not counted. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (feedback (window, 0)),
                                             "feedback.helped", "s", "no"));
  ui_test_settle (window);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), "Dank u wel!"));
  /* Back is not a new view of the page. */
  ui_test_activate_to (window, "kiosk.back", NULL, "services:le-geld-rekeningen");

  ui_test_activate (window, "a11y.text-size", g_variant_new_int32 (1));
  ui_test_activate (window, "a11y.high-contrast", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s", "en"));
  ui_test_settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s", "nl"));
  ui_test_settle (window);

  search_for (window, name);
  search_for (window, phone);
  search_for (window, "xylofoon");

  /* The resident walks away: the prompt, then the reset. */
  g_assert_true (ui_test_wait (at_home, window, 30000));
  ui_test_run (baken_test_scale_ms (14000));
  baken_monitor_flush_sync (monitor);

  rows = baken_state_get_counts (state, "2026-12-07", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_LIFE_EVENT, "le-geld", NULL), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_SITUATION, "le-geld-rekeningen", NULL), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_SERVICE, "svc-schuldhulp", NULL), ==, 1);
  g_assert_cmpuint (n_of_kind (rows, BAKEN_COUNT_SERVICE), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_HELPED, "svc-schuldhulp", "yes"), ==, 1);
  g_assert_cmpuint (n_of_kind (rows, BAKEN_COUNT_HELPED), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_WRONG, "svc-schuldhulp", "hours"), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_TEXT_SIZE, "large", NULL), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_HIGH_CONTRAST, NULL, NULL), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_LANGUAGE, "en", NULL), ==, 1);
  g_assert_cmpuint (n_of_kind (rows, BAKEN_COUNT_LANGUAGE), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_SEARCH, NULL, NULL), ==, 3);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_SEARCH_EMPTY, NULL, NULL), ==, 3);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_TERM, "xylofoon", NULL), ==, 1);
  g_assert_cmpuint (n_of_kind (rows, BAKEN_COUNT_TERM), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_VISIT, "10", NULL), ==, 1);
  g_assert_cmpuint (n_of_kind (rows, BAKEN_COUNT_VISIT), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_IDLE_RESET, NULL, NULL), ==, 1);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_RESTART, NULL, NULL), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_assert_false (tree_contains (g_get_user_state_dir (), typed[i], 0));
      g_assert_false (tree_contains (g_get_user_cache_dir (), typed[i], 0));
      g_assert_false (tree_contains (g_get_user_runtime_dir (), typed[i], 0));
      g_assert_false (tree_contains (g_get_tmp_dir (), typed[i], began));
    }

  ui_test_window_destroy (window);
}

/* Staff are not residents: nothing they do is counted, but a handover slip. */
static void
test_staff_not_counted (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenContext) context = NULL;
  g_autoptr(BakenMonitor) monitor = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = g_build_filename (dir, "state.sqlite", NULL);
  g_autofree char *today = NULL;
  BakenWindow *window;

  g_mkdir_with_parents (dir, 0700);
  context = baken_context_load (config, &error);
  g_assert_no_error (error);
  monitor = baken_monitor_new (&config->monitor, &config->sync, dir, NULL,
                               baken_context_get_clock (context));
  baken_context_set_monitor (context, monitor);
  window = ui_test_window_new_for_context (context, 1.0, 1080, 1920);
  baken_staff_session_start_unlocked (baken_context_get_staff (context));
  ui_test_activate_to (window, "kiosk.open-service", "svc-schuldhulp", "service:svc-schuldhulp");
  baken_context_record_print (context, BAKEN_PRINT_STATE_OK, TRUE);
  baken_context_record_print (context, BAKEN_PRINT_STATE_OK, FALSE);
  baken_monitor_flush_sync (monitor);

  state = baken_state_open (path, &error);
  today = baken_report_day_of (baken_clock_get_unix (baken_context_get_clock (context)));
  rows = baken_state_get_counts (state, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_of (rows, BAKEN_COUNT_SLIP, "handover", NULL), ==, 1);
  g_assert_cmpuint (rows->len, ==, 1);
  /* No feedback on a staff screen. */
  g_assert_cmpuint (ui_test_find_all (GTK_WIDGET (window), BAKEN_TYPE_FEEDBACK)->len, ==, 0);

  ui_test_window_destroy (window);
}

static gboolean
shows_text_containing (BakenWindow *window,
                       const char  *part)
{
  g_autoptr(GPtrArray) labels = ui_test_collect_labels (GTK_WIDGET (window));

  for (guint i = 0; i < labels->len; i++)
    if (strstr (g_ptr_array_index (labels, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
exported (gpointer data)
{
  return shows_text_containing (data, "op de USB-stick gezet");
}

/* The status screen: the last upload said 401, in plain words and the server's; the
 * reports go onto the stick (here a folder) in KIOSK-ID/. */
static void
test_status_screen (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new ("[monitor]\nkiosk-id=bieb-2\n"
                                                      "upload-url=http://127.0.0.1:9/r\n"
                                                      "upload-token=t0ken\n");
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);
  g_autofree char *path = g_build_filename (dir, "state.sqlite", NULL);
  g_autofree char *stick = g_build_filename (g_get_user_cache_dir (), "stick", NULL);
  g_autofree char *today = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenContext) context = NULL;
  g_autoptr(BakenMonitor) monitor = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  GtkWidget *export = NULL;
  BakenWindow *window;

  g_mkdir_with_parents (dir, 0700);
  g_mkdir_with_parents (stick, 0700);
  g_setenv ("BAKEN_EXPORT_TO_DIR", stick, TRUE);
  state = baken_state_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (baken_state_record_upload (state, g_get_real_time () / G_USEC_PER_SEC, FALSE,
                                            "HTTP 401 Unauthorized: the server does not accept "
                                            "the token; check [monitor] upload-token", &error));
  context = baken_context_load (config, &error);
  g_assert_no_error (error);
  baken_context_set_state (context, state);
  monitor = baken_monitor_new (&config->monitor, &config->sync, dir, NULL,
                               baken_context_get_clock (context));
  baken_context_set_monitor (context, monitor);
  window = ui_test_window_new_for_context (context, 1.0, 1080, 1920);
  baken_staff_session_start_unlocked (baken_context_get_staff (context));
  ui_test_activate_to (window, "kiosk.open-status", NULL, "status");

  g_assert_true (shows_text_containing (window, "Versturen mislukt"));
  g_assert_true (shows_text_containing (window, "HTTP 401"));
  g_assert_false (shows_text_containing (window, "t0ken"));

  buttons = ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)),
                   "Op USB-stick zetten") == 0)
      export = g_ptr_array_index (buttons, i);
  g_assert_nonnull (export);
  g_assert_true (gtk_widget_get_sensitive (export));
  g_signal_emit_by_name (export, "clicked");
  g_assert_true (ui_test_wait (exported, window, 10000));
  today = baken_report_day_of (baken_clock_get_unix (baken_context_get_clock (context)));
  file = g_strdup_printf ("%s/bieb-2/%s.json", stick, today);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  g_unsetenv ("BAKEN_EXPORT_TO_DIR");
  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/monitor/kiosk/visit", test_visit);
  g_test_add_func ("/monitor/kiosk/staff-not-counted", test_staff_not_counted);
  g_test_add_func ("/monitor/kiosk/status-screen", test_status_screen);

  return g_test_run ();
}
