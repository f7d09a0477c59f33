/* baken-holidays.c: Dutch public holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baken-holidays"

#include "config.h"

#include "baken-holidays.h"

#include <glib/gi18n-lib.h>

void
baken_easter_sunday (int    year,
                     GDate *out)
{
  int a, b, c, d, e, f, g, h, i, k, l, m, month, day;

  g_return_if_fail (out != NULL);
  g_return_if_fail (year >= 1583 && year <= 9999);

  /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  day = ((h + l - 7 * m + 114) % 31) + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

BakenHoliday
baken_holiday_for_date (const GDate       *date,
                        BakenHolidayFlags  flags)
{
  GDateDay day;
  GDateMonth month;
  GDateYear year;
  GDate easter;
  int offset;

  g_return_val_if_fail (date != NULL, BAKEN_HOLIDAY_NONE);
  g_return_val_if_fail (g_date_valid (date), BAKEN_HOLIDAY_NONE);

  day = g_date_get_day (date);
  month = g_date_get_month (date);
  year = g_date_get_year (date);

  if (month == G_DATE_JANUARY && day == 1)
    return BAKEN_HOLIDAY_NEW_YEAR;
  if (month == G_DATE_DECEMBER && day == 25)
    return BAKEN_HOLIDAY_CHRISTMAS;
  if (month == G_DATE_DECEMBER && day == 26)
    return BAKEN_HOLIDAY_BOXING_DAY;

  /* King's Day moves to Saturday 26 April when the 27th is a Sunday. */
  if (month == G_DATE_APRIL && (day == 26 || day == 27))
    {
      GDate kings;

      g_date_clear (&kings, 1);
      g_date_set_dmy (&kings, 27, G_DATE_APRIL, year);
      if (g_date_get_weekday (&kings) == G_DATE_SUNDAY)
        g_date_subtract_days (&kings, 1);
      if (g_date_compare (&kings, date) == 0)
        return BAKEN_HOLIDAY_KINGS_DAY;
    }

  if (year >= 1583 && year <= 9999)
    {
      baken_easter_sunday ((int) year, &easter);
      offset = (int) g_date_get_julian (date) - (int) g_date_get_julian (&easter);

      switch (offset)
        {
        case 0:
          return BAKEN_HOLIDAY_EASTER_SUNDAY;
        case 1:
          return BAKEN_HOLIDAY_EASTER_MONDAY;
        case 39:
          return BAKEN_HOLIDAY_ASCENSION;
        case 49:
          return BAKEN_HOLIDAY_WHIT_SUNDAY;
        case 50:
          return BAKEN_HOLIDAY_WHIT_MONDAY;
        case -2:
          if (flags & BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY)
            return BAKEN_HOLIDAY_GOOD_FRIDAY;
          break;
        default:
          break;
        }
    }

  /* Checked last: in some years 5 May is also Ascension Day, which always closes. */
  if (month == G_DATE_MAY && day == 5 &&
      ((flags & BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY) ||
       ((flags & BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY_LUSTRUM) && g_date_get_year (date) % 5 == 0)))
    return BAKEN_HOLIDAY_LIBERATION_DAY;

  return BAKEN_HOLIDAY_NONE;
}

const char *
baken_holiday_name (BakenHoliday holiday)
{
  switch (holiday)
    {
    case BAKEN_HOLIDAY_NONE:
      return NULL;
    case BAKEN_HOLIDAY_NEW_YEAR:
      /* Translators: public holiday, 1 January */
      return _("Nieuwjaarsdag");
    case BAKEN_HOLIDAY_GOOD_FRIDAY:
      /* Translators: public holiday, the Friday before Easter */
      return _("Goede Vrijdag");
    case BAKEN_HOLIDAY_EASTER_SUNDAY:
      /* Translators: public holiday, Easter Sunday */
      return _("Eerste Paasdag");
    case BAKEN_HOLIDAY_EASTER_MONDAY:
      /* Translators: public holiday, Easter Monday */
      return _("Tweede Paasdag");
    case BAKEN_HOLIDAY_KINGS_DAY:
      /* Translators: public holiday, the King's birthday (27 April) */
      return _("Koningsdag");
    case BAKEN_HOLIDAY_LIBERATION_DAY:
      /* Translators: public holiday, 5 May, end of the Second World War in the Netherlands */
      return _("Bevrijdingsdag");
    case BAKEN_HOLIDAY_ASCENSION:
      /* Translators: public holiday, Ascension Day */
      return _("Hemelvaartsdag");
    case BAKEN_HOLIDAY_WHIT_SUNDAY:
      /* Translators: public holiday, Whit Sunday (Pentecost) */
      return _("Eerste Pinksterdag");
    case BAKEN_HOLIDAY_WHIT_MONDAY:
      /* Translators: public holiday, Whit Monday */
      return _("Tweede Pinksterdag");
    case BAKEN_HOLIDAY_CHRISTMAS:
      /* Translators: public holiday, 25 December */
      return _("Eerste Kerstdag");
    case BAKEN_HOLIDAY_BOXING_DAY:
      /* Translators: public holiday, 26 December */
      return _("Tweede Kerstdag");
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}
