/* baken-high-contrast.h: white on black, switched on the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Switches the high-contrast style of window on or off. */
void baken_high_contrast_apply (GtkWidget *window,
                                gboolean   on);

G_END_DECLS
