/* baken-raw-table.h: a CSV table of a content source, as its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What import-hsds takes over from an editor's content source (the menu, synonyms,
 * translations, and with --into everything else) is read as it is written: the header
 * and the fields as text, with the line each record starts on, so that it can be merged
 * and written again without the loader's view of what is valid.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char      *file;      /* relative to the folder */
  GPtrArray *header;    /* (element-type utf8) */
  GPtrArray *rows;      /* of GStrv, header->len fields each */
  GArray    *lines;     /* of guint: the line each row starts on */
} RawTable;

/* dir/file, read with the caps of baken-file.h. A file that does not exist is an empty
 * table with no header (exists = FALSE); NULL with error ("FILE:LINE:COLUMN: …") when it
 * cannot be read as CSV. */
RawTable   *baken_raw_table_read   (const char  *dir,
                                    const char  *file,
                                    gboolean    *exists,
                                    GError     **error);
/* An empty table with these columns. */
RawTable   *baken_raw_table_new    (const char  *file,
                                    GPtrArray   *header);
void        baken_raw_table_free   (RawTable    *t);

/* The index of column name, or -1. */
int         baken_raw_table_column (RawTable    *t,
                                    const char  *name);
/* The field name of row, NULL when the column is absent or the field empty. */
const char *baken_raw_table_get    (RawTable    *t,
                                    guint        row,
                                    const char  *name);
/* Appends a row (fields: header->len strings, copied) that starts on line. */
void        baken_raw_table_add    (RawTable    *t,
                                    const char *const *fields,
                                    guint        line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawTable, baken_raw_table_free)

G_END_DECLS
