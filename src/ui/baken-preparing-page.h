/* baken-preparing-page.h: "Deze kiosk wordt klaargemaakt"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a kiosk shows while it has no trusted content: it has its own keys and the sync
 * has not brought a bundle yet (the demo content is not trusted then). Calm, no error
 * for residents: the way to a person. Replaced by Home as soon as a bundle arrives.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_PREPARING_PAGE (baken_preparing_page_get_type ())

G_DECLARE_FINAL_TYPE (BakenPreparingPage, baken_preparing_page, BAKEN, PREPARING_PAGE, GtkWidget)

GtkWidget *baken_preparing_page_new (void);

G_END_DECLS
