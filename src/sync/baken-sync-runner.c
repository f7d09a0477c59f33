/* baken-sync-runner.c: one sync attempt in the calling thread, through the module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copies what an attempt needs (BakenSyncJob), keeps its deadline, looks up the attempt
 * in the module baken-sync-http and runs it; without the module, records a failure that
 * says why. BakenSync (baken-sync.c) uses it from its worker thread, and blocking.
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include "baken-sync-runner.h"

#include "baken-bundle.h"
#include "baken-deadline.h"
#include "baken-module.h"
#include "baken-store.h"
#include "baken-sync-trust.h"

G_DEFINE_QUARK (baken-sync-error-quark, baken_sync_error)

/* Without the module: a failed attempt that says why, recorded like any other (so the
 * scheduler backs off and staff see it in the sync log). */
static BakenSyncOutcome *
record_unavailable (BakenSyncJob  *job,
                    const GError  *module_error,
                    GError       **error)
{
  g_autoptr(BakenSyncOutcome) outcome = g_new0 (BakenSyncOutcome, 1);
  g_autoptr(BakenStore) store = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GError) record_error = NULL;
  g_autofree char *state_path = NULL;

  store = baken_store_new (job->state_dir, error);
  if (store == NULL)
    return NULL;
  state_path = baken_store_get_state_path (store);
  state = baken_state_open (state_path, error);
  if (state == NULL)
    return NULL;

  outcome->result = BAKEN_SYNC_RESULT_FAILED;
  outcome->source = g_strdup (job->folder != NULL ? job->folder
                              : job->url != NULL ? job->url : "(none)");
  outcome->error = g_error_new (BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_UNAVAILABLE,
                                "The sync cannot run: %s", module_error->message);
  if (!baken_state_record_sync (state, job->now, outcome->source, outcome->result, 0,
                                outcome->error->message, NULL, NULL, &record_error))
    g_debug ("Recording the sync: %s", record_error->message);

  baken_installed_clear (&job->installed);
  baken_sync_status_clear (&job->status);
  baken_state_get_installed (state, &job->installed, NULL);
  baken_state_get_sync_status (state, &job->status, NULL);

  return g_steal_pointer (&outcome);
}

/* The attempt is in the module that links libsoup, loaded at the first one: a start of
 * the kiosk does not pay for libsoup, gnutls and the rest. Any thread. */
BakenSyncOutcome *
baken_sync_runner_run (BakenSyncJob  *job,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GError) module_error = NULL;
  g_autoptr(BakenDeadline) deadline = NULL;
  BakenSyncJobRunFunc run;

  /* One deadline for the whole attempt, kept by a timer of its own: a check between
   * reads never runs while a server trickles its headers or never answers, and every
   * byte restarts libsoup's stall timeout. */
  job->deadline = g_get_monotonic_time () + (gint64) job->timeout_s * G_USEC_PER_SEC;
  deadline = baken_deadline_new (job->deadline, cancellable);

  run = (BakenSyncJobRunFunc) baken_module_lookup (BAKEN_SYNC_MODULE, "_baken_sync_job_run",
                                                   &module_error);
  if (run == NULL)
    return record_unavailable (job, module_error, error);

  return run (job, baken_deadline_get_cancellable (deadline), error);
}

BakenSyncJob *
_baken_sync_job_new (const BakenSyncSettings *settings,
                     const char  *state_dir,
                     const char  *folder,
                     gint64       now)
{
  BakenSyncJob *job = g_new0 (BakenSyncJob, 1);

  job->state_dir = g_strdup (state_dir);
  job->folder = g_strdup (folder);
  if (folder == NULL && settings->url != NULL)
    job->url = g_str_has_suffix (settings->url, "/")
               ? g_strconcat (settings->url, BAKEN_BUNDLE_MANIFEST_NAME, NULL)
               : g_strdup (settings->url);
  job->anchor = baken_sync_trust_anchor (settings);
  job->now = now;
  job->timeout_s = settings->timeout;
  job->stall_s = settings->stall_timeout;

  return job;
}

void
_baken_sync_job_free (BakenSyncJob *job)
{
  if (job == NULL)
    return;

  g_free (job->state_dir);
  g_free (job->url);
  g_free (job->folder);
  baken_root_unref (job->anchor);
  g_clear_pointer (&job->root, baken_root_unref);
  baken_installed_clear (&job->installed);
  baken_sync_status_clear (&job->status);
  g_free (job);
}

void
baken_sync_outcome_free (BakenSyncOutcome *outcome)
{
  if (outcome == NULL)
    return;

  g_free (outcome->source);
  g_clear_error (&outcome->error);
  g_free (outcome);
}
