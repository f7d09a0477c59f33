/* baken-bidi.h: numbers that survive right-to-left text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a right-to-left paragraph the Unicode bidi algorithm lays out each digit group of
 * "030 555 01 23" as a run of its own and orders the runs right to left: Arabic readers
 * saw "23 01 555 030" and dialled a wrong number. Wrapping such text in a left-to-right
 * isolate (U+2066 … U+2069) keeps it in the order it is dialled or typed. In a
 * left-to-right UI the text is returned as it is.
 */
#pragma once

#include <glib.h>

#include "baken-bidi-text.h"

G_BEGIN_DECLS

/* A value read as one left-to-right piece (a phone number, an e-mail or web address,
 * a street address), isolated when the UI runs right to left. Never NULL for non-NULL. */
char *baken_bidi_dup_value   (const char *text);
/* A resident's text with every phone number, postcode or other run of digit groups
 * inside it isolated when the UI runs right to left. */
char *baken_bidi_dup_text    (const char *text);

/* For a given direction: baken_bidi_isolate_value () and baken_bidi_isolate_numbers ()
 * of baken-bidi-text.h. */

G_END_DECLS
