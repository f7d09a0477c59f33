/* baken-translations-csv.h: writing translations into translations.csv, touching only
 * the rows that change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A translation to write: a new row, or a row whose text or source_hash changes. */
typedef struct
{
  const char *table;
  const char *id;
  const char *field;
  const char *lang;
  const char *text;
  const char *source_hash;
} BakenTranslationUpdate;

/* Writes updates (element-type BakenTranslationUpdate) into SRC_DIR/translations.csv.
 * Every other row keeps its bytes (quoting, line ends, empty lines); a changed row is
 * written again with the same field order; a new row goes after the last row of the
 * same record and language, else of the same table and language, else of the same
 * language, else at the end. A file without a source_hash column gets one. Without
 * translations.csv the file is made and listed in datapackage.json. The file is replaced
 * at once (a new file renamed over it). */
gboolean baken_translations_csv_update (const char  *src_dir,
                                        GPtrArray   *updates,
                                        GError     **error);

G_END_DECLS
