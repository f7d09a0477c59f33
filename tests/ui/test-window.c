/* test-window.c: the resident's screens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui-test-util.h"

#include "baken-context.h"
#include "baken-icon.h"
#include "baken-tile-grid.h"

typedef struct
{
  int width;
  int height;
} Size;

static const Size portrait = { 1080, 1920 };
static const Size landscape = { 1920, 1080 };

static BakenCatalog *
window_catalog (BakenWindow *window)
{
  return baken_context_get_catalog (baken_window_get_context (window));
}

static void
assert_inside (GtkWidget *widget,
               GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
}

/* Every tile on Home is drawn whole inside the window, with its icon at its exact size,
 * and nothing scrolls. */
static void
test_home_fits (gconstpointer data)
{
  const Size *size = data;
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) tiles = NULL;
  g_autoptr(GPtrArray) nav = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  BakenWindow *window;
  GtkWidget *grid;

  window = ui_test_window_new (config, FALSE, 1.0, size->width, size->height);

  /* The window kept its size: its content asks for no more than the screen has. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, size->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, size->height);

  events = baken_catalog_get_life_events (window_catalog (window), NULL, "nl", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >=, 8);

  tiles = ui_test_find_by_css_class (GTK_WIDGET (window), "tile");
  g_assert_cmpuint (tiles->len, ==, events->len);
  for (guint i = 0; i < tiles->len; i++)
    {
      GtkWidget *tile = g_ptr_array_index (tiles, i);
      GtkWidget *icon = ui_test_find_widget (tile, BAKEN_TYPE_ICON);
      int drawn;

      assert_inside (tile, GTK_WIDGET (window));

      /* Rendered by librsvg at the size it is shown, never scaled. */
      g_assert_nonnull (icon);
      drawn = MIN (gtk_widget_get_width (icon), gtk_widget_get_height (icon)) *
              gtk_widget_get_scale_factor (icon);
      g_assert_cmpint (drawn, >=, 96);
      g_assert_cmpint (baken_icon_get_rendered_size (BAKEN_ICON (icon)), ==, drawn);
    }

  nav = ui_test_find_by_css_class (GTK_WIDGET (window), "nav");
  g_assert_cmpuint (nav->len, ==, 2);
  for (guint i = 0; i < nav->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (nav, i);

      assert_inside (button, GTK_WIDGET (window));
      g_assert_cmpint (gtk_widget_get_height (button), >=, 90);
    }

  /* No scrolling needed on Home. */
  g_assert_null (ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SCROLLED_WINDOW));

  grid = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_TILE_GRID);
  g_test_message ("%d×%d: %u tiles in %u columns", size->width, size->height, tiles->len,
                  baken_tile_grid_get_columns (BAKEN_TILE_GRID (grid)));
  if (size->width > size->height)
    g_assert_cmpuint (baken_tile_grid_get_columns (BAKEN_TILE_GRID (grid)), >=, 4);
  else
    g_assert_cmpuint (baken_tile_grid_get_columns (BAKEN_TILE_GRID (grid)), <=, 4);

  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/ui/window/home-fits/portrait", &portrait, test_home_fits);
  g_test_add_data_func ("/ui/window/home-fits/landscape", &landscape, test_home_fits);

  return g_test_run ();
}
