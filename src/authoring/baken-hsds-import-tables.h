/* baken-hsds-import-tables.h: the HSDS package being imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   line;
  char  **fields;     /* n_header strings; "" when empty, NULL when unreadable */
  guint  *lines;
} HRow;

typedef struct
{
  char       *resource;
  char       *file;       /* relative to the package folder */
  JsonObject *official;   /* the official resource, NULL when HSDS has no such resource */
  GPtrArray  *header;     /* (element-type utf8) */
  GHashTable *columns;    /* name → index + 1 */
  GPtrArray  *rows;       /* of HRow */
  GHashTable *by_id;      /* id → HRow */
  GHashTable *kept;       /* ids written to the output */
} HTable;

/* The state of one import. */
typedef struct
{
  const char *path;
  GHashTable *official;     /* resource → JsonObject */
  GPtrArray  *tables;       /* of HTable, in package order */
  GHashTable *by_resource;  /* resource → HTable */
  GPtrArray  *notes;
  GPtrArray  *problems;
  char       *title;        /* of the package, or NULL */
  char       *publisher;    /* its contributor with the role publisher, or NULL */
  GPtrArray  *out;          /* of OutTable */
} Import;

/* An empty table (no header yet) of resource, read from file. */
HTable     *baken_hsds_htable_new  (const char *resource,
                                    const char *file,
                                    JsonObject *official);
void        baken_hsds_htable_free (HTable     *t);

/* The index of the column called name, or -1. */
int         baken_hsds_hcolumn     (HTable     *t,
                                    const char *name);
/* The value of a field, or NULL when the column is absent or the field empty. */
const char *baken_hsds_hget        (HTable     *t,
                                    HRow       *row,
                                    const char *name);
/* Where a field is: its line and field number (one past the last column if absent). */
void        baken_hsds_hposition   (HTable     *t,
                                    HRow       *row,
                                    const char *name,
                                    guint      *line,
                                    guint      *column);
/* The table of resource, or NULL when the package has none. */
HTable     *baken_hsds_table_of    (Import     *imp,
                                    const char *resource);

/* Adds a problem "FILE:LINE:COLUMN: MESSAGE" that stops the import. */
void        baken_hsds_import_problem       (Import     *imp,
                                             const char *file,
                                             guint       line,
                                             guint       column,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (5, 6);
/* A problem with the field name of a row. */
void        baken_hsds_import_field_problem (Import     *imp,
                                             HTable     *t,
                                             HRow       *row,
                                             const char *name,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
