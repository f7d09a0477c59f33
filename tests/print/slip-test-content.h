/* slip-test-content.h: the test content, compiled once per test program, for the slip
 * tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-catalog.h"

G_BEGIN_DECLS

/* Compiles tests/data/build into a content DB in a new temporary folder and opens its
 * catalog. Call before g_test_run (): the isolated folders of the tests come and go. */
BakenCatalog *slip_test_content_open  (void);
/* Fails unless catalog (from slip_test_content_open ()) is finalized, then removes the
 * DB and its folder. */
void          slip_test_content_close (BakenCatalog *catalog);

G_END_DECLS
