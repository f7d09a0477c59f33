/* hsds-test-util.h: what the HSDS tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Removes path and everything in it. */
void     hsds_test_remove_tree  (const char *path);
/* Writes text to dir/name. */
void     hsds_test_write_text   (const char *dir,
                                 const char *name,
                                 const char *text);
/* Copies the folder from (with its subfolders) to the new folder to. */
void     hsds_test_copy_tree    (const char *from,
                                 const char *to);
/* Whether a line of lines starts with prefix and contains part. */
gboolean hsds_test_has_note     (GPtrArray  *lines,
                                 const char *prefix,
                                 const char *part);
/* Fails the test, listing lines, unless hsds_test_has_note (). */
void     hsds_test_assert_note  (GPtrArray  *lines,
                                 const char *prefix,
                                 const char *part);
/* Fails the test unless lines are exactly expected (NULL-terminated), listing both. */
void     hsds_test_assert_lines (GPtrArray         *lines,
                                 const char *const *expected);
/* tests/data/NAME */
char    *hsds_test_data_dir     (const char *name);
/* Builds the content source src into src.sqlite and opens it; with map_ids, the SQL
 * function hsds_id (resource, id) gives the UUID export makes of id, else id. */
sqlite3 *hsds_test_build_and_open (const char *src,
                                   gboolean    map_ids);
/* The rows of sql, "a|b|NULL\n" each. */
char    *hsds_test_query        (sqlite3    *db,
                                 const char *sql);

/* Starts tests/data/hsds/api-server.py on tests/data/hsds/ROOT in mode ("normal",
 * "stall", …) and sets *url to its address; stop it with hsds_test_api_stop (). */
GSubprocess *hsds_test_api_start (const char  *root,
                                  const char  *mode,
                                  char       **url);
void         hsds_test_api_stop  (GSubprocess *server);

/* Copies tests/data/hsds/menu to dir, with the demo's icons of its life events. */
void     hsds_test_copy_menu    (const char *dir);

G_END_DECLS
