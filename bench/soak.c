/* soak.c: memory over a day of use — the resident's path through the kiosk, thousands of
 * times in one process, with PSS and RSS sampled as it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk window on the embedded demo content, 1080x1920, driven through its actions
 * as a resident would: Home → a life event → a situation → the services → a service
 * page → its print preview → Back → Back → Back → Home, then the search with three keys
 * of the on-screen keyboard → Home. Every tenth round the resident first switches to
 * English and large text with high contrast (and back to normal text, contrast off),
 * and at the end walks away: the idle prompt shows and the reset brings Home in Dutch.
 * Every step waits until the window has drawn the new screen, so icons, text and
 * render nodes are really made and dropped.
 *
 * With --bundles DIR the kiosk runs as in the field: a sync store in --state-dir, the
 * content it installed from DIR/1 (verified with the [sync] public-keys of --config),
 * and --swaps times over the run a new bundle (DIR/2, DIR/3, …) installed by the sync
 * while a resident is on a path, verified in the background and applied at the next
 * idle reset; the soak checks that the reset brought that serial on screen.
 *
 * Prints "round N pss-kib P rss-kib R anon-kib A heap-kib H fds F taps T" at the first
 * idle reset after every EVERY rounds (and at the last round), then the growth of
 * anonymous memory (the heap: what a leak grows; PSS also moves when other processes map
 * the same libraries) per 1000 rounds after the warm-up (the first 10 %: caches of GTK,
 * fontconfig and the catalog fill up there). heap-kib is what malloc has handed out and
 * not had back (heap_in_use_kib (), -1 under AddressSanitizer): when it grows with
 * anon-kib, memory is held; when only anon-kib grows, the heap is fragmented. Its growth
 * after the warm-up is printed too. Right after a reset the kiosk has handed back what
 * the resident's pages held (baken-memory.h), so the samples compare like with like;
 * between resets the heap holds one resident's pages.
 *
 * Run: bench/soak.py BUILD_DIR [ROUNDS [EVERY]] [--walk-every K] [--swaps N] (its own
 *      Xvfb; it builds the bundles), or on a display
 *      BAKEN_LOCALEDIR=BUILD_DIR/po BUILD_DIR/bench/soak [ROUNDS [EVERY]] [--walk-every K]
 *        [--config FILE --state-dir DIR --bundles DIR --swaps N]
 */
#define G_LOG_DOMAIN "baken-soak"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baken-application.h"
#include "baken-context.h"
#include "baken-kiosk-content.h"
#include "baken-memory.h"
#include "baken-search-page.h"
#include "baken-window.h"

typedef struct
{
  char      *event;      /* a top-level life event */
  char      *situation;  /* (nullable) one of its sub-situations */
  GPtrArray *services;   /* (element-type utf8) service ids for the situation or event */
} Path;

static void
path_free (Path *path)
{
  g_free (path->event);
  g_free (path->situation);
  g_ptr_array_unref (path->services);
  g_free (path);
}

static guint taps;

static guint
count_fds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static GtkWidget *
find_search_page (GtkWidget *widget)
{
  if (BAKEN_IS_SEARCH_PAGE (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64
smaps_kib (const char *field)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/smaps_rollup", &text, NULL, NULL))
    return -1;
  line = strstr (text, field);
  return line != NULL ? g_ascii_strtoll (line + strlen (field), NULL, 10) : -1;
}

/* The bytes malloc has handed out and not had back, over every arena (glibc's
 * malloc_info totals: the heap's size less its free chunks, plus mmapped blocks), in
 * KiB. Beside anon-kib it tells a leak (this grows) from a heap that is fragmented or
 * not yet trimmed (only anon-kib grows). */
static gint64
heap_in_use_kib (void)
{
  g_autofree char *xml = NULL;
  size_t size = 0;
  FILE *stream = open_memstream (&xml, &size);
  gint64 current = -1, free_fast = 0, free_rest = 0, mmapped = 0;
  const char *at;

  if (stream == NULL)
    return -1;
  malloc_info (0, stream);
  fclose (stream);
  /* The totals over all arenas come last: each field's last occurrence. */
  for (at = xml; (at = strstr (at, "<total type=\"")) != NULL; at++)
    {
      const char *value = strstr (at, "size=\"");

      if (value == NULL)
        break;
      if (g_str_has_prefix (at, "<total type=\"fast\""))
        free_fast = g_ascii_strtoll (value + 6, NULL, 10);
      else if (g_str_has_prefix (at, "<total type=\"rest\""))
        free_rest = g_ascii_strtoll (value + 6, NULL, 10);
      else if (g_str_has_prefix (at, "<total type=\"mmap\""))
        mmapped = g_ascii_strtoll (value + 6, NULL, 10);
    }
  at = g_strrstr (xml, "<system type=\"current\" size=\"");
  if (at != NULL)
    current = g_ascii_strtoll (at + strlen ("<system type=\"current\" size=\""), NULL, 10);
  /* Under AddressSanitizer's allocator malloc_info () reports no heap at all. */
  if (current <= 0)
    return -1;

  return (current - free_fast - free_rest + mmapped) / 1024;
}

/* Every path a resident can take to a service page, one per situation. */
static GPtrArray *
collect_paths (BakenCatalog *catalog)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func ((GDestroyNotify) path_free);

  events = baken_catalog_get_life_events (catalog, NULL, "nl", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      BakenLifeEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) children = NULL;

      children = baken_catalog_get_life_events (catalog, event->id, "nl", &error);
      g_assert_no_error (error);
      for (guint j = 0; j <= children->len; j++)
        {
          BakenLifeEvent *child = j < children->len ? g_ptr_array_index (children, j) : NULL;
          g_autoptr(GPtrArray) services = NULL;
          Path *path;

          /* The event itself only when it has no sub-situations. */
          if (child == NULL && children->len > 0)
            break;
          services = baken_catalog_get_services_for_event (catalog,
                                                           child != NULL ? child->id : event->id,
                                                           "nl", BAKEN_AUDIENCE_PUBLIC,
                                                           &error);
          g_assert_no_error (error);
          if (services->len == 0)
            continue;

          path = g_new0 (Path, 1);
          path->event = g_strdup (event->id);
          path->situation = child != NULL ? g_strdup (child->id) : NULL;
          path->services = g_ptr_array_new_with_free_func (g_free);
          for (guint k = 0; k < services->len; k++)
            g_ptr_array_add (path->services,
                             g_strdup (((BakenService *) g_ptr_array_index (services, k))->id));
          g_ptr_array_add (paths, path);
        }
    }

  return paths;
}

/* Waiting for the window */

static guint frames;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  frames++;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the window drew a frame after now and nothing is pending. */
static void
settle (GtkWidget *window)
{
  guint start = frames;
  gboolean timed_out = FALSE;
  guint id;

  gtk_widget_queue_draw (window);
  id = g_timeout_add (2000, timeout_cb, &timed_out);
  while (frames == start && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
step (GtkWidget  *window,
      const char *action,
      const char *id)
{
  if (id != NULL)
    gtk_widget_activate_action (window, action, "s", id);
  else
    gtk_widget_activate_action (window, action, NULL);
  taps++;
  settle (window);
}

/* A key of the on-screen keyboard of the search page on screen. */
static void
key (GtkWidget  *window,
     const char *letter)
{
  GtkWidget *page = find_search_page (window);

  if (page == NULL)
    g_error ("The search page is not on screen");
  gtk_widget_activate_action (GTK_WIDGET (baken_search_page_get_keyboard (BAKEN_SEARCH_PAGE (page))),
                              "keyboard.type", "s", letter);
  taps++;
  settle (window);
}

static void
a11y_step (GtkWidget  *window,
           const char *action,
           GVariant   *value)
{
  gtk_widget_activate_action_variant (window, action, value);
  taps++;
  settle (window);
}

static void
open_step (GtkWidget  *window,
           const char *what)
{
  g_autoptr(GError) error = NULL;

  if (!baken_window_open (BAKEN_WINDOW (window), what, &error))
    g_error ("%s: %s", what, error->message);
  taps++;
  settle (window);
}

static gboolean
reset_done (GtkWidget *window)
{
  g_autofree char *location = baken_window_dup_location (BAKEN_WINDOW (window));

  return !baken_window_get_idle_prompt_visible (BAKEN_WINDOW (window)) &&
         g_strcmp0 (location, "home") == 0 &&
         g_strcmp0 (baken_window_get_language (BAKEN_WINDOW (window)), "nl") == 0;
}

/* The resident walks away: the prompt, its countdown, the reset. */
static void
walk_away (GtkWidget *window)
{
  gboolean timed_out = FALSE;
  guint id;

  open_step (window, "idle:prompt");
  id = g_timeout_add (10000, timeout_cb, &timed_out);
  while (!reset_done (window) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The idle reset did not come");
  g_source_remove (id);
  settle (window);
}

/* Content swaps */

typedef struct
{
  BakenKioskContent *content;
  BakenSync         *sync;
  char              *bundles;   /* DIR/1, DIR/2, …: signed bundle folders */
  guint64            next;      /* the next folder to install */
  gboolean           running;   /* an install in the worker thread */
  guint              swaps;     /* bundles shown after an idle reset */
} Swapper;

static void
install_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Swapper *swapper = user_data;
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  outcome = baken_sync_run_finish (BAKEN_SYNC (source), result, &error);
  if (outcome == NULL)
    g_error ("The sync from %s/%" G_GUINT64_FORMAT " failed: %s", swapper->bundles,
             swapper->next, error->message);
  if (outcome->error != NULL)
    g_error ("The sync refused %s: %s", outcome->source, outcome->error->message);
  swapper->running = FALSE;
}

/* The sync installs the next bundle from its folder, as `baken --sync-from` does; the
 * kiosk verifies it in the background and keeps it waiting for the next idle reset. */
static void
swap_begin (Swapper *swapper)
{
  g_autofree char *name = g_strdup_printf ("%" G_GUINT64_FORMAT, ++swapper->next);
  g_autofree char *folder = g_build_filename (swapper->bundles, name, NULL);

  swapper->running = TRUE;
  baken_sync_run_async (swapper->sync, folder, NULL, install_done_cb, swapper);
}

/* Waits until the bundle from swap_begin () is installed and verified. */
static void
swap_wait (Swapper *swapper)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (60000, timeout_cb, &timed_out);

  while ((swapper->running || !baken_kiosk_content_get_update_pending (swapper->content)) &&
         !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Bundle %" G_GUINT64_FORMAT " was not ready to show after 60 s", swapper->next);
  g_source_remove (id);
}

/* After the idle reset: the waiting bundle is the one on screen. */
static void
swap_check (Swapper *swapper)
{
  guint64 serial = baken_kiosk_content_get_serial (swapper->content);

  if (serial != swapper->next)
    g_error ("After the idle reset the kiosk shows serial %" G_GUINT64_FORMAT ", not %"
             G_GUINT64_FORMAT, serial, swapper->next);
  swapper->swaps++;
}

/* The kiosk as in the field: a sync store in state_dir and the first bundle installed
 * from it. */
static BakenContext *
context_from_sync (BakenConfig *config,
                   const char  *state_dir,
                   Swapper     *swapper)
{
  g_autofree char *first = g_build_filename (swapper->bundles, "1", NULL);
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  swapper->sync = baken_sync_new (&config->sync, state_dir, &error);
  if (swapper->sync == NULL)
    g_error ("%s: %s", state_dir, error->message);
  outcome = baken_sync_run (swapper->sync, first, g_get_real_time () / G_USEC_PER_SEC, NULL,
                            &error);
  if (outcome == NULL)
    g_error ("%s: %s", first, error->message);
  if (outcome->error != NULL)
    g_error ("%s: %s", first, outcome->error->message);
  swapper->next = 1;
  swapper->content = baken_kiosk_content_new (config, swapper->sync);
  baken_kiosk_content_wait (swapper->content);
  if (baken_kiosk_content_get_serial (swapper->content) != 1)
    g_error ("The kiosk did not open bundle 1 of %s: %s", swapper->bundles,
             baken_kiosk_content_get_problem (swapper->content));
  return baken_context_new_for_content (config, swapper->content);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BAKEN_LOCALEDIR");
  g_autofree char *config_path = NULL;
  g_autofree char *state_dir = NULL;
  int walk_every = 10, n_swaps = 0;
  GOptionEntry entries[] = {
    { "walk-every", 0, 0, G_OPTION_ARG_INT, &walk_every,
      "A visitor who walks away (the idle reset) every K rounds (10)", "K" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_path,
      "The kiosk's config (with --bundles: its [sync] public-keys)", "FILE" },
    { "state-dir", 0, 0, G_OPTION_ARG_FILENAME, &state_dir,
      "The sync store and state DB (with --bundles)", "DIR" },
    { "bundles", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      "Signed bundle folders DIR/1, DIR/2, …: the kiosk starts on 1", "DIR" },
    { "swaps", 0, 0, G_OPTION_ARG_INT, &n_swaps,
      "New bundles applied at idle resets over the run (needs --bundles)", "N" },
    { NULL }
  };
  Swapper swapper = { NULL };
  g_autoptr(GOptionContext) options = NULL;
  guint rounds, every, resets, swap_every = 0;
  g_autoptr(BakenApplication) application = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenContext) context = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  gint64 warm_anon = -1, last_anon = -1, warm_heap = -1, last_heap = -1;
  guint warm_round = 0, last_round = 0, printed_round = 0;
  gint64 start;

  entries[3].arg_data = &swapper.bundles;
  options = g_option_context_new ("[ROUNDS [EVERY]]");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      fprintf (stderr, "soak: %s\n", error->message);
      return 2;
    }
  rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  every = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100;
  if (rounds == 0 || every == 0 || walk_every <= 0 || n_swaps < 0 ||
      (n_swaps > 0 && swapper.bundles == NULL) ||
      (swapper.bundles != NULL && (config_path == NULL || state_dir == NULL)))
    {
      fprintf (stderr, "usage: soak [ROUNDS [EVERY]] [--walk-every K] "
               "[--config FILE --state-dir DIR --bundles DIR [--swaps N]]\n");
      return 2;
    }
  /* The swaps spread evenly over the idle resets. */
  resets = rounds / (guint) walk_every;
  if (n_swaps > 0)
    {
      if ((guint) n_swaps > resets)
        {
          fprintf (stderr, "soak: %d swaps need at least %d idle resets; there are %u\n",
                   n_swaps, n_swaps, resets);
          return 2;
        }
      swap_every = resets / (guint) n_swaps;
    }

  /* As main () does. */
  baken_memory_limit_arenas ();
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "nl", TRUE);
  g_setenv ("BAKEN_NON_UNIQUE", "1", TRUE);

  application = baken_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("%s", error->message);

  if (config_path != NULL)
    {
      config = baken_config_load (config_path, &error);
      if (config == NULL)
        g_error ("%s", error->message);
    }
  else
    {
      config = baken_config_new ();
    }
  if (swapper.bundles != NULL)
    {
      context = context_from_sync (config, state_dir, &swapper);
    }
  else
    {
      context = baken_context_load (config, &error);
      if (context == NULL)
        g_error ("%s", error->message);
    }
  paths = collect_paths (baken_context_get_catalog (context));
  g_assert_cmpuint (paths->len, >, 0);

  /* The idle durations × 0.05 (the default 90 s + 20 s: 4.5 s + 1 s): the walk-away
   * rounds do not take all day. */
  window = GTK_WIDGET (baken_window_new (GTK_APPLICATION (application), context, FALSE, 0.05));
  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 1920);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  settle (window);

  printf ("# %u paths to a service page; %u rounds; an idle reset every %d rounds; %d "
          "content swaps\n", paths->len, rounds, walk_every, n_swaps);
  printf ("round %6u pss-kib %7" G_GINT64_FORMAT " rss-kib %7" G_GINT64_FORMAT
          " anon-kib %7" G_GINT64_FORMAT " heap-kib %7" G_GINT64_FORMAT " fds %3u\n", 0,
          smaps_kib ("Pss:"), smaps_kib ("Rss:"), smaps_kib ("Anonymous:"), heap_in_use_kib (),
          count_fds ());
  fflush (stdout);

  start = g_get_monotonic_time ();
  for (guint round = 1; round <= rounds; round++)
    {
      Path *path = g_ptr_array_index (paths, (round - 1) % paths->len);
      const char *service = g_ptr_array_index (path->services,
                                               ((round - 1) / paths->len) % path->services->len);
      gboolean visitor = round % (guint) walk_every == 0;
      guint reset = round / (guint) walk_every;
      gboolean swap = visitor && swap_every > 0 && reset % swap_every == 0 &&
                      swapper.swaps < (guint) n_swaps;

      if (visitor)
        {
          open_step (window, "lang:en");
          /* The resident is on a path (English) when the sync brings a bundle. */
          if (swap)
            swap_begin (&swapper);
          open_step (window, "a11y:large");
          open_step (window, "a11y:contrast");
        }

      step (window, "kiosk.open-event", path->event);
      if (path->situation != NULL)
        step (window, "kiosk.open-event", path->situation);
      step (window, "kiosk.open-service", service);
      step (window, "kiosk.open-print", service);
      step (window, "kiosk.back", NULL);
      step (window, "kiosk.back", NULL);
      if (path->situation != NULL)
        step (window, "kiosk.back", NULL);
      step (window, "kiosk.home", NULL);
      step (window, "kiosk.search", NULL);
      key (window, "h");
      key (window, "u");
      key (window, "u");
      step (window, "kiosk.home", NULL);
      if (visitor)
        {
          a11y_step (window, "a11y.text-size", g_variant_new_int32 (0));
          a11y_step (window, "a11y.high-contrast", NULL);
        }

      if (swap)
        swap_wait (&swapper);
      if (visitor)
        walk_away (window);
      if (swap)
        swap_check (&swapper);

      if ((visitor && round - printed_round >= every) || round == rounds)
        {
          gint64 anon = smaps_kib ("Anonymous:");
          gint64 heap = heap_in_use_kib ();

          printf ("round %6u pss-kib %7" G_GINT64_FORMAT " rss-kib %7" G_GINT64_FORMAT
                  " anon-kib %7" G_GINT64_FORMAT " heap-kib %7" G_GINT64_FORMAT
                  " fds %3u taps %7u resets %5u swaps %3u  %.0f ms/round\n", round,
                  smaps_kib ("Pss:"), smaps_kib ("Rss:"), anon, heap,
                  count_fds (), taps, round / (guint) walk_every, swapper.swaps,
                  (g_get_monotonic_time () - start) / 1000.0 / round);
          fflush (stdout);
          printed_round = round;
          /* The growth compares samples right after a reset only. */
          if (visitor && warm_anon < 0 && round >= rounds / 10)
            {
              warm_anon = anon;
              warm_heap = heap;
              warm_round = round;
            }
          if (visitor)
            {
              last_anon = anon;
              last_heap = heap;
              last_round = round;
            }
        }
    }

  if (warm_anon >= 0 && last_round > warm_round)
    printf ("anonymous memory after the reset of round %u: %+.1f KiB per 1000 rounds (%+"
            G_GINT64_FORMAT " KiB by the reset of round %u)\n", warm_round,
            (last_anon - warm_anon) * 1000.0 / (last_round - warm_round), last_anon - warm_anon,
            last_round);
  if (warm_heap >= 0 && last_heap >= 0 && last_round > warm_round)
    printf ("heap in use after the reset of round %u: %+.1f KiB per 1000 rounds (%+"
            G_GINT64_FORMAT " KiB by the reset of round %u)\n", warm_round,
            (last_heap - warm_heap) * 1000.0 / (last_round - warm_round), last_heap - warm_heap,
            last_round);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&context);
  g_clear_object (&swapper.content);
  g_clear_object (&swapper.sync);
  g_free (swapper.bundles);

  return 0;
}
