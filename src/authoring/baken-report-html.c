/* baken-report-html.c: the report as one self-contained HTML page (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-html.h"

#include "baken-report-html-charts.h"
#include "baken-report-html-parts.h"
#include "baken-report-markup.h"
#include "baken-report-svg.h"

/* Rows on the page; the CSV files have all of them. */
#define SITUATION_ROWS 15
#define SERVICE_ROWS   20
#define HELPED_ROWS    50
#define GAP_ROWS       100
/* Messages of files left out listed on the page; standard error has all of them. */
#define SKIPPED_ROWS   50

static const char style[] =
  "body{font-family:\"Noto Sans\",\"DejaVu Sans\",Arial,sans-serif;color:#1a1a1a;"
  "background:#fff;max-width:960px;margin:0 auto;padding:24px;font-size:16px;"
  "line-height:1.45}\n"
  "h1{font-size:30px;margin:0 0 4px}\n"
  "h2{font-size:23px;margin:44px 0 8px;padding-bottom:4px;border-bottom:3px solid #0072B2}\n"
  "h3{font-size:18px;margin:24px 0 4px}\n"
  ".lead{color:#333;margin:0 0 12px;font-size:17px}\n"
  ".rule{background:#eef4fa;border-left:5px solid #0072B2;padding:8px 12px}\n"
  ".intro{margin:4px 0 12px;max-width:46em}\n"
  ".more,.empty{color:#555;font-style:italic}\n"
  "nav ul{columns:2;padding-left:20px;margin:8px 0}\n"
  "a{color:#005a8c}\n"
  ".tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:12px;"
  "margin:12px 0}\n"
  ".tile{border:1px solid #c8d0da;border-radius:6px;padding:10px 14px}\n"
  ".tile .number{display:block;font-size:28px;font-weight:bold}\n"
  ".tile.warn{border:2px solid #D55E00;background:#fff4ec}\n"
  "table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-size:15px}\n"
  "th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #dde3ea;"
  "vertical-align:top}\n"
  "th{background:#eef2f6;font-weight:bold}\n"
  "td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
  ".id{display:block;color:#5a5a5a;font-size:13px}\n"
  "td.mark{background:#fff0e6;color:#8a2e00;font-weight:bold}\n"
  "td.chart-cell{padding:4px 8px;width:212px}\n"
  "svg.chart{display:block;width:100%;height:auto;max-width:860px;margin:8px 0}\n"
  "svg text{font-family:inherit;font-size:13px;fill:#1a1a1a}\n"
  "svg .axis{font-size:12px;fill:#4a4a4a}\n"
  "svg .value{font-weight:bold}\n"
  "svg .grid{stroke:#dcdcdc;stroke-width:1}\n"
  "svg .frame{fill:#f4f4f4;stroke:#b0b0b0}\n"
  ".key{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;"
  "vertical-align:-1px}\n"
  ".skipped li{font-family:monospace;font-size:13px;word-break:break-all}\n"
  "footer{margin-top:48px;color:#555;font-size:14px;border-top:1px solid #ccc;"
  "padding-top:8px}\n"
  "@media print{body{max-width:none;padding:0;font-size:10.5pt}nav{display:none}"
  "h2,h3,.intro{break-after:avoid}.intro,.tiles{break-inside:avoid}h2{margin-top:24px}"
  "svg.chart{break-before:avoid;break-inside:avoid}"
  "tr{break-inside:avoid}thead{display:table-header-group}a{color:inherit}}\n";

static void
head (GString                 *out,
      const BakenReportTables *tables)
{
  const BakenReportWords *w = tables->words;
  g_autofree char *today = baken_report_words_date (w, tables->today);
  g_autofree char *made = baken_report_words_fill (w->made_on, today);
  g_autofree char *kiosks = baken_report_words_number (w, tables->n_kiosks);
  g_autofree char *reports = baken_report_words_number (w, tables->n_reports);
  g_autofree char *n_kiosks = baken_report_words_fill (w->n_kiosks, kiosks);
  g_autofree char *n_reports = baken_report_words_fill (w->n_reports, reports);
  g_autofree char *period = NULL;
  g_autofree char *lead = NULL;

  if (tables->first_date != 0)
    {
      g_autofree char *first = baken_report_words_date (w, tables->first_date);
      g_autofree char *last = baken_report_words_date (w, tables->last_date);

      period = baken_report_words_fill (w->period, first, last);
    }
  lead = g_strjoin (" · ", period != NULL ? period : w->no_data, n_kiosks, n_reports, made,
                    NULL);

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                          "'none'; style-src 'unsafe-inline'\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, "
                          "initial-scale=1\">\n<title>", w->lang);
  baken_report_markup_append (out, w->title, 0);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, style);
  g_string_append (out, "</style>\n</head>\n<body>\n<header>\n<h1>");
  baken_report_markup_append (out, w->title, 0);
  g_string_append (out, "</h1>\n");
  baken_report_html_paragraph (out, "lead", lead);
  baken_report_html_paragraph (out, "rule", w->small_rule);
  g_string_append (out, "</header>\n");
}

static void
nav (GString                *out,
     const BakenReportWords *w,
     guint                   n_skipped)
{
  const struct { const char *anchor; const char *title; } items[] = {
    { "summary", w->summary }, { "weeks", w->weeks_title },
    { "situations", w->situations_title }, { "services", w->services_title },
    { "channels", w->channels_title }, { "hours", w->hours_title },
    { "use", w->use_title }, { "helped", w->helped_title }, { "gaps", w->gaps_title },
    { "wrong", w->wrong_title }, { "kiosks", w->fleet_title },
    { "skipped", n_skipped > 0 ? w->skipped_title : NULL },
  };

  g_string_append (out, "<nav>\n<h2>");
  baken_report_markup_append (out, w->contents, 0);
  g_string_append (out, "</h2>\n<ul>\n");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (items[i].title != NULL)
      {
        g_string_append_printf (out, "<li><a href=\"#%s\">", items[i].anchor);
        baken_report_markup_append (out, items[i].title, 0);
        g_string_append (out, "</a></li>\n");
      }
  g_string_append (out, "</ul>\n</nav>\n");
}

static void
tile (GString                *out,
      const BakenReportWords *w,
      const char             *label,
      guint64                 value,
      gboolean                count,
      gboolean                warn)
{
  BakenReportCell cell = { count ? BAKEN_REPORT_CELL_COUNT : BAKEN_REPORT_CELL_NUMBER,
                           FALSE, value, NULL };
  g_autofree char *text = baken_report_cell_format (&cell, w, FALSE);

  g_string_append_printf (out, "<div class=\"tile%s\"><span class=\"number\">",
                          warn ? " warn" : "");
  baken_report_markup_append (out, text, 0);
  g_string_append (out, "</span>");
  baken_report_markup_append (out, label, 0);
  g_string_append (out, "</div>\n");
}

static void
summary (GString                 *out,
         const BakenReportTables *tables)
{
  const BakenReportWords *w = tables->words;
  const BakenReportTotals *t = &tables->totals;
  guint64 visits = 0;
  guint64 helped[BAKEN_REPORT_N_HELPED] = { 0, };
  const BakenReportTable *table = tables->tables[BAKEN_REPORT_TABLE_HELPED];

  for (guint i = 0; i < 24; i++)
    visits += t->visits_by_hour[i];
  for (guint row = 0; row < baken_report_table_get_n_rows (table); row++)
    for (guint k = 0; k < BAKEN_REPORT_N_HELPED; k++)
      helped[k] += baken_report_table_get (table, row, 2 + k)->value;

  baken_report_html_section_open (out, "summary", w->summary, NULL);
  g_string_append (out, "<div class=\"tiles\">\n");
  tile (out, w, w->visits, visits, TRUE, FALSE);
  tile (out, w, w->searches, t->searches, TRUE, FALSE);
  tile (out, w, w->searches_without_result, t->searches_without_result, TRUE, FALSE);
  tile (out, w, w->slips_resident, t->slips_resident, TRUE, FALSE);
  tile (out, w, w->slips_handover, t->slips_handover, TRUE, FALSE);
  for (guint k = 0; k < BAKEN_REPORT_N_HELPED; k++)
    {
      tile (out, w, w->helped_tiles[k], helped[k], TRUE, FALSE);
    }
  tile (out, w, w->kiosks_behind, tables->n_behind, FALSE, tables->n_behind > 0);
  tile (out, w, w->kiosks_silent, tables->n_silent, FALSE, tables->n_silent > 0);
  g_string_append (out, "</div>\n");
  if (tables->dropped > 0)
    {
      g_autofree char *n = baken_report_words_number (w, tables->dropped);
      g_autofree char *text = baken_report_words_fill (w->dropped, n);

      baken_report_html_paragraph (out, "rule", text);
    }
  baken_report_html_section_close (out);
}

static void
shares_cell (GString                *out,
             const BakenReportTable *table,
             guint                   row,
             gpointer                user_data)
{
  const BakenReportWords *w = user_data;
  guint64 values[BAKEN_REPORT_N_HELPED];

  for (guint k = 0; k < BAKEN_REPORT_N_HELPED; k++)
    values[k] = baken_report_table_get (table, row, 2 + k)->value;
  baken_report_svg_shares (out, baken_report_html_label (table, row), values,
                           w->helped_names, BAKEN_REPORT_N_HELPED);
}

static void
helped_key (GString                *out,
            const BakenReportWords *w)
{
  static const char * const key_colours[] = { "#009E73", "#E69F00", "#D55E00" };

  g_string_append (out, "<p>");
  for (guint k = 0; k < BAKEN_REPORT_N_HELPED; k++)
    {
      g_string_append_printf (out, "<span class=\"key\" style=\"background:%s\"></span>",
                              key_colours[k]);
      baken_report_markup_append (out, w->helped_names[k], 0);
    }
  g_string_append (out, "</p>\n");
}

static void
feedback (GString                 *out,
          const BakenReportTables *tables)
{
  const BakenReportWords *w = tables->words;
  static const guint helped_columns[] = { 0, 2, 3, 4, 5 };
  static const guint gap_columns[] = { 0, 1 };
  static const guint wrong_columns[] = { 0, 2, 3, 4, 5, 6, 7 };

  baken_report_html_section_open (out, "helped", w->helped_title, w->helped_intro);
  helped_key (out, w);
  baken_report_html_table (out, tables, BAKEN_REPORT_TABLE_HELPED, helped_columns,
                           G_N_ELEMENTS (helped_columns), HELPED_ROWS, "", shares_cell,
                           (gpointer) w);
  baken_report_html_section_close (out);

  baken_report_html_section_open (out, "gaps", w->gaps_title, w->gaps_intro);
  baken_report_html_table (out, tables, BAKEN_REPORT_TABLE_GAPS, gap_columns,
                           G_N_ELEMENTS (gap_columns), GAP_ROWS, NULL, NULL, NULL);
  baken_report_html_section_close (out);

  baken_report_html_section_open (out, "wrong", w->wrong_title, w->wrong_intro);
  baken_report_html_table (out, tables, BAKEN_REPORT_TABLE_WRONG, wrong_columns,
                           G_N_ELEMENTS (wrong_columns), 0, NULL, NULL, NULL);
  baken_report_html_section_close (out);
}

static void
use (GString                 *out,
     const BakenReportTables *tables)
{
  const BakenReportWords *w = tables->words;
  static const guint use_columns[] = { 0, 1 };
  static const guint language_columns[] = { 0, 2 };

  baken_report_html_section_open (out, "use", w->use_title, w->use_intro);
  baken_report_html_table (out, tables, BAKEN_REPORT_TABLE_USE, use_columns,
                           G_N_ELEMENTS (use_columns), 0, NULL, NULL, NULL);
  g_string_append (out, "<h3>");
  baken_report_markup_append (out, w->languages_title, 0);
  g_string_append (out, "</h3>\n");
  baken_report_html_table (out, tables, BAKEN_REPORT_TABLE_LANGUAGES, language_columns,
                           G_N_ELEMENTS (language_columns), 0, NULL, NULL, NULL);
  baken_report_html_section_close (out);
}

static void
fleet (GString                 *out,
       const BakenReportTables *tables)
{
  const BakenReportWords *w = tables->words;
  static const guint columns[] = { 0, 2, 3, 5, 7, 10, 12 };
  g_autofree char *serial = g_strdup_printf ("%" G_GUINT64_FORMAT, tables->newest_serial);
  g_autofree char *intro = baken_report_words_fill (w->fleet_intro, serial);

  baken_report_html_section_open (out, "kiosks", w->fleet_title, intro);
  baken_report_html_table (out, tables, BAKEN_REPORT_TABLE_KIOSKS, columns,
                           G_N_ELEMENTS (columns), 0, NULL, NULL, NULL);
  baken_report_html_section_close (out);
}

static void
skipped_files (GString                *out,
               const BakenReportWords *w,
               GPtrArray              *skipped,
               guint                   n_skipped)
{
  g_autofree char *n = baken_report_words_number (w, n_skipped);
  g_autofree char *intro = baken_report_words_fill (w->skipped_intro, n);

  if (n_skipped == 0)
    return;
  baken_report_html_section_open (out, "skipped", w->skipped_title, intro);
  g_string_append (out, "<ul class=\"skipped\">\n");
  for (guint i = 0; skipped != NULL && i < MIN (skipped->len, SKIPPED_ROWS); i++)
    {
      g_string_append (out, "<li><bdi>");
      baken_report_markup_append (out, g_ptr_array_index (skipped, i), 400);
      g_string_append (out, "</bdi></li>\n");
    }
  g_string_append (out, "</ul>\n");
  if (n_skipped > SKIPPED_ROWS)
    {
      g_autofree char *more = baken_report_words_number (w, n_skipped - SKIPPED_ROWS);
      g_autofree char *text = baken_report_words_fill ("… +%s", more);

      baken_report_html_paragraph (out, "more", text);
    }
  baken_report_html_section_close (out);
}

char *
baken_report_html (const BakenReportTables *tables,
                   GPtrArray               *skipped,
                   guint                    n_skipped,
                   guint                    n_files)
{
  const BakenReportWords *w;
  GString *out = g_string_sized_new (256 * 1024);
  g_autofree char *files = NULL;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (tables != NULL, NULL);
  w = tables->words;

  head (out, tables);
  nav (out, w, n_skipped);
  g_string_append (out, "<main>\n");
  summary (out, tables);
  baken_report_html_weeks (out, tables);

  baken_report_html_section_open (out, "situations", w->situations_title, NULL);
  baken_report_html_bars (out, tables, BAKEN_REPORT_TABLE_SITUATIONS, 2, SITUATION_ROWS);
  baken_report_html_section_close (out);
  baken_report_html_section_open (out, "services", w->services_title, w->services_intro);
  baken_report_html_bars (out, tables, BAKEN_REPORT_TABLE_SERVICES, 2, SERVICE_ROWS);
  baken_report_html_section_close (out);
  baken_report_html_section_open (out, "channels", w->channels_title, w->channels_intro);
  baken_report_html_bars (out, tables, BAKEN_REPORT_TABLE_CHANNELS, 1, 0);
  baken_report_html_section_close (out);
  baken_report_html_section_open (out, "hours", w->hours_title, w->hours_intro);
  baken_report_html_hours (out, tables);
  baken_report_html_section_close (out);

  use (out, tables);
  feedback (out, tables);
  fleet (out, tables);
  skipped_files (out, w, skipped, n_skipped);
  g_string_append (out, "</main>\n");

  files = baken_report_words_number (w, n_files);
  footer = baken_report_words_fill (w->footer, PACKAGE_VERSION, files);
  g_string_append (out, "<footer>");
  baken_report_markup_append (out, footer, 0);
  g_string_append (out, "</footer>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
