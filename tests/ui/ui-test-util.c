/* ui-test-util.c: running the kiosk window inside a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-test-util.h"

#include "test-util.h"

#include "baken-print-page.h"

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "baken-application.h"
#include "baken-context.h"

static GApplication *application;

void
ui_test_init (int    *argc,
              char ***argv)
{
  const char *localedir = g_getenv ("BAKEN_LOCALEDIR");
  const char *messages;
  g_autoptr(GError) error = NULL;

  /* GtkSpinner (the slip preview, printing) draws a symbolic SVG icon that gdk-pixbuf
   * recognises by its MIME type, and G_TEST_OPTION_ISOLATE_DIRS hides the MIME
   * database: load it before that. */
  g_free (g_content_type_guess ("spinner.svg", NULL, 0, NULL));
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* As main() does it. */
  setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "nl", TRUE);

  application = G_APPLICATION (baken_application_new (g_get_monotonic_time ()));
  g_application_register (application, NULL, &error);
  g_assert_no_error (error);
}

GApplication *
ui_test_get_application (void)
{
  return application;
}

BakenConfig *
ui_test_config_new (const char *keyfile_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BakenConfig *config;
  int fd;

  if (keyfile_text == NULL)
    return baken_config_new ();

  fd = g_file_open_tmp ("kiosk-XXXXXX.conf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, keyfile_text, -1, &error);
  g_assert_no_error (error);

  config = baken_config_load (path, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return config;
}

static gboolean
window_ready (gpointer data)
{
  GtkWidget *window = data;

  return gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0;
}

BakenWindow *
ui_test_window_new (BakenConfig *config,
                    gboolean     kiosk,
                    double       idle_scale,
                    int          width,
                    int          height)
{
  g_autoptr(BakenContext) context = NULL;
  g_autoptr(GError) error = NULL;
  BakenWindow *window;

  context = baken_context_load (config, &error);
  g_assert_no_error (error);

  window = baken_window_new (GTK_APPLICATION (application), context, kiosk, idle_scale);
  if (!kiosk)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (ui_test_wait (window_ready, window, 5000));
  ui_test_settle (window);

  return window;
}

BakenWindow *
ui_test_window_new_for_context (BakenContext *context,
                                double        idle_scale,
                                int           width,
                                int           height)
{
  BakenWindow *window = baken_window_new (GTK_APPLICATION (application), context, FALSE,
                                          idle_scale);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ui_test_wait (window_ready, window, 5000));
  ui_test_settle (window);

  return window;
}

void
ui_test_window_destroy (BakenWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_run (20);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

gboolean
ui_test_wait (UiTestCondition condition,
              gpointer        data,
              guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (baken_test_scale_ms (timeout_ms), timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

void
ui_test_run (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
ui_test_settle (BakenWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong id;

  while (g_main_context_iteration (NULL, FALSE))
    ;

  if (clock == NULL)
    return;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  ui_test_wait (is_true, &painted, 2000);
  g_signal_handler_disconnect (clock, id);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_drawn (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

static void
collect (GtkWidget *widget,
         GPtrArray *labels)
{
  if (!is_drawn (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, labels);
}

GPtrArray *
ui_test_collect_labels (GtkWidget *root)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  collect (root, labels);

  return labels;
}

gboolean
ui_test_has_label (GtkWidget  *root,
                   const char *text)
{
  g_autoptr(GPtrArray) labels = ui_test_collect_labels (root);

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (labels, i), text))
        return TRUE;
    }

  return FALSE;
}

GtkWidget *
ui_test_find_widget (GtkWidget *root,
                     GType      type)
{
  if (!is_drawn (root))
    return NULL;

  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every drawn widget under widget, in tree order, that has css_class (non-NULL) or is
 * of type (else). */
static void
find_all (GtkWidget  *widget,
          const char *css_class,
          GType       type,
          GPtrArray  *found)
{
  if (!is_drawn (widget))
    return;

  if (css_class != NULL ? gtk_widget_has_css_class (widget, css_class)
                        : g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, css_class, type, found);
}

GPtrArray *
ui_test_find_by_css_class (GtkWidget  *root,
                           const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  find_all (root, css_class, G_TYPE_INVALID, found);

  return found;
}

gboolean
ui_test_focus_is (BakenWindow *window,
                  const char  *action,
                  const char  *target)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GVariant *value;

  if (focus == NULL || !GTK_IS_ACTIONABLE (focus) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), action) != 0)
    return FALSE;
  if (target == NULL)
    return TRUE;

  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (focus));
  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
         g_str_equal (g_variant_get_string (value, NULL), target);
}

GtkWidget *
ui_test_find_action_button (GtkWidget  *root,
                            const char *action)
{
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
ui_test_fixed_item (int width,
                    int height)
{
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_size_request (item, width, height);
  return item;
}

graphene_rect_t
ui_test_bounds_in (GtkWidget *widget,
                   GtkWidget *in)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, in, &bounds));
  return bounds;
}

GPtrArray *
ui_test_find_all (GtkWidget *root,
                  GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  find_all (root, NULL, type, found);

  return found;
}

static void
add_event_ids (BakenCatalog *catalog,
               const char   *parent_id,
               GPtrArray    *event_ids)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = baken_catalog_get_life_events (catalog, parent_id, "nl", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      BakenLifeEvent *event = g_ptr_array_index (events, i);

      if (event->n_services > 0)
        g_ptr_array_add (event_ids, g_strdup (event->id));
      if (event->n_children > 0)
        add_event_ids (catalog, event->id, event_ids);
    }
}

GPtrArray *
ui_test_collect_event_ids (BakenCatalog *catalog)
{
  GPtrArray *event_ids = g_ptr_array_new_with_free_func (g_free);

  add_event_ids (catalog, NULL, event_ids);

  return event_ids;
}

void
ui_test_find_path (BakenCatalog        *catalog,
                   UiTestServiceFilter  accept,
                   gpointer             data,
                   char               **event_id,
                   char               **situation_id,
                   char               **service_id)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = baken_catalog_get_life_events (catalog, NULL, "nl", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < events->len; i++)
    {
      BakenLifeEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) children = NULL;

      if (event->n_children == 0)
        continue;

      children = baken_catalog_get_life_events (catalog, event->id, "nl", &error);
      g_assert_no_error (error);

      for (guint j = 0; j < children->len; j++)
        {
          BakenLifeEvent *child = g_ptr_array_index (children, j);
          g_autoptr(GPtrArray) services = NULL;

          if (child->n_children > 0)
            continue;

          services = baken_catalog_get_services_for_event (catalog, child->id, "nl",
                                                           BAKEN_AUDIENCE_PUBLIC, &error);
          g_assert_no_error (error);

          for (guint k = 0; k < services->len; k++)
            {
              BakenService *service = g_ptr_array_index (services, k);

              if (accept != NULL && !accept (catalog, service, data))
                continue;

              *event_id = g_strdup (event->id);
              *situation_id = g_strdup (child->id);
              *service_id = g_strdup (service->id);
              return;
            }
        }
    }

  g_error ("the content has no resident's path to a service the test can use");
}

/* Is text of label drawn whole? */
static void
check_label (GtkWidget  *label,
             GtkWidget  *window,
             const char *screen)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  int width = gtk_widget_get_width (label);
  int height = gtk_widget_get_height (label);
  int layout_w, layout_h;
  graphene_rect_t bounds;

  if (*text == '\0' || width <= 0)
    return;

  if (gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    {
      /* The kiosk name may shorten: it is not something to read or tap. */
      if (!gtk_widget_has_css_class (label, "kiosk-name"))
        g_error ("%s: “%s” is ellipsized", screen, text);
      return;
    }

  /* It got the room its text needs: the laid-out text is no larger than the label's
   * content box (measure() would count margins and padding too). */
  pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (label)), &layout_w, &layout_h);
  if (layout_w > width + 1)
    g_error ("%s: “%s” is %d px wide, has %d", screen, text, layout_w, width);
  if (layout_h > height + 1)
    g_error ("%s: “%s” is %d px high, has %d", screen, text, layout_h, height);

  /* Inside its button and inside the window (scrolled content may be out of view
   * vertically, never to the side). */
  for (GtkWidget *parent = gtk_widget_get_parent (label);
       parent != NULL;
       parent = gtk_widget_get_parent (parent))
    {
      /* Between the label and parent a scrolled window: it may be out of view. */
      gboolean scrolled = FALSE;

      for (GtkWidget *w = label; w != parent; w = gtk_widget_get_parent (w))
        scrolled |= GTK_IS_SCROLLED_WINDOW (w);

      if (!GTK_IS_BUTTON (parent) && parent != window)
        continue;

      g_assert_true (gtk_widget_compute_bounds (label, parent, &bounds));
      if (bounds.origin.x < -0.5 ||
          bounds.origin.x + bounds.size.width > gtk_widget_get_width (parent) + 0.5 ||
          (!scrolled && (bounds.origin.y < -0.5 ||
                         bounds.origin.y + bounds.size.height >
                         gtk_widget_get_height (parent) + 0.5)))
        g_error ("%s: “%s” (%g,%g %gx%g) sticks out of its %s (%dx%d)", screen, text,
                 bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height,
                 G_OBJECT_TYPE_NAME (parent),
                 gtk_widget_get_width (parent), gtk_widget_get_height (parent));
    }
}

static void
check_labels (GtkWidget  *root,
              GtkWidget  *window,
              const char *screen,
              guint      *n_checked)
{
  if (!gtk_widget_get_mapped (root))
    return;

  if (GTK_IS_LABEL (root))
    {
      check_label (root, window, screen);
      (*n_checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_labels (child, window, screen, n_checked);
}

guint
ui_test_assert_labels_whole (BakenWindow *window,
                             const char  *screen)
{
  guint n_checked = 0;

  check_labels (GTK_WIDGET (window), GTK_WIDGET (window), screen, &n_checked);

  return n_checked;
}

void
ui_test_activate (BakenWindow *window,
                  const char  *action,
                  GVariant    *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  ui_test_settle (window);
}

void
ui_test_open (BakenWindow *window,
              const char  *step)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baken_window_open (window, step, &error));
  g_assert_no_error (error);
  ui_test_settle (window);
}

typedef struct
{
  BakenWindow *window;
  const char  *location;
} LocationCheck;

static gboolean
at_location (gpointer data)
{
  LocationCheck *check = data;
  g_autofree char *location = baken_window_dup_location (check->window);

  return g_strcmp0 (location, check->location) == 0;
}

void
ui_test_assert_location (BakenWindow *window,
                         const char  *location,
                         guint        timeout_ms)
{
  LocationCheck check = { window, location };
  g_autofree char *shown = NULL;

  ui_test_wait (at_location, &check, timeout_ms);
  ui_test_settle (window);
  shown = baken_window_dup_location (window);
  g_assert_cmpstr (shown, ==, location);
}

void
ui_test_activate_to (BakenWindow *window,
                     const char  *action,
                     const char  *target,
                     const char  *expected_location)
{
  if (target != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, "s", target));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));

  ui_test_assert_location (window, expected_location, 2000);
}

GtkWidget *
ui_test_print_page (BakenWindow *window)
{
  GtkWidget *page = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_PRINT_PAGE);

  g_assert_nonnull (page);

  return page;
}

static gboolean
preview_ready (gpointer data)
{
  GtkWidget *page = ui_test_find_widget (GTK_WIDGET (data), BAKEN_TYPE_PRINT_PAGE);

  return page != NULL && baken_print_page_get_preview_ready (BAKEN_PRINT_PAGE (page));
}

void
ui_test_wait_preview (BakenWindow *window)
{
  g_assert_true (ui_test_wait (preview_ready, window, 10000));
  ui_test_settle (window);
}

void
ui_test_check_screens (const char        *language,
                       const char *const *steps,
                       guint              n_steps,
                       UiTestScreenCheck  check,
                       const char        *problem)
{
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nlanguages = nl;en;ar\n");
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  g_autofree char *lang_step = g_strconcat ("lang:", language, NULL);

  ui_test_open (window, lang_step);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(GString) found = g_string_new (NULL);
      gboolean print = g_str_has_prefix (steps[i], "print:");

      if (!g_str_equal (steps[i], "home"))
        ui_test_open (window, steps[i]);
      if (print)
        ui_test_wait_preview (window);
      check (GTK_WIDGET (window), found);
      g_test_message ("%s, %s: %s", language, steps[i], found->len > 0 ? found->str : "none");
      if (found->len > 0)
        g_error ("%s, %s: %s:%s", language, steps[i], problem, found->str);
      if (print)
        ui_test_activate (window, "kiosk.home", NULL);
    }
  ui_test_window_destroy (window);
}

typedef struct
{
  BakenWindow *window;
  const char  *state;
} PrintStateCheck;

static gboolean
in_print_state (gpointer data)
{
  PrintStateCheck *check = data;
  GtkWidget *page = ui_test_find_widget (GTK_WIDGET (check->window), BAKEN_TYPE_PRINT_PAGE);

  return page != NULL &&
         g_strcmp0 (baken_print_page_get_state (BAKEN_PRINT_PAGE (page)), check->state) == 0;
}

double
ui_test_wait_print_state (BakenWindow *window,
                          const char  *state,
                          guint        timeout_ms)
{
  PrintStateCheck check = { window, state };
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!ui_test_wait (in_print_state, &check, timeout_ms))
    g_error ("the print page shows “%s”, not “%s”, after %u ms",
             baken_print_page_get_state (BAKEN_PRINT_PAGE (ui_test_print_page (window))),
             state, baken_test_scale_ms (timeout_ms));
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  ui_test_settle (window);

  return seconds;
}

void
ui_test_press_print (BakenWindow *window)
{
  g_assert_true (gtk_widget_activate_action (ui_test_print_page (window), "print.start", NULL));
}

typedef struct
{
  gboolean done;
  int      status;
} Child;

static void
child_exited_cb (GPid     pid,
                 int      status,
                 gpointer data)
{
  Child *child = data;

  child->status = status;
  child->done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
child_done (gpointer data)
{
  return ((Child *) data)->done;
}

void
ui_test_send_keys (BakenWindow *window,
                   const char  *first_key,
                   ...)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", gdk_x11_surface_get_xid (surface));
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Child child = { FALSE, 0 };
  va_list args;
  GPid pid;

  g_ptr_array_add (argv, (char *) "xdotool");
  g_ptr_array_add (argv, (char *) "windowfocus");
  g_ptr_array_add (argv, (char *) "--sync");
  g_ptr_array_add (argv, xid);
  g_ptr_array_add (argv, (char *) "key");
  g_ptr_array_add (argv, (char *) "--delay");
  g_ptr_array_add (argv, (char *) "30");
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) key);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited_cb, &child);
  g_assert_true (ui_test_wait (child_done, &child, 10000));
  g_assert_true (g_spawn_check_wait_status (child.status, NULL));
  ui_test_run (300);
}

void
ui_test_hold_key (BakenWindow *window,
                  const char  *key,
                  guint        ms)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", gdk_x11_surface_get_xid (surface));
  g_autofree char *seconds = g_strdup_printf ("%.3f", ms / 1000.0);
  const char *argv[] = { "xdotool", "windowfocus", "--sync", xid, "keydown", key,
                         "sleep", seconds, "keyup", key, NULL };
  g_autoptr(GError) error = NULL;
  Child child = { FALSE, 0 };
  GPid pid;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited_cb, &child);
  g_assert_true (ui_test_wait (child_done, &child, ms + 10000));
  g_assert_true (g_spawn_check_wait_status (child.status, NULL));
  ui_test_run (300);
}

void
ui_test_hold (BakenWindow *window,
              GtkWidget   *widget,
              guint        ms)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", gdk_x11_surface_get_xid (surface));
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autofree char *seconds = g_strdup_printf ("%.3f", ms / 1000.0);
  graphene_point_t centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0f,
                                                 gtk_widget_get_height (widget) / 2.0f);
  graphene_point_t at;
  g_autoptr(GError) error = NULL;
  Child child = { FALSE, 0 };
  GPid pid;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window), &centre, &at));
  x = g_strdup_printf ("%d", (int) at.x);
  y = g_strdup_printf ("%d", (int) at.y);
  {
    const char *argv[] = { "xdotool", "mousemove", "--window", xid, x, y, "mousedown", "1",
                           "sleep", seconds, "mouseup", "1", NULL };

    g_spawn_async (NULL, (char **) argv, NULL,
                   G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  }
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited_cb, &child);
  g_assert_true (ui_test_wait (child_done, &child, ms + 10000));
  g_assert_true (g_spawn_check_wait_status (child.status, NULL));
  ui_test_run (300);
}

GskRenderNode *
ui_test_snapshot_window (BakenWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;

  ui_test_settle (window);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return node;
}

cairo_surface_t *
ui_test_render_window (BakenWindow *window)
{
  g_autoptr(GskRenderNode) node = ui_test_snapshot_window (window);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        gtk_widget_get_width (GTK_WIDGET (window)),
                                        gtk_widget_get_height (GTK_WIDGET (window)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}
