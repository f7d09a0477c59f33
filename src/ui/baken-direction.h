/* baken-direction.h: a part keeps the direction of the language it was built for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arabic turns the layout right to left with gtk_widget_set_default_direction (). GTK
 * 4.8 then tells every widget without a direction of its own, in every window, that its
 * direction changed: each restyles and asks for a new size. The kiosk keeps pages and
 * bars built for a language (the page cache, the bars of each language), so on a switch
 * between Arabic and Dutch the kept parts of both languages were restyled and laid out
 * again (callgrind: half of such a language switch), though a part built for a language
 * is only ever shown in it. A part built for a language holds its direction instead:
 * the switch leaves it alone, and it is shown again as it was laid out.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives widget and every widget under it that follows the default direction that
 * direction as its own. Call it when the part is built, in its language: it then costs
 * no restyle. Widgets added to the part later follow the default direction, which is
 * the part's own while it is shown. */
void baken_direction_hold (GtkWidget *widget);

G_END_DECLS
