/* baken-geo.c: walking distance from the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-geo"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "baken-geo.h"

#define EARTH_RADIUS_M 6371008.8
/* People walk ~4.5 km/h, and streets are not straight: a detour factor of 1.3 turns the
 * straight line into a fair guess of the walk. */
#define WALK_M_PER_MIN (4500.0 / 60.0)
#define DETOUR_FACTOR 1.3

double
baken_geo_distance_m (double lat1,
                      double lon1,
                      double lat2,
                      double lon2)
{
  double phi1 = lat1 * G_PI / 180.0;
  double phi2 = lat2 * G_PI / 180.0;
  double dphi = (lat2 - lat1) * G_PI / 180.0;
  double dlambda = (lon2 - lon1) * G_PI / 180.0;
  double a = sin (dphi / 2) * sin (dphi / 2) +
             cos (phi1) * cos (phi2) * sin (dlambda / 2) * sin (dlambda / 2);

  return 2 * EARTH_RADIUS_M * atan2 (sqrt (a), sqrt (1 - a));
}

char *
baken_geo_format_walk (double metres)
{
  double minutes;
  g_autofree char *distance = NULL;
  int rounded_minutes;

  g_return_val_if_fail (metres >= 0 && isfinite (metres), NULL);

  if (metres < 50)
    /* Translators: the address is in the same building or next door */
    return g_strdup (_("Hier vlakbij"));

  if (metres < 1000)
    {
      /* Round to 50 m below a kilometre: more precision would be a lie. */
      int rounded = (int) (round (metres / 50.0) * 50);

      /* Translators: a distance in metres */
      distance = g_strdup_printf (_("%d m"), rounded);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("%.1f", round (metres / 100.0) / 10.0);

      /* Translators: the decimal separator of your language */
      const char *separator = C_("decimal separator", ",");

      if (separator[0] != '.' && separator[0] != '\0')
        g_strdelimit (number, ".", separator[0]);
      /* Translators: a distance in kilometres, %s is like 1.2 */
      distance = g_strdup_printf (_("%s km"), number);
    }

  minutes = metres * DETOUR_FACTOR / WALK_M_PER_MIN;
  if (minutes > 60)
    /* Translators: %s is a distance like "4,5 km" */
    return g_strdup_printf (_("%s, te ver om te lopen"), distance);

  /* Whole minutes for a short walk, steps of 5 beyond: never promise less than it takes. */
  if (minutes < 10)
    rounded_minutes = MAX (1, (int) ceil (minutes));
  else
    rounded_minutes = (int) (ceil (minutes / 5.0) * 5);

  /* Translators: %s is a distance like "350 m", %d is minutes of walking */
  return g_strdup_printf (ngettext ("%s, ongeveer %d minuut lopen",
                                    "%s, ongeveer %d minuten lopen", rounded_minutes),
                          distance, rounded_minutes);
}
