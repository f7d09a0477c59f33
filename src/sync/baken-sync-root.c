/* baken-sync-root.c: a root keys document offered beside a bundle, fetched and chained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the module baken-sync-http. Nothing here is saved: the attempt takes the
 * root it returns (baken-sync-trust.h).
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include "baken-sync-root.h"

#include "baken-sync-private.h"

/* The short name of baken_sync_fail (baken-sync-private.h). */
#define fail baken_sync_fail

static gboolean
refuse (GError      **error,
        const GError *reason)
{
  return fail (error, BAKEN_SYNC_ERROR_ROOT, "The root keys document is refused: %s",
               reason->message);
}

/* name and name.minisig from the source; found FALSE when name is not there. */
static gboolean
fetch_pair (BakenSyncFetch  *fetch,
            const char      *name,
            GBytes         **data,
            GBytes         **signatures,
            gboolean        *found,
            GError         **error)
{
  g_autofree char *sig_name = g_strconcat (name, ".minisig", NULL);
  gboolean sig_found;

  *data = baken_sync_fetch_optional (fetch, name, BAKEN_ROOT_MAX_SIZE, found, error);
  if (*data == NULL)
    return !*found;

  *signatures = baken_sync_fetch_optional (fetch, sig_name, BAKEN_ROOT_MAX_SIGNATURES_SIZE,
                                           &sig_found, error);
  if (*signatures == NULL && !sig_found)
    return fail (error, BAKEN_SYNC_ERROR_ROOT, "The root keys document is refused: %s is "
                 "published without %s; publish the signatures beside it", name, sig_name);
  return *signatures != NULL;
}

BakenRoot *
baken_sync_root_fetch (BakenSyncFetch  *fetch,
                       BakenRoot       *trusted,
                       GError         **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) signatures = NULL;
  g_autoptr(BakenRoot) offered = NULL;
  g_autoptr(BakenRoot) chain = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean found;

  g_return_val_if_fail (fetch != NULL, NULL);
  g_return_val_if_fail (trusted != NULL, NULL);

  if (!fetch_pair (fetch, BAKEN_ROOT_NAME, &data, &signatures, &found, error) || !found)
    return NULL;
  if (trusted->data != NULL && g_bytes_equal (trusted->data, data))
    return NULL;
  /* Without root keys nothing chains: the kiosk stays with its configured keys, and a
   * manifest that needs the root is refused for that. */
  if (trusted->threshold == 0)
    {
      g_message ("The source offers %s, but this kiosk has no [sync] root-keys; it keeps "
                 "its configured public-keys", BAKEN_ROOT_NAME);
      return NULL;
    }

  /* Read only to know which older versions to fetch: every document is verified below
   * before anything in it counts. */
  offered = baken_root_parse (data, &local_error);
  if (offered == NULL)
    return refuse (error, local_error), NULL;

  chain = baken_root_ref (trusted);
  if (offered->version > trusted->version + 1 &&
      offered->version - trusted->version <= BAKEN_SYNC_ROOT_MAX_STEPS)
    for (guint v = trusted->version + 1; v < offered->version; v++)
      {
        g_autofree char *name = g_strdup_printf (BAKEN_ROOT_VERSION_PATTERN, v);
        g_autoptr(GBytes) step_data = NULL;
        g_autoptr(GBytes) step_signatures = NULL;
        BakenRoot *next;

        if (!fetch_pair (fetch, name, &step_data, &step_signatures, &found, error))
          return NULL;
        /* Not published: verifying keys.json says that a version is skipped. */
        if (!found)
          break;
        next = baken_root_verify_next (chain, name, step_data, step_signatures, &local_error);
        if (next == NULL)
          return refuse (error, local_error), NULL;
        baken_root_unref (chain);
        chain = next;
      }

  g_clear_pointer (&offered, baken_root_unref);
  offered = baken_root_verify_next (chain, BAKEN_ROOT_NAME, data, signatures, &local_error);
  if (offered == NULL)
    return refuse (error, local_error), NULL;

  return g_steal_pointer (&offered);
}
