/* baken-report-table.h: one table of the report: its columns and cells (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A count of what residents did is a COUNT cell: it is shown as "<5" when it is 1 to 4,
 * wherever it is shown (baken_report_cell_format () is the one place that formats a
 * cell, for the page and for CSV). A kiosk's own figures (serial, days with a report,
 * restarts) are NUMBER cells, shown as they are.
 */
#pragma once

#include <glib.h>

#include "baken-report-words.h"

G_BEGIN_DECLS

/* Counts from 1 up to this are shown as "<5". */
#define BAKEN_REPORT_SMALL 4

typedef enum {
  BAKEN_REPORT_CELL_TEXT,
  BAKEN_REPORT_CELL_COUNT,     /* what residents did: 1 to 4 shown as "<5" */
  BAKEN_REPORT_CELL_NUMBER,    /* a kiosk's own figure: shown as it is */
  BAKEN_REPORT_CELL_DATE,      /* a Julian day; 0: none */
} BakenReportCellKind;

typedef struct
{
  BakenReportCellKind  kind;
  gboolean             marked;    /* a kiosk that needs a look: behind or silent */
  guint64              value;
  char                *text;      /* (nullable) TEXT */
} BakenReportCell;

#define BAKEN_REPORT_MAX_COLUMNS 17

typedef struct
{
  const char  *file;              /* the CSV file's name without .csv */
  const char  *title;
  guint        n_columns;
  const char  *columns[BAKEN_REPORT_MAX_COLUMNS];
  gboolean     labelled;          /* columns 0 and 1 are an id and its name */
  GArray      *cells;             /* (element-type BakenReportCell) row after row */
} BakenReportTable;

BakenReportTable      *baken_report_table_new      (const char             *file,
                                                    const char             *title,
                                                    gboolean                labelled,
                                                    ...) G_GNUC_NULL_TERMINATED;
void                   baken_report_table_free     (BakenReportTable       *table);

/* Appends a cell to the row being filled (rows fill left to right, top to bottom). */
BakenReportCell       *baken_report_table_add      (BakenReportTable       *table,
                                                    BakenReportCellKind     kind,
                                                    guint64                 value);
/* A TEXT cell of a copy of text (NULL: empty). */
BakenReportCell       *baken_report_table_add_text (BakenReportTable       *table,
                                                    const char             *text);

guint                  baken_report_table_get_n_rows (const BakenReportTable *table);
const BakenReportCell *baken_report_table_get      (const BakenReportTable *table,
                                                    guint                   row,
                                                    guint                   column);

/* The cell as text: words' thousands separator (NULL: plain digits, as in CSV), "<5"
 * for a small COUNT, YYYY-MM-DD for a DATE (or words' "1 januari 2025" when
 * long_dates). */
char                  *baken_report_cell_format    (const BakenReportCell  *cell,
                                                    const BakenReportWords *words,
                                                    gboolean                long_dates);
/* Whether a count is shown as "<5". */
gboolean               baken_report_is_small       (guint64                 count);

G_END_DECLS
