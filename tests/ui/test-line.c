/* test-line.c: rows and columns that wrap text, laid out once per width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BakenLine (baken-line-layout.c) is the box of every row that holds wrapping text. A
 * row shares its width as a box does and gives each child the width its height was
 * measured for; right to left it is mirrored. Neither a row nor a column has a width
 * that depends on its height: that is what kept GTK 4.8 from laying a label out some
 * hundred times in a tap. And on the resident's screens no horizontal GtkBox holds a
 * child that wraps, so no screen falls back to that.
 */
#include "config.h"

#include "ui-test-util.h"

#include "baken-line.h"

static const char long_text[] =
  "Een lange tekst die niet op één regel past en daarom binnen zijn plek afbreekt, "
  "zoals de uitleg bij een keuze doet.";

static GtkWidget *
wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
present (GtkWidget *child,
         int        width,
         int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (child) < width)
    g_main_context_iteration (NULL, TRUE);
  ui_test_run (100);
  return window;
}

/* The width of widget for a height is its width for no height. */
static void
assert_width_ignores_height (GtkWidget *widget)
{
  int min = 0, nat = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  for (int height = 10; height <= 2000; height *= 3)
    {
      int min_for = 0, nat_for = 0;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, height, &min_for, &nat_for,
                          NULL, NULL);
      g_assert_cmpint (min_for, ==, min);
      g_assert_cmpint (nat_for, ==, nat);
    }
}

/* A row: an item, a label that expands and wraps, an item; 16 px between them. */
static void
test_row (gconstpointer data)
{
  gboolean rtl = GPOINTER_TO_INT (data);
  GtkWidget *row = baken_line_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *a = ui_test_fixed_item (100, 50), *b = ui_test_fixed_item (80, 40);
  g_autofree char *longer = g_strconcat (long_text, " ", long_text, NULL);
  GtkWidget *text = wrapping_label (longer);
  GtkWidget *window;
  graphene_rect_t ra, rb, rt;
  int text_height = 0;

  gtk_widget_set_direction (row, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  gtk_widget_set_direction (text, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  gtk_widget_set_hexpand (text, TRUE);
  baken_line_append (BAKEN_LINE (row), a);
  baken_line_append (BAKEN_LINE (row), text);
  baken_line_append (BAKEN_LINE (row), b);
  gtk_widget_set_valign (row, GTK_ALIGN_START);
  window = present (row, 600, 400);

  ra = ui_test_bounds_in (a, row);
  rb = ui_test_bounds_in (b, row);
  rt = ui_test_bounds_in (text, row);
  g_test_message ("row %d×%d: a %.0f+%.0f, text %.0f+%.0f×%.0f, b %.0f+%.0f",
                  gtk_widget_get_width (row), gtk_widget_get_height (row), ra.origin.x,
                  ra.size.width, rt.origin.x, rt.size.width, rt.size.height, rb.origin.x,
                  rb.size.width);

  /* Each item its own width, the label the rest. */
  g_assert_cmpint (gtk_widget_get_width (row), ==, 600);
  g_assert_cmpfloat (ra.size.width, ==, 100);
  g_assert_cmpfloat (rb.size.width, ==, 80);
  g_assert_cmpfloat (rt.size.width, ==, 600 - 100 - 80 - 2 * 16);
  g_assert_cmpfloat (ra.origin.x, ==, rtl ? 600 - 100 : 0);
  g_assert_cmpfloat (rt.origin.x, ==, rtl ? 80 + 16 : 100 + 16);
  g_assert_cmpfloat (rb.origin.x, ==, rtl ? 0 : 600 - 80);

  /* As tall as the label at the width it got: more than one line, more than a. */
  gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, (int) rt.size.width, &text_height, NULL,
                      NULL, NULL);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (text))), >, 1);
  g_assert_cmpint (text_height, >, 50);
  g_assert_cmpint (gtk_widget_get_height (row), ==, text_height);
  g_assert_cmpfloat (rt.size.height, ==, text_height);

  assert_width_ignores_height (row);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Equal shares: four buttons of the accessibility bar. */
static void
test_row_homogeneous (void)
{
  GtkWidget *row = baken_line_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *window;
  GtkWidget *items[4];

  g_object_set (row, "homogeneous", TRUE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      items[i] = ui_test_fixed_item (20 + 20 * (int) i, 30);
      baken_line_append (BAKEN_LINE (row), items[i]);
    }
  gtk_widget_set_valign (row, GTK_ALIGN_START);
  window = present (row, 430, 200);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      graphene_rect_t r = ui_test_bounds_in (items[i], row);

      g_assert_cmpfloat (r.size.width, ==, 100);
      g_assert_cmpfloat (r.origin.x, ==, 110 * i);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A column, centred in a taller space as the title and description of a choice are:
 * its labels one below the other at its width, 4 px apart. */
static void
test_column (void)
{
  GtkWidget *column = baken_line_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = wrapping_label ("Achter met de huur");
  GtkWidget *text = wrapping_label (long_text);
  GtkWidget *window;
  graphene_rect_t rc, rt;
  int title_height = 0, text_height = 0;

  baken_line_append (BAKEN_LINE (column), title);
  baken_line_append (BAKEN_LINE (column), text);
  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  window = present (column, 300, 800);

  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, 300, &title_height, NULL, NULL, NULL);
  gtk_widget_measure (text, GTK_ORIENTATION_VERTICAL, 300, &text_height, NULL, NULL, NULL);
  rc = ui_test_bounds_in (column, window);
  rt = ui_test_bounds_in (text, column);
  g_test_message ("column %.0f×%.0f at %.0f; title %d, text %d px high", rc.size.width,
                  rc.size.height, rc.origin.y, title_height, text_height);

  g_assert_cmpfloat (rc.size.width, ==, 300);
  g_assert_cmpfloat (rc.size.height, ==, title_height + 4 + text_height);
  g_assert_cmpfloat (rt.origin.y, ==, title_height + 4);
  g_assert_cmpfloat (rt.size.height, ==, text_height);
  g_assert_cmpfloat (rc.origin.y, ==, (800 - rc.size.height) / 2);
  assert_width_ignores_height (column);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Names each horizontal GtkBox under widget (drawn) with a child that wraps text. */
static void
find_box_rows (GtkWidget *widget,
               GString   *found)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (widget);
  gboolean box_row = layout != NULL && GTK_IS_BOX_LAYOUT (layout) &&
                     gtk_orientable_get_orientation (GTK_ORIENTABLE (layout)) ==
                     GTK_ORIENTATION_HORIZONTAL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (box_row && gtk_widget_get_request_mode (child) == GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH)
        {
          g_autofree char *classes = g_strjoinv (".", gtk_widget_get_css_classes (widget));

          g_string_append_printf (found, " %s.%s > %s;", G_OBJECT_TYPE_NAME (widget), classes,
                                  G_OBJECT_TYPE_NAME (child));
        }
      find_box_rows (child, found);
    }
}

/* Every screen a resident passes, in Dutch and in Arabic: no horizontal GtkBox holds a
 * child that wraps. */
static void
test_no_box_rows (gconstpointer data)
{
  static const char *const steps[] = {
    "home", "event:le-geld", "services:le-geld", "service:svc-schuldhulp",
    "search:deurwaarder", "print:svc-schuldhulp",
  };

  ui_test_check_screens (data, steps, G_N_ELEMENTS (steps), find_box_rows,
                         "a horizontal GtkBox holds text that wraps (use BakenLine)");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/ui/line/row/ltr", GINT_TO_POINTER (FALSE), test_row);
  g_test_add_data_func ("/ui/line/row/rtl", GINT_TO_POINTER (TRUE), test_row);
  g_test_add_func ("/ui/line/row-homogeneous", test_row_homogeneous);
  g_test_add_func ("/ui/line/column", test_column);
  g_test_add_data_func ("/ui/line/no-box-rows/nl", "nl", test_no_box_rows);
  g_test_add_data_func ("/ui/line/no-box-rows/ar", "ar", test_no_box_rows);

  return g_test_run ();
}
