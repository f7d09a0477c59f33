/* baken-hours.c: the opening-hours engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A schedule is a set of weekly slots and date exceptions. Merging two schedules keeps
 * each one's slots and exceptions apart (a "source"): an exception only replaces the
 * weekly slots of its own source, so the merged schedule is open exactly when one of
 * the parts is. Every opening belongs to the local date it starts on; get_status turns
 * the openings around now into absolute instants with GTimeZone, so daylight-saving
 * days come out right, and joins openings that touch. What a status says to a
 * resident is baken-hours-text.c.
 */

#define G_LOG_DOMAIN "baken-hours"

#include "config.h"

#include "baken-hours.h"

#define SECONDS_PER_DAY ((gint64) 24 * 60 * 60)
/* Status looks this far ahead for the next opening… */
#define LOOKAHEAD_DAYS 14
/* …and reports an opening that lasts longer than this as open without an end. */
#define OPEN_ENDED_DAYS 7

typedef struct
{
  guint   source;
  guint   days;        /* BakenDays, BAKEN_DAY_HOLIDAY included */
  int     opens;       /* minutes after midnight */
  int     closes;      /* minutes after midnight of the start date, > opens */
  guint32 valid_from;  /* Julian day, 0: no lower bound */
  guint32 valid_to;    /* Julian day, 0: no upper bound */
} Slot;

typedef struct
{
  guint    source;
  guint32  julian;
  gboolean closed;
  int      opens;
  int      closes;     /* > opens, may pass 1440 */
} Exception;

typedef struct
{
  gint64 start;        /* Unix seconds */
  gint64 end;
} Interval;

struct _BakenSchedule
{
  gatomicrefcount ref_count;

  GArray *slots;        /* (element-type Slot) */
  GArray *exceptions;   /* (element-type Exception) */
  guint   n_sources;    /* schedules merged into this one, at least 1 */
};

G_DEFINE_BOXED_TYPE (BakenSchedule, baken_schedule, baken_schedule_ref, baken_schedule_unref)

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const BakenRange *ra = a;
  const BakenRange *rb = b;

  if (ra->opens != rb->opens)
    return ra->opens < rb->opens ? -1 : 1;
  if (ra->closes != rb->closes)
    return ra->closes < rb->closes ? -1 : 1;
  return 0;
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const Interval *ia = a;
  const Interval *ib = b;

  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  if (ia->end != ib->end)
    return ia->end < ib->end ? -1 : 1;
  return 0;
}

/* Sorts ranges and joins those that overlap or touch. */
static void
merge_ranges (GArray *ranges)
{
  guint out = 0;

  if (ranges->len < 2)
    return;

  g_array_sort (ranges, compare_ranges);

  for (guint i = 1; i < ranges->len; i++)
    {
      BakenRange *last = &g_array_index (ranges, BakenRange, out);
      BakenRange *r = &g_array_index (ranges, BakenRange, i);

      if (r->opens <= last->closes)
        {
          last->closes = MAX (last->closes, r->closes);
        }
      else
        {
          out++;
          g_array_index (ranges, BakenRange, out) = *r;
        }
    }

  g_array_set_size (ranges, out + 1);
}


BakenSchedule *
baken_schedule_new (void)
{
  BakenSchedule *self = g_new0 (BakenSchedule, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  self->exceptions = g_array_new (FALSE, FALSE, sizeof (Exception));
  self->n_sources = 1;

  return self;
}

BakenSchedule *
baken_schedule_ref (BakenSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
baken_schedule_unref (BakenSchedule *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->slots);
      g_array_unref (self->exceptions);
      g_free (self);
    }
}

void
baken_schedule_add_slot (BakenSchedule *self,
                         guint          days,
                         int            opens,
                         int            closes,
                         const char    *valid_from,
                         const char    *valid_to)
{
  Slot slot = { 0, };
  gboolean valid_dates;

  g_return_if_fail (self != NULL);
  g_return_if_fail (opens >= 0 && opens < BAKEN_MINUTES_PER_DAY);
  g_return_if_fail (closes >= 0 && closes <= BAKEN_MINUTES_PER_DAY);

  valid_dates = (valid_from == NULL || baken_parse_date (valid_from, &slot.valid_from)) &&
                (valid_to == NULL || baken_parse_date (valid_to, &slot.valid_to));
  g_return_if_fail (valid_dates);

  /* An empty slot opens nothing. */
  days &= BAKEN_DAY_ALL | BAKEN_DAY_HOLIDAY;
  if (opens == closes || days == 0)
    return;

  slot.source = 0;
  slot.days = days;
  slot.opens = opens;
  slot.closes = closes < opens ? closes + BAKEN_MINUTES_PER_DAY : closes;

  g_array_append_val (self->slots, slot);
}

void
baken_schedule_add_exception (BakenSchedule *self,
                              const char    *date,
                              gboolean       closed,
                              int            opens,
                              int            closes)
{
  Exception exception = { 0, };
  gboolean valid_date;

  g_return_if_fail (self != NULL);

  valid_date = baken_parse_date (date, &exception.julian);
  g_return_if_fail (valid_date);
  g_return_if_fail (closed || (opens >= 0 && opens < BAKEN_MINUTES_PER_DAY));
  g_return_if_fail (closed || (closes >= 0 && closes <= BAKEN_MINUTES_PER_DAY));

  exception.source = 0;
  exception.closed = !!closed;

  if (!closed)
    {
      /* Hours of zero length on a date still replace its weekly slots: closed. */
      exception.closed = (opens == closes);
      exception.opens = opens;
      exception.closes = closes < opens ? closes + BAKEN_MINUTES_PER_DAY : closes;
    }

  g_array_append_val (self->exceptions, exception);
}

void
baken_schedule_merge (BakenSchedule *self,
                      BakenSchedule *other)
{
  guint offset, n_slots, n_exceptions;

  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  /* Read the lengths first: other may be self. */
  offset = self->n_sources;
  n_slots = other->slots->len;
  n_exceptions = other->exceptions->len;

  for (guint i = 0; i < n_slots; i++)
    {
      Slot slot = g_array_index (other->slots, Slot, i);

      slot.source += offset;
      g_array_append_val (self->slots, slot);
    }

  for (guint i = 0; i < n_exceptions; i++)
    {
      Exception exception = g_array_index (other->exceptions, Exception, i);

      exception.source += offset;
      g_array_append_val (self->exceptions, exception);
    }

  self->n_sources += other->n_sources;
}

gboolean
baken_schedule_is_unknown (BakenSchedule *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->slots->len == 0 && self->exceptions->len == 0;
}

GArray *
baken_schedule_get_day (BakenSchedule     *self,
                        GDate             *date,
                        BakenHolidayFlags  holidays,
                        BakenHoliday      *holiday)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (BakenRange));
  g_autofree guint8 *exception_state = NULL;
  BakenHoliday today_holiday;
  gboolean opened_by_exception = FALSE;
  gboolean opened_on_holiday = FALSE;
  guint32 julian;
  guint day_bit;
  enum { NO_EXCEPTION, CLOSED_BY_EXCEPTION, HOURS_BY_EXCEPTION };

  if (holiday != NULL)
    *holiday = BAKEN_HOLIDAY_NONE;

  g_return_val_if_fail (self != NULL, g_steal_pointer (&ranges));
  g_return_val_if_fail (date != NULL && g_date_valid (date), g_steal_pointer (&ranges));

  if (baken_schedule_is_unknown (self))
    return g_steal_pointer (&ranges);

  julian = g_date_get_julian (date);
  day_bit = 1u << (g_date_get_weekday (date) - 1);
  today_holiday = baken_holiday_for_date (date, holidays);

  /* Exceptions first: per source, hours on this date replace the weekly slots. */
  exception_state = g_new0 (guint8, self->n_sources);

  for (guint i = 0; i < self->exceptions->len; i++)
    {
      const Exception *e = &g_array_index (self->exceptions, Exception, i);

      if (e->julian != julian)
        continue;

      if (e->closed)
        {
          if (exception_state[e->source] == NO_EXCEPTION)
            exception_state[e->source] = CLOSED_BY_EXCEPTION;
        }
      else
        {
          BakenRange r = { e->opens, e->closes };

          exception_state[e->source] = HOURS_BY_EXCEPTION;
          opened_by_exception = TRUE;
          g_array_append_val (ranges, r);
        }
    }

  for (guint i = 0; i < self->slots->len; i++)
    {
      const Slot *s = &g_array_index (self->slots, Slot, i);
      BakenRange r = { s->opens, s->closes };

      if (exception_state[s->source] != NO_EXCEPTION)
        continue;
      if ((s->valid_from != 0 && julian < s->valid_from) ||
          (s->valid_to != 0 && julian > s->valid_to))
        continue;

      if (today_holiday != BAKEN_HOLIDAY_NONE)
        {
          /* Closed on holidays, unless the slot holds on them: on its own week days,
           * or (without week days) on every holiday. */
          if ((s->days & BAKEN_DAY_HOLIDAY) == 0)
            continue;
          if ((s->days & BAKEN_DAY_ALL) != 0 && (s->days & day_bit) == 0)
            continue;
          opened_on_holiday = TRUE;
        }
      else if ((s->days & day_bit) == 0)
        {
          continue;
        }

      g_array_append_val (ranges, r);
    }

  merge_ranges (ranges);

  if (holiday != NULL && !opened_by_exception && !opened_on_holiday)
    *holiday = today_holiday;

  return g_steal_pointer (&ranges);
}

void
baken_schedule_get_status (BakenSchedule     *self,
                           GDateTime         *now,
                           BakenHolidayFlags  holidays,
                           BakenOpenStatus   *status)
{
  g_autoptr(GArray) intervals = NULL;
  g_autoptr(GDateTime) now_local = NULL;
  GTimeZone *tz;
  GDate today;
  BakenHoliday today_holiday = BAKEN_HOLIDAY_NONE;
  gint64 now_unix;
  guint out;

  g_return_if_fail (status != NULL);

  status->state = BAKEN_OPEN_UNKNOWN;
  status->opens_at = NULL;
  status->closes_at = NULL;
  status->holiday = BAKEN_HOLIDAY_NONE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (now != NULL);

  if (baken_schedule_is_unknown (self))
    return;

  tz = baken_local_timezone ();
  now_local = g_date_time_to_timezone (now, tz);
  now_unix = g_date_time_to_unix (now);
  baken_date_from_datetime (now_local, &today);

  /* Yesterday for openings that run past midnight, then two weeks and a day ahead so
   * an opening found near the end can still be followed to its real end. */
  intervals = g_array_new (FALSE, FALSE, sizeof (Interval));

  for (int offset = -1; offset <= LOOKAHEAD_DAYS + 1; offset++)
    {
      g_autoptr(GArray) ranges = NULL;
      GDate day = today;

      if (offset < 0)
        g_date_subtract_days (&day, (guint) -offset);
      else
        g_date_add_days (&day, (guint) offset);

      ranges = baken_schedule_get_day (self, &day, holidays,
                                       offset == 0 ? &today_holiday : NULL);

      for (guint i = 0; i < ranges->len; i++)
        {
          const BakenRange *r = &g_array_index (ranges, BakenRange, i);
          Interval interval;

          interval.start = baken_local_to_unix (tz, &day, r->opens);
          interval.end = baken_local_to_unix (tz, &day, r->closes);

          /* An opening inside the spring-forward gap lasts no time at all. */
          if (interval.end > interval.start)
            g_array_append_val (intervals, interval);
        }
    }

  /* Join openings that touch or overlap, like 22:00–24:00 and 0:00–2:00 next day. */
  g_array_sort (intervals, compare_intervals);
  out = 0;
  for (guint i = 1; i < intervals->len; i++)
    {
      Interval *last = &g_array_index (intervals, Interval, out);
      Interval *cur = &g_array_index (intervals, Interval, i);

      if (cur->start <= last->end)
        {
          last->end = MAX (last->end, cur->end);
        }
      else
        {
          out++;
          g_array_index (intervals, Interval, out) = *cur;
        }
    }
  if (intervals->len > 0)
    g_array_set_size (intervals, out + 1);

  status->state = BAKEN_OPEN_NOT_SOON;

  for (guint i = 0; i < intervals->len; i++)
    {
      const Interval *interval = &g_array_index (intervals, Interval, i);

      if (interval->end <= now_unix)
        continue;

      if (interval->start <= now_unix)
        {
          status->state = BAKEN_OPEN_NOW;
          if (interval->end - now_unix <= OPEN_ENDED_DAYS * SECONDS_PER_DAY)
            status->closes_at = baken_unix_to_local (interval->end);
        }
      else if (interval->start - now_unix <= LOOKAHEAD_DAYS * SECONDS_PER_DAY)
        {
          status->state = BAKEN_OPEN_LATER;
          status->opens_at = baken_unix_to_local (interval->start);
        }

      break;
    }

  if (status->state != BAKEN_OPEN_NOW)
    status->holiday = today_holiday;
}

void
baken_open_status_clear (BakenOpenStatus *status)
{
  g_return_if_fail (status != NULL);

  g_clear_pointer (&status->opens_at, g_date_time_unref);
  g_clear_pointer (&status->closes_at, g_date_time_unref);
  status->state = BAKEN_OPEN_UNKNOWN;
  status->holiday = BAKEN_HOLIDAY_NONE;
}
