/* slip-test-content.c: the test content, compiled once per test program, for the slip
 * tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "slip-test-content.h"

#include <glib/gstdio.h>

#include "baken-content-build.h"

static char *dir;
static char *db_path;

BakenCatalog *
slip_test_content_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  BakenBuildOptions options = { .serial = 42, .created = "2025-12-01T00:00:00Z" };
  BakenCatalog *catalog;

  g_assert_null (dir);
  /* mkdtemp (3)'s template: the Xs become a name no other folder has. */
  dir = g_dir_make_tmp ("baken-slip-test-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (dir, "content.sqlite", NULL);
  baken_content_build (src, db_path, &options, NULL, &error);
  g_assert_no_error (error);
  catalog = baken_catalog_new_for_path (db_path, &error);
  g_assert_no_error (error);

  return catalog;
}

void
slip_test_content_close (BakenCatalog *catalog)
{
  g_assert_finalize_object (catalog);
  g_unlink (db_path);
  g_rmdir (dir);
  g_clear_pointer (&db_path, g_free);
  g_clear_pointer (&dir, g_free);
}
