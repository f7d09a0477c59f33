/* test-glance.c: what a resident takes in at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chips under a service are the ways to reach it; two chips that read the same
 * ("Langskomen", "Langskomen") make a resident guess where to go. Every card of every
 * list of the demo is read. The slip before printing is shown whole, and the kiosk's
 * name is never cut, whatever the language and text size. The chips flow like words:
 * side by side, a new line when the next does not fit, right to left in Arabic.
 */
#include "config.h"

#include "ui-test-util.h"

#include "baken-flow.h"
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

/* BakenFlow on its own: items at their own width side by side, the next line when one
 * does not fit, a long text given the whole line (and wrapped in it), mirrored in a
 * right-to-left language. */
static void
test_flow (gconstpointer data)
{
  gboolean rtl = GPOINTER_TO_INT (data);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *flow = baken_flow_new ();
  GtkWidget *a = ui_test_fixed_item (300, 50), *b = ui_test_fixed_item (300, 60);
  GtkWidget *c = ui_test_fixed_item (500, 40);
  GtkWidget *text = gtk_label_new ("Een lange tekst die niet op één regel past en daarom "
                                   "de hele regel krijgt en binnen die regel afbreekt, "
                                   "zoals een adres met een lange straatnaam doet.");
  graphene_rect_t ra, rb, rc, rt;
  int flow_width;

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_widget_set_direction (flow, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  baken_flow_set_column_spacing (BAKEN_FLOW (flow), 24);
  baken_flow_set_row_spacing (BAKEN_FLOW (flow), 8);
  baken_flow_append (BAKEN_FLOW (flow), a);
  baken_flow_append (BAKEN_FLOW (flow), b);
  baken_flow_append (BAKEN_FLOW (flow), c);
  baken_flow_append (BAKEN_FLOW (flow), text);
  gtk_widget_set_valign (flow, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), flow);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (flow) < 700 || baken_flow_get_lines (BAKEN_FLOW (flow)) == 0)
    g_main_context_iteration (NULL, TRUE);
  ui_test_run (100);

  flow_width = gtk_widget_get_width (flow);
  ra = ui_test_bounds_in (a, flow);
  rb = ui_test_bounds_in (b, flow);
  rc = ui_test_bounds_in (c, flow);
  rt = ui_test_bounds_in (text, flow);
  g_test_message ("%d px: a %.0f,%.0f b %.0f,%.0f c %.0f,%.0f text %.0f,%.0f %.0f×%.0f",
                  flow_width, ra.origin.x, ra.origin.y, rb.origin.x, rb.origin.y,
                  rc.origin.x, rc.origin.y, rt.origin.x, rt.origin.y, rt.size.width,
                  rt.size.height);

  /* a and b share the first line (300 + 24 + 300 fits), as tall as b; c does not fit. */
  g_assert_cmpuint (baken_flow_get_lines (BAKEN_FLOW (flow)), ==, 3);
  g_assert_cmpfloat (ra.size.width, ==, 300);
  g_assert_cmpfloat (rb.size.width, ==, 300);
  g_assert_cmpfloat (ra.origin.y, ==, 0);
  g_assert_cmpfloat (rb.origin.y, ==, 0);
  g_assert_cmpfloat (ra.size.height, ==, 60);
  g_assert_cmpfloat (rc.origin.y, ==, 60 + 8);
  g_assert_cmpfloat (rc.size.width, ==, 500);
  if (rtl)
    {
      g_assert_cmpfloat (ra.origin.x, ==, flow_width - 300);
      g_assert_cmpfloat (rb.origin.x, ==, flow_width - 300 - 24 - 300);
      g_assert_cmpfloat (rc.origin.x, ==, flow_width - 500);
    }
  else
    {
      g_assert_cmpfloat (ra.origin.x, ==, 0);
      g_assert_cmpfloat (rb.origin.x, ==, 300 + 24);
      g_assert_cmpfloat (rc.origin.x, ==, 0);
    }

  /* The long text: the whole third line, on more than one line of its own. */
  g_assert_cmpfloat (rt.origin.x, ==, 0);
  g_assert_cmpfloat (rt.size.width, ==, flow_width);
  g_assert_cmpfloat (rt.origin.y, ==, 60 + 8 + 40 + 8);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (text))), >, 1);
  g_assert_cmpint (gtk_widget_get_height (flow), ==, (int) (rt.origin.y + rt.size.height));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every card of the demo at the largest text in portrait: each chip lies whole inside
 * its card, and no two chips overlap. */
static void
test_chips_inside (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) event_ids = NULL;
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  BakenCatalog *catalog = baken_context_get_catalog (baken_window_get_context (window));
  guint n_chips = 0, n_wrapped = 0;

  ui_test_open (window, "a11y:very-large");
  event_ids = ui_test_collect_event_ids (catalog);
  for (guint e = 0; e < event_ids->len; e++)
    {
      g_autofree char *step = g_strconcat ("services:", (char *) g_ptr_array_index (event_ids, e),
                                           NULL);
      g_autoptr(GPtrArray) cards = NULL;

      ui_test_open (window, step);
      ui_test_settle (window);
      cards = ui_test_find_all (GTK_WIDGET (window), BAKEN_TYPE_SERVICE_CARD);
      for (guint c = 0; c < cards->len; c++)
        {
          GtkWidget *card = g_ptr_array_index (cards, c);
          g_autoptr(GPtrArray) chips = ui_test_find_by_css_class (card, "channel-chip");
          GtkWidget *flow = chips->len > 0 ? gtk_widget_get_parent (chips->pdata[0]) : NULL;
          int card_width = gtk_widget_get_width (card);

          for (guint i = 0; i < chips->len; i++)
            {
              graphene_rect_t chip = ui_test_bounds_in (chips->pdata[i], card);

              if (chip.origin.x < 0 || chip.origin.x + chip.size.width > card_width ||
                  chip.origin.y + chip.size.height > gtk_widget_get_height (card))
                g_error ("%s: a chip at %.0f,%.0f %.0f×%.0f is cut off by its card (%d×%d)",
                         step, chip.origin.x, chip.origin.y, chip.size.width, chip.size.height,
                         card_width, gtk_widget_get_height (card));
              for (guint j = 0; j < i; j++)
                {
                  graphene_rect_t other = ui_test_bounds_in (chips->pdata[j], card);

                  if (graphene_rect_intersection (&chip, &other, NULL))
                    g_error ("%s: two chips overlap", step);
                }
              n_chips++;
            }
          if (flow != NULL && baken_flow_get_lines (BAKEN_FLOW (flow)) > 1)
            n_wrapped++;
        }
    }

  /* The test must have seen chips, and cards whose chips take more than one line. */
  g_test_message ("%u chips read, %u cards with more than one line of chips", n_chips,
                  n_wrapped);
  g_assert_cmpuint (n_chips, >, 30);
  g_assert_cmpuint (n_wrapped, >, 0);
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
  g_test_add_data_func ("/ui/glance/flow/ltr", GINT_TO_POINTER (FALSE), test_flow);
  g_test_add_data_func ("/ui/glance/flow/rtl", GINT_TO_POINTER (TRUE), test_flow);
  g_test_add_func ("/ui/glance/chips-inside", test_chips_inside);
  g_test_add_data_func ("/ui/glance/preview-whole/portrait", portrait, test_preview_whole);
  g_test_add_data_func ("/ui/glance/preview-whole/landscape", landscape, test_preview_whole);
  g_test_add_data_func ("/ui/glance/kiosk-name-whole/portrait", portrait, test_kiosk_name_whole);
  g_test_add_data_func ("/ui/glance/kiosk-name-whole/landscape", landscape, test_kiosk_name_whole);

  return g_test_run ();
}
