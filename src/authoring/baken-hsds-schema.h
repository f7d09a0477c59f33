/* baken-hsds-schema.h: the resources of the official HSDS schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Resource name → JsonObject of the resource (name, path, schema, …) of the official
 * datapackage.json (baken_hsds_get_schema ()), borrowed from *parser_out. */
GHashTable *baken_hsds_load_official   (JsonParser **parser_out);
/* The "fields" of the schema of an official resource. */
JsonArray  *baken_hsds_official_fields (JsonObject  *resource);

G_END_DECLS
