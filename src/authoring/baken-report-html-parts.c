/* baken-report-html-parts.c: sections and tables of the report page (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-html-parts.h"

#include "baken-report-markup.h"

void
baken_report_html_section_open (GString    *out,
                                const char *anchor,
                                const char *title,
                                const char *intro)
{
  g_string_append_printf (out, "<section id=\"%s\">\n<h2>", anchor);
  baken_report_markup_append (out, title, 0);
  g_string_append (out, "</h2>\n");
  if (intro != NULL)
    baken_report_html_paragraph (out, "intro", intro);
}

void
baken_report_html_section_close (GString *out)
{
  g_string_append (out, "</section>\n");
}

void
baken_report_html_paragraph (GString    *out,
                             const char *css_class,
                             const char *text)
{
  if (css_class != NULL)
    g_string_append_printf (out, "<p class=\"%s\">", css_class);
  else
    g_string_append (out, "<p>");
  baken_report_markup_append (out, text, 0);
  g_string_append (out, "</p>\n");
}

const char *
baken_report_html_label (const BakenReportTable *table,
                         guint                   row)
{
  const BakenReportCell *name = baken_report_table_get (table, row, 1);

  if (table->labelled && name->text != NULL && *name->text != '\0')
    return name->text;
  return baken_report_table_get (table, row, 0)->text;
}

static gboolean
is_numeric (const BakenReportTable *table,
            guint                   column)
{
  return baken_report_table_get_n_rows (table) > 0 &&
         (baken_report_table_get (table, 0, column)->kind == BAKEN_REPORT_CELL_COUNT ||
          baken_report_table_get (table, 0, column)->kind == BAKEN_REPORT_CELL_NUMBER);
}

static void
cell (GString                *out,
      const BakenReportTable *table,
      const BakenReportWords *words,
      guint                   row,
      guint                   column)
{
  const BakenReportCell *c = baken_report_table_get (table, row, column);
  g_autofree char *text = NULL;
  gboolean numeric = c->kind == BAKEN_REPORT_CELL_COUNT || c->kind == BAKEN_REPORT_CELL_NUMBER;

  g_string_append_printf (out, "<td%s%s%s>", numeric || c->marked ? " class=\"" : "",
                          numeric ? (c->marked ? "n mark" : "n") : (c->marked ? "mark" : ""),
                          numeric || c->marked ? "\"" : "");
  if (column == 0 && table->labelled)
    {
      const BakenReportCell *name = baken_report_table_get (table, row, 1);

      /* The name as the kiosk shows it; the id under it, for the editors. */
      if (name->text != NULL && *name->text != '\0')
        {
          g_string_append (out, "<bdi>");
          baken_report_markup_append (out, name->text, 0);
          g_string_append (out, "</bdi><span class=\"id\">");
          baken_report_markup_append (out, c->text, 0);
          g_string_append (out, "</span></td>");
          return;
        }
    }
  text = baken_report_cell_format (c, words, TRUE);
  g_string_append (out, "<bdi>");
  baken_report_markup_append (out, text, 0);
  g_string_append (out, "</bdi></td>");
}

void
baken_report_html_table (GString                 *out,
                         const BakenReportTables *tables,
                         BakenReportTableId       id,
                         const guint             *columns,
                         guint                    n_columns,
                         guint                    max_rows,
                         const char              *extra_title,
                         BakenReportHtmlCell      extra,
                         gpointer                 user_data)
{
  const BakenReportTable *table = tables->tables[id];
  const BakenReportWords *words = tables->words;
  guint n_rows = baken_report_table_get_n_rows (table);
  guint shown = max_rows > 0 ? MIN (n_rows, max_rows) : n_rows;

  if (n_rows == 0)
    {
      baken_report_html_paragraph (out, "empty", words->no_data);
      return;
    }

  g_string_append (out, "<table>\n<thead><tr>");
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append_printf (out, "<th scope=\"col\"%s>",
                              is_numeric (table, columns[i]) ? " class=\"n\"" : "");
      /* A labelled table's first column shows the name: its heading says what. */
      baken_report_markup_append (out, table->columns[table->labelled && columns[i] == 0
                                                      ? 1 : columns[i]], 0);
      g_string_append (out, "</th>");
    }
  if (extra != NULL)
    {
      g_string_append (out, "<th scope=\"col\">");
      baken_report_markup_append (out, extra_title, 0);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint row = 0; row < shown; row++)
    {
      g_string_append (out, "<tr>");
      for (guint i = 0; i < n_columns; i++)
        cell (out, table, words, row, columns[i]);
      if (extra != NULL)
        {
          g_string_append (out, "<td class=\"chart-cell\">");
          extra (out, table, row, user_data);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody></table>\n");

  if (shown < n_rows)
    {
      g_autofree char *more = baken_report_words_number (words, n_rows - shown);
      g_autofree char *text = baken_report_words_fill (words->more_rows, more, table->file);

      baken_report_html_paragraph (out, "more", text);
    }
}
