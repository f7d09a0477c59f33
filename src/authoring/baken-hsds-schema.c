/* baken-hsds-schema.c: the resources of the official HSDS schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-schema.h"

#include "baken-hsds.h"

/* resource name → JsonObject of the resource (name, path, schema, …), borrowed from
 * parser. */
GHashTable *
baken_hsds_load_official (JsonParser **parser_out)
{
  g_autoptr(GBytes) bytes = baken_hsds_get_schema ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *resources = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean ok;

  ok = json_parser_load_from_data (parser, data, (gssize) size, NULL);
  g_assert (ok);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "resources");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *resource = json_array_get_object_element (array, i);

      g_hash_table_insert (resources, (gpointer) json_object_get_string_member (resource, "name"),
                           resource);
    }

  *parser_out = g_steal_pointer (&parser);
  return resources;
}

JsonArray *
baken_hsds_official_fields (JsonObject *resource)
{
  return json_object_get_array_member (json_object_get_object_member (resource, "schema"),
                                       "fields");
}
