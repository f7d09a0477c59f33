/* baken-after-paint.h: work that waits until a widget has been shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*BakenAfterPaintFunc) (GtkWidget *widget);

/* Calls func (widget) once, after the first frame painted while widget is mapped: work
 * a page starts for itself (a worker thread) then runs after the frame that shows the
 * page, not beside it. Never called if widget is destroyed before. */
void baken_after_paint (GtkWidget           *widget,
                        BakenAfterPaintFunc  func);

G_END_DECLS
