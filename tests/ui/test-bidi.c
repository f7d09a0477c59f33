/* test-bidi.c: phone numbers and addresses in the order they are dialled, in Arabic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every channel of the demo is shown in Arabic, on the service cards of each list and
 * on each service page, and the digits are read back from the label's Pango layout in
 * visual order (left to right, run by run). A number is only right when they come out
 * in the order of the text: "030 555 01 23" drawn as "23 01 555 030" sends a resident
 * to a wrong number.
 */
#include "config.h"

#include <string.h>

#include "ui-test-util.h"

#include "baken-bidi.h"
#include "baken-nav-bar.h"

/* The ASCII digits of length bytes of text, in logical order. */
static char *
digits_of (const char *text,
           gssize      length)
{
  GString *out = g_string_new (NULL);

  if (length < 0)
    length = (gssize) strlen (text);
  for (gssize i = 0; i < length; i++)
    if (g_ascii_isdigit (text[i]))
      g_string_append_c (out, text[i]);

  return g_string_free (out, FALSE);
}

/* The digits of a laid-out text as a reader sees them, left to right: a line's runs
 * come in visual order; inside a right-to-left run the characters are reversed. */
static char *
visual_digits (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GString *out = g_string_new (NULL);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      for (GSList *r = line->runs; r != NULL; r = r->next)
        {
          PangoGlyphItem *run = r->data;
          const PangoItem *item = run->item;
          g_autofree char *digits = digits_of (text + item->offset, item->length);

          if (item->analysis.level % 2 == 1)
            g_strreverse (digits);
          g_string_append (out, digits);
        }
    }

  return g_string_free (out, FALSE);
}

/* Every drawn label that shows a number (two digits or more): its digits must read in
 * the order of its text. Returns how many were checked. */
static guint
assert_numbers_in_order (BakenWindow *window,
                         const char  *where)
{
  g_autoptr(GPtrArray) labels = ui_test_find_all (GTK_WIDGET (window), GTK_TYPE_LABEL);
  guint checked = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_label (label);
      g_autofree char *logical = digits_of (text, -1);
      g_autofree char *visual = NULL;

      /* Only values read as one piece: numbers, addresses, links. Times in a range
       * ("9:00 – 12:00") are read right to left in Arabic, as they should be. */
      if (strlen (logical) < 2 ||
          !(gtk_widget_has_css_class (GTK_WIDGET (label), "channel-value") ||
            gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (label)),
                                      "channel-chip")))
        continue;

      visual = visual_digits (gtk_label_get_layout (label));
      g_test_message ("%s: “%s” reads %s", where, text, visual);
      if (g_strcmp0 (visual, logical) != 0)
        g_error ("%s: “%s” is drawn with its digits as %s, not %s", where, text, visual,
                 logical);
      checked++;
    }

  return checked;
}

static void
test_demo_channels (gconstpointer data)
{
  const int *size = data;
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nlanguages = nl;ar\n");
  g_autoptr(GPtrArray) event_ids = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, size[0], size[1]);
  BakenCatalog *catalog = baken_context_get_catalog (baken_window_get_context (window));
  guint checked = 0;

  ui_test_open (window, "lang:ar");
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  event_ids = ui_test_collect_event_ids (catalog);
  g_assert_cmpuint (event_ids->len, >, 10);

  for (guint i = 0; i < event_ids->len; i++)
    {
      const char *event_id = g_ptr_array_index (event_ids, i);
      g_autofree char *step = g_strconcat ("services:", event_id, NULL);
      g_autoptr(GPtrArray) services = NULL;
      g_autoptr(GError) error = NULL;

      ui_test_open (window, step);
      checked += assert_numbers_in_order (window, step);

      services = baken_catalog_get_services_for_event (catalog, event_id, "ar",
                                                       BAKEN_AUDIENCE_PUBLIC, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < services->len; j++)
        {
          BakenService *service = g_ptr_array_index (services, j);
          g_autofree char *service_step = NULL;

          if (!g_hash_table_add (seen, g_strdup (service->id)))
            continue;
          service_step = g_strconcat ("service:", service->id, NULL);
          ui_test_open (window, service_step);
          checked += assert_numbers_in_order (window, service_step);
        }
    }

  /* Every phone number of the demo, and more: the test must have looked. */
  g_test_message ("%u numbers and addresses checked", checked);
  g_assert_cmpuint (checked, >, 40);

  ui_test_window_destroy (window);
}

static GtkWidget *
shown_page (BakenWindow *window)
{
  GtkWidget *stack = ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

/* The first drawn label of root, with a reference. */
static GtkWidget *
first_label (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = ui_test_find_all (root, GTK_TYPE_LABEL);

  g_assert_cmpuint (labels->len, >, 0);
  return g_object_ref (g_ptr_array_index (labels, 0));
}

/* A page and a bar built in Arabic keep right to left while the kiosk shows Dutch
 * (baken-direction.h): a switch between the two languages restyles and lays out neither,
 * and the Arabic page is shown again as it was. The Dutch page runs left to right. */
static void
test_kept_direction (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\nlanguages = nl;ar\n");
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  GtkWidget *nav = NULL;
  g_autoptr(GtkWidget) arabic_page = NULL;
  g_autoptr(GtkWidget) arabic_label = NULL;
  g_autoptr(GtkWidget) arabic_nav = NULL;
  g_autoptr(GtkWidget) dutch_label = NULL;

  ui_test_open (window, "lang:ar");
  ui_test_open (window, "event:le-geld");
  arabic_page = g_object_ref (shown_page (window));
  arabic_label = first_label (arabic_page);
  nav = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_NAV_BAR);
  arabic_nav = g_object_ref (nav);
  g_assert_cmpint (gtk_widget_get_direction (arabic_label), ==, GTK_TEXT_DIR_RTL);

  ui_test_open (window, "lang:nl");
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_LTR);
  g_assert_true (shown_page (window) != arabic_page);
  dutch_label = first_label (shown_page (window));
  g_assert_cmpint (gtk_widget_get_direction (dutch_label), ==, GTK_TEXT_DIR_LTR);
  /* Kept, out of sight, in their own direction. */
  g_assert_true (gtk_widget_get_parent (arabic_page) != NULL);
  g_assert_cmpint (gtk_widget_get_direction (arabic_page), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (arabic_label), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (gtk_widget_get_direction (arabic_nav), ==, GTK_TEXT_DIR_RTL);
  g_assert_true (ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_NAV_BAR) != arabic_nav);

  ui_test_open (window, "lang:ar");
  g_assert_true (shown_page (window) == arabic_page);
  g_assert_cmpint (gtk_widget_get_direction (dutch_label), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (gtk_widget_get_direction (arabic_label), ==, GTK_TEXT_DIR_RTL);

  ui_test_window_destroy (window);
}

/* The isolates themselves: numbers inside a sentence, and whole values. */
static void
test_isolate (void)
{
  g_autofree char *sentence = baken_bidi_isolate_numbers ("اتصل بالرقم 030 555 01 23 الآن، أو 112.");
  g_autofree char *postcode = baken_bidi_isolate_numbers ("Markt 1, 1234 AB Voorbeeldstad");
  g_autofree char *value = baken_bidi_isolate_value ("0800 555 20 00");
  g_autofree char *plain = baken_bidi_isolate_numbers ("Bel 112");

  g_assert_cmpstr (sentence, ==, "اتصل بالرقم \u2066030 555 01 23\u2069 الآن، أو 112.");
  g_assert_cmpstr (postcode, ==, "Markt 1, \u20661234 AB\u2069 Voorbeeldstad");
  g_assert_cmpstr (value, ==, "\u20660800 555 20 00\u2069");
  g_assert_cmpstr (plain, ==, "Bel 112");
}

int
main (int   argc,
      char *argv[])
{
  static const int portrait[] = { 1080, 1920 };
  static const int landscape[] = { 1920, 1080 };

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/bidi/isolate", test_isolate);
  g_test_add_func ("/ui/bidi/kept-direction", test_kept_direction);
  g_test_add_data_func ("/ui/bidi/demo-channels/portrait", portrait, test_demo_channels);
  g_test_add_data_func ("/ui/bidi/demo-channels/landscape", landscape, test_demo_channels);

  return g_test_run ();
}
