/* baken-sync-policy.h: when to sync, how long to back off, when content is stale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions of the time: every time is passed in as Unix seconds (wall clock),
 * so the scheduler's timer only wakes them and tests use fixed dates.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_SYNC_POLICY_ERROR (baken_sync_policy_error_quark ())

typedef enum {
  BAKEN_SYNC_POLICY_ERROR_SCHEDULE,  /* a schedule that is neither a window nor an interval */
  BAKEN_SYNC_POLICY_ERROR_DURATION,  /* a duration that is not "N" + s, m, h or d */
  BAKEN_SYNC_POLICY_ERROR_URL,       /* a URL a kiosk may not sync from */
} BakenSyncPolicyError;

GQuark baken_sync_policy_error_quark (void);

typedef enum {
  BAKEN_SYNC_SCHEDULE_WINDOW,    /* once a day, inside a local time window ("03:00-05:00") */
  BAKEN_SYNC_SCHEDULE_INTERVAL,  /* every so long ("6h") */
} BakenSyncScheduleKind;

typedef struct
{
  BakenSyncScheduleKind kind;
  /* BAKEN_SYNC_SCHEDULE_WINDOW: seconds after local midnight; end < start wraps past
   * midnight ("23:00-01:00"). end == start is refused. */
  guint             window_start;
  guint             window_end;
  /* BAKEN_SYNC_SCHEDULE_INTERVAL: seconds, at least 60. */
  guint64           interval;
} BakenSyncSchedule;

/* kiosk.conf's [sync], as the sync takes it (BakenConfig.sync). Immutable once loaded. */
typedef struct
{
  char              *url;           /* (nullable) the manifest.json URL (https; http only
                                     * to loopback); NULL: no scheduled sync */
  GPtrArray         *keys;          /* (element-type BakenMinisignPublicKey) trusted keys;
                                     * never NULL, empty when not configured */
  GPtrArray         *root_keys;     /* (element-type BakenMinisignPublicKey) the offline
                                     * keys whose threshold signs root keys documents
                                     * (baken-root.h); never NULL, empty: no rotation */
  guint              root_threshold; /* how many of root_keys sign a root, from 1 */
  BakenSyncSchedule  schedule;      /* default: the window 03:00-05:00 */
  guint64            max_age;       /* seconds before content counts as stale (30 days);
                                     * 0: never */
  guint              timeout;       /* seconds a whole sync may take (600) */
  guint              stall_timeout; /* seconds without a byte before giving up (30) */
} BakenSyncSettings;

/* A deep copy (the key arrays are shared: they are never changed once loaded). */
BakenSyncSettings *baken_sync_settings_copy (const BakenSyncSettings *settings);
void               baken_sync_settings_free (BakenSyncSettings       *settings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSyncSettings, baken_sync_settings_free)

/* Whether url may be synced from: https, or plain http to 127.0.0.1, localhost or ::1.
 * Also the rule for every redirect a sync follows. */
gboolean baken_sync_check_url (const char  *url,
                               GError     **error);

/* Back-off after failed attempts: base * 2^(failures-1), capped, with jitter. */
#define BAKEN_SYNC_BACKOFF_BASE_S  60
#define BAKEN_SYNC_BACKOFF_CAP_S   3600

/* Parses "HH:MM-HH:MM" (a daily window) or "N" + s, m, h or d (an interval). */
gboolean baken_sync_schedule_parse         (const char          *text,
                                       BakenSyncSchedule       *schedule,
                                       GError             **error);
/* Parses a duration "N" + s, m, h or d ("30d", "12h") into seconds (> 0). */
gboolean baken_duration_parse         (const char          *text,
                                       guint64             *seconds,
                                       GError             **error);

typedef struct
{
  BakenSyncSchedule  schedule;
  GTimeZone     *tz;              /* (owned) the window's local time */
  guint64        device_offset;   /* seconds into the window or interval */
  guint64        device_hash;     /* for the back-off jitter */
  guint          backoff_base;    /* seconds */
  guint          backoff_cap;     /* seconds */
} BakenSyncPolicy;

/* What tells this device from the others of a fleet: /etc/machine-id, else the host
 * name. */
char            *baken_sync_policy_dup_device_id (void);
/* device_id: a stable id of this kiosk (/etc/machine-id); the offset into the window (or
 * into the interval) is derived from it, so a fleet spreads out, and a kiosk keeps its slot
 * over restarts. tz: NULL for local time. */
BakenSyncPolicy *baken_sync_policy_new        (const BakenSyncSchedule   *schedule,
                                               const char            *device_id,
                                               GTimeZone             *tz);
void             baken_sync_policy_free       (BakenSyncPolicy       *self);

/* The latest scheduled slot of this device at or before now. */
gint64           baken_sync_policy_last_slot  (const BakenSyncPolicy *self,
                                               gint64                 now);
/* Seconds to wait after the failures-th consecutive failure (failures ≥ 1): exponential,
 * capped at backoff_cap, with a jitter in [half, whole] that is stable per device and
 * failure count. 0 when failures is 0. */
guint64          baken_sync_policy_backoff    (const BakenSyncPolicy *self,
                                               guint                  failures);
/* When the next attempt is due (Unix seconds; ≤ now means now).
 *
 * - Nothing synced yet (last_success 0): due at once, then as after a failure.
 * - Otherwise due at the first slot after last_success: for a window, the device's time
 *   in the window of the day after the last success (a kiosk that was off during its
 *   slot syncs once when it comes on); for an interval, the device's slot on a grid of
 *   that interval.
 * - After failures (failures > 0, last_attempt > last_success) retry at
 *   last_attempt + backoff, whatever the schedule says.
 * - A clock that went backwards (last_attempt or last_success after now) does not stop
 *   syncing: such a time counts as unknown, so a sync is due at once. */
gint64           baken_sync_policy_next_due   (const BakenSyncPolicy *self,
                                               gint64                 now,
                                               gint64                 last_attempt,
                                               gint64                 last_success,
                                               guint                  failures);
gboolean         baken_sync_policy_is_due     (const BakenSyncPolicy *self,
                                               gint64                 now,
                                               gint64                 last_attempt,
                                               gint64                 last_success,
                                               guint                  failures);

typedef enum {
  BAKEN_STALE_NONE = 0,
  BAKEN_STALE_OLD = 1 << 0,      /* created longer than max_age ago */
  BAKEN_STALE_EXPIRED = 1 << 1,  /* the manifest's expires has passed */
} BakenStaleFlags;

/* Content is served however stale it is; this only decides the staff notice.
 * created/expires 0: unknown (no content installed: not stale). max_age 0: no limit. */
BakenStaleFlags  baken_sync_policy_staleness  (gint64                 now,
                                               gint64                 created,
                                               gint64                 expires,
                                               guint64                max_age);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSyncPolicy, baken_sync_policy_free)

G_END_DECLS
