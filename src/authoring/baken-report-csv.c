/* baken-report-csv.c: the report's tables as CSV files (baken-report --csv)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-csv.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

static void
field (GString    *out,
       const char *text,
       gboolean    is_text)
{
  gboolean formula = is_text && strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
  gboolean quote = formula || strpbrk (text, ",\"\r\n") != NULL ||
                   (text[0] != '\0' && (text[0] == ' ' || text[strlen (text) - 1] == ' '));

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static char *
table_text (const BakenReportTable *table)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  guint n_rows = baken_report_table_get_n_rows (table);

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      field (out, table->columns[c], TRUE);
    }
  g_string_append (out, "\r\n");
  for (guint row = 0; row < n_rows; row++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          const BakenReportCell *cell = baken_report_table_get (table, row, c);
          g_autofree char *text = baken_report_cell_format (cell, NULL, FALSE);

          if (c > 0)
            g_string_append_c (out, ',');
          field (out, text, cell->kind == BAKEN_REPORT_CELL_TEXT);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

gboolean
baken_report_csv_write (const BakenReportTables  *tables,
                        const char               *dir,
                        GError                  **error)
{
  g_return_val_if_fail (tables != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: cannot make the folder (%s)", dir, g_strerror (saved));
      return FALSE;
    }
  for (guint i = 0; i < BAKEN_REPORT_N_TABLES; i++)
    {
      const BakenReportTable *table = tables->tables[i];
      g_autofree char *name = g_strconcat (table->file, ".csv", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = table_text (table);

      if (!g_file_set_contents (path, text, -1, error))
        return FALSE;
    }
  return TRUE;
}
