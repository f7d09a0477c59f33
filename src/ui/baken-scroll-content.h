/* baken-scroll-content.h: what the content of a scrolled page need not measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether a measure of widget is one only its scrolled window asks, to throw the
 * answer away: its height for no width, while it is directly in the viewport of a
 * GtkScrolledWindow. The widget may then answer 0 without laying anything out. */
gboolean baken_scroll_content_answer_unused (GtkWidget      *widget,
                                             GtkOrientation  orientation,
                                             int             for_size);

/* The room to keep free for the scroll bar when widget, directly in the viewport of a
 * GtkScrolledWindow whose bar comes and goes and takes room (no overlay), is shown or
 * measured at width: the bar's width when width is the scrolled window's full width
 * (the bar is not shown), else 0. The content is then laid out beside the bar's room,
 * at the same width as when the bar shows. */
int      baken_scroll_content_gutter          (GtkWidget      *widget,
                                               int             width);

G_END_DECLS
