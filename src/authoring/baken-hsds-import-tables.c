/* baken-hsds-import-tables.c: the HSDS package being imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its tables as read, each row with the line of each field, and the problems found in
 * them. Reading is baken-hsds-import-read.c, the checks -check.c.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-tables.h"

static void
hrow_free (HRow *row)
{
  g_strfreev (row->fields);
  g_free (row->lines);
  g_free (row);
}

void
baken_hsds_htable_free (HTable *t)
{
  g_free (t->resource);
  g_free (t->file);
  g_clear_pointer (&t->header, g_ptr_array_unref);
  g_hash_table_unref (t->columns);
  g_ptr_array_unref (t->rows);
  g_hash_table_unref (t->by_id);
  g_hash_table_unref (t->kept);
  g_free (t);
}

HTable *
baken_hsds_htable_new (const char *resource,
                       const char *file,
                       JsonObject *official)
{
  HTable *t = g_new0 (HTable, 1);

  t->resource = g_strdup (resource);
  t->file = g_strdup (file);
  t->official = official;
  t->columns = g_hash_table_new (g_str_hash, g_str_equal);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hrow_free);
  t->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  t->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return t;
}

int
baken_hsds_hcolumn (HTable     *t,
                    const char *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (t->columns, name)) - 1;
}

const char *
baken_hsds_hget (HTable     *t,
                 HRow       *row,
                 const char *name)
{
  int col = baken_hsds_hcolumn (t, name);
  const char *text;

  if (col < 0)
    return NULL;
  text = row->fields[col];
  return text != NULL && *text != '\0' ? text : NULL;
}

void
baken_hsds_hposition (HTable     *t,
                      HRow       *row,
                      const char *name,
                      guint      *line,
                      guint      *column)
{
  int col = baken_hsds_hcolumn (t, name);

  *line = col >= 0 ? row->lines[col] : row->line;
  *column = col >= 0 ? (guint) col + 1 : t->header->len + 1;
}

void
baken_hsds_import_problem (Import     *imp,
                           const char *file,
                           guint       line,
                           guint       column,
                           const char *format,
                           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (imp->problems, g_strdup_printf ("%s:%u:%u: %s", file, line, column, message));
}

void
baken_hsds_import_field_problem (Import     *imp,
                                 HTable     *t,
                                 HRow       *row,
                                 const char *name,
                                 const char *format,
                                 ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  baken_hsds_hposition (t, row, name, &line, &column);
  baken_hsds_import_problem (imp, t->file, line, column, "%s", message);
}

HTable *
baken_hsds_table_of (Import     *imp,
                     const char *resource)
{
  return g_hash_table_lookup (imp->by_resource, resource);
}
