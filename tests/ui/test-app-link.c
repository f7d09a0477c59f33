/* test-app-link.c: the kiosk window and its application, and what a day of residents
 * leaves behind in GTK's action muxers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In GTK 4.8 a window added to a GtkApplication gets the application's action muxer as
 * the parent of its own, and every page built with buttons that name an action leaves
 * a registration of the window's muxer at the application's, with a weak reference on
 * the window's muxer, that only the window's end takes back (baken-app-link.c). The
 * kiosk's window is one window for months, so the registrations must not pile up.
 *
 * GtkActionMuxer is GTK's own and private; what it does is seen here through
 * g_object_weak_ref (): this test defines it (the dynamic linker gives GTK this one,
 * which calls GLib's), and counts the weak references held on each live action muxer.
 */
#include "config.h"

#include <dlfcn.h>

#include "ui-test-util.h"
#include "baken-app-link.h"
#include "baken-context.h"

/* Live action muxers → the weak references held on each (net: taken minus dropped). */
static GHashTable *muxer_refs;
static guint       muxer_refs_seen;  /* weak references ever taken on an action muxer */
static GMutex      muxer_lock;

typedef void (*WeakRefFunc) (GObject *object, GWeakNotify notify, gpointer data);

static WeakRefFunc
glib_func (const char *name)
{
  WeakRefFunc func = (WeakRefFunc) dlsym (RTLD_NEXT, name);

  g_assert_nonnull (func);
  return func;
}

static gboolean
is_muxer (GObject *object)
{
  static GType muxer_type;

  if (muxer_type == 0)
    muxer_type = g_type_from_name ("GtkActionMuxer");
  return muxer_type != 0 && G_OBJECT_TYPE (object) == muxer_type;
}

static void
muxer_gone (gpointer  data,
            GObject  *where_the_object_was)
{
  g_mutex_lock (&muxer_lock);
  g_hash_table_remove (muxer_refs, where_the_object_was);
  g_mutex_unlock (&muxer_lock);
}

static void
count_muxer_ref (GObject *object,
                 int      delta)
{
  gboolean first;

  g_mutex_lock (&muxer_lock);
  if (muxer_refs == NULL)
    muxer_refs = g_hash_table_new (NULL, NULL);
  first = !g_hash_table_contains (muxer_refs, object);
  g_hash_table_insert (muxer_refs, object,
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (muxer_refs,
                                                                              object)) + delta));
  if (delta > 0)
    muxer_refs_seen++;
  g_mutex_unlock (&muxer_lock);
  /* Forgotten when the muxer is finalized: its weak references go with it. */
  if (first)
    glib_func ("g_object_weak_ref") (object, muxer_gone, NULL);
}

/* GLib's function name, then the count: delta +1 for a reference taken, -1 dropped. */
static void
forward (const char  *name,
         GObject     *object,
         GWeakNotify  notify,
         gpointer     data,
         int          delta)
{
  glib_func (name) (object, notify, data);
  if (notify != muxer_gone && is_muxer (object))
    count_muxer_ref (object, delta);
}

/* GLib's own, declared in gobject.h: these take their place in the process. */
void
g_object_weak_ref (GObject     *object,
                   GWeakNotify  notify,
                   gpointer     data)
{
  forward ("g_object_weak_ref", object, notify, data, 1);
}

void
g_object_weak_unref (GObject     *object,
                     GWeakNotify  notify,
                     gpointer     data)
{
  forward ("g_object_weak_unref", object, notify, data, -1);
}

/* The most weak references any live action muxer holds. */
static int
most_muxer_refs (void)
{
  GHashTableIter iter;
  gpointer value;
  int most = 0;

  g_mutex_lock (&muxer_lock);
  if (muxer_refs != NULL)
    {
      g_hash_table_iter_init (&iter, muxer_refs);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        most = MAX (most, GPOINTER_TO_INT (value));
    }
  g_mutex_unlock (&muxer_lock);
  return most;
}

static gboolean
reset_done_cb (gpointer data)
{
  BakenWindow *window = data;
  g_autofree char *location = baken_window_dup_location (window);

  return !baken_window_get_idle_prompt_visible (window) && g_strcmp0 (location, "home") == 0;
}

/* One resident: a life event, a service, English, and the walk-away's reset, which
 * drops every kept page, so the next resident's pages are built anew. */
static void
resident_path (BakenWindow *window,
               const char  *event,
               const char  *service)
{
  g_autofree char *event_at = g_strdup_printf ("event:%s", event);
  g_autofree char *service_at = g_strdup_printf ("service:%s", service);

  ui_test_activate_to (window, "kiosk.open-event", event, event_at);
  ui_test_activate_to (window, "kiosk.open-service", service, service_at);
  ui_test_open (window, "lang:en");
  ui_test_open (window, "idle:prompt");
  g_assert_true (ui_test_wait (reset_done_cb, window, 10000));
  ui_test_settle (window);
}

/* Residents come and go, and no action muxer gathers weak references: before, the
 * window's gained about seven for each resident. */
static void
test_muxers_steady (void)
{
  enum { WARM = 2, RESIDENTS = 8 };
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(BakenContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *event = NULL;
  g_autofree char *situation = NULL;
  g_autofree char *service = NULL;
  BakenWindow *window;
  guint seen;
  int warm;

  context = baken_context_load (config, &error);
  g_assert_no_error (error);
  ui_test_find_path (baken_context_get_catalog (context), NULL, NULL, &event, &situation,
                     &service);
  window = ui_test_window_new_for_context (context, 0.05, 1080, 1920);
  g_assert_null (gtk_window_get_application (GTK_WINDOW (window)));

  for (guint i = 0; i < WARM; i++)
    resident_path (window, event, service);
  warm = most_muxer_refs ();
  seen = muxer_refs_seen;
  for (guint i = 0; i < RESIDENTS; i++)
    resident_path (window, event, service);
  g_test_message ("most weak references on an action muxer: %d after %d residents, %d "
                  "after %d more; %u taken meanwhile", warm, WARM, most_muxer_refs (),
                  RESIDENTS, muxer_refs_seen - seen);

  /* The count sees the muxers at work: the pages' buttons observe their actions. */
  g_assert_cmpuint (muxer_refs_seen - seen, >=, 10 * RESIDENTS);
  /* The same screen after the same reset: the same muxers. A little slack, far below
   * the ~7 each resident left before. */
  g_assert_cmpint (most_muxer_refs (), <=, warm + 4);
  ui_test_window_destroy (window);
}

static gboolean probe_activated;

static void
probe_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  probe_activated = TRUE;
}

/* What belonging to the application gave the window, it still has: the application's
 * actions as app.*, and the application finds it until it is destroyed. */
static void
test_window_linked (void)
{
  GApplication *application = ui_test_get_application ();
  g_autoptr(GSimpleAction) probe = g_simple_action_new ("test-probe", NULL);
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window;

  g_signal_connect (probe, "activate", G_CALLBACK (probe_cb), NULL);
  g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (probe));
  window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);

  g_assert_true (baken_app_link_get_window (application) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.test-probe", NULL));
  g_assert_true (probe_activated);

  ui_test_window_destroy (window);
  g_assert_null (baken_app_link_get_window (application));
  g_action_map_remove_action (G_ACTION_MAP (application), "test-probe");
}

typedef struct
{
  BakenContext *context;
  BakenWindow  *window;
  gboolean      destroyed;   /* the window was destroyed while the application ran */
  gboolean      ran_on;      /* the application still ran after activate () returned */
} HoldRun;

static void
hold_destroyed_cb (GtkWidget *window,
                   HoldRun   *run)
{
  run->destroyed = TRUE;
}

static gboolean
hold_close_cb (gpointer data)
{
  HoldRun *run = data;

  run->ran_on = TRUE;
  gtk_window_destroy (GTK_WINDOW (run->window));
  return G_SOURCE_REMOVE;
}

static void
hold_activate_cb (GApplication *application,
                  HoldRun      *run)
{
  run->window = baken_window_new (GTK_APPLICATION (application), run->context, FALSE, 1.0);
  g_signal_connect (run->window, "destroy", G_CALLBACK (hold_destroyed_cb), run);
  gtk_window_present (GTK_WINDOW (run->window));
  g_timeout_add (200, hold_close_cb, run);
}

/* An application runs as long as its window lives, as one that holds its windows
 * does: g_application_run () returns when the window is destroyed, not before. */
static void
test_holds_application (void)
{
  g_autoptr(GtkApplication) application = NULL;
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GError) error = NULL;
  HoldRun run = { 0, };

  run.context = baken_context_load (config, &error);
  g_assert_no_error (error);
  application = gtk_application_new ("nl.baken.TestAppLink", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (hold_activate_cb), &run);

  g_assert_cmpint (g_application_run (G_APPLICATION (application), 0, NULL), ==, 0);
  g_assert_true (run.ran_on);
  g_assert_true (run.destroyed);
  g_assert_null (baken_app_link_get_window (G_APPLICATION (application)));
  g_clear_object (&run.context);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/app-link/muxers-steady", test_muxers_steady);
  g_test_add_func ("/app-link/window-linked", test_window_linked);
  g_test_add_func ("/app-link/holds-application", test_holds_application);

  return g_test_run ();
}
