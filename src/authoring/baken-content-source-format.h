/* baken-content-source-format.h: the tables and columns of the content format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* The file, names, id column and columns of a table of the format. */
const TableSpec *baken_source_table_spec (TableId id);

G_END_DECLS
