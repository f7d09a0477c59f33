/* baken-line.h: widgets across or down that may wrap their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_LINE (baken_line_get_type ())

G_DECLARE_FINAL_TYPE (BakenLine, baken_line, BAKEN, LINE, GtkWidget)

GtkWidget *baken_line_new    (GtkOrientation  orientation,
                              int             spacing);
void       baken_line_append (BakenLine      *self,
                              GtkWidget      *child);

G_END_DECLS
