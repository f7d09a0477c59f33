/* baken-kiosk-lock.h: kiosk mode, where nothing may leave the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asked first about every key: TRUE when it used the key (the keypad's keys). */
typedef gboolean (*BakenKioskKeyFunc) (guint           keyval,
                                       GdkModifierType state,
                                       gpointer        user_data);

/* Fullscreen at the size of the monitor, no decorations, no cursor, no shortcut, no
 * context menu, no inspector; keys that key_func uses get through. */
void baken_kiosk_lock (GtkWindow         *window,
                       BakenKioskKeyFunc  key_func,
                       BakenKioskKeyFunc  release_func,
                       gpointer           user_data);

G_END_DECLS
