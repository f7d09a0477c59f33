/* baken-line-layout.h: children across or down, each measured once for its width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_LINE_LAYOUT (baken_line_layout_get_type ())

G_DECLARE_FINAL_TYPE (BakenLineLayout, baken_line_layout, BAKEN, LINE_LAYOUT, GtkLayoutManager)

GtkOrientation    baken_line_layout_get_orientation (BakenLineLayout *self);
void              baken_line_layout_set_orientation (BakenLineLayout *self,
                                                     GtkOrientation   orientation);
int               baken_line_layout_get_spacing     (BakenLineLayout *self);
void              baken_line_layout_set_spacing     (BakenLineLayout *self,
                                                     int              spacing);
gboolean          baken_line_layout_get_homogeneous (BakenLineLayout *self);
void              baken_line_layout_set_homogeneous (BakenLineLayout *self,
                                                     gboolean         homogeneous);
/* The children centred along the line when none expands; across, each also as tall as
 * it needs at its width, centred in the row's height. */
gboolean          baken_line_layout_get_center      (BakenLineLayout *self);
void              baken_line_layout_set_center      (BakenLineLayout *self,
                                                     gboolean         center);

G_END_DECLS
