/* baken-search-fold.h: the letters search takes as the same, per language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search table's tokenizer (FTS5 unicode61, remove_diacritics 2) folds case and the
 * accents of Latin letters ("borç" is "borc", "rozwód" is "rozwod"), but not what some
 * languages need: Turkish I/ı and İ/i ("SIKINTI", "sıkıntı" and "sikinti" are one word
 * to a Turkish reader on any keyboard), Polish ł ("długi" typed as "dlugi"), Arabic
 * vowel marks, tatweel and hamza forms (which the tokenizer even takes as word breaks:
 * "دُيون" became "د", "يون"), and the Ukrainian apostrophe written as ʼ or ’. The fold
 * below does that before the tokenizer, on the texts of the index when the bundle is
 * built (baken-content-build-search.c) and on what the resident types, so both meet.
 * Each rule touches only its own language's letters, so every language gets its own
 * folding from the one function.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* text with the letters above folded (valid UTF-8 in, valid UTF-8 out). */
char *baken_search_fold (const char *text);

G_END_DECLS
