/* baken-app-link.h: the kiosk window and its application, linked without GTK's
 * per-application action muxer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Links window to application in place of gtk_window_set_application (): the window
 * holds the application while it lives, offers the application's actions as "app.*",
 * and is what baken_app_link_get_window () returns until it is destroyed. */
void       baken_app_link_window     (GtkWindow    *window,
                                      GApplication *application);
/* (nullable) (transfer none): the window linked to application, if it still lives. */
GtkWindow *baken_app_link_get_window (GApplication *application);
/* The keys of the desk on window: Ctrl+P prints the slip of the service on screen
 * (kiosk.print-current). */
void       baken_app_link_desk_keys  (GtkWindow    *window);

G_END_DECLS
