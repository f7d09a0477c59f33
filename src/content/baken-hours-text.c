/* baken-hours-text.c: what an opening status says to a resident
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words for the engine's answers (baken-hours.c): "Nu open tot maandag 0:00",
 * "Open morgen vanaf 9:00", "Gesloten (Eerste Kerstdag) · …", and one day's ranges, in
 * the current gettext language. Only the public API of the engine is used.
 */

#define G_LOG_DOMAIN "baken-hours"

#include "config.h"

#include "baken-hours.h"

#include <glib/gi18n-lib.h>


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

  baken_date_from_datetime (now_local, &today);
  baken_date_from_datetime (closes_local, &closing_day);
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
  baken_date_from_datetime (now_local, &today);
  baken_date_from_datetime (opens_local, &opening_day);
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
