/* baken-report-html-charts.c: the sections of the report page that have a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-html-charts.h"

#include "baken-report-html-parts.h"
#include "baken-report-markup.h"
#include "baken-report-svg.h"

/* Life events with a colour of their own in the chart; the rest are one grey part. */
#define TOP_EVENTS 6

/* The weeks of the chart, and each life event's counts in them. */
typedef struct
{
  guint32      first;        /* Monday of the first week shown */
  guint        n;            /* weeks shown */
  guint        n_all;        /* weeks of the whole period */
  GHashTable  *values;       /* id → guint64[n] (owned) */
} Weeks;

static void
weeks_clear (Weeks *weeks)
{
  g_clear_pointer (&weeks->values, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Weeks, weeks_clear)

static void
weeks_init (Weeks                   *weeks,
            const BakenReportTables *tables)
{
  const BakenReportTable *table = tables->tables[BAKEN_REPORT_TABLE_WEEKS];
  guint32 first = baken_report_week_of (tables->first_date);

  weeks->n_all = (tables->last_date - first) / 7 + 1;
  weeks->n = MIN (weeks->n_all, BAKEN_REPORT_CHART_WEEKS);
  weeks->first = first + 7 * (weeks->n_all - weeks->n);
  weeks->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint row = 0; row < baken_report_table_get_n_rows (table); row++)
    {
      guint32 monday = (guint32) baken_report_table_get (table, row, 0)->value;
      const char *id = baken_report_table_get (table, row, 2)->text;
      guint64 *values;

      if (monday < weeks->first)
        continue;
      values = g_hash_table_lookup (weeks->values, id);
      if (values == NULL)
        {
          values = g_new0 (guint64, weeks->n);
          g_hash_table_insert (weeks->values, (gpointer) id, values);
        }
      values[(monday - weeks->first) / 7] = baken_report_table_get (table, row, 4)->value;
    }
}

static char *
week_label (guint32 monday)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, monday);
  return g_strdup_printf ("%u", g_date_get_iso8601_week_of_year (&date));
}

static void
spark_cell (GString                *out,
            const BakenReportTable *table,
            guint                   row,
            gpointer                user_data)
{
  Weeks *weeks = user_data;
  const guint64 *values = g_hash_table_lookup (weeks->values,
                                               baken_report_table_get (table, row, 0)->text);
  g_autofree guint64 *zeros = values == NULL ? g_new0 (guint64, weeks->n) : NULL;

  baken_report_svg_spark (out, baken_report_html_label (table, row),
                          values != NULL ? values : zeros, weeks->n);
}

void
baken_report_html_weeks (GString                 *out,
                         const BakenReportTables *tables)
{
  const BakenReportWords *w = tables->words;
  const BakenReportTable *events = tables->tables[BAKEN_REPORT_TABLE_LIFE_EVENTS];
  guint n_events = baken_report_table_get_n_rows (events);
  guint n_top = MIN (n_events, TOP_EVENTS);
  static const guint columns[] = { 0, 2 };
  g_auto(Weeks) weeks = { 0, };
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree BakenReportSeries *series = NULL;
  g_autofree guint64 *rest = NULL;
  g_autoptr(GPtrArray) zeros = g_ptr_array_new_with_free_func (g_free);

  baken_report_html_section_open (out, "weeks", w->weeks_title, w->weeks_intro);
  if (tables->first_date == 0 || n_events == 0)
    {
      baken_report_html_paragraph (out, "empty", w->no_data);
      baken_report_html_section_close (out);
      return;
    }

  weeks_init (&weeks, tables);
  labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < weeks.n; i++)
    g_ptr_array_add (labels, week_label (weeks.first + 7 * i));

  /* The top life events, then the rest together. */
  series = g_new0 (BakenReportSeries, n_top + 1);
  rest = g_new0 (guint64, weeks.n);
  for (guint row = 0; row < n_events; row++)
    {
      const guint64 *values = g_hash_table_lookup (weeks.values,
                                                   baken_report_table_get (events, row, 0)->text);

      if (row < n_top)
        {
          series[row].name = baken_report_html_label (events, row);
          series[row].values = values;
        }
      for (guint i = 0; values != NULL && row >= n_top && i < weeks.n; i++)
        rest[i] += values[i];
    }
  series[n_top].name = w->other_events;
  series[n_top].values = rest;
  /* A top event without a count in the weeks shown. */
  for (guint s = 0; s < n_top; s++)
    if (series[s].values == NULL)
      {
        guint64 *none = g_new0 (guint64, weeks.n);

        g_ptr_array_add (zeros, none);
        series[s].values = none;
      }

  baken_report_svg_stacked (out, w->weeks_title, (const char * const *) labels->pdata,
                            weeks.n, weeks.n <= 14 ? 1 : weeks.n <= 28 ? 2 : 4,
                            w->week_axis, series, n_top + 1, w);
  if (weeks.n < weeks.n_all)
    {
      const char *file = tables->tables[BAKEN_REPORT_TABLE_WEEKS]->file;
      g_autofree char *n = baken_report_words_number (w, weeks.n);
      g_autofree char *text = baken_report_words_fill (w->weeks_last, n, file);

      baken_report_html_paragraph (out, "more", text);
    }

  g_string_append (out, "<h3>");
  baken_report_markup_append (out, w->life_events_title, 0);
  g_string_append (out, "</h3>\n");
  baken_report_html_table (out, tables, BAKEN_REPORT_TABLE_LIFE_EVENTS, columns,
                           G_N_ELEMENTS (columns), 0, w->per_week, spark_cell, &weeks);
  baken_report_html_section_close (out);
}

void
baken_report_html_bars (GString                 *out,
                        const BakenReportTables *tables,
                        BakenReportTableId       id,
                        guint                    value_column,
                        guint                    max_rows)
{
  const BakenReportTable *table = tables->tables[id];
  guint n_rows = baken_report_table_get_n_rows (table);
  guint shown = max_rows > 0 ? MIN (n_rows, max_rows) : n_rows;
  g_autofree BakenReportBar *bars = g_new0 (BakenReportBar, MAX (shown, 1));
  g_autoptr(GPtrArray) tooltips = g_ptr_array_new_with_free_func (g_free);

  if (n_rows == 0)
    {
      baken_report_html_paragraph (out, "empty", tables->words->no_data);
      return;
    }
  for (guint row = 0; row < shown; row++)
    {
      const char *label = table->labelled ? baken_report_html_label (table, row)
                                          : baken_report_table_get (table, row, 0)->text;
      const char *id_text = baken_report_table_get (table, row, 0)->text;

      bars[row].label = label;
      if (table->labelled && label != id_text)
        {
          char *tip = g_strdup_printf ("%s (%s)", label, id_text);

          g_ptr_array_add (tooltips, tip);
          bars[row].tooltip = tip;
        }
      bars[row].value = baken_report_table_get (table, row, value_column)->value;
    }
  baken_report_svg_bars (out, table->title, bars, shown, tables->words);
  if (shown < n_rows)
    {
      g_autofree char *more = baken_report_words_number (tables->words, n_rows - shown);
      g_autofree char *text = baken_report_words_fill (tables->words->more_rows, more,
                                                       table->file);

      baken_report_html_paragraph (out, "more", text);
    }
}

void
baken_report_html_hours (GString                 *out,
                         const BakenReportTables *tables)
{
  const BakenReportTable *table = tables->tables[BAKEN_REPORT_TABLE_HOURS];
  BakenReportBar bars[24];

  for (guint row = 0; row < 24; row++)
    {
      bars[row].label = baken_report_table_get (table, row, 0)->text;
      bars[row].tooltip = NULL;
      bars[row].value = baken_report_table_get (table, row, 1)->value;
    }
  baken_report_svg_columns (out, table->title, bars, 24, 2, tables->words);
}
