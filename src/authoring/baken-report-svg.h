/* baken-report-svg.h: the charts of the report page, as inline SVG (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain SVG, no script: the page must open in any browser, offline, and print. Every
 * chart has a title for screen readers, its values written next to it or on its axis,
 * and a tooltip per bar. A count of 1 to 4 is never drawn as a bar of its size: its bar
 * is left out and its value says "<5", so no chart shows what a table hides. Colours are
 * the Okabe-Ito set, told apart with colour blindness; the styles are in the page's CSS.
 */
#pragma once

#include <glib.h>

#include "baken-report-words.h"

G_BEGIN_DECLS

typedef struct
{
  const char *label;       /* under or beside the bar */
  const char *tooltip;     /* (nullable) the full label, when label is cut */
  guint64     value;
} BakenReportBar;

typedef struct
{
  const char    *name;
  const guint64 *values;   /* one per column */
} BakenReportSeries;

/* Horizontal bars, one per row: label, bar, value. */
void baken_report_svg_bars      (GString                 *out,
                                 const char              *title,
                                 const BakenReportBar    *bars,
                                 guint                    n_bars,
                                 const BakenReportWords  *words);

/* Columns with a value axis; labels under the columns, every label_step-th shown. */
void baken_report_svg_columns   (GString                 *out,
                                 const char              *title,
                                 const BakenReportBar    *columns,
                                 guint                    n_columns,
                                 guint                    label_step,
                                 const BakenReportWords  *words);

/* Stacked columns: series[i].values[c] is the part of series i in column c; a part of
 * 1 to 4 goes to the last series (the rest) so no part below 5 is drawn. axis_title
 * goes under the labels, a legend under the chart names the series. */
void baken_report_svg_stacked   (GString                 *out,
                                 const char              *title,
                                 const char * const      *labels,
                                 guint                    n_columns,
                                 guint                    label_step,
                                 const char              *axis_title,
                                 const BakenReportSeries *series,
                                 guint                    n_series,
                                 const BakenReportWords  *words);

/* A small chart for a table cell: a thin column per value. */
void baken_report_svg_spark     (GString                 *out,
                                 const char              *title,
                                 const guint64           *values,
                                 guint                    n_values);

/* A bar cut in parts, each as wide as its share (parts of 1 to 4 left out). */
void baken_report_svg_shares    (GString                 *out,
                                 const char              *title,
                                 const guint64           *values,
                                 const char * const      *names,
                                 guint                    n_values);

/* The colour of series i (of the Okabe-Ito set; the last for "the rest"). */
const char *baken_report_svg_colour (guint i,
                                     gboolean rest);

G_END_DECLS
