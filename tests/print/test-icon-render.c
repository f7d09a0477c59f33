/* test-icon-render.c: SVG icons at their exact pixel size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "baken-icon-render.h"

/* A filled circle on a transparent square: the middle is opaque, the corners clear. */
static const char circle_svg[] =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 48 48'>"
  "<circle cx='24' cy='24' r='20' fill='#1d4e89'/></svg>";

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (const void *) (data + y * stride + x * 4);
}

static void
test_exact_size (gconstpointer data)
{
  int size = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) svg = g_bytes_new_static (circle_svg, strlen (circle_svg));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  guint32 middle, corner;

  surface = baken_icon_render_data (svg, size, &error);
  g_assert_no_error (error);
  g_assert_nonnull (surface);

  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, size);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, size);

  middle = pixel_at (surface, size / 2, size / 2);
  corner = pixel_at (surface, 0, 0);
  /* Premultiplied ARGB32: alpha in the top byte; #1d4e89 opaque. */
  g_assert_cmphex (middle >> 24, ==, 0xff);
  g_assert_cmphex (middle & 0xffffff, ==, 0x1d4e89);
  g_assert_cmphex (corner >> 24, ==, 0x00);

  cairo_surface_destroy (surface);
}

/* Parsed once, drawn at several sizes: each is drawn fresh, not scaled. */
static void
test_parse_once_draw_many (void)
{
  g_autoptr(GBytes) svg = g_bytes_new_static (circle_svg, strlen (circle_svg));
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenIconRender) icon = NULL;
  const int sizes[] = { 24, 96, 192, 37 };

  icon = baken_icon_render_new (svg, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = baken_icon_render_to_surface (icon, sizes[i], &error);

      g_assert_no_error (error);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, sizes[i]);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, sizes[i]);
      g_assert_cmphex (pixel_at (surface, sizes[i] / 2, sizes[i] / 2) >> 24, ==, 0xff);
      /* Edge of the circle: 2/48 of the size is transparent margin on each side. */
      g_assert_cmphex (pixel_at (surface, 0, sizes[i] / 2) >> 24, ==, 0x00);
      cairo_surface_destroy (surface);
    }
}

static void
test_draw_into_square (void)
{
  g_autoptr(GBytes) svg = g_bytes_new_static (circle_svg, strlen (circle_svg));
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenIconRender) icon = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  icon = baken_icon_render_new (svg, &error);
  g_assert_no_error (error);

  /* A 200 × 100 target, icon drawn into the right-hand 100 px square only. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cr = cairo_create (surface);
  ok = baken_icon_render_draw (icon, cr, 100, 0, 100, &error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_assert_cmphex (pixel_at (surface, 150, 50) >> 24, ==, 0xff);
  g_assert_cmphex (pixel_at (surface, 50, 50) >> 24, ==, 0x00);
  cairo_surface_destroy (surface);
}

static void
test_invalid (gconstpointer data)
{
  const char *text = data;
  g_autoptr(GBytes) svg = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = baken_icon_render_data (svg, 96, &error);
  g_assert_error (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_INVALID);
  g_assert_null (surface);
}

static void
test_bad_size (gconstpointer data)
{
  int size = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) svg = g_bytes_new_static (circle_svg, strlen (circle_svg));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = baken_icon_render_data (svg, size, &error);
  g_assert_error (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_SIZE);
  g_assert_null (surface);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    const char *svg;
  } invalid[] = {
    { "empty", "" },
    { "not-xml", "this is not an icon" },
    { "truncated", "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 48 48'><circle" },
    { "not-svg", "<html><body>hello</body></html>" },
    { "binary", "\x89PNG\r\n\x1a\n\x01\x02" },
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/print/icon-render/exact-size/96", GINT_TO_POINTER (96),
                        test_exact_size);
  g_test_add_data_func ("/print/icon-render/exact-size/192", GINT_TO_POINTER (192),
                        test_exact_size);
  g_test_add_func ("/print/icon-render/parse-once-draw-many", test_parse_once_draw_many);
  g_test_add_func ("/print/icon-render/draw-into-square", test_draw_into_square);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *path = g_strdup_printf ("/print/icon-render/invalid/%s",
                                               invalid[i].name);
      g_test_add_data_func (path, invalid[i].svg, test_invalid);
    }

  g_test_add_data_func ("/print/icon-render/bad-size/0", GINT_TO_POINTER (0), test_bad_size);
  g_test_add_data_func ("/print/icon-render/bad-size/negative", GINT_TO_POINTER (-5),
                        test_bad_size);
  g_test_add_data_func ("/print/icon-render/bad-size/huge", GINT_TO_POINTER (100000),
                        test_bad_size);

  return g_test_run ();
}
