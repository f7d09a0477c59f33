/* test-focus.c: every control reached by keys alone, and focus where a person wants it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tab walks every screen of the demo (Home, each life event, each list of services, each
 * service, search, the slip preview) in Dutch and in Arabic. A control that Tab never
 * reaches, or a cycle that does not come back to where it started, is a trap for a
 * resident who cannot see or cannot touch.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-test-util.h"

#include "baken-nav-bar.h"
#include "baken-print-page.h"
#include "baken-service-card.h"
#include "baken-tile-grid.h"

/* What a person could reach: drawn, focusable, sensitive. A scrolled window takes focus
 * itself only when nothing in it can (GTK's rule): then it counts. */
static guint
collect_controls (GtkWidget  *widget,
                  GHashTable *controls)
{
  guint n_inside = 0;

  if (!gtk_widget_get_mapped (widget) ||
      gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_inside += collect_controls (child, controls);

  if (gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget) &&
      !(GTK_IS_SCROLLED_WINDOW (widget) && n_inside > 0))
    {
      g_hash_table_add (controls, widget);
      n_inside++;
    }

  return n_inside;
}

static char *
describe (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = NULL;
  const char *action = NULL;

  if (widget == NULL)
    return g_strdup ("(nothing)");

  if (GTK_IS_ACTIONABLE (widget))
    action = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));
  labels = ui_test_collect_labels (widget);

  return g_strdup_printf ("%s [%s] “%s”", G_OBJECT_TYPE_NAME (widget),
                          action != NULL ? action : "-",
                          labels->len > 0 ? (char *) g_ptr_array_index (labels, 0) : "");
}

/* Moves focus one step as Tab or Shift+Tab does, and returns where it went. */
static GtkWidget *
step (BakenWindow      *window,
      GtkDirectionType  direction)
{
  gtk_widget_child_focus (GTK_WIDGET (window), direction);

  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Tab from the first control comes back to it having passed every control once;
 * Shift+Tab walks the same cycle the other way. */
static void
assert_tab_cycle (BakenWindow *window,
                  const char  *screen)
{
  g_autoptr(GHashTable) controls = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) forward = g_ptr_array_new ();
  GtkWidget *first, *focus;
  GHashTableIter iter;
  gpointer control;

  collect_controls (gtk_window_get_child (GTK_WINDOW (window)), controls);
  g_assert_cmpuint (g_hash_table_size (controls), >, 0);

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  first = step (window, GTK_DIR_TAB_FORWARD);
  g_assert_nonnull (first);
  g_ptr_array_add (forward, first);
  g_hash_table_add (reached, first);

  /* Twice the controls is more than a cycle can honestly take. */
  for (guint i = 0; ; i++)
    {
      g_autofree char *was = describe (g_ptr_array_index (forward, forward->len - 1));

      if (i > 2 * g_hash_table_size (controls) + 2)
        g_error ("%s: Tab from %s never comes back to the first control", screen, was);

      focus = step (window, GTK_DIR_TAB_FORWARD);
      if (focus == first)
        break;
      if (focus == NULL || g_hash_table_contains (reached, focus))
        {
          g_autofree char *to = describe (focus);

          g_error ("%s: a trap: Tab from %s goes to %s, not on to a new control", screen,
                   was, to);
        }
      g_ptr_array_add (forward, focus);
      g_hash_table_add (reached, focus);
    }

  g_hash_table_iter_init (&iter, controls);
  while (g_hash_table_iter_next (&iter, &control, NULL))
    {
      if (!g_hash_table_contains (reached, control))
        {
          g_autofree char *what = describe (control);

          g_error ("%s: Tab never reaches %s (%u controls reached)", screen, what,
                   forward->len);
        }
    }

  /* Shift+Tab: the same controls, the other way round. */
  for (guint i = forward->len; i > 0; i--)
    {
      GtkWidget *expected = g_ptr_array_index (forward, i - 1);

      focus = step (window, GTK_DIR_TAB_BACKWARD);
      if (focus != expected)
        {
          g_autofree char *from = describe (g_ptr_array_index (forward, i % forward->len));
          g_autofree char *to = describe (focus);
          g_autofree char *want = describe (expected);

          g_error ("%s: Shift+Tab from %s goes to %s, not %s", screen, from, to, want);
        }
    }

  g_test_message ("%s: %u controls in one Tab cycle", screen, forward->len);
}

/* The steps of every screen of the demo. */
static GPtrArray *
collect_screens (BakenWindow *window)
{
  BakenCatalog *catalog = baken_context_get_catalog (baken_window_get_context (window));
  g_autoptr(GPtrArray) event_ids = ui_test_collect_event_ids (catalog);
  g_autoptr(GHashTable) services = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = baken_catalog_get_life_events (catalog, NULL, "nl", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      BakenLifeEvent *event = g_ptr_array_index (events, i);

      if (event->n_children > 0)
        g_ptr_array_add (steps, g_strconcat ("event:", event->id, NULL));
    }

  for (guint i = 0; i < event_ids->len; i++)
    {
      const char *event_id = g_ptr_array_index (event_ids, i);
      g_autoptr(GPtrArray) list = NULL;

      g_ptr_array_add (steps, g_strconcat ("services:", event_id, NULL));
      list = baken_catalog_get_services_for_event (catalog, event_id, "nl",
                                                   BAKEN_AUDIENCE_PUBLIC, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < list->len; j++)
        {
          BakenService *service = g_ptr_array_index (list, j);

          if (!g_hash_table_contains (services, service->id))
            {
              g_hash_table_add (services, g_strdup (service->id));
              g_ptr_array_add (steps, g_strconcat ("service:", service->id, NULL));
            }
        }
    }
  g_hash_table_foreach (services, (GHFunc) g_free, NULL);

  g_ptr_array_add (steps, g_strdup ("search"));
  g_ptr_array_add (steps, g_strdup ("search:schuld"));
  g_ptr_array_add (steps, g_strdup ("print:svc-schuldhulp"));

  return steps;
}

static void
test_tab_reaches_everything (gconstpointer data)
{
  const char *language = data;
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nlanguages = nl;ar\n");
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *lang_step = g_strconcat ("lang:", language, NULL);
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);

  ui_test_open (window, lang_step);
  assert_tab_cycle (window, "home");

  steps = collect_screens (window);
  g_assert_cmpuint (steps->len, >, 20);
  for (guint i = 0; i < steps->len; i++)
    {
      const char *screen = g_ptr_array_index (steps, i);

      ui_test_open (window, screen);
      if (g_str_has_prefix (screen, "print:"))
        ui_test_wait_preview (window);
      assert_tab_cycle (window, screen);
    }

  g_test_message ("%u screens walked", steps->len + 1);
  ui_test_window_destroy (window);
}

/* The nav bar's button for action (kiosk.back, kiosk.home). */
static GtkWidget *
nav_button (BakenWindow *window,
            const char  *action)
{
  GtkWidget *bar = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_NAV_BAR);
  g_autoptr(GPtrArray) buttons = ui_test_find_all (bar, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action) == 0)
        return button;
    }

  g_error ("no %s in the nav bar", action);
}

static void
assert_focus (BakenWindow *window,
              GtkWidget   *expected,
              const char  *screen)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus != expected)
    {
      g_autofree char *is = describe (focus);
      g_autofree char *want = describe (expected);

      g_error ("%s: focus is on %s, not %s", screen, is, want);
    }
}

/* The first tile, card or button of a page (in tree order). */
static GtkWidget *
first_of (BakenWindow *window,
          GType        type)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK));
  g_autoptr(GPtrArray) found = ui_test_find_all (gtk_stack_get_visible_child (stack), type);

  g_assert_cmpuint (found->len, >, 0);

  return g_ptr_array_index (found, 0);
}

static gboolean
has_focus_in_view (gpointer data)
{
  return gtk_root_get_focus (GTK_ROOT (data)) != NULL;
}

/* After each page change: the first choice; "Printen" on a service page; "Begin" after
 * printing. Escape goes back, as Terug does. */
static void
test_focus_after_page_change (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "slips", NULL);
  BakenWindow *window;
  GtkWidget *print_button;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_setenv ("BAKEN_PRINT_TO_DIR", folder, TRUE);
  window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  g_unsetenv ("BAKEN_PRINT_TO_DIR");

  g_assert_true (ui_test_wait (has_focus_in_view, window, 2000));
  assert_focus (window, first_of (window, GTK_TYPE_BUTTON), "home");

  ui_test_open (window, "event:le-geld");
  assert_focus (window, first_of (window, GTK_TYPE_BUTTON), "event:le-geld");

  ui_test_activate_to (window, "kiosk.open-services", "le-geld-rekeningen",
                       "services:le-geld-rekeningen");
  assert_focus (window, first_of (window, BAKEN_TYPE_SERVICE_CARD), "services:le-geld-rekeningen");

  ui_test_activate_to (window, "kiosk.open-service", "svc-schuldhulp",
                       "service:svc-schuldhulp");
  print_button = first_of (window, GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_has_css_class (print_button, "print-button"));
  assert_focus (window, print_button, "service:svc-schuldhulp");

  /* Back, by the key: the list again, focus on its first card. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.back", NULL));
  ui_test_assert_location (window, "services:le-geld-rekeningen", 2000);
  assert_focus (window, first_of (window, BAKEN_TYPE_SERVICE_CARD), "back to services");

  ui_test_activate_to (window, "kiosk.open-print", "svc-schuldhulp", "print:svc-schuldhulp");
  ui_test_wait_preview (window);
  assert_focus (window, first_of (window, GTK_TYPE_BUTTON), "print:svc-schuldhulp");

  /* Search: no control takes the keys a physical keyboard types (Space, Enter). */
  ui_test_activate_to (window, "kiosk.search", NULL, "search");
  g_assert_null (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.back", NULL));
  ui_test_assert_location (window, "print:svc-schuldhulp", 2000);
  ui_test_wait_preview (window);

  ui_test_press_print (window);
  ui_test_wait_print_state (window, "done", 10000);
  ui_test_settle (window);
  assert_focus (window, nav_button (window, "kiosk.home"), "printed");

  ui_test_window_destroy (window);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Every control that had the focus, in turn (NULL for none), while a page changes. */
static void
focus_moved_cb (GtkWindow  *window,
                GParamSpec *pspec,
                GPtrArray  *moves)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_ptr_array_add (moves, focus != NULL ? g_object_ref (focus) : NULL);
}

/* One page change by action: the focus goes straight to where the kiosk puts it (the
 * new page's first control, nowhere on search), never for a moment to another control
 * (GtkStack's own choice, which assistive technology would announce). */
static void
assert_focus_goes_straight (BakenWindow *window,
                            const char  *action,
                            const char  *target,
                            const char  *location)
{
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func (unref_nullable);
  gulong handler;
  GtkWidget *focus;

  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  handler = g_signal_connect (window, "notify::focus-widget", G_CALLBACK (focus_moved_cb),
                              moves);
  ui_test_activate_to (window, action, target, location);
  g_signal_handler_disconnect (window, handler);

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_cmpuint (moves->len, >, 0);
  for (guint i = 0; i < moves->len; i++)
    {
      GtkWidget *moved = g_ptr_array_index (moves, i);

      if (moved != NULL && moved != focus)
        {
          g_autofree char *is = describe (moved);
          g_autofree char *end = describe (focus);

          g_error ("%s: the focus went to %s on its way to %s", location, is, end);
        }
    }
}

static void
test_focus_goes_straight (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);

  g_assert_true (ui_test_wait (has_focus_in_view, window, 2000));
  assert_focus_goes_straight (window, "kiosk.open-event", "le-geld", "event:le-geld");
  assert_focus_goes_straight (window, "kiosk.open-services", "le-geld-rekeningen",
                              "services:le-geld-rekeningen");
  assert_focus_goes_straight (window, "kiosk.open-service", "svc-schuldhulp",
                              "service:svc-schuldhulp");
  /* GtkStack would give the first key of the on-screen keyboard the focus. */
  assert_focus_goes_straight (window, "kiosk.search", NULL, "search");
  g_assert_null (gtk_root_get_focus (GTK_ROOT (window)));

  ui_test_window_destroy (window);
}

/* A key as the window's key handling sees it (GTK 4.8 cannot make key events); whether
 * the key was used. */
static gboolean
press_key (BakenWindow *window,
           guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "baken-focus-keys") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0,
                                 &handled);
          ui_test_settle (window);
          return handled;
        }
    }

  g_error ("the window has no baken-focus-keys controller");
}

static double
page_scroll (BakenWindow *window)
{
  GtkStack *stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK));
  GtkWidget *scrolled = ui_test_find_widget (gtk_stack_get_visible_child (stack),
                                             GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (scrolled);

  return gtk_adjustment_get_value (
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
}

/* Down and Up step as Tab and Shift+Tab; Page Down and Page Up scroll the page; Escape
 * goes back, and at Home stays there. */
static void
test_keys (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  GtkWidget *print_button, *next;
  double top;

  ui_test_open (window, "event:le-geld");
  ui_test_open (window, "service:svc-schuldhulp");
  print_button = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_has_css_class (print_button, "print-button"));

  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  next = gtk_root_get_focus (GTK_ROOT (window));
  gtk_widget_grab_focus (print_button);
  g_assert_true (press_key (window, GDK_KEY_Down));
  assert_focus (window, next, "Down from Printen");
  g_assert_true (press_key (window, GDK_KEY_KP_Up));
  assert_focus (window, print_button, "Up back to Printen");

  /* Down went to the next control, "Heeft dit u geholpen?" at the end of the page, and
   * the page followed it: Page Up takes it back to the top. */
  for (guint i = 0; i < 10 && page_scroll (window) > 0; i++)
    g_assert_true (press_key (window, GDK_KEY_Page_Up));
  top = page_scroll (window);
  g_assert_cmpfloat (top, ==, 0);
  g_assert_true (press_key (window, GDK_KEY_Page_Down));
  g_assert_cmpfloat (page_scroll (window), >, top + 500);
  g_assert_true (press_key (window, GDK_KEY_Page_Up));
  g_assert_cmpfloat_with_epsilon (page_scroll (window), top, 0.5);

  g_assert_true (press_key (window, GDK_KEY_Escape));
  ui_test_assert_location (window, "event:le-geld", 2000);
  g_assert_true (press_key (window, GDK_KEY_Escape));
  ui_test_assert_location (window, "home", 2000);
  press_key (window, GDK_KEY_Escape);
  ui_test_assert_location (window, "home", 2000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  ui_test_window_destroy (window);
}

/* The x of the middle of widget in the window. */
static double
middle_x (GtkWidget   *widget,
          BakenWindow *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));

  return bounds.origin.x + bounds.size.width / 2;
}

/* Down and Tab take the tiles of Home in reading order, one by one: left to right in
 * Dutch, right to left in Arabic. */
static void
test_reading_order (gconstpointer data)
{
  const char *language = data;
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nlanguages = nl;ar\n");
  g_autofree char *lang_step = g_strconcat ("lang:", language, NULL);
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  GtkStack *stack;
  g_autoptr(GPtrArray) tiles = NULL;
  gboolean rtl = g_str_equal (language, "ar");

  ui_test_open (window, lang_step);
  stack = GTK_STACK (ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK));
  tiles = ui_test_find_all (gtk_stack_get_visible_child (stack), GTK_TYPE_BUTTON);
  g_assert_cmpuint (tiles->len, >, 3);

  /* The second tile stands after the first in the reading direction. */
  if (rtl)
    g_assert_cmpfloat (middle_x (g_ptr_array_index (tiles, 1), window), <,
                       middle_x (g_ptr_array_index (tiles, 0), window));
  else
    g_assert_cmpfloat (middle_x (g_ptr_array_index (tiles, 1), window), >,
                       middle_x (g_ptr_array_index (tiles, 0), window));

  assert_focus (window, g_ptr_array_index (tiles, 0), "home");
  for (guint i = 1; i < tiles->len; i++)
    {
      g_autofree char *what = g_strdup_printf ("%s: Down to tile %u", language, i + 1);

      g_assert_true (press_key (window, GDK_KEY_Down));
      assert_focus (window, g_ptr_array_index (tiles, i), what);
    }
  for (guint i = tiles->len - 1; i > 0; i--)
    {
      g_autofree char *what = g_strdup_printf ("%s: Up to tile %u", language, i);

      g_assert_true (press_key (window, GDK_KEY_Up));
      assert_focus (window, g_ptr_array_index (tiles, i - 1), what);
    }

  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/ui/focus/tab-reaches-everything/nl", "nl",
                        test_tab_reaches_everything);
  g_test_add_data_func ("/ui/focus/tab-reaches-everything/ar", "ar",
                        test_tab_reaches_everything);
  g_test_add_func ("/ui/focus/after-page-change", test_focus_after_page_change);
  g_test_add_func ("/ui/focus/goes-straight", test_focus_goes_straight);
  g_test_add_func ("/ui/focus/keys", test_keys);
  g_test_add_data_func ("/ui/focus/reading-order/nl", "nl", test_reading_order);
  g_test_add_data_func ("/ui/focus/reading-order/ar", "ar", test_reading_order);

  return g_test_run ();
}
