/* baken-sync-job.c: one sync attempt — fetch, check, verify, install, record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in a worker thread (or a tool's main thread) with its own HTTP session, store and
 * state DB connection. The order of the checks is the design's: signature, serial,
 * dates, sizes, hashes, then the full bundle verification, and only then the swap.
 * The reads are baken-sync-fetch.c's, the checks on the signed manifest
 * baken-sync-offer.c's; this file stages, verifies, installs and records.
 *
 * Built as the module baken-sync-http with those two, the only code that links libsoup:
 * baken-sync-runner.c looks _baken_sync_job_run () up at the first sync
 * (baken-module.h), so a start of the kiosk does not load libsoup and what it pulls in.
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include "baken-bundle.h"
#include "baken-manifest.h"
#include "baken-minisign.h"
#include "baken-store.h"
#include "baken-store-reconcile.h"
#include "baken-store-root.h"
#include "baken-sync-fetch.h"
#include "baken-sync-offer.h"
#include "baken-sync-private.h"
#include "baken-sync-root.h"
#include "baken-sync-trust.h"

/* Room to keep on the disk besides the download (the state DB must still be writable). */
#define DISK_MARGIN      (G_GUINT64_CONSTANT (8) * 1024 * 1024)

typedef struct
{
  BakenSyncJob     *job;
  BakenSyncOutcome *outcome;
  GCancellable     *cancellable;
  BakenSyncFetch   *fetch;       /* (owned) (nullable) while the files are read */
  char             *etag;        /* (owned) (nullable) of the manifest just fetched */
  BakenRoot        *root;        /* (owned) the root in force */
  GPtrArray        *keys;        /* (owned) the keys bundles must be signed by */
} Attempt;

/* The short name of baken_sync_fail (baken-sync-private.h). */
#define fail baken_sync_fail

static gboolean
write_staged (BakenStore  *store,
              const char  *name,
              GBytes      *bytes,
              GError     **error)
{
  g_autofree char *path = g_build_filename (baken_store_get_staging_dir (store), name, NULL);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_NONE, 0644,
                                 &local_error))
    return fail (error, BAKEN_SYNC_ERROR_DISK, "Cannot write %s to staging: %s", name,
                 local_error->message);

  return TRUE;
}

static gboolean
check_free_space (BakenStore  *store,
                  guint64      needed,
                  GError     **error)
{
  g_autoptr(GFile) dir = g_file_new_for_path (baken_store_get_staging_dir (store));
  g_autoptr(GFileInfo) info = g_file_query_filesystem_info (dir,
                                                            G_FILE_ATTRIBUTE_FILESYSTEM_FREE,
                                                            NULL, NULL);
  guint64 free_bytes;

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
    return TRUE;  /* unknown: writing will tell */

  free_bytes = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
  if (free_bytes < needed + DISK_MARGIN)
    return fail (error, BAKEN_SYNC_ERROR_DISK,
                 "Not enough free disk space: the bundle needs %" G_GUINT64_FORMAT
                 " bytes and %" G_GUINT64_FORMAT " are free", needed, free_bytes);

  return TRUE;
}

/* A manifest belongs to the root version in force, or it is refused. */
static gboolean
check_root_version (Attempt     *attempt,
                    guint        root_version,
                    GError     **error)
{
  guint in_force = attempt->root->version;

  if (root_version < in_force)
    return fail (error, BAKEN_SYNC_ERROR_ROOT, "Refused: the manifest belongs to root "
                 "version %u, but this kiosk is at root version %u (content signed before "
                 "a key rotation)", root_version, in_force);
  if (root_version > in_force)
    return fail (error, BAKEN_SYNC_ERROR_ROOT, "Refused: the manifest belongs to root "
                 "version %u, but this kiosk is at root version %u; publish " BAKEN_ROOT_NAME
                 " and its signatures (and " BAKEN_ROOT_VERSION_PATTERN " for each version "
                 "between) beside the bundle", root_version, in_force, in_force + 1);
  return TRUE;
}

/* When the manifest names another root version than the one in force, the root keys
 * document published beside it is read and, when it chains, taken: saved, recorded, and
 * its content keys are what the manifest is checked with. Only the version is read from
 * the manifest before its signature is checked, to know which keys check it; a manifest
 * whose version still differs is refused (and would be after the check too). Returns
 * INSTALLED to go on, else the result (error set). */
static BakenSyncResult
take_offered_root (Attempt         *attempt,
                   BakenStore      *store,
                   BakenState      *state,
                   GBytes          *manifest_bytes,
                   BakenInstalled  *installed,
                   GError         **error)
{
  g_autoptr(BakenManifest) unchecked = NULL;
  g_autoptr(BakenRoot) offered = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (manifest_bytes, &length);

  unchecked = baken_manifest_parse (data, length, NULL);
  if (unchecked == NULL || unchecked->root_version == attempt->root->version)
    return BAKEN_SYNC_RESULT_INSTALLED;

  offered = baken_sync_root_fetch (attempt->fetch, attempt->root, error);
  if (offered == NULL && *error != NULL)
    return (*error)->code >= BAKEN_SYNC_ERROR_REDIRECT ? BAKEN_SYNC_RESULT_REFUSED
                                                       : BAKEN_SYNC_RESULT_FAILED;
  if (offered != NULL)
    {
      if (!baken_sync_trust_apply (store, state, offered, &local_error))
        {
          fail (error, BAKEN_SYNC_ERROR_DISK, "Cannot take the root keys document "
                "version %u: %s", offered->version, local_error->message);
          return BAKEN_SYNC_RESULT_FAILED;
        }
      g_clear_pointer (&attempt->root, baken_root_unref);
      attempt->root = baken_root_ref (offered);
      g_clear_pointer (&attempt->keys, g_ptr_array_unref);
      attempt->keys = baken_sync_trust_keys (offered, offered->version);
      baken_installed_clear (installed);
      if (!baken_state_get_installed (state, installed, error))
        {
          g_prefix_error (error, "State DB: ");
          return BAKEN_SYNC_RESULT_FAILED;
        }
    }

  return check_root_version (attempt, unchecked->root_version, error)
         ? BAKEN_SYNC_RESULT_INSTALLED : BAKEN_SYNC_RESULT_REFUSED;
}

/* The attempt up to and including the swap. Returns the result; error set unless
 * INSTALLED or UNCHANGED. */
static BakenSyncResult
attempt_sync (Attempt     *attempt,
              BakenStore  *store,
              BakenState  *state,
              GError     **error)
{
  BakenSyncJob *job = attempt->job;
  g_auto(BakenInstalled) installed = { 0 };
  g_auto(BakenSyncStatus) status = { 0 };
  g_autoptr(GBytes) manifest_bytes = NULL;
  g_autoptr(GBytes) signature_bytes = NULL;
  g_autoptr(BakenMinisignSignature) signature = NULL;
  BakenMinisignPublicKey *signer = NULL;   /* (unowned): one of attempt->keys */
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(BakenVerifiedBundle) verified = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *content_name = NULL;
  g_autofree char *icon_cache = NULL;
  const BakenManifestFile *content;
  const char *etag = NULL;
  gboolean not_modified = FALSE, unchanged = FALSE, installed_ok;
  BakenSyncResult result;
  guint64 current, previous;
  gint64 start;
  gsize length;
  const char *data;

  if (!baken_state_get_installed (state, &installed, error) ||
      !baken_state_get_sync_status (state, &status, error))
    {
      g_prefix_error (error, "State DB: ");
      return BAKEN_SYNC_RESULT_FAILED;
    }

  /* 1. The manifest: conditional when the last one we checked came from this URL and
   * its bundle is still what we have. */
  start = g_get_monotonic_time ();
  installed_ok = baken_sync_offer_installed_intact (store, &installed, attempt->keys);
  if (job->url != NULL && status.etag != NULL &&
      g_strcmp0 (status.etag_url, job->url) == 0 && installed_ok)
    etag = status.etag;
  manifest_bytes = baken_sync_fetch_small (attempt->fetch, BAKEN_BUNDLE_MANIFEST_NAME,
                                           BAKEN_MANIFEST_MAX_SIZE, etag, &not_modified,
                                           error);
  if (not_modified)
    {
      attempt->outcome->serial = installed.floor_serial;
      attempt->outcome->download_us = g_get_monotonic_time () - start;
      return BAKEN_SYNC_RESULT_UNCHANGED;
    }
  if (manifest_bytes == NULL)
    return BAKEN_SYNC_RESULT_FAILED;

  /* 2. Its signature, checked before anything in the manifest is believed. */
  signature_bytes = baken_sync_fetch_small (attempt->fetch, BAKEN_BUNDLE_SIGNATURE_NAME,
                                            BAKEN_MINISIGN_MAX_FILE_SIZE, NULL, NULL, error);
  if (signature_bytes == NULL)
    return BAKEN_SYNC_RESULT_FAILED;

  /* 2b. A manifest of another root version: the root keys document beside it says which
   * keys sign it, and is taken first when it chains from the root in force. */
  result = take_offered_root (attempt, store, state, manifest_bytes, &installed, error);
  if (result != BAKEN_SYNC_RESULT_INSTALLED)
    return result;

  data = g_bytes_get_data (signature_bytes, &length);
  signature = baken_minisign_signature_new_from_data (data, length, &local_error);
  if (signature != NULL)
    {
      data = g_bytes_get_data (manifest_bytes, &length);
      signer = baken_minisign_signature_verify (signature, attempt->keys,
                                                (const guint8 *) data, length, &local_error);
    }
  if (signer == NULL)
    {
      fail (error, BAKEN_SYNC_ERROR_VERIFY, "The manifest signature is refused: %s",
            local_error->message);
      return BAKEN_SYNC_RESULT_REFUSED;
    }

  data = g_bytes_get_data (manifest_bytes, &length);
  manifest = baken_manifest_parse (data, length, &local_error);
  if (manifest == NULL)
    {
      fail (error, BAKEN_SYNC_ERROR_VERIFY, "The manifest is refused: %s",
            local_error->message);
      return BAKEN_SYNC_RESULT_REFUSED;
    }
  attempt->outcome->serial = manifest->serial;

  /* 3. The root version it belongs to, then serial, created, expires, sizes. */
  if (!check_root_version (attempt, manifest->root_version, error))
    return BAKEN_SYNC_RESULT_REFUSED;
  if (!baken_sync_offer_check (manifest, &installed, installed_ok, job->now, &unchanged,
                               error))
    {
      attempt->outcome->download_us = g_get_monotonic_time () - start;
      return unchanged ? BAKEN_SYNC_RESULT_UNCHANGED : BAKEN_SYNC_RESULT_REFUSED;
    }
  content_name = g_strdup_printf (BAKEN_BUNDLE_CONTENT_PATTERN, manifest->serial);
  content = baken_manifest_find_file (manifest, content_name);

  /* 4. Staging: the two small files as they were signed, then the content. */
  if (!check_free_space (store, content->size + length, error) ||
      !baken_store_clear_staging (store, &local_error) ||
      !write_staged (store, BAKEN_BUNDLE_MANIFEST_NAME, manifest_bytes, error) ||
      !write_staged (store, BAKEN_BUNDLE_SIGNATURE_NAME, signature_bytes, error) ||
      !baken_store_write_root_files (baken_store_get_staging_dir (store), attempt->root,
                                     &local_error))
    {
      if (local_error != NULL)
        fail (error, BAKEN_SYNC_ERROR_DISK, "%s", local_error->message);
      return BAKEN_SYNC_RESULT_FAILED;
    }
  baken_fault_point ("manifest staged");

  if (!baken_sync_fetch_file (attempt->fetch, content, baken_store_get_staging_dir (store),
                              error))
    {
      attempt->outcome->download_us = g_get_monotonic_time () - start;
      return (*error)->code >= BAKEN_SYNC_ERROR_REDIRECT ? BAKEN_SYNC_RESULT_REFUSED
                                                         : BAKEN_SYNC_RESULT_FAILED;
    }
  attempt->outcome->download_us = g_get_monotonic_time () - start;

  /* 5. Everything again, and the DB and its icons, in staging. */
  start = g_get_monotonic_time ();
  now = g_date_time_new_from_unix_utc (job->now);
  /* A pass of the icon check is remembered, so the kiosk does not run it again when it
   * verifies the installed bundle for showing. */
  icon_cache = g_build_filename (job->state_dir, BAKEN_BUNDLE_ICON_CACHE_NAME, NULL);
  verified = baken_bundle_verify_cached (baken_store_get_staging_dir (store), attempt->keys,
                                         now, icon_cache, NULL, NULL, &local_error);
  attempt->outcome->verify_us = g_get_monotonic_time () - start;
  if (verified == NULL)
    {
      fail (error, BAKEN_SYNC_ERROR_VERIFY, "The bundle is refused: %s", local_error->message);
      return BAKEN_SYNC_RESULT_REFUSED;
    }
  if (verified->serial != manifest->serial ||
      g_strcmp0 (verified->content_sha256, content->sha256) != 0)
    {
      fail (error, BAKEN_SYNC_ERROR_VERIFY, "The staged bundle changed while it was verified");
      return BAKEN_SYNC_RESULT_REFUSED;
    }
  g_clear_pointer (&verified, baken_verified_bundle_free);
  baken_fault_point ("verified");

  /* 6. The swap, then the record of it. */
  start = g_get_monotonic_time ();
  if (!baken_store_install (store, manifest->serial, &local_error) ||
      !baken_store_read_pointer (store, &current, &previous, &local_error))
    {
      fail (error, BAKEN_SYNC_ERROR_DISK, "Cannot install the bundle: %s",
            local_error->message);
      return BAKEN_SYNC_RESULT_FAILED;
    }

  installed.serial = manifest->serial;
  g_free (installed.sha256);
  installed.sha256 = g_strdup (content->sha256);
  installed.created = g_date_time_to_unix (manifest->created);
  installed.expires = g_date_time_to_unix (manifest->expires);
  installed.previous_serial = previous;
  installed.floor_serial = manifest->serial;
  g_free (installed.floor_sha256);
  installed.floor_sha256 = g_strdup (content->sha256);
  installed.floor_created = MAX (installed.floor_created, installed.created);
  installed.open_failures = 0;
  if (!baken_state_set_installed (state, &installed, &local_error))
    {
      /* The pointer is switched; the next start reconciles the record. */
      fail (error, BAKEN_SYNC_ERROR_DISK, "Installed, but cannot record it: %s",
            local_error->message);
      return BAKEN_SYNC_RESULT_INSTALLED;
    }
  baken_fault_point ("state recorded");

  /* After a rotation the bundle before it is no fallback. */
  if (!baken_store_drop_older_previous (store, state, &local_error))
    {
      g_debug ("Dropping the previous bundle: %s", local_error->message);
      g_clear_error (&local_error);
    }
  if (!baken_store_clean_up (store, &local_error))
    g_debug ("Cleaning up old bundles: %s", local_error->message);
  attempt->outcome->install_us = g_get_monotonic_time () - start;

  return BAKEN_SYNC_RESULT_INSTALLED;
}

BakenSyncOutcome *
_baken_sync_job_run (BakenSyncJob  *job,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(BakenSyncOutcome) outcome = g_new0 (BakenSyncOutcome, 1);
  g_autoptr(BakenStore) store = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *state_path = NULL;
  Attempt attempt = { 0 };
  gboolean keep_etag, rebuilt;

  store = baken_store_new (job->state_dir, error);
  if (store == NULL)
    return NULL;
  state_path = baken_store_get_state_path (store);
  state = baken_state_open_or_rebuild (state_path, &rebuilt, error);
  if (state == NULL)
    return NULL;
  attempt.root = baken_sync_trust_load (store, state, job->anchor, error);
  if (attempt.root == NULL || !baken_state_get_installed (state, &job->installed, error))
    goto out;
  attempt.keys = baken_sync_trust_keys (attempt.root, job->installed.root_version);
  /* Damaged since the kiosk started: the new DB knows no floor until reconciled. */
  if (rebuilt && !baken_store_reconcile (store, state, attempt.keys, error))
    goto out;

  outcome->source = g_strdup (job->folder != NULL ? job->folder : job->url);
  attempt.job = job;
  attempt.outcome = outcome;
  attempt.cancellable = cancellable;

  if (job->folder == NULL && job->url == NULL)
    {
      outcome->source = g_strdup ("(none)");
      fail (&local_error, BAKEN_SYNC_ERROR_NOT_CONFIGURED,
            "No [sync] url is configured");
      outcome->result = BAKEN_SYNC_RESULT_FAILED;
    }
  else
    {
      attempt.fetch = baken_sync_fetch_new (job, outcome, attempt.cancellable);
      outcome->result = attempt_sync (&attempt, store, state, &local_error);
      attempt.etag = g_strdup (baken_sync_fetch_get_etag (attempt.fetch));
      g_clear_pointer (&attempt.fetch, baken_sync_fetch_free);
    }

  /* A failure is transient or a refusal by its code, wherever it happened. */
  if ((outcome->result == BAKEN_SYNC_RESULT_FAILED ||
       outcome->result == BAKEN_SYNC_RESULT_REFUSED) &&
      local_error != NULL && local_error->domain == BAKEN_SYNC_ERROR)
    outcome->result = local_error->code >= BAKEN_SYNC_ERROR_REDIRECT
                      ? BAKEN_SYNC_RESULT_REFUSED : BAKEN_SYNC_RESULT_FAILED;

  /* Whatever happened, staging is left empty. */
  if (outcome->result != BAKEN_SYNC_RESULT_INSTALLED)
    {
      g_autoptr(GError) clear_error = NULL;

      if (!baken_store_clear_staging (store, &clear_error))
        g_debug ("Clearing staging: %s", clear_error->message);
    }

  /* Remember the ETag only of a manifest that verified and is what we have. */
  keep_etag = outcome->result == BAKEN_SYNC_RESULT_INSTALLED ||
              outcome->result == BAKEN_SYNC_RESULT_UNCHANGED;
  {
    g_autoptr(GError) record_error = NULL;
    g_auto(BakenSyncStatus) before = { 0 };
    const char *etag = attempt.etag;

    /* A 304 keeps the ETag we sent. */
    if (keep_etag && etag == NULL && job->url != NULL &&
        baken_state_get_sync_status (state, &before, NULL) &&
        g_strcmp0 (before.etag_url, job->url) == 0)
      etag = before.etag;

    if (!baken_state_record_sync (state, job->now, outcome->source, outcome->result,
                                  outcome->serial,
                                  local_error != NULL ? local_error->message : NULL,
                                  keep_etag ? etag : NULL,
                                  keep_etag ? job->url : NULL, &record_error))
      g_debug ("Recording the sync: %s", record_error->message);
  }
  g_free (attempt.etag);
  baken_fault_point ("recorded");

  baken_installed_clear (&job->installed);
  baken_sync_status_clear (&job->status);
  baken_state_get_installed (state, &job->installed, NULL);
  baken_state_get_sync_status (state, &job->status, NULL);
  job->root = g_steal_pointer (&attempt.root);

  outcome->error = g_steal_pointer (&local_error);
  g_clear_pointer (&attempt.keys, g_ptr_array_unref);
  return g_steal_pointer (&outcome);

out:
  g_clear_pointer (&attempt.root, baken_root_unref);
  g_clear_pointer (&attempt.keys, g_ptr_array_unref);
  return NULL;
}
