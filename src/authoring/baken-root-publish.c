/* baken-root-publish.c: making and signing a root keys document (IT's side)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-root-publish.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "baken-bundle-format.h"
#include "baken-file.h"

static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &local_error))
    {
      g_set_error (error, BAKEN_BUNDLE_ERROR, BAKEN_BUNDLE_ERROR_WRITE, "%s",
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
baken_root_publish_write (const char  *path,
                          BakenRoot   *root,
                          GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *sig_path = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (root != NULL, FALSE);

  data = baken_root_to_data (root, &length, error);
  if (data == NULL || !write_atomically (path, data, length, error))
    return FALSE;

  sig_path = g_strconcat (path, ".minisig", NULL);
  if (g_unlink (sig_path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, BAKEN_BUNDLE_ERROR, BAKEN_BUNDLE_ERROR_WRITE,
                   "Cannot remove the old signatures %s: %s", sig_path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

BakenRoot *
baken_root_publish_read (const char  *path,
                         GBytes     **signatures,
                         GError     **error)
{
  g_autofree char *sig_path = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BakenRoot) root = NULL;
  char *text = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (signatures != NULL, NULL);

  *signatures = NULL;
  if (!baken_file_read (path, BAKEN_ROOT_MAX_SIZE, &text, &length, &local_error))
    {
      g_set_error (error, BAKEN_BUNDLE_ERROR, BAKEN_BUNDLE_ERROR_MISSING, "%s",
                   local_error->message);
      return NULL;
    }
  data = g_bytes_new_take (text, length);
  root = baken_root_parse (data, error);
  if (root == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  sig_path = g_strconcat (path, ".minisig", NULL);
  if (!g_file_test (sig_path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&root);
  if (!baken_file_read (sig_path, BAKEN_ROOT_MAX_SIGNATURES_SIZE, &text, &length,
                        &local_error))
    {
      g_set_error (error, BAKEN_BUNDLE_ERROR, BAKEN_BUNDLE_ERROR_MISSING, "%s",
                   local_error->message);
      return NULL;
    }
  *signatures = g_bytes_new_take (text, length);
  return g_steal_pointer (&root);
}

BakenRoot *
baken_root_publish_sign (const char              *path,
                         BakenMinisignSecretKey  *key,
                         GError                 **error)
{
  g_autoptr(BakenRoot) root = NULL;
  g_autoptr(GBytes) signatures = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *sig_path = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *signature = NULL;
  BakenMinisignPublicKey *public_key;
  const char *id;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  root = baken_root_publish_read (path, &signatures, error);
  if (root == NULL)
    return NULL;

  public_key = baken_minisign_secret_key_get_public_key (key);
  id = baken_minisign_public_key_get_id_string (public_key);
  if (signatures != NULL)
    {
      g_autoptr(GPtrArray) parsed = baken_root_parse_signatures (signatures, error);
      g_autoptr(GPtrArray) keys = g_ptr_array_new ();

      if (parsed == NULL)
        return NULL;
      g_ptr_array_add (keys, public_key);
      if (baken_root_count_signers (root->data, parsed, keys, NULL, NULL) > 0)
        {
          g_set_error (error, BAKEN_BUNDLE_ERROR, BAKEN_BUNDLE_ERROR_WRITE,
                       "%s is signed by key %s already", path, id);
          return NULL;
        }
      g_string_append_len (all, g_bytes_get_data (signatures, NULL),
                           g_bytes_get_size (signatures));
      if (all->len > 0 && all->str[all->len - 1] != '\n')
        g_string_append_c (all, '\n');
    }

  comment = g_strdup_printf ("baken root keys version:%u\tfile:" BAKEN_ROOT_NAME,
                             root->version);
  signature = baken_minisign_sign (key, g_bytes_get_data (root->data, NULL),
                                   g_bytes_get_size (root->data), comment,
                                   "signature of a Baken root keys document", error);
  if (signature == NULL)
    return NULL;
  g_string_append (all, signature);

  sig_path = g_strconcat (path, ".minisig", NULL);
  if (!write_atomically (sig_path, all->str, all->len, error))
    return NULL;
  return g_steal_pointer (&root);
}
