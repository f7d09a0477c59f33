/* baken-manifest-parse.c: reading manifest.json, strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only a document that passes the strict syntax check (baken-manifest-syntax.c) is
 * handed to JsonParser; then every member is checked: no unknown ones, none missing,
 * each of its type and in its range.
 */
#define G_LOG_DOMAIN "baken-manifest"

#include "config.h"

#include "baken-manifest.h"
#include "baken-manifest-private.h"
#include "baken-manifest-syntax.h"

#include <string.h>

#include <json-glib/json-glib.h>

/* Members */

static gboolean
check_members (JsonObject         *object,
               const char         *where,
               const char *const  *allowed,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return _baken_manifest_invalid (error, "unknown member \"%s\" in %s",
                                      (const char *) l->data, where);

  for (guint i = 0; allowed[i] != NULL; i++)
    if (!json_object_has_member (object, allowed[i]))
      return _baken_manifest_invalid (error, "%s has no \"%s\"", where, allowed[i]);

  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *name,
         const char  *where,
         gint64       min,
         gint64       max,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _baken_manifest_invalid (error, "\"%s\" in %s must be a whole number", name, where);
  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return _baken_manifest_invalid (error, "\"%s\" in %s is %" G_GINT64_FORMAT "; it must be from %"
                                    G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
                                    name, where, *out, min, max);
  return TRUE;
}

static const char *
get_string (JsonObject  *object,
            const char  *name,
            const char  *where,
            gsize        max_length,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _baken_manifest_invalid (error, "\"%s\" in %s must be a string", name, where);
      return NULL;
    }
  value = json_node_get_string (node);
  if (strlen (value) > max_length)
    {
      _baken_manifest_invalid (error, "\"%s\" in %s is longer than %" G_GSIZE_FORMAT " characters",
                               name, where, max_length);
      return NULL;
    }
  return value;
}

static gboolean
parse_file (JsonNode       *node,
            guint           index,
            BakenManifest  *self,
            GError        **error)
{
  static const char *const allowed[] = { "name", "size", "sha256", NULL };
  g_autofree char *where = g_strdup_printf ("files[%u]", index);
  JsonObject *object;
  const char *name, *sha256;
  gint64 size;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _baken_manifest_invalid (error, "%s must be an object with name, size and sha256",
                                    where);
  object = json_node_get_object (node);
  if (!check_members (object, where, allowed, error))
    return FALSE;

  if (!(name = get_string (object, "name", where, BAKEN_MANIFEST_MAX_NAME_LENGTH, error)) ||
      !get_int (object, "size", where, 0, G_MAXINT64, &size, error) ||
      !(sha256 = get_string (object, "sha256", where, 64, error)))
    return FALSE;
  if (!_baken_manifest_is_file_name (name))
    return _baken_manifest_invalid (error,
                                    "\"%s\" in %s is not a plain file name (letters, digits, '.', "
                                    "'_' and '-', not starting with '.')", name, where);
  if (!_baken_manifest_is_sha256 (sha256))
    return _baken_manifest_invalid (error, "\"sha256\" in %s must be 64 lower-case hex digits",
                                    where);
  if (baken_manifest_find_file (self, name) != NULL)
    return _baken_manifest_invalid (error, "the file \"%s\" is listed twice", name);

  baken_manifest_add_file (self, name, (guint64) size, sha256);
  return TRUE;
}

/* Public API */

BakenManifest *
baken_manifest_parse (const char  *data,
                      gsize        length,
                      GError     **error)
{
  static const char *const allowed_1[] = { "format", "serial", "created", "expires",
                                           "key_id", "min_app_version", "schema_version",
                                           "files", NULL };
  static const char *const allowed_2[] = { "format", "serial", "created", "expires",
                                           "key_id", "min_app_version", "schema_version",
                                           "root_version", "files", NULL };
  g_autoptr(BakenManifest) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *files;
  const char *text;
  gint64 value;
  guint64 serial;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_baken_manifest_check_syntax (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX,
                   "manifest.json: %s", local_error->message);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  /* The format first: a newer format may have other members. */
  node = json_object_get_member (root, "format");
  if (node == NULL)
    {
      _baken_manifest_invalid (error, "no \"format\"; this is not a Baken bundle manifest");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (json_node_get_int (node) != BAKEN_MANIFEST_FORMAT &&
       json_node_get_int (node) != BAKEN_MANIFEST_FORMAT_ROOT))
    {
      g_autofree char *shown = JSON_NODE_HOLDS_VALUE (node) &&
                               json_node_get_value_type (node) == G_TYPE_INT64
                               ? g_strdup_printf ("format %" G_GINT64_FORMAT,
                                                  json_node_get_int (node))
                               : g_strdup ("a format that is not a whole number");
      g_set_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_FORMAT,
                   "manifest.json has %s; this kiosk reads formats %d and %d. Update the "
                   "kiosk software or build the bundle with a matching baken-bundle.",
                   shown, BAKEN_MANIFEST_FORMAT, BAKEN_MANIFEST_FORMAT_ROOT);
      return NULL;
    }

  self = baken_manifest_new ();
  self->format = (guint) json_node_get_int (node);
  if (!check_members (root, "the manifest",
                      self->format == BAKEN_MANIFEST_FORMAT ? allowed_1 : allowed_2, error))
    return NULL;

  if (!get_int (root, "serial", "the manifest", 1, G_MAXINT64, &value, error))
    return NULL;
  serial = (guint64) value;
  self->serial = serial;

  if (!(text = get_string (root, "created", "the manifest", 32, error)))
    return NULL;
  if (!(self->created = baken_manifest_parse_time (text)))
    {
      _baken_manifest_invalid (error,
                               "\"created\" is \"%s\", not a time such as 2026-03-01T08:00:00Z",
                               text);
      return NULL;
    }
  if (!(text = get_string (root, "expires", "the manifest", 32, error)))
    return NULL;
  if (!(self->expires = baken_manifest_parse_time (text)))
    {
      _baken_manifest_invalid (error,
                               "\"expires\" is \"%s\", not a time such as 2026-06-01T08:00:00Z",
                               text);
      return NULL;
    }
  if (g_date_time_compare (self->expires, self->created) <= 0)
    {
      _baken_manifest_invalid (error, "\"expires\" is not after \"created\"");
      return NULL;
    }

  node = json_object_get_member (root, "key_id");
  if (!JSON_NODE_HOLDS_NULL (node))
    {
      if (!(text = get_string (root, "key_id", "the manifest", 16, error)))
        return NULL;
      if (!_baken_manifest_is_key_id (text))
        {
          _baken_manifest_invalid (error,
                                   "\"key_id\" must be 16 upper-case hex digits, as minisign shows "
                                   "a key id");
          return NULL;
        }
      self->key_id = g_strdup (text);
    }

  if (!(text = get_string (root, "min_app_version", "the manifest",
                           BAKEN_MANIFEST_MAX_VERSION_LENGTH, error)))
    return NULL;
  if (baken_manifest_compare_versions (text, text) != 0)
    {
      _baken_manifest_invalid (error, "\"min_app_version\" is \"%s\", not a version such as 0.1.0",
                               text);
      return NULL;
    }
  self->min_app_version = g_strdup (text);

  if (!get_int (root, "schema_version", "the manifest", 1, G_MAXINT32, &value, error))
    return NULL;
  self->schema_version = (guint) value;

  if (self->format == BAKEN_MANIFEST_FORMAT_ROOT)
    {
      if (!get_int (root, "root_version", "the manifest", 1, G_MAXINT32, &value, error))
        return NULL;
      self->root_version = (guint) value;
    }

  node = json_object_get_member (root, "files");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _baken_manifest_invalid (error, "\"files\" must be an array");
      return NULL;
    }
  files = json_node_get_array (node);
  if (json_array_get_length (files) == 0 ||
      json_array_get_length (files) > BAKEN_MANIFEST_MAX_FILES)
    {
      _baken_manifest_invalid (error, "\"files\" must list from 1 to %d files",
                               BAKEN_MANIFEST_MAX_FILES);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (files); i++)
    if (!parse_file (json_array_get_element (files, i), i, self, error))
      return NULL;

  return g_steal_pointer (&self);
}
