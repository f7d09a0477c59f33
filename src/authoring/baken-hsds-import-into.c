/* baken-hsds-import-into.c: the end of an import: what it wrote, and --into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every import records what it wrote (hsds-import.json), so that the next one with
 * --into can tell the editor's work from the social map's. --into merges the editor's
 * source into the new import, checks it as the build would, and only then writes it
 * over the source: file by file (each a rename), so that whatever else the folder holds
 * (a version control folder, notes, icons no life event uses) stays.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-into.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "baken-content-source.h"
#include "baken-hsds.h"
#include "baken-hsds-merge.h"
#include "baken-raw-table.h"

gboolean
baken_hsds_write_provenance (const char     *dir,
                             BakenHsdsMenu  *menu,
                             GError        **error)
{
  g_autoptr(BakenHsdsProvenance) provenance = baken_hsds_provenance_new ();

  for (guint table = 0; table < BAKEN_SOURCE_N_TABLES; table++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(RawTable) t = NULL;
      gboolean exists;

      t = baken_raw_table_read (dir, baken_content_source_table_file (table), &exists,
                                &local_error);
      if (t == NULL)
        {
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE, "%s: %s", dir,
                       local_error->message);
          return FALSE;
        }
      if (exists)
        baken_hsds_provenance_add (provenance, t);
    }

  if (menu != NULL)
    baken_hsds_menu_keep_left_out (menu, provenance);
  return baken_hsds_provenance_write (provenance, dir, error);
}

/* Each file of tmp_dir (not its folders: the icons came from source) over source's. */
static gboolean
replace_files (const char  *tmp_dir,
               const char  *source,
               GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (tmp_dir, name, NULL);
      g_autofree char *to = g_build_filename (source, name, NULL);
      int saved_errno;

      if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
        continue;
      if (g_rename (from, to) == 0)
        continue;
      saved_errno = errno;
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
                   "cannot write %s: %s; the source may be half updated, restore it from "
                   "version control", to, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
baken_hsds_finish_into (const char          *tmp_dir,
                        const char          *source,
                        BakenHsdsProvenance *provenance,
                        GPtrArray           *conflicts,
                        GPtrArray           *notes,
                        GPtrArray           *problems,
                        GError             **error)
{
  g_autoptr(BakenContentSource) check = NULL;
  GPtrArray *check_problems;

  if (!baken_hsds_merge (tmp_dir, source, provenance, conflicts, notes, error))
    return FALSE;

  /* What the editor kept must still build with the new social map. */
  check = baken_content_source_load (tmp_dir, error);
  if (check == NULL)
    return FALSE;
  check_problems = baken_content_source_get_problems (check);
  if (check_problems->len > 0)
    {
      for (guint i = 0; i < check_problems->len; i++)
        g_ptr_array_add (problems, g_strdup_printf ("(merged with %s) %s", source,
                                                    (char *) g_ptr_array_index (check_problems,
                                                                                i)));
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE,
                   "%s merged with the new import does not build (%u %s); %s was not changed",
                   source, check_problems->len,
                   check_problems->len == 1 ? "problem" : "problems", source);
      return FALSE;
    }

  return replace_files (tmp_dir, source, error);
}
