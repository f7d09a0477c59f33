/* baken-hsds-out-dir.h: write the output folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Removes path and everything in it (symbolic links are removed, not followed). */
void      baken_hsds_remove_tree     (const char  *path);
/* Whether out_dir may be written: it does not exist or is an empty folder
 * (BAKEN_HSDS_ERROR_WRITE otherwise). */
gboolean  baken_hsds_check_out_dir   (const char  *out_dir,
                                      GError     **error);
/* Makes OUT.tmp-XXXXXX next to out_dir and returns its path. */
char     *baken_hsds_make_tmp_dir    (const char  *out_dir,
                                      GError     **error);
gboolean  baken_hsds_write_file      (const char  *dir,
                                      const char  *name,
                                      const char  *data,
                                      gsize        length,
                                      GError     **error);
/* Writes each OutTable of tables to its file in dir. */
gboolean  baken_hsds_write_tables    (const char  *dir,
                                      GPtrArray   *tables,
                                      GError     **error);
/* Writes root as dir/datapackage.json, indented, with a final newline. */
gboolean  baken_hsds_write_json      (const char  *dir,
                                      JsonNode    *root,
                                      GError     **error);
/* Renames tmp_dir to out_dir. */
gboolean  baken_hsds_move_into_place (const char  *tmp_dir,
                                      const char  *out_dir,
                                      GError     **error);

G_END_DECLS
