/* baken-open-badge.h: "Nu open tot 17:00", in words and colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-clock.h"
#include "baken-hours.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_OPEN_BADGE (baken_open_badge_get_type ())

G_DECLARE_FINAL_TYPE (BakenOpenBadge, baken_open_badge, BAKEN, OPEN_BADGE, GtkWidget)

/* The status of schedule at the time of clock. Green with "Nu open …" when open; grey
 * otherwise. The words always say it: colour is never the only cue. While on screen
 * it changes at the minute it would become wrong (one timer to the next opening,
 * closing or midnight), and at once when the clock is set (BakenClock::changed). */
GtkWidget      *baken_open_badge_new       (BakenSchedule     *schedule,
                                            BakenClock        *clock,
                                            BakenHolidayFlags  holidays);
/* The badge at the start of a row, as wide as its text needs: a row keeps it from the
 * width of the place it is put in without an align of its own (baken-line-layout.c). */
GtkWidget      *baken_open_badge_new_row   (BakenSchedule     *schedule,
                                            BakenClock        *clock,
                                            BakenHolidayFlags  holidays);
BakenOpenState  baken_open_badge_get_state (BakenOpenBadge    *self);
const char     *baken_open_badge_get_text  (BakenOpenBadge    *self);

G_END_DECLS
