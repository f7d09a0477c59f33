/* baken-staff-banner.h: the bar that says staff mode is on, on every screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_STAFF_BANNER (baken_staff_banner_get_type ())

G_DECLARE_FINAL_TYPE (BakenStaffBanner, baken_staff_banner, BAKEN, STAFF_BANNER, GtkWidget)

/* "Medewerkersmodus: ook nummers voor medewerkers", a "Status" button (action
 * kiosk.open-status) and "Klaar" (kiosk.staff-done). Built in the current gettext
 * language: make a new one when the language changes. */
GtkWidget *baken_staff_banner_new (void);

G_END_DECLS
