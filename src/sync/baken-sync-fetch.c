/* baken-sync-fetch.c: the files of a bundle, read from its source within the limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The source is the manifest URL (libsoup: GET relative to it, a conditional GET for
 * the manifest, redirects followed only to https) or a folder. Every read is capped
 * and watched by the attempt's deadline and cancellable; the outcome counts the
 * requests and bytes. Part of the module baken-sync-http, the only code that links
 * libsoup.
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include "baken-sync-fetch.h"

#include <libsoup/soup.h>

#include "baken-bundle.h"
#include "baken-store.h"

#define READ_CHUNK       (64 * 1024)
#define MAX_REDIRECTS    5

struct _BakenSyncFetch
{
  BakenSyncJob     *job;
  BakenSyncOutcome *outcome;
  GCancellable     *cancellable;
  SoupSession      *session;     /* (owned) (nullable) only for a URL */
  gint64            deadline;    /* monotonic µs; cancellable is cancelled then */
  char             *etag;        /* (owned) (nullable) of the manifest just fetched */
  gboolean          not_found;   /* the last file opened is not in the source */
};

/* The short name of baken_sync_fail (baken-sync-private.h). */
#define fail baken_sync_fail

static gboolean
fail_timeout (BakenSyncFetch  *self,
              GError         **error)
{
  return fail (error, BAKEN_SYNC_ERROR_TIMEOUT, "The sync took longer than %u s",
               self->job->timeout_s);
}

/* The attempt's cancellable is cancelled at its deadline too: a cancellation from then
 * on is the deadline's. */
static gboolean
fail_cancelled (BakenSyncFetch  *self,
                GError         **error)
{
  if (g_get_monotonic_time () >= self->deadline)
    return fail_timeout (self, error);

  return fail (error, BAKEN_SYNC_ERROR_CANCELLED, "The sync was cancelled");
}

static gboolean
check_deadline (BakenSyncFetch  *self,
                GError         **error)
{
  if (g_cancellable_is_cancelled (self->cancellable))
    return fail_cancelled (self, error);
  if (g_get_monotonic_time () >= self->deadline)
    return fail_timeout (self, error);

  return TRUE;
}

static gboolean
map_io_error (BakenSyncFetch  *self,
              GError          *io_error,
              const char      *what,
              GError         **error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return fail_cancelled (self, error);
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return fail (error, BAKEN_SYNC_ERROR_TIMEOUT, "%s: no data for %u s",
                 what, self->job->stall_s);

  return fail (error, BAKEN_SYNC_ERROR_NETWORK, "%s: %s", what, io_error->message);
}

/* Redirects stay on https (or on plain http to this computer when the configured URL
 * is such a test URL). */
static gboolean
redirect_allowed (BakenSyncFetch *self,
                  GUri           *target)
{
  g_autofree char *text = g_uri_to_string (target);
  g_autoptr(GUri) origin = g_uri_parse (self->job->url, G_URI_FLAGS_NONE, NULL);

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
open_source (BakenSyncFetch  *self,
             const char      *name,
             const char      *etag,
             gboolean        *not_modified,
             GError         **error)
{
  g_autoptr(GUri) uri = NULL;

  if (not_modified != NULL)
    *not_modified = FALSE;
  self->not_found = FALSE;

  if (!check_deadline (self, error))
    return NULL;

  if (self->job->folder != NULL)
    {
      g_autofree char *path = g_build_filename (self->job->folder, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) local_error = NULL;
      GFileInputStream *stream = g_file_read (file, self->cancellable, &local_error);

      if (stream == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            fail_cancelled (self, error);
          else
            fail (error, BAKEN_SYNC_ERROR_MISSING, "Cannot read %s: %s", path,
                  local_error->message);
          self->not_found = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
          return NULL;
        }
      return G_INPUT_STREAM (stream);
    }

  {
    g_autoptr(GUri) base = g_uri_parse (self->job->url, G_URI_FLAGS_NONE, NULL);

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

      self->outcome->requests++;
      stream = soup_session_send (self->session, message, self->cancellable,
                                  &local_error);
      if (stream == NULL)
        {
          g_autofree char *what = g_strdup_printf ("Cannot fetch %s", text);

          map_io_error (self, local_error, what, error);
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
          if (target == NULL || !redirect_allowed (self, target))
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
          self->not_found = status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE;
          fail (error, BAKEN_SYNC_ERROR_HTTP, "%s: HTTP %u %s", text, status,
                soup_message_get_reason_phrase (message) != NULL
                  ? soup_message_get_reason_phrase (message) : "");
          return NULL;
        }

      if (etag != NULL || g_str_equal (name, BAKEN_BUNDLE_MANIFEST_NAME))
        {
          g_free (self->etag);
          self->etag = g_strdup (soup_message_headers_get_one (
            soup_message_get_response_headers (message), "ETag"));
        }

      return g_steal_pointer (&stream);
    }
}

/* Copies stream into out (a GOutputStream) or into bytes (a GByteArray), at most cap
 * bytes, feeding checksum; with exact, exactly cap bytes. */
static gboolean
copy_capped (BakenSyncFetch  *self,
             GInputStream    *stream,
             const char      *name,
             guint64          cap,
             gboolean         exact,
             GOutputStream   *out,
             GByteArray      *bytes,
             GChecksum       *checksum,
             GError         **error)
{
  g_autofree guint8 *buffer = g_malloc (READ_CHUNK);
  guint64 total = 0;
  guint chunks = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n;

      if (!check_deadline (self, error))
        return FALSE;

      n = g_input_stream_read (stream, buffer, READ_CHUNK, self->cancellable, &local_error);
      if (n < 0)
        {
          g_autofree char *what = g_strdup_printf ("The download of %s broke off", name);

          return map_io_error (self, local_error, what, error);
        }
      if (n == 0)
        break;

      self->outcome->bytes += n;
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

static gboolean
is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return host != NULL && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
                          g_ascii_strcasecmp (host, "localhost") == 0);
}

/* Public API */

BakenSyncFetch *
baken_sync_fetch_new (BakenSyncJob      *job,
                      BakenSyncOutcome  *outcome,
                      GCancellable      *cancellable)
{
  BakenSyncFetch *self = g_new0 (BakenSyncFetch, 1);

  self->job = job;
  self->outcome = outcome;
  self->cancellable = cancellable;
  self->deadline = job->deadline;

  if (job->url != NULL)
    {
      self->session = soup_session_new_with_options ("timeout", job->stall_s,
                                                     "idle-timeout", job->stall_s,
                                                     "user-agent", "Baken/" PACKAGE_VERSION,
                                                     NULL);
      /* Sizes and hashes are of the bytes as published: no transparent decoding. */
      soup_session_remove_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);
      /* A test server on this computer is never behind a proxy. */
      if (is_loopback_url (job->url))
        {
          g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

          soup_session_set_proxy_resolver (self->session, direct);
        }
    }

  return self;
}

void
baken_sync_fetch_free (BakenSyncFetch *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->session);
  g_free (self->etag);
  g_free (self);
}

const char *
baken_sync_fetch_get_etag (BakenSyncFetch *self)
{
  return self->etag;
}

GBytes *
baken_sync_fetch_small (BakenSyncFetch  *self,
                        const char      *name,
                        guint64          cap,
                        const char      *etag,
                        gboolean        *not_modified,
                        GError         **error)
{
  g_autoptr(GInputStream) stream = open_source (self, name, etag, not_modified, error);
  g_autoptr(GByteArray) bytes = NULL;

  if (stream == NULL)
    return NULL;

  bytes = g_byte_array_new ();
  if (!copy_capped (self, stream, name, cap, FALSE, NULL, bytes, NULL, error))
    return NULL;
  g_input_stream_close (stream, NULL, NULL);

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
baken_sync_fetch_optional (BakenSyncFetch  *self,
                           const char      *name,
                           guint64          cap,
                           gboolean        *found,
                           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = baken_sync_fetch_small (self, name, cap, NULL, NULL, &local_error);

  *found = bytes != NULL || !self->not_found;
  if (bytes == NULL && *found)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return bytes;
}

gboolean
baken_sync_fetch_file (BakenSyncFetch           *self,
                       const BakenManifestFile  *content,
                       const char               *dir,
                       GError                  **error)
{
  g_autofree char *path = g_build_filename (dir, content->name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;

  stream = open_source (self, content->name, NULL, NULL, error);
  if (stream == NULL)
    return FALSE;

  out = g_file_create (file, G_FILE_CREATE_NONE, self->cancellable, &local_error);
  if (out == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return fail_cancelled (self, error);
  if (out == NULL)
    return fail (error, BAKEN_SYNC_ERROR_DISK, "Cannot create %s: %s", path,
                 local_error->message);

  if (!copy_capped (self, stream, content->name, content->size, TRUE,
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
