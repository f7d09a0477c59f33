/* baken-report-upload.h: the daily reports to the server, by HTTP PUT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each pending report goes to URL/KIOSK-ID/DAY.json with "Authorization: Bearer
 * TOKEN", oldest first. A 2xx answer moves it to REPORTS/sent; anything else (no
 * connection, a stall, 401, 500) leaves it pending and ends the attempt, to be tried
 * again after a back-off. A PUT of the same day replaces the same file on the server,
 * so a report whose answer got lost and is sent again is still there once. The token
 * is never logged nor recorded.
 *
 * The PUT is in the module baken-sync-http (libsoup), like the sync's downloads; an
 * attempt runs in a worker thread, within a deadline (BakenDeadline) for the whole of it
 * and a stall timeout for each read.
 */
#pragma once

#include <gio/gio.h>

#include "baken-state-counts.h"
#include "baken-sync-policy.h"

G_BEGIN_DECLS

typedef struct
{
  char    *reports_dir;
  char    *state_path;
  char    *url;         /* [monitor] upload-url */
  char    *token;       /* [monitor] upload-token */
  char    *kiosk_id;
  guint    timeout_s;   /* the whole attempt */
  guint    stall_s;     /* without a byte */
  gint64   now;         /* Unix seconds, recorded as the attempt's time */
} BakenReportUploadJob;

void baken_report_upload_job_free (BakenReportUploadJob *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenReportUploadJob, baken_report_upload_job_free)

typedef struct
{
  guint     sent;         /* reports the server took */
  gboolean  ok;           /* every pending report was sent (or there were none) */
  guint     http_status;  /* of the last answer; 0 when none came */
  char     *result;       /* "ok", or what went wrong (for the status screen) */
} BakenReportUploadOutcome;

void baken_report_upload_outcome_clear (BakenReportUploadOutcome *outcome);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BakenReportUploadOutcome, baken_report_upload_outcome_clear)

/* One attempt, blocking the calling thread (never the UI's): sends the pending reports
 * and records the result in the state DB. FALSE (with error) only when the state DB
 * cannot be opened; a failed upload is an outcome. */
gboolean baken_report_upload_run      (BakenReportUploadJob      *job,
                                       GCancellable              *cancellable,
                                       BakenReportUploadOutcome  *outcome,
                                       GError                   **error);

/* When the next attempt is due (Unix seconds; ≤ now: now). Reports of the day before
 * go out after the sync's window of today (for a window schedule; any time for an
 * interval); after failures, at the last attempt plus the sync policy's back-off. */
gint64   baken_report_upload_next_due (const BakenSyncPolicy     *policy,
                                       gint64                     now,
                                       const BakenUploadStatus   *status);

/* The PUT, in the module baken-sync-http: the HTTP status of the answer, or 0 with
 * error when none came (NETWORK, TIMEOUT after stall_s or when cancellable is
 * cancelled: the attempt's deadline). *reason: the answer's reason phrase. */
#define BAKEN_REPORT_PUT_SYMBOL "_baken_report_put"
typedef guint (*BakenReportPutFunc) (const char    *url,
                                     const char    *token,
                                     GBytes        *body,
                                     guint          stall_s,
                                     GCancellable  *cancellable,
                                     char         **reason,
                                     GError       **error);
guint    _baken_report_put            (const char    *url,
                                       const char    *token,
                                       GBytes        *body,
                                       guint          stall_s,
                                       GCancellable  *cancellable,
                                       char         **reason,
                                       GError       **error);

G_END_DECLS
