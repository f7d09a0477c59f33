/* baken-content-source-translations.h: translations.csv and the texts in each language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* Checks translations.csv (a known table, field and id; not Dutch; not twice) and keeps
 * each translation and the languages of each record. */
void         baken_source_check_translations (Source      *b);

/* The languages of a record's text rows: "nl" first, then its translations, sorted. */
GPtrArray   *baken_source_record_langs       (Source      *b,
                                              const char  *table,
                                              const char  *id);
/* The text of a column in lang: Dutch from the row, or a translation (NULL if none). */
const char  *baken_source_text_in            (Source      *b,
                                              TableId      tid,
                                              const char  *id,
                                              Row         *row,
                                              guint        col,
                                              const char  *lang);
/* Every content language, sorted ("nl" included). */
GPtrArray   *baken_source_sorted_langs       (Source      *b);

G_END_DECLS
