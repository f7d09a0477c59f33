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

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/ui/focus/tab-reaches-everything/nl", "nl",
                        test_tab_reaches_everything);
  g_test_add_data_func ("/ui/focus/tab-reaches-everything/ar", "ar",
                        test_tab_reaches_everything);

  return g_test_run ();
}
