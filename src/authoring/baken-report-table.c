/* baken-report-table.c: one table of the report: its columns and cells (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-table.h"

static void
cell_clear (gpointer data)
{
  BakenReportCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

BakenReportTable *
baken_report_table_new (const char *file,
                        const char *title,
                        gboolean    labelled,
                        ...)
{
  BakenReportTable *table = g_new0 (BakenReportTable, 1);
  const char *column;
  va_list args;

  table->file = file;
  table->title = title;
  table->labelled = labelled;
  table->cells = g_array_new (FALSE, TRUE, sizeof (BakenReportCell));
  g_array_set_clear_func (table->cells, cell_clear);
  va_start (args, labelled);
  while ((column = va_arg (args, const char *)) != NULL)
    {
      g_assert (table->n_columns < BAKEN_REPORT_MAX_COLUMNS);
      table->columns[table->n_columns++] = column;
    }
  va_end (args);
  return table;
}

void
baken_report_table_free (BakenReportTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->cells);
  g_free (table);
}

BakenReportCell *
baken_report_table_add (BakenReportTable    *table,
                        BakenReportCellKind  kind,
                        guint64              value)
{
  BakenReportCell *cell;

  g_array_set_size (table->cells, table->cells->len + 1);
  cell = &g_array_index (table->cells, BakenReportCell, table->cells->len - 1);
  cell->kind = kind;
  cell->value = value;
  return cell;
}

BakenReportCell *
baken_report_table_add_text (BakenReportTable *table,
                             const char       *text)
{
  BakenReportCell *cell = baken_report_table_add (table, BAKEN_REPORT_CELL_TEXT, 0);

  cell->text = g_strdup (text != NULL ? text : "");
  return cell;
}

guint
baken_report_table_get_n_rows (const BakenReportTable *table)
{
  return table->cells->len / table->n_columns;
}

const BakenReportCell *
baken_report_table_get (const BakenReportTable *table,
                        guint                   row,
                        guint                   column)
{
  g_return_val_if_fail (column < table->n_columns, NULL);
  g_return_val_if_fail (row < baken_report_table_get_n_rows (table), NULL);
  return &g_array_index (table->cells, BakenReportCell, row * table->n_columns + column);
}

gboolean
baken_report_is_small (guint64 count)
{
  return count >= 1 && count <= BAKEN_REPORT_SMALL;
}

char *
baken_report_cell_format (const BakenReportCell  *cell,
                          const BakenReportWords *words,
                          gboolean                long_dates)
{
  GDate date;
  char text[16];

  switch (cell->kind)
    {
    case BAKEN_REPORT_CELL_TEXT:
      return g_strdup (cell->text);
    case BAKEN_REPORT_CELL_COUNT:
      if (baken_report_is_small (cell->value))
        return g_strdup ("<5");
      G_GNUC_FALLTHROUGH;
    case BAKEN_REPORT_CELL_NUMBER:
      if (words == NULL)
        return g_strdup_printf ("%" G_GUINT64_FORMAT, cell->value);
      return baken_report_words_number (words, cell->value);
    case BAKEN_REPORT_CELL_DATE:
      if (cell->value == 0)
        return g_strdup ("");
      if (long_dates && words != NULL)
        return baken_report_words_date (words, (guint32) cell->value);
      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) cell->value);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      return g_strdup (text);
    default:
      g_assert_not_reached ();
    }
}
