/* baken-manifest-write.c: writing manifest.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A manifest is written only when it would be read back: the same checks of its values
 * as when it is parsed.
 */
#define G_LOG_DOMAIN "baken-manifest"

#include "config.h"

#include "baken-manifest.h"
#include "baken-manifest-private.h"

#include <string.h>

#include <json-glib/json-glib.h>

/* Public API */

char *
baken_manifest_to_data (BakenManifest  *self,
                        gsize          *length,
                        GError        **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *created = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *json = NULL;
  char *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->created == NULL || self->expires == NULL ||
      g_date_time_compare (self->expires, self->created) <= 0)
    return _baken_manifest_invalid (error, "a manifest needs a created time and a later "
                                    "expiry time"), NULL;
  if (self->serial == 0 || self->serial > G_MAXINT64)
    return _baken_manifest_invalid (error, "the serial must be from 1 to %" G_GINT64_FORMAT,
                                    G_MAXINT64), NULL;
  if (self->key_id != NULL && !_baken_manifest_is_key_id (self->key_id))
    return _baken_manifest_invalid (error, "\"%s\" is not a key id", self->key_id), NULL;
  if (baken_manifest_compare_versions (self->min_app_version, self->min_app_version) != 0)
    return _baken_manifest_invalid (error, "\"%s\" is not a version",
                                    self->min_app_version ?: "(none)"), NULL;
  if (self->schema_version == 0 || self->schema_version > G_MAXINT32)
    return _baken_manifest_invalid (error, "schema version %u is out of range",
                                    self->schema_version), NULL;
  if (self->root_version > G_MAXINT32)
    return _baken_manifest_invalid (error, "root version %u is out of range",
                                    self->root_version), NULL;
  if (self->files->len == 0 || self->files->len > BAKEN_MANIFEST_MAX_FILES)
    return _baken_manifest_invalid (error, "a manifest lists from 1 to %d files",
                                    BAKEN_MANIFEST_MAX_FILES), NULL;

  created = baken_manifest_format_time (self->created);
  expires = baken_manifest_format_time (self->expires);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, self->root_version > 0 ? BAKEN_MANIFEST_FORMAT_ROOT
                                                              : BAKEN_MANIFEST_FORMAT);
  json_builder_set_member_name (builder, "serial");
  json_builder_add_int_value (builder, (gint64) self->serial);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "expires");
  json_builder_add_string_value (builder, expires);
  json_builder_set_member_name (builder, "key_id");
  if (self->key_id != NULL)
    json_builder_add_string_value (builder, self->key_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "min_app_version");
  json_builder_add_string_value (builder, self->min_app_version);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, self->schema_version);
  if (self->root_version > 0)
    {
      json_builder_set_member_name (builder, "root_version");
      json_builder_add_int_value (builder, self->root_version);
    }
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->files->len; i++)
    {
      BakenManifestFile *file = g_ptr_array_index (self->files, i);

      if (!_baken_manifest_is_file_name (file->name) || !_baken_manifest_is_sha256 (file->sha256) ||
          file->size > G_MAXINT64)
        return _baken_manifest_invalid (error, "file \"%s\" has a bad name, hash or size",
                                        file->name), NULL;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, file->name);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) file->size);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, file->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  result = g_strconcat (json, "\n", NULL);
  if (length != NULL)
    *length = strlen (result);
  return result;
}
