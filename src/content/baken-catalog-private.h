/* baken-catalog-private.h: sibling-only access to the catalog's connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "baken-catalog.h"

G_BEGIN_DECLS

/* The catalog's read-only connection (owned by the catalog, valid while it lives), for
 * modules that query the content DB directly (baken-search.c). */
sqlite3 *_baken_catalog_get_db (BakenCatalog *self);
/* Starts the time budget of one query on that connection (baken_catalog_set_query_budget
 * ()); _baken_catalog_get_db () lifts it again. */
void     _baken_catalog_begin_query (BakenCatalog *self);

G_END_DECLS
