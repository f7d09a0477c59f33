/* baken-hours-time.h: dates and times of day, as text and as instants
 * (baken-hours-time.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_MINUTES_PER_DAY 1440

/* "HH:MM" or "H:MM" → minutes; "24:00" → 1440. Returns FALSE when malformed. */
gboolean       baken_parse_time               (const char *text,
                                               int        *minutes);

/* The calendar date of dt in dt's own time zone (give a local time). */
void           baken_date_from_datetime       (GDateTime  *dt,
                                               GDate      *date);

/* "YYYY-MM-DD" → Julian day number. Returns FALSE when malformed or not a date. */
gboolean       baken_parse_date               (const char  *text,
                                               guint32     *julian);

/* The Unix time of a local wall-clock time in tz, minutes after midnight of date (may
 * be 1440 or more: the following days). */
gint64         baken_local_to_unix            (GTimeZone   *tz,
                                               const GDate *date,
                                               int          minutes);
/* A Unix time as a local time (baken_local_timezone ()). */
GDateTime     *baken_unix_to_local            (gint64       seconds);

G_END_DECLS
