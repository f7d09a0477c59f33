/* baken-root.c: the root keys document (keys.json) in memory, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading is as strict as for the manifest: the strict syntax check
 * (baken-manifest-syntax.c) first, then every member. Signatures and the chain of
 * versions are baken-root-verify.c's.
 */
#define G_LOG_DOMAIN "baken-root"

#include "config.h"

#include "baken-root.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-manifest-syntax.h"

G_DEFINE_QUARK (baken-root-error-quark, baken_root_error)

static const char *const members[] = { "format", "version", "root_keys", "threshold",
                                       "content_keys", NULL };

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_INVALID, BAKEN_ROOT_NAME ": %s",
               message);
  return FALSE;
}

static GPtrArray *
new_key_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);
}

static GPtrArray *
copy_keys (GPtrArray *keys)
{
  GPtrArray *copy = new_key_array ();

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    g_ptr_array_add (copy, baken_minisign_public_key_ref (g_ptr_array_index (keys, i)));
  return copy;
}

static gboolean
contains_key (GPtrArray              *keys,
              BakenMinisignPublicKey *key,
              guint                   before)
{
  for (guint i = 0; i < keys->len && i < before; i++)
    if (baken_minisign_public_key_equal (g_ptr_array_index (keys, i), key))
      return TRUE;
  return FALSE;
}

/* The checks that reading and writing share. */
static gboolean
check_values (BakenRoot  *self,
              GError    **error)
{
  if (self->version < 1 || self->version > BAKEN_ROOT_MAX_VERSION)
    return invalid (error, "\"version\" must be from 1 to %d", BAKEN_ROOT_MAX_VERSION);
  if (self->root_keys->len == 0 || self->root_keys->len > BAKEN_ROOT_MAX_KEYS)
    return invalid (error, "\"root_keys\" must name from 1 to %d keys", BAKEN_ROOT_MAX_KEYS);
  if (self->content_keys->len == 0 || self->content_keys->len > BAKEN_ROOT_MAX_KEYS)
    return invalid (error, "\"content_keys\" must name from 1 to %d keys",
                    BAKEN_ROOT_MAX_KEYS);
  if (self->threshold < 1 || self->threshold > self->root_keys->len)
    return invalid (error, "\"threshold\" is %u; it must be from 1 to the number of root "
                    "keys (%u)", self->threshold, self->root_keys->len);

  for (guint i = 0; i < self->root_keys->len; i++)
    {
      BakenMinisignPublicKey *key = g_ptr_array_index (self->root_keys, i);

      if (contains_key (self->root_keys, key, i))
        return invalid (error, "root key %s is named twice",
                        baken_minisign_public_key_get_id_string (key));
      if (contains_key (self->content_keys, key, G_MAXUINT))
        return invalid (error, "key %s is both a root key and a content key; a root key "
                        "stays offline and signs only root documents",
                        baken_minisign_public_key_get_id_string (key));
    }
  for (guint i = 0; i < self->content_keys->len; i++)
    {
      BakenMinisignPublicKey *key = g_ptr_array_index (self->content_keys, i);

      if (contains_key (self->content_keys, key, i))
        return invalid (error, "content key %s is named twice",
                        baken_minisign_public_key_get_id_string (key));
    }

  return TRUE;
}

static gboolean
get_whole (JsonObject  *object,
           const char  *name,
           gint64      *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, "\"%s\" must be a whole number", name);
  *out = json_node_get_int (node);
  if (*out < 0 || *out > BAKEN_ROOT_MAX_VERSION)
    return invalid (error, "\"%s\" is %" G_GINT64_FORMAT "; it must be from 0 to %d",
                    name, *out, BAKEN_ROOT_MAX_VERSION);
  return TRUE;
}

static GPtrArray *
get_keys (JsonObject  *object,
          const char  *name,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GPtrArray) keys = new_key_array ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, "\"%s\" must be a list of public keys", name), NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) > BAKEN_ROOT_MAX_KEYS)
    return invalid (error, "\"%s\" names more than %d keys", name, BAKEN_ROOT_MAX_KEYS), NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) key_error = NULL;
      BakenMinisignPublicKey *key;

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        return invalid (error, "%s[%u] must be a string: the RW… line of a minisign "
                        "public key", name, i), NULL;
      key = baken_minisign_public_key_new_from_base64 (json_node_get_string (element),
                                                       &key_error);
      if (key == NULL)
        return invalid (error, "%s[%u] is not a minisign public key: %s", name, i,
                        key_error->message), NULL;
      g_ptr_array_add (keys, key);
    }

  return g_steal_pointer (&keys);
}

/* Public API */

BakenRoot *
baken_root_ref (BakenRoot *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
baken_root_unref (BakenRoot *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_ptr_array_unref (self->root_keys);
  g_ptr_array_unref (self->content_keys);
  g_clear_pointer (&self->data, g_bytes_unref);
  g_clear_pointer (&self->signatures, g_bytes_unref);
  g_free (self);
}

BakenRoot *
baken_root_new (guint      version,
                GPtrArray *root_keys,
                guint      threshold,
                GPtrArray *content_keys)
{
  BakenRoot *self = g_new0 (BakenRoot, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->version = version;
  self->root_keys = copy_keys (root_keys);
  self->threshold = threshold;
  self->content_keys = copy_keys (content_keys);
  return self;
}

BakenRoot *
baken_root_new_anchor (GPtrArray *root_keys,
                       guint      threshold,
                       GPtrArray *content_keys)
{
  g_return_val_if_fail (content_keys != NULL, NULL);
  g_return_val_if_fail (root_keys == NULL || root_keys->len == 0 ||
                        threshold <= root_keys->len, NULL);

  return baken_root_new (0, root_keys, root_keys != NULL && root_keys->len > 0
                                       ? MAX (threshold, 1) : 0, content_keys);
}

BakenRoot *
baken_root_parse (GBytes  *data,
                  GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BakenRoot) self = NULL;
  g_autoptr(GList) names = NULL;
  g_autoptr(GPtrArray) root_keys = NULL;
  g_autoptr(GPtrArray) content_keys = NULL;
  const char *text;
  gsize length;
  JsonObject *object;
  gint64 format, version, threshold;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_get_data (data, &length);
  if (!_baken_json_check_strict (BAKEN_ROOT_NAME, text, length, BAKEN_ROOT_MAX_SIZE,
                                 &local_error))
    {
      g_set_error_literal (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_SYNTAX,
                           local_error->message);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize) length, &local_error))
    {
      g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_SYNTAX, BAKEN_ROOT_NAME ": %s",
                   local_error->message);
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));

  if (!json_object_has_member (object, "format"))
    return invalid (error, "no \"format\"; this is not a Baken root keys document"), NULL;
  if (!get_whole (object, "format", &format, error))
    return NULL;
  if (format != BAKEN_ROOT_FORMAT)
    {
      g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_FORMAT,
                   BAKEN_ROOT_NAME " has format %" G_GINT64_FORMAT "; this kiosk reads format "
                   "%d. Update the kiosk software.", format, BAKEN_ROOT_FORMAT);
      return NULL;
    }

  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (members, l->data))
      return invalid (error, "unknown member \"%s\"", (const char *) l->data), NULL;
  for (guint i = 0; members[i] != NULL; i++)
    if (!json_object_has_member (object, members[i]))
      return invalid (error, "no \"%s\"", members[i]), NULL;

  if (!get_whole (object, "version", &version, error) ||
      !get_whole (object, "threshold", &threshold, error) ||
      !(root_keys = get_keys (object, "root_keys", error)) ||
      !(content_keys = get_keys (object, "content_keys", error)))
    return NULL;

  self = baken_root_new ((guint) version, root_keys, (guint) threshold, content_keys);
  if (!check_values (self, error))
    return NULL;
  self->data = g_bytes_ref (data);

  return g_steal_pointer (&self);
}

static void
add_keys (JsonBuilder *builder,
          const char  *name,
          GPtrArray   *keys)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree char *base64 = baken_minisign_public_key_to_base64 (g_ptr_array_index (keys, i));

      json_builder_add_string_value (builder, base64);
    }
  json_builder_end_array (builder);
}

char *
baken_root_to_data (BakenRoot  *self,
                    gsize      *length,
                    GError    **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  char *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_values (self, error))
    return NULL;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, BAKEN_ROOT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, self->version);
  add_keys (builder, "root_keys", self->root_keys);
  json_builder_set_member_name (builder, "threshold");
  json_builder_add_int_value (builder, self->threshold);
  add_keys (builder, "content_keys", self->content_keys);
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

gboolean
baken_root_has_content_key (BakenRoot              *self,
                            BakenMinisignPublicKey *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return contains_key (self->content_keys, key, G_MAXUINT);
}

char *
baken_root_format_key_ids (GPtrArray *keys)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; keys != NULL && i < keys->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            baken_minisign_public_key_get_id_string (g_ptr_array_index (keys, i)));
  if (text->len == 0)
    g_string_append (text, "none");
  return g_string_free (text, FALSE);
}
