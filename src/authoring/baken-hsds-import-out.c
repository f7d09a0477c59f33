/* baken-hsds-import-out.c: the records import writes, and where each came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each written record remembers the HSDS row it came from, so that a problem the build
 * finds in the written source is reported at that row; a record import does not keep is
 * a note.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-out.h"

#include <string.h>

#include "baken-hsds-notes.h"

void
baken_hsds_import_dropped (Import     *imp,
                           HTable     *t,
                           HRow       *row,
                           const char *format,
                           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  baken_hsds_add_note (imp->notes, "%s:%u: dropped: %s", t->file, row->line, message);
}

gboolean
baken_hsds_import_is_kept (Import     *imp,
                           const char *resource,
                           const char *id)
{
  HTable *t = baken_hsds_table_of (imp, resource);

  return id != NULL && t != NULL && g_hash_table_contains (t->kept, id);
}

OutTable *
baken_hsds_import_out (Import            *imp,
                       const char        *file,
                       const char        *resource,
                       const char *const *columns)
{
  OutTable *t = baken_hsds_out_table_new (file, resource, columns, NULL);

  g_ptr_array_add (imp->out, t);
  return t;
}

void
baken_hsds_import_add (Import     *imp,
                       OutTable   *out,
                       HTable     *t,
                       HRow       *row,
                       GHashTable *record)
{
  Origin origin = { baken_hsds_hfile (t, row), row->line, t, row, NULL, 0 };

  baken_hsds_out_table_add (out, record, &origin);
  g_hash_table_add (t->kept, g_strdup (baken_hsds_hget (t, row, "id")));
  (void) imp;
}

void
baken_hsds_import_copy (GHashTable        *record,
                        HTable            *t,
                        HRow              *row,
                        const char *const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    baken_hsds_set (record, columns[i], baken_hsds_hget (t, row, columns[i]));
}

gboolean
baken_hsds_trace (Import     *imp,
                  const char *text,
                  Trace      *trace)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 4);
  OutTable *out = NULL;
  const Origin *origin = NULL;
  guint64 line, column;

  memset (trace, 0, sizeof *trace);
  if (g_strv_length (parts) < 4 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &line, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, G_MAXUINT, &column, NULL))
    {
      trace->message = g_strdup (text);
      return FALSE;
    }
  trace->message = g_strdup (parts[3][0] == ' ' ? parts[3] + 1 : parts[3]);
  trace->out_file = g_strdup (parts[0]);
  trace->out_line = (guint) line;
  trace->out_column = (guint) column;

  for (guint i = 0; i < imp->out->len; i++)
    if (strcmp (((OutTable *) g_ptr_array_index (imp->out, i))->file, parts[0]) == 0)
      out = g_ptr_array_index (imp->out, i);
  for (guint i = 0; out != NULL && i < out->origins->len; i++)
    if (g_array_index (out->origins, Origin, i).out_line <= line)
      origin = &g_array_index (out->origins, Origin, i);
  if (out == NULL || origin == NULL)
    return FALSE;

  trace->table = origin->table;
  trace->row = origin->row;
  if (column <= out->columns->len)
    {
      const char *name = g_ptr_array_index (out->columns, column - 1);

      trace->out_column_name = name;
      if (baken_hsds_hcolumn (trace->table, name) >= 0)
        trace->field = name;
      else if (origin->field != NULL && baken_hsds_hcolumn (trace->table, origin->field) >= 0)
        trace->field = origin->field;
    }

  return TRUE;
}

void
baken_hsds_trace_clear (Trace *trace)
{
  g_clear_pointer (&trace->message, g_free);
  g_clear_pointer (&trace->out_file, g_free);
}

char *
baken_hsds_map_back (Import     *imp,
                     const char *text)
{
  Trace trace;
  char *result;

  if (!baken_hsds_trace (imp, text, &trace))
    {
      result = trace.out_file != NULL
               ? g_strdup_printf ("(imported %s):%u:%u: %s", trace.out_file, trace.out_line,
                                  trace.out_column, trace.message)
               : g_strdup_printf ("(imported source) %s", text);
    }
  else
    {
      guint hsds_line, hsds_column;

      baken_hsds_hposition (trace.table, trace.row, trace.field, &hsds_line, &hsds_column);
      result = g_strdup_printf ("%s:%u:%u: %s (Baken cannot take this value)",
                                baken_hsds_hfile (trace.table, trace.row), hsds_line,
                                hsds_column, trace.message);
    }

  baken_hsds_trace_clear (&trace);
  return result;
}
