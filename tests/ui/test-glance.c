/* test-glance.c: what a resident takes in at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chips under a service are the ways to reach it; two chips that read the same
 * ("Langskomen", "Langskomen") make a resident guess where to go. Every card of every
 * list of the demo is read. The slip before printing is shown whole, and the kiosk's
 * name is never cut, whatever the language and text size.
 */
#include "config.h"

#include "ui-test-util.h"

#include "baken-print-page.h"
#include "baken-service-card.h"

/* The texts of a card's chips, in order. */
static GPtrArray *
chip_texts (GtkWidget *card)
{
  g_autoptr(GPtrArray) chips = ui_test_find_by_css_class (card, "channel-chip");
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < chips->len; i++)
    {
      g_autoptr(GPtrArray) labels = ui_test_collect_labels (g_ptr_array_index (chips, i));

      g_assert_cmpuint (labels->len, ==, 1);
      g_ptr_array_add (texts, g_strdup (g_ptr_array_index (labels, 0)));
    }

  return texts;
}

static gboolean
contains (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

/* Walk-in chips name their place, and no card has two chips that read the same. */
static void
test_chips_differ (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) event_ids = NULL;
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  BakenCatalog *catalog = baken_context_get_catalog (baken_window_get_context (window));
  guint n_cards = 0;
  gboolean seen_raadslieden = FALSE;

  event_ids = ui_test_collect_event_ids (catalog);
  for (guint e = 0; e < event_ids->len; e++)
    {
      g_autofree char *step = g_strconcat ("services:", (char *) g_ptr_array_index (event_ids, e),
                                           NULL);
      g_autoptr(GPtrArray) cards = NULL;

      ui_test_open (window, step);
      cards = ui_test_find_all (GTK_WIDGET (window), BAKEN_TYPE_SERVICE_CARD);
      for (guint c = 0; c < cards->len; c++)
        {
          g_autoptr(GPtrArray) texts = chip_texts (g_ptr_array_index (cards, c));

          for (guint i = 0; i < texts->len; i++)
            for (guint j = i + 1; j < texts->len; j++)
              if (g_str_equal (g_ptr_array_index (texts, i), g_ptr_array_index (texts, j)))
                g_error ("%s: a card shows “%s” twice", step,
                         (char *) g_ptr_array_index (texts, i));

          /* Sociaal Raadslieden: a consulting hour at the town hall and one in De Linde. */
          if (contains (texts, "Langskomen: Stadhuis Voorbeeldstad"))
            {
              g_assert_true (contains (texts, "Langskomen: Wijkcentrum De Linde"));
              g_assert_false (contains (texts, "Langskomen"));
              seen_raadslieden = TRUE;
            }
          n_cards++;
        }
    }

  g_test_message ("%u cards read", n_cards);
  g_assert_cmpuint (n_cards, >, 30);
  g_assert_true (seen_raadslieden);
  ui_test_window_destroy (window);
}

static gboolean
preview_ready (gpointer data)
{
  GtkWidget *page = ui_test_find_widget (data, BAKEN_TYPE_PRINT_PAGE);

  return page != NULL && baken_print_page_get_preview_ready (BAKEN_PRINT_PAGE (page));
}

/* The print preview shows the whole slip at once, in its own shape: nothing is cut
 * off and nothing needs scrolling. The longest slip of the demo, in both orientations. */
static void
test_preview_whole (gconstpointer data)
{
  const int *size = data;
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autofree char *slips = g_build_filename (g_get_user_cache_dir (), "slips", NULL);
  BakenWindow *window;
  g_autoptr(GPtrArray) pictures = NULL;
  GtkWidget *picture;
  GdkPaintable *paintable;
  graphene_rect_t bounds;
  double ratio, shown_ratio;

  g_assert_cmpint (g_mkdir_with_parents (slips, 0700), ==, 0);
  g_setenv ("BAKEN_PRINT_TO_DIR", slips, TRUE);
  window = ui_test_window_new (config, FALSE, 1.0, size[0], size[1]);
  ui_test_open (window, "print:svc-raadslieden");
  g_assert_true (ui_test_wait (preview_ready, window, 20000));
  ui_test_settle (window);

  pictures = ui_test_find_by_css_class (GTK_WIDGET (window), "slip");
  g_assert_cmpuint (pictures->len, ==, 1);
  picture = g_ptr_array_index (pictures, 0);
  g_assert_null (gtk_widget_get_ancestor (picture, GTK_TYPE_SCROLLED_WINDOW));
  g_assert_true (gtk_widget_compute_bounds (picture, GTK_WIDGET (window), &bounds));
  g_test_message ("slip shown at %.0f,%.0f %.0f×%.0f", bounds.origin.x, bounds.origin.y,
                  bounds.size.width, bounds.size.height);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, size[1]);
  g_assert_cmpfloat (bounds.size.height, >, size[1] / 3.0);

  /* Scaled, not squeezed: the shape of the paper. */
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  ratio = (double) gdk_paintable_get_intrinsic_width (paintable) /
          gdk_paintable_get_intrinsic_height (paintable);
  shown_ratio = bounds.size.width / bounds.size.height;
  g_assert_cmpfloat (ABS (shown_ratio - ratio) / ratio, <, 0.03);

  ui_test_window_destroy (window);
  g_unsetenv ("BAKEN_PRINT_TO_DIR");
}

/* A long kiosk name at the largest text, in the language with the longest words of the
 * top bar: all of it is drawn. */
static void
test_kiosk_name_whole (gconstpointer data)
{
  const int *size = data;
  g_autoptr(BakenConfig) config = ui_test_config_new ("[kiosk]\n"
                                                      "name = Bibliotheek Voorbeeldstad\n"
                                                      "languages = nl;en;ar;tr;pl;uk\n");
  const char *const languages[] = { "nl", "uk", "ar", "pl" };
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, size[0], size[1]);

  ui_test_open (window, "a11y:very-large");
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *step = g_strconcat ("lang:", languages[i], NULL);
      g_autoptr(GPtrArray) names = NULL;
      GtkLabel *name;

      ui_test_open (window, step);
      names = ui_test_find_by_css_class (GTK_WIDGET (window), "kiosk-name");
      g_assert_cmpuint (names->len, ==, 1);
      name = g_ptr_array_index (names, 0);
      g_assert_cmpstr (gtk_label_get_text (name), ==, "Bibliotheek Voorbeeldstad");
      if (pango_layout_is_ellipsized (gtk_label_get_layout (name)))
        g_error ("%s: the kiosk's name is cut off", languages[i]);
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (gtk_label_get_layout (name)), ==, 0);
    }

  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  static const int portrait[] = { 1080, 1920 };
  static const int landscape[] = { 1920, 1080 };

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/glance/chips-differ", test_chips_differ);
  g_test_add_data_func ("/ui/glance/preview-whole/portrait", portrait, test_preview_whole);
  g_test_add_data_func ("/ui/glance/preview-whole/landscape", landscape, test_preview_whole);
  g_test_add_data_func ("/ui/glance/kiosk-name-whole/portrait", portrait, test_kiosk_name_whole);
  g_test_add_data_func ("/ui/glance/kiosk-name-whole/landscape", landscape, test_kiosk_name_whole);

  return g_test_run ();
}
