/* baken-top-bar.h: the kiosk's name, "Zoeken" and the languages, across the top
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_TOP_BAR (baken_top_bar_get_type ())

G_DECLARE_FINAL_TYPE (BakenTopBar, baken_top_bar, BAKEN, TOP_BAR, GtkWidget)

/* Shows name (nullable) and the language switch of languages with language on. */
void       baken_top_bar_setup            (BakenTopBar        *self,
                                           const char         *name,
                                           const char * const *languages,
                                           const char         *language);
/* The UI language changed: the picker button shows it, "Zoeken" is built in it. */
void       baken_top_bar_set_language     (BakenTopBar        *self,
                                           const char         *language);

/* The kiosk's name (staff hold it to get in), the language switch (it keeps its focus),
 * the slot for the staff notice of stale content: all unowned. */
GtkWidget *baken_top_bar_get_kiosk_name   (BakenTopBar        *self);
GtkWidget *baken_top_bar_get_language_box (BakenTopBar        *self);
AdwBin    *baken_top_bar_get_status_slot  (BakenTopBar        *self);

G_END_DECLS
