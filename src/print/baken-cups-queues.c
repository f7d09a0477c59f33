/* baken-cups-queues.c: the print queues a cupsd offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-printer"

#include "config.h"

#include "baken-cups-queues.h"

#include <string.h>

#include <cups/cups.h>

#include "baken-cups-deadline.h"
#include "baken-printer.h"

#define CONNECT_TIMEOUT_MS 1000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ipp_t, ippDelete)

/* As lpadmin takes them: printable, no space, "/" or "#", at most 127 bytes. */
static gboolean
is_queue_name (const char *name)
{
  if (name == NULL || *name == '\0' || strlen (name) > 127 || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f || *p == '/' || *p == '#')
      return FALSE;

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* One request on http asking for printer-names: its answer, or NULL with error set. */
static ipp_t *
ask (http_t      *http,
     ipp_op_t     operation,
     const char  *where,
     GError     **error)
{
  static const char * const attributes[] = { "printer-name" };
  ipp_t *request = ippNewRequest (operation);
  ipp_t *response;

  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                 G_N_ELEMENTS (attributes), NULL, attributes);
  /* cupsDoRequest frees the request. */
  response = cupsDoRequest (http, request, "/");
  /* No default printer is an answer too. */
  if (response == NULL || (cupsLastError () > IPP_STATUS_OK_CONFLICTING &&
                           cupsLastError () != IPP_STATUS_ERROR_NOT_FOUND))
    {
      g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_CUPSD_DOWN,
                   "Cannot ask the print service (cupsd at %s) for its printers: %s", where,
                   cupsLastErrorString ());
      g_clear_pointer (&response, ippDelete);
    }

  return response;
}

GStrv
baken_cups_list_queues (const char    *server,
                        guint          timeout,
                        GCancellable  *cancellable,
                        char         **default_queue,
                        GError       **error)
{
  g_autoptr(BakenCupsDeadline) deadline = NULL;
  g_autoptr(ipp_t) printers = NULL;
  g_autoptr(ipp_t) fallback = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = NULL;
  ipp_attribute_t *attr;
  const char *host;
  http_t *http;
  int port;

  if (default_queue != NULL)
    *default_queue = NULL;
  deadline = baken_cups_deadline_new (g_get_monotonic_time () +
                                      (gint64) MAX (timeout, 1) * G_USEC_PER_SEC, cancellable);
  cupsSetServer (server);
  host = cupsServer ();
  port = ippPort ();
  where = host[0] == '/' ? g_strdup (host) : g_strdup_printf ("%s:%d", host, port);
  http = baken_cups_deadline_connect (deadline, host, port, CONNECT_TIMEOUT_MS);
  if (http == NULL)
    {
      g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_CUPSD_DOWN,
                   "The print service (cupsd at %s) does not answer: %s", where,
                   cupsLastErrorString ());
      return NULL;
    }

  printers = ask (http, IPP_OP_CUPS_GET_PRINTERS, where, error);
  if (printers != NULL)
    fallback = ask (http, IPP_OP_CUPS_GET_DEFAULT, where, error);
  baken_cups_deadline_forget (deadline);
  httpClose (http);
  if (fallback == NULL)
    return NULL;

  for (attr = ippFindAttribute (printers, "printer-name", IPP_TAG_NAME);
       attr != NULL && names->len < BAKEN_CUPS_QUEUES_MAX;
       attr = ippFindNextAttribute (printers, "printer-name", IPP_TAG_NAME))
    {
      const char *name = ippGetString (attr, 0, NULL);

      if (is_queue_name (name))
        g_ptr_array_add (names, g_strdup (name));
      else
        g_debug ("Leaving out a queue with an invalid name from %s", where);
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  attr = ippFindAttribute (fallback, "printer-name", IPP_TAG_NAME);
  if (default_queue != NULL && attr != NULL && is_queue_name (ippGetString (attr, 0, NULL)))
    *default_queue = g_strdup (ippGetString (attr, 0, NULL));

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
