/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "baken-sync-policy.h"

/* Unix seconds of a time in Europe/Amsterdam. */
static gint64
ams (int year, int month, int day, int hour, int minute, int second)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, hour, minute, second);

  g_assert_nonnull (tz);
  return g_date_time_to_unix (dt);
}

static BakenSyncPolicy *
policy_new (const char *schedule_text,
            const char *device_id)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(GError) error = NULL;
  BakenSyncSchedule schedule;

  g_assert_true (baken_sync_schedule_parse (schedule_text, &schedule, &error));
  g_assert_no_error (error);
  return baken_sync_policy_new (&schedule, device_id, tz);
}

typedef struct
{
  const char        *text;
  gboolean           ok;
  BakenSyncScheduleKind  kind;
  guint              start, end;   /* seconds */
  guint64            interval;
} ScheduleCase;

static const ScheduleCase schedule_cases[] = {
  { "03:00-05:00", TRUE, BAKEN_SYNC_SCHEDULE_WINDOW, 3 * 3600, 5 * 3600, 0 },
  { " 3:30-04:15 ", TRUE, BAKEN_SYNC_SCHEDULE_WINDOW, 3 * 3600 + 1800, 4 * 3600 + 900, 0 },
  { "23:00-01:00", TRUE, BAKEN_SYNC_SCHEDULE_WINDOW, 23 * 3600, 3600, 0 },
  { "6h", TRUE, BAKEN_SYNC_SCHEDULE_INTERVAL, 0, 0, 6 * 3600 },
  { "90m", TRUE, BAKEN_SYNC_SCHEDULE_INTERVAL, 0, 0, 90 * 60 },
  { "1d", TRUE, BAKEN_SYNC_SCHEDULE_INTERVAL, 0, 0, 86400 },
  { "60s", TRUE, BAKEN_SYNC_SCHEDULE_INTERVAL, 0, 0, 60 },
  { "30s", FALSE, 0, 0, 0, 0 },          /* too short */
  { "03:00-03:00", FALSE, 0, 0, 0, 0 },  /* empty */
  { "24:00-01:00", FALSE, 0, 0, 0, 0 },
  { "03:60-05:00", FALSE, 0, 0, 0, 0 },
  { "03:00-", FALSE, 0, 0, 0, 0 },
  { "3-5", FALSE, 0, 0, 0, 0 },
  { "6", FALSE, 0, 0, 0, 0 },
  { "h", FALSE, 0, 0, 0, 0 },
  { "6 hours", FALSE, 0, 0, 0, 0 },
  { "-6h", FALSE, 0, 0, 0, 0 },
  { "0h", FALSE, 0, 0, 0, 0 },
  { "", FALSE, 0, 0, 0, 0 },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (schedule_cases); i++)
    {
      const ScheduleCase *c = &schedule_cases[i];
      g_autoptr(GError) error = NULL;
      BakenSyncSchedule schedule;
      gboolean ok = baken_sync_schedule_parse (c->text, &schedule, &error);

      g_test_message ("schedule \"%s\"", c->text);
      g_assert_cmpint (ok, ==, c->ok);
      if (!c->ok)
        {
          g_assert_error (error, BAKEN_SYNC_POLICY_ERROR, BAKEN_SYNC_POLICY_ERROR_SCHEDULE);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (schedule.kind, ==, c->kind);
      if (c->kind == BAKEN_SYNC_SCHEDULE_WINDOW)
        {
          g_assert_cmpuint (schedule.window_start, ==, c->start);
          g_assert_cmpuint (schedule.window_end, ==, c->end);
        }
      else
        g_assert_cmpuint (schedule.interval, ==, c->interval);
    }
}

static void
test_duration (void)
{
  g_autoptr(GError) error = NULL;
  guint64 seconds = 0;

  g_assert_true (baken_duration_parse ("14d", &seconds, &error));
  g_assert_cmpuint (seconds, ==, 14 * 86400);
  g_assert_false (baken_duration_parse ("two weeks", &seconds, &error));
  g_assert_error (error, BAKEN_SYNC_POLICY_ERROR, BAKEN_SYNC_POLICY_ERROR_DURATION);
}

static void
test_offset_in_window (void)
{
  guint64 offsets[64];
  guint distinct = 0;

  /* Every device lands inside the two hours; different devices spread out; the same
   * device always gets the same offset. */
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *id = g_strdup_printf ("%032x", i * 7919);
      g_autoptr(BakenSyncPolicy) policy = policy_new ("03:00-05:00", id);
      g_autoptr(BakenSyncPolicy) again = policy_new ("03:00-05:00", id);
      gint64 slot = baken_sync_policy_last_slot (policy, ams (2025, 3, 12, 12, 0, 0));

      g_assert_cmpuint (policy->device_offset, <, 7200);
      g_assert_cmpuint (policy->device_offset, ==, again->device_offset);
      g_assert_cmpint (slot, >=, ams (2025, 3, 12, 3, 0, 0));
      g_assert_cmpint (slot, <, ams (2025, 3, 12, 5, 0, 0));
      offsets[i] = policy->device_offset;
    }
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < i; j++)
        seen |= offsets[j] / 60 == offsets[i] / 60;
      distinct += !seen;
    }
  /* 64 devices over 120 minutes: far more than a handful of distinct minutes. */
  g_assert_cmpuint (distinct, >, 30);
}

typedef struct
{
  const char *name;
  const char *schedule;
  gint64      now[6];           /* y m d h m s, Amsterdam */
  gint64      last_attempt[6];  /* all 0: never */
  gint64      last_success[6];  /* all 0: never */
  guint       failures;
  gboolean    due;
} DueCase;

/* device "" has offset 0: the slot is the start of the window, or on the interval grid. */
static const DueCase due_cases[] = {
  { "never-synced", "03:00-05:00", { 2025, 3, 12, 12, 0, 0 }, { 0 }, { 0 }, 0, TRUE },
  { "synced-after-todays-slot", "03:00-05:00", { 2025, 3, 12, 12, 0, 0 },
    { 2025, 3, 12, 3, 0, 5 }, { 2025, 3, 12, 3, 0, 5 }, 0, FALSE },
  { "next-day-before-slot", "03:00-05:00", { 2025, 3, 13, 2, 59, 59 },
    { 2025, 3, 12, 3, 0, 5 }, { 2025, 3, 12, 3, 0, 5 }, 0, FALSE },
  { "next-day-at-slot", "03:00-05:00", { 2025, 3, 13, 3, 0, 0 },
    { 2025, 3, 12, 3, 0, 5 }, { 2025, 3, 12, 3, 0, 5 }, 0, TRUE },
  { "off-during-slot-catches-up", "03:00-05:00", { 2025, 3, 13, 9, 0, 0 },
    { 2025, 3, 11, 3, 0, 5 }, { 2025, 3, 11, 3, 0, 5 }, 0, TRUE },
  { "usb-before-slot-still-syncs", "03:00-05:00", { 2025, 3, 12, 3, 0, 0 },
    { 2025, 3, 12, 1, 0, 0 }, { 2025, 3, 12, 1, 0, 0 }, 0, TRUE },
  { "wrapping-window-after-midnight", "23:00-01:00", { 2025, 3, 13, 0, 30, 0 },
    { 2025, 3, 12, 22, 0, 0 }, { 2025, 3, 12, 22, 0, 0 }, 0, TRUE },
  { "wrapping-window-before", "23:00-01:00", { 2025, 3, 12, 22, 59, 0 },
    { 2025, 3, 12, 22, 0, 0 }, { 2025, 3, 12, 22, 0, 0 }, 0, FALSE },
  /* Spring forward: 02:00 does not exist on 30 March 2025; the slot still comes. */
  { "dst-spring", "03:00-05:00", { 2025, 3, 30, 3, 0, 0 },
    { 2025, 3, 29, 3, 0, 5 }, { 2025, 3, 29, 3, 0, 5 }, 0, TRUE },
  { "interval-not-yet", "6h", { 2025, 3, 12, 11, 59, 0 },
    { 2025, 3, 12, 7, 0, 0 }, { 2025, 3, 12, 7, 0, 0 }, 0, FALSE },
  /* The 6-hour grid starts at the epoch (UTC): 13:00 Amsterdam in winter is 12:00 UTC. */
  { "interval-due", "6h", { 2025, 3, 12, 13, 0, 0 },
    { 2025, 3, 12, 7, 0, 0 }, { 2025, 3, 12, 7, 0, 0 }, 0, TRUE },
  { "failed-backing-off", "03:00-05:00", { 2025, 3, 12, 3, 0, 29 },
    { 2025, 3, 12, 3, 0, 0 }, { 2025, 3, 11, 3, 0, 0 }, 1, FALSE },
  { "failed-retry", "03:00-05:00", { 2025, 3, 12, 3, 1, 0 },
    { 2025, 3, 12, 3, 0, 0 }, { 2025, 3, 11, 3, 0, 0 }, 1, TRUE },
  { "failed-many-capped", "03:00-05:00", { 2025, 3, 12, 4, 0, 0 },
    { 2025, 3, 12, 3, 0, 0 }, { 2025, 3, 11, 3, 0, 0 }, 40, TRUE },
  { "failed-never-succeeded", "6h", { 2025, 3, 12, 3, 0, 10 },
    { 2025, 3, 12, 3, 0, 0 }, { 0 }, 1, FALSE },
  /* The clock jumped back to 1970 or forward to 2100: a sync is never blocked for ever. */
  { "clock-back-1970", "03:00-05:00", { 1970, 1, 2, 12, 0, 0 },
    { 2025, 3, 12, 3, 0, 0 }, { 2025, 3, 12, 3, 0, 0 }, 0, TRUE },
  { "clock-forward-2100", "03:00-05:00", { 2100, 1, 1, 12, 0, 0 },
    { 2025, 3, 12, 3, 0, 0 }, { 2025, 3, 12, 3, 0, 0 }, 0, TRUE },
  { "clock-back-failed-just-now", "03:00-05:00", { 1970, 1, 2, 12, 0, 0 },
    { 1970, 1, 2, 11, 59, 50 }, { 2025, 3, 12, 3, 0, 0 }, 1, FALSE },
};

static gint64
case_time (const gint64 t[6])
{
  if (t[0] == 0)
    return 0;
  return ams (t[0], t[1], t[2], t[3], t[4], t[5]);
}

static void
test_due (gconstpointer data)
{
  const DueCase *c = data;
  g_autoptr(BakenSyncPolicy) policy = policy_new (c->schedule, "");
  gint64 now = case_time (c->now);
  gint64 next;

  g_assert_cmpuint (policy->device_offset, ==, 0);
  next = baken_sync_policy_next_due (policy, now, case_time (c->last_attempt),
                                     case_time (c->last_success), c->failures);
  g_assert_cmpint (baken_sync_policy_is_due (policy, now, case_time (c->last_attempt),
                                             case_time (c->last_success), c->failures),
                   ==, c->due);
  g_assert_cmpint (next <= now, ==, c->due);
}

static void
test_backoff (void)
{
  g_autoptr(BakenSyncPolicy) a = policy_new ("6h", "kiosk-a");
  g_autoptr(BakenSyncPolicy) b = policy_new ("6h", "kiosk-b");
  gboolean differ = FALSE;

  g_assert_cmpuint (baken_sync_policy_backoff (a, 0), ==, 0);
  for (guint n = 1; n <= 40; n++)
    {
      guint64 full = MIN ((guint64) BAKEN_SYNC_BACKOFF_BASE_S << MIN (n - 1, 20),
                          BAKEN_SYNC_BACKOFF_CAP_S);
      guint64 delay = baken_sync_policy_backoff (a, n);

      /* Exponential, capped, with jitter in [half, whole], stable per device. */
      g_assert_cmpuint (delay, >=, full / 2);
      g_assert_cmpuint (delay, <=, full);
      g_assert_cmpuint (delay, ==, baken_sync_policy_backoff (a, n));
      differ |= delay != baken_sync_policy_backoff (b, n);
    }
  g_assert_true (differ);
  g_assert_cmpuint (baken_sync_policy_backoff (a, 7), >, baken_sync_policy_backoff (a, 1));
}

static void
test_interval_offset (void)
{
  g_autoptr(BakenSyncPolicy) policy = policy_new ("6h", "kiosk-a");
  gint64 now = ams (2025, 3, 12, 12, 0, 0);
  gint64 slot = baken_sync_policy_last_slot (policy, now);

  g_assert_cmpuint (policy->device_offset, <, 6 * 3600);
  g_assert_cmpint (slot, <=, now);
  g_assert_cmpint (slot, >, now - 6 * 3600);
  g_assert_cmpint ((slot - (gint64) policy->device_offset) % (6 * 3600), ==, 0);
  g_assert_cmpint (baken_sync_policy_next_due (policy, now, slot, slot, 0), ==, slot + 6 * 3600);
}

static void
test_staleness (void)
{
  gint64 now = ams (2025, 3, 12, 12, 0, 0);
  guint64 month = 30 * 86400;

  g_assert_cmpint (baken_sync_policy_staleness (now, 0, 0, month), ==, BAKEN_STALE_NONE);
  g_assert_cmpint (baken_sync_policy_staleness (now, now - 86400, now + month, month),
                   ==, BAKEN_STALE_NONE);
  g_assert_cmpint (baken_sync_policy_staleness (now, now - 31 * 86400, now + month, month),
                   ==, BAKEN_STALE_OLD);
  g_assert_cmpint (baken_sync_policy_staleness (now, now - 31 * 86400, now + month, 0),
                   ==, BAKEN_STALE_NONE);
  g_assert_cmpint (baken_sync_policy_staleness (now, now - 86400, now, month),
                   ==, BAKEN_STALE_EXPIRED);
  g_assert_cmpint (baken_sync_policy_staleness (now, now - 40 * 86400, now - 1, month),
                   ==, BAKEN_STALE_OLD | BAKEN_STALE_EXPIRED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/sync-policy/parse", test_parse);
  g_test_add_func ("/core/sync-policy/duration", test_duration);
  g_test_add_func ("/core/sync-policy/offset-in-window", test_offset_in_window);
  g_test_add_func ("/core/sync-policy/interval-offset", test_interval_offset);
  g_test_add_func ("/core/sync-policy/backoff", test_backoff);
  g_test_add_func ("/core/sync-policy/staleness", test_staleness);
  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/sync-policy/due/%s", due_cases[i].name);

      g_test_add_data_func (path, &due_cases[i], test_due);
    }

  return g_test_run ();
}
