/* baken-home-page.h: "Waar kunt u hulp bij gebruiken?" and the life events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"
#include "baken-page.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_HOME_PAGE (baken_home_page_get_type ())

G_DECLARE_FINAL_TYPE (BakenHomePage, baken_home_page, BAKEN, HOME_PAGE, BakenPage)

GtkWidget *baken_home_page_new (BakenContext *context,
                                const char   *language);

G_END_DECLS
