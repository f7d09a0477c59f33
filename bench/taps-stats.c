/* taps-stats.c: the times of one kind of tap, and their percentiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "taps-stats.h"

#include <math.h>
#include <stdio.h>

void
tap_stats_add (TapStats *stats,
               double    ms)
{
  if (stats->ms == NULL)
    stats->ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (stats->ms, ms);
}

void
tap_stats_merge (TapStats *into,
                 TapStats *from)
{
  for (guint i = 0; from->ms != NULL && i < from->ms->len; i++)
    tap_stats_add (into, g_array_index (from->ms, double, i));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
tap_stats_percentile (TapStats *stats,
                      double    percent)
{
  guint rank;

  if (stats->ms == NULL || stats->ms->len == 0)
    return 0;
  g_array_sort (stats->ms, compare_doubles);
  rank = (guint) ceil (percent / 100.0 * stats->ms->len);

  return g_array_index (stats->ms, double, CLAMP (rank, 1, stats->ms->len) - 1);
}

void
tap_stats_print (TapStats   *stats,
                 const char *name,
                 const char *mark)
{
  if (stats->ms == NULL)
    return;
  printf ("tap %-20s n %5u p50 %7.1f p99 %7.1f max %7.1f%s\n", name, stats->ms->len,
          tap_stats_percentile (stats, 50), tap_stats_percentile (stats, 99),
          tap_stats_percentile (stats, 100), mark);
}
