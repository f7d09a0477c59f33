/* baken-gtk-fixes.h: mends for GTK 4.8 faults that a kiosk running for months meets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Once per process, after gtk_init (); more calls do nothing. */
void baken_gtk_fixes_install (void);

G_END_DECLS
