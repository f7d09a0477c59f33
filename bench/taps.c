/* taps.c: how long a resident waits for each kind of tap, from the tap to the frame that
 * shows its answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk window on the embedded demo content, driven as bench/soak drives it, round
 * after round: a life event, a situation, a service, the print preview, Back, Back,
 * Home, the text size up and down, high contrast on and off, another language and back,
 * the search screen and three keys of its on-screen keyboard, Home. Each round is a new
 * resident: it begins after a real idle reset (the prompt, its countdown, the reset),
 * which drops every kept page, so each page is built on its first tap of the round as
 * it is for each resident. One round before the measured ones is not counted: a kiosk
 * runs for months, and what its process does once (loading a font face, drawing an icon
 * for the first time) is reported apart, as "cold". Each tap is timed
 * from the moment it is given (the action activated, or with --input the pointer
 * released through XTest, after it was pressed on the button and held 80 ms as a finger
 * is, the pressed button drawn) to the frame clock's after-paint of the first
 * frame drawn after the window took the new state (its location, language, text size,
 * contrast or search text changed). Between taps the window settles (no frame for
 * 30 ms), so a tap never pays for the one before.
 *
 * Prints for each kind "tap KIND n N p50 P p99 Q max M" (ms), then "taps-p99-ms N" over
 * all taps, then the uncounted first round ("cold"). With --phases, also each kind's
 * time split into the action, the wait for the frame, layout, paint and after-paint
 * (GTK's own after-paint handlers, before the bench's). With --input,
 * a kind whose button is not on screen (none are expected) is driven by its action and
 * marked with a star.
 *
 * Run: bench/taps.py BUILD_DIR [ROUNDS] (its own Xvfb, the yardstick in the same run), or
 *      BAKEN_LOCALEDIR=BUILD_DIR/po BUILD_DIR/bench/taps [ROUNDS] [--input] [--phases]
 *      [--landscape] [--lang CODE] [--text very-large]
 *
 * With TAPS_COLLECT=KIND (a name from the table, e.g. language-switch), under
 * `valgrind --tool=callgrind --collect-atstart=no`, callgrind counts that kind of tap
 * only, from the action to the frame that shows it.
 */
#define G_LOG_DOMAIN "baken-taps"

#include "config.h"

#if __has_include (<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_TOGGLE_COLLECT
#endif

#include <X11/extensions/XTest.h>
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baken-application.h"
#include "baken-context.h"
#include "baken-memory.h"
#include "baken-search-page.h"
#include "baken-window.h"

#include "taps-stats.h"

enum {
  TAP_EVENT, TAP_SITUATION, TAP_SERVICE, TAP_PRINT, TAP_BACK, TAP_HOME, TAP_LANGUAGE,
  TAP_TEXT_SIZE, TAP_CONTRAST, TAP_SEARCH, TAP_KEY, N_TAPS
};

static const char *tap_names[N_TAPS] = {
  "open-life-event", "open-situation", "open-service", "open-print-preview", "back", "home",
  "language-switch", "text-size", "high-contrast", "open-search", "search-keystroke",
};

static TapStats  stats[N_TAPS];
static TapStats  cold;          /* the uncounted first round */
static gboolean  counting;
static gboolean  by_action[N_TAPS];
static gboolean  input_mode;
static gboolean  phases_mode;
#define FINGER_MS 80     /* --input: how long a finger rests on the glass */
static GtkWidget *window;
static guint     frames;

/* With --phases: where a tap's time goes. The action (the page built, the state
 * changed), the wait for the frame clock, the layout phase (measure and allocate), the
 * paint phase (snapshot and render) and GTK's own after-paint handlers (connected
 * before the bench's), from the frame clock's own phases. */
enum { PHASE_ACTION, PHASE_WAIT, PHASE_LAYOUT, PHASE_PAINT, PHASE_AFTER, N_PHASES };
static const char *phase_names[N_PHASES] = { "action", "wait", "layout", "paint", "after" };
static TapStats  phase_stats[N_TAPS][N_PHASES];
static gint64    frame_start, layout_end, paint_end, after_end;

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
}

/* Connected after GDK's own handlers, so these mark the end of each phase. */
static void
layout_cb (GdkFrameClock *clock,
           gpointer       user_data)
{
  layout_end = g_get_monotonic_time ();
}

static void
paint_cb (GdkFrameClock *clock,
          gpointer       user_data)
{
  paint_end = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  after_end = g_get_monotonic_time ();
  frames++;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Everything a tap can change that a resident sees. */
static char *
dup_state (void)
{
  g_autofree char *location = baken_window_dup_location (BAKEN_WINDOW (window));
  g_auto(GStrv) classes = gtk_widget_get_css_classes (window);
  g_autofree char *joined = g_strjoinv (" ", classes);

  return g_strdup_printf ("%s|%s|%s", location,
                          baken_window_get_language (BAKEN_WINDOW (window)), joined);
}

/* Runs the main loop for ms. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until no frame came for 30 ms and nothing is pending. */
static void
settle (void)
{
  for (;;)
    {
      guint start = frames;

      run_for (30);
      if (frames == start && !g_main_context_pending (NULL))
        return;
    }
}

/* The widget whose action and target are these, mapped, or NULL. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action,
                 GVariant   *target)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      GVariant *own = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if ((own == NULL && target == NULL) ||
          (own != NULL && target != NULL && g_variant_equal (own, target)))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action, target);

      if (found != NULL)
        return found;
    }

  return NULL;
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

/* A finger down in the middle of button, through the X server, held as long as a
 * resident's tap (GTK draws the pressed button meanwhile); release () lifts it. */
static void
press (GtkWidget *button)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  graphene_point_t point = GRAPHENE_POINT_INIT (gtk_widget_get_width (button) / 2.0,
                                                gtk_widget_get_height (button) / 2.0);
  graphene_point_t in_window;
  double dx, dy;
  int root_x, root_y;
  Window child;

  if (!gtk_widget_compute_point (button, window, &point, &in_window))
    g_error ("Cannot place the button in the window");
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (xdisplay), (int) (in_window.x + dx),
                         (int) (in_window.y + dy), &root_x, &root_y, &child);
  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XFlush (xdisplay);
  run_for (FINGER_MS);
}

static void
release (void)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));

  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XFlush (xdisplay);
}

/* Whether callgrind counts this kind of tap (TAPS_COLLECT): counted rounds only. */
static gboolean
collecting (guint kind)
{
  return counting && g_strcmp0 (g_getenv ("TAPS_COLLECT"), tap_names[kind]) == 0;
}

/* Gives one tap (on widget, the window or a keyboard), waits for the frame that shows
 * its answer, and counts it. */
static void
tap (guint       kind,
     GtkWidget  *on,
     const char *action,
     GVariant   *target)
{
  g_autofree char *before = dup_state ();
  g_autoptr(GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;
  gboolean timed_out = FALSE;
  GtkWidget *button = NULL;
  guint id, start;
  gint64 t0, t_action;

  if (input_mode)
    {
      button = find_actionable (on, action, target);
      if (button == NULL)
        by_action[kind] = TRUE;
    }

  if (button != NULL)
    press (button);
  if (collecting (kind))
    CALLGRIND_TOGGLE_COLLECT;
  t0 = g_get_monotonic_time ();
  if (button != NULL)
    release ();
  else
    gtk_widget_activate_action_variant (on, action, target);
  t_action = g_get_monotonic_time ();

  id = g_timeout_add (5000, timeout_cb, &timed_out);
  for (;;)
    {
      g_autofree char *now = dup_state ();

      if (g_strcmp0 (now, before) != 0 || timed_out)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  start = frames;
  while (frames == start && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("%s (%s): no new screen within 5 s", tap_names[kind], action);
  g_source_remove (id);

  if (collecting (kind))
    CALLGRIND_TOGGLE_COLLECT;
  if (!counting)
    {
      tap_stats_add (&cold, (g_get_monotonic_time () - t0) / 1000.0);
      settle ();
      return;
    }
  tap_stats_add (&stats[kind], (g_get_monotonic_time () - t0) / 1000.0);
  if (phases_mode)
    {
      /* A click (--input) takes effect in the frame: its handling counts as waiting. */
      tap_stats_add (&phase_stats[kind][PHASE_ACTION], (t_action - t0) / 1000.0);
      tap_stats_add (&phase_stats[kind][PHASE_WAIT], MAX (0, frame_start - t_action) / 1000.0);
      tap_stats_add (&phase_stats[kind][PHASE_LAYOUT], (layout_end - frame_start) / 1000.0);
      tap_stats_add (&phase_stats[kind][PHASE_PAINT], (paint_end - layout_end) / 1000.0);
      tap_stats_add (&phase_stats[kind][PHASE_AFTER], (after_end - paint_end) / 1000.0);
    }
  settle ();
}

static void
tap_string (guint       kind,
            const char *action,
            const char *id)
{
  tap (kind, window, action, id != NULL ? g_variant_new_string (id) : NULL);
}

static void
key (const char *letter)
{
  GtkWidget *page = find_search_page (window);

  if (page == NULL)
    g_error ("The search page is not on screen");
  tap (TAP_KEY, GTK_WIDGET (baken_search_page_get_keyboard (BAKEN_SEARCH_PAGE (page))),
       "keyboard.type", g_variant_new_string (letter));
}

typedef struct
{
  char *event;      /* a top-level life event with sub-situations */
  char *situation;
  char *service;
} Path;

/* Every life event with a situation that has services, with its first service. */
static GPtrArray *
collect_paths (BakenCatalog *catalog,
               const char   *language)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *paths = g_ptr_array_new ();

  events = baken_catalog_get_life_events (catalog, NULL, language, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      BakenLifeEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) children = NULL;

      children = baken_catalog_get_life_events (catalog, event->id, language, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < children->len; j++)
        {
          BakenLifeEvent *child = g_ptr_array_index (children, j);
          g_autoptr(GPtrArray) services = NULL;
          Path *path;

          services = baken_catalog_get_services_for_event (catalog, child->id, language,
                                                           BAKEN_AUDIENCE_PUBLIC, &error);
          g_assert_no_error (error);
          if (services->len == 0)
            continue;
          path = g_new0 (Path, 1);
          path->event = g_strdup (event->id);
          path->situation = g_strdup (child->id);
          path->service = g_strdup (((BakenService *) g_ptr_array_index (services, 0))->id);
          g_ptr_array_add (paths, path);
          break;
        }
    }

  return paths;
}

static void
open_step (const char *step)
{
  g_autoptr(GError) error = NULL;

  if (!baken_window_open (BAKEN_WINDOW (window), step, &error))
    g_error ("%s: %s", step, error->message);
  settle ();
}

static gboolean
reset_done (void)
{
  g_autofree char *location = baken_window_dup_location (BAKEN_WINDOW (window));

  return !baken_window_get_idle_prompt_visible (BAKEN_WINDOW (window)) &&
         g_strcmp0 (location, "home") == 0 &&
         g_strcmp0 (baken_window_get_language (BAKEN_WINDOW (window)), "nl") == 0;
}

/* The resident walks away: the prompt, its countdown, the reset (kept pages dropped,
 * Dutch and normal text again); then the next one's language and text size. */
static void
next_resident (const char *language,
               const char *text)
{
  gboolean timed_out = FALSE;
  guint id;

  open_step ("idle:prompt");
  id = g_timeout_add (20000, timeout_cb, &timed_out);
  while (!reset_done () && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The idle reset did not come");
  g_source_remove (id);
  settle ();

  if (!g_str_equal (language, "nl"))
    {
      g_autofree char *step = g_strdup_printf ("lang:%s", language);
      open_step (step);
    }
  if (text != NULL)
    {
      g_autofree char *step = g_strdup_printf ("a11y:%s", text);
      open_step (step);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("BAKEN_LOCALEDIR");
  const char *language = "nl", *text = NULL;
  gboolean landscape = FALSE;
  guint rounds = 20;
  g_autoptr(BakenApplication) application = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenContext) context = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  const char *other_language;
  int base_size;
  TapStats all = { 0, };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--input"))
        input_mode = TRUE;
      else if (g_str_equal (argv[i], "--phases"))
        phases_mode = TRUE;
      else if (g_str_equal (argv[i], "--landscape"))
        landscape = TRUE;
      else if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        language = argv[++i];
      else if (g_str_equal (argv[i], "--text") && i + 1 < argc)
        text = argv[++i];
      else if (g_ascii_isdigit (argv[i][0]))
        rounds = (guint) g_ascii_strtoull (argv[i], NULL, 10);
      else
        {
          fprintf (stderr, "usage: taps [ROUNDS] [--input] [--phases] [--landscape] [--lang CODE] "
                   "[--text large|very-large]\n");
          return 2;
        }
    }
  if (rounds == 0)
    rounds = 1;

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
  gdk_set_allowed_backends ("x11");

  application = baken_application_new (g_get_monotonic_time ());
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("%s", error->message);

  config = baken_config_new ();
  /* --lang: a language the default [kiosk] languages leave out is offered too. */
  if (!g_strv_contains ((const char * const *) config->languages, language))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **) config->languages);
      g_strv_builder_add (builder, language);
      g_strfreev (config->languages);
      config->languages = g_strv_builder_end (builder);
    }
  context = baken_context_load (config, &error);
  if (context == NULL)
    g_error ("%s", error->message);
  paths = collect_paths (baken_context_get_catalog (context), "nl");
  g_assert_cmpuint (paths->len, >, 0);

  /* The idle times a twentieth of the configured ones, as in bench/soak: the reset
   * between residents takes a second, and each tap restarts the idle timer (no round
   * leaves the window alone for the few seconds a reset would need). */
  window = GTK_WIDGET (baken_window_new (GTK_APPLICATION (application), context, FALSE, 0.05));
  gtk_window_set_default_size (GTK_WINDOW (window), landscape ? 1920 : 1080,
                               landscape ? 1080 : 1920);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint",
                    G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "layout",
                          G_CALLBACK (layout_cb), NULL);
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "paint",
                          G_CALLBACK (paint_cb), NULL);
  settle ();

  base_size = text == NULL ? 0 : g_str_equal (text, "very-large") ? 2 : 1;
  other_language = g_str_equal (language, "en") ? "nl" : "en";

  printf ("# %u rounds over %u paths, each after an idle reset, one more uncounted; %s, %s, "
          "text %s, by %s\n", rounds, paths->len,
          landscape ? "landscape 1920x1080" : "portrait 1080x1920", language,
          text != NULL ? text : "normal", input_mode ? "XTest pointer clicks" : "actions");
  fflush (stdout);

  for (guint round = 0; round <= rounds; round++)
    {
      /* Round 0 is not counted; it takes the last path, which round `rounds` takes
       * again only when there are more rounds than paths. */
      Path *path = g_ptr_array_index (paths, (round + paths->len - 1) % paths->len);

      next_resident (language, text);
      counting = round > 0;

      tap_string (TAP_EVENT, "kiosk.open-event", path->event);
      tap_string (TAP_SITUATION, "kiosk.open-event", path->situation);
      tap_string (TAP_SERVICE, "kiosk.open-service", path->service);
      tap_string (TAP_PRINT, "kiosk.open-print", path->service);
      tap_string (TAP_BACK, "kiosk.back", NULL);
      tap_string (TAP_BACK, "kiosk.back", NULL);
      tap_string (TAP_HOME, "kiosk.home", NULL);
      tap (TAP_TEXT_SIZE, window, "a11y.text-size", g_variant_new_int32 (base_size == 1 ? 2 : 1));
      tap (TAP_TEXT_SIZE, window, "a11y.text-size", g_variant_new_int32 (base_size));
      tap (TAP_CONTRAST, window, "a11y.high-contrast", NULL);
      tap (TAP_CONTRAST, window, "a11y.high-contrast", NULL);
      tap_string (TAP_LANGUAGE, "kiosk.language", other_language);
      tap_string (TAP_LANGUAGE, "kiosk.language", language);
      tap_string (TAP_SEARCH, "kiosk.search", NULL);
      key ("h");
      key ("u");
      key ("u");
      tap_string (TAP_HOME, "kiosk.home", NULL);
    }

  for (guint kind = 0; kind < N_TAPS; kind++)
    {
      tap_stats_print (&stats[kind], tap_names[kind], by_action[kind] ? "*" : "");
      tap_stats_merge (&all, &stats[kind]);
    }
  tap_stats_print (&all, "all", "");
  if (phases_mode)
    for (guint kind = 0; kind < N_TAPS; kind++)
      for (guint phase = 0; phase < N_PHASES; phase++)
        {
          g_autofree char *name = g_strdup_printf ("%s/%s", tap_names[kind], phase_names[phase]);

          tap_stats_print (&phase_stats[kind][phase], name, "");
        }
  printf ("taps-p99-ms %.1f\n", tap_stats_percentile (&all, 99));
  tap_stats_print (&cold, "cold", "");
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return 0;
}
