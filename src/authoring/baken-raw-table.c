/* baken-raw-table.c: a CSV table of a content source, as its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-raw-table.h"

#include <string.h>

#include <gio/gio.h>

#include "baken-csv.h"
#include "baken-file.h"

RawTable *
baken_raw_table_new (const char *file,
                     GPtrArray  *header)
{
  RawTable *t = g_new0 (RawTable, 1);

  t->file = g_strdup (file);
  t->header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; header != NULL && i < header->len; i++)
    g_ptr_array_add (t->header, g_strdup (g_ptr_array_index (header, i)));
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  return t;
}

void
baken_raw_table_free (RawTable *t)
{
  if (t == NULL)
    return;

  g_free (t->file);
  g_ptr_array_unref (t->header);
  g_ptr_array_unref (t->rows);
  g_array_unref (t->lines);
  g_free (t);
}

RawTable *
baken_raw_table_read (const char  *dir,
                      const char  *file,
                      gboolean    *exists,
                      GError     **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BakenCsvReader) reader = NULL;
  g_autoptr(RawTable) t = baken_raw_table_new (file, NULL);
  g_autoptr(GError) local_error = NULL;
  gboolean have_header = FALSE;
  BakenCsvRead result;
  gsize length;

  *exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!*exists)
    return g_steal_pointer (&t);
  if (!baken_file_read (path, BAKEN_FILE_MAX_TABLE, &contents, &length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:1:1: %s", file,
                   local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  reader = baken_csv_reader_new (bytes);
  while ((result = baken_csv_reader_read (reader, &local_error)) == BAKEN_CSV_READ_RECORD)
    {
      guint n = baken_csv_reader_get_n_fields (reader);
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();

      if (!have_header)
        {
          for (guint i = 0; i < n; i++)
            g_ptr_array_add (t->header, g_strdup (baken_csv_reader_get_field (reader, i)));
          have_header = TRUE;
          continue;
        }
      for (guint i = 0; i < t->header->len; i++)
        g_ptr_array_add (fields, (gpointer) (i < n ? baken_csv_reader_get_field (reader, i)
                                                   : ""));
      g_ptr_array_add (fields, NULL);
      baken_raw_table_add (t, (const char *const *) fields->pdata,
                           baken_csv_reader_get_line (reader));
    }
  if (result == BAKEN_CSV_READ_ERROR)
    {
      guint line, column;

      baken_csv_reader_get_error_position (reader, &line, &column);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s:%u:%u: %s", file, line,
                   column, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&t);
}

int
baken_raw_table_column (RawTable   *t,
                        const char *name)
{
  for (guint i = 0; i < t->header->len; i++)
    if (strcmp (g_ptr_array_index (t->header, i), name) == 0)
      return (int) i;

  return -1;
}

const char *
baken_raw_table_get (RawTable   *t,
                     guint       row,
                     const char *name)
{
  int col = baken_raw_table_column (t, name);
  const char *text;

  if (col < 0 || row >= t->rows->len)
    return NULL;
  text = ((char **) g_ptr_array_index (t->rows, row))[col];
  return *text != '\0' ? text : NULL;
}

void
baken_raw_table_add (RawTable          *t,
                     const char *const *fields,
                     guint              line)
{
  char **copy = g_new0 (char *, t->header->len + 1);

  for (guint i = 0; i < t->header->len; i++)
    copy[i] = g_strdup (fields[i] != NULL ? fields[i] : "");
  g_ptr_array_add (t->rows, copy);
  g_array_append_val (t->lines, line);
}
