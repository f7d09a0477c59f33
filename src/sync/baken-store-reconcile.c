/* baken-store-reconcile.c: the installed bundles checked, and the store and state DB
 * brought in line with them at startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Uses the store (baken-store.h) for the files and the pointer; the installed bundles
 * are the truth, the pointer and the state DB's record are made to agree with them.
 */
#define G_LOG_DOMAIN "baken-store"

#include "config.h"

#include "baken-store-reconcile.h"

#include "baken-bundle.h"
#include "baken-manifest.h"
#include "baken-store.h"

/* Reads what the state needs to know from an installed bundle's manifest, and the root
 * version it belongs to (root_version nullable); installed->root_version is left as it
 * is (the state's). */
static gboolean
read_installed_manifest (BakenStore      *self,
                         guint64          serial,
                         BakenInstalled  *installed,
                         guint           *root_version,
                         GError         **error)
{
  g_autofree char *dir = baken_store_get_bundle_dir (self, serial);
  g_autofree char *path = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *content = g_strdup_printf ("content-%" G_GUINT64_FORMAT ".sqlite", serial);
  g_autoptr(BakenManifest) manifest = NULL;
  g_autofree char *data = NULL;
  const BakenManifestFile *file;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  manifest = baken_manifest_parse (data, length, error);
  if (manifest == NULL)
    return FALSE;
  file = baken_manifest_find_file (manifest, content);
  if (manifest->serial != serial || file == NULL)
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT,
                   "%s does not describe bundle %" G_GUINT64_FORMAT, path, serial);
      return FALSE;
    }

  installed->serial = serial;
  g_free (installed->sha256);
  installed->sha256 = g_strdup (file->sha256);
  installed->created = g_date_time_to_unix (manifest->created);
  installed->expires = g_date_time_to_unix (manifest->expires);
  if (root_version != NULL)
    *root_version = manifest->root_version;

  return TRUE;
}

/* The pointer is unreadable, but the bundles it pointed to may be intact: they are the
 * truth. The newest that verifies becomes current, the next one previous; a bundle that
 * does not verify is left for baken_store_clean_up (). */
static gboolean
rebuild_pointer (BakenStore  *self,
                 GPtrArray   *keys,
                 GError     **error)
{
  g_autoptr(GArray) serials = baken_store_list_bundles (self, error);
  guint64 found[2] = { 0, 0 };
  guint n_found = 0;

  if (serials == NULL)
    return FALSE;

  for (guint i = 0; i < serials->len && n_found < G_N_ELEMENTS (found); i++)
    {
      guint64 serial = g_array_index (serials, guint64, i);
      g_autoptr(BakenVerifiedBundle) bundle = NULL;
      g_autoptr(GError) local_error = NULL;

      bundle = baken_store_verify_bundle (self, serial, keys, &local_error);
      if (bundle == NULL)
        {
          g_message ("Rebuilding the pointer: %s", local_error->message);
          continue;
        }
      found[n_found++] = serial;
    }

  g_message ("The pointer %s was damaged; rebuilt from the bundles that verify: current %"
             G_GUINT64_FORMAT ", previous %" G_GUINT64_FORMAT,
             baken_store_get_pointer_path (self), found[0], found[1]);

  return baken_store_write_pointer (self, found[0], found[1], error);
}

/* Raises the floors to the bundle serial (the current or previous one) when it is
 * higher, from its manifest, when it belongs to the root version in force: the floors of
 * an older root (a leaked key's serials) do not count after a rotation. */
static gboolean
raise_floor (BakenStore      *self,
             guint64          serial,
             BakenInstalled  *installed,
             GError         **error)
{
  g_auto(BakenInstalled) bundle = { 0 };
  guint root_version;

  if (serial == 0 || serial <= installed->floor_serial)
    return TRUE;
  if (!read_installed_manifest (self, serial, &bundle, &root_version, error))
    return FALSE;
  if (root_version != installed->root_version)
    return TRUE;

  installed->floor_serial = serial;
  g_free (installed->floor_sha256);
  installed->floor_sha256 = g_steal_pointer (&bundle.sha256);
  installed->floor_created = MAX (installed->floor_created, bundle.created);

  return TRUE;
}

/* A previous bundle of an older root version is no fallback: its key may be the one the
 * rotation revoked, and going back to it would undo the rotation. */
static gboolean
drop_older_previous (BakenStore      *self,
                     BakenInstalled  *installed,
                     guint64         *current,
                     guint64         *previous,
                     GError         **error)
{
  g_auto(BakenInstalled) bundle = { 0 };
  g_autoptr(GError) local_error = NULL;
  guint root_version;

  if (*previous == 0 || installed->root_version == 0)
    return TRUE;
  if (read_installed_manifest (self, *previous, &bundle, &root_version, &local_error) &&
      root_version >= installed->root_version)
    return TRUE;

  g_message ("Bundle %" G_GUINT64_FORMAT " belongs to an older root version than %u: it is "
             "no longer kept for fallback", *previous, installed->root_version);
  *previous = 0;
  return baken_store_write_pointer (self, *current, 0, error) &&
         baken_store_clean_up (self, error);
}

BakenVerifiedBundle *
baken_store_verify_bundle (BakenStore  *self,
                           guint64      serial,
                           GPtrArray   *keys,
                           GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *icon_cache = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(BakenInstalled) described = { 0 };
  BakenVerifiedBundle *bundle;

  g_return_val_if_fail (BAKEN_IS_STORE (self), NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  /* The manifest is only read for the time to verify at; the verification checks its
   * signature. Freshness was judged when the bundle was installed: an installed bundle
   * stays valid after it expired (the staff see the stale notice). */
  dir = baken_store_get_bundle_dir (self, serial);
  if (!read_installed_manifest (self, serial, &described, NULL, &local_error))
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT,
                   "Bundle %" G_GUINT64_FORMAT " does not verify: %s", serial,
                   local_error->message);
      return NULL;
    }
  at = g_date_time_new_from_unix_utc (MAX (described.expires - 1, described.created));
  icon_cache = g_build_filename (baken_store_get_dir (self), BAKEN_BUNDLE_ICON_CACHE_NAME, NULL);

  bundle = baken_bundle_verify_cached (dir, keys, at, icon_cache, NULL, NULL, &local_error);
  if (bundle == NULL)
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT,
                   "Bundle %" G_GUINT64_FORMAT " does not verify: %s", serial,
                   local_error->message);
      return NULL;
    }
  if (bundle->serial != serial)
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT,
                   "bundles/%" G_GUINT64_FORMAT " holds bundle %" G_GUINT64_FORMAT,
                   serial, bundle->serial);
      baken_verified_bundle_free (bundle);
      return NULL;
    }

  return bundle;
}

gboolean
baken_store_reconcile (BakenStore  *self,
                       BakenState  *state,
                       GPtrArray   *keys,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(BakenInstalled) installed = { 0 };
  guint64 current, previous;

  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (BAKEN_IS_STATE (state), FALSE);
  g_return_val_if_fail (keys != NULL, FALSE);

  if (!baken_store_clear_staging (self, error))
    return FALSE;

  if (!baken_store_read_pointer (self, &current, &previous, &local_error))
    {
      if (!g_error_matches (local_error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Cannot happen with an atomic rename; a damaged disk can. The pointer is only a
       * cache of which bundles are installed: rebuild it from them. */
      g_clear_error (&local_error);
      if (!rebuild_pointer (self, keys, error) ||
          !baken_store_read_pointer (self, &current, &previous, error))
        return FALSE;
    }

  /* A pointer to a bundle that is gone: fall back to what is there. */
  {
    g_autofree char *prev_path = previous ? baken_store_get_content_path (self, previous) : NULL;
    g_autofree char *cur_path = current ? baken_store_get_content_path (self, current) : NULL;

    guint64 was_current = current, was_previous = previous;

    if (previous != 0 && !g_file_test (prev_path, G_FILE_TEST_IS_REGULAR))
      previous = 0;
    if (current != 0 && !g_file_test (cur_path, G_FILE_TEST_IS_REGULAR))
      {
        current = previous;
        previous = 0;
      }
    if ((current != was_current || previous != was_previous) &&
        !baken_store_write_pointer (self, current, previous, error))
      return FALSE;
  }

  if (!baken_store_clean_up (self, error))
    return FALSE;

  if (!baken_state_get_installed (state, &installed, error))
    return FALSE;
  if (!drop_older_previous (self, &installed, &current, &previous, error))
    return FALSE;
  if (installed.serial == current && installed.previous_serial == previous &&
      installed.floor_serial >= MAX (current, previous))
    return TRUE;

  /* The count of failed opens belongs to the bundle that failed. */
  if (installed.serial != current)
    installed.open_failures = 0;

  /* A crash between the pointer swap and recording it (or a fallback): the pointer wins. */
  if (current == 0)
    {
      installed.serial = 0;
      g_clear_pointer (&installed.sha256, g_free);
      installed.created = installed.expires = 0;
    }
  else if (installed.serial != current &&
           !read_installed_manifest (self, current, &installed, NULL, error))
    return FALSE;

  installed.previous_serial = previous;
  /* A new state DB (the old one was damaged) knows no floor: the installed bundles say
   * what this kiosk accepted, so a rollback stays refused. */
  if (!raise_floor (self, current, &installed, error) ||
      !raise_floor (self, previous, &installed, error))
    return FALSE;
  if (installed.floor_serial != 0)
    installed.floor_created = MAX (installed.floor_created, installed.created);

  if (!baken_state_set_installed (state, &installed, error))
    return FALSE;
  baken_fault_point ("installed reconciled");
  return TRUE;
}

gboolean
baken_store_drop_older_previous (BakenStore  *self,
                                 BakenState  *state,
                                 GError     **error)
{
  g_auto(BakenInstalled) installed = { 0 };
  guint64 current, previous;

  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (BAKEN_IS_STATE (state), FALSE);

  if (!baken_state_get_installed (state, &installed, error) ||
      !baken_store_read_pointer (self, &current, &previous, error))
    return FALSE;
  if (previous == 0)
    return TRUE;
  if (!drop_older_previous (self, &installed, &current, &previous, error))
    return FALSE;
  if (installed.previous_serial == previous)
    return TRUE;

  installed.previous_serial = previous;
  return baken_state_set_installed (state, &installed, error);
}
