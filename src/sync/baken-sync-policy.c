/* baken-sync-policy.c: when to sync, how long to back off, when content is stale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-sync-policy"

#include "config.h"

#include <string.h>

#include "baken-sync-policy.h"

G_DEFINE_QUARK (baken-sync-policy-error-quark, baken_sync_policy_error)

#define DAY_S 86400

/* splitmix64: a good 64-bit mix of a number, for stable per-device "random" values. */
static guint64
mix64 (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

static gboolean
parse_clock (const char *text,
             gsize       len,
             guint      *seconds)
{
  guint h, m;

  /* Exactly H:MM or HH:MM. */
  if (len == 4 && g_ascii_isdigit (text[0]) && text[1] == ':' &&
      g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]))
    {
      h = text[0] - '0';
      m = (text[2] - '0') * 10 + (text[3] - '0');
    }
  else if (len == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
           text[2] == ':' && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]))
    {
      h = (text[0] - '0') * 10 + (text[1] - '0');
      m = (text[3] - '0') * 10 + (text[4] - '0');
    }
  else
    return FALSE;

  if (h > 23 || m > 59)
    return FALSE;
  *seconds = h * 3600 + m * 60;
  return TRUE;
}

gboolean
baken_duration_parse (const char  *text,
                      guint64     *seconds,
                      GError     **error)
{
  g_autofree char *copy = NULL;
  guint64 value, unit;
  gsize len;
  char *end;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (seconds != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len < 2 || !g_ascii_isdigit (copy[0]))
    goto bad;

  switch (copy[len - 1])
    {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = DAY_S; break;
    default: goto bad;
    }
  copy[len - 1] = '\0';
  value = g_ascii_strtoull (copy, &end, 10);
  if (*end != '\0' || value == 0 || value > G_MAXUINT32)
    goto bad;

  *seconds = value * unit;
  return TRUE;

bad:
  g_set_error (error, BAKEN_SYNC_POLICY_ERROR, BAKEN_SYNC_POLICY_ERROR_DURATION,
               "\"%s\" is not a duration; give a number and a unit, such as 90s, 30m, 6h "
               "or 14d", text);
  return FALSE;
}

gboolean
baken_sync_schedule_parse (const char     *text,
                      BakenSyncSchedule  *schedule,
                      GError        **error)
{
  g_autofree char *copy = NULL;
  const char *dash;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (schedule != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  memset (schedule, 0, sizeof *schedule);

  dash = strchr (copy, '-');
  if (dash != NULL)
    {
      guint start, end;

      if (!parse_clock (copy, dash - copy, &start) ||
          !parse_clock (dash + 1, strlen (dash + 1), &end))
        {
          g_set_error (error, BAKEN_SYNC_POLICY_ERROR, BAKEN_SYNC_POLICY_ERROR_SCHEDULE,
                       "\"%s\" is not a time window; give two times of day such as "
                       "03:00-05:00", text);
          return FALSE;
        }
      if (start == end)
        {
          g_set_error (error, BAKEN_SYNC_POLICY_ERROR, BAKEN_SYNC_POLICY_ERROR_SCHEDULE,
                       "the window \"%s\" is empty; give an end after the start, such as "
                       "03:00-05:00", text);
          return FALSE;
        }
      schedule->kind = BAKEN_SYNC_SCHEDULE_WINDOW;
      schedule->window_start = start;
      schedule->window_end = end;
      return TRUE;
    }

  if (!baken_duration_parse (copy, &schedule->interval, NULL))
    {
      g_set_error (error, BAKEN_SYNC_POLICY_ERROR, BAKEN_SYNC_POLICY_ERROR_SCHEDULE,
                   "\"%s\" is not a schedule; give a daily window such as 03:00-05:00 or "
                   "an interval such as 6h", text);
      return FALSE;
    }
  if (schedule->interval < 60)
    {
      g_set_error (error, BAKEN_SYNC_POLICY_ERROR, BAKEN_SYNC_POLICY_ERROR_SCHEDULE,
                   "the interval \"%s\" is too short; give at least 1m", text);
      return FALSE;
    }
  schedule->kind = BAKEN_SYNC_SCHEDULE_INTERVAL;
  return TRUE;
}

static guint64
schedule_span (const BakenSyncSchedule *schedule)
{
  if (schedule->kind == BAKEN_SYNC_SCHEDULE_INTERVAL)
    return schedule->interval;

  return (schedule->window_end + DAY_S - schedule->window_start) % DAY_S;
}

BakenSyncPolicy *
baken_sync_policy_new (const BakenSyncSchedule *schedule,
                       const char          *device_id,
                       GTimeZone           *tz)
{
  BakenSyncPolicy *self;
  guint64 span;

  g_return_val_if_fail (schedule != NULL, NULL);

  self = g_new0 (BakenSyncPolicy, 1);
  self->schedule = *schedule;
  self->tz = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  self->backoff_base = BAKEN_SYNC_BACKOFF_BASE_S;
  self->backoff_cap = BAKEN_SYNC_BACKOFF_CAP_S;

  if (device_id != NULL && *device_id != '\0')
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      guint8 digest[32];
      gsize digest_len = sizeof digest;

      g_checksum_update (checksum, (const guchar *) device_id, strlen (device_id));
      g_checksum_get_digest (checksum, digest, &digest_len);
      for (guint i = 0; i < 8; i++)
        self->device_hash = (self->device_hash << 8) | digest[i];
    }

  span = schedule_span (schedule);
  self->device_offset = span > 0 ? self->device_hash % span : 0;

  return self;
}

void
baken_sync_policy_free (BakenSyncPolicy *self)
{
  if (self == NULL)
    return;

  g_time_zone_unref (self->tz);
  g_free (self);
}

/* The device's slot in the window that opens on the local date `date`. */
static gint64
window_slot (const BakenSyncPolicy *self,
             const GDate           *date)
{
  g_autoptr(GDateTime) slot = NULL;
  guint64 t = self->schedule.window_start + self->device_offset;
  GDate day = *date;

  if (t >= DAY_S)
    {
      g_date_add_days (&day, 1);
      t -= DAY_S;
    }

  slot = g_date_time_new (self->tz, g_date_get_year (&day), g_date_get_month (&day),
                          g_date_get_day (&day), t / 3600, (t / 60) % 60, t % 60);
  return g_date_time_to_unix (slot);
}

static void
local_date (const BakenSyncPolicy *self,
            gint64                 time,
            GDate                 *date)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

gint64
baken_sync_policy_last_slot (const BakenSyncPolicy *self,
                             gint64                 now)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->schedule.kind == BAKEN_SYNC_SCHEDULE_INTERVAL)
    {
      gint64 interval = self->schedule.interval;
      gint64 offset = self->device_offset;
      gint64 k = (now - offset) / interval;

      if ((now - offset) < 0 && (now - offset) % interval != 0)
        k--;
      return k * interval + offset;
    }
  else
    {
      GDate day;

      /* A slot of a window that wraps past midnight may fall on the next date. */
      local_date (self, now, &day);
      for (guint i = 0; i < 3; i++)
        {
          gint64 slot = window_slot (self, &day);

          if (slot <= now)
            return slot;
          g_date_subtract_days (&day, 1);
        }
      g_assert_not_reached ();
    }

  return 0;
}

static gint64
next_slot_after (const BakenSyncPolicy *self,
                 gint64                 time)
{
  if (self->schedule.kind == BAKEN_SYNC_SCHEDULE_INTERVAL)
    return baken_sync_policy_last_slot (self, time) + (gint64) self->schedule.interval;
  else
    {
      GDate day;

      local_date (self, time, &day);
      g_date_subtract_days (&day, 1);
      for (guint i = 0; i < 4; i++)
        {
          gint64 slot = window_slot (self, &day);

          if (slot > time)
            return slot;
          g_date_add_days (&day, 1);
        }
      g_assert_not_reached ();
    }

  return 0;
}

guint64
baken_sync_policy_backoff (const BakenSyncPolicy *self,
                           guint                  failures)
{
  guint64 delay, half;

  g_return_val_if_fail (self != NULL, 0);

  if (failures == 0)
    return 0;

  delay = failures > 32 ? self->backoff_cap
                        : MIN ((guint64) self->backoff_base << (failures - 1), self->backoff_cap);
  half = delay / 2;

  return half + mix64 (self->device_hash ^ mix64 (failures)) % (delay - half + 1);
}

gint64
baken_sync_policy_next_due (const BakenSyncPolicy *self,
                            gint64                 now,
                            gint64                 last_attempt,
                            gint64                 last_success,
                            guint                  failures)
{
  g_return_val_if_fail (self != NULL, now);

  /* A time after now means the clock went backwards: we know nothing. */
  if (last_attempt > now)
    last_attempt = 0;
  if (last_success > now)
    last_success = 0;

  if (failures > 0 && last_attempt > 0 && last_attempt >= last_success)
    return last_attempt + (gint64) baken_sync_policy_backoff (self, failures);

  if (last_success <= 0)
    return now;

  return next_slot_after (self, last_success);
}

gboolean
baken_sync_policy_is_due (const BakenSyncPolicy *self,
                          gint64                 now,
                          gint64                 last_attempt,
                          gint64                 last_success,
                          guint                  failures)
{
  return baken_sync_policy_next_due (self, now, last_attempt, last_success, failures) <= now;
}

BakenStaleFlags
baken_sync_policy_staleness (gint64  now,
                             gint64  created,
                             gint64  expires,
                             guint64 max_age)
{
  BakenStaleFlags flags = BAKEN_STALE_NONE;

  if (created <= 0)
    return BAKEN_STALE_NONE;

  if (max_age > 0 && now > created && (guint64) (now - created) > max_age)
    flags |= BAKEN_STALE_OLD;
  if (expires > 0 && expires <= now)
    flags |= BAKEN_STALE_EXPIRED;

  return flags;
}

gboolean
baken_sync_check_url (const char  *url,
                      GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme, *host;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  if (uri == NULL || ((g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ||
                       g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0) &&
                      (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')))
    {
      g_set_error (error, BAKEN_SYNC_POLICY_ERROR, BAKEN_SYNC_POLICY_ERROR_URL,
                   "not a URL; give the https URL of the published manifest.json");
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "";
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 &&
      (g_str_equal (host, "127.0.0.1") || g_ascii_strcasecmp (host, "localhost") == 0 ||
       g_str_equal (host, "::1")))
    return TRUE;

  g_set_error (error, BAKEN_SYNC_POLICY_ERROR, BAKEN_SYNC_POLICY_ERROR_URL,
               "%s is not allowed: use https (plain http only to this computer, for tests)",
               g_ascii_strcasecmp (scheme, "http") == 0 ? "plain http to another computer"
                                                        : "this kind of URL");
  return FALSE;
}

char *
baken_sync_policy_dup_device_id (void)
{
  g_autofree char *id = NULL;

  if (g_file_get_contents ("/etc/machine-id", &id, NULL, NULL))
    return g_strstrip (g_steal_pointer (&id));

  return g_strdup (g_get_host_name ());
}

BakenSyncSettings *
baken_sync_settings_copy (const BakenSyncSettings *settings)
{
  BakenSyncSettings *copy = g_new (BakenSyncSettings, 1);

  *copy = *settings;
  copy->url = g_strdup (settings->url);
  copy->keys = g_ptr_array_ref (settings->keys);
  copy->root_keys = g_ptr_array_ref (settings->root_keys);
  return copy;
}

void
baken_sync_settings_free (BakenSyncSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->url);
  g_ptr_array_unref (settings->keys);
  g_ptr_array_unref (settings->root_keys);
  g_free (settings);
}
