/* baken-day-table.h: the opening hours of the next seven days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-hours.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_DAY_TABLE (baken_day_table_get_type ())

G_DECLARE_FINAL_TYPE (BakenDayTable, baken_day_table, BAKEN, DAY_TABLE, GtkWidget)

#define BAKEN_DAY_TABLE_DAYS 7

/* "Vandaag 9:00 – 12:00", "Morgen Gesloten", "Woensdag …" from now on. An unknown
 * schedule says "Openingstijden onbekend" instead of rows. */
GtkWidget *baken_day_table_new (BakenSchedule     *schedule,
                                GDateTime         *now,
                                BakenHolidayFlags  holidays);

/* "Vandaag", "Morgen", else the weekday ("Woensdag"), in the current UI language.
 * days_ahead counts from today. */
const char *baken_day_table_day_name (guint        days_ahead,
                                      GDateWeekday weekday);

G_END_DECLS
