/* baken-content-source-package.c: read and check datapackage.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * datapackage.json describes the content source: its profile, the baken object (format,
 * publisher, region) and the CSV files of the folder as resources. Loading it checks
 * that every table the folder has is listed, under its name, and that every listed
 * file exists. Problems are placed on the line of the JSON text they concern.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source-package.h"

#include "baken-content-source.h"
#include "baken-content-source-format.h"
#include "baken-content-source-report.h"
#include "baken-content-source-values.h"
#include "baken-json.h"
#include "baken-file.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-content.h"

/* datapackage.json */

/* The position of the first occurrence of needle in text, as line:column. */
static void
find_position (const char *text,
               const char *needle,
               guint      *line,
               guint      *column)
{
  const char *hit = text != NULL ? strstr (text, needle) : NULL;

  *line = 1;
  *column = 1;
  if (hit == NULL)
    return;

  for (const char *p = text; p < hit; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        {
          (*column)++;
        }
    }
}

static void
report_json (Source     *b,
             const char *text,
             const char *needle,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
report_json (Source     *b,
             const char *text,
             const char *needle,
             const char *format,
             ...)
{
  va_list args;
  guint line, column;

  find_position (text, needle, &line, &column);
  va_start (args, format);
  baken_source_report_add_valist (b->report, "datapackage.json", line, column, format, args);
  va_end (args);
}

static const char *
json_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

void
baken_source_load_datapackage (Source *b)
{
  g_autofree char *path = g_build_filename (b->src_dir, "datapackage.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) unlisted = g_ptr_array_new_with_free_func (g_free);
  JsonObject *root, *baken;
  JsonNode *node;
  JsonArray *resources;
  const char *profile, *name;
  gsize length = 0;
  guint line = 0, column = 0;

  if (!baken_file_read (path, BAKEN_FILE_MAX_JSON, &text, &length, &error))
    {
      baken_source_report_add (b->report, "datapackage.json", 1, 1,
                               "cannot read datapackage.json (%s); every content source "
                               "needs one (see docs/content-format.md)", error->message);
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      baken_source_report_add (b->report, "datapackage.json", 1, 1,
                               "the file is not valid UTF-8; save it as UTF-8");
      return;
    }

  /* json-glib recurses: a hostile nesting would overflow the stack. */
  if (!baken_json_check_depth (text, length, BAKEN_JSON_MAX_DEPTH, &line, &column))
    {
      baken_source_report_add (b->report, "datapackage.json", line, column,
                               "objects and arrays nest deeper than %d levels; this is not "
                               "a data package", BAKEN_JSON_MAX_DEPTH);
      return;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, (gssize) length, &error))
    {
      baken_source_report_add (b->report, "datapackage.json", json_parser_get_current_line (parser),
                               json_parser_get_current_pos (parser),
                               "this is not valid JSON (%s); fix the syntax", error->message);
      return;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      baken_source_report_add (b->report, "datapackage.json", 1, 1,
                               "the file must hold one JSON object");
      return;
    }
  root = json_node_get_object (node);

  profile = json_string_member (root, "profile");
  if (g_strcmp0 (profile, "tabular-data-package") != 0)
    report_json (b, text, "\"profile\"",
                 "profile must be \"tabular-data-package\"; set \"profile\": "
                 "\"tabular-data-package\"");

  node = json_object_get_member (root, "baken");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      report_json (b, text, "\"baken\"",
                   "the \"baken\" object is missing; add \"baken\": { \"format\": %d, "
                   "\"publisher\": \"…\", \"region\": \"…\" }", BAKEN_SOURCE_FORMAT);
    }
  else
    {
      JsonNode *format;

      baken = json_node_get_object (node);
      format = json_object_get_member (baken, "format");
      if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
          json_node_get_value_type (format) != G_TYPE_INT64 ||
          json_node_get_int (format) != BAKEN_SOURCE_FORMAT)
        report_json (b, text, "\"format\"",
                     "baken.format must be %d; this baken-bundle reads format %d only",
                     BAKEN_SOURCE_FORMAT, BAKEN_SOURCE_FORMAT);

      name = json_string_member (baken, "publisher");
      if (name == NULL || baken_source_is_blank (name))
        report_json (b, text, "\"baken\"",
                     "baken.publisher is missing; add the name of the organisation that "
                     "publishes this content");
      else
        b->publisher = g_strdup (name);

      name = json_string_member (baken, "region");
      if (name == NULL || baken_source_is_blank (name))
        report_json (b, text, "\"baken\"",
                     "baken.region is missing; add the town or region this content is for");
      else
        b->region = g_strdup (name);
    }

  node = json_object_get_member (root, "resources");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      report_json (b, text, "\"resources\"",
                   "\"resources\" is missing; list every CSV file of the folder there");
      return;
    }
  resources = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonNode *element = json_array_get_element (resources, i);
      JsonObject *resource;
      const char *resource_path;
      const TableSpec *spec = NULL;
      g_autofree char *file_path = NULL;
      g_autofree char *quoted = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          report_json (b, text, "\"resources\"",
                       "resource %u is not an object; write { \"name\": …, \"path\": … }", i + 1);
          continue;
        }
      resource = json_node_get_object (element);
      resource_path = json_string_member (resource, "path");
      name = json_string_member (resource, "name");
      if (resource_path == NULL)
        {
          report_json (b, text, "\"resources\"",
                       "resource %u has no \"path\"; add the name of its CSV file", i + 1);
          continue;
        }

      quoted = g_strdup_printf ("\"%s\"", resource_path);
      for (guint t = 0; t < N_TABLES; t++)
        if (strcmp (baken_source_table_spec (t)->file, resource_path) == 0)
          spec = baken_source_table_spec (t);

      if (spec == NULL)
        {
          report_json (b, text, quoted,
                       "resource path \"%s\" is not a table of the Baken format; check the "
                       "spelling (see docs/content-format.md) or remove it", resource_path);
          continue;
        }

      if (g_hash_table_contains (listed, resource_path))
        report_json (b, text, quoted, "resource path \"%s\" is listed twice; remove one",
                     resource_path);
      g_hash_table_add (listed, g_strdup (resource_path));

      if (g_strcmp0 (name, spec->resource) != 0)
        report_json (b, text, quoted,
                     "the resource for %s must be named \"%s\"; set \"name\": \"%s\"",
                     resource_path, spec->resource, spec->resource);

      file_path = g_build_filename (b->src_dir, resource_path, NULL);
      if (!g_file_test (file_path, G_FILE_TEST_IS_REGULAR))
        report_json (b, text, quoted,
                     "resource %s is listed but the file does not exist; add the file or "
                     "remove the resource", resource_path);
    }

  dir = g_dir_open (b->src_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".csv") && !g_hash_table_contains (listed, name))
      g_ptr_array_add (unlisted, g_strdup (name));

  g_ptr_array_sort (unlisted, baken_source_compare_strings);
  for (guint i = 0; i < unlisted->len; i++)
    {
      const char *file = g_ptr_array_index (unlisted, i);
      const char *resource = NULL;

      for (guint t = 0; t < N_TABLES; t++)
        if (strcmp (baken_source_table_spec (t)->file, file) == 0)
          resource = baken_source_table_spec (t)->resource;

      if (resource != NULL)
        report_json (b, text, "\"resources\"",
                     "%s is not listed in resources; add { \"name\": \"%s\", \"path\": "
                     "\"%s\", \"profile\": \"tabular-data-resource\" }", file, resource, file);
      else
        baken_source_report_add (b->report, file, 1, 1,
                                 "%s is not a table of the Baken format and not listed in "
                                 "datapackage.json; check the file name (see "
                                 "docs/content-format.md) or remove the file", file);
    }
}
