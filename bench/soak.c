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
 * and at the end walks away: the idle prompt shows and the reset brings Home in Dutch. Every step waits until the window has drawn the
 * new screen, so icons, text and render nodes are really made and dropped.
 *
 * Prints "round N pss-kib P rss-kib R anon-kib A fds F taps T" every EVERY rounds, then the growth
 * of anonymous memory (the heap: what a leak grows; PSS also moves when other processes
 * map the same libraries) per 1000 rounds after the warm-up (the first 10 %: caches of
 * GTK, fontconfig and the catalog fill up there).
 *
 * Run: bench/soak.py BUILD_DIR [ROUNDS] (its own Xvfb), or on a display
 *      BAKEN_LOCALEDIR=BUILD_DIR/po BUILD_DIR/bench/soak [ROUNDS [EVERY]]
 */
#define G_LOG_DOMAIN "baken-soak"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baken-application.h"
#include "baken-context.h"
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

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BAKEN_LOCALEDIR");
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  guint every = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 100;
  g_autoptr(BakenApplication) application = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenContext) context = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  gint64 warm_anon = -1, last_anon = -1;
  guint warm_round = 0, last_round = 0;
  gint64 start;

  if (rounds == 0 || every == 0)
    {
      fprintf (stderr, "usage: soak [ROUNDS [EVERY]]\n");
      return 2;
    }

  /* As main () does. */
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

  config = baken_config_new ();
  context = baken_context_load (config, &error);
  if (context == NULL)
    g_error ("%s", error->message);
  paths = collect_paths (baken_context_get_catalog (context));
  g_assert_cmpuint (paths->len, >, 0);

  /* Idle timeout 4.5 s, countdown 1 s: the walk-away rounds do not take all day. */
  window = GTK_WIDGET (baken_window_new (GTK_APPLICATION (application), context, FALSE, 0.05));
  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 1920);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  settle (window);

  printf ("# %u paths to a service page; %u rounds\n", paths->len, rounds);
  printf ("round %6u pss-kib %7" G_GINT64_FORMAT " rss-kib %7" G_GINT64_FORMAT
          " anon-kib %7" G_GINT64_FORMAT " fds %3u\n", 0, smaps_kib ("Pss:"), smaps_kib ("Rss:"),
          smaps_kib ("Anonymous:"), count_fds ());
  fflush (stdout);

  start = g_get_monotonic_time ();
  for (guint round = 1; round <= rounds; round++)
    {
      Path *path = g_ptr_array_index (paths, (round - 1) % paths->len);
      const char *service = g_ptr_array_index (path->services,
                                               ((round - 1) / paths->len) % path->services->len);
      gboolean visitor = round % 10 == 0;

      if (visitor)
        {
          open_step (window, "lang:en");
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

      if (visitor)
        walk_away (window);

      if (round % every == 0 || round == rounds)
        {
          gint64 anon = smaps_kib ("Anonymous:");

          printf ("round %6u pss-kib %7" G_GINT64_FORMAT " rss-kib %7" G_GINT64_FORMAT
                  " anon-kib %7" G_GINT64_FORMAT " fds %3u taps %7u  %.0f ms/round\n", round,
                  smaps_kib ("Pss:"), smaps_kib ("Rss:"), anon, count_fds (), taps,
                  (g_get_monotonic_time () - start) / 1000.0 / round);
          fflush (stdout);
          if (warm_anon < 0 && round >= rounds / 10)
            {
              warm_anon = anon;
              warm_round = round;
            }
          last_anon = anon;
          last_round = round;
        }
    }

  if (warm_anon >= 0 && last_round > warm_round)
    printf ("anonymous memory after round %u: %+.1f KiB per 1000 rounds (%+" G_GINT64_FORMAT
            " KiB in %u rounds)\n", warm_round,
            (last_anon - warm_anon) * 1000.0 / (last_round - warm_round), last_anon - warm_anon,
            last_round - warm_round);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return 0;
}
