/* baken-page-keys.h: a physical keyboard types into the search and handover pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-navigator.h"

G_BEGIN_DECLS

/* Whether something covers the page (the idle prompt, the language picker, the PIN
 * pad): then the keys are not the page's. */
typedef gboolean (*BakenPageKeysCoveredFunc) (gpointer user_data);

/* Adds the key controllers to window: keys go to the search page (bubble phase) and
 * the handover page (capture phase) of navigator when that page is shown and nothing
 * covers it. navigator and user_data: (unowned) they must outlive window's input. */
void baken_page_keys_attach (GtkWidget                *window,
                             BakenNavigator           *navigator,
                             BakenPageKeysCoveredFunc  covered,
                             gpointer                  user_data);

G_END_DECLS
