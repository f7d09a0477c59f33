/* baken-language-switch.h: the languages in the top bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Fills box with a toggle button per language (kiosk.language), or, for more than
 * two, with one button that opens the language picker (a11y.choose-language). Returns
 * the label of that button (unowned), NULL when there are buttons per language. */
GtkLabel *baken_language_switch_fill         (GtkBox             *box,
                                              const char * const *languages,
                                              const char         *language);

/* The picker button of label shows language. */
void      baken_language_switch_set_language (GtkLabel           *label,
                                              const char         *language);

G_END_DECLS
