/* baken-report-upload.c: the daily reports to the server, by HTTP PUT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loop over the pending reports, the record of the attempt and when the next one
 * is due; the PUT itself is baken-report-put.c's, in the module baken-sync-http.
 */
#define G_LOG_DOMAIN "baken-monitor"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "baken-clock.h"
#include "baken-deadline.h"
#include "baken-file.h"
#include "baken-module.h"
#include "baken-report.h"
#include "baken-report-upload.h"
#include "baken-sync-private.h"

void
baken_report_upload_job_free (BakenReportUploadJob *job)
{
  if (job == NULL)
    return;

  g_free (job->reports_dir);
  g_free (job->state_path);
  g_free (job->url);
  /* The token leaves no copy behind in freed memory. */
  if (job->token != NULL)
    memset (job->token, 0, strlen (job->token));
  g_free (job->token);
  g_free (job->kiosk_id);
  g_free (job);
}

void
baken_report_upload_outcome_clear (BakenReportUploadOutcome *outcome)
{
  g_clear_pointer (&outcome->result, g_free);
}

static char *
url_of (const BakenReportUploadJob *job,
        const char                 *day)
{
  return g_strdup_printf ("%s%s%s/%s.json", job->url,
                          g_str_has_suffix (job->url, "/") ? "" : "/", job->kiosk_id, day);
}

/* What the status screen and the log say about an answer that is not 2xx. */
static char *
describe_status (guint       status,
                 const char *reason)
{
  const char *hint = "";

  if (status == 401 || status == 403)
    hint = ": the server does not accept the token; check [monitor] upload-token";
  else if (status >= 500)
    hint = ": the server has a problem; the reports are kept and sent later";
  else if (status >= 300 && status < 400)
    hint = ": the server redirects; give the final address as [monitor] upload-url";

  return g_strdup_printf ("HTTP %u %s%s", status, reason != NULL ? reason : "", hint);
}

/* Sends one report; TRUE when the server took it. */
static gboolean
put_one (BakenReportUploadJob      *job,
         BakenReportPutFunc         put,
         const char                *day,
         GCancellable              *cancellable,
         BakenReportUploadOutcome  *outcome)
{
  g_autofree char *name = g_strconcat (day, ".json", NULL);
  g_autofree char *path = g_build_filename (job->reports_dir, "pending", name, NULL);
  g_autofree char *sent = g_build_filename (job->reports_dir, "sent", name, NULL);
  g_autofree char *url = url_of (job, day);
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint status;

  if (!baken_file_read (path, BAKEN_FILE_MAX_JSON, &text, &length, &error))
    {
      /* Gone since it was listed (forgotten at 60 days): nothing to send. */
      g_debug ("Not sending %s: %s", path, error->message);
      return TRUE;
    }
  body = g_bytes_new_take (g_steal_pointer (&text), length);

  status = put (url, job->token, body, job->stall_s, cancellable, &reason, &error);
  outcome->http_status = status;
  if (status == 0)
    {
      outcome->result = g_strdup_printf ("No answer from %s: %s", job->url, error->message);
      return FALSE;
    }
  if (status < 200 || status > 299)
    {
      g_autofree char *what = describe_status (status, reason);

      outcome->result = g_strdup_printf ("%s (%s)", what, url);
      return FALSE;
    }

  if (g_rename (path, sent) != 0)
    {
      /* Sent, but still pending: it goes again, to the same file on the server. */
      outcome->result = g_strdup_printf ("Sent %s but cannot move it to %s", path, sent);
      return FALSE;
    }
  outcome->sent++;
  return TRUE;
}

gboolean
baken_report_upload_run (BakenReportUploadJob      *job,
                         GCancellable              *cancellable,
                         BakenReportUploadOutcome  *outcome,
                         GError                   **error)
{
  g_autoptr(BakenState) state = NULL;
  g_autoptr(BakenDeadline) deadline = NULL;
  g_autoptr(GError) module_error = NULL;
  g_autoptr(GError) record_error = NULL;
  g_auto(GStrv) days = NULL;
  BakenReportPutFunc put;

  memset (outcome, 0, sizeof *outcome);
  state = baken_state_open (job->state_path, error);
  if (state == NULL)
    return FALSE;

  days = baken_report_list_pending (job->reports_dir);
  if (days[0] == NULL)
    {
      outcome->ok = TRUE;
      return TRUE;
    }

  deadline = baken_deadline_new (g_get_monotonic_time () +
                                 (gint64) job->timeout_s * G_USEC_PER_SEC, cancellable);
  put = (BakenReportPutFunc) baken_module_lookup (BAKEN_SYNC_MODULE,
                                                  BAKEN_REPORT_PUT_SYMBOL, &module_error);
  if (put == NULL)
    outcome->result = g_strdup_printf ("Cannot send reports: %s", module_error->message);

  outcome->ok = put != NULL;
  for (guint i = 0; put != NULL && days[i] != NULL; i++)
    if (!put_one (job, put, days[i], baken_deadline_get_cancellable (deadline), outcome))
      {
        outcome->ok = FALSE;
        break;
      }
  if (outcome->ok)
    outcome->result = g_strdup_printf ("ok: %u report%s sent", outcome->sent,
                                       outcome->sent == 1 ? "" : "s");

  if (outcome->ok)
    g_message ("Reports: %s", outcome->result);
  else
    g_message ("Reports not sent, kept for later: %s", outcome->result);
  if (!baken_state_record_upload (state, job->now, outcome->ok, outcome->result, &record_error))
    g_message ("Recording the report upload: %s", record_error->message);

  return TRUE;
}

gint64
baken_report_upload_next_due (const BakenSyncPolicy    *policy,
                              gint64                    now,
                              const BakenUploadStatus  *status)
{
  gint64 due = now;

  /* After the sync's window of today, in its time zone. */
  if (policy->schedule.kind == BAKEN_SYNC_SCHEDULE_WINDOW)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, policy->tz);
      g_autoptr(GDateTime) midnight = g_date_time_new (policy->tz,
                                                       g_date_time_get_year (local),
                                                       g_date_time_get_month (local),
                                                       g_date_time_get_day_of_month (local),
                                                       0, 0, 0);

      due = g_date_time_to_unix (midnight) + policy->schedule.window_end;
    }

  /* A clock that went back makes the last attempt unknown. */
  if (status->failures > 0 && status->last_attempt <= now)
    due = MAX (due, status->last_attempt +
                    (gint64) baken_sync_policy_backoff (policy, status->failures));

  return due;
}
