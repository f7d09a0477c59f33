/* baken-hours.c: the opening-hours engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A schedule is a set of weekly slots and date exceptions. Merging two schedules keeps
 * each one's slots and exceptions apart (a "source"): an exception only replaces the
 * weekly slots of its own source, so the merged schedule is open exactly when one of
 * the parts is. Every opening belongs to the local date it starts on; get_status turns
 * the openings around now into absolute instants with GTimeZone, so daylight-saving
 * days come out right, and joins openings that touch.
 */

#define G_LOG_DOMAIN "baken-hours"

#include "config.h"

#include "baken-hours.h"

#include <string.h>

#include <glib/gi18n-lib.h>

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

static gboolean
parse_date (const char *text,
            guint32    *julian)
{
  int year, month, day;
  GDate date;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
         g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *julian = g_date_get_julian (&date);

  return TRUE;
}

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

/* The Unix time of a local wall-clock time, minutes after midnight of date (may be
 * 1440 or more: the following days). */
static gint64
local_to_unix (GTimeZone   *tz,
               const GDate *date,
               int          minutes)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate day = *date;

  g_date_add_days (&day, (guint) (minutes / BAKEN_MINUTES_PER_DAY));
  minutes %= BAKEN_MINUTES_PER_DAY;

  dt = g_date_time_new (tz,
                        g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                        minutes / 60, minutes % 60, 0);
  g_assert (dt != NULL);

  return g_date_time_to_unix (dt);
}

static GDateTime *
unix_to_local (gint64 seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_to_timezone (utc, baken_local_timezone ());
}

static void
date_from_datetime (GDateTime *dt,
                    GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt),
                  (GDateYear) g_date_time_get_year (dt));
}

static char *
format_time (int hour,
             int minute)
{
  /* Translators: a time of day, hours (0–23, no leading zero) and minutes, as in "9:00"
   * and "17:30". Swap the numbers with %2$02d and %1$d if your language needs to. */
  return g_strdup_printf (_("%1$d:%2$02d"), hour, minute);
}

static char *
format_minutes (int minutes)
{
  if (minutes == BAKEN_MINUTES_PER_DAY)
    return format_time (24, 0);

  minutes %= BAKEN_MINUTES_PER_DAY;
  return format_time (minutes / 60, minutes % 60);
}

static const char *
weekday_name (GDateWeekday weekday)
{
  static const char * const names[] = {
    /* Translators: weekday names as used in "Open dinsdag vanaf 9:00" (open on
     * Tuesday from 9:00); lowercase in Dutch. */
    N_("maandag"), N_("dinsdag"), N_("woensdag"), N_("donderdag"),
    N_("vrijdag"), N_("zaterdag"), N_("zondag"),
  };

  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");

  return _(names[weekday - 1]);
}

static const char *
month_name (GDateMonth month)
{
  static const char * const names[] = {
    /* Translators: month names as used in "Open op 3 januari vanaf 9:00" (open on
     * 3 January from 9:00); lowercase in Dutch. */
    N_("januari"), N_("februari"), N_("maart"), N_("april"), N_("mei"), N_("juni"),
    N_("juli"), N_("augustus"), N_("september"), N_("oktober"), N_("november"),
    N_("december"),
  };

  g_return_val_if_fail (month >= G_DATE_JANUARY && month <= G_DATE_DECEMBER, "");

  return _(names[month - 1]);
}

/* "Nu open tot …": the closing time, with its day when that is not today. A time of
 * 0:00 belongs to the day it starts, so "tot maandag 0:00" is the end of Sunday; the
 * end of today is "middernacht". */
static char *
format_closing (GDateTime *closes_at,
                GDateTime *now)
{
  g_autoptr(GDateTime) now_local = g_date_time_to_timezone (now, baken_local_timezone ());
  g_autoptr(GDateTime) closes_local = g_date_time_to_timezone (closes_at,
                                                               baken_local_timezone ());
  g_autofree char *time_text = NULL;
  g_autofree char *date_text = NULL;
  GDate today, closing_day;
  int days_ahead, minutes;

  date_from_datetime (now_local, &today);
  date_from_datetime (closes_local, &closing_day);
  days_ahead = (int) g_date_get_julian (&closing_day) - (int) g_date_get_julian (&today);
  minutes = g_date_time_get_hour (closes_local) * 60 + g_date_time_get_minute (closes_local);
  time_text = format_time (minutes / 60, minutes % 60);

  if (days_ahead <= 0)
    {
      /* Translators: badge: open now until a time today, as in "Nu open tot 17:00" */
      return g_strdup_printf (_("Nu open tot %s"), time_text);
    }
  if (days_ahead == 1 && minutes == 0)
    {
      /* Translators: badge: open now until the end of today (0:00 tonight) */
      return g_strdup (_("Nu open tot middernacht"));
    }
  if (days_ahead == 1)
    {
      /* Translators: badge: open now until a time tomorrow, as in "Nu open tot morgen
       * 2:00" (open through the night) */
      return g_strdup_printf (_("Nu open tot morgen %s"), time_text);
    }
  if (days_ahead <= 6)
    {
      /* Translators: badge: open now until a time on a weekday of the coming week, as
       * in "Nu open tot maandag 0:00"; %1$s is the weekday, %2$s the time */
      return g_strdup_printf (_("Nu open tot %1$s %2$s"),
                              weekday_name (g_date_get_weekday (&closing_day)), time_text);
    }

  date_text = g_strdup_printf (_("%1$d %2$s"),
                               (int) g_date_get_day (&closing_day),
                               month_name (g_date_get_month (&closing_day)));
  /* Translators: badge: open now until a time on a date a week or more away, as in
   * "Nu open tot 3 januari om 0:00"; %1$s is the date, %2$s the time */
  return g_strdup_printf (_("Nu open tot %1$s om %2$s"), date_text, time_text);
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

  valid_dates = (valid_from == NULL || parse_date (valid_from, &slot.valid_from)) &&
                (valid_to == NULL || parse_date (valid_to, &slot.valid_to));
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

  valid_date = parse_date (date, &exception.julian);
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
  date_from_datetime (now_local, &today);

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

          interval.start = local_to_unix (tz, &day, r->opens);
          interval.end = local_to_unix (tz, &day, r->closes);

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
            status->closes_at = unix_to_local (interval->end);
        }
      else if (interval->start - now_unix <= LOOKAHEAD_DAYS * SECONDS_PER_DAY)
        {
          status->state = BAKEN_OPEN_LATER;
          status->opens_at = unix_to_local (interval->start);
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

static char *format_status (const BakenOpenStatus *status,
                            GDateTime             *now);

char *
baken_open_status_format (const BakenOpenStatus *status,
                          GDateTime             *now)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (status != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  text = format_status (status, now);
  if (status->holiday == BAKEN_HOLIDAY_NONE || status->state == BAKEN_OPEN_NOW ||
      status->state == BAKEN_OPEN_UNKNOWN || text == NULL)
    return g_steal_pointer (&text);

  if (status->state == BAKEN_OPEN_NOT_SOON)
    {
      /* Translators: badge on a public holiday, closed and not open in the next two
       * weeks; %s is the holiday's name, as in "Gesloten (Eerste Kerstdag)" */
      return g_strdup_printf (_("Gesloten (%s)"), baken_holiday_name (status->holiday));
    }

  /* Translators: badge on a public holiday: %1$s is the holiday's name, %2$s when it
   * opens again, as in "Gesloten (Eerste Kerstdag) · Open maandag vanaf 9:00" */
  return g_strdup_printf (_("Gesloten (%1$s) · %2$s"), baken_holiday_name (status->holiday),
                          text);
}

static char *
format_status (const BakenOpenStatus *status,
               GDateTime             *now)
{
  g_autoptr(GDateTime) now_local = NULL;
  g_autoptr(GDateTime) opens_local = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *date_text = NULL;
  GDate today, opening_day;
  int days_ahead;

  g_return_val_if_fail (status != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  switch (status->state)
    {
    case BAKEN_OPEN_UNKNOWN:
      /* Translators: badge on a service whose opening hours are not known */
      return g_strdup (_("Openingstijden onbekend"));

    case BAKEN_OPEN_NOT_SOON:
      /* Translators: badge: closed now and not open in the next two weeks */
      return g_strdup (_("Nu gesloten"));

    case BAKEN_OPEN_NOW:
      if (status->closes_at == NULL)
        {
          /* Translators: badge: open now and without a break in the coming week, as a
           * crisis line is */
          return g_strdup (_("Dag en nacht open"));
        }
      return format_closing (status->closes_at, now);

    case BAKEN_OPEN_LATER:
      g_return_val_if_fail (status->opens_at != NULL, NULL);
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  now_local = g_date_time_to_timezone (now, baken_local_timezone ());
  opens_local = g_date_time_to_timezone (status->opens_at, baken_local_timezone ());
  date_from_datetime (now_local, &today);
  date_from_datetime (opens_local, &opening_day);
  days_ahead = (int) g_date_get_julian (&opening_day) - (int) g_date_get_julian (&today);
  time_text = format_time (g_date_time_get_hour (opens_local),
                           g_date_time_get_minute (opens_local));

  if (days_ahead <= 0)
    {
      /* Translators: badge: closed now, opens later today at a time ("13:00") */
      return g_strdup_printf (_("Open vandaag vanaf %s"), time_text);
    }
  else if (days_ahead == 1)
    {
      /* Translators: badge: opens tomorrow at a time ("9:00") */
      return g_strdup_printf (_("Open morgen vanaf %s"), time_text);
    }
  else if (days_ahead <= 6)
    {
      /* Translators: badge: opens on a weekday in the coming week, as in
       * "Open dinsdag vanaf 9:00"; %1$s is the weekday, %2$s the time */
      return g_strdup_printf (_("Open %1$s vanaf %2$s"),
                              weekday_name (g_date_get_weekday (&opening_day)),
                              time_text);
    }

  /* Translators: a date without the year, as in "3 januari"; %1$d is the day of the
   * month, %2$s the month name */
  date_text = g_strdup_printf (_("%1$d %2$s"),
                               (int) g_date_get_day (&opening_day),
                               month_name (g_date_get_month (&opening_day)));
  /* Translators: badge: opens on a date more than a week away, as in
   * "Open op 3 januari vanaf 9:00"; %1$s is the date, %2$s the time */
  return g_strdup_printf (_("Open op %1$s vanaf %2$s"), date_text, time_text);
}

char *
baken_ranges_format (GArray *ranges)
{
  GString *text;

  g_return_val_if_fail (ranges != NULL, NULL);

  if (ranges->len == 0)
    {
      /* Translators: opening hours of a day on which it is closed */
      return g_strdup (_("Gesloten"));
    }

  text = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      const BakenRange *r = &g_array_index (ranges, BakenRange, i);
      g_autofree char *opens = format_minutes (r->opens);
      g_autofree char *closes = format_minutes (r->closes);

      if (i > 0)
        {
          /* Translators: separates the openings of one day, "9:00 – 12:00, 13:00 – 16:30" */
          g_string_append (text, _(", "));
        }

      /* Translators: one opening, from a time to a time, "9:00 – 12:00" (en dash) */
      g_string_append_printf (text, _("%1$s – %2$s"), opens, closes);
    }

  return g_string_free (text, FALSE);
}

static gboolean
parse_two_digits (const char *p,
                  int        *value)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;

  *value = g_ascii_digit_value (p[0]) * 10 + g_ascii_digit_value (p[1]);

  return TRUE;
}

gboolean
baken_parse_time (const char *text,
                  int        *minutes)
{
  const char *p = text;
  int hours, mins, seconds;

  g_return_val_if_fail (minutes != NULL, FALSE);

  if (text == NULL || !g_ascii_isdigit (*p))
    return FALSE;

  /* One or two digits for the hour. */
  hours = g_ascii_digit_value (*p++);
  if (g_ascii_isdigit (*p))
    hours = hours * 10 + g_ascii_digit_value (*p++);

  if (*p++ != ':' || !parse_two_digits (p, &mins))
    return FALSE;
  p += 2;

  /* HSDS writes "10:00:00"; seconds other than :00 are not a time we can show. */
  if (*p == ':')
    {
      if (!parse_two_digits (p + 1, &seconds) || seconds != 0)
        return FALSE;
      p += 3;
    }

  if (*p != '\0')
    return FALSE;

  if (mins > 59 || hours > 24 || (hours == 24 && mins != 0))
    return FALSE;

  *minutes = hours * 60 + mins;

  return TRUE;
}
