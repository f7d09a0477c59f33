/* test-util.h: helpers every test suite may use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Drops the test's reference to object and fails the test unless the object is
 * finalized within 5 s (scaled, see below; running the default main context meanwhile).
 * For objects whose GTask worker threads let go of their tasks, and of the object, only
 * after the main loop has seen the result: g_assert_finalize_object () would race them. */
void    baken_test_assert_finalized_soon (gpointer object);

/* How much slower than a plain build this run may be: the environment variable
 * BAKEN_TEST_TIME_SCALE (a number ≥ 1, default 1). meson does not tell a test its
 * --timeout-multiplier, so scripts/run-tests.sh and scripts/flake-hunt.sh set both
 * together (6 under the sanitizers). Every time limit a test asserts is scaled by it. */
double  baken_test_time_scale            (void);
/* ms, µs or s times the scale. */
guint   baken_test_scale_ms              (guint              ms);
gint64  baken_test_scale_us              (gint64             us);
double  baken_test_scale_seconds         (double             seconds);

/* Runs argv (argv[0] a path) in cwd (NULL: here), writes input (NULL: nothing) to its
 * stdin and closes it, and returns its exit status, or -1 when a signal ended it. Its
 * stdout, with stderr when merge_stderr (else stderr goes where the test's goes), lands
 * in *output (nullable; NUL-terminated). A child that exits without reading all of its
 * input is no error: its status tells what happened. The input is written from a thread
 * of its own that blocks SIGPIPE, so such a child cannot kill the test with SIGPIPE; the
 * child starts with the test's signal mask and dispositions as they were. */
int     baken_test_run_with_input        (const char * const *argv,
                                          const char         *cwd,
                                          gboolean            merge_stderr,
                                          GBytes             *input,
                                          char              **output);

G_END_DECLS
