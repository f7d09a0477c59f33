/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "baken-geo.h"

static void
test_distance (void)
{
  /* Utrecht Centraal → Domtoren, about 790 m as the crow flies. */
  double d = baken_geo_distance_m (52.0894, 5.1100, 52.0907, 5.1214);

  g_assert_cmpfloat_with_epsilon (d, 790, 30);
  g_assert_cmpfloat_with_epsilon (baken_geo_distance_m (52.0, 5.0, 52.0, 5.0), 0, 0.001);
  /* One degree of latitude is ~111.2 km everywhere. */
  g_assert_cmpfloat_with_epsilon (baken_geo_distance_m (52.0, 5.0, 53.0, 5.0), 111195, 50);
}

typedef struct
{
  double      metres;
  const char *text;
} WalkCase;

static const WalkCase walk_cases[] = {
  { 10, "Hier vlakbij" },
  { 120, "100 m, ongeveer 3 minuten lopen" },
  { 340, "350 m, ongeveer 6 minuten lopen" },
  { 1234, "1,2 km, ongeveer 25 minuten lopen" },
  { 9000, "9,0 km, te ver om te lopen" },
};

static void
test_walk (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (walk_cases); i++)
    {
      g_autofree char *text = baken_geo_format_walk (walk_cases[i].metres);

      g_assert_cmpstr (text, ==, walk_cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/geo/distance", test_distance);
  g_test_add_func ("/core/geo/walk", test_walk);

  return g_test_run ();
}
