/* test-test-util.c: tests for the helpers of tests/test-util.h that tests rely on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "test-util.h"

/* A child that exits without reading its input (minisign without a password to ask
 * for) must not kill the test with SIGPIPE; 1 MiB is more than any pipe buffers. */
static void
test_child_does_not_read (void)
{
  g_autofree char *sh = g_find_program_in_path ("sh");
  const char * const argv[] = { sh, "-c", "echo done; exit 3", NULL };
  gsize size = 1024 * 1024;
  g_autoptr(GBytes) input = g_bytes_new_take (g_malloc0 (size), size);
  g_autofree char *output = NULL;

  g_assert_nonnull (sh);
  for (guint i = 0; i < 20; i++)
    {
      g_clear_pointer (&output, g_free);
      g_assert_cmpint (baken_test_run_with_input (argv, NULL, TRUE, input, &output), ==, 3);
      g_assert_cmpstr (output, ==, "done\n");
    }
}

/* Input, output and stderr merged, as the minisign and baken-bundle tests use it. */
static void
test_child_reads (void)
{
  g_autofree char *sh = g_find_program_in_path ("sh");
  const char * const argv[] = { sh, "-c", "read line; echo \"got $line\"; echo err >&2", NULL };
  g_autoptr(GBytes) input = g_bytes_new_static ("s3cret\n", 7);
  g_autofree char *output = NULL;

  g_assert_cmpint (baken_test_run_with_input (argv, "/", TRUE, input, &output), ==, 0);
  g_assert_cmpstr (output, ==, "got s3cret\nerr\n");
}

static void
test_time_scale (void)
{
  double scale = baken_test_time_scale ();

  g_assert_cmpfloat (scale, >=, 1);
  g_assert_cmpuint (baken_test_scale_ms (1000), ==, (guint) (1000 * scale));
  g_assert_cmpint (baken_test_scale_us (G_USEC_PER_SEC), ==, (gint64) (G_USEC_PER_SEC * scale));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/test-util/child-does-not-read", test_child_does_not_read);
  g_test_add_func ("/core/test-util/child-reads", test_child_reads);
  g_test_add_func ("/core/test-util/time-scale", test_time_scale);

  return g_test_run ();
}
