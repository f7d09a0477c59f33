/* baken-content-build-texts.h: the texts of a record in each of its languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content.h"
#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* The text of a column in lang, or the Dutch text when it has no translation. */
const char *baken_build_text_or_dutch (Source            *b,
                                       TableId            tid,
                                       const char        *id,
                                       Row               *row,
                                       guint              col,
                                       const char        *lang);
/* Inserts one row per language of a record into a *_text table. The statement's first
 * parameters are the key (n_keys of them), then lang, then the text columns cols (NULL
 * where a language has no translation). */
gboolean    baken_build_insert_texts  (Source            *b,
                                       sqlite3           *db,
                                       sqlite3_stmt      *stmt,
                                       TableId            tid,
                                       const char        *id,
                                       Row               *row,
                                       const char *const *keys,
                                       guint              n_keys,
                                       const guint       *cols,
                                       guint              n_cols,
                                       GError           **error);

G_END_DECLS
