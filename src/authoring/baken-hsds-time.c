/* baken-hsds-time.c: HSDS times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-time.h"

#include <string.h>

#include "baken-hours.h"

/* Parses an HSDS time: HH:MM or HH:MM:SS, with an optional fraction and an optional
 * time zone (Z, +HH:MM, +HHMM, -…), which is ignored: times are local. FALSE when it
 * is not a time; *exact is FALSE when it is a time with seconds we cannot show. */
gboolean
baken_hsds_parse_hsds_time (const char *text,
                            int        *minutes,
                            gboolean   *exact)
{
  g_autofree char *copy = g_strdup (text);
  char *p = copy;
  int seconds = 0;

  *exact = TRUE;

  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != ':' ||
      !g_ascii_isdigit (p[3]) || !g_ascii_isdigit (p[4]))
    return FALSE;
  p += 5;
  if (*p == ':')
    {
      if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
        return FALSE;
      seconds = (p[1] - '0') * 10 + (p[2] - '0');
      p += 3;
      if (*p == '.')
        {
          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            {
              if (*p != '0')
                *exact = FALSE;
              p++;
            }
        }
    }

  if (*p == 'Z' && p[1] == '\0')
    {
      *p = '\0';
    }
  else if (*p == '+' || *p == '-')
    {
      const char *zone = p + 1;

      if (!(g_ascii_isdigit (zone[0]) && g_ascii_isdigit (zone[1]) &&
            ((zone[2] == ':' && g_ascii_isdigit (zone[3]) && g_ascii_isdigit (zone[4]) &&
              zone[5] == '\0') ||
             (g_ascii_isdigit (zone[2]) && g_ascii_isdigit (zone[3]) && zone[4] == '\0') ||
             zone[2] == '\0')))
        return FALSE;
      *p = '\0';
    }
  else if (*p != '\0')
    {
      return FALSE;
    }

  if (seconds > 59)
    return FALSE;
  if (seconds != 0)
    *exact = FALSE;

  copy[5] = '\0';
  return baken_parse_time (copy, minutes);
}

char *
baken_hsds_format_minutes (int  minutes,
                           gboolean seconds)
{
  return g_strdup_printf (seconds ? "%02d:%02d:00" : "%02d:%02d", minutes / 60, minutes % 60);
}
