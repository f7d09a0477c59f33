/* baken-content-build-search.h: write the search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content.h"
#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* One search row per life event, service and organisation and per content language,
 * each field falling back to Dutch; a service's terms hold its public phone numbers and
 * the postcodes of its locations (never a staff-only number). */
gboolean baken_build_write_search (Source   *b,
                                   sqlite3  *db,
                                   GError  **error);

G_END_DECLS
