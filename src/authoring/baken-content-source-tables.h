/* baken-content-source-tables.h: read the CSV tables of a content source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* Prepares the empty table id of a source, and frees what it holds. */
void baken_source_table_init  (Table   *t,
                               TableId  id);
void baken_source_table_clear (Table   *t);

/* Reads the file of table id into its rows: checks the header, the required values, the
 * syntax of every value (baken-content-source-values.h) and that ids are unique. A
 * record that cannot be read is kept by its id only, among the broken rows. */
void baken_source_load_table  (Source  *b,
                               TableId  id);

G_END_DECLS
