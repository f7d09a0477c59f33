/* baken-count-terms.h: which search terms without a result the monitor may keep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a resident typed into search is theirs: it may hold a name, a phone number, an
 * address. A term that found nothing is kept (counted under its own words) only when
 * every word of it is a word of the content's own search index or a lower-case word of
 * a system word list (/usr/share/dict: wdutch, wbritish, …) of one of the kiosk's
 * languages; otherwise only the count of searches without a result rises. A word with a
 * digit, or any sign other than letters, a hyphen or an apostrophe, is never kept. A
 * word list entry with a capital letter (a name, a place) does not count.
 */
#pragma once

#include "baken-catalog.h"

G_BEGIN_DECLS

/* The largest word list read; a larger file is skipped (and logged). */
#define BAKEN_COUNT_TERMS_MAX_LIST ((goffset) 64 * 1024 * 1024)
/* Where the system word lists are. */
#define BAKEN_COUNT_TERMS_DICT_DIR "/usr/share/dict"

/* text as a term is kept: its words in lower case, one space apart, at most 64
 * characters. NULL when it has no words, is longer, or has a character other than
 * letters, spaces, hyphens and apostrophes (a digit: a number, a house number). */
char     *baken_count_term_normalize      (const char          *text);
/* (transfer full) the words of term (normalized) that catalog's search index does not
 * know: those need a word list. NULL (with error) when the content cannot be read. */
GStrv     baken_count_term_unknown_words  (BakenCatalog        *catalog,
                                           const char          *term,
                                           GError             **error);
/* The word list files (in dir) of the languages ("nl", "en", …; a language without
 * one has none). (transfer full) */
GStrv     baken_count_terms_lists_for     (const char          *dir,
                                           const char * const  *languages);
/* Marks, in words (word → GINT_TO_POINTER (found)), every word that is a line of one of
 * lists. Each list is read once, line by line, when it is a regular file of at most
 * BAKEN_COUNT_TERMS_MAX_LIST bytes; a list that cannot be read is skipped. Blocking:
 * call it from a worker thread. */
void      baken_count_terms_find          (GHashTable          *words,
                                           const char * const  *lists);

G_END_DECLS
