/* baken-hsds-fetch.c: read the pages of an HSDS API, bounded in size and time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync's HTTP reader is in the module baken-sync-http, a layer authoring may not
 * use; this is the few parts of it an import needs, for IT's tool only.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-fetch.h"

#include <libsoup/soup.h>

#include "baken-deadline.h"
#include "baken-hsds.h"

#define READ_CHUNK     (64 * 1024)
#define MAX_REDIRECTS  5

struct _BakenHsdsFetch
{
  SoupSession   *session;     /* (owned) */
  BakenDeadline *deadline;    /* (owned) */
  guint          timeout_s;
  guint          stall_s;
  guint          n_requests;
  guint64        n_bytes;
};

static gboolean
is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "";

  return g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
         g_ascii_strcasecmp (host, "localhost") == 0;
}

gboolean
baken_hsds_fetch_check_url (const char  *url,
                            GError     **error)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                   "%s is not a URL; give the https address of the HSDS API (the part before "
                   "/services)", url != NULL ? url : "(none)");
      return FALSE;
    }
  if (g_ascii_strcasecmp (scheme, "http") == 0 && !is_loopback (uri))
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                   "%s: plain http is not allowed (anyone on the way could change the social "
                   "map); use https", url);
      return FALSE;
    }

  return TRUE;
}

static gboolean
fail_io (BakenHsdsFetch  *self,
         const char      *url,
         GError          *io_error,
         GError         **error)
{
  if (baken_deadline_has_expired (self->deadline))
    g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                 "%s: the import took longer than %u s; try again later, or ask the publisher "
                 "of the API", url, self->timeout_s);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                 "%s: no data for %u s", url, self->stall_s);
  else
    g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH, "%s: %s", url,
                 io_error->message);
  return FALSE;
}

/* A GET of url, redirects followed within https; NULL with error. */
static GInputStream *
open_url (BakenHsdsFetch  *self,
          const char      *url,
          GError         **error)
{
  GCancellable *cancellable = baken_deadline_get_cancellable (self->deadline);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  for (guint hop = 0; ; hop++)
    {
      g_autoptr(SoupMessage) message = soup_message_new_from_uri ("GET", uri);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = g_uri_to_string (uri);
      const char *location;
      g_autoptr(GUri) target = NULL;
      guint status;

      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                    "application/json");
      self->n_requests++;
      stream = soup_session_send (self->session, message, cancellable, &local_error);
      if (stream == NULL)
        {
          fail_io (self, text, local_error, error);
          return NULL;
        }

      status = soup_message_get_status (message);
      if (status == SOUP_STATUS_OK)
        return g_steal_pointer (&stream);
      g_input_stream_close (stream, NULL, NULL);

      if (!SOUP_STATUS_IS_REDIRECTION (status))
        {
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH, "%s: HTTP %u %s", text,
                       status, soup_message_get_reason_phrase (message) != NULL
                                 ? soup_message_get_reason_phrase (message) : "");
          return NULL;
        }

      location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                               "Location");
      target = location != NULL ? g_uri_parse_relative (uri, location, G_URI_FLAGS_NONE, NULL)
                                : NULL;
      if (hop >= MAX_REDIRECTS || target == NULL)
        {
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                       "%s: HTTP %u %s", text, status,
                       target == NULL ? "without a usable Location" : "after 5 redirects");
          return NULL;
        }
      {
        g_autofree char *target_text = g_uri_to_string (target);

        if (!baken_hsds_fetch_check_url (target_text, NULL) ||
            (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 &&
             g_ascii_strcasecmp (g_uri_get_scheme (target), "https") != 0))
          {
            g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                         "%s redirects to %s; only redirects to https are followed", text,
                         target_text);
            return NULL;
          }
      }
      g_clear_pointer (&uri, g_uri_unref);
      uri = g_steal_pointer (&target);
    }
}

/* Public API */

BakenHsdsFetch *
baken_hsds_fetch_new (const char *url,
                      guint       timeout_s,
                      guint       stall_s)
{
  BakenHsdsFetch *self = g_new0 (BakenHsdsFetch, 1);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

  self->timeout_s = timeout_s;
  self->stall_s = stall_s;
  self->deadline = baken_deadline_new (g_get_monotonic_time () +
                                       (gint64) timeout_s * G_USEC_PER_SEC, NULL);
  /* An API on this computer (a test) is never behind a proxy; elsewhere the system's
   * proxy settings hold. */
  if (uri != NULL && is_loopback (uri))
    self->session = soup_session_new_with_options ("timeout", stall_s,
                                                   "idle-timeout", stall_s,
                                                   "user-agent", "Baken/" PACKAGE_VERSION,
                                                   "proxy-resolver", direct,
                                                   NULL);
  else
    self->session = soup_session_new_with_options ("timeout", stall_s,
                                                   "idle-timeout", stall_s,
                                                   "user-agent", "Baken/" PACKAGE_VERSION,
                                                   NULL);
  return self;
}

void
baken_hsds_fetch_free (BakenHsdsFetch *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->session);
  g_clear_pointer (&self->deadline, baken_deadline_free);
  g_free (self);
}

GBytes *
baken_hsds_fetch_get (BakenHsdsFetch  *self,
                      const char      *url,
                      GError         **error)
{
  GCancellable *cancellable = baken_deadline_get_cancellable (self->deadline);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree guint8 *buffer = g_malloc (READ_CHUNK);

  if (!baken_hsds_fetch_check_url (url, error))
    return NULL;

  stream = open_url (self, url, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n = g_input_stream_read (stream, buffer, READ_CHUNK, cancellable, &local_error);

      if (n < 0)
        {
          fail_io (self, url, local_error, error);
          return NULL;
        }
      if (n == 0)
        break;
      self->n_bytes += (guint64) n;
      if (bytes->len + (guint64) n > BAKEN_HSDS_FETCH_MAX_ANSWER)
        {
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                       "%s: the answer is larger than %u MiB; no HSDS page is that large",
                       url, BAKEN_HSDS_FETCH_MAX_ANSWER / (1024 * 1024));
          return NULL;
        }
      if (self->n_bytes > BAKEN_HSDS_FETCH_MAX_TOTAL)
        {
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                       "%s: the API's answers together are larger than %" G_GUINT64_FORMAT
                       " MiB; no social map is that large", url,
                       BAKEN_HSDS_FETCH_MAX_TOTAL / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, (guint) n);
    }
  g_input_stream_close (stream, NULL, NULL);

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

guint
baken_hsds_fetch_get_n_requests (BakenHsdsFetch *self)
{
  return self->n_requests;
}

guint64
baken_hsds_fetch_get_n_bytes (BakenHsdsFetch *self)
{
  return self->n_bytes;
}
