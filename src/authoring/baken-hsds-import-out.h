/* baken-hsds-import-out.h: the records import writes, and where each came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "baken-hsds-import-tables.h"
#include "baken-hsds-out-table.h"

G_BEGIN_DECLS

/* Notes that row of t is not imported, and why. */
void      baken_hsds_import_dropped (Import            *imp,
                                     HTable            *t,
                                     HRow              *row,
                                     const char        *format,
                                     ...) G_GNUC_PRINTF (4, 5);
/* Whether the record id of resource was written. */
gboolean  baken_hsds_import_is_kept (Import            *imp,
                                     const char        *resource,
                                     const char        *id);
/* A new output table of the content source, with these columns. */
OutTable *baken_hsds_import_out     (Import            *imp,
                                     const char        *file,
                                     const char        *resource,
                                     const char *const *columns);
/* Writes record to out, remembering row of t as its origin, and marks it kept. */
void      baken_hsds_import_add     (Import            *imp,
                                     OutTable          *out,
                                     HTable            *t,
                                     HRow              *row,
                                     GHashTable        *record);
/* Copies the fields of row that have the same name in the content source. */
void      baken_hsds_import_copy    (GHashTable        *record,
                                     HTable            *t,
                                     HRow              *row,
                                     const char *const *columns);
/* Where a problem of the written source ("FILE:LINE:COLUMN: MESSAGE") came from. */
typedef struct
{
  char       *message;          /* (owned) MESSAGE, or the whole text */
  char       *out_file;         /* (owned) (nullable) FILE */
  guint       out_line;
  guint       out_column;
  const char *out_column_name;  /* (nullable) the column at out_column */
  HTable     *table;            /* (nullable) the HSDS record it came from */
  HRow       *row;
  const char *field;            /* (nullable) the HSDS field of the column */
} Trace;

/* Fills trace; FALSE when the problem is not at a record that came from HSDS. */
gboolean  baken_hsds_trace          (Import            *imp,
                                     const char        *text,
                                     Trace             *trace);
void      baken_hsds_trace_clear    (Trace             *trace);
/* Turns a problem of the written source ("FILE:LINE:COLUMN: MESSAGE") into one at the
 * HSDS record it came from; one in what import made itself starts with "(imported". */
char     *baken_hsds_map_back       (Import            *imp,
                                     const char        *text);

G_END_DECLS
