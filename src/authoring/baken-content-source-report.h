/* baken-content-source-report.h: the problems found in a content source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading and the checks add each problem with its file, line and column (the field
 * number, as a spreadsheet user counts); the loader gives them out sorted at the end.
 */
#pragma once

#include <glib.h>

#include "baken-content-source-model.h"

G_BEGIN_DECLS

BakenSourceReport *baken_source_report_new        (void);
void               baken_source_report_free       (BakenSourceReport *self);

void               baken_source_report_add_valist (BakenSourceReport *self,
                                                   const char        *file,
                                                   guint              line,
                                                   guint              column,
                                                   const char        *format,
                                                   va_list            args) G_GNUC_PRINTF (5, 0);
void               baken_source_report_add        (BakenSourceReport *self,
                                                   const char        *file,
                                                   guint              line,
                                                   guint              column,
                                                   const char        *format,
                                                   ...) G_GNUC_PRINTF (5, 6);
/* A problem with one field of a row (or where it would be, if the file has no such
 * column). */
void               baken_source_report_field      (BakenSourceReport *self,
                                                   Table             *t,
                                                   Row               *row,
                                                   guint              col,
                                                   const char        *format,
                                                   ...) G_GNUC_PRINTF (5, 6);

/* How many problems were added so far. */
guint              baken_source_report_get_n      (BakenSourceReport *self);

/* Every problem as "FILE:LINE:COLUMN: MESSAGE": datapackage.json first, then by file,
 * line, column and the order they were added in. Free with g_ptr_array_unref (). */
GPtrArray         *baken_source_report_format     (BakenSourceReport *self);

G_END_DECLS
