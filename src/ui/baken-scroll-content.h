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

G_END_DECLS
