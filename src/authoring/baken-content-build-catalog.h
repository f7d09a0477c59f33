/* baken-content-build-catalog.h: write the catalog: meta, icons, organisations, services, life events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content.h"
#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* The meta keys (created, expires when not NULL, format, publisher, region,
 * schema_version, serial). */
gboolean baken_build_write_meta          (Source      *b,
                                          sqlite3     *db,
                                          guint64      serial,
                                          const char  *created,
                                          const char  *expires,
                                          GError     **error);
/* The valid icons the life events name, by name. */
gboolean baken_build_write_icons         (Source      *b,
                                          sqlite3     *db,
                                          GError     **error);
/* Life events with their depth and texts, their services, and the synonyms. */
gboolean baken_build_write_life_events   (Source      *b,
                                          sqlite3     *db,
                                          GError     **error);
gboolean baken_build_write_organizations (Source      *b,
                                          sqlite3     *db,
                                          GError     **error);
/* Services with their texts, required documents (position defaults to the row number)
 * and languages. */
gboolean baken_build_write_services      (Source      *b,
                                          sqlite3     *db,
                                          GError     **error);

G_END_DECLS
