/* baken-sync-trust.c: which keys a bundle must be signed by, from the configuration,
 * the root keys documents taken and the state DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include "baken-sync-trust.h"

#include "baken-bundle.h"
#include "baken-store-root.h"

/* The state's record of the root in force; the floors of the older root are dropped. */
static gboolean
record_root (BakenState  *state,
             BakenRoot   *root,
             GError     **error)
{
  g_auto(BakenInstalled) installed = { 0 };

  if (!baken_state_get_installed (state, &installed, error))
    return FALSE;
  if (installed.root_version >= root->version)
    return TRUE;

  installed.root_version = root->version;
  installed.floor_serial = 0;
  g_clear_pointer (&installed.floor_sha256, g_free);
  installed.floor_created = 0;
  if (!baken_state_set_installed (state, &installed, error))
    return FALSE;
  baken_fault_point ("root recorded");

  return TRUE;
}

BakenRoot *
baken_sync_trust_anchor (const BakenSyncSettings *settings)
{
  g_autoptr(GPtrArray) content_keys = NULL;

  g_return_val_if_fail (settings != NULL, NULL);

  content_keys = baken_bundle_trusted_keys (settings->keys);
  return baken_root_new_anchor (settings->root_keys,
                                MIN (settings->root_threshold, settings->root_keys->len),
                                content_keys);
}

BakenRoot *
baken_sync_trust_load (BakenStore  *store,
                       BakenState  *state,
                       BakenRoot   *anchor,
                       GError     **error)
{
  g_autoptr(BakenRoot) root = NULL;
  g_auto(BakenInstalled) installed = { 0 };

  g_return_val_if_fail (BAKEN_IS_STORE (store), NULL);
  g_return_val_if_fail (BAKEN_IS_STATE (state), NULL);
  g_return_val_if_fail (anchor != NULL, NULL);

  root = baken_store_load_root (store, anchor, error);
  if (root == NULL || !baken_state_get_installed (state, &installed, error))
    return NULL;

  if (root->version > installed.root_version)
    {
      g_message ("The state DB knows root version %u, the stored root keys document is "
                 "version %u: the state follows the document", installed.root_version,
                 root->version);
      if (!record_root (state, root, error))
        return NULL;
    }
  else if (root->version < installed.root_version)
    {
      g_message ("The root keys document of version %u is missing or damaged (the newest "
                 "that verifies is version %u): no bundle is trusted until a sync takes "
                 "version %u again", installed.root_version, root->version,
                 installed.root_version);
    }

  return g_steal_pointer (&root);
}

GPtrArray *
baken_sync_trust_keys (BakenRoot *root,
                       guint      root_version)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);

  g_return_val_if_fail (root != NULL, keys);

  if (root->version < root_version)
    return keys;
  for (guint i = 0; i < root->content_keys->len; i++)
    g_ptr_array_add (keys, baken_minisign_public_key_ref (g_ptr_array_index (root->content_keys, i)));

  return keys;
}

gboolean
baken_sync_trust_apply (BakenStore  *store,
                        BakenState  *state,
                        BakenRoot   *root,
                        GError     **error)
{
  g_autofree char *content_keys = NULL;

  g_return_val_if_fail (BAKEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (BAKEN_IS_STATE (state), FALSE);
  g_return_val_if_fail (root != NULL && root->version > 0, FALSE);

  /* The document first: the state is rebuilt from it, never the other way round. */
  if (!baken_store_save_root (store, root, error) || !record_root (state, root, error))
    return FALSE;

  content_keys = baken_root_format_key_ids (root->content_keys);
  g_message ("Took the root keys document version %u: bundles are now signed by %s, and "
             "the rollback floor starts again for them", root->version, content_keys);
  return TRUE;
}
