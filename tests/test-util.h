/* test-util.h: helpers every test suite may use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Drops the test's reference to object and fails the test unless the object is
 * finalized within 5 s (running the default main context meanwhile). For objects whose
 * GTask worker threads let go of their tasks, and of the object, only after the main
 * loop has seen the result: g_assert_finalize_object () would race them. */
void baken_test_assert_finalized_soon (gpointer object);

G_END_DECLS
