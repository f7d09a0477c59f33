/* baken-pin-pad.h: the staff PIN, entered on a large number pad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_PIN_PAD (baken_pin_pad_get_type ())

G_DECLARE_FINAL_TYPE (BakenPinPad, baken_pin_pad, BAKEN, PIN_PAD, GtkWidget)

/* Covers the window (a scrim) with a card: a title, one dot per digit typed, a message
 * line, the keys 0-9, "Wissen" and "OK", and "Annuleren". Digits also come from a
 * keyboard (the desk). Signals: "submitted" (const char *pin) when OK is pressed with at
 * least 4 digits — the pad forgets the digits right after — and "cancelled". */
GtkWidget *baken_pin_pad_new         (void);
/* A line under the dots: why the PIN was refused, or that entry is locked. */
void       baken_pin_pad_set_message (BakenPinPad *self,
                                      const char  *message);
/* While a PIN is checked (a tenth of a second or so): keys insensitive. */
void       baken_pin_pad_set_busy    (BakenPinPad *self,
                                      gboolean     busy);
/* A key from a real keyboard: digits, BackSpace, Enter, Escape. TRUE when taken. */
gboolean   baken_pin_pad_press_key   (BakenPinPad *self,
                                      guint        keyval);
/* Locked: no digits taken until unlocked. */
void       baken_pin_pad_set_locked  (BakenPinPad *self,
                                      gboolean     locked);

G_END_DECLS
