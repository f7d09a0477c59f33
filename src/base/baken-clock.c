/* baken-clock.c: the one source of "now"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-clock"

#include "config.h"

#include "baken-clock.h"

#include <string.h>

#include <gio/gio.h>


typedef enum {
  MODE_SYSTEM,
  MODE_OFFSET,
  MODE_FIXED,
} Mode;

struct _BakenClock
{
  GObject    parent_instance;

  Mode       mode;
  GTimeSpan  offset_us;   /* MODE_OFFSET: added to the real time */
  gint64     fixed_us;    /* MODE_FIXED: microseconds since the epoch */
};

G_DEFINE_FINAL_TYPE (BakenClock, baken_clock, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
datetime_to_us (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

static gint64
now_us (BakenClock *self)
{
  switch (self->mode)
    {
    case MODE_FIXED:
      return self->fixed_us;
    case MODE_OFFSET:
      return g_get_real_time () + self->offset_us;
    case MODE_SYSTEM:
    default:
      return g_get_real_time ();
    }
}

static void
baken_clock_class_init (BakenClockClass *klass)
{
  /**
   * BakenClock::changed:
   *
   * The time jumped (baken_clock_set_fixed ()): whatever shows it should look again.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baken_clock_init (BakenClock *self)
{
  self->mode = MODE_SYSTEM;
}

BakenClock *
baken_clock_new (void)
{
  return g_object_new (BAKEN_TYPE_CLOCK, NULL);
}

BakenClock *
baken_clock_new_starting_at (GDateTime *start)
{
  BakenClock *self;

  g_return_val_if_fail (start != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_CLOCK, NULL);
  self->mode = MODE_OFFSET;
  self->offset_us = datetime_to_us (start) - g_get_real_time ();

  return self;
}

BakenClock *
baken_clock_new_fixed (GDateTime *at)
{
  BakenClock *self;

  g_return_val_if_fail (at != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_CLOCK, NULL);
  self->mode = MODE_FIXED;
  self->fixed_us = datetime_to_us (at);

  return self;
}

GDateTime *
baken_clock_dup_now (BakenClock *self)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (BAKEN_IS_CLOCK (self), NULL);

  utc = g_date_time_new_from_unix_utc (now_us (self) / G_USEC_PER_SEC);

  return g_date_time_to_timezone (utc, baken_local_timezone ());
}

gint64
baken_clock_get_unix (BakenClock *self)
{
  g_return_val_if_fail (BAKEN_IS_CLOCK (self), 0);

  return now_us (self) / G_USEC_PER_SEC;
}

void
baken_clock_set_fixed (BakenClock *self,
                       GDateTime  *at)
{
  g_return_if_fail (BAKEN_IS_CLOCK (self));
  g_return_if_fail (at != NULL);

  self->mode = MODE_FIXED;
  self->fixed_us = datetime_to_us (at);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
baken_clock_set_running_from (BakenClock *self,
                              GDateTime  *start)
{
  g_return_if_fail (BAKEN_IS_CLOCK (self));
  g_return_if_fail (start != NULL);

  self->mode = MODE_OFFSET;
  self->offset_us = datetime_to_us (start) - g_get_real_time ();
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

GDateTime *
baken_clock_parse_time (const char  *text,
                        GError     **error)
{
  GDateTime *dt;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || *text == '\0')
    dt = NULL;
  else
    dt = g_date_time_new_from_iso8601 (text, baken_local_timezone ());

  /* GLib wants seconds; people write "10:00". */
  if (dt == NULL && text != NULL && strlen (text) >= 16 && text[10] == 'T' && text[13] == ':' &&
      (text[16] == '\0' || text[16] == 'Z' || text[16] == '+' || text[16] == '-'))
    {
      g_autofree char *with_seconds = g_strdup_printf ("%.16s:00%s", text, text + 16);

      dt = g_date_time_new_from_iso8601 (with_seconds, baken_local_timezone ());
    }

  if (dt == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 "\"%s\" is not a time; write it as 2026-12-25T10:00 (Amsterdam time) or "
                 "2026-12-25T09:00Z", text != NULL ? text : "");

  return dt;
}

GTimeZone *
baken_local_timezone (void)
{
  static GTimeZone *tz = NULL;

  if (g_once_init_enter (&tz))
    {
      GTimeZone *zone = g_time_zone_new_identifier ("Europe/Amsterdam");

      if (zone == NULL)
        {
          g_critical ("Time zone Europe/Amsterdam not found; is tzdata installed? "
                      "Opening hours are wrong by one or two hours.");
          zone = g_time_zone_new_utc ();
        }

      g_once_init_leave (&tz, zone);
    }

  return tz;
}
