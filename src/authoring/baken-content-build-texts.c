/* baken-content-build-texts.c: the texts of a record in each of its languages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The *_text tables have a Dutch row for every record and one more row per language
 * that translates any of its fields (baken-content-source-translations.h).
 */
#define G_LOG_DOMAIN "baken-content-build"

#include "config.h"

#include "baken-content-build-texts.h"

#include "baken-content-build-sql.h"
#include "baken-content-source-format.h"
#include "baken-content-source-translations.h"

const char *
baken_build_text_or_dutch (Source     *b,
                           TableId     tid,
                           const char *id,
                           Row        *row,
                           guint       col,
                           const char *lang)
{
  return baken_source_text_in (b, tid, id, row, col, lang) ?: value (row, col);
}

/* Inserts one row per language of a record into a *_text table. The statement's first
 * parameters are the key (n_keys of them), then lang, then the text columns. */
gboolean
baken_build_insert_texts (Source            *b,
                          sqlite3           *db,
                          sqlite3_stmt      *stmt,
                          TableId            tid,
                          const char        *id,
                          Row               *row,
                          const char *const *keys,
                          guint              n_keys,
                          const guint       *cols,
                          guint              n_cols,
                          GError           **error)
{
  const char *resource = baken_source_table_spec (tid)->resource;
  g_autoptr(GPtrArray) langs = baken_source_record_langs (b, resource, id);

  for (guint l = 0; l < langs->len; l++)
    {
      const char *lang = g_ptr_array_index (langs, l);

      for (guint k = 0; k < n_keys; k++)
        baken_build_sql_bind_text (stmt, k + 1, keys[k]);
      baken_build_sql_bind_text (stmt, n_keys + 1, lang);
      for (guint c = 0; c < n_cols; c++)
        baken_build_sql_bind_text (stmt, n_keys + 2 + c,
                                   baken_source_text_in (b, tid, id, row, cols[c], lang));
      if (!baken_build_sql_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}
