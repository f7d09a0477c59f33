/* baken-root-verify.c: the signatures of a root keys document, and the chain of versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * keys.json.minisig holds several minisign signatures one after the other; a document
 * counts as signed by a set of keys when enough distinct keys of the set made a valid
 * signature of it (a key that signs twice counts once).
 */
#define G_LOG_DOMAIN "baken-root"

#include "config.h"

#include "baken-root.h"

#include <string.h>

/* Lines of one minisign signature file. */
#define SIGNATURE_LINES 4

static void
append_id (GString    *list,
           const char *id)
{
  if (list == NULL)
    return;
  /* Each id once. */
  if (strstr (list->str, id) != NULL)
    return;
  g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", id);
}

/* Public API */

GPtrArray *
baken_root_parse_signatures (GBytes  *signatures,
                             GError **error)
{
  g_autoptr(GPtrArray) result = NULL;
  const char *data;
  gsize length, start = 0;

  g_return_val_if_fail (signatures != NULL, NULL);

  data = g_bytes_get_data (signatures, &length);
  if (length > BAKEN_ROOT_MAX_SIGNATURES_SIZE)
    {
      g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_SIGNATURES,
                   BAKEN_ROOT_SIGNATURES_NAME " is %" G_GSIZE_FORMAT " bytes; at most %d are "
                   "allowed", length, BAKEN_ROOT_MAX_SIGNATURES_SIZE);
      return NULL;
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_signature_free);
  while (start < length)
    {
      g_autoptr(GError) local_error = NULL;
      BakenMinisignSignature *signature;
      gsize end = start;

      /* One signature: the next four lines (the last one may lack its line break). */
      for (guint lines = 0; lines < SIGNATURE_LINES && end < length; lines++)
        {
          const char *newline = memchr (data + end, '\n', length - end);

          end = newline != NULL ? (gsize) (newline - data) + 1 : length;
        }

      if (result->len == BAKEN_ROOT_MAX_SIGNATURES)
        {
          g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_SIGNATURES,
                       BAKEN_ROOT_SIGNATURES_NAME " holds more than %d signatures",
                       BAKEN_ROOT_MAX_SIGNATURES);
          return NULL;
        }
      signature = baken_minisign_signature_new_from_data (data + start, end - start,
                                                          &local_error);
      if (signature == NULL)
        {
          g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_SIGNATURES,
                       BAKEN_ROOT_SIGNATURES_NAME ": signature %u: %s (the file holds "
                       "minisign signatures of " BAKEN_ROOT_NAME ", four lines each, one "
                       "after the other)", result->len + 1, local_error->message);
          return NULL;
        }
      g_ptr_array_add (result, signature);
      start = end;
    }

  if (result->len == 0)
    {
      g_set_error_literal (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_SIGNATURES,
                           BAKEN_ROOT_SIGNATURES_NAME " holds no signature");
      return NULL;
    }
  return g_steal_pointer (&result);
}

guint
baken_root_count_signers (GBytes    *data,
                          GPtrArray *signatures,
                          GPtrArray *keys,
                          GString   *signers,
                          GString   *others)
{
  g_autoptr(GPtrArray) counted = g_ptr_array_new ();
  const guint8 *bytes;
  gsize length;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (signatures != NULL, 0);
  g_return_val_if_fail (keys != NULL, 0);

  bytes = g_bytes_get_data (data, &length);
  for (guint i = 0; i < signatures->len; i++)
    {
      BakenMinisignSignature *signature = g_ptr_array_index (signatures, i);
      g_autoptr(GError) local_error = NULL;
      BakenMinisignPublicKey *key;

      key = baken_minisign_signature_verify (signature, keys, bytes, length, &local_error);
      if (key == NULL)
        {
          append_id (others, baken_minisign_signature_get_key_id_string (signature));
          continue;
        }
      if (g_ptr_array_find (counted, key, NULL))
        continue;
      g_ptr_array_add (counted, key);
      append_id (signers, baken_minisign_public_key_get_id_string (key));
    }

  return counted->len;
}

/* Whether data is signed by threshold of keys; the error says by whom it is. */
static gboolean
check_threshold (const char  *name,
                 guint        version,
                 GBytes      *data,
                 GPtrArray   *signatures,
                 GPtrArray   *keys,
                 guint        threshold,
                 const char  *whose,
                 GError     **error)
{
  g_autoptr(GString) signers = g_string_new (NULL);
  g_autoptr(GString) others = g_string_new (NULL);
  g_autofree char *wanted = NULL;
  guint n;

  n = baken_root_count_signers (data, signatures, keys, signers, others);
  if (n >= threshold)
    return TRUE;

  wanted = baken_root_format_key_ids (keys);
  g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_THRESHOLD,
               "%s (root version %u) has valid signatures by %u of %s (%s); it needs %u of "
               "them: %s%s%s%s", name, version, n, whose, n > 0 ? signers->str : "none",
               threshold, wanted,
               others->len > 0 ? ". It is also signed by " : "", others->str,
               others->len > 0 ? ", which do not count here (another key, or a signature "
                                 "that does not match)" : "");
  return FALSE;
}

BakenRoot *
baken_root_verify_next (BakenRoot   *trusted,
                        const char  *name,
                        GBytes      *data,
                        GBytes      *signatures,
                        GError     **error)
{
  g_autoptr(BakenRoot) next = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autofree char *whose = NULL;

  g_return_val_if_fail (trusted != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL && signatures != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (trusted->threshold == 0)
    {
      g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_NO_ROOT_KEYS,
                   "%s is offered, but this kiosk has no [sync] root-keys, so it cannot take "
                   "a root keys document; configure the root keys first", name);
      return NULL;
    }

  next = baken_root_parse (data, error);
  if (next == NULL)
    {
      if (strcmp (name, BAKEN_ROOT_NAME) != 0)
        g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  if (next->version == trusted->version &&
      (trusted->data == NULL || !g_bytes_equal (trusted->data, data)))
    {
      g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_DIFFERENT,
                   "%s has root version %u, the version this kiosk has, but it is another "
                   "document: a root document is never changed; publish changes as "
                   "version %u", name, next->version, trusted->version + 1);
      return NULL;
    }
  if (next->version <= trusted->version)
    {
      g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_VERSION,
                   "%s has root version %u, %s this kiosk's root version %u: an old root "
                   "document played back; publish the newest " BAKEN_ROOT_NAME, name,
                   next->version, next->version == trusted->version ? "the same as"
                                                                    : "older than",
                   trusted->version);
      return NULL;
    }
  if (next->version != trusted->version + 1)
    {
      g_set_error (error, BAKEN_ROOT_ERROR, BAKEN_ROOT_ERROR_VERSION,
                   "%s has root version %u, but this kiosk is at root version %u and takes "
                   "only version %u next: every version is signed by the keys of the one "
                   "before; publish " BAKEN_ROOT_VERSION_PATTERN " beside it",
                   name, next->version, trusted->version, trusted->version + 1,
                   trusted->version + 1);
      return NULL;
    }

  parsed = baken_root_parse_signatures (signatures, error);
  if (parsed == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  whose = trusted->version == 0
          ? g_strdup ("the root keys in this kiosk's configuration")
          : g_strdup_printf ("the root keys of version %u", trusted->version);
  if (!check_threshold (name, next->version, data, parsed, trusted->root_keys,
                        trusted->threshold, whose, error) ||
      !check_threshold (name, next->version, data, parsed, next->root_keys, next->threshold,
                        "its own root keys", error))
    return NULL;

  next->signatures = g_bytes_ref (signatures);
  return g_steal_pointer (&next);
}

BakenRoot *
baken_root_verify_stored (const char  *name,
                          GBytes      *data,
                          GBytes      *signatures,
                          GError     **error)
{
  g_autoptr(BakenRoot) root = NULL;
  g_autoptr(GPtrArray) parsed = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL && signatures != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = baken_root_parse (data, error);
  if (root == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  parsed = baken_root_parse_signatures (signatures, error);
  if (parsed == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  if (!check_threshold (name, root->version, data, parsed, root->root_keys, root->threshold,
                        "its own root keys", error))
    return NULL;

  root->signatures = g_bytes_ref (signatures);
  return g_steal_pointer (&root);
}
