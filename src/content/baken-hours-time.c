/* baken-hours-time.c: dates and times of day, as text and as instants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The value formats of the schedule tables ("9:00", "2024-12-25") and the conversions
 * between a local wall-clock time and a Unix time that the hours engine works with.
 */

#define G_LOG_DOMAIN "baken-hours"

#include "config.h"

#include "baken-hours-time.h"

#include <string.h>

#include "baken-clock.h"

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

gboolean
baken_parse_date (const char *text,
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

gint64
baken_local_to_unix (GTimeZone   *tz,
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

GDateTime *
baken_unix_to_local (gint64 seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_to_timezone (utc, baken_local_timezone ());
}

void
baken_date_from_datetime (GDateTime *dt,
                          GDate     *date)
{
  g_return_if_fail (dt != NULL);
  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt),
                  (GDateYear) g_date_time_get_year (dt));
}
