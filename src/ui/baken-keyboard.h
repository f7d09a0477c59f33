/* baken-keyboard.h: the on-screen keyboard for search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kiosk compositors offer no keyboard of their own, and a system input method would
 * open menus and windows of its own: the kiosk draws its keys itself. The keyboard
 * holds the text typed so far; its keys activate the actions below, so tests and
 * assistive technologies type exactly as a finger does:
 *
 *   keyboard.type (s)    add the text of one key
 *   keyboard.backspace   take away the last character
 *   keyboard.clear       empty the text
 *   keyboard.accents     show or hide the row of letters with accents (a toggle)
 *   keyboard.latin       switch between the letters of the language and a-z (a toggle;
 *                        only for languages not written in Latin letters)
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_KEYBOARD (baken_keyboard_get_type ())

G_DECLARE_FINAL_TYPE (BakenKeyboard, baken_keyboard, BAKEN, KEYBOARD, GtkWidget)

/* The longest text the keyboard holds by default, in characters. */
#define BAKEN_KEYBOARD_MAX_CHARS 60

/* language picks the layout: Ukrainian ЙЦУКЕН for "uk", Arabic for "ar", QWERTY with
 * the language's accented letters for the others; every layout has the digits 1–0
 * above its letters. */
GtkWidget  *baken_keyboard_new              (const char    *language);

const char *baken_keyboard_get_language     (BakenKeyboard *self);
const char *baken_keyboard_get_text         (BakenKeyboard *self);
void        baken_keyboard_set_text         (BakenKeyboard *self,
                                             const char    *text);
/* The longest text the keyboard holds, in characters: BAKEN_KEYBOARD_MAX_CHARS unless
 * set (a handover note typed by desk staff holds 140). Setting it cuts a longer text
 * already typed; a key that would go past it rings the bell instead. */
guint       baken_keyboard_get_max_chars    (BakenKeyboard *self);
void        baken_keyboard_set_max_chars    (BakenKeyboard *self,
                                             guint          max_chars);
gboolean    baken_keyboard_get_show_accents (BakenKeyboard *self);
void        baken_keyboard_set_show_accents (BakenKeyboard *self,
                                             gboolean       show_accents);
gboolean    baken_keyboard_get_latin        (BakenKeyboard *self);
void        baken_keyboard_set_latin        (BakenKeyboard *self,
                                             gboolean       latin);
/* Whether the language has its own letters, so keyboard.latin does something. */
gboolean    baken_keyboard_has_own_script   (BakenKeyboard *self);

G_END_DECLS
