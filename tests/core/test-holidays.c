/* test-holidays.c: Dutch public holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "baken-holidays.h"

static void
set_date (GDate      *date,
          const char *text)
{
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_assert_true (g_date_valid (date));
}

static void
test_easter (void)
{
  static const struct {
    int         year;
    const char *easter;
  } cases[] = {
    { 2019, "2019-04-21" },
    { 2024, "2024-03-31" },
    { 2025, "2025-04-20" },
    { 2026, "2026-04-05" },
    { 2027, "2027-03-28" },
    { 2038, "2038-04-25" },  /* latest possible date */
    { 2285, "2285-03-22" },  /* earliest possible date */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate expected, easter;

      g_test_message ("Easter %d", cases[i].year);
      set_date (&expected, cases[i].easter);
      baken_easter_sunday (cases[i].year, &easter);

      g_assert_true (g_date_valid (&easter));
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
      g_assert_cmpint (g_date_compare (&easter, &expected), ==, 0);
    }
}

static const struct {
  const char        *date;
  BakenHolidayFlags  flags;
  BakenHoliday       expected;
} holiday_cases[] = {
  /* 2024: Easter 31 March */
  { "2024-01-01", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NEW_YEAR },
  { "2024-03-31", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_EASTER_SUNDAY },
  { "2024-04-01", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_EASTER_MONDAY },
  { "2024-04-27", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_KINGS_DAY },   /* a Saturday */
  { "2024-05-09", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_ASCENSION },
  { "2024-05-19", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_WHIT_SUNDAY },
  { "2024-05-20", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_WHIT_MONDAY },
  { "2024-12-25", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_CHRISTMAS },
  { "2024-12-26", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_BOXING_DAY },
  { "2024-12-27", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NONE },
  { "2024-12-31", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NONE },

  /* 2025: Easter 20 April; 27 April is a Sunday, so King's Day is Saturday 26 April */
  { "2025-01-01", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NEW_YEAR },
  { "2025-01-02", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NONE },
  { "2025-04-18", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NONE },
  { "2025-04-18", BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY, BAKEN_HOLIDAY_GOOD_FRIDAY },
  { "2025-04-18", BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY, BAKEN_HOLIDAY_NONE },
  { "2025-04-19", BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY, BAKEN_HOLIDAY_NONE },
  { "2025-04-20", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_EASTER_SUNDAY },
  { "2025-04-21", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_EASTER_MONDAY },
  { "2025-04-22", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NONE },
  { "2025-04-26", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_KINGS_DAY },
  { "2025-04-27", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NONE },
  { "2025-05-05", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NONE },
  { "2025-05-05", BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY, BAKEN_HOLIDAY_NONE },
  { "2025-05-05", BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY, BAKEN_HOLIDAY_LIBERATION_DAY },
  /* Every five years, as in many collective agreements: 2025 and 2030, not 2026. */
  { "2025-05-05", BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY_LUSTRUM, BAKEN_HOLIDAY_LIBERATION_DAY },
  { "2026-05-05", BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY_LUSTRUM, BAKEN_HOLIDAY_NONE },
  { "2030-05-05", BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY_LUSTRUM, BAKEN_HOLIDAY_LIBERATION_DAY },
  { "2025-05-29", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_ASCENSION },
  { "2025-06-08", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_WHIT_SUNDAY },
  { "2025-06-09", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_WHIT_MONDAY },
  { "2025-12-25", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_CHRISTMAS },
  { "2025-12-26", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_BOXING_DAY },

  /* 2026: Easter 5 April; King's Day is Monday 27 April */
  { "2026-04-03", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NONE },
  { "2026-04-03", BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY | BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY,
    BAKEN_HOLIDAY_GOOD_FRIDAY },
  { "2026-04-05", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_EASTER_SUNDAY },
  { "2026-04-06", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_EASTER_MONDAY },
  { "2026-04-26", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_NONE },
  { "2026-04-27", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_KINGS_DAY },
  { "2026-05-05", BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY | BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY,
    BAKEN_HOLIDAY_LIBERATION_DAY },
  { "2026-05-14", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_ASCENSION },
  { "2026-05-24", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_WHIT_SUNDAY },
  { "2026-05-25", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_WHIT_MONDAY },

  /* 2027: Easter 28 March */
  { "2027-03-26", BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY, BAKEN_HOLIDAY_GOOD_FRIDAY },
  { "2027-03-28", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_EASTER_SUNDAY },
  { "2027-03-29", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_EASTER_MONDAY },
  { "2027-04-27", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_KINGS_DAY },
  { "2027-05-06", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_ASCENSION },
  { "2027-05-16", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_WHIT_SUNDAY },
  { "2027-05-17", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_WHIT_MONDAY },

  /* 2016: Ascension fell on 5 May; it closes with or without the flag */
  { "2016-05-05", BAKEN_HOLIDAY_FLAGS_NONE, BAKEN_HOLIDAY_ASCENSION },
  { "2016-05-05", BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY, BAKEN_HOLIDAY_ASCENSION },
};

static void
test_holiday_for_date (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (holiday_cases); i++)
    {
      GDate date;

      g_test_message ("%s flags %u", holiday_cases[i].date, holiday_cases[i].flags);
      set_date (&date, holiday_cases[i].date);
      g_assert_cmpint (baken_holiday_for_date (&date, holiday_cases[i].flags), ==,
                       holiday_cases[i].expected);
    }
}

/* Every day of a few years: exactly the expected number of holidays. */
static void
test_holiday_count (void)
{
  static const struct {
    int               year;
    BakenHolidayFlags flags;
    guint             count;
  } cases[] = {
    { 2024, BAKEN_HOLIDAY_FLAGS_NONE, 9 },
    { 2025, BAKEN_HOLIDAY_FLAGS_NONE, 9 },
    { 2025, BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY, 10 },
    { 2025, BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY | BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY, 11 },
    { 2016, BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY, 9 },  /* 5 May was Ascension */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;
      guint count = 0;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) cases[i].year);

      while (g_date_get_year (&date) == (GDateYear) cases[i].year)
        {
          if (baken_holiday_for_date (&date, cases[i].flags) != BAKEN_HOLIDAY_NONE)
            count++;
          g_date_add_days (&date, 1);
        }

      g_test_message ("%d flags %u", cases[i].year, cases[i].flags);
      g_assert_cmpuint (count, ==, cases[i].count);
    }
}

static void
test_holiday_name (void)
{
  static const struct {
    BakenHoliday holiday;
    const char  *name;
  } cases[] = {
    { BAKEN_HOLIDAY_NEW_YEAR, "Nieuwjaarsdag" },
    { BAKEN_HOLIDAY_GOOD_FRIDAY, "Goede Vrijdag" },
    { BAKEN_HOLIDAY_EASTER_SUNDAY, "Eerste Paasdag" },
    { BAKEN_HOLIDAY_EASTER_MONDAY, "Tweede Paasdag" },
    { BAKEN_HOLIDAY_KINGS_DAY, "Koningsdag" },
    { BAKEN_HOLIDAY_LIBERATION_DAY, "Bevrijdingsdag" },
    { BAKEN_HOLIDAY_ASCENSION, "Hemelvaartsdag" },
    { BAKEN_HOLIDAY_WHIT_SUNDAY, "Eerste Pinksterdag" },
    { BAKEN_HOLIDAY_WHIT_MONDAY, "Tweede Pinksterdag" },
    { BAKEN_HOLIDAY_CHRISTMAS, "Eerste Kerstdag" },
    { BAKEN_HOLIDAY_BOXING_DAY, "Tweede Kerstdag" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (baken_holiday_name (cases[i].holiday), ==, cases[i].name);

  g_assert_null (baken_holiday_name (BAKEN_HOLIDAY_NONE));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/holidays/easter", test_easter);
  g_test_add_func ("/core/holidays/for-date", test_holiday_for_date);
  g_test_add_func ("/core/holidays/count-per-year", test_holiday_count);
  g_test_add_func ("/core/holidays/name", test_holiday_name);

  return g_test_run ();
}
