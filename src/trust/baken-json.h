/* baken-json.h: parsing JSON that may be hostile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib parses recursively: 100,000 nested '[' overflow the stack and crash the
 * program. Every JSON Baken reads from outside (datapackage.json of a content source or
 * an HSDS package, HSDS API answers) is first scanned for its nesting depth.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than any real content source or HSDS document nests. */
#define BAKEN_JSON_MAX_DEPTH 64

/* Whether no object or array in data nests deeper than max_depth (strings skipped).
 * When it does, line and column (1-based) say where the limit was passed. */
gboolean    baken_json_check_depth (const char  *data,
                                    gsize        length,
                                    guint        max_depth,
                                    guint       *line,
                                    guint       *column);

/* Loads data into parser (whose signals the caller may have connected) after the depth
 * check; FALSE with error as baken_json_parse (). */
gboolean    baken_json_load        (JsonParser  *parser,
                                    const char  *what,
                                    const char  *data,
                                    gsize        length,
                                    GError     **error);

/* A parser loaded with data after the depth check; NULL with error (JSON_PARSER_ERROR,
 * or JSON_PARSER_ERROR_PARSE "nested deeper than …") naming what, line and column. */
JsonParser *baken_json_parse       (const char  *what,
                                    const char  *data,
                                    gsize        length,
                                    GError     **error);

G_END_DECLS
