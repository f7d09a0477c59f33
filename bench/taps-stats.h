/* taps-stats.h: the times of one kind of tap, and their percentiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

typedef struct
{
  GArray *ms;  /* (element-type double) (nullable) until the first tap */
} TapStats;

void   tap_stats_add        (TapStats   *stats,
                             double      ms);
void   tap_stats_merge      (TapStats   *into,
                             TapStats   *from);
/* The nearest-rank percentile (0 when empty). */
double tap_stats_percentile (TapStats   *stats,
                             double      percent);
/* "tap NAME n N p50 P p99 Q max M" */
void   tap_stats_print      (TapStats   *stats,
                             const char *name,
                             const char *mark);
