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
  g_free (row->columns);
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
  g_ptr_array_unref (t->left_out);
  g_hash_table_unref (t->left_out_ids);
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
  t->left_out = g_ptr_array_new_with_free_func ((GDestroyNotify) hrow_free);
  t->left_out_ids = g_hash_table_new (g_str_hash, g_str_equal);

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

const char *
baken_hsds_hfile (HTable *t,
                  HRow   *row)
{
  return row->file != NULL ? row->file : t->file;
}

void
baken_hsds_hposition (HTable     *t,
                      HRow       *row,
                      const char *name,
                      guint      *line,
                      guint      *column)
{
  int col = name != NULL ? baken_hsds_hcolumn (t, name) : -1;

  if (row->columns != NULL)
    {
      /* JSON: a member the record does not have is placed at the record. */
      *line = col >= 0 && row->lines[col] != 0 ? row->lines[col] : row->line;
      *column = col >= 0 && row->columns[col] != 0 ? row->columns[col] : MAX (row->column, 1);
      return;
    }
  *line = col >= 0 ? row->lines[col] : row->line;
  *column = col >= 0 ? (guint) col + 1 : name == NULL ? 1 : t->header->len + 1;
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

static const struct { const char *resource; const char *noun; } nouns[] = {
  { "organization", "organisation" },
  { "service_at_location", "service at location" },
  { "required_document", "required document" },
  { "taxonomy_term", "taxonomy term" },
  { "cost_option", "cost option" },
};

const char *
baken_hsds_noun (const char *resource)
{
  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].resource, resource))
      return nouns[i].noun;

  return resource;
}

/* With --strict nothing is kept or left out: the import stops, so no consequence. */
static char *
format_at (Import     *imp,
           HTable     *t,
           HRow       *row,
           const char *name,
           const char *message,
           const char *consequence)
{
  guint line, column;

  baken_hsds_hposition (t, row, name, &line, &column);
  if (imp->strict)
    return g_strdup_printf ("%s:%u:%u: %s", baken_hsds_hfile (t, row), line, column, message);
  return g_strdup_printf ("%s:%u:%u: %s; %s", baken_hsds_hfile (t, row), line, column, message,
                          consequence);
}

void
baken_hsds_import_drop_values (Import     *imp,
                               HTable     *t,
                               HRow       *row,
                               const char *name,
                               const char *also,
                               const char *format,
                               ...)
{
  g_autofree char *message = NULL;
  g_autofree char *consequence = NULL;
  const char *names[] = { name, also };
  va_list args;

  if (baken_hsds_hcolumn (t, name) < 0 || row->rejected)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (also != NULL && baken_hsds_hget (t, row, also) != NULL)
    consequence = g_strdup_printf ("dropped it and %s %s, the %s is kept without them", also,
                                   baken_hsds_hget (t, row, also), baken_hsds_noun (t->resource));
  else
    consequence = g_strdup_printf ("dropped it, the %s is kept without it",
                                   baken_hsds_noun (t->resource));
  g_ptr_array_add (imp->warnings, format_at (imp, t, row, name, message, consequence));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int col = names[i] != NULL ? baken_hsds_hcolumn (t, names[i]) : -1;

      if (col < 0)
        continue;
      g_free (row->fields[col]);
      row->fields[col] = g_strdup ("");
    }
}

void
baken_hsds_import_reject (Import     *imp,
                          HTable     *t,
                          HRow       *row,
                          const char *name,
                          const char *format,
                          ...)
{
  g_autofree char *message = NULL;
  g_autofree char *consequence = NULL;
  va_list args;

  if (row->rejected)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  consequence = g_strdup_printf ("the %s is left out", baken_hsds_noun (t->resource));
  g_ptr_array_add (imp->errors, format_at (imp, t, row, name, message, consequence));
  row->rejected = TRUE;
}

void
baken_hsds_import_record_error (Import     *imp,
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

  g_ptr_array_add (imp->errors, g_strdup_printf ("%s:%u:%u: %s%s", file, line, column, message,
                                                 imp->strict ? "" : "; the record is left out"));
}

void
baken_hsds_import_document_error (Import     *imp,
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

  g_ptr_array_add (imp->errors, g_strdup_printf ("%s:%u:%u: %s", file, line, column, message));
}

gboolean
baken_hsds_import_compact (Import *imp)
{
  gboolean any = FALSE;

  for (guint i = 0; i < imp->tables->len; i++)
    {
      HTable *t = g_ptr_array_index (imp->tables, i);

      for (guint r = t->rows->len; r > 0; r--)
        {
          HRow *row = g_ptr_array_index (t->rows, r - 1);
          const char *id;

          if (!row->rejected)
            continue;
          any = TRUE;
          row = g_ptr_array_steal_index (t->rows, r - 1);
          g_ptr_array_add (t->left_out, row);
          id = baken_hsds_hget (t, row, "id");
          if (id != NULL && g_hash_table_lookup (t->by_id, id) == row)
            {
              g_hash_table_remove (t->by_id, id);
              g_hash_table_insert (t->left_out_ids, (gpointer) id, row);
            }
        }
    }

  return any;
}

void
baken_hsds_import_add_table (Import *imp,
                             HTable *t)
{
  if (baken_hsds_hcolumn (t, "id") >= 0)
    for (guint r = 0; r < t->rows->len; r++)
      {
        HRow *row = g_ptr_array_index (t->rows, r);
        const char *id = baken_hsds_hget (t, row, "id");
        HRow *first;

        if (id == NULL)
          continue;
        first = g_hash_table_lookup (t->by_id, id);
        if (first != NULL && first->file == NULL)
          baken_hsds_import_reject (imp, t, row, "id",
                                    "id \"%s\" is already used on line %u; ids must be unique",
                                    id, first->line);
        else if (first != NULL)
          baken_hsds_import_reject (imp, t, row, "id",
                                    "id \"%s\" is already used at %s:%u; ids must be unique",
                                    id, first->file, first->line);
        else
          g_hash_table_insert (t->by_id, (gpointer) id, row);
      }

  g_ptr_array_add (imp->tables, t);
  g_hash_table_insert (imp->by_resource, t->resource, t);
}

HTable *
baken_hsds_table_of (Import     *imp,
                     const char *resource)
{
  return g_hash_table_lookup (imp->by_resource, resource);
}
