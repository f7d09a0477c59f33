/* baken-hours.h: the opening-hours engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BakenSchedule is the weekly slots plus date exceptions of one thing (a service, a
 * channel, or a service at a location). All times are local Europe/Amsterdam wall-clock
 * times; the engine converts with GTimeZone so daylight-saving days are right. A
 * schedule with no slots and no exceptions is *unknown*: it is never reported as open.
 * A Dutch public holiday closes a weekly slot unless the slot says otherwise: a slot
 * with BAKEN_DAY_HOLIDAY and week days keeps its hours on a holiday that falls on one
 * of its days ("open as on the weekday": a crisis line open day and night); a slot
 * with BAKEN_DAY_HOLIDAY and no week day holds on holidays only (own holiday hours).
 * An exception for a date replaces all of it.
 */
#pragma once

#include <glib-object.h>

#include "baken-clock.h"
#include "baken-holidays.h"
#include "baken-hours-time.h"

G_BEGIN_DECLS

/* Days as a bit mask; bit 0 = Monday … bit 6 = Sunday (as g_date_time_get_day_of_week - 1). */
typedef enum {
  BAKEN_DAY_MO = 1 << 0,
  BAKEN_DAY_TU = 1 << 1,
  BAKEN_DAY_WE = 1 << 2,
  BAKEN_DAY_TH = 1 << 3,
  BAKEN_DAY_FR = 1 << 4,
  BAKEN_DAY_SA = 1 << 5,
  BAKEN_DAY_SU = 1 << 6,
  BAKEN_DAY_ALL = 0x7f,
  /* Public holidays ("PH" in byday): see the top of this file. */
  BAKEN_DAY_HOLIDAY = 1 << 7,
} BakenDays;

typedef enum {
  BAKEN_OPEN_UNKNOWN,     /* no hours known: say so, never "open" */
  BAKEN_OPEN_NOW,         /* open; closes_at is set (or unset: open for > 7 days) */
  BAKEN_OPEN_LATER,       /* closed now; opens_at is the next opening within 14 days */
  BAKEN_OPEN_NOT_SOON,    /* hours known, but no opening within the next 14 days */
} BakenOpenState;

typedef struct
{
  BakenOpenState state;
  GDateTime     *opens_at;   /* (owned) (nullable) next opening, for BAKEN_OPEN_LATER */
  GDateTime     *closes_at;  /* (owned) (nullable) end of the current opening, for NOW */
  BakenHoliday   holiday;    /* closed now because today is this public holiday, or
                              * BAKEN_HOLIDAY_NONE */
} BakenOpenStatus;

/* One opening on one local date, in minutes after local midnight of that date.
 * closes may be > 1440 for a slot that runs past midnight. */
typedef struct
{
  int opens;
  int closes;
} BakenRange;

typedef struct _BakenSchedule BakenSchedule;

#define BAKEN_TYPE_SCHEDULE (baken_schedule_get_type ())

GType          baken_schedule_get_type        (void) G_GNUC_CONST;
BakenSchedule *baken_schedule_new             (void);
BakenSchedule *baken_schedule_ref             (BakenSchedule *self);
void           baken_schedule_unref           (BakenSchedule *self);

/* opens/closes in minutes after midnight (0..1440). closes < opens: past midnight.
 * days is a BakenDays mask, BAKEN_DAY_HOLIDAY included.
 * valid_from/valid_to are "YYYY-MM-DD" or NULL (inclusive range of the start date). */
void           baken_schedule_add_slot        (BakenSchedule *self,
                                               guint          days,
                                               int            opens,
                                               int            closes,
                                               const char    *valid_from,
                                               const char    *valid_to);
/* A closure (closed = TRUE, opens/closes ignored) or the hours for one date
 * (replacing the weekly slots of that date, also on a holiday). Several open exceptions
 * on one date add up. */
void           baken_schedule_add_exception   (BakenSchedule *self,
                                               const char    *date,
                                               gboolean       closed,
                                               int            opens,
                                               int            closes);
/* Adds all slots and exceptions of other to self (the union: open when either is). */
void           baken_schedule_merge           (BakenSchedule *self,
                                               BakenSchedule *other);
gboolean       baken_schedule_is_unknown      (BakenSchedule *self);

/* The openings that *start* on a local date, sorted, merged where they overlap.
 * Returns an array of BakenRange (possibly empty). *holiday (nullable) is set to the
 * holiday that closes this date, or BAKEN_HOLIDAY_NONE. */
GArray        *baken_schedule_get_day         (BakenSchedule       *self,
                                               GDate               *date,
                                               BakenHolidayFlags    holidays,
                                               BakenHoliday        *holiday);

/* Open now and until when, or the next opening. now may be in any time zone. */
void           baken_schedule_get_status      (BakenSchedule       *self,
                                               GDateTime           *now,
                                               BakenHolidayFlags    holidays,
                                               BakenOpenStatus     *status);
void           baken_open_status_clear        (BakenOpenStatus     *status);

/* A badge for residents, in the current gettext language: "Dag en nacht open",
 * "Nu open tot 17:00", "Nu open tot morgen 2:00", "Nu open tot maandag 0:00",
 * "Nu open tot middernacht", "Open vandaag vanaf 13:00", "Open morgen vanaf 9:00",
 * "Open dinsdag vanaf 9:00", "Open op 3 januari vanaf 9:00", "Nu gesloten",
 * "Openingstijden onbekend"; on a public holiday that closes it
 * "Gesloten (Eerste Kerstdag) · Open maandag vanaf 9:00". */
char          *baken_open_status_format       (const BakenOpenStatus *status,
                                               GDateTime             *now);
/* "9:00 – 12:00, 13:00 – 16:30" or "Gesloten" for one day's ranges. */
char          *baken_ranges_format            (GArray *ranges);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSchedule, baken_schedule_unref)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BakenOpenStatus, baken_open_status_clear)

G_END_DECLS
