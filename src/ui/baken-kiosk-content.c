/* baken-kiosk-content.c: the content the kiosk shows, and the switch to a new bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Verification blocks (hashing, SQLite, the icon check child), so it always runs in a
 * worker thread: at startup one thread while GTK starts up (baken_kiosk_content_wait ()
 * joins it; the rare fallbacks after a refusal are verified right there), for an update
 * a GTask. BakenSync is only touched on the main thread.
 */
#define G_LOG_DOMAIN "baken-kiosk-content"

#include "config.h"

#include "baken-kiosk-content.h"

#include "baken-bundle.h"
#include "baken-clock.h"
#include "baken-content-attempt.h"

struct _BakenKioskContent
{
  GObject             parent_instance;

  /* Inputs */
  BakenConfig        *config;        /* (owned) */
  BakenSync          *sync;          /* (owned) (nullable) */
  BakenClock         *clock;         /* (owned) */
  GPtrArray          *keys;          /* (owned) the configured keys, without a sync */

  /* What is open */
  BakenCatalog       *catalog;       /* (owned) (nullable) */
  BakenContentOrigin  origin;
  guint64             serial;
  char               *problem;       /* (owned) (nullable) */
  gint64              clock_behind;  /* seconds, see baken_kiosk_content_get_clock_behind () */
  gboolean            need_shown;    /* opened from the sync store, not yet reported */

  /* Startup */
  GThread            *thread;        /* (owned) (nullable) until wait () */
  int                 stage;         /* Stage of the candidate being verified */
  guint               sync_attempts;

  /* Update */
  BakenCatalog       *next_catalog;  /* (owned) (nullable) verified, waiting */
  guint64             next_serial;
  char               *key_id;        /* (owned) (nullable) the key that signed the shown */
  char               *next_key_id;   /* (owned) (nullable) */
  gboolean            preparing;
  gboolean            again;
  guint               update_attempts;
  GCancellable       *cancellable;   /* (owned) */
  gulong              content_ready_id;
  gulong              stale_id;
};

G_DEFINE_FINAL_TYPE (BakenKioskContent, baken_kiosk_content, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_UPDATE_PENDING,
  PROP_STALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  STAGE_SYNC,
  STAGE_PATH,
  STAGE_DEMO,
  STAGE_NONE,
} Stage;

/* The keys to verify with: the sync's, which follow the root keys document in force (a
 * key rotation revokes configured keys), else the configured ones. */
static GPtrArray *
dup_keys (BakenKioskContent *self)
{
  return self->sync != NULL ? baken_sync_dup_keys (self->sync) : g_ptr_array_ref (self->keys);
}

static BakenContentAttempt *
new_sync_attempt (BakenKioskContent *self)
{
  g_autoptr(GPtrArray) keys = dup_keys (self);

  return baken_content_attempt_new_for_sync (self->sync, keys, self->clock);
}

/* The next candidate of the startup order, from self->stage on; NULL when none is left.
 * Main thread. */
static BakenContentAttempt *
next_startup_attempt (BakenKioskContent *self)
{
  g_autoptr(GPtrArray) keys = dup_keys (self);

  for (;;)
    {
      switch ((Stage) self->stage)
        {
        case STAGE_SYNC:
          /* begin_open () counts every try; after BAKEN_SYNC_MAX_OPEN_FAILURES it
           * falls back to the previous bundle, then to none. The bound only guards
           * against a store that never says "none". */
          if (self->sync != NULL && self->sync_attempts++ < 3 * BAKEN_SYNC_MAX_OPEN_FAILURES)
            {
              BakenContentAttempt *attempt = new_sync_attempt (self);

              if (attempt != NULL)
                return attempt;
            }
          self->stage = STAGE_PATH;
          break;

        case STAGE_PATH:
          self->stage = STAGE_DEMO;
          if (self->config->content_path != NULL)
            return baken_content_attempt_new (BAKEN_CONTENT_ORIGIN_PATH,
                                              self->config->content_path,
                                              self->sync, keys, self->clock);
          break;

        case STAGE_DEMO:
          self->stage = STAGE_NONE;
          return baken_content_attempt_new (BAKEN_CONTENT_ORIGIN_DEMO,
                                            BAKEN_DEMO_BUNDLE_RESOURCE,
                                            self->sync, keys, self->clock);

        case STAGE_NONE:
        default:
          return NULL;
        }
    }
}

static void
report_refusal (BakenKioskContent   *self,
                BakenContentAttempt *attempt)
{
  g_free (self->problem);
  self->problem = g_strdup_printf ("%s (%s) was refused: %s",
                                   baken_content_origin_get_name (attempt->origin),
                                   attempt->location, attempt->error->message);

  /* A demo the configured keys do not trust is how a kiosk with its own keys starts. */
  if (attempt->origin == BAKEN_CONTENT_ORIGIN_DEMO &&
      g_error_matches (attempt->error, BAKEN_BUNDLE_ERROR, BAKEN_BUNDLE_ERROR_UNTRUSTED_KEY))
    g_message ("The embedded demo bundle is not signed by a key of [sync] public-keys; "
               "it is not shown");
  else
    g_warning ("Content: %s", self->problem);
}

static void prepare_update (BakenKioskContent *self);

/* A query of the shown bundle was cut off by its time budget: after a few, as after
 * failed opens, the previous bundle comes back at the next idle reset. */
static void
query_cut_off_cb (BakenCatalog      *catalog,
                  BakenKioskContent *self)
{
  if (catalog != self->catalog || self->origin != BAKEN_CONTENT_ORIGIN_SYNC ||
      !baken_sync_count_cut_off (self->sync, self->serial))
    return;
  self->update_attempts = 0;
  prepare_update (self);
}

static void
watch_catalog (BakenKioskContent *self)
{
  if (self->origin == BAKEN_CONTENT_ORIGIN_SYNC)
    g_signal_connect_object (self->catalog, "query-cut-off", G_CALLBACK (query_cut_off_cb),
                             self, 0);
}

static void
take_bundle (BakenKioskContent   *self,
             BakenContentAttempt *attempt)
{
  g_clear_object (&self->catalog);
  self->catalog = g_steal_pointer (&attempt->bundle->catalog);
  self->serial = attempt->bundle->serial;
  g_free (self->key_id);
  self->key_id = g_strdup (attempt->bundle->key_id);
  self->origin = attempt->origin;
  self->need_shown = attempt->origin == BAKEN_CONTENT_ORIGIN_SYNC;
  g_clear_pointer (&self->problem, g_free);
  watch_catalog (self);

  g_message ("Showing %s: serial %" G_GUINT64_FORMAT ", signed by %s, verified in %"
             G_GINT64_FORMAT " ms", baken_content_origin_get_name (attempt->origin),
             self->serial, attempt->bundle->key_id, attempt->elapsed_us / 1000);

  /* Shown anyway: a wrong clock never takes content away (staff see the notice). */
  self->clock_behind = attempt->bundle->clock_behind;
  if (self->clock_behind > 0)
    g_message ("The clock of this kiosk runs %" G_GINT64_FORMAT " min behind: bundle %"
               G_GUINT64_FORMAT " was created later than the time here. Check the time sync "
               "(NTP) and the clock battery; opening hours on screen follow this clock",
               self->clock_behind / 60, self->serial);
}

static void
update_verified_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BakenKioskContent *self = BAKEN_KIOSK_CONTENT (object);
  g_autoptr(BakenContentAttempt) attempt = baken_content_attempt_run_finish (result);

  self->preparing = FALSE;
  if (attempt == NULL)  /* cancelled: disposing */
    return;

  if (attempt->bundle != NULL)
    {
      g_clear_object (&self->next_catalog);
      self->next_catalog = g_steal_pointer (&attempt->bundle->catalog);
      self->next_serial = attempt->bundle->serial;
      g_free (self->next_key_id);
      self->next_key_id = g_strdup (attempt->bundle->key_id);
      g_message ("Bundle %" G_GUINT64_FORMAT " verified in %" G_GINT64_FORMAT " ms; it is "
                 "shown from the next idle reset", self->next_serial,
                 attempt->elapsed_us / 1000);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATE_PENDING]);
    }
  else
    {
      g_warning ("The new bundle %" G_GUINT64_FORMAT " (%s) does not open: %s; the current "
                 "content stays", attempt->serial, attempt->location, attempt->error->message);
      /* Counted by begin_open (): trying again falls back after a few tries. */
      if (self->update_attempts < 2 * BAKEN_SYNC_MAX_OPEN_FAILURES)
        self->again = TRUE;
    }

  if (self->again)
    {
      self->again = FALSE;
      prepare_update (self);
    }
}

static void
prepare_update (BakenKioskContent *self)
{
  BakenContentAttempt *attempt;

  if (self->preparing)
    {
      self->again = TRUE;
      return;
    }

  self->update_attempts++;
  attempt = new_sync_attempt (self);
  if (attempt == NULL)
    return;

  /* Already on screen (a fallback to it, or a repeated signal): nothing to switch. */
  if (self->origin == BAKEN_CONTENT_ORIGIN_SYNC && attempt->serial == self->serial &&
      self->next_catalog == NULL)
    {
      baken_sync_open_succeeded (self->sync);
      baken_content_attempt_free (attempt);
      return;
    }

  self->preparing = TRUE;
  baken_content_attempt_run_async (attempt, self, self->cancellable, update_verified_cb,
                                   NULL);
}

static void
content_ready_cb (BakenSync         *sync,
                  guint64            serial,
                  const char        *path,
                  BakenKioskContent *self)
{
  g_message ("The sync installed bundle %" G_GUINT64_FORMAT "; verifying it for the kiosk",
             serial);
  self->update_attempts = 0;
  prepare_update (self);
}

static void
stale_cb (BakenSync         *sync,
          GParamSpec        *pspec,
          BakenKioskContent *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
}

static void
baken_kiosk_content_dispose (GObject *object)
{
  BakenKioskContent *self = BAKEN_KIOSK_CONTENT (object);

  if (self->thread != NULL)
    baken_content_attempt_free (g_thread_join (g_steal_pointer (&self->thread)));
  g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    {
      g_clear_signal_handler (&self->content_ready_id, self->sync);
      g_clear_signal_handler (&self->stale_id, self->sync);
    }
  g_clear_object (&self->sync);
  g_clear_object (&self->catalog);
  g_clear_object (&self->next_catalog);
  g_clear_pointer (&self->key_id, g_free);
  g_clear_pointer (&self->next_key_id, g_free);

  G_OBJECT_CLASS (baken_kiosk_content_parent_class)->dispose (object);
}

static void
baken_kiosk_content_finalize (GObject *object)
{
  BakenKioskContent *self = BAKEN_KIOSK_CONTENT (object);

  g_clear_pointer (&self->config, baken_config_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->clock);
  g_free (self->problem);

  G_OBJECT_CLASS (baken_kiosk_content_parent_class)->finalize (object);
}

static void
baken_kiosk_content_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BakenKioskContent *self = BAKEN_KIOSK_CONTENT (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_UPDATE_PENDING:
      g_value_set_boolean (value, baken_kiosk_content_get_update_pending (self));
      break;

    case PROP_STALE:
      g_value_set_uint (value, baken_kiosk_content_get_stale (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_kiosk_content_class_init (BakenKioskContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baken_kiosk_content_dispose;
  object_class->finalize = baken_kiosk_content_finalize;
  object_class->get_property = baken_kiosk_content_get_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         BAKEN_TYPE_CATALOG,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UPDATE_PENDING] =
    g_param_spec_boolean ("update-pending", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  properties[PROP_STALE] =
    g_param_spec_uint ("stale", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_kiosk_content_init (BakenKioskContent *self)
{
  self->cancellable = g_cancellable_new ();
}

BakenKioskContent *
baken_kiosk_content_new (BakenConfig *config,
                         BakenSync   *sync)
{
  g_autoptr(BakenClock) clock = baken_clock_new ();

  return baken_kiosk_content_new_at (config, sync, clock);
}

BakenKioskContent *
baken_kiosk_content_new_at (BakenConfig *config,
                            BakenSync   *sync,
                            BakenClock  *clock)
{
  BakenKioskContent *self;
  BakenContentAttempt *attempt;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (sync == NULL || BAKEN_IS_SYNC (sync), NULL);
  g_return_val_if_fail (BAKEN_IS_CLOCK (clock), NULL);

  self = g_object_new (BAKEN_TYPE_KIOSK_CONTENT, NULL);
  self->config = baken_config_ref (config);
  self->clock = g_object_ref (clock);
  self->keys = baken_bundle_trusted_keys (config->sync.keys);
  if (sync != NULL)
    {
      self->sync = g_object_ref (sync);
      self->content_ready_id = g_signal_connect (sync, "content-ready",
                                                 G_CALLBACK (content_ready_cb), self);
      self->stale_id = g_signal_connect (sync, "notify::stale", G_CALLBACK (stale_cb), self);
    }

  self->stage = STAGE_SYNC;
  attempt = next_startup_attempt (self);
  g_assert (attempt != NULL);  /* the demo at least */
  self->thread = baken_content_attempt_run_in_thread (attempt);

  return self;
}

BakenKioskContent *
baken_kiosk_content_new_for_catalog (BakenConfig  *config,
                                     BakenCatalog *catalog)
{
  BakenKioskContent *self;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), NULL);

  self = g_object_new (BAKEN_TYPE_KIOSK_CONTENT, NULL);
  self->config = baken_config_ref (config);
  self->clock = baken_clock_new ();
  self->keys = baken_bundle_trusted_keys (config->sync.keys);
  self->catalog = g_object_ref (catalog);
  self->origin = BAKEN_CONTENT_ORIGIN_GIVEN;
  self->stage = STAGE_NONE;

  return self;
}

void
baken_kiosk_content_wait (BakenKioskContent *self)
{
  g_autoptr(BakenContentAttempt) attempt = NULL;

  g_return_if_fail (BAKEN_IS_KIOSK_CONTENT (self));

  if (self->thread == NULL)
    return;

  attempt = g_thread_join (g_steal_pointer (&self->thread));
  while (attempt->bundle == NULL)
    {
      report_refusal (self, attempt);
      g_clear_pointer (&attempt, baken_content_attempt_free);

      attempt = next_startup_attempt (self);
      if (attempt == NULL)
        {
          g_message ("No trusted content: the kiosk shows that it is being prepared until "
                     "a bundle arrives");
          return;
        }
      baken_content_attempt_run (attempt);
    }

  take_bundle (self, attempt);
}

BakenCatalog *
baken_kiosk_content_get_catalog (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), NULL);

  return self->catalog;
}

BakenContentOrigin
baken_kiosk_content_get_origin (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), BAKEN_CONTENT_ORIGIN_NONE);

  return self->origin;
}

guint64
baken_kiosk_content_get_serial (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), 0);

  return self->serial;
}

const char *
baken_kiosk_content_get_problem (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), NULL);

  return self->problem;
}

BakenSync *
baken_kiosk_content_get_sync (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), NULL);

  return self->sync;
}

guint
baken_kiosk_content_get_stale (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), 0);

  return self->sync != NULL ? baken_sync_get_stale (self->sync) : 0;
}

gboolean
baken_kiosk_content_get_update_pending (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), FALSE);

  return self->next_catalog != NULL;
}

gboolean
baken_kiosk_content_apply_update (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), FALSE);

  if (self->next_catalog == NULL)
    return FALSE;

  g_clear_object (&self->catalog);
  self->catalog = g_steal_pointer (&self->next_catalog);
  self->serial = self->next_serial;
  self->next_serial = 0;
  g_free (self->key_id);
  self->key_id = g_steal_pointer (&self->next_key_id);
  self->origin = BAKEN_CONTENT_ORIGIN_SYNC;
  self->need_shown = TRUE;
  g_clear_pointer (&self->problem, g_free);
  watch_catalog (self);
  g_message ("Switched to bundle %" G_GUINT64_FORMAT, self->serial);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATE_PENDING]);

  return TRUE;
}

void
baken_kiosk_content_shown (BakenKioskContent *self)
{
  g_return_if_fail (BAKEN_IS_KIOSK_CONTENT (self));

  if (!self->need_shown || self->sync == NULL)
    return;

  self->need_shown = FALSE;
  baken_sync_open_succeeded (self->sync);
}

BakenClock *
baken_kiosk_content_get_clock (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), NULL);

  return self->clock;
}

gint64
baken_kiosk_content_get_clock_behind (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), 0);

  return self->clock_behind;
}

const char *
baken_kiosk_content_get_key_id (BakenKioskContent *self)
{
  g_return_val_if_fail (BAKEN_IS_KIOSK_CONTENT (self), NULL);

  return self->key_id;
}
