/* bench/search: search latency per keystroke over a 10,000-service bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without arguments, generates the synthetic source with bench/gen-source.py (10,000
 * services, six languages) and builds it with baken-bundle into a temporary folder;
 * with a content DB argument, uses that. Then types each query one character at a time,
 * as a resident on the on-screen keyboard would, and times every keystroke: the search
 * (limit 20) plus, when it finds nothing, the closest life events the UI then shows.
 * Each keystroke is timed in every round and its median taken (a loaded machine makes
 * single samples noisy); prints p50/p90/p99/max over the keystrokes, in wall-clock and
 * in CPU time, the slowest keystrokes, and the one-off cost of the first search (the
 * in-memory index).
 *
 * Usage: bench/search [CONTENT_DB] [ROUNDS]
 */
#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "baken-catalog.h"
#include "baken-search.h"

static const struct {
  const char *lang;
  const char *text;
} queries[] = {
  { "nl", "deurwaarder" },
  { "nl", "ik heb schulden" },
  { "nl", "huurtoeslag aanvragen" },
  { "nl", "ik heb een boete" },
  { "nl", "huisbaas repareert niets" },
  { "nl", "deurwaader" },               /* typo */
  { "nl", "schieding kinderen" },       /* typo */
  { "nl", "hulp bij de administratie" },
  { "nl", "voedselbank" },
  { "nl", "werk zoeken" },
  { "nl", "reünie café" },              /* diacritics, no such words */
  { "nl", "qwxzv" },                    /* nothing: the closest life events */
  { "en", "landlord does not repair" },
  { "en", "debt help" },
  { "ar", "مساعدة" },
  { "uk", "допомога борги" },
  { "nl", "112" },                      /* numbers */
  { "nl", "030 555 01 23" },
  { "nl", "0305550123" },
  { "nl", "1234 AB" },
};

typedef struct
{
  guint   query;
  gsize   length;   /* bytes typed */
  GArray *wall;     /* (element-type gint64) µs, one per round */
  GArray *cpu;      /* (element-type gint64) µs of this thread's CPU time */
  double  wall_ms;  /* median over the rounds */
  double  cpu_ms;
} Keystroke;

static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (GArray *samples)
{
  g_array_sort (samples, compare_int64);

  return g_array_index (samples, gint64, samples->len / 2) / 1000.0;
}

static int
compare_wall (gconstpointer a,
              gconstpointer b)
{
  double x = ((const Keystroke *) a)->wall_ms, y = ((const Keystroke *) b)->wall_ms;

  return x < y ? -1 : x > y;
}

static int
compare_cpu (gconstpointer a,
             gconstpointer b)
{
  double x = ((const Keystroke *) a)->cpu_ms, y = ((const Keystroke *) b)->cpu_ms;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of the keystrokes, sorted by the field that compare sorts. */
static const Keystroke *
percentile (GArray *keystrokes,
            double  p)
{
  guint i = (guint) (p * (keystrokes->len - 1) + 0.5);

  return &g_array_index (keystrokes, Keystroke, i);
}

static void
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);
}

static char *
build_bundle (const char *dir)
{
  g_autofree char *src = g_build_filename (dir, "source", NULL);
  char *db = g_build_filename (dir, "bench.sqlite", NULL);
  const char *gen[] = { "python3", BENCH_GEN_SOURCE, src, "10000", NULL };
  const char *bundle[] = { BENCH_BAKEN_BUNDLE, "build", src, db, NULL };

  run (gen);
  run (bundle);

  return db;
}

static int
count (const char *db_path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static void
keystroke_clear (Keystroke *keystroke)
{
  g_array_unref (keystroke->wall);
  g_array_unref (keystroke->cpu);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenCatalog) catalog = NULL;
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, TRUE, sizeof (Keystroke));
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  guint rounds = argc > 2 ? MAX (atoi (argv[2]), 1) : 7;
  guint empty = 0;
  gint64 start;
  double index_ms;

  g_array_set_clear_func (keystrokes, (GDestroyNotify) keystroke_clear);

  if (argc > 1)
    db = g_strdup (argv[1]);
  else
    {
      tmp = g_dir_make_tmp ("baken-bench-search-XXXXXX", &error);
      g_assert_no_error (error);
      db = build_bundle (tmp);
    }

  catalog = baken_catalog_new_for_path (db, &error);
  if (catalog == NULL)
    g_error ("%s", error->message);

  /* Build the word and row index of this catalog, as the UI does when idle. */
  start = g_get_monotonic_time ();
  if (!baken_search_prepare (catalog, &error))
    g_error ("%s", error->message);
  index_ms = (g_get_monotonic_time () - start) / 1000.0;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (const char *end = g_utf8_next_char (queries[q].text); ; end = g_utf8_next_char (end))
      {
        Keystroke keystroke = {
          q, end - queries[q].text,
          g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (gint64)),
          0, 0,
        };

        g_array_append_val (keystrokes, keystroke);
        if (*end == '\0')
          break;
      }

  for (guint r = 0; r < rounds; r++)
    for (guint k = 0; k < keystrokes->len; k++)
      {
        Keystroke *keystroke = &g_array_index (keystrokes, Keystroke, k);
        g_autofree char *typed = g_strndup (queries[keystroke->query].text, keystroke->length);
        const char *lang = queries[keystroke->query].lang;
        g_autoptr(GPtrArray) results = NULL;
        gint64 wall, cpu;

        start = g_get_monotonic_time ();
        cpu = cpu_time_us ();
        results = baken_search_run (catalog, typed, lang, 20, &error);
        g_assert_no_error (error);
        if (results->len == 0)
          {
            g_autoptr(GPtrArray) closest = NULL;

            closest = baken_search_suggest_closest (catalog, typed, lang, 6, &error);
            g_assert_no_error (error);
            if (r == 0)
              empty++;
          }
        cpu = cpu_time_us () - cpu;
        wall = g_get_monotonic_time () - start;
        g_array_append_val (keystroke->wall, wall);
        g_array_append_val (keystroke->cpu, cpu);
      }

  for (guint k = 0; k < keystrokes->len; k++)
    {
      Keystroke *keystroke = &g_array_index (keystrokes, Keystroke, k);

      keystroke->wall_ms = median_ms (keystroke->wall);
      keystroke->cpu_ms = median_ms (keystroke->cpu);
    }

  printf ("content: %d active services, %d search rows (%d languages)\n",
          count (db, "SELECT count(*) FROM service WHERE status = 'active'"),
          count (db, "SELECT count(*) FROM search"),
          count (db, "SELECT count(DISTINCT lang) FROM search"));
  printf ("baken_search_prepare (the index in memory, once per catalog): %.1f ms\n", index_ms);
  printf ("keystrokes: %u, each the median of %u rounds; %u find nothing and fetch the "
          "closest life events too\n", keystrokes->len, rounds, empty);

  g_array_sort (keystrokes, compare_cpu);
  printf ("per keystroke, CPU time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
          percentile (keystrokes, 0.50)->cpu_ms, percentile (keystrokes, 0.90)->cpu_ms,
          percentile (keystrokes, 0.99)->cpu_ms, percentile (keystrokes, 1.0)->cpu_ms);

  g_array_sort (keystrokes, compare_wall);
  printf ("per keystroke, wall time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
          percentile (keystrokes, 0.50)->wall_ms, percentile (keystrokes, 0.90)->wall_ms,
          percentile (keystrokes, 0.99)->wall_ms, percentile (keystrokes, 1.0)->wall_ms);
  printf ("slowest (wall):");
  for (guint i = keystrokes->len; i > 0 && i + 5 > keystrokes->len; i--)
    {
      const Keystroke *k = &g_array_index (keystrokes, Keystroke, i - 1);

      printf (" \"%.*s\" %.2f ms;", (int) k->length, queries[k->query].text, k->wall_ms);
    }
  printf ("\n");

  if (tmp != NULL)
    {
      const char *rm[] = { "rm", "-rf", tmp, NULL };

      g_clear_object (&catalog);
      run (rm);
    }

  return 0;
}
