/* baken-nav-bar.h: Back and Home, always in the same place low on the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_NAV_BAR (baken_nav_bar_get_type ())

G_DECLARE_FINAL_TYPE (BakenNavBar, baken_nav_bar, BAKEN, NAV_BAR, GtkWidget)

/* Back, "ask the staff at the desk" (not at_desk), Home. Activates kiosk.back and
 * kiosk.home. */
GtkWidget *baken_nav_bar_new (gboolean at_desk);

G_END_DECLS
