/* baken-tile-grid.h: tiles in as many columns as make them largest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_TILE_GRID (baken_tile_grid_get_type ())

G_DECLARE_FINAL_TYPE (BakenTileGrid, baken_tile_grid, BAKEN, TILE_GRID, GtkWidget)

GtkWidget *baken_tile_grid_new         (void);
void       baken_tile_grid_append      (BakenTileGrid *self,
                                        GtkWidget     *child);
void       baken_tile_grid_remove_all  (BakenTileGrid *self);
/* Columns of the last allocation (0 before the first); for tests. */
guint      baken_tile_grid_get_columns (BakenTileGrid *self);

G_END_DECLS
