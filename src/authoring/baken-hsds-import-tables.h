/* baken-hsds-import-tables.h: the HSDS package being imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "baken-hsds-menu.h"

G_BEGIN_DECLS

typedef struct
{
  guint        line;
  char       **fields;     /* n_header strings; "" when empty or dropped */
  guint       *lines;
  guint       *columns;    /* (nullable) the column of each field (JSON); NULL: its number */
  guint        column;     /* JSON: the column the record starts at */
  const char  *file;       /* (nullable) where the row came from, when not HTable.file */
  gboolean     rejected;   /* left out; moved to HTable.left_out by the next resolve */
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
  GPtrArray  *left_out;   /* of HRow: records left out (reported as errors) */
  GHashTable *left_out_ids; /* id → HRow in left_out */
} HTable;

/* The state of one import. */
typedef struct
{
  const char *path;
  GHashTable *official;     /* resource → JsonObject */
  GPtrArray  *tables;       /* of HTable, in package order */
  GHashTable *by_resource;  /* resource → HTable */
  GPtrArray  *notes;
  GPtrArray  *warnings;     /* values dropped, the record kept */
  GPtrArray  *errors;       /* records left out */
  GPtrArray  *problems;     /* what stops the import */
  gboolean    strict;
  GStringChunk *strings;    /* file names of rows (HRow.file), ids import makes */
  BakenHsdsMenu *menu;      /* (nullable) the editor's menu to fill */
  GPtrArray  *unplaced;     /* services no life event lists: "ID: NAME (…)" */
  GPtrArray  *menu_notes;   /* about the menu's files: "FILE[:LINE]: MESSAGE" */
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
/* The file a row came from. */
const char *baken_hsds_hfile       (HTable     *t,
                                    HRow       *row);
/* Where a field is: its line and field number (one past the last column if absent). */
void        baken_hsds_hposition   (HTable     *t,
                                    HRow       *row,
                                    const char *name,
                                    guint      *line,
                                    guint      *column);
/* Adds t to imp, its rows by id; a row whose id is used before is left out. */
void        baken_hsds_import_add_table (Import *imp,
                                         HTable *t);
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
/* Drops the optional field name of row (it reads as empty from now on), and also (nullable)
 * with it, and warns "FILE:LINE:COLUMN: MESSAGE; dropped it, the NOUN is kept without
 * it". */
void        baken_hsds_import_drop_values   (Import     *imp,
                                             HTable     *t,
                                             HRow       *row,
                                             const char *name,
                                             const char *also,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (6, 7);
#define baken_hsds_import_drop_value(imp, t, row, name, ...) \
  baken_hsds_import_drop_values (imp, t, row, name, NULL, __VA_ARGS__)
/* Leaves row out (name, nullable, is the field at fault) and reports the error
 * "FILE:LINE:COLUMN: MESSAGE; the NOUN is left out". Nothing when it already is. */
void        baken_hsds_import_reject        (Import     *imp,
                                             HTable     *t,
                                             HRow       *row,
                                             const char *name,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (5, 6);
/* An unreadable record of file: the error "FILE:LINE:COLUMN: MESSAGE; the record is left
 * out". */
void        baken_hsds_import_record_error  (Import     *imp,
                                             const char *file,
                                             guint       line,
                                             guint       column,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (5, 6);
/* A document (or file) none of whose records can be read: the error "FILE:LINE:COLUMN:
 * MESSAGE" (MESSAGE says so). */
void        baken_hsds_import_document_error (Import     *imp,
                                              const char *file,
                                              guint       line,
                                              guint       column,
                                              const char *format,
                                              ...) G_GNUC_PRINTF (5, 6);
/* Moves the rejected rows of every table to its left_out; FALSE when there were none. */
gboolean    baken_hsds_import_compact       (Import     *imp);
/* "organization" → "organisation", "service_at_location" → "service at location". */
const char *baken_hsds_noun                 (const char *resource);

G_END_DECLS
