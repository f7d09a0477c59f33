/* baken-hsds-import-read.c: read an HSDS package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * datapackage.json (or, without one, the standard HSDS file names) and every CSV file it
 * lists, with the strict CSV reader. A package from another organisation's system is
 * bounded in size and nesting, and its paths stay inside the folder.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-read.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-csv.h"
#include "baken-file.h"
#include "baken-hsds.h"
#include "baken-hsds-notes.h"
#include "baken-json.h"

static gboolean
is_safe_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path[0] == '\0' || g_path_is_absolute (path) || strchr (path, '\\') != NULL)
    return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0 || parts[i][0] == '\0')
      return FALSE;

  return TRUE;
}

static HTable *
read_table (Import     *imp,
            const char *resource,
            const char *file)
{
  g_autofree char *full = g_build_filename (imp->path, file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenCsvReader) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  HTable *t;
  gsize length;
  BakenCsvRead result;

  if (!baken_file_read (full, BAKEN_FILE_MAX_TABLE, &contents, &length, &error))
    {
      baken_hsds_import_record_error (imp, "datapackage.json", 1, 1,
                                      "resource %s: cannot read %s: %s", resource, file,
                                      error->message);
      return NULL;
    }

  t = baken_hsds_htable_new (resource, file, g_hash_table_lookup (imp->official, resource));

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  reader = baken_csv_reader_new (bytes);
  while ((result = baken_csv_reader_read (reader, &error)) != BAKEN_CSV_READ_END)
    {
      guint n = baken_csv_reader_get_n_fields (reader);
      HRow *row;

      if (result == BAKEN_CSV_READ_ERROR)
        {
          guint line, column;

          baken_csv_reader_get_error_position (reader, &line, &column);
          baken_hsds_import_record_error (imp, file, line, column, "%s", error->message);
          g_clear_error (&error);
          if (t->header == NULL)
            break;
          continue;
        }

      if (t->header == NULL)
        {
          t->header = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < n; i++)
            {
              const char *name = baken_csv_reader_get_field (reader, i);

              g_ptr_array_add (t->header, g_strdup (name));
              if (g_hash_table_contains (t->columns, name))
                g_ptr_array_add (imp->warnings,
                                 g_strdup_printf ("%s:%u:%u: column %s appears twice; only the "
                                                  "first is read", file,
                                                  baken_csv_reader_get_field_line (reader, i),
                                                  i + 1, name));
              else
                g_hash_table_insert (t->columns, g_ptr_array_index (t->header, i),
                                     GUINT_TO_POINTER (i + 1));
            }
          continue;
        }

      row = g_new0 (HRow, 1);
      row->line = baken_csv_reader_get_line (reader);
      row->fields = g_new0 (char *, n + 1);
      row->lines = g_new0 (guint, n);
      for (guint i = 0; i < n; i++)
        {
          row->fields[i] = g_strdup (baken_csv_reader_get_field (reader, i));
          row->lines[i] = baken_csv_reader_get_field_line (reader, i);
        }
      g_ptr_array_add (t->rows, row);
    }

  if (t->header == NULL)
    {
      t->header = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (imp->warnings,
                       g_strdup_printf ("%s:1:1: the file is empty; the first line must name "
                                        "the columns", file));
    }

  baken_hsds_import_add_table (imp, t);
  return t;
}

/* Reads datapackage.json (or, without one, the standard file names) and every table. */
gboolean
baken_hsds_read_package (Import  *imp,
                         GError **error)
{
  g_autofree char *dp_path = g_build_filename (imp->path, "datapackage.json", NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dp_text = NULL;
  gsize dp_length = 0;
  JsonNode *root;
  JsonObject *object;
  JsonArray *resources;

  if (!g_file_test (imp->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE,
                   "%s is not a folder; give the folder of an HSDS tabular package "
                   "(datapackage.json and CSV files)", imp->path);
      return FALSE;
    }

  if (!g_file_test (dp_path, G_FILE_TEST_EXISTS))
    {
      GHashTableIter iter;
      gpointer key, value;
      g_autoptr(GList) names = NULL;

      baken_hsds_add_note (imp->notes,
                           "datapackage.json: not found; reading the standard HSDS file names");
      g_hash_table_iter_init (&iter, imp->official);
      while (g_hash_table_iter_next (&iter, &key, &value))
        names = g_list_prepend (names, key);
      names = g_list_sort (names, (GCompareFunc) strcmp);
      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *file = json_object_get_string_member (g_hash_table_lookup (imp->official,
                                                                                 l->data), "path");
          g_autofree char *full = g_build_filename (imp->path, file, NULL);

          if (g_file_test (full, G_FILE_TEST_EXISTS))
            read_table (imp, l->data, file);
        }
      return TRUE;
    }

  /* A package from another organisation's system: bounded in size and nesting. */
  if (!baken_file_read (dp_path, BAKEN_FILE_MAX_JSON, &dp_text, &dp_length, &local_error) ||
      !(parser = baken_json_parse ("datapackage.json", dp_text, dp_length, &local_error)))
    {
      baken_hsds_import_problem (imp, "datapackage.json", 1, 1, "not valid JSON: %s",
                                 local_error->message);
      return TRUE;
    }

  root = json_parser_get_root (parser);
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  resources = object != NULL && json_object_has_member (object, "resources") &&
              JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "resources"))
              ? json_object_get_array_member (object, "resources") : NULL;
  if (resources == NULL)
    {
      baken_hsds_import_problem (imp, "datapackage.json", 1, 1,
                                 "there is no \"resources\" list; a tabular data package lists "
                                 "its CSV files there");
      return TRUE;
    }

  if (json_object_has_member (object, "contributors") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "contributors")))
    {
      JsonArray *contributors = json_object_get_array_member (object, "contributors");

      for (guint i = 0; i < json_array_get_length (contributors) && imp->publisher == NULL; i++)
        {
          JsonNode *node = json_array_get_element (contributors, i);
          JsonObject *contributor = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

          if (contributor != NULL &&
              g_strcmp0 (json_object_get_string_member_with_default (contributor, "role", ""),
                         "publisher") == 0 &&
              json_object_get_string_member_with_default (contributor, "title", NULL) != NULL)
            imp->publisher = g_strdup (json_object_get_string_member (contributor, "title"));
        }
    }

  if (json_object_has_member (object, "title") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "title")))
    imp->title = g_strdup (json_object_get_string_member (object, "title"));

  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonNode *node = json_array_get_element (resources, i);
      JsonObject *resource = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *name = resource != NULL ? json_object_get_member (resource, "name") : NULL;
      JsonNode *path = resource != NULL ? json_object_get_member (resource, "path") : NULL;
      const char *name_text, *path_text;

      if (name == NULL || json_node_get_value_type (name) != G_TYPE_STRING ||
          path == NULL || json_node_get_value_type (path) != G_TYPE_STRING)
        {
          baken_hsds_import_record_error (imp, "datapackage.json", 1, 1,
                                          "resource %u has no \"name\" or no \"path\" (a "
                                          "single file name); each resource names one CSV file",
                                          i + 1);
          continue;
        }
      name_text = json_node_get_string (name);
      path_text = json_node_get_string (path);
      if (!is_safe_path (path_text))
        {
          baken_hsds_import_record_error (imp, "datapackage.json", 1, 1,
                                          "resource %s: path \"%s\" is not a file inside the "
                                          "package folder", name_text, path_text);
          continue;
        }
      if (g_hash_table_contains (imp->by_resource, name_text))
        {
          baken_hsds_import_record_error (imp, "datapackage.json", 1, 1,
                                          "resource %s is listed twice", name_text);
          continue;
        }
      read_table (imp, name_text, path_text);
    }

  return TRUE;
}
