/* baken-content-source-tables.c: read the CSV tables of a content source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table at a time: the header (known, required and repeated columns), then every
 * record, with the syntax of each value checked as it is read (-values.c). A record the
 * CSV reader cannot read is only remembered by its id.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source-tables.h"

#include <string.h>

#include "baken-content-source-format.h"
#include "baken-content-source-report.h"
#include "baken-content-source-values.h"
#include "baken-csv.h"
#include "baken-file.h"

#define MAX_FILE_SIZE     (256 * 1024 * 1024)

static char *
join_columns (const TableSpec *spec)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < spec->n_columns; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, spec->columns[i].name);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->values);
  g_free (row->lines);
  g_free (row);
}

static void
check_header (Source         *b,
              Table          *t,
              BakenCsvReader *reader)
{
  const TableSpec *spec = t->spec;
  guint n = baken_csv_reader_get_n_fields (reader);

  t->n_header = n;
  for (guint i = 0; i < n; i++)
    {
      const char *name = baken_csv_reader_get_field (reader, i);
      guint line = baken_csv_reader_get_field_line (reader, i);
      gboolean known = FALSE;

      for (guint c = 0; c < spec->n_columns; c++)
        {
          if (name == NULL || strcmp (name, spec->columns[c].name) != 0)
            continue;
          known = TRUE;
          if (t->file_column[c] != 0)
            baken_source_report_add (b->report, spec->file, line, i + 1,
                                     "column \"%s\" appears twice in the header (first as "
                                     "column %u); remove one of them", name,
                                     t->file_column[c]);
          else
            t->file_column[c] = i + 1;
          break;
        }

      if (!known && name != NULL)
        {
          g_autofree char *columns = join_columns (spec);

          baken_source_report_add (b->report, spec->file, line, i + 1,
                                   "unknown column \"%s\"; check the spelling (the columns "
                                   "of %s are: %s)", name, spec->file, columns);
        }
    }

  for (guint c = 0; c < spec->n_columns; c++)
    if (spec->columns[c].required && t->file_column[c] == 0)
      baken_source_report_add (b->report, spec->file, baken_csv_reader_get_line (reader), n + 1,
                               "required column \"%s\" is missing; add it to the header row",
                               spec->columns[c].name);
}

static void
load_row (Source         *b,
          Table          *t,
          BakenCsvReader *reader,
          guint           ordinal)
{
  const TableSpec *spec = t->spec;
  guint record_line = baken_csv_reader_get_line (reader);
  Row *row;

  row = g_new0 (Row, 1);
  row->line = record_line;
  row->ordinal = ordinal;
  row->values = g_new0 (const char *, spec->n_columns);
  row->lines = g_new0 (guint, spec->n_columns);

  for (guint c = 0; c < spec->n_columns; c++)
    {
      guint index = t->file_column[c];
      const char *text;

      row->lines[c] = record_line;
      if (index == 0)
        continue;

      row->lines[c] = baken_csv_reader_get_field_line (reader, index - 1);
      text = baken_csv_reader_get_field (reader, index - 1);
      if (text == NULL)
        row->bad |= 1u << c;    /* already reported by the reader */
      else if (!baken_source_is_blank (text))
        row->values[c] = baken_source_intern (b, text);
    }

  row->index = t->rows->len;
  g_ptr_array_add (t->rows, row);

  for (guint c = 0; c < spec->n_columns; c++)
    {
      const ColumnSpec *cs = &spec->columns[c];

      if (cs->required && t->file_column[c] != 0 && !is_set (row, c))
        {
          if (cs->type == V_TEXT)
            baken_source_report_field (b->report, t, row, c,
                                       "%s is empty; write the Dutch %s (every %s needs "
                                       "one)", cs->name, cs->name, spec->noun);
          else
            baken_source_report_field (b->report, t, row, c,
                                       "%s is empty; fill it in (it is required in %s)",
                                       cs->name, spec->file);
          mark_bad (row, c);
          continue;
        }
      baken_source_check_value (b, t, row, c);
    }

  if (spec->id_column >= 0 && value (row, spec->id_column) != NULL)
    {
      const char *id = value (row, spec->id_column);
      Row *first = g_hash_table_lookup (t->by_id, id);

      if (first != NULL)
        baken_source_report_field (b->report, t, row, spec->id_column,
                                   "id \"%s\" is used twice (first on line %u); give "
                                   "each %s its own id", id, first->line, spec->noun);
      else
        g_hash_table_insert (t->by_id, (gpointer) id, row);
    }
}

/* A record that could not be read (a quoting mistake, a wrong number of fields) is only
 * remembered by its id, if that was readable, so that references to it do not add
 * problems of their own. */
static void
load_broken_row (Source         *b,
                 Table          *t,
                 BakenCsvReader *reader,
                 guint           ordinal)
{
  int id_col = t->spec->id_column;
  guint index = id_col >= 0 ? t->file_column[id_col] : 0;
  const char *id;
  Row *row;

  if (index == 0 || index > baken_csv_reader_get_n_fields (reader))
    return;
  id = baken_csv_reader_get_field (reader, index - 1);
  if (id == NULL || !baken_source_is_valid_id (id) || g_hash_table_contains (t->by_id, id))
    return;

  row = g_new0 (Row, 1);
  row->line = baken_csv_reader_get_line (reader);
  row->ordinal = ordinal;
  row->bad = G_MAXUINT32;
  row->values = g_new0 (const char *, t->spec->n_columns);
  row->lines = g_new0 (guint, t->spec->n_columns);
  row->values[id_col] = baken_source_intern (b, id);
  g_ptr_array_add (t->broken, row);
  g_hash_table_insert (t->by_id, (gpointer) row->values[id_col], row);
}

static gboolean
read_file (Source     *b,
           const char *name,
           GBytes    **out)
{
  g_autofree char *path = g_build_filename (b->src_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  /* Only a regular file: a FIFO in the source folder would hang the build. */
  if (!baken_file_read (path, MAX_FILE_SIZE, &contents, &length, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        baken_source_report_add (b->report, name, 1, 1,
                                 "the file is larger than %d MiB; split the content",
                                 MAX_FILE_SIZE / 1024 / 1024);
      else
        baken_source_report_add (b->report, name, 1, 1, "cannot read the file: %s",
                                 error->message);
      return FALSE;
    }

  *out = g_bytes_new_take (contents, length);
  return TRUE;
}

void
baken_source_load_table (Source  *b,
                         TableId  id)
{
  Table *t = &b->tables[id];
  const TableSpec *spec = t->spec;
  g_autofree char *path = g_build_filename (b->src_dir, spec->file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BakenCsvReader) reader = NULL;
  gboolean header = TRUE;
  guint ordinal = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (spec->required)
        baken_source_report_add (b->report, spec->file, 1, 1,
                                 "the file is missing; every content source needs %s (see "
                                 "docs/content-format.md)", spec->file);
      return;
    }

  if (!read_file (b, spec->file, &bytes))
    return;

  t->present = TRUE;
  reader = baken_csv_reader_new (bytes);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      BakenCsvRead read = baken_csv_reader_read (reader, &error);

      if (read == BAKEN_CSV_READ_END)
        break;

      if (read == BAKEN_CSV_READ_ERROR)
        {
          guint line, column;

          baken_csv_reader_get_error_position (reader, &line, &column);
          baken_source_report_add (b->report, spec->file, line, column, "%s", error->message);
          if (error->code == BAKEN_CSV_ERROR_SYNTAX || error->code == BAKEN_CSV_ERROR_FIELD_COUNT)
            {
              /* Without a header, the rest of the file cannot be read. */
              if (header)
                return;
              load_broken_row (b, t, reader, ++ordinal);
              continue;
            }
        }

      if (header)
        {
          check_header (b, t, reader);
          header = FALSE;
          continue;
        }

      load_row (b, t, reader, ++ordinal);
    }

  if (header)
    baken_source_report_add (b->report, spec->file, 1, 1,
                             "the file is empty; it needs at least the header row (%s)",
                             spec->file);
}

void
baken_source_table_init (Table   *t,
                         TableId  id)
{
  t->spec = baken_source_table_spec (id);
  t->rows = g_ptr_array_new_with_free_func (row_free);
  t->broken = g_ptr_array_new_with_free_func (row_free);
  t->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

void
baken_source_table_clear (Table *t)
{
  g_clear_pointer (&t->rows, g_ptr_array_unref);
  g_clear_pointer (&t->broken, g_ptr_array_unref);
  g_clear_pointer (&t->by_id, g_hash_table_unref);
}
