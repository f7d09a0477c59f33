/* baken-hsds-export.c: write a content source as an HSDS 3.0 tabular package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export reads the source with the build's loader (baken-content-source.h), writes the
 * HSDS tables (baken-hsds-export-tables.c) and a datapackage.json that copies the official
 * resource definitions. What HSDS has no place for (life events, synonyms, translations,
 * …) is left out, and each such decision is a note.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-content-source.h"
#include "baken-hsds-export-tables.h"
#include "baken-hsds-notes.h"
#include "baken-hsds-out-dir.h"
#include "baken-hsds-out-table.h"
#include "baken-hsds-schema.h"

static void
note_dropped_table (Export           *e,
                    BakenSourceTable  table,
                    const char       *why)
{
  guint n = baken_content_source_get_n_rows (e->src, table);

  if (n > 0)
    baken_hsds_add_note (e->notes, "%s: %u %s not exported: %s",
                         baken_content_source_table_file (table), n, n == 1 ? "row" : "rows", why);
}

static JsonNode *
export_datapackage (Export *e)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *publisher = baken_content_source_get_publisher (e->src);
  g_autofree char *title = g_strdup_printf ("%s (HSDS 3.0 export of Baken content)",
                                            publisher != NULL ? publisher : "Baken");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "baken-hsds-export");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, "tabular-data-package");
  if (publisher != NULL)
    {
      json_builder_set_member_name (builder, "contributors");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, publisher);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, "publisher");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder,
    "Human Services Data Specification 3.0.0 tabular data package, exported by "
    "baken-bundle export-hsds. The resource definitions (schemas) are copied from the "
    "official HSDS 3.0.0 datapackage.json, (c) the Open Referral project "
    "(docs.openreferral.org), licensed under Creative Commons Attribution-ShareAlike 4.0 "
    "(https://creativecommons.org/licenses/by-sa/4.0/).");
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Human Services Data Specification 3.0.0, Open "
                                 "Referral, CC BY-SA 4.0 (resource schemas)");
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, "http://docs.openreferral.org");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < e->tables->len; i++)
    {
      OutTable *t = g_ptr_array_index (e->tables, i);
      JsonObject *official = g_hash_table_lookup (e->official, t->resource);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, official);
      json_builder_add_value (builder, json_node_copy (node));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
baken_hsds_export (const char                   *src_dir,
                   const char                   *out_dir,
                   const BakenHsdsExportOptions *options,
                   GPtrArray                    *notes,
                   GPtrArray                    *problems,
                   GError                      **error)
{
  static const BakenHsdsExportOptions default_options = { FALSE, FALSE };
  g_autoptr(BakenContentSource) src = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) official = NULL;
  g_autoptr(GPtrArray) tables =
    g_ptr_array_new_with_free_func ((GDestroyNotify) baken_hsds_out_table_free);
  g_autoptr(GPtrArray) langs = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *tmp_dir = NULL;
  GPtrArray *source_problems;
  Export e = { 0, };

  g_return_val_if_fail (src_dir != NULL && out_dir != NULL, FALSE);

  if (options == NULL)
    options = &default_options;

  src = baken_content_source_load (src_dir, &local_error);
  if (src == NULL)
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE, "%s", local_error->message);
      return FALSE;
    }

  source_problems = baken_content_source_get_problems (src);
  if (source_problems->len > 0)
    {
      for (guint i = 0; problems != NULL && i < source_problems->len; i++)
        g_ptr_array_add (problems, g_strdup (g_ptr_array_index (source_problems, i)));
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE,
                   "the content source has %u %s; fix %s first (baken-bundle build shows "
                   "the same), nothing was written", source_problems->len,
                   source_problems->len == 1 ? "problem" : "problems",
                   source_problems->len == 1 ? "it" : "them");
      return FALSE;
    }

  if (!baken_hsds_check_out_dir (out_dir, error))
    return FALSE;

  official = baken_hsds_load_official (&parser);
  e.src = src;
  e.options = options;
  e.official = official;
  e.notes = notes;
  e.tables = tables;

  baken_hsds_export_tables (&e);

  note_dropped_table (&e, BAKEN_SOURCE_LIFE_EVENT, "HSDS has no life events (the menu)");
  note_dropped_table (&e, BAKEN_SOURCE_LIFE_EVENT_SERVICE, "HSDS has no life events (the menu)");
  note_dropped_table (&e, BAKEN_SOURCE_SYNONYM, "HSDS has no search synonyms");
  note_dropped_table (&e, BAKEN_SOURCE_TAXONOMY_MENU,
                      "it maps the social map's taxonomy to the menu, which HSDS does not have");
  note_dropped_table (&e, BAKEN_SOURCE_SCHEDULE_EXCEPTION,
                      "HSDS tabular has no exceptions to the weekly hours");
  langs = baken_content_source_get_languages (src);
  if (baken_content_source_get_n_rows (src, BAKEN_SOURCE_TRANSLATION) > 0)
    {
      g_autoptr(GString) others = g_string_new (NULL);

      for (guint i = 0; i < langs->len; i++)
        if (strcmp (g_ptr_array_index (langs, i), "nl") != 0)
          g_string_append_printf (others, "%s%s", others->len > 0 ? ", " : "",
                                  (const char *) g_ptr_array_index (langs, i));
      baken_hsds_add_note (notes,
                           "translations.csv: %u translations (%s) not exported: an HSDS tabular "
                           "package holds one language, and this one holds the Dutch texts",
                           baken_content_source_get_n_rows (src, BAKEN_SOURCE_TRANSLATION),
                           others->str);
    }

  root = export_datapackage (&e);

  tmp_dir = baken_hsds_make_tmp_dir (out_dir, error);
  if (tmp_dir == NULL)
    return FALSE;

  if (!baken_hsds_write_tables (tmp_dir, tables, error) ||
      !baken_hsds_write_json (tmp_dir, root, error) ||
      !baken_hsds_move_into_place (tmp_dir, out_dir, error))
    {
      baken_hsds_remove_tree (tmp_dir);
      return FALSE;
    }

  return TRUE;
}
