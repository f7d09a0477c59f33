/* baken-hsds-out-dir.c: write the output folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is written to OUT.tmp-XXXXXX next to OUT, which is renamed into place only
 * at the end; OUT must not exist or be an empty folder.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-out-dir.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "baken-hsds.h"
#include "baken-hsds-out-table.h"

void
baken_hsds_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            baken_hsds_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

gboolean
baken_hsds_check_out_dir (const char  *out_dir,
                          GError     **error)
{
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (out_dir, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open (out_dir, 0, NULL);
  if (dir == NULL || g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
                   "%s already exists%s; give the name of a new folder, or remove it first",
                   out_dir, dir == NULL ? " and is not a folder" : " and is not empty");
      return FALSE;
    }

  return TRUE;
}

/* Makes OUT.tmp-XXXXXX next to out_dir. */
char *
baken_hsds_make_tmp_dir (const char  *out_dir,
                         GError     **error)
{
  g_autofree char *template = g_strdup_printf ("%s.tmp-XXXXXX", out_dir);
  int saved_errno;

  if (g_mkdtemp_full (template, 0755) != NULL)
    return g_steal_pointer (&template);

  saved_errno = errno;
  g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
               "cannot create a folder next to %s: %s", out_dir, g_strerror (saved_errno));
  return NULL;
}

gboolean
baken_hsds_write_file (const char  *dir,
                       const char  *name,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, data, (gssize) length, &local_error))
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
baken_hsds_write_tables (const char  *dir,
                         GPtrArray   *tables,
                         GError     **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      OutTable *t = g_ptr_array_index (tables, i);

      if (!baken_hsds_write_file (dir, t->file, t->text->str, t->text->len, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
baken_hsds_write_json (const char  *dir,
                       JsonNode    *root,
                       GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *with_newline = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  with_newline = g_strconcat (text, "\n", NULL);

  return baken_hsds_write_file (dir, "datapackage.json", with_newline, strlen (with_newline),
                                error);
}

gboolean
baken_hsds_move_into_place (const char  *tmp_dir,
                            const char  *out_dir,
                            GError     **error)
{
  int saved_errno;

  if (g_rename (tmp_dir, out_dir) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
               "cannot rename %s to %s: %s", tmp_dir, out_dir, g_strerror (saved_errno));
  return FALSE;
}
