/* baken-wrap.h: text that may break inside a word, measured without a line per letter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The least a long text that may break inside a word is ever shown at, in characters
 * of its font; a label in a .ui file that breaks inside words and is filled with
 * long text sets width-chars to this too. */
#define BAKEN_WRAP_MIN_CHARS 20

/* Wraps label between words, and inside a word too long for a line (an e-mail address,
 * a long compound), so that no text runs off the screen; a text longer than
 * BAKEN_WRAP_MIN_CHARS characters gets a minimum width of that many, a shorter one is
 * set on one line. Follows the label's text from then on. */
void baken_wrap_break_anywhere (GtkLabel *label);

G_END_DECLS
