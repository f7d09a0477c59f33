/* baken-holidays.h: Dutch public holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BAKEN_HOLIDAY_NONE,
  BAKEN_HOLIDAY_NEW_YEAR,         /* 1 January */
  BAKEN_HOLIDAY_GOOD_FRIDAY,      /* optional */
  BAKEN_HOLIDAY_EASTER_SUNDAY,
  BAKEN_HOLIDAY_EASTER_MONDAY,
  BAKEN_HOLIDAY_KINGS_DAY,        /* 27 April, 26 April when the 27th is a Sunday */
  BAKEN_HOLIDAY_LIBERATION_DAY,   /* 5 May, optional */
  BAKEN_HOLIDAY_ASCENSION,        /* Easter + 39 */
  BAKEN_HOLIDAY_WHIT_SUNDAY,      /* Easter + 49 */
  BAKEN_HOLIDAY_WHIT_MONDAY,      /* Easter + 50 */
  BAKEN_HOLIDAY_CHRISTMAS,        /* 25 December */
  BAKEN_HOLIDAY_BOXING_DAY,       /* 26 December */
} BakenHoliday;

typedef enum {
  BAKEN_HOLIDAY_FLAGS_NONE           = 0,
  BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY    = 1 << 0,  /* treat Good Friday as a closing day */
  BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY = 1 << 1,  /* treat 5 May as a closing day */
  BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY_LUSTRUM = 1 << 2,  /* …only every five years (2025,
                                                         * 2030, …), as in many CAOs */
} BakenHolidayFlags;

/* Easter Sunday of a Gregorian year (anonymous Gregorian algorithm). */
void          baken_easter_sunday    (int year, GDate *out);
/* The holiday on a date, or BAKEN_HOLIDAY_NONE. Optional holidays only with their flag. */
BakenHoliday  baken_holiday_for_date (const GDate *date, BakenHolidayFlags flags);
/* Name in the current gettext language ("Tweede Paasdag", …); NULL for BAKEN_HOLIDAY_NONE. */
const char   *baken_holiday_name     (BakenHoliday holiday);

G_END_DECLS
