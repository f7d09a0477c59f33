/* baken-sync-private.h: one sync attempt, for BakenSync and its worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-root.h"
#include "baken-sync.h"

G_BEGIN_DECLS

/* Sets a BAKEN_SYNC_ERROR and returns FALSE, for `return baken_sync_fail (…);`. Inline:
 * the files of the module baken-sync-http use it as well as the sync's own. */
static inline gboolean baken_sync_fail (GError         **error,
                                        BakenSyncError   code,
                                        const char      *format,
                                        ...) G_GNUC_PRINTF (3, 4);

static inline gboolean
baken_sync_fail (GError         **error,
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

/* Everything an attempt needs, copied on the main thread so the worker shares nothing. */
typedef struct
{
  /* Inputs */
  char            *state_dir;
  char            *url;         /* (nullable) the manifest URL, for a sync from the network */
  char            *folder;      /* (nullable) for a sync from a folder */
  BakenRoot       *anchor;      /* (owned) version 0: the configured keys
                                 * (baken_sync_trust_anchor ()) */
  gint64           now;         /* wall clock, Unix seconds */
  guint            timeout_s;   /* the whole attempt */
  guint            stall_s;     /* without a byte */
  gint64           deadline;    /* monotonic µs: the end of the attempt, timeout_s after
                                 * its start; its cancellable is cancelled then */

  /* Outputs, read back after the attempt was recorded */
  BakenRoot       *root;        /* (owned) (nullable) the root in force after it */
  BakenInstalled   installed;
  BakenSyncStatus  status;
} BakenSyncJob;

/* baken-sync-runner.c */
BakenSyncJob     *_baken_sync_job_new  (const BakenSyncSettings *settings,
                                        const char     *state_dir,
                                        const char     *folder,
                                        gint64          now);
void              _baken_sync_job_free (BakenSyncJob   *job);

/* baken-sync-job.c, in the module baken-sync-http (BAKEN_SYNC_MODULE): runs the
 * attempt in the calling thread and records it. NULL (with error) only when the store
 * or the state DB cannot be opened. cancellable is cancelled at job->deadline too (a
 * BakenDeadline): a cancellation at or after it is a timeout. */
#define BAKEN_SYNC_MODULE "baken-sync-http"
typedef BakenSyncOutcome *(*BakenSyncJobRunFunc) (BakenSyncJob   *job,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
BakenSyncOutcome *_baken_sync_job_run  (BakenSyncJob   *job,
                                        GCancellable   *cancellable,
                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSyncJob, _baken_sync_job_free)

G_END_DECLS
