/* baken-hsds-import-sources.h: where HSDS JSON comes from: a file, a folder, an API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-hsds-import-tables.h"

G_BEGIN_DECLS

/* Whether path is HSDS JSON: a .json file, or a folder of them without datapackage.json
 * or CSV files. */
gboolean baken_hsds_is_json_source (const char  *path);

/* Reads the JSON file imp->path, or every *.json file of the folder imp->path (in name
 * order), into imp->tables. FALSE (BAKEN_HSDS_ERROR_PACKAGE) only when nothing can be
 * read at all. */
gboolean baken_hsds_read_json_path (Import      *imp,
                                    GError     **error);

/* Reads URL/services?page=1, 2, … until the last page (and /services/ID for a service
 * a page lists without its nested objects), within timeout_s for all of it. FALSE
 * (BAKEN_HSDS_ERROR_FETCH) when a page cannot be read: a social map read in part would
 * drop services from every kiosk. */
gboolean baken_hsds_read_api       (Import      *imp,
                                    const char  *url,
                                    guint        timeout_s,
                                    GError     **error);

G_END_DECLS
