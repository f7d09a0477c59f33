/* baken-hsds-out-table.c: the CSV tables export and import write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table is built as CSV text in memory, one record at a time, and remembers for each
 * record the line it starts on and where it came from (Origin).
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-out-table.h"

#include <string.h>

void
baken_hsds_out_table_free (OutTable *t)
{
  g_free (t->file);
  g_free (t->resource);
  g_ptr_array_unref (t->columns);
  g_string_free (t->text, TRUE);
  g_array_unref (t->origins);
  g_free (t);
}

static void
append_field (GString    *text,
              const char *field)
{
  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (text, field);
      return;
    }

  g_string_append_c (text, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (text, '"');
      g_string_append_c (text, *p);
    }
  g_string_append_c (text, '"');
}

static guint
count_lines (const char *field)
{
  guint n = 0;

  for (const char *p = field; p != NULL && *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

OutTable *
baken_hsds_out_table_new (const char        *file,
                          const char        *resource,
                          const char *const *columns,
                          JsonArray         *fields)
{
  OutTable *t = g_new0 (OutTable, 1);

  t->file = g_strdup (file);
  t->resource = g_strdup (resource);
  t->columns = g_ptr_array_new_with_free_func (g_free);
  t->text = g_string_new (NULL);
  t->origins = g_array_new (FALSE, FALSE, sizeof (Origin));

  if (fields != NULL)
    for (guint i = 0; i < json_array_get_length (fields); i++)
      g_ptr_array_add (t->columns, g_strdup (json_object_get_string_member (
                                               json_array_get_object_element (fields, i),
                                               "name")));
  else
    for (guint i = 0; columns[i] != NULL; i++)
      g_ptr_array_add (t->columns, g_strdup (columns[i]));

  for (guint i = 0; i < t->columns->len; i++)
    {
      if (i > 0)
        g_string_append_c (t->text, ',');
      append_field (t->text, g_ptr_array_index (t->columns, i));
    }
  g_string_append_c (t->text, '\n');
  t->line = 2;

  return t;
}

/* Adds a record; values maps column names to values (missing: empty). */
void
baken_hsds_out_table_add (OutTable   *t,
                          GHashTable *values,
                          Origin     *origin)
{
  if (origin != NULL)
    {
      origin->out_line = t->line;
      g_array_append_val (t->origins, *origin);
    }

  for (guint i = 0; i < t->columns->len; i++)
    {
      const char *field = g_hash_table_lookup (values, g_ptr_array_index (t->columns, i));

      if (i > 0)
        g_string_append_c (t->text, ',');
      append_field (t->text, field);
      t->line += count_lines (field);
    }
  g_string_append_c (t->text, '\n');
  t->line++;
  t->n_rows++;
}

GHashTable *
baken_hsds_record_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

void
baken_hsds_set (GHashTable *record,
                const char *column,
                const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (record, (gpointer) column, g_strdup (value));
  else
    g_hash_table_remove (record, column);
}

void
baken_hsds_set_take (GHashTable *record,
                     const char *column,
                     char       *value)
{
  g_hash_table_insert (record, (gpointer) column, value);
}
