/* baken-report-put.c: one report to the server, by HTTP PUT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the module baken-sync-http, with the sync's downloads: the only code that
 * links libsoup. baken-report-upload.c looks _baken_report_put () up at the first
 * upload. No redirect is followed (a PUT that is redirected did not arrive), no proxy
 * is used for a server on this computer, and the token is sent only in the header.
 */
#define G_LOG_DOMAIN "baken-monitor"

#include "config.h"

#include <libsoup/soup.h>

#include "baken-report-upload.h"
#include "baken-sync.h"

#define ANSWER_MAX (64 * 1024)

static gboolean
is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);

  return host != NULL && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
                          g_ascii_strcasecmp (host, "localhost") == 0);
}

guint
_baken_report_put (const char    *url,
                   const char    *token,
                   GBytes        *body,
                   guint          stall_s,
                   GCancellable  *cancellable,
                   char         **reason,
                   GError       **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  g_autofree guint8 *answer = g_malloc (ANSWER_MAX);
  gsize read = 0;

  *reason = NULL;
  if (uri == NULL)
    {
      g_set_error (error, BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_NOT_CONFIGURED,
                   "%s is not a URL", url);
      return 0;
    }

  session = soup_session_new_with_options ("timeout", stall_s, "idle-timeout", stall_s,
                                           "user-agent", "Baken/" PACKAGE_VERSION, NULL);
  if (is_loopback (uri))
    {
      g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

      soup_session_set_proxy_resolver (session, direct);
    }

  message = soup_message_new_from_uri ("PUT", uri);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", authorization);
  soup_message_set_request_body_from_bytes (message, "application/json", body);

  stream = soup_session_send (session, message, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        g_set_error (error, BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_TIMEOUT,
                     "no answer in time: %s", local_error->message);
      else
        g_set_error (error, BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_NETWORK, "%s",
                     local_error->message);
      return 0;
    }

  /* The answer's body is not needed, but reading (a little of) it lets the connection
   * end cleanly; a server that stalls here still has its answer counted. */
  g_input_stream_read_all (stream, answer, ANSWER_MAX, &read, cancellable, NULL);
  g_input_stream_close (stream, NULL, NULL);

  *reason = g_strdup (soup_message_get_reason_phrase (message));
  return soup_message_get_status (message);
}
