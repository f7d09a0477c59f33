/* baken-keyboard-keys.h: the keys of the on-screen keyboard, per language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layouts of the on-screen keyboard (ЙЦУКЕН for "uk", Arabic for "ar", QWERTY with
 * the language's accented letters for the others, the digits 1–0 above the letters in
 * every layout) and the key widgets built from them. The keys only name the actions of
 * the keyboard they are put in (keyboard.type, keyboard.backspace, keyboard.clear,
 * keyboard.accents, keyboard.latin: see baken-keyboard.h); nothing here calls it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether the language has its own letters besides a-z (Arabic, Ukrainian). */
gboolean   baken_keyboard_keys_has_own_script (const char *language);

/* The row of accented letters for language, in its own letters or, when latin is TRUE,
 * in a-z; NULL when that alphabet has no accents. Visible, (transfer floating). */
GtkWidget *baken_keyboard_keys_new_accent_row (const char *language,
                                               gboolean    latin);

/* The digits, the letters and the bottom row of special keys, on a grid of half-key
 * columns; the alphabet key reads "A B C" or the language's own letters as latin says.
 * (transfer floating) */
GtkWidget *baken_keyboard_keys_new_grid       (const char *language,
                                               gboolean    latin);

G_END_DECLS
