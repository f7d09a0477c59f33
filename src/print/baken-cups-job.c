/* baken-cups-job.c: one print job (or printer check) against cupsd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Connect, find the printer, ask its state, create the job, send the PDF and follow the
 * job until it is printed, all under one deadline (baken-cups-deadline.c); a job that
 * cannot be printed in time is cancelled and purged, so it never prints for the next
 * person. libcups keeps its settings (server, last error, default connection) per
 * thread: every run sets the server and opens its own connection, so nothing carries
 * over between runs or from the thread pool.
 */
#define G_LOG_DOMAIN "baken-cups-printer"

#include "config.h"

#include "baken-cups-job.h"

#include <cups/cups.h>

#include "baken-cups-deadline.h"
#include "baken-printer.h"

/* cupsd on this machine answers a connect at once; a remote one gets a second. */
#define CONNECT_TIMEOUT_MS 1000
/* One IPP request may take this long before we give up on cupsd. */
#define REQUEST_TIMEOUT_S 5.0
/* How often a job and its printer are looked at while waiting. */
#define POLL_INTERVAL_US (100 * 1000)
/* After the deadline, the time a created job gets to be cancelled. */
#define CANCEL_GRACE_US (2 * G_USEC_PER_SEC)

/* One connection to cupsd and the destination on it. */
typedef struct
{
  BakenCupsDeadline *deadline;  /* (owned) over every call on http */
  http_t            *http;
  char              *where;     /* "127.0.0.1:631", for messages */
  cups_dest_t       *dest;
  cups_dinfo_t      *info;
  const char        *name;      /* (unowned) dest->name */
  const char        *uri;       /* (unowned) printer-uri-supported */
  int                job_id;    /* the job created and not yet finished, or 0 */
} Connection;

static void
connection_clear (Connection *conn)
{
  g_clear_pointer (&conn->info, cupsFreeDestInfo);
  if (conn->dest != NULL)
    cupsFreeDests (1, g_steal_pointer (&conn->dest));
  if (conn->deadline != NULL)
    baken_cups_deadline_forget (conn->deadline);
  g_clear_pointer (&conn->http, httpClose);
  g_clear_pointer (&conn->deadline, baken_cups_deadline_free);
  g_clear_pointer (&conn->where, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Connection, connection_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ipp_t, ippDelete)

static int
give_up_cb (http_t *http,
            void   *user_data)
{
  /* Called when a request has waited REQUEST_TIMEOUT_S: stop waiting. */
  return 0;
}

/* An IPP request failed: was it cupsd that went away? */
static gboolean
cupsd_gone (void)
{
  ipp_status_t status = cupsLastError ();

  return status == IPP_STATUS_ERROR_SERVICE_UNAVAILABLE ||
         status == IPP_STATUS_ERROR_INTERNAL;
}

static gboolean
connect_cupsd (BakenCupsJob  *job,
               Connection    *conn,
               GError       **error)
{
  const char *host;
  int port;

  /* NULL restores the default: CUPS_SERVER, client.conf or the local socket. */
  cupsSetServer (job->server);
  host = cupsServer ();
  port = ippPort ();
  conn->where = host[0] == '/' ? g_strdup (host) : g_strdup_printf ("%s:%d", host, port);

  conn->http = baken_cups_deadline_connect (conn->deadline, host, port, CONNECT_TIMEOUT_MS);
  if (conn->http == NULL)
    {
      g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_CUPSD_DOWN,
                   "The print service (cupsd at %s) does not answer: %s",
                   conn->where, cupsLastErrorString ());
      return FALSE;
    }
  httpSetTimeout (conn->http, REQUEST_TIMEOUT_S, give_up_cb, NULL);

  return TRUE;
}

/* The destination from our own request on our connection (the one the deadline
 * watches). cupsGetNamedDest would fall back to cupsEnumDests on libcups's own
 * connection of the thread, with waits of its own that no deadline of ours can end. */
static gboolean
find_dest (BakenCupsJob  *job,
           Connection    *conn,
           GError       **error)
{
  static const char * const attributes[] = { "printer-name", "printer-uri-supported" };
  g_autoptr(ipp_t) request = NULL;
  g_autoptr(ipp_t) response = NULL;
  ipp_attribute_t *attr;
  const char *name;
  const char *uri;
  cups_dest_t *dests = NULL;

  if (job->printer != NULL)
    {
      char printer_uri[HTTP_MAX_URI];

      request = ippNewRequest (IPP_OP_GET_PRINTER_ATTRIBUTES);
      httpAssembleURIf (HTTP_URI_CODING_ALL, printer_uri, sizeof printer_uri, "ipp", NULL,
                        "localhost", ippPort (), "/printers/%s", job->printer);
      ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL,
                    printer_uri);
    }
  else
    {
      request = ippNewRequest (IPP_OP_CUPS_GET_DEFAULT);
    }
  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                 G_N_ELEMENTS (attributes), NULL, attributes);
  /* cupsDoRequest frees the request. */
  response = cupsDoRequest (conn->http, g_steal_pointer (&request), "/");

  if (response == NULL || cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    {
      if (cupsd_gone ())
        g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_CUPSD_DOWN,
                     "The print service (cupsd at %s) stopped answering: %s",
                     conn->where, cupsLastErrorString ());
      else if (cupsLastError () != IPP_STATUS_ERROR_NOT_FOUND)
        g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_FAILED,
                     "Cannot ask %s about printer “%s”: %s", conn->where,
                     job->printer != NULL ? job->printer : "(default)",
                     cupsLastErrorString ());
      else if (job->printer != NULL)
        g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_NO_PRINTER,
                     "There is no printer “%s” at %s; check [print] printer in kiosk.conf",
                     job->printer, conn->where);
      else
        g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_NO_PRINTER,
                     "No printer is configured and %s has no default printer; set "
                     "[print] printer in kiosk.conf or a CUPS default (lpadmin -d)",
                     conn->where);
      return FALSE;
    }

  attr = ippFindAttribute (response, "printer-name", IPP_TAG_NAME);
  name = attr != NULL ? ippGetString (attr, 0, NULL) : job->printer;
  attr = ippFindAttribute (response, "printer-uri-supported", IPP_TAG_URI);
  uri = attr != NULL ? ippGetString (attr, 0, NULL) : NULL;
  if (name == NULL || uri == NULL)
    {
      g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_NO_PRINTER,
                   "The printer “%s” at %s has no printer URI",
                   name != NULL ? name : "(default)", conn->where);
      return FALSE;
    }

  /* What cupsCopyDestInfo and the job calls need of a destination: its name and URI. */
  cupsAddDest (name, NULL, 0, &dests);
  conn->dest = dests;
  conn->dest->num_options = cupsAddOption ("printer-uri-supported", uri,
                                           conn->dest->num_options, &conn->dest->options);
  conn->name = conn->dest->name;
  conn->uri = cupsGetOption ("printer-uri-supported", conn->dest->num_options,
                             conn->dest->options);

  return TRUE;
}

/* The supplies in response (marker-names, marker-levels, marker-low-levels, parallel
 * lists), added to markers; at most BAKEN_PRINTER_MARKERS_MAX. */
static void
read_markers (ipp_t     *response,
              GPtrArray *markers)
{
  ipp_attribute_t *names = ippFindAttribute (response, "marker-names", IPP_TAG_ZERO);
  ipp_attribute_t *levels = ippFindAttribute (response, "marker-levels", IPP_TAG_INTEGER);
  ipp_attribute_t *lows = ippFindAttribute (response, "marker-low-levels", IPP_TAG_INTEGER);

  if (names == NULL || levels == NULL)
    return;

  for (int i = 0; i < ippGetCount (names) && i < ippGetCount (levels) &&
                  markers->len < BAKEN_PRINTER_MARKERS_MAX; i++)
    g_ptr_array_add (markers, baken_printer_marker_new (ippGetString (names, i, NULL),
                                                        ippGetInteger (levels, i),
                                                        lows != NULL && i < ippGetCount (lows)
                                                        ? ippGetInteger (lows, i) : -1));
}

/* The printer's state now; FALSE when cupsd does not tell. Its supplies go into markers
 * when that is not NULL. */
static gboolean
check_printer (Connection  *conn,
               GPtrArray   *markers,
               GError     **error)
{
  static const char * const attributes[] = {
    "printer-state", "printer-state-reasons", "printer-is-accepting-jobs",
    "marker-names", "marker-levels", "marker-low-levels",
  };
  g_autoptr(ipp_t) request = ippNewRequest (IPP_OP_GET_PRINTER_ATTRIBUTES);
  g_autoptr(ipp_t) response = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) reasons = NULL;
  g_autofree char *reasons_text = NULL;
  ipp_attribute_t *attr;
  ipp_pstate_t state = IPP_PSTATE_IDLE;
  gboolean accepting = TRUE;
  BakenPrintState fault;

  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, conn->uri);
  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                 G_N_ELEMENTS (attributes), NULL, attributes);
  /* cupsDoRequest frees the request. */
  response = cupsDoRequest (conn->http, g_steal_pointer (&request), "/");
  if (response == NULL || cupsLastError () > IPP_STATUS_OK_CONFLICTING)
    {
      BakenPrintState code = cupsd_gone () ? BAKEN_PRINT_STATE_CUPSD_DOWN
                           : cupsLastError () == IPP_STATUS_ERROR_NOT_FOUND
                           ? BAKEN_PRINT_STATE_NO_PRINTER : BAKEN_PRINT_STATE_FAILED;

      g_set_error (error, BAKEN_PRINT_ERROR, code, "Cannot ask %s about printer “%s”: %s",
                   conn->where, conn->name, cupsLastErrorString ());
      return FALSE;
    }

  if (markers != NULL)
    read_markers (response, markers);
  if ((attr = ippFindAttribute (response, "printer-state", IPP_TAG_ENUM)) != NULL)
    state = ippGetInteger (attr, 0);
  if ((attr = ippFindAttribute (response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN)) != NULL)
    accepting = ippGetBoolean (attr, 0);
  if ((attr = ippFindAttribute (response, "printer-state-reasons", IPP_TAG_KEYWORD)) != NULL)
    for (int i = 0; i < ippGetCount (attr); i++)
      g_strv_builder_add (builder, ippGetString (attr, i, NULL));
  reasons = g_strv_builder_end (builder);
  reasons_text = g_strjoinv (", ", reasons);

  fault = baken_print_state_from_reasons ((const char * const *) reasons);
  if (fault != BAKEN_PRINT_STATE_OK)
    {
      g_set_error (error, BAKEN_PRINT_ERROR, fault, "Printer “%s” reports %s (%s)",
                   conn->name, reasons_text, baken_print_state_to_string (fault));
      return FALSE;
    }
  if (state == IPP_PSTATE_STOPPED)
    {
      g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_STOPPED,
                   "Printer “%s” is stopped (%s); cupsenable %s starts it",
                   conn->name, reasons_text, conn->name);
      return FALSE;
    }
  if (!accepting)
    {
      g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_STOPPED,
                   "Printer “%s” does not accept jobs; cupsaccept %s lets it",
                   conn->name, conn->name);
      return FALSE;
    }

  return TRUE;
}

static ipp_jstate_t
get_job_state (Connection *conn,
               int         job_id)
{
  static const char * const attributes[] = { "job-state" };
  g_autoptr(ipp_t) request = ippNewRequest (IPP_OP_GET_JOB_ATTRIBUTES);
  g_autoptr(ipp_t) response = NULL;
  ipp_attribute_t *attr;

  ippAddString (request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, conn->uri);
  ippAddInteger (request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
  ippAddStrings (request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                 G_N_ELEMENTS (attributes), NULL, attributes);
  response = cupsDoRequest (conn->http, g_steal_pointer (&request), "/");
  if (response == NULL || cupsLastError () > IPP_STATUS_OK_CONFLICTING ||
      (attr = ippFindAttribute (response, "job-state", IPP_TAG_ENUM)) == NULL)
    return 0;

  return ippGetInteger (attr, 0);
}

/* Cancels the job if it has not ended and purges it: cupsd forgets it and deletes its
 * files, the slip's PDF included, whatever PreserveJobFiles and PreserveJobHistory say
 * in its cupsd.conf. FALSE when cupsd could not be told (a job that had not ended may
 * print later). */
static gboolean
cancel_job (Connection *conn,
            int         job_id)
{
  /* Cancel-Job with purge-job: it ends a job that is still printing, too. */
  ipp_status_t status = cupsCancelJob2 (conn->http, conn->name, job_id, 1);

  if (status > IPP_STATUS_OK_CONFLICTING)
    {
      /* cupsd is gone: the caller reports what it knows. */
      g_debug ("Cannot cancel and purge job %d on “%s”: %s", job_id, conn->name,
               cupsLastErrorString ());
      return FALSE;
    }

  conn->job_id = 0;

  /* A job that was printing is cancelled at once, but cupsd keeps its record (control
   * file) after its backend has stopped: purge it again once it has ended, within the
   * time the deadline leaves. */
  for (;;)
    {
      ipp_jstate_t state = get_job_state (conn, job_id);

      if (state == 0)
        break;  /* gone */
      if (state >= IPP_JSTATE_CANCELED)
        {
          cupsCancelJob2 (conn->http, conn->name, job_id, 1);
          break;
        }
      if (baken_cups_deadline_get_trip (conn->deadline) != BAKEN_CUPS_TRIP_NONE)
        break;
      g_usleep (POLL_INTERVAL_US / 4);
    }

  g_debug ("Cancelled and purged job %d on “%s”", job_id, conn->name);
  return TRUE;
}

/* A job that ended (printed, or cancelled by cupsd) is purged, so nothing of the slip
 * stays in the spool. */
static void
purge_job (Connection *conn,
           int         job_id)
{
  conn->job_id = 0;
  if (!cancel_job (conn, job_id))
    g_message ("Job %d on “%s” ended, but the print service (cupsd at %s) could not be "
               "told to purge it; its files may stay in the spool: %s", job_id, conn->name,
               conn->where, cupsLastErrorString ());
}

/* Waits until the job is completed. Cancels it on a printer fault; returns FALSE without
 * an error when the deadline trips (or the cancellable fires) first. */
static gboolean
follow_job (Connection    *conn,
            int            job_id,
            GError       **error)
{
  for (;;)
    {
      g_autoptr(GError) fault = NULL;
      ipp_jstate_t state = get_job_state (conn, job_id);

      if (baken_cups_deadline_get_trip (conn->deadline) != BAKEN_CUPS_TRIP_NONE)
        return FALSE;

      switch ((int) state)
        {
        case IPP_JSTATE_COMPLETED:
          purge_job (conn, job_id);
          return TRUE;

        case IPP_JSTATE_CANCELED:
        case IPP_JSTATE_ABORTED:
          purge_job (conn, job_id);
          /* Say why when the printer knows. */
          if (!check_printer (conn, NULL, error))
            return FALSE;
          g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_FAILED,
                       "Job %d on “%s” was %s by the print service", job_id, conn->name,
                       state == IPP_JSTATE_CANCELED ? "cancelled" : "aborted");
          return FALSE;

        case 0:
          /* No answer: cupsd went away. Try again until the deadline. */
          baken_cups_deadline_reconnect (conn->deadline, CONNECT_TIMEOUT_MS);
          break;

        default:
          /* Pending, held, processing, stopped: is the printer in trouble? */
          if (!check_printer (conn, NULL, &fault) &&
              fault->code != BAKEN_PRINT_STATE_CUPSD_DOWN &&
              baken_cups_deadline_get_trip (conn->deadline) == BAKEN_CUPS_TRIP_NONE)
            {
              cancel_job (conn, job_id);
              g_propagate_prefixed_error (error, g_steal_pointer (&fault),
                                          "Job %d cancelled: ", job_id);
              return FALSE;
            }
          break;
        }

      if (baken_cups_deadline_get_trip (conn->deadline) != BAKEN_CUPS_TRIP_NONE)
        return FALSE;

      g_usleep (POLL_INTERVAL_US);
    }
}

static gboolean
submit_pdf (BakenCupsJob  *job,
            Connection    *conn,
            GError       **error)
{
  gsize size;
  const char *data = g_bytes_get_data (job->pdf, &size);
  ipp_status_t status;
  int job_id = 0;

  conn->info = cupsCopyDestInfo (conn->http, conn->dest);
  if (conn->info == NULL)
    {
      g_set_error (error, BAKEN_PRINT_ERROR,
                   cupsd_gone () ? BAKEN_PRINT_STATE_CUPSD_DOWN : BAKEN_PRINT_STATE_FAILED,
                   "Cannot ask %s about printer “%s”: %s", conn->where, conn->name,
                   cupsLastErrorString ());
      return FALSE;
    }

  /* A generic title: the queue shows nothing about what the resident needed. */
  status = cupsCreateDestJob (conn->http, conn->dest, conn->info, &job_id, "Baken", 0, NULL);
  if (job_id > 0)
    conn->job_id = job_id;
  if (status > IPP_STATUS_OK_CONFLICTING)
    {
      BakenPrintState code = status == IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS
                           ? BAKEN_PRINT_STATE_STOPPED
                           : cupsd_gone () ? BAKEN_PRINT_STATE_CUPSD_DOWN
                           : BAKEN_PRINT_STATE_FAILED;

      g_set_error (error, BAKEN_PRINT_ERROR, code, "Printer “%s” refused the job: %s",
                   conn->name, cupsLastErrorString ());
      return FALSE;
    }

  if (cupsStartDestDocument (conn->http, conn->dest, conn->info, job_id, "Baken",
                             CUPS_FORMAT_PDF, 0, NULL, 1) != HTTP_STATUS_CONTINUE ||
      cupsWriteRequestData (conn->http, data, size) != HTTP_STATUS_CONTINUE ||
      cupsFinishDestDocument (conn->http, conn->dest, conn->info) > IPP_STATUS_OK_CONFLICTING)
    {
      g_set_error (error, BAKEN_PRINT_ERROR,
                   cupsd_gone () ? BAKEN_PRINT_STATE_CUPSD_DOWN : BAKEN_PRINT_STATE_FAILED,
                   "Cannot send the slip to printer “%s”: %s", conn->name,
                   cupsLastErrorString ());
      /* After a trip, the caller cancels it on a new connection. */
      if (baken_cups_deadline_get_trip (conn->deadline) == BAKEN_CUPS_TRIP_NONE)
        cancel_job (conn, job_id);
      return FALSE;
    }

  g_debug ("Job %d on “%s”: %" G_GSIZE_FORMAT " bytes sent", job_id, conn->name, size);

  return follow_job (conn, job_id, error);
}

/* The deadline or the cancellable stopped a call (whatever libcups said about the
 * socket shut under it tells nothing): cancel the job that was created, on a new
 * connection with a little time of its own, so a stale slip never prints for the next
 * person, and say what happened. */
static void
report_trip (BakenCupsJob  *job,
             Connection    *conn,
             BakenCupsTrip  trip,
             GCancellable  *cancellable,
             GError       **error)
{
  int job_id = conn->job_id;
  gboolean cancelled = FALSE;

  if (job_id != 0)
    {
      baken_cups_deadline_rearm (conn->deadline, g_get_monotonic_time () + CANCEL_GRACE_US);
      cancelled = baken_cups_deadline_reconnect (conn->deadline, CONNECT_TIMEOUT_MS) &&
                  cancel_job (conn, job_id);
    }

  if (trip == BAKEN_CUPS_TRIP_CANCELLED && g_cancellable_set_error_if_cancelled (cancellable,
                                                                                error))
    return;

  if (job_id == 0)
    g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_TIMED_OUT,
                 "The print service (cupsd at %s) did not finish answering within %u "
                 "seconds; nothing was printed", conn->where, job->timeout);
  else if (cancelled)
    g_set_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_TIMED_OUT,
                 "Job %d on “%s” was not printed within %u seconds and was cancelled",
                 job_id, conn->name, job->timeout);
  else
    g_set_error (error, BAKEN_PRINT_ERROR,
                 cupsd_gone () ? BAKEN_PRINT_STATE_CUPSD_DOWN : BAKEN_PRINT_STATE_TIMED_OUT,
                 "Job %d on “%s” was not printed within %u seconds and the print service "
                 "(cupsd at %s) could not be told to cancel it: %s", job_id, conn->name,
                 job->timeout, conn->where, cupsLastErrorString ());
}

/* Public API */

void
baken_cups_job_free (BakenCupsJob *job)
{
  g_free (job->printer);
  g_free (job->server);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_clear_pointer (&job->markers, g_ptr_array_unref);
  g_free (job);
}

gboolean
baken_cups_job_run (BakenCupsJob  *job,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_auto(Connection) conn = { NULL, };
  g_autoptr(GError) local_error = NULL;
  BakenCupsTrip trip;

  /* One deadline over every call: connect, the printer's state, the job and following
   * it. */
  conn.deadline = baken_cups_deadline_new (g_get_monotonic_time () +
                                           (gint64) job->timeout * G_USEC_PER_SEC,
                                           cancellable);

  if (!connect_cupsd (job, &conn, &local_error) ||
      !find_dest (job, &conn, &local_error) ||
      !check_printer (&conn, job->markers, &local_error) ||
      (job->pdf != NULL && !submit_pdf (job, &conn, &local_error)))
    {
      trip = baken_cups_deadline_get_trip (conn.deadline);
      if (trip != BAKEN_CUPS_TRIP_NONE)
        {
          g_clear_error (&local_error);
          report_trip (job, &conn, trip, cancellable, &local_error);
        }
      g_assert (local_error != NULL);
      g_debug ("%s", local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}
