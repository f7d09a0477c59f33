/* test-measure.c: text measured only at the widths it is shown at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each width a wrapping label is measured at lays its text out anew. GTK 4.8 asks more
 * widths than a page shows: a GtkScrolledWindow asks its content for its height
 * without a width (and throws the answer away), a widget that is aligned rather than
 * filled is asked the same before it is allocated, and a measure below a widget's
 * minimum width is never kept, so each is laid out again. The page content
 * (BakenClamp, BakenTileGrid) answers the scrolled window without measuring, the
 * tile grid never asks a tile below its minimum width, and a BakenLine row centres its
 * children itself. A probe widget counts what it is asked.
 */
#include "config.h"

#include "ui-test-util.h"

#include "baken-clamp.h"
#include "baken-line.h"
#include "baken-tile-grid.h"
#include "baken-wrap.h"

/* A widget as wide as it is told, min_width at least, twice that by nature, with as
 * much area as a paragraph of text: its height shrinks as it gets wider. */
#define PROBE_AREA 120000

#define TEST_TYPE_PROBE (test_probe_get_type ())
G_DECLARE_FINAL_TYPE (TestProbe, test_probe, TEST, PROBE, GtkWidget)

struct _TestProbe
{
  GtkWidget parent_instance;

  int       min_width;
  int       area;                   /* width × height */
  guint     heights_without_width;  /* measures of the height for no width */
  int       narrowest;              /* the smallest width a height was asked for */
  GHashTable *widths;               /* every width a height was asked for */
};

G_DEFINE_FINAL_TYPE (TestProbe, test_probe, GTK_TYPE_WIDGET)

static int
probe_height (TestProbe *self,
              int        width)
{
  return self->area / MAX (width, self->min_width);
}

static void
test_probe_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  TestProbe *self = TEST_PROBE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->min_width;
      *natural = 2 * self->min_width;
      return;
    }

  if (for_size < 0)
    {
      self->heights_without_width++;
      *minimum = *natural = probe_height (self, 2 * self->min_width);
      return;
    }

  self->narrowest = MIN (self->narrowest, for_size);
  g_hash_table_add (self->widths, GINT_TO_POINTER (for_size));
  *minimum = *natural = probe_height (self, for_size);
}

static GtkSizeRequestMode
test_probe_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
test_probe_finalize (GObject *object)
{
  g_hash_table_unref (TEST_PROBE (object)->widths);

  G_OBJECT_CLASS (test_probe_parent_class)->finalize (object);
}

static void
test_probe_class_init (TestProbeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = test_probe_finalize;

  widget_class->measure = test_probe_measure;
  widget_class->get_request_mode = test_probe_get_request_mode;
}

static void
test_probe_init (TestProbe *self)
{
  self->narrowest = G_MAXINT;
  self->widths = g_hash_table_new (NULL, NULL);
}

/* Fails unless every width the probe was asked a height for is one of widths. */
static void
assert_asked_only (TestProbe *probe,
                   const int *widths,
                   guint      n)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, probe->widths);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean allowed = FALSE;

      for (guint i = 0; i < n; i++)
        allowed = allowed || widths[i] == GPOINTER_TO_INT (key);
      if (!allowed)
        g_error ("asked its height at %d px, a width it is not shown at",
                 GPOINTER_TO_INT (key));
    }
}

static TestProbe *
probe_new (int min_width)
{
  TestProbe *probe = g_object_new (TEST_TYPE_PROBE, NULL);

  probe->min_width = min_width;
  probe->area = PROBE_AREA;
  return probe;
}

static GtkWidget *
scrolled (GtkWidget *content)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content);
  return scroller;
}

static GtkWidget *
present (GtkWidget *child,
         GtkWidget *shown,
         int        width,
         int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (shown) <= 1)
    g_main_context_iteration (NULL, TRUE);
  ui_test_run (100);
  return window;
}

/* In a scrolled window (the probe taller than it): at most maximum-size wide and
 * centred, as tall as the probe at that width, and the probe never asked its height
 * without a width. */
static void
test_clamp_scrolled (void)
{
  TestProbe *probe = probe_new (200);
  GtkWidget *clamp = baken_clamp_new ();
  GtkWidget *window;
  graphene_rect_t r;

  baken_clamp_set_maximum_size (BAKEN_CLAMP (clamp), 500);
  adw_bin_set_child (ADW_BIN (clamp), GTK_WIDGET (probe));
  window = present (scrolled (clamp), GTK_WIDGET (probe), 800, 200);

  r = ui_test_bounds_in (GTK_WIDGET (probe), clamp);
  g_test_message ("probe %.0f+%.0f×%.0f in a clamp %d wide; %u heights without a width",
                  r.origin.x, r.size.width, r.size.height, gtk_widget_get_width (clamp),
                  probe->heights_without_width);
  g_assert_cmpfloat (r.size.width, ==, 500);
  g_assert_cmpfloat (r.origin.x, ==, (gtk_widget_get_width (clamp) - 500) / 2);
  g_assert_cmpfloat (r.size.height, ==, PROBE_AREA / 500);
  g_assert_cmpuint (probe->heights_without_width, ==, 0);
  assert_asked_only (probe, (const int[]) { 500 }, 1);

  /* Narrower than the maximum: the clamp's width, and taller. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 200);
  while (gtk_widget_get_width (clamp) > 400)
    g_main_context_iteration (NULL, TRUE);
  ui_test_run (100);
  r = ui_test_bounds_in (GTK_WIDGET (probe), clamp);
  g_assert_cmpfloat (r.size.width, ==, gtk_widget_get_width (clamp));
  g_assert_cmpfloat (r.origin.x, ==, 0);
  g_assert_cmpfloat (r.size.height, ==, PROBE_AREA / gtk_widget_get_width (clamp));
  g_assert_cmpuint (probe->heights_without_width, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A probe of area in a clamp in a scrolled window in a frame, in a window width × height;
 * returns the window once the probe is shown. */
static GtkWidget *
present_framed (TestProbe *probe,
                int        area,
                int        width,
                int        height)
{
  GtkWidget *clamp = baken_clamp_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  probe->area = area;
  baken_clamp_set_maximum_size (BAKEN_CLAMP (clamp), 2000);
  adw_bin_set_child (ADW_BIN (clamp), GTK_WIDGET (probe));
  gtk_frame_set_child (GTK_FRAME (frame), scrolled (clamp));
  return present (frame, GTK_WIDGET (probe), width, height);
}

/* The room the scroll bar takes beside the content of probe's scrolled window (its
 * width and margins), 0 if the bar is not shown. */
static int
bar_width (TestProbe *probe)
{
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (probe), GTK_TYPE_VIEWPORT);

  return gtk_widget_get_width (gtk_widget_get_parent (viewport)) - gtk_widget_get_width (viewport);
}

/* Content is laid out at one width whether the scroll bar shows or not: beside the
 * bar's room, which stays free when the content fits (CSS's scrollbar-gutter: stable). */
static void
test_clamp_bar (void)
{
  TestProbe *probe = probe_new (100);
  GtkWidget *window = present_framed (probe, 600000, 600, 300);
  int full = gtk_widget_get_width (gtk_widget_get_ancestor (GTK_WIDGET (probe),
                                                            GTK_TYPE_SCROLLED_WINDOW));
  int bar = bar_width (probe);

  /* Taller than the view: beside the bar, and asked its height there only. */
  g_test_message ("scrolled window %d wide, bar %d, probe asked %u widths", full, bar,
                  g_hash_table_size (probe->widths));
  g_assert_cmpint (bar, >, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (probe)), ==, full - bar);
  assert_asked_only (probe, (const int[]) { full - bar }, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Fits: no bar, its room kept free on the right, at the same width. */
  probe = probe_new (100);
  window = present_framed (probe, 60000, 600, 300);
  g_assert_cmpint (bar_width (probe), ==, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (probe)), ==, full - bar);
  g_assert_cmpfloat (ui_test_bounds_in (GTK_WIDGET (probe),
                                        gtk_widget_get_parent (GTK_WIDGET (probe))).origin.x,
                     ==, 0);
  assert_asked_only (probe, (const int[]) { full - bar }, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Right to left: the room is on the left, where the bar comes. */
  probe = probe_new (100);
  gtk_widget_set_direction (GTK_WIDGET (probe), GTK_TEXT_DIR_RTL);
  window = present_framed (probe, 60000, 600, 300);
  gtk_widget_set_direction (gtk_widget_get_parent (GTK_WIDGET (probe)), GTK_TEXT_DIR_RTL);
  ui_test_run (100);
  g_assert_cmpfloat (ui_test_bounds_in (GTK_WIDGET (probe),
                                        gtk_widget_get_parent (GTK_WIDGET (probe))).origin.x,
                     ==, bar);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Anywhere else, a height without a width is the child's at the clamp's widest. */
static void
test_clamp_unscrolled (void)
{
  TestProbe *probe = probe_new (200);
  GtkWidget *clamp = g_object_ref_sink (baken_clamp_new ());
  int min = 0, nat = 0;

  baken_clamp_set_maximum_size (BAKEN_CLAMP (clamp), 300);
  adw_bin_set_child (ADW_BIN (clamp), GTK_WIDGET (probe));
  gtk_widget_measure (clamp, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpuint (probe->heights_without_width, ==, 0);
  g_assert_cmpint (probe->narrowest, ==, 300);
  g_assert_cmpint (min, ==, PROBE_AREA / 300);
  gtk_widget_measure (clamp, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 200);
  g_assert_cmpint (nat, ==, 300);
  /* A group to assistive technology, as AdwClamp was. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (clamp)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  g_object_unref (clamp);
}

/* Twelve tiles that need 300 px each in a window 1080 wide: 3 columns fit, 4 would
 * not; no tile is asked its height below 300 px or without a width. */
static void
test_tile_grid (void)
{
  GtkWidget *grid = baken_tile_grid_new ();
  TestProbe *probes[12];
  GtkWidget *window;
  graphene_rect_t r;
  int cells[3], width;

  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      probes[i] = probe_new (300);
      baken_tile_grid_append (BAKEN_TILE_GRID (grid), GTK_WIDGET (probes[i]));
    }
  window = present (scrolled (grid), GTK_WIDGET (probes[0]), 1080, 1920);

  r = ui_test_bounds_in (GTK_WIDGET (probes[3]), grid);
  g_test_message ("%u columns; tile 4 at %.0f,%.0f", baken_tile_grid_get_columns (
                    BAKEN_TILE_GRID (grid)), r.origin.x, r.origin.y);
  g_assert_cmpuint (baken_tile_grid_get_columns (BAKEN_TILE_GRID (grid)), ==, 3);
  g_assert_cmpfloat (r.origin.x, ==, 0);
  g_assert_cmpfloat (r.origin.y, >, 0);
  /* The cell widths of 1, 2 and 3 columns, 24 px apart. */
  width = gtk_widget_get_width (grid);
  for (guint c = 1; c <= 3; c++)
    cells[c - 1] = (width - (int) (c - 1) * 24) / (int) c;
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      g_assert_cmpint (probes[i]->narrowest, >=, 300);
      g_assert_cmpuint (probes[i]->heights_without_width, ==, 0);
      assert_asked_only (probes[i], cells, G_N_ELEMENTS (cells));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A centred row: an item 100 × 300 and the probe, which is as tall as it is at its
 * width, centred, without being asked its height for no width. */
static void
test_line_center (void)
{
  GtkWidget *row = baken_line_new (GTK_ORIENTATION_HORIZONTAL, 20);
  GtkWidget *item = ui_test_fixed_item (100, 300);
  TestProbe *probe = probe_new (200);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *clamp = baken_clamp_new ();
  GtkWidget *window;
  graphene_rect_t r;
  int width;

  g_object_set (row, "center", TRUE, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (probe), TRUE);
  baken_line_append (BAKEN_LINE (row), item);
  baken_line_append (BAKEN_LINE (row), GTK_WIDGET (probe));
  /* In a page, as a choice is: the clamp keeps the scrolled window's own question. */
  gtk_box_append (GTK_BOX (column), row);
  baken_clamp_set_maximum_size (BAKEN_CLAMP (clamp), 2000);
  adw_bin_set_child (ADW_BIN (clamp), column);
  window = present (scrolled (clamp), GTK_WIDGET (probe), 720, 600);

  width = gtk_widget_get_width (row) - 100 - 20;
  r = ui_test_bounds_in (GTK_WIDGET (probe), row);
  g_test_message ("row %d×%d: probe %.0f,%.0f %.0f×%.0f", gtk_widget_get_width (row),
                  gtk_widget_get_height (row), r.origin.x, r.origin.y, r.size.width,
                  r.size.height);
  g_assert_cmpint (gtk_widget_get_height (row), ==, 300);
  g_assert_cmpfloat (r.size.width, ==, width);
  g_assert_cmpfloat (r.size.height, ==, PROBE_AREA / width);
  g_assert_cmpfloat (r.origin.y, ==, (300 - PROBE_AREA / width) / 2);
  g_assert_cmpint (gtk_widget_get_valign (GTK_WIDGET (probe)), ==, GTK_ALIGN_FILL);
  g_assert_cmpuint (probe->heights_without_width, ==, 0);

  /* Not centred: the probe fills the row's height. */
  g_object_set (row, "center", FALSE, NULL);
  ui_test_run (100);
  r = ui_test_bounds_in (GTK_WIDGET (probe), row);
  g_assert_cmpfloat (r.origin.y, ==, 0);
  g_assert_cmpfloat (r.size.height, ==, 300);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
holds_wrapping_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) && holds_wrapping_text (child))
        return TRUE;
    }
  return FALSE;
}

/* Names each drawn widget under root that is aligned rather than filled and holds text
 * that wraps. */
static void
find_aligned_text (GtkWidget *root,
                   GString   *found)
{
  g_autoptr(GPtrArray) drawn = ui_test_find_all (root, GTK_TYPE_WIDGET);

  for (guint i = 0; i < drawn->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (drawn, i);

      if (widget != root &&
          (gtk_widget_get_halign (widget) != GTK_ALIGN_FILL ||
           gtk_widget_get_valign (widget) != GTK_ALIGN_FILL) &&
          gtk_widget_get_request_mode (widget) == GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH &&
          holds_wrapping_text (widget))
        {
          g_autofree char *classes = g_strjoinv (".", gtk_widget_get_css_classes (widget));

          g_string_append_printf (found, " %s > %s.%s;",
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                                  G_OBJECT_TYPE_NAME (widget), classes);
        }
    }
}

/* Names each drawn label under root that may break inside a word and has no
 * width-chars: GTK lays it out at a width of 0 for its minimum, a line per letter
 * (baken-wrap.c). */
static void
find_text_by_letter (GtkWidget *root,
                     GString   *found)
{
  g_autoptr(GPtrArray) labels = ui_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (gtk_label_get_wrap (label) &&
          gtk_label_get_wrap_mode (label) == PANGO_WRAP_WORD_CHAR &&
          gtk_label_get_width_chars (label) <= 0)
        {
          g_string_append_printf (found, " %s > \"%.30s…\";",
                                  G_OBJECT_TYPE_NAME (gtk_widget_get_parent (GTK_WIDGET (label))),
                                  gtk_label_get_text (label));
        }
    }
}

/* A text that may break inside a word: long, it wraps with a minimum of 20 characters;
 * short, it is set on one line; and the label follows its text. */
static void
test_wrap_follows_text (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("030 555 01 23"));
  static const char long_text[] = "schuldhulpverlening@gemeente-voorbeeldstad.nl";

  baken_wrap_break_anywhere (GTK_LABEL (label));
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_wrap_mode (GTK_LABEL (label)), ==, PANGO_WRAP_WORD_CHAR);

  gtk_label_set_label (GTK_LABEL (label), long_text);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (label)), ==, BAKEN_WRAP_MIN_CHARS);

  gtk_label_set_text (GTK_LABEL (label), "Bellen");
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (label)), ==, -1);
  g_object_unref (label);
}

static const char *const resident_steps[] = {
  "home", "event:le-geld", "services:le-geld", "service:svc-schuldhulp",
  "search:deurwaarder",
};

/* Every page a resident passes, in Dutch and in Arabic: no text that may break inside a
 * word is measured a letter per line. */
static void
test_no_text_by_letter (gconstpointer data)
{
  ui_test_check_screens (data, resident_steps, G_N_ELEMENTS (resident_steps),
                         find_text_by_letter,
                         "text that breaks inside words without a width-chars (GTK lays "
                         "it out a letter per line for its minimum width)");
}

/* Every page a resident passes, in Dutch and in Arabic: no text that wraps is in a
 * widget that is aligned rather than filled. */
static void
test_no_aligned_text (gconstpointer data)
{
  ui_test_check_screens (data, resident_steps, G_N_ELEMENTS (resident_steps),
                         find_aligned_text,
                         "text that wraps in an aligned widget (GTK 4.8 lays it out on "
                         "one line first)");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/measure/clamp/scrolled", test_clamp_scrolled);
  g_test_add_func ("/ui/measure/clamp/bar", test_clamp_bar);
  g_test_add_func ("/ui/measure/clamp/unscrolled", test_clamp_unscrolled);
  g_test_add_func ("/ui/measure/tile-grid", test_tile_grid);
  g_test_add_func ("/ui/measure/line-center", test_line_center);
  g_test_add_data_func ("/ui/measure/no-aligned-text/nl", "nl", test_no_aligned_text);
  g_test_add_data_func ("/ui/measure/no-aligned-text/ar", "ar", test_no_aligned_text);
  g_test_add_func ("/ui/measure/wrap-follows-text", test_wrap_follows_text);
  g_test_add_data_func ("/ui/measure/no-text-by-letter/nl", "nl", test_no_text_by_letter);
  g_test_add_data_func ("/ui/measure/no-text-by-letter/ar", "ar", test_no_text_by_letter);

  return g_test_run ();
}
