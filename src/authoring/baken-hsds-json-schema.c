/* baken-hsds-json-schema.c: the JSON Schemas of HSDS 3.0's objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-json-schema.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "baken-authoring-resources.h"

#define SCHEMA_DIR "/nl/baken/authoring/hsds/json-schema/"

struct _BakenHsdsJsonSchemas
{
  GPtrArray  *parsers;      /* (owned) of JsonParser, holding the objects below */
  GHashTable *properties;   /* resource → JsonObject "properties" */
  GHashTable *by_file;      /* "phone.json" → resource */
};

BakenHsdsJsonSchemas *
baken_hsds_json_schemas_load (void)
{
  BakenHsdsJsonSchemas *self = g_new0 (BakenHsdsJsonSchemas, 1);
  g_auto(GStrv) names = g_resource_enumerate_children (baken_authoring_get_resource (),
                                                       SCHEMA_DIR,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (names != NULL);
  self->parsers = g_ptr_array_new_with_free_func (g_object_unref);
  self->properties = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (SCHEMA_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (baken_authoring_get_resource (), path,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      JsonParser *parser = json_parser_new ();
      JsonObject *root;
      const char *resource;
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      gboolean ok = json_parser_load_from_data (parser, data, (gssize) size, NULL);

      g_assert (ok);
      g_ptr_array_add (self->parsers, parser);
      root = json_node_get_object (json_parser_get_root (parser));
      resource = json_object_get_string_member (root, "name");
      g_hash_table_insert (self->properties, (gpointer) resource,
                           json_object_get_object_member (root, "properties"));
      g_hash_table_insert (self->by_file, g_strdup (names[i]), (gpointer) resource);
    }

  return self;
}

void
baken_hsds_json_schemas_free (BakenHsdsJsonSchemas *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_file);
  g_hash_table_unref (self->properties);
  g_ptr_array_unref (self->parsers);
  g_free (self);
}

gboolean
baken_hsds_json_schemas_has (BakenHsdsJsonSchemas *self,
                             const char           *resource)
{
  return g_hash_table_contains (self->properties, resource);
}

static JsonObject *
property (BakenHsdsJsonSchemas *self,
          const char           *resource,
          const char           *member)
{
  JsonObject *properties = g_hash_table_lookup (self->properties, resource);
  JsonNode *node = properties != NULL ? json_object_get_member (properties, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
ref_resource (BakenHsdsJsonSchemas *self,
              JsonObject           *holder)
{
  const char *ref = holder != NULL
                    ? json_object_get_string_member_with_default (holder, "$ref", NULL) : NULL;

  return ref != NULL ? g_hash_table_lookup (self->by_file, ref) : NULL;
}

BakenHsdsMember
baken_hsds_json_schemas_member (BakenHsdsJsonSchemas  *self,
                                const char            *resource,
                                const char            *member,
                                const char           **child)
{
  JsonObject *definition = property (self, resource, member);
  const char *type, *nested;

  if (child != NULL)
    *child = NULL;
  if (definition == NULL)
    return BAKEN_HSDS_MEMBER_UNKNOWN;

  type = json_object_get_string_member_with_default (definition, "type", NULL);
  if (g_strcmp0 (type, "array") == 0)
    {
      JsonNode *items = json_object_get_member (definition, "items");

      nested = items != NULL && JSON_NODE_HOLDS_OBJECT (items)
               ? ref_resource (self, json_node_get_object (items)) : NULL;
      if (child != NULL)
        *child = nested;
      return nested != NULL ? BAKEN_HSDS_MEMBER_LIST : BAKEN_HSDS_MEMBER_UNKNOWN;
    }

  nested = ref_resource (self, definition);
  if (nested != NULL)
    {
      if (child != NULL)
        *child = nested;
      return BAKEN_HSDS_MEMBER_OBJECT;
    }

  return BAKEN_HSDS_MEMBER_SCALAR;
}

const char *
baken_hsds_json_schemas_type (BakenHsdsJsonSchemas *self,
                              const char           *resource,
                              const char           *member)
{
  JsonObject *definition = property (self, resource, member);

  return definition != NULL
         ? json_object_get_string_member_with_default (definition, "type", NULL) : NULL;
}
