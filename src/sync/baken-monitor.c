/* baken-monitor.c: what the kiosk counts, and its daily reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counts wait in a hash table; a flush hands the table to the monitor's thread (a
 * pool of one, so flushes and exports run in the order they were asked), which writes
 * them in one transaction, then writes the reports of the days that are over. The
 * upload runs in a GTask thread of its own, so a server that stalls never holds up the
 * counts.
 */
#define G_LOG_DOMAIN "baken-monitor"

#include "config.h"

#include <string.h>

#include "baken-count-terms.h"
#include "baken-monitor.h"
#include "baken-monitor-batch.h"
#include "baken-report-upload.h"

typedef struct
{
  BakenMonitorBatch *batch;    /* (owned) */
  BakenReportStatus *status;   /* (owned) */
  gint64             now;
  char              *dest;     /* (nullable) export here */
  GTask             *task;     /* (nullable) (owned) the export's */
  /* flush_sync waits for done */
  GMutex            *mutex;
  GCond             *cond;
  gboolean          *done;
} Job;

struct _BakenMonitor
{
  GObject               parent_instance;

  BakenMonitorSettings *settings;      /* (owned) */
  BakenSyncSettings    *sync;          /* (owned) */
  BakenSyncPolicy      *policy;        /* (owned) the window and back-off */
  char                 *state_path;    /* (owned) */
  char                 *reports_dir;   /* (owned) */
  GStrv                 word_lists;    /* (owned) */
  BakenClock           *clock;         /* (owned) */
  BakenReportStatus    *status;        /* (owned) */

  BakenMonitorBatch    *batch;         /* (owned) the counts until the next flush */
  GThreadPool          *pool;          /* (owned) one thread: flushes and exports */
  BakenState           *worker_state;  /* (owned) (nullable) used by the pool's thread */

  guint                 tick_id;
  gboolean              uploading;
  BakenUploadStatus     upload;
};

G_DEFINE_FINAL_TYPE (BakenMonitor, baken_monitor, G_TYPE_OBJECT)

enum {
  UPLOAD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (Job *job)
{
  baken_monitor_batch_free (job->batch);
  baken_report_status_free (job->status);
  g_free (job->dest);
  g_clear_object (&job->task);
  g_free (job);
}

/* The worker's connection, opened at its first job. */
static BakenState *
worker_state (BakenMonitor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->worker_state == NULL)
    {
      self->worker_state = baken_state_open (self->state_path, &error);
      if (self->worker_state == NULL)
        g_message ("No counts are kept: %s", error->message);
    }

  return self->worker_state;
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  BakenMonitor *self = user_data;
  BakenState *state = worker_state (self);
  g_autoptr(GError) error = NULL;
  guint exported = 0;

  if (state != NULL)
    {
      baken_monitor_batch_write (job->batch, state, (const char * const *) self->word_lists);
      if (!baken_report_write_due (state, self->reports_dir, job->status, job->now, NULL,
                                   &error))
        g_message ("Reports not written: %s", error->message);
      g_clear_error (&error);
    }

  if (job->task != NULL)
    {
      if (state == NULL)
        g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 "The state DB %s cannot be opened", self->state_path);
      else if (!baken_report_export (state, self->reports_dir, job->status, job->now,
                                     job->dest, &exported, &error))
        g_task_return_error (job->task, g_steal_pointer (&error));
      else
        g_task_return_int (job->task, exported);
    }

  if (job->done != NULL)
    {
      g_mutex_lock (job->mutex);
      *job->done = TRUE;
      g_cond_signal (job->cond);
      g_mutex_unlock (job->mutex);
    }
  job_free (job);
}

/* Hands the batch to the worker in a job. */
static Job *
take_job (BakenMonitor *self)
{
  Job *job = g_new0 (Job, 1);

  job->batch = g_steal_pointer (&self->batch);
  self->batch = baken_monitor_batch_new ();
  job->status = baken_report_status_copy (self->status);
  job->now = baken_clock_get_unix (self->clock);

  return job;
}

static char *
today (BakenMonitor *self)
{
  return baken_report_day_of (baken_clock_get_unix (self->clock));
}

static void upload_start (BakenMonitor *self);

static gboolean
upload_due (BakenMonitor *self)
{
  g_auto(GStrv) pending = NULL;
  gint64 now = baken_clock_get_unix (self->clock);

  if (self->settings->upload_url == NULL || self->uploading ||
      now < baken_report_upload_next_due (self->policy, now, &self->upload))
    return FALSE;
  pending = baken_report_list_pending (self->reports_dir);

  return pending[0] != NULL;
}

static gboolean
tick_cb (gpointer user_data)
{
  BakenMonitor *self = user_data;

  baken_monitor_flush (self);
  if (upload_due (self))
    upload_start (self);

  return G_SOURCE_CONTINUE;
}

static void
upload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BakenReportUploadJob *job = task_data;
  g_auto(BakenReportUploadOutcome) outcome = { 0 };
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GError) error = NULL;
  BakenUploadStatus *status = g_new0 (BakenUploadStatus, 1);

  if (!baken_report_upload_run (job, cancellable, &outcome, &error))
    g_message ("Reports not sent: %s", error->message);
  g_clear_error (&error);

  state = baken_state_open (job->state_path, &error);
  if (state == NULL || !baken_state_get_upload_status (state, status, &error))
    {
      g_message ("Reading the report upload status: %s", error->message);
      baken_upload_status_clear (status);
      g_clear_pointer (&status, g_free);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task, status, NULL);
}

static void
upload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BakenMonitor *self = BAKEN_MONITOR (object);
  BakenUploadStatus *status = g_task_propagate_pointer (G_TASK (result), NULL);

  self->uploading = FALSE;
  if (status != NULL)
    {
      baken_upload_status_clear (&self->upload);
      self->upload = *status;
      g_free (status);
    }
  g_signal_emit (self, signals[UPLOAD_CHANGED], 0);
}

static void
upload_start (BakenMonitor *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, upload_done_cb, NULL);
  BakenReportUploadJob *job = g_new0 (BakenReportUploadJob, 1);

  job->reports_dir = g_strdup (self->reports_dir);
  job->state_path = g_strdup (self->state_path);
  job->url = g_strdup (self->settings->upload_url);
  job->token = g_strdup (self->settings->upload_token);
  job->kiosk_id = g_strdup (self->settings->kiosk_id);
  job->timeout_s = self->sync->timeout;
  job->stall_s = self->sync->stall_timeout;
  job->now = baken_clock_get_unix (self->clock);

  self->uploading = TRUE;
  g_signal_emit (self, signals[UPLOAD_CHANGED], 0);
  g_task_set_task_data (task, job, (GDestroyNotify) baken_report_upload_job_free);
  g_task_run_in_thread (task, upload_thread);
}

static void
baken_monitor_dispose (GObject *object)
{
  BakenMonitor *self = BAKEN_MONITOR (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->pool != NULL)
    {
      baken_monitor_flush (self);
      /* Waits for the flushes and exports queued. */
      g_thread_pool_free (g_steal_pointer (&self->pool), FALSE, TRUE);
    }
  g_clear_object (&self->worker_state);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (baken_monitor_parent_class)->dispose (object);
}

static void
baken_monitor_finalize (GObject *object)
{
  BakenMonitor *self = BAKEN_MONITOR (object);

  baken_monitor_settings_free (self->settings);
  baken_sync_settings_free (self->sync);
  baken_sync_policy_free (self->policy);
  g_free (self->state_path);
  g_free (self->reports_dir);
  g_strfreev (self->word_lists);
  baken_report_status_free (self->status);
  baken_monitor_batch_free (self->batch);
  baken_upload_status_clear (&self->upload);

  G_OBJECT_CLASS (baken_monitor_parent_class)->finalize (object);
}

static void
baken_monitor_class_init (BakenMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_monitor_dispose;
  object_class->finalize = baken_monitor_finalize;

  /**
   * BakenMonitor::upload-changed:
   *
   * An upload started or ended: baken_monitor_get_uploading () and
   * baken_monitor_get_upload_status () tell.
   */
  signals[UPLOAD_CHANGED] =
    g_signal_new ("upload-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baken_monitor_init (BakenMonitor *self)
{
  self->batch = baken_monitor_batch_new ();
}

BakenMonitor *
baken_monitor_new (const BakenMonitorSettings *settings,
                   const BakenSyncSettings    *sync,
                   const char                 *state_dir,
                   const char * const         *languages,
                   BakenClock                 *clock)
{
  BakenMonitor *self;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (settings != NULL && settings->kiosk_id != NULL, NULL);
  g_return_val_if_fail (sync != NULL && state_dir != NULL, NULL);
  g_return_val_if_fail (BAKEN_IS_CLOCK (clock), NULL);

  self = g_object_new (BAKEN_TYPE_MONITOR, NULL);
  self->settings = baken_monitor_settings_copy (settings);
  self->sync = baken_sync_settings_copy (sync);
  self->policy = baken_sync_policy_new (&sync->schedule, settings->kiosk_id, NULL);
  self->state_path = g_build_filename (state_dir, "state.sqlite", NULL);
  self->reports_dir = g_build_filename (state_dir, "reports", NULL);
  self->word_lists = baken_count_terms_lists_for (BAKEN_COUNT_TERMS_DICT_DIR, languages);
  self->clock = g_object_ref (clock);
  self->status = g_new0 (BakenReportStatus, 1);
  self->status->kiosk_id = g_strdup (settings->kiosk_id);
  self->status->content_source = g_strdup ("none");
  self->status->printer_state = g_strdup ("none");
  /* The kiosk process started about now: the reports' uptime counts from here. */
  self->status->started = baken_clock_get_unix (clock);
  self->pool = g_thread_pool_new (run_job, self, 1, FALSE, NULL);

  state = baken_state_open (self->state_path, &error);
  if (state == NULL || !baken_state_get_upload_status (state, &self->upload, &error))
    g_message ("No report upload status: %s", error->message);

  return self;
}

void
baken_monitor_start (BakenMonitor *self)
{
  g_autofree char *day = NULL;

  g_return_if_fail (BAKEN_IS_MONITOR (self));

  if (self->tick_id != 0)
    return;
  day = today (self);
  baken_monitor_batch_add (self->batch, day, BAKEN_COUNT_RESTART, NULL, NULL);
  self->tick_id = g_timeout_add_seconds (BAKEN_MONITOR_FLUSH_S, tick_cb, self);
  /* The reports of days that ended while the kiosk was off, at once. */
  tick_cb (self);
}

void
baken_monitor_count (BakenMonitor   *self,
                     BakenCountKind  kind,
                     const char     *key,
                     const char     *detail)
{
  g_autofree char *day = NULL;

  g_return_if_fail (BAKEN_IS_MONITOR (self));

  day = today (self);
  baken_monitor_batch_add (self->batch, day, kind, key, detail);
}

void
baken_monitor_count_visit (BakenMonitor *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  char hour[3];

  g_return_if_fail (BAKEN_IS_MONITOR (self));

  now = baken_clock_dup_now (self->clock);
  day = g_date_time_format (now, "%Y-%m-%d");
  g_snprintf (hour, sizeof hour, "%02d", g_date_time_get_hour (now));
  baken_monitor_batch_add (self->batch, day, BAKEN_COUNT_VISIT, hour, NULL);
}

void
baken_monitor_count_search (BakenMonitor *self,
                            BakenCatalog *catalog,
                            const char   *text,
                            gboolean      found)
{
  g_autofree char *day = NULL;
  g_autofree char *term = NULL;
  g_autoptr(GError) error = NULL;
  GStrv unknown;

  g_return_if_fail (BAKEN_IS_MONITOR (self));

  day = today (self);
  baken_monitor_batch_add (self->batch, day, BAKEN_COUNT_SEARCH, NULL, NULL);
  if (found)
    return;
  baken_monitor_batch_add (self->batch, day, BAKEN_COUNT_SEARCH_EMPTY, NULL, NULL);

  /* Only a term of plain words goes further, and only until the next flush. */
  term = baken_count_term_normalize (text);
  if (term == NULL || catalog == NULL)
    return;
  unknown = baken_count_term_unknown_words (catalog, term, &error);
  if (unknown == NULL)
    {
      g_debug ("Search term not checked: %s", error->message);
      return;
    }
  baken_monitor_batch_add_term (self->batch, day, term, unknown);
}

void
baken_monitor_set_status (BakenMonitor            *self,
                          const BakenReportStatus *status)
{
  gint64 started;

  g_return_if_fail (BAKEN_IS_MONITOR (self));

  started = self->status->started;
  baken_report_status_free (self->status);
  self->status = baken_report_status_copy (status);
  self->status->started = started;
  g_free (self->status->kiosk_id);
  self->status->kiosk_id = g_strdup (self->settings->kiosk_id);
}

void
baken_monitor_flush (BakenMonitor *self)
{
  g_return_if_fail (BAKEN_IS_MONITOR (self));

  if (self->pool != NULL)
    g_thread_pool_push (self->pool, take_job (self), NULL);
}

void
baken_monitor_flush_sync (BakenMonitor *self)
{
  GMutex mutex;
  GCond cond;
  gboolean done = FALSE;
  Job *job;

  g_return_if_fail (BAKEN_IS_MONITOR (self));

  if (self->pool == NULL)
    return;
  g_mutex_init (&mutex);
  g_cond_init (&cond);
  job = take_job (self);
  job->mutex = &mutex;
  job->cond = &cond;
  job->done = &done;
  g_mutex_lock (&mutex);
  g_thread_pool_push (self->pool, job, NULL);
  while (!done)
    g_cond_wait (&cond, &mutex);
  g_mutex_unlock (&mutex);
  g_mutex_clear (&mutex);
  g_cond_clear (&cond);
}

gboolean
baken_monitor_upload_now (BakenMonitor *self)
{
  g_return_val_if_fail (BAKEN_IS_MONITOR (self), FALSE);

  if (self->settings->upload_url == NULL || self->uploading)
    return FALSE;
  upload_start (self);

  return TRUE;
}

gboolean
baken_monitor_get_uploading (BakenMonitor *self)
{
  g_return_val_if_fail (BAKEN_IS_MONITOR (self), FALSE);

  return self->uploading;
}

const BakenUploadStatus *
baken_monitor_get_upload_status (BakenMonitor *self)
{
  g_return_val_if_fail (BAKEN_IS_MONITOR (self), NULL);

  return &self->upload;
}

const BakenMonitorSettings *
baken_monitor_get_settings (BakenMonitor *self)
{
  g_return_val_if_fail (BAKEN_IS_MONITOR (self), NULL);

  return self->settings;
}

void
baken_monitor_export_async (BakenMonitor        *self,
                            const char          *dest,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (BAKEN_IS_MONITOR (self));
  g_return_if_fail (dest != NULL);

  job = take_job (self);
  job->dest = g_strdup (dest);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, baken_monitor_export_async);
  g_thread_pool_push (self->pool, job, NULL);
}

guint
baken_monitor_export_finish (BakenMonitor  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  gssize exported;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  exported = g_task_propagate_int (G_TASK (result), error);
  return exported > 0 ? (guint) exported : 0;
}
