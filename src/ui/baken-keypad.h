/* baken-keypad.h: the keys of the tactile keypad ([keypad] in kiosk.conf)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-config.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_KEYPAD (baken_keypad_get_type ())

G_DECLARE_FINAL_TYPE (BakenKeypad, baken_keypad, BAKEN, KEYPAD, GObject)

BakenKeypad *baken_keypad_new    (BakenConfig        *config);

/* Whether keyval, pressed with state, is a keypad key; its command in *command. A key
 * with Ctrl, Alt, Super, Hyper or Meta held is never one (Shift and Num Lock may be). */
gboolean     baken_keypad_lookup (BakenKeypad        *self,
                                  guint               keyval,
                                  GdkModifierType     state,
                                  BakenKeypadCommand *command);

G_END_DECLS
