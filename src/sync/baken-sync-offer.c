/* baken-sync-offer.c: whether a signed manifest may replace the installed bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policy an offered bundle meets before its content is fetched: one content file,
 * no rollback or replay, not older than the content already accepted, not expired,
 * not larger than the kiosk accepts. Part of the module baken-sync-http.
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include "baken-sync-offer.h"

#include "baken-bundle.h"
#include "baken-store-reconcile.h"
#include "baken-sync-private.h"
#include "baken-sync.h"

/* The short name of baken_sync_fail (baken-sync-private.h). */
#define fail baken_sync_fail

/* Whether the bundle at the floor, offered again, is "unchanged": when it is installed
 * and intact, or when the kiosk fell back from it (it failed to open here; taking it
 * again would only fail again). Nothing installed, or a damaged copy: it is taken
 * again. */
gboolean
baken_sync_offer_installed_intact (BakenStore            *store,
                                   const BakenInstalled  *installed,
                                   GPtrArray             *keys)
{
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(GError) local_error = NULL;

  if (installed->serial == 0)
    return FALSE;
  if (installed->serial != installed->floor_serial)
    return TRUE;

  bundle = baken_store_verify_bundle (store, installed->serial, keys, &local_error);
  if (bundle == NULL)
    {
      g_message ("%s: the same bundle is taken again", local_error->message);
      return FALSE;
    }

  return g_strcmp0 (bundle->content_sha256, installed->sha256) == 0;
}

/* The checks that need only the signed manifest, before the content is fetched.
 * Returns FALSE with *unchanged TRUE (and no error) when this is the installed bundle
 * and installed_ok says it is intact. */
gboolean
baken_sync_offer_check (BakenManifest         *manifest,
                        const BakenInstalled  *installed,
                        gboolean               installed_ok,
                        gint64                 now,
                        gboolean              *unchanged,
                        GError               **error)
{
  g_autofree char *content_name = g_strdup_printf (BAKEN_BUNDLE_CONTENT_PATTERN,
                                                   manifest->serial);
  const BakenManifestFile *content = baken_manifest_find_file (manifest, content_name);
  gint64 created = g_date_time_to_unix (manifest->created);
  gint64 expires = g_date_time_to_unix (manifest->expires);

  *unchanged = FALSE;

  if (content == NULL || manifest->files->len != 1)
    return fail (error, BAKEN_SYNC_ERROR_VERIFY,
                 "The manifest must list exactly one file, %s", content_name);

  if (manifest->serial < installed->floor_serial)
    return fail (error, BAKEN_SYNC_ERROR_ROLLBACK,
                 "Rollback refused: serial %" G_GUINT64_FORMAT " is lower than the "
                 "installed %" G_GUINT64_FORMAT, manifest->serial, installed->floor_serial);
  if (manifest->serial == installed->floor_serial)
    {
      if (g_strcmp0 (content->sha256, installed->floor_sha256) == 0 && installed_ok)
        {
          *unchanged = TRUE;
          return FALSE;
        }
      /* The installed copy is damaged or gone: taken again, with every check below. */
      if (g_strcmp0 (content->sha256, installed->floor_sha256) != 0)
        return fail (error, BAKEN_SYNC_ERROR_REPLAY,
                   "Replay refused: serial %" G_GUINT64_FORMAT " is installed with other "
                   "content; publish changes under a higher serial", manifest->serial);
    }
  if (created < installed->floor_created)
    {
      g_autoptr(GDateTime) floor = g_date_time_new_from_unix_utc (installed->floor_created);
      g_autofree char *floor_text = baken_manifest_format_time (floor);
      g_autofree char *created_text = baken_manifest_format_time (manifest->created);

      return fail (error, BAKEN_SYNC_ERROR_OLDER,
                   "Refused: created %s is before the installed content's %s",
                   created_text, floor_text);
    }
  /* A clock that runs behind is logged, never a reason to refuse: expiry is judged at
   * the latest of now, this bundle's created and the newest created this kiosk has
   * accepted, so a wrong clock can neither empty the kiosk nor revive old content. */
  if (created > now + BAKEN_BUNDLE_CLOCK_SKEW)
    g_message ("The bundle was created %" G_GINT64_FORMAT " min after the time here: the "
               "clock of this kiosk runs behind; check its time sync", (created - now) / 60);
  if (expires <= MAX (now, MAX (created, installed->floor_created)))
    {
      g_autofree char *text = baken_manifest_format_time (manifest->expires);

      return fail (error, BAKEN_SYNC_ERROR_VERIFY, "The bundle expired at %s", text);
    }
  if (content->size > BAKEN_BUNDLE_MAX_CONTENT_SIZE)
    return fail (error, BAKEN_SYNC_ERROR_TOO_LARGE,
                 "%s declares %" G_GUINT64_FORMAT " bytes, more than the kiosk accepts",
                 content_name, content->size);

  return TRUE;
}
