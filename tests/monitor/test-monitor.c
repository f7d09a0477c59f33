/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monitor's counts, the search terms it may keep, the daily reports and their
 * export: against the state DB, the demo content's search index and the system's word
 * lists (wdutch, wbritish).
 */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "baken-content-build.h"
#include "baken-count-terms.h"
#include "baken-monitor.h"
#include "baken-state-counts.h"
#include "test-util.h"

static char *
build_demo (void)
{
  g_autoptr(GError) error = NULL;
  const char *src = g_getenv ("BAKEN_DEMO_SOURCE");
  char *out = g_build_filename (g_get_user_cache_dir (), "demo.sqlite", NULL);
  BakenBuildOptions options = { .serial = 42, .created = "2025-12-01T00:00:00Z" };

  g_assert_nonnull (src);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  if (!g_file_test (out, G_FILE_TEST_EXISTS))
    baken_content_build (src, out, &options, NULL, &error);
  g_assert_no_error (error);

  return out;
}

static char *
state_dir (void)
{
  char *dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

static void
test_check (void)
{
  static const struct {
    BakenCountKind kind;
    const char *key;
    const char *detail;
    gboolean ok;
  } cases[] = {
    { BAKEN_COUNT_SERVICE, "svc-schuldhulp", NULL, TRUE },
    { BAKEN_COUNT_SERVICE, "", NULL, FALSE },
    { BAKEN_COUNT_SERVICE, "svc schuldhulp", NULL, FALSE },
    { BAKEN_COUNT_SERVICE, "-svc", NULL, FALSE },
    { BAKEN_COUNT_CHANNEL, "phone", NULL, TRUE },
    { BAKEN_COUNT_CHANNEL, "email", NULL, FALSE },
    { BAKEN_COUNT_SLIP, "handover", NULL, TRUE },
    { BAKEN_COUNT_TEXT_SIZE, "very_large", NULL, TRUE },
    { BAKEN_COUNT_LANGUAGE, "uk", NULL, TRUE },
    { BAKEN_COUNT_LANGUAGE, "Uk", NULL, FALSE },
    { BAKEN_COUNT_VISIT, "09", NULL, TRUE },
    { BAKEN_COUNT_VISIT, "24", NULL, FALSE },
    { BAKEN_COUNT_TERM, "huur betalen", NULL, TRUE },
    { BAKEN_COUNT_TERM, "kerkstraat 12", NULL, FALSE },
    { BAKEN_COUNT_TERM, "Jansen", NULL, FALSE },
    { BAKEN_COUNT_TERM, "0612345678", NULL, FALSE },
    { BAKEN_COUNT_HELPED, "svc-a", "a_little", TRUE },
    { BAKEN_COUNT_HELPED, "svc-a", "maybe", FALSE },
    { BAKEN_COUNT_WRONG, "svc-a", "gone", TRUE },
    { BAKEN_COUNT_WRONG, "svc-a", NULL, FALSE },
    { BAKEN_COUNT_READ_ALOUD, NULL, NULL, TRUE },
    { BAKEN_COUNT_READ_ALOUD, "x", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (baken_count_check (cases[i].kind, cases[i].key, cases[i].detail), ==,
                     cases[i].ok);
}

static BakenCountRow *
row_new (BakenCountKind kind,
         const char    *key,
         guint64        n)
{
  BakenCountRow *row = g_new0 (BakenCountRow, 1);

  row->kind = kind;
  row->key = g_strdup (key);
  row->n = n;
  return row;
}

/* A kind keeps no more keys a day than the report may carry; counts stop at 10^9. */
static void
test_limits (void)
{
  g_autofree char *dir = state_dir ();
  g_autofree char *path = g_build_filename (dir, "state.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenState) state = baken_state_open (path, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_count_row_free);
  g_autoptr(GPtrArray) read = NULL;
  guint terms = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *term = g_strdup_printf ("woord%c%c", 'a' + i / 26 % 26, 'a' + i % 26);

      g_ptr_array_add (rows, row_new (BAKEN_COUNT_TERM, term, 1));
    }
  g_ptr_array_add (rows, row_new (BAKEN_COUNT_SEARCH, NULL, G_GUINT64_CONSTANT (5000000000)));
  g_ptr_array_add (rows, row_new (BAKEN_COUNT_SERVICE, "bad id!", 3));
  g_assert_true (baken_state_add_counts (state, "2026-12-07", rows, &error));
  g_assert_no_error (error);
  g_assert_true (baken_state_add_counts (state, "2026-12-07", rows, &error));

  read = baken_state_get_counts (state, "2026-12-07", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < read->len; i++)
    {
      BakenCountRow *row = g_ptr_array_index (read, i);

      g_assert_cmpint (row->kind, !=, BAKEN_COUNT_SERVICE);
      if (row->kind == BAKEN_COUNT_TERM)
        {
          terms++;
          g_assert_cmpuint (row->n, ==, 2);
        }
      if (row->kind == BAKEN_COUNT_SEARCH)
        g_assert_cmpuint (row->n, ==, 1000000000);
    }
  g_assert_cmpuint (terms, ==, 200);

  g_assert_true (baken_state_prune_counts (state, "2026-12-08", &error));
  g_clear_pointer (&read, g_ptr_array_unref);
  read = baken_state_get_counts (state, "2026-12-07", &error);
  g_assert_cmpuint (read->len, ==, 0);
}

static void
test_normalize (void)
{
  static const struct { const char *text; const char *term; } cases[] = {
    { "  Huur  Betalen ", "huur betalen" },
    { "ex-partner", "ex-partner" },
    { "Lijsterbeslaan 12", NULL },
    { "06-12345678", NULL },
    { "jan@example.nl", NULL },
    { "-", NULL },
    { "", NULL },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *term = baken_count_term_normalize (cases[i].text);

      g_assert_cmpstr (term, ==, cases[i].term);
    }
}

/* Words of the word lists count only in lower case: a name there ("Jansen") does not. */
static void
test_word_lists (void)
{
  const char * const languages[] = { "nl", "en", NULL };
  g_auto(GStrv) lists = baken_count_terms_lists_for (BAKEN_COUNT_TERMS_DICT_DIR, languages);
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *asked[] = { "fiets", "bicycle", "jansen", "amsterdam", "pietersma" };

  g_assert_cmpuint (g_strv_length (lists), ==, 3);
  if (!g_file_test (lists[0], G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: install wdutch (scripts/deps.sh)", lists[0]);
  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    g_hash_table_insert (words, g_strdup (asked[i]), NULL);
  baken_count_terms_find (words, (const char * const *) lists);

  g_assert_nonnull (g_hash_table_lookup (words, "fiets"));
  g_assert_nonnull (g_hash_table_lookup (words, "bicycle"));
  g_assert_null (g_hash_table_lookup (words, "jansen"));
  g_assert_null (g_hash_table_lookup (words, "amsterdam"));
  g_assert_null (g_hash_table_lookup (words, "pietersma"));
}

/* Whether a regular file under dir changed since since (Unix seconds) holds needle
 * (lower case) in any case. Files over 64 MB (nothing Baken writes) are skipped. */
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

static JsonObject *
read_report (const char *path,
             JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static gint64
member_int (JsonObject *object,
            const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    object = json_object_get_object_member (object, parts[i]);
  return json_object_get_int_member (object, parts[n - 1]);
}

static void
validate (const char *report)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "monitor", "validate-report.py", NULL);
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "docs",
                                                   "report-schema.json", NULL);
  const char *argv[] = { "python3", script, schema, report, NULL };
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *output = NULL;

  argv[0] = python;
  g_assert_cmpint (baken_test_run_with_input (argv, NULL, TRUE, NULL, &output), ==, 0);
  g_assert_true (g_str_has_prefix (output, "ok "));
}

/* A scripted day: what is counted lands in the state DB, once the day is over in a
 * report that follows the schema; a name and a phone number typed into search are
 * nowhere on disk. */
static void
test_session (void)
{
  g_autofree char *demo = build_demo ();
  g_autofree char *dir = state_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenCatalog) catalog = baken_catalog_new_for_path (demo, &error);
  g_autoptr(GDateTime) start = g_date_time_new (baken_local_timezone (), 2026, 12, 7, 10, 15, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);
  g_autoptr(BakenClock) clock = baken_clock_new_fixed (start);
  BakenMonitorSettings settings = { .kiosk_id = (char *) "bieb-centrum-1" };
  BakenSyncSettings sync = { .keys = g_ptr_array_new (), .root_keys = g_ptr_array_new (),
                             .timeout = 60, .stall_timeout = 5 };
  const char * const languages[] = { "nl", "en", NULL };
  BakenReportStatus status = { .kiosk_name = (char *) "Bibliotheek <b>Centrum</b>",
                               .content_serial = 42, .content_source = (char *) "bundle",
                               .printer_state = (char *) "problem",
                               .printer_reason = (char *) "media-empty" };
  g_autoptr(BakenMonitor) monitor = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *report = g_build_filename (dir, "reports", "pending", "2026-12-07.json", NULL);
  const char *typed[] = { "pietersma", "0612345678", "lijsterbeslaan" };
  gint64 began = g_get_real_time () / G_USEC_PER_SEC - 1;
  JsonObject *root, *counts;

  g_assert_no_error (error);
  sync.schedule.kind = BAKEN_SYNC_SCHEDULE_WINDOW;
  sync.schedule.window_start = 3 * 3600;
  sync.schedule.window_end = 5 * 3600;
  monitor = baken_monitor_new (&settings, &sync, dir, languages, clock);
  baken_monitor_set_status (monitor, &status);
  baken_monitor_start (monitor);

  baken_monitor_count_visit (monitor);
  baken_monitor_count (monitor, BAKEN_COUNT_LIFE_EVENT, "le-geld", NULL);
  baken_monitor_count (monitor, BAKEN_COUNT_SERVICE, "svc-schuldhulp", NULL);
  baken_monitor_count (monitor, BAKEN_COUNT_SERVICE, "svc-schuldhulp", NULL);
  baken_monitor_count (monitor, BAKEN_COUNT_CHANNEL, "phone", NULL);
  baken_monitor_count (monitor, BAKEN_COUNT_SLIP, "resident", NULL);
  baken_monitor_count (monitor, BAKEN_COUNT_HELPED, "svc-schuldhulp", "a_little");
  baken_monitor_count (monitor, BAKEN_COUNT_WRONG, "svc-schuldhulp", "hours");
  baken_monitor_count (monitor, BAKEN_COUNT_LANGUAGE, "en", NULL);
  baken_monitor_count (monitor, BAKEN_COUNT_IDLE_RESET, NULL, NULL);
  baken_monitor_count_search (monitor, catalog, "schulden", TRUE);
  baken_monitor_count_search (monitor, catalog, "Pietersma", FALSE);
  baken_monitor_count_search (monitor, catalog, "0612345678", FALSE);
  baken_monitor_count_search (monitor, catalog, "Lijsterbeslaan 12", FALSE);
  baken_monitor_count_search (monitor, catalog, "Fiets Kapot", FALSE);
  baken_monitor_flush_sync (monitor);

  /* The day is not over: no report yet. Then it is. */
  g_assert_false (g_file_test (report, G_FILE_TEST_EXISTS));
  baken_clock_set_fixed (clock, next);
  baken_monitor_flush_sync (monitor);
  g_assert_true (g_file_test (report, G_FILE_TEST_IS_REGULAR));
  validate (report);

  root = read_report (report, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2026-12-07");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "kiosk"),
                                                  "id"), ==, "bieb-centrum-1");
  counts = json_object_get_object_member (root, "counts");
  g_assert_cmpint (member_int (counts, "services/svc-schuldhulp"), ==, 2);
  g_assert_cmpint (member_int (counts, "life_events/le-geld"), ==, 1);
  g_assert_cmpint (member_int (counts, "channels/phone"), ==, 1);
  g_assert_cmpint (member_int (counts, "slips/resident"), ==, 1);
  g_assert_cmpint (member_int (counts, "helped/svc-schuldhulp/a_little"), ==, 1);
  g_assert_cmpint (member_int (counts, "wrong/svc-schuldhulp/hours"), ==, 1);
  g_assert_cmpint (member_int (counts, "languages/en"), ==, 1);
  g_assert_cmpint (member_int (counts, "idle_resets"), ==, 1);
  g_assert_cmpint (member_int (counts, "searches"), ==, 5);
  g_assert_cmpint (member_int (counts, "searches_without_result"), ==, 4);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (counts,
                                                                             "visits_by_hour"),
                                               10), ==, 1);
  g_assert_cmpint (member_int (counts, "terms_without_result/fiets kapot"), ==, 1);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (counts,
                                                                         "terms_without_result")),
                    ==, 1);
  g_assert_cmpint (member_int (root, "status/restarts"), ==, 1);
  g_assert_cmpint (member_int (root, "status/uptime_s"), ==, 86400);

  /* What a resident typed that is not plain words: nowhere (the state, cache and
   * runtime dirs, and whatever changed in /tmp since the test began). */
  baken_monitor_flush_sync (monitor);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_assert_false (tree_contains (g_get_user_state_dir (), typed[i], 0));
      g_assert_false (tree_contains (g_get_user_cache_dir (), typed[i], 0));
      g_assert_false (tree_contains (g_get_user_runtime_dir (), typed[i], 0));
      g_assert_false (tree_contains (g_get_tmp_dir (), typed[i], began));
    }

  g_ptr_array_unref (sync.keys);
  g_ptr_array_unref (sync.root_keys);
  baken_test_assert_finalized_soon (g_steal_pointer (&monitor));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint *exported = user_data;

  *exported = baken_monitor_export_finish (BAKEN_MONITOR (object), result, &error);
  g_assert_no_error (error);
}

/* Days that ended while the kiosk was off are reported at its start; export copies
 * every pending report and today's so far, and they stay pending. Old ones go. */
static void
test_export (void)
{
  g_autofree char *dir = state_dir ();
  g_autofree char *path = g_build_filename (dir, "state.sqlite", NULL);
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "usb", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenState) state = baken_state_open (path, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_count_row_free);
  g_autoptr(GDateTime) now = g_date_time_new (baken_local_timezone (), 2026, 12, 10, 9, 0, 0);
  g_autoptr(BakenClock) clock = baken_clock_new_fixed (now);
  BakenMonitorSettings settings = { .kiosk_id = (char *) "kiosk-2" };
  BakenSyncSettings sync = { .keys = g_ptr_array_new (), .root_keys = g_ptr_array_new (),
                             .timeout = 60, .stall_timeout = 5 };
  const char * const days[] = { "2026-10-01", "2026-12-08", "2026-12-09" };
  g_autoptr(BakenMonitor) monitor = NULL;
  g_auto(GStrv) pending = NULL;
  guint exported = 0;

  g_assert_no_error (error);
  g_ptr_array_add (rows, row_new (BAKEN_COUNT_RESTART, NULL, 1));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    g_assert_true (baken_state_add_counts (state, days[i], rows, &error));
  g_assert_cmpint (g_mkdir_with_parents (usb, 0700), ==, 0);

  sync.schedule.kind = BAKEN_SYNC_SCHEDULE_INTERVAL;
  sync.schedule.interval = 3600;
  monitor = baken_monitor_new (&settings, &sync, dir, NULL, clock);
  baken_monitor_start (monitor);
  baken_monitor_export_async (monitor, usb, NULL, export_done_cb, &exported);
  while (exported == 0)
    g_main_context_iteration (NULL, TRUE);

  /* 2026-10-01 is older than 60 days: forgotten, never reported. */
  g_assert_cmpuint (exported, ==, 3);
  pending = baken_report_list_pending (g_build_filename (dir, "reports", NULL));
  g_assert_cmpstrv (pending, ((const char * const[]) { "2026-12-08", "2026-12-09", NULL }));
  for (guint i = 0; i < 3; i++)
    {
      const char *day = i < 2 ? pending[i] : "2026-12-10";
      g_autofree char *name = g_strconcat (day, ".json", NULL);
      g_autofree char *file = g_build_filename (usb, "kiosk-2", name, NULL);

      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      validate (file);
    }

  g_ptr_array_unref (sync.keys);
  g_ptr_array_unref (sync.root_keys);
  baken_test_assert_finalized_soon (g_steal_pointer (&monitor));
}

/* baken --export-reports DIR: the same files from the command line, and a config
 * error said with FILE:LINE that never shows the token. */
static void
test_export_command (void)
{
  g_autofree char *dir = state_dir ();
  g_autofree char *path = g_build_filename (dir, "state.sqlite", NULL);
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "stick", NULL);
  g_autofree char *conf = g_build_filename (g_get_user_config_dir (), "kiosk.conf", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_config_dir (), "bad.conf", NULL);
  g_autofree char *output = NULL;
  g_autofree char *yesterday = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenState) state = baken_state_open (path, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_count_row_free);
  const char *argv[] = { BAKEN_EXE, "--export-reports", usb, "--config", conf,
                         "--state-dir", dir, NULL };

  g_assert_no_error (error);
  g_mkdir_with_parents (usb, 0700);
  g_mkdir_with_parents (g_get_user_config_dir (), 0700);
  yesterday = baken_report_day_add (baken_report_day_of (g_get_real_time () / G_USEC_PER_SEC), -1);
  g_ptr_array_add (rows, row_new (BAKEN_COUNT_SERVICE, "svc-schuldhulp", 4));
  g_assert_true (baken_state_add_counts (state, yesterday, rows, &error));
  g_file_set_contents (conf, "[kiosk]\nname = Bieb\n[monitor]\nkiosk-id = bieb-3\n", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (baken_test_run_with_input (argv, NULL, TRUE, NULL, &output), ==, 0);
  g_assert_nonnull (strstr (output, "2 reports written to"));
  file = g_strdup_printf ("%s/bieb-3/%s.json", usb, yesterday);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  validate (file);

  g_file_set_contents (bad, "[monitor]\nkiosk-id = k\nupload-url = https://x.example/r\n"
                       "upload-token = two words-secret\n", -1, &error);
  argv[4] = bad;
  g_clear_pointer (&output, g_free);
  g_assert_cmpint (baken_test_run_with_input (argv, NULL, TRUE, NULL, &output), ==, 1);
  g_assert_nonnull (strstr (output, "bad.conf:4: [monitor] upload-token"));
  g_assert_null (strstr (output, "secret"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/monitor/counts/check", test_check);
  g_test_add_func ("/monitor/counts/limits", test_limits);
  g_test_add_func ("/monitor/terms/normalize", test_normalize);
  g_test_add_func ("/monitor/terms/word-lists", test_word_lists);
  g_test_add_func ("/monitor/session", test_session);
  g_test_add_func ("/monitor/export", test_export);
  g_test_add_func ("/monitor/export-command", test_export_command);

  return g_test_run ();
}
