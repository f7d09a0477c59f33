/* baken-hsds-time.h: HSDS times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses an HSDS time: HH:MM or HH:MM:SS, with an optional fraction and an optional
 * time zone (Z, +HH:MM, +HHMM, -…), which is ignored: times are local. FALSE when it
 * is not a time; *exact is FALSE when it is a time with seconds we cannot show. */
gboolean  baken_hsds_parse_hsds_time (const char  *text,
                                      int         *minutes,
                                      gboolean    *exact);
/* minutes after midnight as HH:MM, or HH:MM:SS when seconds is TRUE. */
char     *baken_hsds_format_minutes  (int          minutes,
                                      gboolean     seconds);

G_END_DECLS
