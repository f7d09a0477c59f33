/* baken-geo.h: walking distance from the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Great-circle distance in metres (haversine). */
double baken_geo_distance_m   (double lat1,
                               double lon1,
                               double lat2,
                               double lon2);
/* "350 m, ongeveer 5 minuten lopen" / "1,2 km, ongeveer 15 minuten lopen": rounded
 * honestly (straight line, so "ongeveer"), in the current gettext language. */
char  *baken_geo_format_walk  (double metres);

G_END_DECLS
