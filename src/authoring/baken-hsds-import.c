/* baken-hsds-import.c: import an HSDS 3.0 tabular package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import reads the HSDS CSV files (baken-hsds-import-read.c), checks them against the
 * official schema (-check.c), maps what maps (-map.c, -schedules.c), writes our source
 * format with its datapackage.json (-datapackage.c), and then loads what it wrote with
 * the build's loader: anything the build would refuse fails the import, reported at the
 * HSDS row it came from (-out.c).
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "baken-authoring-resources.h"
#include "baken-content-source.h"
#include "baken-hsds-import-check.h"
#include "baken-hsds-import-datapackage.h"
#include "baken-hsds-import-map.h"
#include "baken-hsds-import-out.h"
#include "baken-hsds-import-read.h"
#include "baken-hsds-import-schedules.h"
#include "baken-hsds-import-tables.h"
#include "baken-hsds-out-dir.h"
#include "baken-hsds-out-table.h"
#include "baken-hsds-schema.h"

#define ICON_RESOURCE    "/nl/baken/authoring/hsds/alle-diensten.svg"

gboolean
baken_hsds_import (const char  *path,
                   const char  *out_dir,
                   GPtrArray   *notes,
                   GPtrArray   *problems,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) official = NULL;
  g_autoptr(GPtrArray) tables =
    g_ptr_array_new_with_free_func ((GDestroyNotify) baken_hsds_htable_free);
  g_autoptr(GHashTable) by_resource = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) own_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) baken_hsds_out_table_free);
  g_autoptr(GPtrArray) own_notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) icon = NULL;
  g_autoptr(BakenContentSource) check = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *icons_dir = NULL;
  g_autofree char *title = NULL;
  g_autofree char *publisher = NULL;
  GPtrArray *check_problems;
  Import imp = { 0, };
  gsize icon_size;
  const char *icon_data;

  g_return_val_if_fail (path != NULL && out_dir != NULL, FALSE);

  official = baken_hsds_load_official (&parser);
  imp.path = path;
  imp.official = official;
  imp.tables = tables;
  imp.by_resource = by_resource;
  imp.notes = notes != NULL ? notes : own_notes;
  imp.problems = own_problems;
  imp.out = out;

  if (!baken_hsds_read_package (&imp, error))
    return FALSE;
  title = imp.title;
  publisher = imp.publisher;

  for (guint i = 0; i < tables->len; i++)
    {
      HTable *t = g_ptr_array_index (tables, i);

      if (baken_hsds_import_reads (t->resource))
        baken_hsds_check_table (&imp, t);
    }
  if (baken_hsds_table_of (&imp, "organization") == NULL ||
      baken_hsds_table_of (&imp, "service") == NULL)
    baken_hsds_import_problem (&imp, "datapackage.json", 1, 1,
                               "the package has no %s resource; Baken needs organizations and "
                               "services",
                               baken_hsds_table_of (&imp, "organization") == NULL
                                 ? "organization" : "service");

  if (own_problems->len > 0)
    goto failed;

  if (!baken_hsds_check_out_dir (out_dir, error))
    return FALSE;

  baken_hsds_note_unread (&imp);
  baken_hsds_import_organizations (&imp);
  baken_hsds_import_locations (&imp);
  baken_hsds_import_addresses (&imp);
  baken_hsds_import_services (&imp);
  baken_hsds_import_service_at_location (&imp);
  baken_hsds_import_phones (&imp);
  baken_hsds_import_schedules (&imp);
  baken_hsds_import_required_documents (&imp);
  baken_hsds_import_languages (&imp);
  baken_hsds_import_accessibility (&imp);
  baken_hsds_import_life_event (&imp);
  root = baken_hsds_import_datapackage (&imp);

  tmp_dir = baken_hsds_make_tmp_dir (out_dir, error);
  if (tmp_dir == NULL)
    return FALSE;

  icons_dir = g_build_filename (tmp_dir, "icons", NULL);
  icon = g_resource_lookup_data (baken_authoring_get_resource (), ICON_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (icon != NULL);
  icon_data = g_bytes_get_data (icon, &icon_size);
  if (g_mkdir (icons_dir, 0755) != 0 ||
      !baken_hsds_write_file (icons_dir, BAKEN_HSDS_ALL_EVENT_ICON ".svg", icon_data, icon_size,
                              error) ||
      !baken_hsds_write_tables (tmp_dir, out, error) ||
      !baken_hsds_write_json (tmp_dir, root, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
                     "cannot create %s", icons_dir);
      baken_hsds_remove_tree (tmp_dir);
      return FALSE;
    }

  /* What the build would refuse fails the import. */
  check = baken_content_source_load (tmp_dir, NULL);
  check_problems = check != NULL ? baken_content_source_get_problems (check) : NULL;
  /* Those at an HSDS record first, then those in what import made itself. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; check_problems != NULL && i < check_problems->len; i++)
      {
        g_autofree char *mapped_problem =
          baken_hsds_map_back (&imp, g_ptr_array_index (check_problems, i));

        if ((mapped_problem[0] != '(') == (pass == 0))
          g_ptr_array_add (own_problems, g_steal_pointer (&mapped_problem));
      }
  if (check == NULL || own_problems->len > 0)
    {
      baken_hsds_remove_tree (tmp_dir);
      if (check == NULL)
        {
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
                       "cannot read back %s", tmp_dir);
          return FALSE;
        }
      goto failed;
    }

  if (!baken_hsds_move_into_place (tmp_dir, out_dir, error))
    {
      baken_hsds_remove_tree (tmp_dir);
      return FALSE;
    }

  return TRUE;

failed:
  for (guint i = 0; problems != NULL && i < own_problems->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (own_problems, i)));
  g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE,
               "the HSDS package has %u %s; nothing was written", own_problems->len,
               own_problems->len == 1 ? "problem" : "problems");
  return FALSE;
}
