/* baken-bidi-text.h: numbers and values that survive right-to-left text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a right-to-left paragraph the Unicode bidi algorithm lays out each digit group of
 * "030 555 01 23" as a run of its own and orders the runs right to left: Arabic readers
 * saw "23 01 555 030" and dialled a wrong number. Wrapping such text in a left-to-right
 * isolate (U+2066 … U+2069) keeps it in the order it is dialled or typed. Plain text
 * functions: the screen (src/ui/baken-bidi.h) and the slip use them where the text runs
 * right to left.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_BIDI_LRI "\xe2\x81\xa6"   /* U+2066 LEFT-TO-RIGHT ISOLATE */
#define BAKEN_BIDI_FSI "\xe2\x81\xa8"   /* U+2068 FIRST STRONG ISOLATE */
#define BAKEN_BIDI_PDI "\xe2\x81\xa9"   /* U+2069 POP DIRECTIONAL ISOLATE */

/* Whether a language (ISO 639 code, "ar", "ar_SA") is written right to left. */
gboolean baken_bidi_language_is_rtl  (const char *lang);

/* A value read as one left-to-right piece (a phone number, an e-mail or web address,
 * a street address) in a left-to-right isolate. NULL for NULL. */
char    *baken_bidi_isolate_value    (const char *text);
/* Text in a first-strong isolate: its own direction, whatever surrounds it (a Dutch
 * sentence inside an Arabic slip). NULL for NULL. */
char    *baken_bidi_isolate_text     (const char *text);
/* Text with every phone number, postcode, time range ("9:00 – 12:00") or other run of
 * digit groups inside it in a left-to-right isolate. NULL for NULL. */
char    *baken_bidi_isolate_numbers  (const char *text);

G_END_DECLS
