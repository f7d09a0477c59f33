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

/* Whether a measure of widget is its scrolled window's try without a scroll bar: its
 * height at the scrolled window's full width, while it is directly in the viewport of
 * a GtkScrolledWindow whose scroll bar comes and goes and takes room (no overlay). If
 * so, *bar is the scroll bar's width and *view the height the content is shown in. */
gboolean baken_scroll_content_tries_without_bar (GtkWidget      *widget,
                                                 GtkOrientation  orientation,
                                                 int             for_size,
                                                 int            *bar,
                                                 int            *view);

/* Whether the content of a scrolled window on this kind of page (the type of the widget
 * the scrolled window is in) last needed the scroll bar, as told by
 * baken_scroll_content_saw_bar (): the width to try first. */
gboolean baken_scroll_content_expects_bar (GtkWidget *widget);
void     baken_scroll_content_saw_bar     (GtkWidget *widget,
                                           gboolean   needed);

G_END_DECLS
