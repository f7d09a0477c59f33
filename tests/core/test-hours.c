/* test-hours.c: the opening-hours engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All times are fixed. "now" is given as an ISO 8601 instant (mostly UTC), expected
 * openings as UTC instants, so the tests do not depend on the clock or on $TZ.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "baken-hours.h"

#define H(h, m) ((h) * 60 + (m))

static GDateTime *
parse_instant (const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);

  return dt;
}

static void
set_date (GDate      *date,
          const char *text)
{
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
assert_instant (GDateTime  *actual,
                const char *expected)
{
  if (expected == NULL)
    {
      g_assert_null (actual);
    }
  else
    {
      g_autoptr(GDateTime) want = parse_instant (expected);
      g_autofree char *actual_text = NULL;

      g_assert_nonnull (actual);
      actual_text = g_date_time_format_iso8601 (actual);
      g_test_message ("instant %s, expected %s", actual_text, expected);
      g_assert_cmpint (g_date_time_to_unix (actual), ==, g_date_time_to_unix (want));
      /* Handed out in local time, ready to show. */
      g_assert_cmpstr (g_date_time_get_timezone_abbreviation (actual), !=, "UTC");
    }
}

/* Schedules used by the status table */

static void
build_split (BakenSchedule *s)
{
  /* Closed on Wednesday; split hours the other working days. */
  guint days = BAKEN_DAY_MO | BAKEN_DAY_TU | BAKEN_DAY_TH | BAKEN_DAY_FR;

  baken_schedule_add_slot (s, days, H (9, 0), H (12, 0), NULL, NULL);
  baken_schedule_add_slot (s, days, H (13, 0), H (16, 30), NULL, NULL);
}

static void
build_weekdays (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL & ~(BAKEN_DAY_SA | BAKEN_DAY_SU),
                           H (9, 0), H (17, 0), NULL, NULL);
}

static void
build_every_day (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL, H (9, 0), H (17, 0), NULL, NULL);
}

static void
build_friday_night (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_FR, H (22, 0), H (2, 0), NULL, NULL);
}

static void
build_saturday_night_dst (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_SA, H (22, 0), H (4, 0), NULL, NULL);
}

static void
build_midnight_chain (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_SA, H (22, 0), H (24, 0), NULL, NULL);
  baken_schedule_add_slot (s, BAKEN_DAY_SU, H (0, 0), H (2, 0), NULL, NULL);
}

static void
build_until_midnight (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_SA, H (20, 0), H (24, 0), NULL, NULL);
}

static void
build_always (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL, H (0, 0), H (24, 0), NULL, NULL);
}

static void
build_crisis_line (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL | BAKEN_DAY_HOLIDAY, H (0, 0), H (24, 0),
                           NULL, NULL);
}

static void
build_holiday_hours (BakenSchedule *s)
{
  build_weekdays (s);
  baken_schedule_add_slot (s, BAKEN_DAY_HOLIDAY, H (10, 0), H (14, 0), NULL, NULL);
}

static void
build_mo_to_th_with_holidays (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_MO | BAKEN_DAY_TU | BAKEN_DAY_WE | BAKEN_DAY_TH |
                           BAKEN_DAY_HOLIDAY, H (9, 0), H (17, 0), NULL, NULL);
}

static void
build_repair_line (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL & ~(BAKEN_DAY_SA | BAKEN_DAY_SU),
                           H (17, 0), H (8, 0), NULL, NULL);
  baken_schedule_add_slot (s, BAKEN_DAY_SA | BAKEN_DAY_SU, H (0, 0), H (24, 0), NULL, NULL);
}

static void
build_weekend (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_SA | BAKEN_DAY_SU, H (0, 0), H (24, 0), NULL, NULL);
}

static void
build_exception_closes (BakenSchedule *s)
{
  build_weekdays (s);
  baken_schedule_add_exception (s, "2025-06-03", TRUE, 0, 0);
}

static void
build_exception_opens_holiday (BakenSchedule *s)
{
  build_weekdays (s);
  baken_schedule_add_exception (s, "2025-12-26", FALSE, H (10, 0), H (14, 0));
}

static void
build_valid_from_10_june (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL & ~(BAKEN_DAY_SA | BAKEN_DAY_SU),
                           H (9, 0), H (17, 0), "2025-06-10", NULL);
}

static void
build_valid_until_3_june (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL, H (9, 0), H (17, 0), NULL, "2025-06-03");
}

static void
build_valid_from_16_june (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL, H (9, 0), H (17, 0), "2025-06-16", NULL);
}

static void
build_valid_from_17_june (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL, H (9, 0), H (17, 0), "2025-06-17", NULL);
}

static void
build_past_only (BakenSchedule *s)
{
  baken_schedule_add_slot (s, BAKEN_DAY_ALL, H (9, 0), H (17, 0), "2024-01-01", "2024-12-31");
}

static void
build_unknown (BakenSchedule *s)
{
}

static void
build_merged (BakenSchedule *s)
{
  /* Desk: mornings, closed on 3 June. Phone: Tuesday afternoon. Open when either is. */
  g_autoptr(BakenSchedule) phone = baken_schedule_new ();

  baken_schedule_add_slot (s, BAKEN_DAY_ALL & ~(BAKEN_DAY_SA | BAKEN_DAY_SU),
                           H (9, 0), H (12, 0), NULL, NULL);
  baken_schedule_add_exception (s, "2025-06-03", TRUE, 0, 0);
  baken_schedule_add_slot (phone, BAKEN_DAY_TU, H (13, 0), H (17, 0), NULL, NULL);
  baken_schedule_merge (s, phone);
}

static void
build_merged_touching (BakenSchedule *s)
{
  g_autoptr(BakenSchedule) afternoon = baken_schedule_new ();

  baken_schedule_add_slot (s, BAKEN_DAY_MO, H (9, 0), H (12, 0), NULL, NULL);
  baken_schedule_add_slot (afternoon, BAKEN_DAY_MO, H (12, 0), H (17, 0), NULL, NULL);
  baken_schedule_merge (s, afternoon);
}

typedef struct
{
  const char        *name;
  void             (*build) (BakenSchedule *s);
  const char        *now;
  BakenHolidayFlags  flags;
  BakenOpenState     state;
  const char        *opens_at;
  const char        *closes_at;
  const char        *badge;
} StatusCase;

static const StatusCase status_cases[] = {
  /* Summer time in June 2025: Amsterdam is UTC+2. */
  { "open-now", build_split, "2025-06-02T08:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-02T10:00:00Z", "Nu open tot 12:00" },
  { "open-now-other-zone", build_split, "2025-06-02T13:30:00+05:30", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-02T10:00:00Z", "Nu open tot 12:00" },
  { "split-hours-lunch", build_split, "2025-06-02T10:30:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-02T11:00:00Z", NULL, "Open vandaag vanaf 13:00" },
  { "split-hours-afternoon", build_split, "2025-06-02T12:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-02T14:30:00Z", "Nu open tot 16:30" },
  { "closing-time-is-closed", build_split, "2025-06-02T14:30:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-03T07:00:00Z", NULL, "Open morgen vanaf 9:00" },
  { "before-opening", build_split, "2025-06-02T06:59:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-02T07:00:00Z", NULL, "Open vandaag vanaf 9:00" },
  { "closed-wednesday", build_split, "2025-06-04T08:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-05T07:00:00Z", NULL, "Open morgen vanaf 9:00" },
  { "closed-wednesday-from-tuesday", build_split, "2025-06-03T15:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-05T07:00:00Z", NULL, "Open donderdag vanaf 9:00" },
  /* Friday evening; Monday 9 June is Whit Monday. */
  { "weekend-and-whit-monday", build_split, "2025-06-06T15:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-10T07:00:00Z", NULL, "Open dinsdag vanaf 9:00" },
  /* Local date, not the UTC date: 22:30 UTC Monday is 0:30 Tuesday in Amsterdam. */
  { "after-local-midnight", build_split, "2025-06-02T22:30:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-03T07:00:00Z", NULL, "Open vandaag vanaf 9:00" },

  /* Friday 22:00–2:00 */
  { "past-midnight-before", build_friday_night, "2025-06-06T19:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-06T20:00:00Z", NULL, "Open vandaag vanaf 22:00" },
  { "past-midnight-evening", build_friday_night, "2025-06-06T21:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-07T00:00:00Z", "Nu open tot morgen 2:00" },
  { "past-midnight-after-midnight", build_friday_night, "2025-06-06T23:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-07T00:00:00Z", "Nu open tot 2:00" },
  /* A repair line open weekday nights and all weekend: on Thursday night it closes
   * tomorrow morning, on Friday evening at the end of Sunday. */
  { "closes-tomorrow", build_repair_line, "2025-06-05T20:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-06T06:00:00Z", "Nu open tot morgen 8:00" },
  { "closes-on-another-day", build_repair_line, "2025-06-13T16:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-15T22:00:00Z", "Nu open tot maandag 0:00" },
  /* …but Whit Sunday (8 June 2025) closes the weekend slot a week earlier. */
  { "closes-before-whit-sunday", build_repair_line, "2025-06-06T16:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-07T22:00:00Z", "Nu open tot zondag 0:00" },
  { "closes-at-midnight-on-another-day", build_weekend, "2025-06-14T08:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-15T22:00:00Z", "Nu open tot maandag 0:00" },
  { "past-midnight-over", build_friday_night, "2025-06-07T00:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-13T20:00:00Z", NULL, "Open vrijdag vanaf 22:00" },

  /* Saturday 22:00–24:00 and Sunday 0:00–2:00 are one opening. */
  { "midnight-continuation", build_midnight_chain, "2025-06-14T21:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-15T00:00:00Z", "Nu open tot morgen 2:00" },
  { "midnight-continuation-sunday", build_midnight_chain, "2025-06-14T23:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-15T00:00:00Z", "Nu open tot 2:00" },
  { "until-midnight", build_until_midnight, "2025-06-14T21:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-14T22:00:00Z", "Nu open tot middernacht" },
  { "open-without-end", build_always, "2025-06-14T21:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, NULL, "Dag en nacht open" },

  /* Winter time: UTC+1. Christmas Thursday and Boxing Day Friday close. */
  { "holiday-christmas", build_weekdays, "2025-12-24T17:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-12-29T08:00:00Z", NULL, "Open maandag vanaf 9:00" },
  { "holiday-christmas-day", build_weekdays, "2025-12-25T10:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-12-29T08:00:00Z", NULL,
    "Gesloten (Eerste Kerstdag) · Open maandag vanaf 9:00" },
  /* A crisis line open day and night, on holidays too (PH): open on Christmas Day,
   * King's Day and every day between. Without PH a holiday closes it. */
  { "crisis-line-christmas-day", build_crisis_line, "2026-12-25T09:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, NULL, "Dag en nacht open" },
  { "crisis-line-kings-day", build_crisis_line, "2027-04-27T08:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, NULL, "Dag en nacht open" },
  { "crisis-line-christmas-eve", build_crisis_line, "2026-12-24T16:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, NULL, "Dag en nacht open" },
  { "always-without-ph-christmas-eve", build_always, "2026-12-24T16:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2026-12-24T23:00:00Z", "Nu open tot middernacht" },
  { "always-without-ph-christmas-day", build_always, "2026-12-25T09:00:00Z", 0,
    BAKEN_OPEN_LATER, "2026-12-26T23:00:00Z", NULL,
    "Gesloten (Eerste Kerstdag) · Open zondag vanaf 0:00" },
  /* Own holiday hours (PH without week days): 10:00–14:00 on holidays only. */
  { "holiday-hours-christmas", build_holiday_hours, "2026-12-25T08:00:00Z", 0,
    BAKEN_OPEN_LATER, "2026-12-25T09:00:00Z", NULL, "Open vandaag vanaf 10:00" },
  { "holiday-hours-open", build_holiday_hours, "2026-12-25T10:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2026-12-25T13:00:00Z", "Nu open tot 14:00" },
  { "holiday-hours-after-christmas", build_holiday_hours, "2026-12-28T08:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2026-12-28T16:00:00Z", "Nu open tot 17:00" },
  /* "Open as on the weekday": a holiday on a day the slot does not list stays closed.
   * Christmas 2026 is a Friday; the slot is Monday to Thursday. */
  { "holiday-open-other-weekday", build_mo_to_th_with_holidays, "2026-12-25T10:00:00Z", 0,
    BAKEN_OPEN_LATER, "2026-12-28T08:00:00Z", NULL,
    "Gesloten (Eerste Kerstdag) · Open maandag vanaf 9:00" },
  { "holiday-open-same-weekday", build_mo_to_th_with_holidays, "2027-04-27T08:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2027-04-27T15:00:00Z", "Nu open tot 17:00" },
  { "exception-closes", build_exception_closes, "2025-06-02T16:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-04T07:00:00Z", NULL, "Open woensdag vanaf 9:00" },
  { "exception-closes-today", build_exception_closes, "2025-06-03T08:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-04T07:00:00Z", NULL, "Open morgen vanaf 9:00" },
  { "exception-opens-holiday", build_exception_opens_holiday, "2025-12-25T11:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-12-26T09:00:00Z", NULL,
    "Gesloten (Eerste Kerstdag) · Open morgen vanaf 10:00" },
  { "exception-opens-holiday-now", build_exception_opens_holiday, "2025-12-26T10:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-12-26T13:00:00Z", "Nu open tot 14:00" },

  /* Optional holidays only close with their flag: Good Friday 3 April 2026, then Easter. */
  { "good-friday-open", build_weekdays, "2026-04-02T16:00:00Z", 0,
    BAKEN_OPEN_LATER, "2026-04-03T07:00:00Z", NULL, "Open morgen vanaf 9:00" },
  { "good-friday-closed", build_weekdays, "2026-04-02T16:00:00Z",
    BAKEN_HOLIDAY_FLAGS_GOOD_FRIDAY,
    BAKEN_OPEN_LATER, "2026-04-07T07:00:00Z", NULL, "Open dinsdag vanaf 9:00" },
  { "liberation-day-closed", build_weekdays, "2025-05-05T08:00:00Z",
    BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY,
    BAKEN_OPEN_LATER, "2025-05-06T07:00:00Z", NULL,
    "Gesloten (Bevrijdingsdag) · Open morgen vanaf 9:00" },
  { "liberation-day-open", build_weekdays, "2025-05-05T08:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-05-05T15:00:00Z", "Nu open tot 17:00" },

  /* valid_from/valid_to */
  { "valid-from-excludes", build_valid_from_10_june, "2025-06-02T08:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-10T07:00:00Z", NULL, "Open op 10 juni vanaf 9:00" },
  { "valid-to-includes-last-day", build_valid_until_3_june, "2025-06-03T08:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-03T15:00:00Z", "Nu open tot 17:00" },
  { "valid-to-excludes", build_valid_until_3_june, "2025-06-03T16:00:00Z", 0,
    BAKEN_OPEN_NOT_SOON, NULL, NULL, "Nu gesloten" },
  { "within-fourteen-days", build_valid_from_16_june, "2025-06-02T08:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-16T07:00:00Z", NULL, "Open op 16 juni vanaf 9:00" },
  { "beyond-fourteen-days", build_valid_from_17_june, "2025-06-02T08:00:00Z", 0,
    BAKEN_OPEN_NOT_SOON, NULL, NULL, "Nu gesloten" },
  { "not-soon", build_past_only, "2025-06-02T08:00:00Z", 0,
    BAKEN_OPEN_NOT_SOON, NULL, NULL, "Nu gesloten" },
  { "unknown", build_unknown, "2025-06-02T08:00:00Z", 0,
    BAKEN_OPEN_UNKNOWN, NULL, NULL, "Openingstijden onbekend" },

  /* Union of two schedules: one's closure does not close the other. */
  { "merge-other-still-open", build_merged, "2025-06-03T08:00:00Z", 0,
    BAKEN_OPEN_LATER, "2025-06-03T11:00:00Z", NULL, "Open vandaag vanaf 13:00" },
  { "merge-first-open", build_merged, "2025-06-02T09:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-02T10:00:00Z", "Nu open tot 12:00" },
  { "merge-touching", build_merged_touching, "2025-06-02T09:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2025-06-02T15:00:00Z", "Nu open tot 17:00" },

  /* Sunday 29 March 2026: clocks go from 2:00 to 3:00. 9:00 is 7:00 UTC. */
  { "dst-spring-before", build_every_day, "2026-03-29T05:00:00Z", 0,
    BAKEN_OPEN_LATER, "2026-03-29T07:00:00Z", NULL, "Open vandaag vanaf 9:00" },
  { "dst-spring-at-night", build_every_day, "2026-03-28T23:30:00Z", 0,
    BAKEN_OPEN_LATER, "2026-03-29T07:00:00Z", NULL, "Open vandaag vanaf 9:00" },
  { "dst-spring-open", build_every_day, "2026-03-29T08:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2026-03-29T15:00:00Z", "Nu open tot 17:00" },
  { "dst-spring-day-before", build_every_day, "2026-03-28T17:00:00Z", 0,
    BAKEN_OPEN_LATER, "2026-03-29T07:00:00Z", NULL, "Open morgen vanaf 9:00" },
  /* Saturday 22:00 CET (21:00 UTC) to Sunday 4:00 CEST (2:00 UTC): five real hours. */
  { "dst-spring-night-slot", build_saturday_night_dst, "2026-03-29T00:30:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2026-03-29T02:00:00Z", "Nu open tot 4:00" },
  /* Sunday 25 October 2026: clocks go from 3:00 back to 2:00. 9:00 is 8:00 UTC. */
  { "dst-fall-before", build_every_day, "2026-10-25T06:00:00Z", 0,
    BAKEN_OPEN_LATER, "2026-10-25T08:00:00Z", NULL, "Open vandaag vanaf 9:00" },
  { "dst-fall-open", build_every_day, "2026-10-25T10:00:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2026-10-25T16:00:00Z", "Nu open tot 17:00" },
  { "dst-fall-day-before", build_every_day, "2026-10-24T16:00:00Z", 0,
    BAKEN_OPEN_LATER, "2026-10-25T08:00:00Z", NULL, "Open morgen vanaf 9:00" },
  /* Saturday 22:00 CEST (20:00 UTC) to Sunday 4:00 CET (3:00 UTC): seven real hours. */
  { "dst-fall-night-slot", build_saturday_night_dst, "2026-10-25T02:30:00Z", 0,
    BAKEN_OPEN_NOW, NULL, "2026-10-25T03:00:00Z", "Nu open tot 4:00" },
  { "dst-fall-night-slot-start", build_saturday_night_dst, "2026-10-24T19:00:00Z", 0,
    BAKEN_OPEN_LATER, "2026-10-24T20:00:00Z", NULL, "Open vandaag vanaf 22:00" },
};

static void
test_status (gconstpointer data)
{
  const StatusCase *c = data;
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  g_autoptr(GDateTime) now = parse_instant (c->now);
  g_auto(BakenOpenStatus) status = { 0, };
  g_autofree char *badge = NULL;

  c->build (schedule);
  baken_schedule_get_status (schedule, now, c->flags, &status);

  g_assert_cmpint (status.state, ==, c->state);
  assert_instant (status.opens_at, c->opens_at);
  assert_instant (status.closes_at, c->closes_at);

  badge = baken_open_status_format (&status, now);
  g_assert_cmpstr (badge, ==, c->badge);
}

static void
test_is_unknown (void)
{
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  g_autoptr(BakenSchedule) closure = baken_schedule_new ();

  g_assert_true (baken_schedule_is_unknown (schedule));

  /* Only a closure is still known hours: closed. */
  baken_schedule_add_exception (closure, "2025-06-03", TRUE, 0, 0);
  g_assert_false (baken_schedule_is_unknown (closure));

  baken_schedule_merge (schedule, closure);
  g_assert_false (baken_schedule_is_unknown (schedule));
}

static void
test_boxed (void)
{
  BakenSchedule *schedule = baken_schedule_new ();
  BakenSchedule *copy;

  g_assert_true (G_TYPE_IS_BOXED (BAKEN_TYPE_SCHEDULE));
  g_assert_cmpstr (g_type_name (BAKEN_TYPE_SCHEDULE), ==, "BakenSchedule");

  copy = g_boxed_copy (BAKEN_TYPE_SCHEDULE, schedule);
  g_assert_true (copy == schedule);
  g_boxed_free (BAKEN_TYPE_SCHEDULE, copy);

  baken_schedule_add_slot (schedule, BAKEN_DAY_MO, H (9, 0), H (17, 0), NULL, NULL);
  g_assert_false (baken_schedule_is_unknown (schedule));
  baken_schedule_unref (schedule);
}

static void
test_timezone (void)
{
  GTimeZone *tz = baken_local_timezone ();

  g_assert_nonnull (tz);
  g_assert_true (baken_local_timezone () == tz);
  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Europe/Amsterdam");
}

/* get_day */

static void
assert_ranges (GArray           *ranges,
               const BakenRange *expected,
               guint             n_expected)
{
  g_assert_cmpuint (ranges->len, ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_assert_cmpint (g_array_index (ranges, BakenRange, i).opens, ==, expected[i].opens);
      g_assert_cmpint (g_array_index (ranges, BakenRange, i).closes, ==, expected[i].closes);
    }
}

static void
test_day_split_hours (void)
{
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  g_autoptr(GArray) monday = NULL;
  g_autoptr(GArray) wednesday = NULL;
  g_autoptr(GArray) tuesday = NULL;
  g_autofree char *text = NULL;
  g_autofree char *closed_text = NULL;
  const BakenRange expected[] = { { H (9, 0), H (12, 0) }, { H (13, 0), H (16, 30) } };
  const BakenRange whole_day[] = { { H (9, 0), H (16, 30) } };
  BakenHoliday holiday = BAKEN_HOLIDAY_CHRISTMAS;
  GDate date;

  /* Out of order and overlapping on purpose. */
  baken_schedule_add_slot (schedule, BAKEN_DAY_MO | BAKEN_DAY_TU, H (13, 0), H (16, 30),
                           NULL, NULL);
  baken_schedule_add_slot (schedule, BAKEN_DAY_MO, H (15, 0), H (16, 0), NULL, NULL);
  baken_schedule_add_slot (schedule, BAKEN_DAY_MO | BAKEN_DAY_TU, H (9, 0), H (11, 0),
                           NULL, NULL);
  baken_schedule_add_slot (schedule, BAKEN_DAY_MO, H (10, 30), H (12, 0), NULL, NULL);

  set_date (&date, "2025-06-02");
  monday = baken_schedule_get_day (schedule, &date, 0, &holiday);
  assert_ranges (monday, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (holiday, ==, BAKEN_HOLIDAY_NONE);

  text = baken_ranges_format (monday);
  g_assert_cmpstr (text, ==, "9:00 – 12:00, 13:00 – 16:30");

  set_date (&date, "2025-06-04");
  wednesday = baken_schedule_get_day (schedule, &date, 0, NULL);
  g_assert_cmpuint (wednesday->len, ==, 0);
  closed_text = baken_ranges_format (wednesday);
  g_assert_cmpstr (closed_text, ==, "Gesloten");

  /* Openings that touch are one: 9–11, 11–13 and 13–16:30 on Tuesday. */
  baken_schedule_add_slot (schedule, BAKEN_DAY_TU, H (11, 0), H (13, 0), NULL, NULL);
  set_date (&date, "2025-06-03");
  tuesday = baken_schedule_get_day (schedule, &date, 0, NULL);
  assert_ranges (tuesday, whole_day, G_N_ELEMENTS (whole_day));
}

static void
test_day_past_midnight (void)
{
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  g_autoptr(GArray) friday = NULL;
  g_autoptr(GArray) saturday = NULL;
  g_autofree char *text = NULL;
  const BakenRange expected[] = { { H (22, 0), H (26, 0) } };
  GDate date;

  build_friday_night (schedule);

  set_date (&date, "2025-06-06");
  friday = baken_schedule_get_day (schedule, &date, 0, NULL);
  assert_ranges (friday, expected, G_N_ELEMENTS (expected));
  text = baken_ranges_format (friday);
  g_assert_cmpstr (text, ==, "22:00 – 2:00");

  /* The opening belongs to Friday, the date it starts on. */
  set_date (&date, "2025-06-07");
  saturday = baken_schedule_get_day (schedule, &date, 0, NULL);
  g_assert_cmpuint (saturday->len, ==, 0);
}

static void
test_day_holiday (void)
{
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  g_autoptr(GArray) christmas = NULL;
  g_autoptr(GArray) boxing_day = NULL;
  g_autoptr(GArray) liberation = NULL;
  const BakenRange expected[] = { { H (10, 0), H (12, 0) }, { H (13, 0), H (14, 0) } };
  BakenHoliday holiday = BAKEN_HOLIDAY_NONE;
  GDate date;

  build_weekdays (schedule);
  /* Several open exceptions on one date add up. */
  baken_schedule_add_exception (schedule, "2025-12-26", FALSE, H (13, 0), H (14, 0));
  baken_schedule_add_exception (schedule, "2025-12-26", FALSE, H (10, 0), H (12, 0));

  set_date (&date, "2025-12-25");
  christmas = baken_schedule_get_day (schedule, &date, 0, &holiday);
  g_assert_cmpuint (christmas->len, ==, 0);
  g_assert_cmpint (holiday, ==, BAKEN_HOLIDAY_CHRISTMAS);

  set_date (&date, "2025-12-26");
  boxing_day = baken_schedule_get_day (schedule, &date, 0, &holiday);
  assert_ranges (boxing_day, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (holiday, ==, BAKEN_HOLIDAY_NONE);

  set_date (&date, "2025-05-05");
  liberation = baken_schedule_get_day (schedule, &date, BAKEN_HOLIDAY_FLAGS_LIBERATION_DAY,
                                       &holiday);
  g_assert_cmpuint (liberation->len, ==, 0);
  g_assert_cmpint (holiday, ==, BAKEN_HOLIDAY_LIBERATION_DAY);
}

/* PH in a slot: the day table shows the hours on the holiday, not "Gesloten (…)". */
static void
test_day_holiday_kept (void)
{
  g_autoptr(BakenSchedule) crisis = baken_schedule_new ();
  g_autoptr(BakenSchedule) holiday_hours = baken_schedule_new ();
  g_autoptr(GArray) christmas = NULL;
  g_autoptr(GArray) own_hours = NULL;
  g_autoptr(GArray) ordinary_day = NULL;
  const BakenRange whole_day[] = { { H (0, 0), H (24, 0) } };
  const BakenRange short_day[] = { { H (10, 0), H (14, 0) } };
  const BakenRange working_day[] = { { H (9, 0), H (17, 0) } };
  BakenHoliday holiday = BAKEN_HOLIDAY_CHRISTMAS;
  GDate date;

  build_crisis_line (crisis);
  build_holiday_hours (holiday_hours);

  set_date (&date, "2026-12-25");
  christmas = baken_schedule_get_day (crisis, &date, 0, &holiday);
  assert_ranges (christmas, whole_day, G_N_ELEMENTS (whole_day));
  g_assert_cmpint (holiday, ==, BAKEN_HOLIDAY_NONE);

  holiday = BAKEN_HOLIDAY_NONE;
  own_hours = baken_schedule_get_day (holiday_hours, &date, 0, &holiday);
  assert_ranges (own_hours, short_day, G_N_ELEMENTS (short_day));
  g_assert_cmpint (holiday, ==, BAKEN_HOLIDAY_NONE);

  /* Holiday hours are for holidays only. */
  set_date (&date, "2026-12-28");
  ordinary_day = baken_schedule_get_day (holiday_hours, &date, 0, &holiday);
  assert_ranges (ordinary_day, working_day, G_N_ELEMENTS (working_day));
}

static void
test_day_exception_replaces (void)
{
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  g_autoptr(GArray) replaced = NULL;
  g_autoptr(GArray) normal = NULL;
  const BakenRange expected[] = { { H (12, 0), H (15, 0) } };
  const BakenRange usual[] = { { H (9, 0), H (17, 0) } };
  GDate date;

  build_weekdays (schedule);
  baken_schedule_add_exception (schedule, "2025-06-03", FALSE, H (12, 0), H (15, 0));

  set_date (&date, "2025-06-03");
  replaced = baken_schedule_get_day (schedule, &date, 0, NULL);
  assert_ranges (replaced, expected, G_N_ELEMENTS (expected));

  set_date (&date, "2025-06-10");
  normal = baken_schedule_get_day (schedule, &date, 0, NULL);
  assert_ranges (normal, usual, G_N_ELEMENTS (usual));
}

static void
test_day_unknown (void)
{
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  g_autoptr(GArray) christmas = NULL;
  BakenHoliday holiday = BAKEN_HOLIDAY_EASTER_MONDAY;
  GDate date;

  set_date (&date, "2025-12-25");
  christmas = baken_schedule_get_day (schedule, &date, 0, &holiday);
  g_assert_cmpuint (christmas->len, ==, 0);
  g_assert_cmpint (holiday, ==, BAKEN_HOLIDAY_NONE);
}

/* Badges built from a status directly */

typedef struct
{
  const char     *now;
  BakenOpenState  state;
  const char     *opens_at;
  const char     *closes_at;
  const char     *badge;
} FormatCase;

static const FormatCase format_cases[] = {
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_NOW, NULL, "2025-06-02T15:00:00Z", "Nu open tot 17:00" },
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_NOW, NULL, "2025-06-02T14:30:00Z", "Nu open tot 16:30" },
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_NOW, NULL, "2025-06-02T07:05:00Z", "Nu open tot 9:05" },
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_LATER, "2025-06-02T11:00:00Z", NULL,
    "Open vandaag vanaf 13:00" },
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_LATER, "2025-06-03T07:00:00Z", NULL,
    "Open morgen vanaf 9:00" },
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_LATER, "2025-06-03T22:15:00Z", NULL,
    "Open woensdag vanaf 0:15" },
  { "2025-06-07T08:00:00Z", BAKEN_OPEN_LATER, "2025-06-10T07:00:00Z", NULL,
    "Open dinsdag vanaf 9:00" },
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_LATER, "2025-06-08T07:00:00Z", NULL,
    "Open zondag vanaf 9:00" },
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_LATER, "2025-06-09T07:00:00Z", NULL,
    "Open op 9 juni vanaf 9:00" },
  { "2025-12-24T08:00:00Z", BAKEN_OPEN_LATER, "2026-01-03T08:00:00Z", NULL,
    "Open op 3 januari vanaf 9:00" },
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_NOT_SOON, NULL, NULL, "Nu gesloten" },
  { "2025-06-02T08:00:00Z", BAKEN_OPEN_UNKNOWN, NULL, NULL, "Openingstijden onbekend" },
};

static void
test_format_badges (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autoptr(GDateTime) now = parse_instant (c->now);
      g_auto(BakenOpenStatus) status = { 0, };
      g_autofree char *badge = NULL;

      status.state = c->state;
      if (c->opens_at != NULL)
        status.opens_at = parse_instant (c->opens_at);
      if (c->closes_at != NULL)
        status.closes_at = parse_instant (c->closes_at);

      badge = baken_open_status_format (&status, now);
      g_test_message ("case %u: %s", i, badge);
      g_assert_cmpstr (badge, ==, c->badge);
    }
}

/* Every wording of the badge, in the six languages of the kiosk. A Friday evening in
 * December (18:00 in Amsterdam), and Christmas morning. */
typedef struct
{
  const char     *now;
  BakenOpenState  state;
  const char     *opens_at;
  const char     *closes_at;
  BakenHoliday    holiday;
} WordingCase;

static const WordingCase wording_cases[] = {
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_NOW, NULL, NULL, 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_NOW, NULL, "2026-12-04T20:00:00Z", 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_NOW, NULL, "2026-12-04T23:00:00Z", 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_NOW, NULL, "2026-12-05T01:00:00Z", 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_NOW, NULL, "2026-12-06T23:00:00Z", 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_NOW, NULL, "2026-12-11T23:00:00Z", 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_LATER, "2026-12-04T19:00:00Z", NULL, 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_LATER, "2026-12-05T08:00:00Z", NULL, 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_LATER, "2026-12-07T08:00:00Z", NULL, 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_LATER, "2026-12-14T08:00:00Z", NULL, 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_NOT_SOON, NULL, NULL, 0 },
  { "2026-12-04T17:00:00Z", BAKEN_OPEN_UNKNOWN, NULL, NULL, 0 },
  { "2026-12-25T09:00:00Z", BAKEN_OPEN_LATER, "2026-12-28T08:00:00Z", NULL,
    BAKEN_HOLIDAY_CHRISTMAS },
  { "2026-12-25T09:00:00Z", BAKEN_OPEN_NOT_SOON, NULL, NULL, BAKEN_HOLIDAY_CHRISTMAS },
};

static const struct
{
  const char *lang;
  const char *badges[G_N_ELEMENTS (wording_cases)];
} wordings[] = {
  { "nl", {
      "Dag en nacht open",
      "Nu open tot 21:00",
      "Nu open tot middernacht",
      "Nu open tot morgen 2:00",
      "Nu open tot maandag 0:00",
      "Nu open tot 12 december om 0:00",
      "Open vandaag vanaf 20:00",
      "Open morgen vanaf 9:00",
      "Open maandag vanaf 9:00",
      "Open op 14 december vanaf 9:00",
      "Nu gesloten",
      "Openingstijden onbekend",
      "Gesloten (Eerste Kerstdag) · Open maandag vanaf 9:00",
      "Gesloten (Eerste Kerstdag)",
  } },
  { "en", {
      "Open day and night",
      "Open now until 21:00",
      "Open now until midnight",
      "Open now until tomorrow 2:00",
      "Open now until Monday 0:00",
      "Open now until December 12 at 0:00",
      "Open today from 20:00",
      "Open tomorrow from 9:00",
      "Open Monday from 9:00",
      "Open on December 14 from 9:00",
      "Closed now",
      "Opening hours unknown",
      "Closed (Christmas Day) · Open Monday from 9:00",
      "Closed (Christmas Day)",
  } },
  { "ar", {
      "مفتوح ليلًا ونهارًا",
      "مفتوح الآن حتى 21:00",
      "مفتوح الآن حتى منتصف الليل",
      "مفتوح الآن حتى الساعة 2:00 غدًا",
      "مفتوح الآن حتى الاثنين 0:00",
      "مفتوح الآن حتى 12 ديسمبر الساعة 0:00",
      "يفتح اليوم من 20:00",
      "يفتح غدًا من 9:00",
      "يفتح الاثنين من 9:00",
      "يفتح في 14 ديسمبر من 9:00",
      "مغلق الآن",
      "مواعيد العمل غير معروفة",
      "مغلق (عيد الميلاد) · يفتح الاثنين من 9:00",
      "مغلق (عيد الميلاد)",
  } },
  { "tr", {
      "Gece gündüz açık",
      "Şu an açık, kapanış 21:00",
      "Şu an açık, kapanış gece yarısı",
      "Şu an açık, kapanış yarın 2:00",
      "Şu an açık, kapanış pazartesi 0:00",
      "Şu an açık, kapanış 12 Aralık, 0:00",
      "Bugün açılış 20:00",
      "Yarın açılış 9:00",
      "Açılış: pazartesi 9:00",
      "Açılış: 14 Aralık, 9:00",
      "Şu an kapalı",
      "Çalışma saatleri bilinmiyor",
      "Kapalı (Noel) · Açılış: pazartesi 9:00",
      "Kapalı (Noel)",
  } },
  { "pl", {
      "Otwarte dzień i noc",
      "Teraz otwarte do 21:00",
      "Teraz otwarte do północy",
      "Teraz otwarte do jutra, godz. 2:00",
      "Teraz otwarte do: poniedziałek 0:00",
      "Teraz otwarte do 12 grudnia, 0:00",
      "Otwarte dziś od 20:00",
      "Otwarte jutro od 9:00",
      "Otwarte: poniedziałek od 9:00",
      "Otwarte: 14 grudnia od 9:00",
      "Teraz zamknięte",
      "Godziny otwarcia nieznane",
      "Zamknięte (Boże Narodzenie) · Otwarte: poniedziałek od 9:00",
      "Zamknięte (Boże Narodzenie)",
  } },
  { "uk", {
      "Відчинено цілодобово",
      "Зараз відчинено до 21:00",
      "Зараз відчинено до опівночі",
      "Зараз відчинено до 2:00 завтра",
      "Зараз відчинено до: понеділок 0:00",
      "Зараз відчинено до 12 грудня, 0:00",
      "Сьогодні відчинено з 20:00",
      "Завтра відчинено з 9:00",
      "Відчинено: понеділок з 9:00",
      "Відчинено: 14 грудня з 9:00",
      "Зараз зачинено",
      "Години роботи невідомі",
      "Зачинено (Різдво) · Відчинено: понеділок з 9:00",
      "Зачинено (Різдво)",
  } },
};

static void
test_format_languages (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (wordings); l++)
    {
      g_setenv ("LANGUAGE", wordings[l].lang, TRUE);
      /* Makes gettext forget its cached translations. */
      textdomain (textdomain (NULL));

      for (guint i = 0; i < G_N_ELEMENTS (wording_cases); i++)
        {
          const WordingCase *c = &wording_cases[i];
          g_autoptr(GDateTime) now = parse_instant (c->now);
          g_auto(BakenOpenStatus) status = { 0, };
          g_autofree char *badge = NULL;

          status.state = c->state;
          status.holiday = c->holiday;
          if (c->opens_at != NULL)
            status.opens_at = parse_instant (c->opens_at);
          if (c->closes_at != NULL)
            status.closes_at = parse_instant (c->closes_at);

          badge = baken_open_status_format (&status, now);
          g_test_message ("%s %u: %s", wordings[l].lang, i, badge);
          g_assert_cmpstr (badge, ==, wordings[l].badges[i]);
        }
    }

  g_setenv ("LANGUAGE", "nl", TRUE);
  textdomain (textdomain (NULL));
}

static void
test_format_ranges (void)
{
  static const struct {
    BakenRange  ranges[3];
    guint       n_ranges;
    const char *text;
  } cases[] = {
    { { { 0 } }, 0, "Gesloten" },
    { { { H (9, 0), H (17, 0) } }, 1, "9:00 – 17:00" },
    { { { H (9, 0), H (12, 0) }, { H (13, 0), H (16, 30) } }, 2, "9:00 – 12:00, 13:00 – 16:30" },
    { { { H (8, 5), H (9, 0) }, { H (18, 0), H (24, 0) } }, 2, "8:05 – 9:00, 18:00 – 24:00" },
    { { { H (0, 0), H (24, 0) } }, 1, "0:00 – 24:00" },
    { { { H (22, 0), H (25, 30) } }, 1, "22:00 – 1:30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (BakenRange));
      g_autofree char *text = NULL;

      g_array_append_vals (ranges, cases[i].ranges, cases[i].n_ranges);
      text = baken_ranges_format (ranges);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_parse_time (void)
{
  static const struct {
    const char *text;
    gboolean    valid;
    int         minutes;
  } cases[] = {
    { "9:00", TRUE, 540 },
    { "09:00", TRUE, 540 },
    { "0:00", TRUE, 0 },
    { "00:00", TRUE, 0 },
    { "12:30", TRUE, 750 },
    { "23:59", TRUE, 1439 },
    { "24:00", TRUE, 1440 },
    { "10:00:00", TRUE, 600 },
    { "9:30:00", TRUE, 570 },
    { "24:00:00", TRUE, 1440 },
    { "9.00", FALSE, 0 },
    { "25:00", FALSE, 0 },
    { "24:01", FALSE, 0 },
    { "12:60", FALSE, 0 },
    { "", FALSE, 0 },
    { "12:5", FALSE, 0 },
    { "12:", FALSE, 0 },
    { ":30", FALSE, 0 },
    { "123:00", FALSE, 0 },
    { "12:00x", FALSE, 0 },
    { "12:00 ", FALSE, 0 },
    { " 12:00", FALSE, 0 },
    { "+9:00", FALSE, 0 },
    { "-1:00", FALSE, 0 },
    { "12:000", FALSE, 0 },
    { "12:00:30", FALSE, 0 },
    { "12:00:", FALSE, 0 },
    { "12:00:0", FALSE, 0 },
    { "12:00:00:00", FALSE, 0 },
    { "9 uur", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int minutes = -1;

      g_test_message ("\"%s\"", cases[i].text);
      g_assert_cmpint (baken_parse_time (cases[i].text, &minutes), ==, cases[i].valid);
      if (cases[i].valid)
        g_assert_cmpint (minutes, ==, cases[i].minutes);
      else
        g_assert_cmpint (minutes, ==, -1);
    }

  {
    int minutes = -1;

    g_assert_false (baken_parse_time (NULL, &minutes));
    g_assert_cmpint (minutes, ==, -1);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE when LC_MESSAGES is "C" (as src/main.c does). */
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
  if (g_getenv ("BAKEN_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BAKEN_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "nl", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/hours/status/%s", status_cases[i].name);

      g_test_add_data_func (path, &status_cases[i], test_status);
    }

  g_test_add_func ("/core/hours/is-unknown", test_is_unknown);
  g_test_add_func ("/core/hours/boxed", test_boxed);
  g_test_add_func ("/core/hours/timezone", test_timezone);
  g_test_add_func ("/core/hours/day/split-hours", test_day_split_hours);
  g_test_add_func ("/core/hours/day/past-midnight", test_day_past_midnight);
  g_test_add_func ("/core/hours/day/holiday", test_day_holiday);
  g_test_add_func ("/core/hours/day/holiday-kept", test_day_holiday_kept);
  g_test_add_func ("/core/hours/day/exception-replaces", test_day_exception_replaces);
  g_test_add_func ("/core/hours/day/unknown", test_day_unknown);
  g_test_add_func ("/core/hours/format/badges", test_format_badges);
  g_test_add_func ("/core/hours/format/ranges", test_format_ranges);
  g_test_add_func ("/core/hours/format/languages", test_format_languages);
  g_test_add_func ("/core/hours/parse-time", test_parse_time);

  return g_test_run ();
}
