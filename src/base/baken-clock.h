/* baken-clock.h: the one source of "now"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every screen, the sync schedule and content verification ask one BakenClock for the
 * time, so a whole kiosk can be run at a chosen moment: the system clock on a kiosk, a
 * clock that starts at a given time and runs on (the development option --clock), or a
 * fixed clock that only moves when told (tests). Times are handed out in
 * Europe/Amsterdam. Timers still run on the monotonic clock; they only wake, and ask
 * the clock what time it is.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Europe/Amsterdam, created once (transfer none): do not unref. */
GTimeZone  *baken_local_timezone         (void);

#define BAKEN_TYPE_CLOCK (baken_clock_get_type ())

G_DECLARE_FINAL_TYPE (BakenClock, baken_clock, BAKEN, CLOCK, GObject)

/* The system clock. */
BakenClock *baken_clock_new              (void);
/* A clock that reads start now and runs on from there in real time. */
BakenClock *baken_clock_new_starting_at  (GDateTime  *start);
/* A clock that stands still at at, until baken_clock_set_fixed (). */
BakenClock *baken_clock_new_fixed        (GDateTime  *at);

/* Now, in Europe/Amsterdam (transfer full). */
GDateTime  *baken_clock_dup_now          (BakenClock *self);
/* Now, in seconds since the Unix epoch. */
gint64      baken_clock_get_unix         (BakenClock *self);

/* Moves a fixed clock (or any clock: it then stands still) to at and emits "changed",
 * so what shows the time can look again. */
void        baken_clock_set_fixed        (BakenClock *self,
                                          GDateTime  *at);

/* Makes the clock read start now and run on from there (in real time), and emits
 * "changed". */
void        baken_clock_set_running_from (BakenClock *self,
                                          GDateTime  *start);

/* "YYYY-MM-DDTHH:MM[:SS]" local Amsterdam time, or with a zone ("…Z", "…+01:00").
 * NULL with an error that says what to write. */
GDateTime  *baken_clock_parse_time       (const char *text,
                                          GError    **error);

G_END_DECLS
