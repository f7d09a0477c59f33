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
 * spreadsheet user counts), and they are reported sorted by file and position.
 *
 * This file loads the tables, keeps the problems and holds the API on the loaded source.
 * The format is in baken-content-source-format.c, the syntax of values in -values.c,
 * datapackage.json in -package.c, the checks across rows in -checks.c, icons in
 * -icons.c and translations.csv in -translations.c.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source.h"
#include "baken-file.h"
#include "baken-content-source-private.h"

#include <string.h>

#include "baken-content.h"
#include "baken-csv.h"

#define MAX_FILE_SIZE     (256 * 1024 * 1024)

/* State */

typedef struct
{
  char  *file;
  guint  line;
  guint  column;
  guint  seq;
  char  *message;
} Problem;


static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->file);
  g_free (problem->message);
}

void
_baken_content_source_report_valist (Source     *b,
                                     const char *file,
                                     guint       line,
                                     guint       column,
                                     const char *format,
                                     va_list     args)
{
  Problem problem;

  problem.file = g_strdup (file);
  problem.line = line;
  problem.column = column;
  problem.seq = b->problems->len;
  problem.message = g_strdup_vprintf (format, args);
  g_array_append_val (b->problems, problem);
}

void
_baken_content_source_report (Source     *b,
                              const char *file,
                              guint       line,
                              guint       column,
                              const char *format,
                              ...)
{
  va_list args;

  va_start (args, format);
  _baken_content_source_report_valist (b, file, line, column, format, args);
  va_end (args);
}

static guint
column_of (Table *t,
           guint  col)
{
  return t->file_column[col] != 0 ? t->file_column[col] : t->n_header + 1;
}

/* Reports a problem with one field of a row (or where it would be, if absent). */
void
_baken_content_source_report_field (Source     *b,
                                    Table      *t,
                                    Row        *row,
                                    guint       col,
                                    const char *format,
                                    ...)
{
  va_list args;

  va_start (args, format);
  _baken_content_source_report_valist (b, t->spec->file, row->lines[col], column_of (t, col),
                                       format, args);
  va_end (args);
}

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

/* g_ptr_array_sort () passes pointers to the elements. */
int
baken_source_compare_strings (gconstpointer a,
                              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Loading */

const char *
_baken_content_source_intern (Source     *b,
                              const char *text)
{
  return g_string_chunk_insert (b->strings, text);
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
            _baken_content_source_report (b, spec->file, line, i + 1,
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

          _baken_content_source_report (b, spec->file, line, i + 1,
                                        "unknown column \"%s\"; check the spelling (the columns "
                                        "of %s are: %s)", name, spec->file, columns);
        }
    }

  for (guint c = 0; c < spec->n_columns; c++)
    if (spec->columns[c].required && t->file_column[c] == 0)
      _baken_content_source_report (b, spec->file, baken_csv_reader_get_line (reader), n + 1,
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
      else if (!_baken_content_source_is_blank (text))
        row->values[c] = _baken_content_source_intern (b, text);
    }

  row->index = t->rows->len;
  g_ptr_array_add (t->rows, row);

  for (guint c = 0; c < spec->n_columns; c++)
    {
      const ColumnSpec *cs = &spec->columns[c];

      if (cs->required && t->file_column[c] != 0 && !is_set (row, c))
        {
          if (cs->type == V_TEXT)
            _baken_content_source_report_field (b, t, row, c,
                                                "%s is empty; write the Dutch %s (every %s needs "
                                                "one)", cs->name, cs->name, spec->noun);
          else
            _baken_content_source_report_field (b, t, row, c,
                                                "%s is empty; fill it in (it is required in %s)",
                                                cs->name, spec->file);
          mark_bad (row, c);
          continue;
        }
      _baken_content_source_check_value (b, t, row, c);
    }

  if (spec->id_column >= 0 && value (row, spec->id_column) != NULL)
    {
      const char *id = value (row, spec->id_column);
      Row *first = g_hash_table_lookup (t->by_id, id);

      if (first != NULL)
        _baken_content_source_report_field (b, t, row, spec->id_column,
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
  if (id == NULL || !_baken_content_source_is_valid_id (id) || g_hash_table_contains (t->by_id, id))
    return;

  row = g_new0 (Row, 1);
  row->line = baken_csv_reader_get_line (reader);
  row->ordinal = ordinal;
  row->bad = G_MAXUINT32;
  row->values = g_new0 (const char *, t->spec->n_columns);
  row->lines = g_new0 (guint, t->spec->n_columns);
  row->values[id_col] = _baken_content_source_intern (b, id);
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
        _baken_content_source_report (b, name, 1, 1,
                                      "the file is larger than %d MiB; split the content",
                                      MAX_FILE_SIZE / 1024 / 1024);
      else
        _baken_content_source_report (b, name, 1, 1, "cannot read the file: %s",
                                      error->message);
      return FALSE;
    }

  *out = g_bytes_new_take (contents, length);
  return TRUE;
}

static void
load_table (Source *b,
            TableId id)
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
        _baken_content_source_report (b, spec->file, 1, 1,
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
          _baken_content_source_report (b, spec->file, line, column, "%s", error->message);
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
    _baken_content_source_report (b, spec->file, 1, 1,
                                  "the file is empty; it needs at least the header row (%s)",
                                  spec->file);
}

/* The source */

static void
source_clear (Source *b)
{
  for (guint i = 0; i < N_TABLES; i++)
    {
      g_clear_pointer (&b->tables[i].rows, g_ptr_array_unref);
      g_clear_pointer (&b->tables[i].broken, g_ptr_array_unref);
      g_clear_pointer (&b->tables[i].by_id, g_hash_table_unref);
    }
  g_clear_pointer (&b->problems, g_array_unref);
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

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a, *pb = b;
  int cmp;

  /* datapackage.json first, then the files by name. */
  cmp = (strcmp (pb->file, "datapackage.json") == 0) - (strcmp (pa->file, "datapackage.json") == 0);
  if (cmp == 0)
    cmp = strcmp (pa->file, pb->file);
  if (cmp == 0)
    cmp = (pa->line > pb->line) - (pa->line < pb->line);
  if (cmp == 0)
    cmp = (pa->column > pb->column) - (pa->column < pb->column);
  if (cmp == 0)
    cmp = (pa->seq > pb->seq) - (pa->seq < pb->seq);

  return cmp;
}

static void
check_source (Source *b)
{
  _baken_content_source_load_datapackage (b);
  for (guint i = 0; i < N_TABLES; i++)
    load_table (b, i);

  _baken_content_source_check_references (b);
  _baken_content_source_check_phones (b);
  _baken_content_source_check_channels (b);
  _baken_content_source_check_schedules (b);
  _baken_content_source_check_exceptions (b);
  _baken_content_source_check_addresses (b);
  _baken_content_source_check_life_event_services (b);
  _baken_content_source_check_unique_pairs (b, T_LANGUAGE, LNG_SERVICE_ID, LNG_CODE, -1,
                                            "this language is listed twice for this service");
  _baken_content_source_check_unique_pairs (b, T_SYNONYM, SYN_LIFE_EVENT_ID, SYN_TERM, SYN_LANG,
                                            "this synonym is listed twice for this life event");
  _baken_content_source_check_life_events (b);
  _baken_content_source_check_translations (b);
  _baken_content_source_collect_synonyms (b);
  _baken_content_source_collect_accessibility (b);
}

static void
source_problems_format (Source *b)
{
  g_array_sort (b->problems, compare_problems);
  b->problem_strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < b->problems->len; i++)
    {
      Problem *p = &g_array_index (b->problems, Problem, i);

      g_ptr_array_add (b->problem_strings, g_strdup_printf ("%s:%u:%u: %s", p->file, p->line,
                                                            p->column, p->message));
    }
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
  b->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (b->problems, problem_clear);
  b->strings = g_string_chunk_new (64 * 1024);
  for (guint i = 0; i < N_TABLES; i++)
    {
      b->tables[i].spec = baken_source_table_spec (i);
      b->tables[i].rows = g_ptr_array_new_with_free_func (row_free);
      b->tables[i].broken = g_ptr_array_new_with_free_func (row_free);
      b->tables[i].by_id = g_hash_table_new (g_str_hash, g_str_equal);
    }
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
  source_problems_format (b);

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
    *file_column = column_of (&self->tables[table], column);
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

  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, NULL);

  key = g_strjoin ("\t", baken_source_table_spec ((TableId) table)->resource, id, field, lang,
                   NULL);
  return g_hash_table_lookup (self->translations, key);
}

GPtrArray *
baken_content_source_get_languages (BakenContentSource *self)
{
  return baken_source_sorted_langs (self);
}
