/* baken-content-source.c: load and check a content source folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes. Loading reads datapackage.json and every CSV, checks the header and the
 * syntax of every value (ids, times, dates, enums, …). Checking resolves references and
 * the rules that span rows (the life-event tree, schedule targets, translations, icons).
 * The writer of the content DB is baken-content-build.c.
 *
 * Every problem is kept with its file, line and column (the field number, as a
 * spreadsheet user counts) by a BakenSourceReport, and they are reported sorted by file
 * and position.
 *
 * This file runs the passes and holds the API on the loaded source. It uses the format
 * (baken-content-source-format.c), datapackage.json (-package.c), reading one table
 * (-tables.c, which checks the syntax of values with -values.c), the checks across rows
 * (-checks.c), the life-event tree (-life-events.c, with -icons.c) and translations.csv
 * (-translations.c); none of them calls back.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source.h"

#include <string.h>

#include "baken-content.h"
#include "baken-content-source-checks.h"
#include "baken-content-source-format.h"
#include "baken-content-source-life-events.h"
#include "baken-content-source-package.h"
#include "baken-content-source-report.h"
#include "baken-content-source-tables.h"
#include "baken-content-source-translations.h"

/* The source */

static void
source_clear (Source *b)
{
  for (guint i = 0; i < N_TABLES; i++)
    baken_source_table_clear (&b->tables[i]);
  g_clear_pointer (&b->report, baken_source_report_free);
  g_clear_pointer (&b->strings, g_string_chunk_free);
  g_clear_pointer (&b->publisher, g_free);
  g_clear_pointer (&b->region, g_free);
  g_clear_pointer (&b->depth, g_hash_table_unref);
  g_clear_pointer (&b->icons, g_hash_table_unref);
  g_clear_pointer (&b->translations, g_hash_table_unref);
  g_clear_pointer (&b->translated_langs, g_hash_table_unref);
  g_clear_pointer (&b->langs, g_hash_table_unref);
  g_clear_pointer (&b->address, g_hash_table_unref);
  g_clear_pointer (&b->accessibility, g_hash_table_unref);
  g_clear_pointer (&b->synonyms, g_hash_table_unref);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
check_source (Source *b)
{
  baken_source_load_datapackage (b);
  for (guint i = 0; i < N_TABLES; i++)
    baken_source_load_table (b, i);

  baken_source_check_references (b);
  baken_source_check_phones (b);
  baken_source_check_channels (b);
  baken_source_check_schedules (b);
  baken_source_check_exceptions (b);
  baken_source_check_addresses (b);
  baken_source_check_ages (b);
  baken_source_check_life_event_services (b);
  baken_source_check_unique_pairs (b, T_LANGUAGE, LNG_SERVICE_ID, LNG_CODE, -1,
                                   "this language is listed twice for this service");
  baken_source_check_unique_pairs (b, T_SYNONYM, SYN_LIFE_EVENT_ID, SYN_TERM, SYN_LANG,
                                   "this synonym is listed twice for this life event");
  baken_source_check_life_events (b);
  baken_source_check_taxonomy_menu (b);
  baken_source_check_translations (b);
  baken_source_collect_synonyms (b);
  baken_source_collect_accessibility (b);
}

BakenContentSource *
baken_content_source_load (const char  *src_dir,
                           GError     **error)
{
  Source *b;

  g_return_val_if_fail (src_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (src_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                   "%s is not a folder; give the folder that holds datapackage.json", src_dir);
      return NULL;
    }

  b = g_new0 (Source, 1);
  b->src_dir = g_strdup (src_dir);
  b->report = baken_source_report_new ();
  b->strings = g_string_chunk_new (64 * 1024);
  for (guint i = 0; i < N_TABLES; i++)
    baken_source_table_init (&b->tables[i], i);
  b->depth = g_hash_table_new (g_str_hash, g_str_equal);
  b->icons = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  b->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->translated_langs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  b->langs = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (b->langs, (gpointer) "nl");
  b->address = g_hash_table_new (g_str_hash, g_str_equal);
  b->accessibility = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  b->synonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);

  check_source (b);
  b->problem_strings = baken_source_report_format (b->report);

  return b;
}

void
baken_content_source_free (BakenContentSource *self)
{
  if (self == NULL)
    return;

  source_clear (self);
  g_clear_pointer (&self->problem_strings, g_ptr_array_unref);
  g_free (self->src_dir);
  g_free (self);
}

const char *
baken_content_source_get_dir (BakenContentSource *self)
{
  return self->src_dir;
}

GPtrArray *
baken_content_source_get_problems (BakenContentSource *self)
{
  return self->problem_strings;
}

const char *
baken_content_source_get_publisher (BakenContentSource *self)
{
  return self->publisher;
}

const char *
baken_content_source_get_region (BakenContentSource *self)
{
  return self->region;
}

/* The loaded tables */

static Row *
source_row (Source           *b,
            BakenSourceTable  table,
            guint             row)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, NULL);
  g_return_val_if_fail (row < b->tables[table].rows->len, NULL);

  return g_ptr_array_index (b->tables[table].rows, row);
}

gboolean
baken_content_source_has_table (BakenContentSource *self,
                                BakenSourceTable    table)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, FALSE);

  return self->tables[table].present;
}

guint
baken_content_source_get_n_rows (BakenContentSource *self,
                                 BakenSourceTable    table)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, 0);

  return self->tables[table].rows->len;
}

const char *
baken_content_source_get (BakenContentSource *self,
                          BakenSourceTable    table,
                          guint               row,
                          guint               column)
{
  Row *r = source_row (self, table, row);

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (column < baken_source_table_spec ((TableId) table)->n_columns, NULL);

  return value (r, column);
}

void
baken_content_source_get_position (BakenContentSource *self,
                                   BakenSourceTable    table,
                                   guint               row,
                                   guint               column,
                                   guint              *line,
                                   guint              *file_column)
{
  Row *r = source_row (self, table, row);

  g_return_if_fail (r != NULL);
  g_return_if_fail (column < baken_source_table_spec ((TableId) table)->n_columns);

  if (line != NULL)
    *line = r->lines[column];
  if (file_column != NULL)
    *file_column = baken_source_file_column (&self->tables[table], column);
}

int
baken_content_source_find (BakenContentSource *self,
                           BakenSourceTable    table,
                           const char         *id)
{
  Row *r;

  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, -1);

  r = g_hash_table_lookup (self->tables[table].by_id, id);
  if (r == NULL || r->index >= self->tables[table].rows->len ||
      g_ptr_array_index (self->tables[table].rows, r->index) != r)
    return -1;

  return r->index;
}

const char *
baken_content_source_get_translation (BakenContentSource *self,
                                      BakenSourceTable    table,
                                      const char         *id,
                                      const char         *field,
                                      const char         *lang)
{
  g_autofree char *key = NULL;
  Row *row;

  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, NULL);

  key = g_strjoin ("\t", baken_source_table_spec ((TableId) table)->resource, id, field, lang,
                   NULL);
  row = g_hash_table_lookup (self->translations, key);
  return row != NULL ? value (row, TR_TEXT) : NULL;
}

int
baken_content_source_find_translation (BakenContentSource *self,
                                       BakenSourceTable    table,
                                       const char         *id,
                                       const char         *field,
                                       const char         *lang)
{
  g_autofree char *key = NULL;
  Row *row;

  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, -1);

  key = g_strjoin ("\t", baken_source_table_spec ((TableId) table)->resource, id, field, lang,
                   NULL);
  row = g_hash_table_lookup (self->translations, key);
  return row != NULL ? (int) row->index : -1;
}

GPtrArray *
baken_content_source_get_languages (BakenContentSource *self)
{
  return baken_source_sorted_langs (self);
}
