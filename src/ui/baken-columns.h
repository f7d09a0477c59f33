/* baken-columns.h: one column in portrait, more side by side when there is room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_COLUMNS (baken_columns_get_type ())

G_DECLARE_FINAL_TYPE (BakenColumns, baken_columns, BAKEN, COLUMNS, GtkWidget)

GtkWidget *baken_columns_new                  (void);
void       baken_columns_append               (BakenColumns *self,
                                               GtkWidget    *child);
int        baken_columns_get_min_column_width (BakenColumns *self);
void       baken_columns_set_min_column_width (BakenColumns *self,
                                               int           width);
guint      baken_columns_get_max_columns      (BakenColumns *self);
void       baken_columns_set_max_columns      (BakenColumns *self,
                                               guint         max_columns);
/* Columns of the last allocation (0 before the first); for tests. */
guint      baken_columns_get_columns          (BakenColumns *self);

G_END_DECLS
