/* baken-hsds-out-table.h: the CSV tables export and import write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Where a record of an output table came from (import only). */
typedef struct
{
  const char *hsds_file;   /* the import's source of the record, or NULL */
  guint       hsds_line;
  gpointer    table;       /* HTable * */
  gpointer    row;         /* HRow * */
  const char *field;       /* (nullable) the HSDS field of the columns it has no field of */
  guint       out_line;
} Origin;

typedef struct
{
  char      *file;
  char      *resource;
  GPtrArray *columns;      /* (element-type utf8) */
  GString   *text;
  guint      line;         /* the line the next record starts on */
  guint      n_rows;
  GArray    *origins;      /* of Origin, by out_line */
} OutTable;

/* A table with the header row written: the columns, or else the names of fields. */
OutTable   *baken_hsds_out_table_new  (const char        *file,
                                       const char        *resource,
                                       const char *const *columns,
                                       JsonArray         *fields);
void        baken_hsds_out_table_free (OutTable          *t);
/* Adds a record; values maps column names to values (missing: empty). origin (nullable)
 * is remembered at the line the record starts on. */
void        baken_hsds_out_table_add  (OutTable          *t,
                                       GHashTable        *values,
                                       Origin            *origin);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutTable, baken_hsds_out_table_free)

/* A record for baken_hsds_out_table_add (): column name (static) → value (owned). */
GHashTable *baken_hsds_record_new     (void);
/* Sets column to a copy of value (NULL: empty). */
void        baken_hsds_set            (GHashTable        *record,
                                       const char        *column,
                                       const char        *value);
/* Sets column to value, taking it. */
void        baken_hsds_set_take       (GHashTable        *record,
                                       const char        *column,
                                       char              *value);

G_END_DECLS
