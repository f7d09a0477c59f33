/* baken-sync-job.c: one sync attempt — fetch, check, verify, install, record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in a worker thread (or a tool's main thread) with its own HTTP session, store and
 * state DB connection. The order of the checks is the design's: signature, serial,
 * dates, sizes, hashes, then the full bundle verification, and only then the swap.
 *
 * Built as the module baken-sync-http, the only code that links libsoup: baken-sync.c
 * looks _baken_sync_job_run () up at the first sync (baken-module.h), so a start of
 * the kiosk does not load libsoup and what it pulls in.
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include <libsoup/soup.h>

#include "baken-bundle.h"
#include "baken-manifest.h"
#include "baken-minisign.h"
#include "baken-store.h"
#include "baken-store-reconcile.h"
#include "baken-sync-private.h"

#define READ_CHUNK       (64 * 1024)
#define MAX_REDIRECTS    5
/* Room to keep on the disk besides the download (the state DB must still be writable). */
#define DISK_MARGIN      (G_GUINT64_CONSTANT (8) * 1024 * 1024)

typedef struct
{
  BakenSyncJob     *job;
  BakenSyncOutcome *outcome;
  GCancellable     *cancellable;
  SoupSession      *session;     /* (owned) (nullable) only for a URL */
  gint64            deadline;    /* monotonic µs; cancellable is cancelled then */
  char             *etag;        /* (owned) (nullable) of the manifest just fetched */
} Attempt;

static gboolean
fail (GError         **error,
      BakenSyncError   code,
      const char      *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError         **error,
      BakenSyncError   code,
      const char      *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, BAKEN_SYNC_ERROR, code, message);

  return FALSE;
}

static gboolean
fail_timeout (Attempt  *attempt,
              GError  **error)
{
  return fail (error, BAKEN_SYNC_ERROR_TIMEOUT, "The sync took longer than %u s",
               attempt->job->timeout_s);
}

/* The attempt's cancellable is cancelled at its deadline too: a cancellation from then
 * on is the deadline's. */
static gboolean
fail_cancelled (Attempt  *attempt,
                GError  **error)
{
  if (g_get_monotonic_time () >= attempt->deadline)
    return fail_timeout (attempt, error);

  return fail (error, BAKEN_SYNC_ERROR_CANCELLED, "The sync was cancelled");
}

static gboolean
check_deadline (Attempt  *attempt,
                GError  **error)
{
  if (g_cancellable_is_cancelled (attempt->cancellable))
    return fail_cancelled (attempt, error);
  if (g_get_monotonic_time () >= attempt->deadline)
    return fail_timeout (attempt, error);

  return TRUE;
}

static gboolean
map_io_error (Attempt     *attempt,
              GError      *io_error,
              const char  *what,
              GError     **error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return fail_cancelled (attempt, error);
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return fail (error, BAKEN_SYNC_ERROR_TIMEOUT, "%s: no data for %u s",
                 what, attempt->job->stall_s);

  return fail (error, BAKEN_SYNC_ERROR_NETWORK, "%s: %s", what, io_error->message);
}

/* Redirects stay on https (or on plain http to this computer when the configured URL
 * is such a test URL). */
static gboolean
redirect_allowed (Attempt *attempt,
                  GUri    *target)
{
  g_autofree char *text = g_uri_to_string (target);
  g_autoptr(GUri) origin = g_uri_parse (attempt->job->url, G_URI_FLAGS_NONE, NULL);

  if (!baken_sync_check_url (text, NULL))
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (origin), "https") == 0 &&
      g_ascii_strcasecmp (g_uri_get_scheme (target), "https") != 0)
    return FALSE;

  return TRUE;
}

/* Opens name in the source: for a URL a GET of name relative to the manifest URL
 * (conditional when etag is given; *not_modified then tells a 304), for a folder the
 * file. Returns NULL with *not_modified TRUE for a 304. */
static GInputStream *
open_source (Attempt     *attempt,
             const char  *name,
             const char  *etag,
             gboolean    *not_modified,
             GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  if (not_modified != NULL)
    *not_modified = FALSE;

  if (!check_deadline (attempt, error))
    return NULL;

  if (attempt->job->folder != NULL)
    {
      g_autofree char *path = g_build_filename (attempt->job->folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) local_error = NULL;
      GFileInputStream *stream = g_file_read (file, attempt->cancellable, &local_error);

      if (stream == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            fail_cancelled (attempt, error);
          else
            fail (error, BAKEN_SYNC_ERROR_MISSING, "Cannot read %s: %s", path,
                  local_error->message);
          return NULL;
        }
      return G_INPUT_STREAM (stream);
    }

  {
    g_autoptr(GUri) base = g_uri_parse (attempt->job->url, G_URI_FLAGS_NONE, NULL);

    uri = g_uri_parse_relative (base, name, G_URI_FLAGS_NONE, NULL);
    g_assert (uri != NULL);
  }

  for (guint hop = 0; ; hop++)
    {
      g_autoptr(SoupMessage) message = soup_message_new_from_uri ("GET", uri);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = g_uri_to_string (uri);
      guint status;

      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      if (etag != NULL)
        soup_message_headers_replace (soup_message_get_request_headers (message),
                                      "If-None-Match", etag);

      attempt->outcome->requests++;
      stream = soup_session_send (attempt->session, message, attempt->cancellable,
                                  &local_error);
      if (stream == NULL)
        {
          g_autofree char *what = g_strdup_printf ("Cannot fetch %s", text);

          map_io_error (attempt, local_error, what, error);
          return NULL;
        }

      status = soup_message_get_status (message);
      if (status == SOUP_STATUS_NOT_MODIFIED && etag != NULL)
        {
          *not_modified = TRUE;
          g_input_stream_close (stream, NULL, NULL);
          return NULL;
        }

      if (SOUP_STATUS_IS_REDIRECTION (status))
        {
          const char *location =
            soup_message_headers_get_one (soup_message_get_response_headers (message),
                                          "Location");
          g_autoptr(GUri) target = NULL;

          g_input_stream_close (stream, NULL, NULL);
          if (location == NULL)
            {
              fail (error, BAKEN_SYNC_ERROR_HTTP, "%s: HTTP %u without a Location", text,
                    status);
              return NULL;
            }
          if (hop >= MAX_REDIRECTS)
            {
              fail (error, BAKEN_SYNC_ERROR_HTTP, "%s: more than %d redirects", text,
                    MAX_REDIRECTS);
              return NULL;
            }
          target = g_uri_parse_relative (uri, location, G_URI_FLAGS_NONE, NULL);
          if (target == NULL || !redirect_allowed (attempt, target))
            {
              fail (error, BAKEN_SYNC_ERROR_REDIRECT,
                    "%s redirects to \"%s\"; only redirects to https are followed",
                    text, location);
              return NULL;
            }
          g_clear_pointer (&uri, g_uri_unref);
          uri = g_steal_pointer (&target);
          continue;
        }

      if (status != SOUP_STATUS_OK)
        {
          fail (error, BAKEN_SYNC_ERROR_HTTP, "%s: HTTP %u %s", text, status,
                soup_message_get_reason_phrase (message) != NULL
                  ? soup_message_get_reason_phrase (message) : "");
          return NULL;
        }

      if (etag != NULL || g_str_equal (name, BAKEN_BUNDLE_MANIFEST_NAME))
        {
          g_free (attempt->etag);
          attempt->etag = g_strdup (soup_message_headers_get_one (
            soup_message_get_response_headers (message), "ETag"));
        }

      return g_steal_pointer (&stream);
    }
}

/* Copies stream into out (a GOutputStream) or into bytes (a GByteArray), at most cap
 * bytes, feeding checksum; with exact, exactly cap bytes. */
static gboolean
copy_capped (Attempt        *attempt,
             GInputStream   *stream,
             const char     *name,
             guint64         cap,
             gboolean        exact,
             GOutputStream  *out,
             GByteArray     *bytes,
             GChecksum      *checksum,
             GError        **error)
{
  g_autofree guint8 *buffer = g_malloc (READ_CHUNK);
  guint64 total = 0;
  guint chunks = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n;

      if (!check_deadline (attempt, error))
        return FALSE;

      n = g_input_stream_read (stream, buffer, READ_CHUNK, attempt->cancellable, &local_error);
      if (n < 0)
        {
          g_autofree char *what = g_strdup_printf ("The download of %s broke off", name);

          return map_io_error (attempt, local_error, what, error);
        }
      if (n == 0)
        break;

      attempt->outcome->bytes += n;
      if (total + n > cap)
        return fail (error, BAKEN_SYNC_ERROR_TOO_LARGE,
                     "%s is larger than %s (%" G_GUINT64_FORMAT " bytes)", name,
                     exact ? "the manifest says" : "allowed", cap);
      total += n;

      if (checksum != NULL)
        g_checksum_update (checksum, buffer, n);
      if (bytes != NULL)
        g_byte_array_append (bytes, buffer, n);
      if (out != NULL && !g_output_stream_write_all (out, buffer, n, NULL, NULL, &local_error))
        return fail (error, BAKEN_SYNC_ERROR_DISK, "Cannot write %s to staging: %s",
                     name, local_error->message);
      if (out != NULL && chunks++ == 0)
        baken_fault_point ("first chunk staged");
    }

  if (exact && total != cap)
    return fail (error, BAKEN_SYNC_ERROR_NETWORK,
                 "%s ended after %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " bytes",
                 name, total, cap);

  return TRUE;
}

static GBytes *
fetch_small (Attempt     *attempt,
             const char  *name,
             guint64      cap,
             const char  *etag,
             gboolean    *not_modified,
             GError     **error)
{
  g_autoptr(GInputStream) stream = open_source (attempt, name, etag, not_modified, error);
  g_autoptr(GByteArray) bytes = NULL;

  if (stream == NULL)
    return NULL;

  bytes = g_byte_array_new ();
  if (!copy_capped (attempt, stream, name, cap, FALSE, NULL, bytes, NULL, error))
    return NULL;
  g_input_stream_close (stream, NULL, NULL);

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

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

/* Whether the bundle at the floor, offered again, is "unchanged": when it is installed
 * and intact, or when the kiosk fell back from it (it failed to open here; taking it
 * again would only fail again). Nothing installed, or a damaged copy: it is taken
 * again. */
static gboolean
installed_verifies (BakenStore            *store,
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
static gboolean
check_policy (Attempt               *attempt,
              BakenManifest         *manifest,
              const BakenInstalled  *installed,
              gboolean               installed_ok,
              gboolean              *unchanged,
              GError               **error)
{
  g_autofree char *content_name = g_strdup_printf (BAKEN_BUNDLE_CONTENT_PATTERN,
                                                   manifest->serial);
  const BakenManifestFile *content = baken_manifest_find_file (manifest, content_name);
  gint64 now = attempt->job->now;
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

static gboolean
fetch_content (Attempt                  *attempt,
               BakenStore               *store,
               const BakenManifestFile  *content,
               GError                  **error)
{
  g_autofree char *path = g_build_filename (baken_store_get_staging_dir (store),
                                            content->name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;

  stream = open_source (attempt, content->name, NULL, NULL, error);
  if (stream == NULL)
    return FALSE;

  out = g_file_create (file, G_FILE_CREATE_NONE, attempt->cancellable, &local_error);
  if (out == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return fail_cancelled (attempt, error);
  if (out == NULL)
    return fail (error, BAKEN_SYNC_ERROR_DISK, "Cannot create %s: %s", path,
                 local_error->message);

  if (!copy_capped (attempt, stream, content->name, content->size, TRUE,
                    G_OUTPUT_STREAM (out), NULL, checksum, error))
    return FALSE;
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
    return fail (error, BAKEN_SYNC_ERROR_DISK, "Cannot write %s: %s", path,
                 local_error->message);
  g_input_stream_close (stream, NULL, NULL);
  baken_fault_point ("content staged");

  if (g_strcmp0 (g_checksum_get_string (checksum), content->sha256) != 0)
    return fail (error, BAKEN_SYNC_ERROR_VERIFY,
                 "%s does not have the sha256 the manifest says", content->name);

  return TRUE;
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
  BakenMinisignPublicKey *signer = NULL;   /* (unowned): one of job->keys */
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(BakenVerifiedBundle) verified = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *content_name = NULL;
  g_autofree char *icon_cache = NULL;
  const BakenManifestFile *content;
  const char *etag = NULL;
  gboolean not_modified = FALSE, unchanged = FALSE, installed_ok;
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
  installed_ok = installed_verifies (store, &installed, job->keys);
  if (job->url != NULL && status.etag != NULL &&
      g_strcmp0 (status.etag_url, job->url) == 0 && installed_ok)
    etag = status.etag;
  manifest_bytes = fetch_small (attempt, BAKEN_BUNDLE_MANIFEST_NAME, BAKEN_MANIFEST_MAX_SIZE,
                                etag, &not_modified, error);
  if (not_modified)
    {
      attempt->outcome->serial = installed.floor_serial;
      attempt->outcome->download_us = g_get_monotonic_time () - start;
      return BAKEN_SYNC_RESULT_UNCHANGED;
    }
  if (manifest_bytes == NULL)
    return BAKEN_SYNC_RESULT_FAILED;

  /* 2. Its signature, checked before anything in the manifest is believed. */
  signature_bytes = fetch_small (attempt, BAKEN_BUNDLE_SIGNATURE_NAME,
                                 BAKEN_MINISIGN_MAX_FILE_SIZE, NULL, NULL, error);
  if (signature_bytes == NULL)
    return BAKEN_SYNC_RESULT_FAILED;

  data = g_bytes_get_data (signature_bytes, &length);
  signature = baken_minisign_signature_new_from_data (data, length, &local_error);
  if (signature != NULL)
    {
      data = g_bytes_get_data (manifest_bytes, &length);
      signer = baken_minisign_signature_verify (signature, job->keys, (const guint8 *) data,
                                                length, &local_error);
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

  /* 3. Serial, created, expires, sizes. */
  if (!check_policy (attempt, manifest, &installed, installed_ok, &unchanged, error))
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
      !write_staged (store, BAKEN_BUNDLE_SIGNATURE_NAME, signature_bytes, error))
    {
      if (local_error != NULL)
        fail (error, BAKEN_SYNC_ERROR_DISK, "%s", local_error->message);
      return BAKEN_SYNC_RESULT_FAILED;
    }
  baken_fault_point ("manifest staged");

  if (!fetch_content (attempt, store, content, error))
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
  verified = baken_bundle_verify_cached (baken_store_get_staging_dir (store), job->keys, now,
                                         icon_cache, NULL, NULL, &local_error);
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

  if (!baken_store_clean_up (store, &local_error))
    g_debug ("Cleaning up old bundles: %s", local_error->message);
  attempt->outcome->install_us = g_get_monotonic_time () - start;

  return BAKEN_SYNC_RESULT_INSTALLED;
}

static gboolean
is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return host != NULL && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
                          g_ascii_strcasecmp (host, "localhost") == 0);
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
  /* Damaged since the kiosk started: the new DB knows no floor until reconciled. */
  if (rebuilt && !baken_store_reconcile (store, state, job->keys, error))
    return NULL;

  outcome->source = g_strdup (job->folder != NULL ? job->folder : job->url);
  attempt.job = job;
  attempt.outcome = outcome;
  attempt.cancellable = cancellable;
  attempt.deadline = job->deadline;

  if (job->folder == NULL && job->url == NULL)
    {
      outcome->source = g_strdup ("(none)");
      fail (&local_error, BAKEN_SYNC_ERROR_NOT_CONFIGURED,
            "No [sync] url is configured");
      outcome->result = BAKEN_SYNC_RESULT_FAILED;
    }
  else
    {
      if (job->url != NULL)
        {
          attempt.session = soup_session_new_with_options ("timeout", job->stall_s,
                                                           "idle-timeout", job->stall_s,
                                                           "user-agent", "Baken/" PACKAGE_VERSION,
                                                           NULL);
          /* Sizes and hashes are of the bytes as published: no transparent decoding. */
          soup_session_remove_feature_by_type (attempt.session, SOUP_TYPE_CONTENT_DECODER);
          /* A test server on this computer is never behind a proxy. */
          if (is_loopback_url (job->url))
            {
              g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

              soup_session_set_proxy_resolver (attempt.session, direct);
            }
        }
      outcome->result = attempt_sync (&attempt, store, state, &local_error);
      g_clear_object (&attempt.session);
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

  outcome->error = g_steal_pointer (&local_error);
  return g_steal_pointer (&outcome);
}
