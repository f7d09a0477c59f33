/* baken-report-svg.c: the charts of the report page, as inline SVG (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-svg.h"

#include "baken-report-markup.h"
#include "baken-report-tables.h"

/* Okabe and Ito, "Color Universal Design": apart for every kind of colour blindness.
 * Yellow is left out: it does not stand out on white. */
static const char * const colours[] = {
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
};
static const char rest_colour[] = "#A0A0A0";

#define WIDTH     860
#define CHARS     44           /* a label longer than this is cut, the rest in a tooltip */

const char *
baken_report_svg_colour (guint    i,
                         gboolean rest)
{
  return rest ? rest_colour : colours[i % G_N_ELEMENTS (colours)];
}

static char *
value_text (const BakenReportWords *words,
            guint64                 value)
{
  BakenReportCell cell = { BAKEN_REPORT_CELL_COUNT, FALSE, value, NULL };

  return baken_report_cell_format (&cell, words, FALSE);
}

/* The value drawn: 0 for a count shown as "<5". */
static guint64
drawn (guint64 value)
{
  return baken_report_is_small (value) ? 0 : value;
}

static void
open_svg (GString    *out,
          const char *title,
          guint       height)
{
  g_string_append_printf (out, "<svg class=\"chart\" viewBox=\"0 0 %u %u\" width=\"%u\" "
                          "height=\"%u\" role=\"img\" aria-label=\"", WIDTH, height, WIDTH,
                          height);
  baken_report_markup_append (out, title, 0);
  g_string_append (out, "\" xmlns=\"http://www.w3.org/2000/svg\"><title>");
  baken_report_markup_append (out, title, 0);
  g_string_append (out, "</title>\n");
}

static void
tooltip (GString    *out,
         const char *label,
         const char *value)
{
  g_string_append (out, "<title>");
  baken_report_markup_append (out, label, 0);
  g_string_append (out, ": ");
  baken_report_markup_append (out, value, 0);
  g_string_append (out, "</title>");
}

void
baken_report_svg_bars (GString                *out,
                       const char             *title,
                       const BakenReportBar   *bars,
                       guint                   n_bars,
                       const BakenReportWords *words)
{
  const guint row = 28, label_width = 340, value_width = 90;
  const guint room = WIDTH - label_width - value_width - 16;
  guint64 max = 1;

  for (guint i = 0; i < n_bars; i++)
    max = MAX (max, drawn (bars[i].value));

  open_svg (out, title, MAX (n_bars, 1) * row + 8);
  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *value = value_text (words, bars[i].value);
      guint length = (guint) ((double) drawn (bars[i].value) / (double) max * room);
      guint y = 4 + i * row;

      g_string_append (out, "<g>");
      tooltip (out, bars[i].tooltip != NULL ? bars[i].tooltip : bars[i].label, value);
      g_string_append_printf (out, "<text class=\"label\" x=\"%u\" y=\"%u\" "
                              "text-anchor=\"end\">", label_width - 8, y + 18);
      baken_report_markup_append (out, bars[i].label, CHARS);
      g_string_append (out, "</text>");
      if (length > 0)
        g_string_append_printf (out, "<rect x=\"%u\" y=\"%u\" width=\"%u\" height=\"20\" "
                                "fill=\"%s\"/>", label_width, y + 3, length, colours[0]);
      g_string_append_printf (out, "<text class=\"value\" x=\"%u\" y=\"%u\">%s</text></g>\n",
                              label_width + length + 6, y + 18,
                              baken_report_is_small (bars[i].value) ? "&lt;5" : value);
    }
  g_string_append (out, "</svg>\n");
}

/* A round step for about four lines on the value axis. */
static guint64
axis_step (guint64 max)
{
  guint64 step = 1;

  while (step * 10 <= max / 4 + 1)
    step *= 10;
  if (step * 5 <= max / 4 + 1)
    return step * 5;
  if (step * 2 <= max / 4 + 1)
    return step * 2;
  return step;
}

/* Grid lines and their values; returns the value at the top of the plot. */
static guint64
value_axis (GString                *out,
            guint64                 max,
            guint                   left,
            guint                   top,
            guint                   height,
            const BakenReportWords *words)
{
  guint64 step = axis_step (MAX (max, 4));
  guint64 ceiling = (MAX (max, 1) + step - 1) / step * step;

  for (guint64 v = 0; v <= ceiling; v += step)
    {
      g_autofree char *text = baken_report_words_number (words, v);
      guint y = top + height - (guint) ((double) v / (double) ceiling * height);

      g_string_append_printf (out, "<line class=\"grid\" x1=\"%u\" y1=\"%u\" x2=\"%u\" "
                              "y2=\"%u\"/><text class=\"axis\" x=\"%u\" y=\"%u\" "
                              "text-anchor=\"end\">%s</text>\n", left, y, WIDTH - 4, y,
                              left - 6, y + 4, text);
    }
  return ceiling;
}

void
baken_report_svg_columns (GString                *out,
                          const char             *title,
                          const BakenReportBar   *columns,
                          guint                   n_columns,
                          guint                   label_step,
                          const BakenReportWords *words)
{
  const guint left = 70, top = 10, height = 200, bottom = 30;
  double width = (double) (WIDTH - left - 8) / MAX (n_columns, 1);
  guint64 max = 0, ceiling;

  for (guint i = 0; i < n_columns; i++)
    max = MAX (max, drawn (columns[i].value));

  open_svg (out, title, top + height + bottom);
  ceiling = value_axis (out, max, left, top, height, words);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *value = value_text (words, columns[i].value);
      double x = left + i * width;
      guint h = (guint) ((double) drawn (columns[i].value) / (double) ceiling * height);

      g_string_append (out, "<g>");
      tooltip (out, columns[i].tooltip != NULL ? columns[i].tooltip : columns[i].label, value);
      g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%u\" width=\"%.1f\" height=\"%u\" "
                              "fill=\"%s\"/>", x + 1, top + height - h, MAX (width - 2, 1.0),
                              h, colours[0]);
      if (label_step > 0 && i % label_step == 0)
        {
          g_string_append_printf (out, "<text class=\"axis\" x=\"%.1f\" y=\"%u\" "
                                  "text-anchor=\"middle\">", x + width / 2,
                                  top + height + 18);
          baken_report_markup_append (out, columns[i].label, 12);
          g_string_append (out, "</text>");
        }
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</svg>\n");
}

void
baken_report_svg_stacked (GString                 *out,
                          const char              *title,
                          const char * const      *labels,
                          guint                    n_columns,
                          guint                    label_step,
                          const char              *axis_title,
                          const BakenReportSeries *series,
                          guint                    n_series,
                          const BakenReportWords  *words)
{
  const guint left = 70, top = 10, height = 240, bottom = 48, legend_row = 24;
  /* A few weeks do not make columns as wide as the page. */
  double width = MIN ((double) (WIDTH - left - 8) / MAX (n_columns, 1), 64.0);
  guint legend_rows = (n_series + 1) / 2;
  g_autofree guint64 *parts = g_new0 (guint64, MAX (n_series, 1));
  guint64 max = 0, ceiling;

  g_return_if_fail (n_series > 0);

  /* The parts drawn: a part below 5 goes to the rest (the last series). */
  for (guint c = 0; c < n_columns; c++)
    {
      guint64 sum = 0, rest = 0;

      for (guint s = 0; s < n_series; s++)
        {
          guint64 v = series[s].values[c];

          if (s + 1 < n_series && !baken_report_is_small (v))
            sum += v;
          else
            rest += v;
        }
      max = MAX (max, sum + drawn (rest));
    }

  open_svg (out, title, top + height + bottom + legend_rows * legend_row + 10);
  ceiling = value_axis (out, max, left, top, height, words);
  for (guint c = 0; c < n_columns; c++)
    {
      double x = left + c * width;
      guint64 total = 0, below = 0;
      g_autofree char *total_text = NULL;

      guint64 rest = series[n_series - 1].values[c];

      total = rest;
      for (guint s = 0; s + 1 < n_series; s++)
        {
          guint64 v = series[s].values[c];

          total += v;
          parts[s] = baken_report_is_small (v) ? 0 : v;
          if (baken_report_is_small (v))
            rest += v;
        }
      parts[n_series - 1] = drawn (rest);

      total_text = value_text (words, total);
      g_string_append (out, "<g>");
      tooltip (out, labels[c], total_text);
      for (guint s = 0; s < n_series; s++)
        {
          guint h = (guint) ((double) (below + parts[s]) / (double) ceiling * height) -
                    (guint) ((double) below / (double) ceiling * height);

          if (parts[s] > 0 && h > 0)
            g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%u\" width=\"%.1f\" "
                                    "height=\"%u\" fill=\"%s\"/>", x + 1,
                                    top + height - (guint) ((double) (below + parts[s]) /
                                                            (double) ceiling * height),
                                    MAX (width - 2, 1.0), h,
                                    baken_report_svg_colour (s, s + 1 == n_series));
          below += parts[s];
          parts[s] = 0;
        }
      if (label_step > 0 && c % label_step == 0)
        {
          g_string_append_printf (out, "<text class=\"axis\" x=\"%.1f\" y=\"%u\" "
                                  "text-anchor=\"middle\">", x + width / 2,
                                  top + height + 18);
          baken_report_markup_append (out, labels[c], 12);
          g_string_append (out, "</text>");
        }
      g_string_append (out, "</g>\n");
    }

  g_string_append_printf (out, "<text class=\"axis\" x=\"%u\" y=\"%u\" "
                          "text-anchor=\"middle\">", left + (WIDTH - left) / 2,
                          top + height + 36);
  baken_report_markup_append (out, axis_title, 0);
  g_string_append (out, "</text>\n");

  /* The legend, in two columns. */
  for (guint s = 0; s < n_series; s++)
    {
      guint x = left + (s % 2) * (WIDTH - left) / 2;
      guint y = top + height + bottom + 6 + (s / 2) * legend_row;

      g_string_append_printf (out, "<rect x=\"%u\" y=\"%u\" width=\"14\" height=\"14\" "
                              "fill=\"%s\"/><text class=\"label\" x=\"%u\" y=\"%u\">", x, y,
                              baken_report_svg_colour (s, s + 1 == n_series), x + 20, y + 12);
      baken_report_markup_append (out, series[s].name, 48);
      g_string_append (out, "</text>\n");
    }
  g_string_append (out, "</svg>\n");
}

void
baken_report_svg_spark (GString       *out,
                        const char    *title,
                        const guint64 *values,
                        guint          n_values)
{
  const guint width = 212, height = 28;
  double step = (double) width / MAX (n_values, 1);
  guint64 max = 1;

  for (guint i = 0; i < n_values; i++)
    max = MAX (max, drawn (values[i]));
  g_string_append_printf (out, "<svg class=\"spark\" viewBox=\"0 0 %u %u\" width=\"%u\" "
                          "height=\"%u\" role=\"img\" aria-label=\"", width, height, width,
                          height);
  baken_report_markup_append (out, title, 0);
  g_string_append (out, "\" xmlns=\"http://www.w3.org/2000/svg\">"
                        "<line class=\"grid\" x1=\"0\" y1=\"27.5\" x2=\"212\" y2=\"27.5\"/>");
  for (guint i = 0; i < n_values; i++)
    {
      guint h = (guint) ((double) drawn (values[i]) / (double) max * (height - 2));

      if (h > 0)
        g_string_append_printf (out, "<rect x=\"%.1f\" y=\"%u\" width=\"%.1f\" "
                                "height=\"%u\" fill=\"%s\"/>", i * step, height - 1 - h,
                                MAX (step - 1, 1.0), h, colours[0]);
    }
  g_string_append (out, "</svg>");
}

void
baken_report_svg_shares (GString            *out,
                         const char         *title,
                         const guint64      *values,
                         const char * const *names,
                         guint               n_values)
{
  static const char * const helped_colours[] = { "#009E73", "#E69F00", "#D55E00" };
  const guint width = 200, height = 18;
  guint64 sum = 0;
  double x = 0;

  for (guint i = 0; i < n_values; i++)
    sum += drawn (values[i]);
  g_string_append_printf (out, "<svg class=\"shares\" viewBox=\"0 0 %u %u\" width=\"%u\" "
                          "height=\"%u\" role=\"img\" aria-label=\"", width, height, width,
                          height);
  baken_report_markup_append (out, title, 0);
  g_string_append (out, "\" xmlns=\"http://www.w3.org/2000/svg\">");
  g_string_append_printf (out, "<rect class=\"frame\" x=\"0.5\" y=\"0.5\" width=\"%u\" "
                          "height=\"%u\"/>", width - 1, height - 1);
  for (guint i = 0; sum > 0 && i < n_values; i++)
    {
      double w = (double) drawn (values[i]) / (double) sum * width;

      if (w <= 0)
        continue;
      g_string_append_printf (out, "<rect x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%u\" "
                              "fill=\"%s\"><title>", x, w, height,
                              helped_colours[i % G_N_ELEMENTS (helped_colours)]);
      baken_report_markup_append (out, names[i], 0);
      g_string_append_printf (out, ": %.0f%%</title></rect>", w / width * 100);
      x += w;
    }
  g_string_append (out, "</svg>");
}
