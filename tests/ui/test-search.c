/* test-search.c: search with the on-screen keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resident's way: "Zoeken" in the top bar, letters tapped on the keys (each key's
 * "clicked", which activates the keyboard's actions), the results on screen, a result
 * tapped.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ui-test-util.h"

#include "baken-desk-hint.h"
#include "baken-keyboard.h"
#include "baken-search-page.h"

typedef struct
{
  int width;
  int height;
} Size;

static const Size portrait = { 1080, 1920 };
static const Size landscape = { 1920, 1080 };

static void
assert_shows (BakenWindow *window,
              const char  *text)
{
  if (!ui_test_has_label (GTK_WIDGET (window), text))
    {
      g_autoptr(GPtrArray) labels = ui_test_collect_labels (GTK_WIDGET (window));

      for (guint i = 0; i < labels->len; i++)
        g_test_message ("shown: “%s”", (char *) g_ptr_array_index (labels, i));
      g_error ("“%s” is not shown", text);
    }
}

static BakenSearchPage *
open_search (BakenWindow *window)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.search", NULL));
  ui_test_settle (window);
  page = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_SEARCH_PAGE);
  g_assert_nonnull (page);

  return BAKEN_SEARCH_PAGE (page);
}

static BakenKeyboard *
shown_keyboard (BakenWindow *window)
{
  GtkWidget *keyboard = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_KEYBOARD);

  g_assert_nonnull (keyboard);

  return BAKEN_KEYBOARD (keyboard);
}

static gboolean
has_target (GtkWidget  *widget,
            const char *action,
            const char *target)
{
  GVariant *value;

  if (!GTK_IS_ACTIONABLE (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) != 0)
    return FALSE;

  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  if (target == NULL)
    return value == NULL;

  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
         g_str_equal (g_variant_get_string (value, NULL), target);
}

/* The drawn button under root with this action (and target). */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *action,
             const char *target)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (GTK_IS_BUTTON (root) && has_target (root, action, target))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A tap on a key: its "clicked", which activates its action at once. */
static void
tap (BakenWindow *window,
     const char  *action,
     const char  *target)
{
  GtkWidget *key = find_button (GTK_WIDGET (shown_keyboard (window)), action, target);

  if (key == NULL)
    g_error ("No key for %s “%s” on the keyboard", action, target ? target : "");
  g_signal_emit_by_name (key, "clicked");
}

/* Types text one key at a time; characters without a key of their own (quotes, *)
 * through the keyboard's action, like an assistive technology could. */
static void
type (BakenWindow *window,
      const char  *text)
{
  BakenKeyboard *keyboard = shown_keyboard (window);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);

      if (find_button (GTK_WIDGET (keyboard), "keyboard.type", key) != NULL)
        tap (window, "keyboard.type", key);
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (keyboard), "keyboard.type", "s",
                                                   key));
    }

  ui_test_settle (window);
}

static GPtrArray *
find_shown (BakenWindow *window,
            const char  *css_class)
{
  return ui_test_find_by_css_class (GTK_WIDGET (window), css_class);
}

static const char *
target_of (GtkWidget *button)
{
  GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

  g_assert_nonnull (value);

  return g_variant_get_string (value, NULL);
}

static const char *
status_text (BakenWindow *window)
{
  g_autoptr(GPtrArray) status = find_shown (window, "search-status");

  if (status->len == 0)
    return NULL;

  g_assert_cmpuint (status->len, ==, 1);

  return gtk_label_get_label (g_ptr_array_index (status, 0));
}

/* Typing one letter at a time: nothing at one letter, results from the second, and the
 * text in the location (so Back brings it back). */
static void
test_typing_shows_results (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) results = NULL;
  BakenWindow *window;
  BakenSearchPage *page;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);

  /* "Zoeken" is in the top bar on Home. */
  g_assert_nonnull (find_button (GTK_WIDGET (window), "kiosk.search", NULL));
  assert_shows (window, "Zoeken");

  page = open_search (window);
  ui_test_assert_location (window, "search", 3000);
  assert_shows (window, "Typ een woord");
  assert_shows (window, "Tik op de letters. Bijvoorbeeld: huur, schulden of brief.");

  tap (window, "keyboard.type", "h");
  ui_test_settle (window);
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "h");
  g_assert_cmpstr (status_text (window), ==, "Typ nog een letter.");
  results = find_shown (window, "search-result");
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  type (window, "uur");
  assert_shows (window, "huur");
  g_assert_cmpstr (status_text (window), ==, "Dit hebben we gevonden:");
  results = find_shown (window, "search-result");
  g_assert_cmpuint (results->len, >, 0);
  g_assert_cmpuint (results->len, <=, BAKEN_SEARCH_PAGE_MAX_RESULTS);
  ui_test_assert_location (window, "search:huur", 3000);

  /* Life events first, then services. */
  {
    gboolean seen_service = FALSE;

    for (guint i = 0; i < results->len; i++)
      {
        GtkWidget *button = g_ptr_array_index (results, i);
        const char *action = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));

        if (g_str_equal (action, "kiosk.open-service"))
          seen_service = TRUE;
        else
          g_assert_true (g_str_equal (action, "kiosk.open-event") && !seen_service);
      }
  }

  /* Backspace and clear. */
  tap (window, "keyboard.backspace", NULL);
  ui_test_settle (window);
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "huu");
  ui_test_assert_location (window, "search:huu", 3000);
  tap (window, "keyboard.clear", NULL);
  ui_test_settle (window);
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "");
  ui_test_assert_location (window, "search", 3000);
  assert_shows (window, "Typ een woord");
  g_clear_pointer (&results, g_ptr_array_unref);
  results = find_shown (window, "search-result");
  g_assert_cmpuint (results->len, ==, 0);

  /* No space at the start; never two in a row. */
  tap (window, "keyboard.type", " ");
  type (window, "de");
  tap (window, "keyboard.type", " ");
  tap (window, "keyboard.type", " ");
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "de ");

  ui_test_window_destroy (window);
}

/* "deurwaarder" tapped key by key: the bailiff situation first, and a tap on it opens
 * who can help; Back returns to the search with the text and the results. */
static void
test_deurwaarder (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) results = NULL;
  GtkWidget *first;
  BakenWindow *window;
  BakenSearchPage *page;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  open_search (window);
  type (window, "deurwaarder");
  ui_test_assert_location (window, "search:deurwaarder", 3000);

  results = find_shown (window, "search-result");
  g_assert_cmpuint (results->len, >=, 1);
  first = g_ptr_array_index (results, 0);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (first)), ==,
                   "kiosk.open-event");
  g_assert_cmpstr (target_of (first), ==, "le-geld-deurwaarder");
  assert_shows (window, "Er komt een deurwaarder");

  g_signal_emit_by_name (first, "clicked");
  /* A situation without sub-situations goes straight to who can help. */
  ui_test_assert_location (window, "services:le-geld-deurwaarder", 3000);
  g_clear_pointer (&results, g_ptr_array_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.back", NULL));
  ui_test_assert_location (window, "search:deurwaarder", 3000);
  page = BAKEN_SEARCH_PAGE (ui_test_find_widget (GTK_WIDGET (window),
                                                 BAKEN_TYPE_SEARCH_PAGE));
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "deurwaarder");
  results = find_shown (window, "search-result");
  g_assert_cmpstr (target_of (g_ptr_array_index (results, 0)), ==, "le-geld-deurwaarder");

  /* The text survives a change of language too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s", "en"));
  ui_test_settle (window);
  ui_test_assert_location (window, "search:deurwaarder", 3000);
  assert_shows (window, "A bailiff is coming");
  assert_shows (window, "Search");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s", "nl"));
  ui_test_settle (window);

  ui_test_window_destroy (window);
}

/* Has a result opening this record, shown. */
static gboolean
shows_result (BakenWindow *window,
              const char  *id)
{
  g_autoptr(GPtrArray) results = find_shown (window, "search-result");

  for (guint i = 0; i < results->len; i++)
    {
      if (g_str_equal (target_of (g_ptr_array_index (results, i)), id))
        return TRUE;
    }

  return FALSE;
}

/* The emergency number and a phone number tapped on the digit keys find the services
 * that carry them. */
static void
test_digits (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window;
  BakenSearchPage *page;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  page = open_search (window);

  tap (window, "keyboard.type", "1");
  tap (window, "keyboard.type", "1");
  tap (window, "keyboard.type", "2");
  ui_test_settle (window);
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "112");
  assert_shows (window, "112");
  g_assert_cmpstr (status_text (window), ==, "Dit hebben we gevonden:");
  g_assert_true (shows_result (window, "svc-veilig-thuis"));
  assert_shows (window, "Hulp bij geweld thuis");

  /* A phone number as it is printed, spaces and all. */
  tap (window, "keyboard.clear", NULL);
  type (window, "030 555 01 23");
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "030 555 01 23");
  g_assert_true (shows_result (window, "svc-schuldhulp"));

  /* A postcode: digits and letters on one keyboard, no switching. */
  tap (window, "keyboard.clear", NULL);
  type (window, "1235 cd");
  g_assert_true (shows_result (window, "svc-raadslieden"));

  ui_test_window_destroy (window);
}

/* A key press as the window's key controller gets it from a physical keyboard. */
static gboolean
press_key (BakenWindow     *window,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_strcmp0 (gtk_event_controller_get_name (controller), "baken-search-keys") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          ui_test_settle (window);
          return handled;
        }
    }

  g_error ("The window has no key controller for search");
}

/* A physical keyboard types into search: letters, digits (the keypad's too), space,
 * Backspace; Enter opens the first result; shortcuts type nothing. */
static void
test_physical_keys (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window;
  BakenSearchPage *page;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);

  /* Not on Home: there is nothing to type into. */
  g_assert_false (press_key (window, GDK_KEY_a, 0));

  page = open_search (window);
  g_assert_true (press_key (window, GDK_KEY_1, 0));
  g_assert_true (press_key (window, GDK_KEY_KP_1, 0));
  g_assert_true (press_key (window, GDK_KEY_2, 0));
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "112");
  assert_shows (window, "112");
  g_assert_true (shows_result (window, "svc-veilig-thuis"));

  g_assert_true (press_key (window, GDK_KEY_BackSpace, 0));
  g_assert_true (press_key (window, GDK_KEY_BackSpace, 0));
  g_assert_true (press_key (window, GDK_KEY_BackSpace, 0));
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "");

  /* Capitals with Shift, a space between words, an accent from the keyboard layout. */
  g_assert_true (press_key (window, GDK_KEY_H, GDK_SHIFT_MASK));
  for (const char *p = "uur"; *p != '\0'; p++)
    g_assert_true (press_key (window, gdk_unicode_to_keyval (*p), 0));
  g_assert_true (press_key (window, GDK_KEY_space, 0));
  g_assert_true (press_key (window, GDK_KEY_eacute, 0));
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "Huur é");

  /* Shortcuts and keys that move the focus are not text. */
  g_assert_false (press_key (window, GDK_KEY_a, GDK_CONTROL_MASK));
  g_assert_false (press_key (window, GDK_KEY_F4, GDK_ALT_MASK));
  g_assert_false (press_key (window, GDK_KEY_Tab, 0));
  g_assert_false (press_key (window, GDK_KEY_Escape, 0));
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "Huur é");

  /* Enter opens the first result, as a tap on it would. */
  g_assert_true (press_key (window, GDK_KEY_BackSpace, 0));
  g_assert_true (press_key (window, GDK_KEY_BackSpace, 0));
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "Huur");
  {
    g_autoptr(GPtrArray) results = find_shown (window, "search-result");
    g_autofree char *first = NULL;
    g_autofree char *location = NULL;

    g_assert_cmpuint (results->len, >, 0);
    first = g_strdup (target_of (g_ptr_array_index (results, 0)));
    g_assert_true (press_key (window, GDK_KEY_Return, 0));
    location = g_strdup_printf ("%s:%s",
                                g_str_has_prefix (first, "svc-") ? "service" : "event",
                                first);
    if (g_str_has_prefix (first, "svc-"))
      ui_test_assert_location (window, location, 3000);
    else
      g_assert_false (BAKEN_IS_SEARCH_PAGE (ui_test_find_widget (GTK_WIDGET (window),
                                                                 BAKEN_TYPE_SEARCH_PAGE)));
  }

  ui_test_window_destroy (window);
}

/* The key with é ë ï says what it is, on the key and to assistive technology. */
static void
test_accent_key (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window;
  GtkWidget *key;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  open_search (window);

  key = find_button (GTK_WIDGET (shown_keyboard (window)), "keyboard.accents", NULL);
  g_assert_nonnull (key);
  gtk_test_accessible_assert_property (key, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Letters met accenten");
  /* Its name is its own, not the letters' (a labelled-by relation would add them). */
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (key),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_true (ui_test_has_label (key, "é ë ï…"));
  g_assert_true (ui_test_has_label (key, "accenten"));

  /* And in the resident's language. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s", "en"));
  ui_test_settle (window);
  key = find_button (GTK_WIDGET (shown_keyboard (window)), "keyboard.accents", NULL);
  gtk_test_accessible_assert_property (key, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Letters with accents");
  g_assert_true (ui_test_has_label (key, "accents"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s", "nl"));
  ui_test_settle (window);

  ui_test_window_destroy (window);
}

/* Zero results: kindly said, the closest life events to choose from, and the desk. */
static void
test_nothing_found (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  GtkWidget *page;
  BakenWindow *window;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  open_search (window);
  type (window, "qqxqzz");

  g_assert_cmpstr (status_text (window), ==, "Daar vonden we niets voor.");
  results = find_shown (window, "search-result");
  g_assert_cmpuint (results->len, ==, 0);

  suggestions = find_shown (window, "search-suggestion");
  g_assert_cmpuint (suggestions->len, >=, 1);
  g_assert_cmpuint (suggestions->len, <=, BAKEN_SEARCH_PAGE_MAX_SUGGESTIONS);
  for (guint i = 0; i < suggestions->len; i++)
    g_assert_cmpstr (gtk_actionable_get_action_name (g_ptr_array_index (suggestions, i)), ==,
                     "kiosk.open-event");
  assert_shows (window, "Misschien past een van deze onderwerpen:");

  /* The way to a person, inside the page (not only in the bar below). */
  page = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_SEARCH_PAGE);
  g_assert_nonnull (ui_test_find_widget (page, BAKEN_TYPE_DESK_HINT));
  assert_shows (window, "Vraag het aan de medewerker bij de balie");

  /* A suggestion leads on. */
  {
    g_autofree char *expected = NULL;
    GtkWidget *suggestion = g_ptr_array_index (suggestions, 0);
    /* A copy: the tap destroys the search page and its buttons. */
    g_autofree char *id = g_strdup (target_of (suggestion));

    g_signal_emit_by_name (suggestion, "clicked");
    ui_test_settle (window);
    expected = baken_window_dup_location (window);
    g_test_message ("suggestion %s led to %s", id, expected);
    g_assert_true (g_str_has_suffix (expected, id));
    g_assert_false (g_str_has_prefix (expected, "search"));
  }

  ui_test_window_destroy (window);
}

/* Search syntax and odd characters are only text: ordinary results or none, never the
 * message that search failed (and never a warning, which aborts the test). */
static void
test_hostile_text (void)
{
  static const char * const texts[] = {
    "\"huur",
    "huur\"",
    "schuld*",
    "*",
    "NEAR(huur schuld)",
    "huur AND schuld",
    "huur OR NOT schuld",
    "100%",
    "'; DROP TABLE search; --",
    "^huur",
    "huur:schuld",
    "{huur}",
    "\u202Ehuur\u202C",
    "\uFDFA\u202E\u0640\u0640",
  };
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window;
  BakenSearchPage *page;

  window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  page = open_search (window);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *status;

      g_test_message ("typing “%s”", texts[i]);
      tap (window, "keyboard.clear", NULL);
      type (window, texts[i]);

      status = status_text (window);
      g_assert_nonnull (status);
      g_assert_cmpstr (status, !=,
                       "Zoeken lukt nu niet. Vraag het aan de medewerker bij de balie.");
      g_assert_true (g_str_equal (status, "Dit hebben we gevonden:") ||
                     g_str_equal (status, "Daar vonden we niets voor.") ||
                     g_str_equal (status, "Typ nog een letter."));
    }

  /* "huur AND schuld" finds what "huur schuld" finds: AND is a word here. */
  tap (window, "keyboard.clear", NULL);
  type (window, "schuld*");
  g_assert_cmpstr (status_text (window), ==, "Dit hebben we gevonden:");

  /* Very long text is cut at the keyboard's limit. */
  tap (window, "keyboard.clear", NULL);
  for (guint i = 0; i < BAKEN_KEYBOARD_MAX_CHARS + 10; i++)
    gtk_widget_activate_action (GTK_WIDGET (shown_keyboard (window)), "keyboard.type", "s",
                                "a");
  ui_test_settle (window);
  g_assert_cmpint (g_utf8_strlen (baken_search_page_get_text (page), -1), ==,
                   BAKEN_KEYBOARD_MAX_CHARS);

  ui_test_window_destroy (window);
}

static const char idle_config[] =
  "[idle]\n"
  "timeout = 20\n"
  "countdown = 5\n";

static gboolean
at_home_without_prompt (gpointer data)
{
  g_autofree char *location = baken_window_dup_location (data);

  return g_str_equal (location, "home") && !baken_window_get_idle_prompt_visible (data);
}

/* The next resident finds an empty search. */
static void
test_reset_clears (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (idle_config);
  BakenWindow *window;
  BakenSearchPage *page;

  /* 20 s + 5 s become 1 s + 0.25 s. */
  window = ui_test_window_new (config, FALSE, 0.05, portrait.width, portrait.height);
  open_search (window);
  type (window, "huur");
  ui_test_assert_location (window, "search:huur", 3000);

  g_assert_true (ui_test_wait (at_home_without_prompt, window, 10000));
  ui_test_settle (window);

  page = open_search (window);
  ui_test_assert_location (window, "search", 3000);
  g_assert_cmpstr (baken_search_page_get_text (page), ==, "");
  assert_shows (window, "Typ een woord");

  ui_test_window_destroy (window);
}

static void
assert_inside (GtkWidget       *widget,
               GtkWidget       *window,
               graphene_rect_t *bounds)
{
  g_assert_true (gtk_widget_compute_bounds (widget, window, bounds));
  g_assert_cmpfloat (bounds->size.width, >, 0);
  g_assert_cmpfloat (bounds->size.height, >, 0);
  g_assert_cmpfloat (bounds->origin.x, >=, 0);
  g_assert_cmpfloat (bounds->origin.y, >=, 0);
  g_assert_cmpfloat (bounds->origin.x + bounds->size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds->origin.y + bounds->size.height, <=,
                     gtk_widget_get_height (window));
}

/* Every key whole on screen and at least 90 px high; in portrait the keyboard in the
 * lower half under the results, on a wide screen beside them. */
static void
test_layout (gconstpointer data)
{
  const Size *size = data;
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  graphene_rect_t keyboard_bounds, result_bounds, bounds;
  BakenWindow *window;

  window = ui_test_window_new (config, FALSE, 1.0, size->width, size->height);
  open_search (window);
  type (window, "schulden");

  /* The window kept its size: the page asks for no more than the screen has. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, size->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, size->height);

  keys = find_shown (window, "key");
  /* 10 digits, 26 letters, accents, space, backspace, clear. */
  g_assert_cmpuint (keys->len, ==, 40);
  for (guint i = 0; i < keys->len; i++)
    {
      assert_inside (g_ptr_array_index (keys, i), GTK_WIDGET (window), &bounds);
      g_assert_cmpfloat (bounds.size.height, >=, 90);
      g_assert_cmpfloat (bounds.size.width, >=, 70);
    }

  assert_inside (GTK_WIDGET (shown_keyboard (window)), GTK_WIDGET (window), &keyboard_bounds);
  results = find_shown (window, "search-result");
  g_assert_cmpuint (results->len, >=, 1);
  assert_inside (g_ptr_array_index (results, 0), GTK_WIDGET (window), &result_bounds);

  if (size->height > size->width)
    {
      g_assert_cmpfloat (keyboard_bounds.origin.y, >=, size->height / 2);
      g_assert_cmpfloat (result_bounds.origin.y + result_bounds.size.height, <=,
                         keyboard_bounds.origin.y);
    }
  else
    {
      g_assert_cmpfloat (result_bounds.origin.x + result_bounds.size.width, <=,
                         keyboard_bounds.origin.x);
    }

  /* The accent row fits too. */
  tap (window, "keyboard.accents", NULL);
  ui_test_settle (window);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, size->height);
  assert_inside (find_button (GTK_WIDGET (window), "keyboard.type", "é"), GTK_WIDGET (window),
                 &bounds);
  g_assert_cmpfloat (bounds.size.height, >=, 90);
  type (window, "é");
  texts = find_shown (window, "search-text");
  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_label (g_ptr_array_index (texts, 0)), ==, "schuldené");

  ui_test_window_destroy (window);
}

typedef struct
{
  const char *language;
  const char *own_key;     /* a key of the language's own layout */
  gboolean    rtl;
  const char *accent_key;  /* NULL: no accent row */
} LayoutCase;

static const LayoutCase layout_cases[] = {
  { "nl", "q", FALSE, "ë" },
  { "en", "q", FALSE, "é" },
  { "tr", "q", FALSE, "ş" },
  { "pl", "q", FALSE, "ł" },
  { "uk", "й", FALSE, NULL },
  { "ar", "ض", TRUE, "أ" },
};

static GtkWidget *
find_child_with_class (GtkWidget  *root,
                       const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, css_class))
        return child;
    }

  return NULL;
}

/* The keys of the bottom row, by action. */
static const char * const bottom_keys[] = {
  "keyboard.latin", "keyboard.accents", "keyboard.backspace", "keyboard.clear",
};

static void
key_positions (BakenKeyboard   *keyboard,
               graphene_rect_t *bounds)
{
  for (guint i = 0; i < G_N_ELEMENTS (bottom_keys); i++)
    {
      GtkWidget *key = find_button (GTK_WIDGET (keyboard), bottom_keys[i], NULL);

      bounds[i] = GRAPHENE_RECT_INIT (-1, -1, 0, 0);
      if (key != NULL)
        g_assert_true (gtk_widget_compute_bounds (key, GTK_WIDGET (keyboard), &bounds[i]));
    }
}

/* 1 to 0 from left to right in every script, as on a telephone's keypad and in the
 * numbers on screen; each types its digit. */
static void
assert_digits (BakenKeyboard *keyboard)
{
  g_autofree char *before = g_strdup (baken_keyboard_get_text (keyboard));
  double left = -1;

  for (const char *digit = "1234567890"; *digit != '\0'; digit++)
    {
      char text[2] = { *digit, '\0' };
      GtkWidget *key = find_button (GTK_WIDGET (keyboard), "keyboard.type", text);
      graphene_rect_t bounds;

      g_assert_nonnull (key);
      g_assert_true (gtk_widget_compute_bounds (key, GTK_WIDGET (keyboard), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >, left);
      g_assert_cmpfloat (bounds.size.height, >=, 90);
      left = bounds.origin.x;
    }

  g_signal_emit_by_name (find_button (GTK_WIDGET (keyboard), "keyboard.type", "7"), "clicked");
  g_assert_true (g_str_has_suffix (baken_keyboard_get_text (keyboard), "7"));
  baken_keyboard_set_text (keyboard, before);
}

/* The layout follows the language; Ukrainian and Arabic residents can switch to a-z
 * (for Dutch words such as "deurwaarder") and back. */
static void
test_keyboard_layouts (gconstpointer data)
{
  const LayoutCase *layout = data;
  g_autoptr(GtkWidget) window = NULL;
  BakenKeyboard *keyboard;
  GtkWidget *grid;
  graphene_rect_t before[G_N_ELEMENTS (bottom_keys)], after[G_N_ELEMENTS (bottom_keys)];

  window = g_object_ref_sink (gtk_window_new ());
  keyboard = BAKEN_KEYBOARD (baken_keyboard_new (layout->language));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (keyboard));
  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 700);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_run (50);

  g_assert_nonnull (find_button (GTK_WIDGET (keyboard), "keyboard.type", layout->own_key));
  grid = find_child_with_class (GTK_WIDGET (keyboard), "keys");
  g_assert_nonnull (grid);
  g_assert_cmpint (gtk_widget_get_direction (grid), ==,
                   layout->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  assert_digits (keyboard);

  if (layout->accent_key != NULL)
    {
      GtkWidget *key = find_button (GTK_WIDGET (keyboard), "keyboard.type", layout->accent_key);

      /* Hidden until asked for. */
      g_assert_null (key);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (keyboard), "keyboard.accents",
                                                 NULL));
      ui_test_run (50);
      key = find_button (GTK_WIDGET (keyboard), "keyboard.type", layout->accent_key);
      g_assert_nonnull (key);
      g_signal_emit_by_name (key, "clicked");
      g_assert_cmpstr (baken_keyboard_get_text (keyboard), ==, layout->accent_key);
    }
  else
    {
      g_assert_null (find_button (GTK_WIDGET (keyboard), "keyboard.accents", NULL));
    }

  if (baken_keyboard_has_own_script (keyboard))
    {
      g_assert_null (find_button (GTK_WIDGET (keyboard), "keyboard.type", "q"));
      key_positions (keyboard, before);
      g_signal_emit_by_name (find_button (GTK_WIDGET (keyboard), "keyboard.latin", NULL),
                             "clicked");
      ui_test_run (50);
      g_assert_true (baken_keyboard_get_latin (keyboard));
      g_assert_nonnull (find_button (GTK_WIDGET (keyboard), "keyboard.type", "q"));
      g_assert_null (find_button (GTK_WIDGET (keyboard), "keyboard.type", layout->own_key));
      /* a-z is always left to right. */
      grid = find_child_with_class (GTK_WIDGET (keyboard), "keys");
      g_assert_cmpint (gtk_widget_get_direction (grid), ==, GTK_TEXT_DIR_LTR);
      /* No key moved: the one just tapped is under the finger to go back, and "Alles
       * wissen" is not where "A B C" was. (Ukrainian a-z adds the accents key; it takes
       * its room from the space bar.) */
      assert_digits (keyboard);
      key_positions (keyboard, after);
      for (guint i = 0; i < G_N_ELEMENTS (bottom_keys); i++)
        {
          /* A pixel or two of rounding: the grid shares out its spare pixels from
           * the other side in the other direction. */
          if (before[i].origin.x >= 0 && after[i].origin.x >= 0 &&
              (fabsf (before[i].origin.x - after[i].origin.x) > 4 ||
               fabsf (before[i].size.width - after[i].size.width) > 4 ||
               before[i].origin.y != after[i].origin.y))
            g_error ("%s moved from %g,%g (%g wide) to %g,%g (%g wide) when the alphabet "
                     "changed", bottom_keys[i], before[i].origin.x, before[i].origin.y,
                     before[i].size.width, after[i].origin.x, after[i].origin.y,
                     after[i].size.width);
        }

      g_signal_emit_by_name (find_button (GTK_WIDGET (keyboard), "keyboard.latin", NULL),
                             "clicked");
      ui_test_run (50);
      g_assert_false (baken_keyboard_get_latin (keyboard));
      g_assert_nonnull (find_button (GTK_WIDGET (keyboard), "keyboard.type", layout->own_key));
    }
  else
    {
      g_assert_null (find_button (GTK_WIDGET (keyboard), "keyboard.latin", NULL));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_run (20);
}

/* The keyboard holds BAKEN_KEYBOARD_MAX_CHARS characters unless told otherwise (a
 * handover note typed by desk staff holds 140); characters, not bytes. */
static void
test_keyboard_max_chars (void)
{
  g_autoptr(GtkWidget) window = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  BakenKeyboard *keyboard;

  window = g_object_ref_sink (gtk_window_new ());
  keyboard = BAKEN_KEYBOARD (baken_keyboard_new ("uk"));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (keyboard));
  gtk_window_present (GTK_WINDOW (window));
  ui_test_run (20);

  g_assert_cmpuint (baken_keyboard_get_max_chars (keyboard), ==, BAKEN_KEYBOARD_MAX_CHARS);
  for (guint i = 0; i < 200; i++)
    g_string_append (long_text, "ї");
  baken_keyboard_set_text (keyboard, long_text->str);
  g_assert_cmpint (g_utf8_strlen (baken_keyboard_get_text (keyboard), -1), ==,
                   BAKEN_KEYBOARD_MAX_CHARS);

  /* A longer limit: the keys type on up to it, and no further. */
  baken_keyboard_set_max_chars (keyboard, 140);
  g_assert_cmpuint (baken_keyboard_get_max_chars (keyboard), ==, 140);
  g_assert_cmpint (g_utf8_strlen (baken_keyboard_get_text (keyboard), -1), ==,
                   BAKEN_KEYBOARD_MAX_CHARS);
  for (guint i = 0; i < 200; i++)
    gtk_widget_activate_action (GTK_WIDGET (keyboard), "keyboard.type", "s", "ї");
  g_assert_cmpint (g_utf8_strlen (baken_keyboard_get_text (keyboard), -1), ==, 140);
  baken_keyboard_set_text (keyboard, long_text->str);
  g_assert_cmpint (g_utf8_strlen (baken_keyboard_get_text (keyboard), -1), ==, 140);

  /* A shorter limit cuts what is there. */
  baken_keyboard_set_max_chars (keyboard, 3);
  g_assert_cmpstr (baken_keyboard_get_text (keyboard), ==, "їїї");
  gtk_widget_activate_action (GTK_WIDGET (keyboard), "keyboard.type", "s", "a");
  g_assert_cmpstr (baken_keyboard_get_text (keyboard), ==, "їїї");
  gtk_widget_activate_action (GTK_WIDGET (keyboard), "keyboard.backspace", NULL);
  gtk_widget_activate_action (GTK_WIDGET (keyboard), "keyboard.type", "s", "a");
  g_assert_cmpstr (baken_keyboard_get_text (keyboard), ==, "їїa");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_run (20);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend instead of none (still no bus): the keys'
   * accessible names can then be read with gtk_test_accessible_*. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/search/typing-shows-results", test_typing_shows_results);
  g_test_add_func ("/ui/search/deurwaarder", test_deurwaarder);
  g_test_add_func ("/ui/search/nothing-found", test_nothing_found);
  g_test_add_func ("/ui/search/hostile-text", test_hostile_text);
  g_test_add_func ("/ui/search/reset-clears", test_reset_clears);
  g_test_add_func ("/ui/search/digits", test_digits);
  g_test_add_func ("/ui/search/accent-key", test_accent_key);
  g_test_add_func ("/ui/search/physical-keys", test_physical_keys);
  g_test_add_func ("/ui/search/keyboard-max-chars", test_keyboard_max_chars);
  g_test_add_data_func ("/ui/search/layout/portrait", &portrait, test_layout);
  g_test_add_data_func ("/ui/search/layout/landscape", &landscape, test_layout);
  for (guint i = 0; i < G_N_ELEMENTS (layout_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/search/keyboard/%s",
                                               layout_cases[i].language);

      g_test_add_data_func (path, &layout_cases[i], test_keyboard_layouts);
    }

  return g_test_run ();
}
