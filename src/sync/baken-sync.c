/* baken-sync.c: fetch, verify and install content bundles, on a schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object the kiosk holds: its scheduler, busy and stale, and the signals. An attempt
 * runs through baken-sync-runner.c; which content to open, and the fallback after
 * failed opens, is baken-sync-opening.c's.
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "baken-bundle.h"
#include "baken-store.h"
#include "baken-store-reconcile.h"
#include "baken-sync.h"
#include "baken-sync-opening.h"
#include "baken-sync-private.h"
#include "baken-sync-runner.h"
#include "baken-sync-trust.h"

/* The scheduler's timer wakes at least this often (seconds); the policy decides. */
#define TICK_MAX_S 60

struct _BakenSync
{
  GObject           parent_instance;

  /* Inputs */
  BakenSyncSettings *settings;    /* (owned) */
  char             *state_dir;     /* (owned) */
  BakenSyncPolicy  *policy;        /* (owned) */
  BakenRoot        *root;          /* (owned) the root in force (baken-sync-trust.h) */
  GPtrArray        *keys;          /* (owned) the BakenMinisignPublicKey it trusts */

  /* Main-thread connection and store (the worker opens its own) */
  BakenStore       *store;         /* (owned) */
  BakenState       *state;         /* (owned) */

  /* State, as last read */
  BakenInstalled    installed;
  BakenSyncStatus   status;
  BakenStaleFlags   stale;

  /* Scheduler */
  guint             tick_id;       /* GSource id, 0 when stopped */
  GCancellable     *cancellable;   /* (owned) (nullable) of the running attempt */
  gboolean          busy;
  gboolean          again;         /* sync_now while busy */
};

G_DEFINE_FINAL_TYPE (BakenSync, baken_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_STALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CONTENT_READY,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_tick (BakenSync *self);

static gint64
wall_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
set_busy (BakenSync *self,
          gboolean   busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_stale (BakenSync *self,
              gint64     now)
{
  BakenStaleFlags stale = self->installed.serial == 0
                          ? BAKEN_STALE_NONE
                          : baken_sync_policy_staleness (now, self->installed.created,
                                                         self->installed.expires,
                                                         self->settings->max_age);

  if (self->stale == stale)
    return;
  self->stale = stale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
}

/* What an attempt leaves: the installed record, the sync status, the root in force. */
static void
take_job (BakenSync    *self,
          BakenSyncJob *job)
{
  baken_installed_copy (&self->installed, &job->installed);
  baken_sync_status_copy (&self->status, &job->status);
  if (job->root != NULL)
    {
      g_clear_pointer (&self->root, baken_root_unref);
      self->root = g_steal_pointer (&job->root);
      g_clear_pointer (&self->keys, g_ptr_array_unref);
      self->keys = baken_sync_trust_keys (self->root, self->installed.root_version);
    }
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  BakenSyncJob *job = task_data;
  GError *error = NULL;
  BakenSyncOutcome *outcome = baken_sync_runner_run (job, cancellable, &error);

  if (outcome == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, outcome, (GDestroyNotify) baken_sync_outcome_free);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  BakenSync *self = BAKEN_SYNC (object);
  g_autoptr(GTask) caller = user_data;
  GTask *task = G_TASK (result);
  BakenSyncJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  BakenSyncOutcome *outcome = g_task_propagate_pointer (task, &error);

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (outcome != NULL)
    {
      take_job (self, job);
      update_stale (self, wall_now ());

      g_signal_emit (self, signals[FINISHED], 0, outcome);
      if (outcome->result == BAKEN_SYNC_RESULT_INSTALLED)
        {
          g_autofree char *path = baken_store_get_content_path (self->store,
                                                                 self->installed.serial);

          g_signal_emit (self, signals[CONTENT_READY], 0, self->installed.serial, path);
        }
      g_task_return_pointer (caller, outcome, (GDestroyNotify) baken_sync_outcome_free);
    }
  else
    g_task_return_error (caller, g_steal_pointer (&error));

  if (self->again)
    {
      self->again = FALSE;
      baken_sync_run_async (self, NULL, NULL, NULL, NULL);
    }
  else if (self->tick_id != 0)
    schedule_tick (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  BakenSync *self = user_data;
  gint64 now = wall_now ();

  self->tick_id = 0;
  update_stale (self, now);

  if (!self->busy && self->settings->url != NULL &&
      baken_sync_policy_is_due (self->policy, now, self->status.last_attempt,
                                self->status.last_success, self->status.failures))
    {
      /* schedule_tick () runs again when the attempt finishes; keep the timer marked. */
      self->tick_id = G_MAXUINT;
      baken_sync_run_async (self, NULL, NULL, NULL, NULL);
      return G_SOURCE_REMOVE;
    }

  schedule_tick (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_tick (BakenSync *self)
{
  gint64 now = wall_now ();
  gint64 next = baken_sync_policy_next_due (self->policy, now, self->status.last_attempt,
                                            self->status.last_success, self->status.failures);
  guint delay = CLAMP (next - now, 1, TICK_MAX_S);

  if (self->tick_id != 0 && self->tick_id != G_MAXUINT)
    g_source_remove (self->tick_id);
  self->tick_id = g_timeout_add_seconds (delay, tick_cb, self);
}

static void
baken_sync_dispose (GObject *object)
{
  BakenSync *self = BAKEN_SYNC (object);

  baken_sync_stop (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (baken_sync_parent_class)->dispose (object);
}

static void
baken_sync_finalize (GObject *object)
{
  BakenSync *self = BAKEN_SYNC (object);

  g_clear_pointer (&self->settings, baken_sync_settings_free);
  g_clear_pointer (&self->policy, baken_sync_policy_free);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->root, baken_root_unref);
  g_free (self->state_dir);
  baken_installed_clear (&self->installed);
  baken_sync_status_clear (&self->status);

  G_OBJECT_CLASS (baken_sync_parent_class)->finalize (object);
}

static void
baken_sync_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BakenSync *self = BAKEN_SYNC (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, baken_sync_get_busy (self));
      break;

    case PROP_STALE:
      g_value_set_uint (value, baken_sync_get_stale (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_sync_class_init (BakenSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_sync_dispose;
  object_class->finalize = baken_sync_finalize;
  object_class->get_property = baken_sync_get_property;

  /**
   * BakenSync:busy:
   *
   * Whether an attempt is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BakenSync:stale:
   *
   * BakenStaleFlags of the installed content: non-zero means the staff notice.
   */
  properties[PROP_STALE] =
    g_param_spec_uint ("stale", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BakenSync::content-ready:
   * @serial: the bundle that is now current
   * @path: its content DB
   *
   * A new bundle is installed. Switch to it at the next idle reset, with
   * baken_sync_begin_open (), never while a resident is using the kiosk.
   */
  signals[CONTENT_READY] =
    g_signal_new ("content-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_STRING);

  /**
   * BakenSync::finished:
   * @outcome: (type gpointer): the BakenSyncOutcome, valid during the emission
   *
   * An attempt ended (for the staff screen).
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
baken_sync_init (BakenSync *self)
{
}

char *
baken_sync_dup_default_state_dir (void)
{
  if (getuid () == 0 || g_strcmp0 (g_get_user_name (), "baken") == 0)
    return g_strdup ("/var/lib/baken");

  return g_build_filename (g_get_user_state_dir (), "baken", NULL);
}

BakenSync *
baken_sync_new (const BakenSyncSettings *settings,
                const char   *state_dir,
                GError      **error)
{
  g_autoptr(BakenSync) self = NULL;
  g_autofree char *state_path = NULL;
  g_autofree char *device_id = NULL;
  g_autoptr(BakenRoot) anchor = NULL;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (state_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (BAKEN_TYPE_SYNC, NULL);
  self->settings = baken_sync_settings_copy (settings);
  self->state_dir = g_strdup (state_dir);
  device_id = baken_sync_policy_dup_device_id ();
  self->policy = baken_sync_policy_new (&settings->schedule, device_id, NULL);
  anchor = baken_sync_trust_anchor (settings);

  self->store = baken_store_new (state_dir, error);
  if (self->store == NULL)
    return NULL;
  /* A damaged state DB is moved aside and made again; reconciling restores what it
   * knew of the installed content from the bundles. */
  state_path = baken_store_get_state_path (self->store);
  self->state = baken_state_open_or_rebuild (state_path, NULL, error);
  if (self->state == NULL)
    return NULL;

  /* The root in force first: the keys the bundles are checked with, and the root version
   * the floors belong to. */
  self->root = baken_sync_trust_load (self->store, self->state, anchor, error);
  if (self->root == NULL || !baken_state_get_installed (self->state, &self->installed, error))
    return NULL;
  self->keys = baken_sync_trust_keys (self->root, self->installed.root_version);

  /* Read again after reconciling: what was read above goes first. */
  baken_installed_clear (&self->installed);
  if (!baken_store_reconcile (self->store, self->state, self->keys, error) ||
      !baken_state_get_installed (self->state, &self->installed, error) ||
      !baken_state_get_sync_status (self->state, &self->status, error))
    return NULL;
  update_stale (self, wall_now ());

  return g_steal_pointer (&self);
}

char *
baken_sync_begin_open (BakenSync  *self,
                       GError    **error)
{
  g_auto(BakenInstalled) installed = { 0 };
  char *path = NULL;

  g_return_val_if_fail (BAKEN_IS_SYNC (self), NULL);

  if (!baken_sync_opening_begin (self->store, self->state, self->keys, self->state_dir,
                                 wall_now (), &installed, &path, error))
    return NULL;
  baken_installed_copy (&self->installed, &installed);
  if (path != NULL)
    update_stale (self, wall_now ());

  return path;
}

gboolean
baken_sync_count_cut_off (BakenSync *self,
                          guint64    serial)
{
  g_auto(BakenInstalled) installed = { 0 };

  g_return_val_if_fail (BAKEN_IS_SYNC (self), FALSE);

  if (!baken_sync_opening_cut_off (self->state, serial, &installed))
    return FALSE;
  baken_installed_copy (&self->installed, &installed);
  return installed.open_failures >= BAKEN_SYNC_MAX_OPEN_FAILURES;
}

GPtrArray *
baken_sync_dup_keys (BakenSync *self)
{
  g_return_val_if_fail (BAKEN_IS_SYNC (self), NULL);

  return g_ptr_array_ref (self->keys);
}

guint
baken_sync_get_root_version (BakenSync *self)
{
  g_return_val_if_fail (BAKEN_IS_SYNC (self), 0);

  return self->root->version;
}

void
baken_sync_open_succeeded (BakenSync *self)
{
  g_auto(BakenInstalled) installed = { 0 };

  g_return_if_fail (BAKEN_IS_SYNC (self));

  if (baken_sync_opening_succeeded (self->state, &installed))
    baken_installed_copy (&self->installed, &installed);
}

void
baken_sync_start (BakenSync *self)
{
  g_return_if_fail (BAKEN_IS_SYNC (self));

  if (self->tick_id != 0)
    return;
  if (self->busy)
    {
      self->tick_id = G_MAXUINT;  /* picked up when the attempt finishes */
      return;
    }
  schedule_tick (self);
}

void
baken_sync_stop (BakenSync *self)
{
  g_return_if_fail (BAKEN_IS_SYNC (self));

  if (self->tick_id != 0 && self->tick_id != G_MAXUINT)
    g_source_remove (self->tick_id);
  self->tick_id = 0;
}

gboolean
baken_sync_sync_now (BakenSync *self)
{
  g_return_val_if_fail (BAKEN_IS_SYNC (self), FALSE);

  if (self->settings->url == NULL)
    return FALSE;

  if (self->busy)
    self->again = TRUE;
  else
    baken_sync_run_async (self, NULL, NULL, NULL, NULL);

  return TRUE;
}

void
baken_sync_run_async (BakenSync           *self,
                      const char          *folder,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) caller = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BAKEN_IS_SYNC (self));

  caller = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (caller, baken_sync_run_async);

  if (self->busy)
    {
      g_task_return_new_error (caller, G_IO_ERROR, G_IO_ERROR_BUSY,
                               "A sync is already running");
      return;
    }

  set_busy (self, TRUE);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  task = g_task_new (self, self->cancellable, run_done_cb, g_steal_pointer (&caller));
  g_task_set_source_tag (task, baken_sync_run_async);
  g_task_set_task_data (task, _baken_sync_job_new (self->settings, self->state_dir, folder,
                                                   wall_now ()),
                        (GDestroyNotify) _baken_sync_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_thread);
}

BakenSyncOutcome *
baken_sync_run_finish (BakenSync     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (BAKEN_IS_SYNC (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

BakenSyncOutcome *
baken_sync_run (BakenSync     *self,
                const char    *folder,
                gint64         now,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(BakenSyncJob) job = NULL;
  BakenSyncOutcome *outcome;

  g_return_val_if_fail (BAKEN_IS_SYNC (self), NULL);

  job = _baken_sync_job_new (self->settings, self->state_dir, folder, now);
  outcome = baken_sync_runner_run (job, cancellable, error);
  if (outcome != NULL)
    take_job (self, job);

  return outcome;
}

gboolean
baken_sync_get_busy (BakenSync *self)
{
  g_return_val_if_fail (BAKEN_IS_SYNC (self), FALSE);

  return self->busy;
}

BakenStaleFlags
baken_sync_get_stale (BakenSync *self)
{
  g_return_val_if_fail (BAKEN_IS_SYNC (self), BAKEN_STALE_NONE);

  return self->stale;
}

void
baken_sync_get_installed (BakenSync      *self,
                          BakenInstalled *installed)
{
  g_return_if_fail (BAKEN_IS_SYNC (self));
  g_return_if_fail (installed != NULL);

  memset (installed, 0, sizeof *installed);
  baken_installed_copy (installed, &self->installed);
}

const char *
baken_sync_get_state_dir (BakenSync *self)
{
  g_return_val_if_fail (BAKEN_IS_SYNC (self), NULL);

  return self->state_dir;
}

gint64
baken_sync_get_next_due (BakenSync *self)
{
  g_return_val_if_fail (BAKEN_IS_SYNC (self), 0);

  if (self->settings->url == NULL || self->tick_id == 0)
    return 0;
  return baken_sync_policy_next_due (self->policy, wall_now (), self->status.last_attempt,
                                     self->status.last_success, self->status.failures);
}
