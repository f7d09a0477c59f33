/* hsds-test-util.c: what the HSDS tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hsds-test-util.h"

#include <string.h>

#include <glib/gstdio.h>

#include "baken-content.h"
#include "baken-content-build.h"
#include "baken-hsds.h"

void
hsds_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          hsds_test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

void
hsds_test_write_text (const char *dir,
                      const char *name,
                      const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

void
hsds_test_copy_tree (const char *from,
                     const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        {
          hsds_test_copy_tree (src, dst);
          continue;
        }
      g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (dst, contents, (gssize) length, NULL));
    }
}

gboolean
hsds_test_has_note (GPtrArray  *notes,
                    const char *prefix,
                    const char *part)
{
  for (guint i = 0; i < notes->len; i++)
    {
      const char *note = g_ptr_array_index (notes, i);

      if (g_str_has_prefix (note, prefix) && strstr (note, part) != NULL)
        return TRUE;
    }

  return FALSE;
}

void
hsds_test_assert_note (GPtrArray  *notes,
                       const char *prefix,
                       const char *part)
{
  if (!hsds_test_has_note (notes, prefix, part))
    {
      for (guint i = 0; i < notes->len; i++)
        g_test_message ("note: %s", (const char *) g_ptr_array_index (notes, i));
      g_error ("no note starting with \"%s\" that says \"%s\"", prefix, part);
    }
}

char *
hsds_test_data_dir (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
mapping_function (sqlite3_context *context,
                  int              argc,
                  sqlite3_value  **argv)
{
  const char *resource = (const char *) sqlite3_value_text (argv[0]);
  const char *id = (const char *) sqlite3_value_text (argv[1]);
  gboolean map = GPOINTER_TO_INT (sqlite3_user_data (context));

  g_assert_cmpint (argc, ==, 2);
  if (id == NULL)
    sqlite3_result_null (context);
  else if (map)
    sqlite3_result_text (context, baken_hsds_uuid (resource, id), -1, g_free);
  else
    sqlite3_result_text (context, id, -1, SQLITE_TRANSIENT);
}

sqlite3 *
hsds_test_build_and_open (const char *src,
                          gboolean    map_ids)
{
  g_autofree char *db_path = g_strconcat (src, ".sqlite", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  BakenBuildOptions options = { 1, "2025-01-01T00:00:00Z", NULL };
  sqlite3 *db;

  if (!baken_content_build (src, db_path, &options, problems, &error))
    {
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("build: %s", (const char *) g_ptr_array_index (problems, i));
    }
  g_assert_no_error (error);

  db = baken_content_open_file (db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_create_function (db, "hsds_id", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                            GINT_TO_POINTER (map_ids), mapping_function, NULL,
                                            NULL), ==, SQLITE_OK);
  return db;
}

char *
hsds_test_query (sqlite3    *db,
                 const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *text = g_string_new (NULL);
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", value != NULL ? value : "NULL");
        }
      g_string_append_c (text, '\n');
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);

  return g_string_free (text, FALSE);
}

/* What HSDS can hold; hsds_id (resource, id) maps the original ids to the exported ones. */

void
hsds_test_assert_lines (GPtrArray         *lines,
                        const char *const *expected)
{
  guint n = g_strv_length ((char **) expected);
  gboolean same = lines->len == n;

  for (guint i = 0; same && i < n; i++)
    same = strcmp (g_ptr_array_index (lines, i), expected[i]) == 0;
  if (same)
    return;

  for (guint i = 0; i < lines->len; i++)
    g_test_message ("got:      %s", (const char *) g_ptr_array_index (lines, i));
  for (guint i = 0; i < n; i++)
    g_test_message ("expected: %s", expected[i]);
  g_error ("%u lines, %u expected, or a line differs", lines->len, n);
}

GSubprocess *
hsds_test_api_start (const char  *root_name,
                     const char  *mode,
                     char       **url)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "data", "hsds", "api-server.py",
                                                   NULL);
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", "hsds", root_name, NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GSubprocess *server;
  guint64 port;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                             &error, "python3", script, root, mode, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "PORT "));
  g_assert_true (g_ascii_string_to_unsigned (line + 5, 10, 1, 65535, &port, NULL));
  *url = g_strdup_printf ("http://127.0.0.1:%u/", (guint) port);
  return server;
}

void
hsds_test_api_stop (GSubprocess *server)
{
  if (server == NULL)
    return;

  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  g_object_unref (server);
}

void
hsds_test_copy_menu (const char *dir)
{
  static const char *const icons[] = { "geld", "wonen", "werk" };
  g_autofree char *menu = g_test_build_filename (G_TEST_DIST, "data", "hsds", "menu", NULL);
  g_autofree char *icons_dir = g_build_filename (dir, "icons", NULL);
  const char *demo = g_getenv ("BAKEN_DEMO_SOURCE");

  g_assert_nonnull (demo);
  hsds_test_copy_tree (menu, dir);
  g_assert_cmpint (g_mkdir_with_parents (icons_dir, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autofree char *name = g_strconcat (icons[i], ".svg", NULL);
      g_autofree char *from = g_build_filename (demo, "icons", name, NULL);
      g_autofree char *to = g_build_filename (icons_dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
    }
}
