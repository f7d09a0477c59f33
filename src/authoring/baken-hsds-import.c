/* baken-hsds-import.c: read and check an HSDS 3.0 tabular package, and run the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import reads the HSDS CSV files with the strict CSV reader, checks them against the
 * official schema (required fields, types, references), maps what maps
 * (baken-hsds-import-map.c), writes our source format, and then loads what it wrote with
 * the build's loader: anything the build would refuse fails the import, reported at the
 * HSDS row it came from.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds.h"
#include "baken-json.h"
#include "baken-file.h"
#include "baken-hsds-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "baken-content-source.h"
#include "baken-csv.h"

#define ICON_RESOURCE    "/nl/baken/authoring/hsds/alle-diensten.svg"

static void
hrow_free (HRow *row)
{
  g_strfreev (row->fields);
  g_free (row->lines);
  g_free (row);
}

static void
htable_free (HTable *t)
{
  g_free (t->resource);
  g_free (t->file);
  g_clear_pointer (&t->header, g_ptr_array_unref);
  g_hash_table_unref (t->columns);
  g_ptr_array_unref (t->rows);
  g_hash_table_unref (t->by_id);
  g_hash_table_unref (t->kept);
  g_free (t);
}

/* The HSDS fields import reads, per resource; any other field is reported as not kept. */
typedef struct
{
  const char        *resource;
  const char *const  fields[20];
} Mapped;

static const Mapped mapped[] = {
  { "organization", { "id", "name", "alternate_name", "description", "email", "website", NULL } },
  { "service", { "id", "organization_id", "name", "alternate_name", "description", "url",
                 "email", "status", "application_process", "fees_description",
                 "eligibility_description", "assured_date", "alert", NULL } },
  { "location", { "id", "location_type", "organization_id", "name", "description",
                  "transportation", "latitude", "longitude", NULL } },
  { "address", { "id", "location_id", "address_1", "address_2", "city", "state_province",
                 "postal_code", "country", "address_type", NULL } },
  { "service_at_location", { "id", "service_id", "location_id", "description", NULL } },
  { "phone", { "id", "service_id", "location_id", "service_at_location_id", "number", "type",
               "description", NULL } },
  { "schedule", { "id", "service_id", "location_id", "service_at_location_id", "valid_from",
                  "valid_to", "dtstart", "until", "count", "freq", "interval", "byday",
                  "byweekno", "bymonthday", "byyearday", "description", "opens_at",
                  "closes_at", NULL } },
  { "required_document", { "id", "service_id", "document", NULL } },
  { "language", { "id", "service_id", "name", "code", "note", NULL } },
  { "accessibility", { "id", "location_id", "description", "details", NULL } },
};

static const Mapped *
find_mapped (const char *resource)
{
  for (guint i = 0; i < G_N_ELEMENTS (mapped); i++)
    if (strcmp (mapped[i].resource, resource) == 0)
      return &mapped[i];

  return NULL;
}

static gboolean
is_mapped_field (const Mapped *m,
                 const char   *field)
{
  for (guint i = 0; m->fields[i] != NULL; i++)
    if (strcmp (m->fields[i], field) == 0)
      return TRUE;

  return FALSE;
}

int
_baken_hsds_hcolumn (HTable     *t,
                     const char *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (t->columns, name)) - 1;
}

const char *
_baken_hsds_hget (HTable     *t,
                  HRow       *row,
                  const char *name)
{
  int col = _baken_hsds_hcolumn (t, name);
  const char *text;

  if (col < 0)
    return NULL;
  text = row->fields[col];
  return text != NULL && *text != '\0' ? text : NULL;
}

void
_baken_hsds_hposition (HTable     *t,
                       HRow       *row,
                       const char *name,
                       guint      *line,
                       guint      *column)
{
  int col = _baken_hsds_hcolumn (t, name);

  *line = col >= 0 ? row->lines[col] : row->line;
  *column = col >= 0 ? (guint) col + 1 : t->header->len + 1;
}

static void problem (Import     *imp,
                     const char *file,
                     guint       line,
                     guint       column,
                     const char *format,
                     ...) G_GNUC_PRINTF (5, 6);

static void
problem (Import     *imp,
         const char *file,
         guint       line,
         guint       column,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (imp->problems, g_strdup_printf ("%s:%u:%u: %s", file, line, column, message));
}

static void field_problem (Import     *imp,
                           HTable     *t,
                           HRow       *row,
                           const char *name,
                           const char *format,
                           ...) G_GNUC_PRINTF (5, 6);

static void
field_problem (Import     *imp,
               HTable     *t,
               HRow       *row,
               const char *name,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _baken_hsds_hposition (t, row, name, &line, &column);
  problem (imp, t->file, line, column, "%s", message);
}

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
      problem (imp, "datapackage.json", 1, 1, "resource %s: cannot read %s: %s", resource, file,
               error->message);
      return NULL;
    }

  t = g_new0 (HTable, 1);
  t->resource = g_strdup (resource);
  t->file = g_strdup (file);
  t->official = g_hash_table_lookup (imp->official, resource);
  t->columns = g_hash_table_new (g_str_hash, g_str_equal);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hrow_free);
  t->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  t->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

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
          problem (imp, file, line, column, "%s", error->message);
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
                problem (imp, file, baken_csv_reader_get_field_line (reader, i), i + 1,
                         "column %s appears twice; remove one of them", name);
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
      problem (imp, file, 1, 1, "the file is empty; the first line must name the columns");
    }

  if (_baken_hsds_hcolumn (t, "id") >= 0)
    for (guint r = 0; r < t->rows->len; r++)
      {
        HRow *row = g_ptr_array_index (t->rows, r);
        const char *id = _baken_hsds_hget (t, row, "id");
        HRow *first;

        if (id == NULL)
          continue;
        first = g_hash_table_lookup (t->by_id, id);
        if (first != NULL)
          field_problem (imp, t, row, "id", "id \"%s\" is already used on line %u; ids must "
                         "be unique", id, first->line);
        else
          g_hash_table_insert (t->by_id, (gpointer) id, row);
      }

  g_ptr_array_add (imp->tables, t);
  g_hash_table_insert (imp->by_resource, t->resource, t);
  return t;
}

/* Reads datapackage.json (or, without one, the standard file names) and every table. */
static gboolean
read_package (Import  *imp,
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

      _baken_hsds_add_note (imp->notes,
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
      problem (imp, "datapackage.json", 1, 1, "not valid JSON: %s", local_error->message);
      return TRUE;
    }

  root = json_parser_get_root (parser);
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  resources = object != NULL && json_object_has_member (object, "resources") &&
              JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "resources"))
              ? json_object_get_array_member (object, "resources") : NULL;
  if (resources == NULL)
    {
      problem (imp, "datapackage.json", 1, 1, "there is no \"resources\" list; a tabular data "
               "package lists its CSV files there");
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
          problem (imp, "datapackage.json", 1, 1, "resource %u has no \"name\" or no \"path\" "
                   "(a single file name); each resource names one CSV file", i + 1);
          continue;
        }
      name_text = json_node_get_string (name);
      path_text = json_node_get_string (path);
      if (!is_safe_path (path_text))
        {
          problem (imp, "datapackage.json", 1, 1, "resource %s: path \"%s\" is not a file inside "
                   "the package folder", name_text, path_text);
          continue;
        }
      if (g_hash_table_contains (imp->by_resource, name_text))
        {
          problem (imp, "datapackage.json", 1, 1, "resource %s is listed twice", name_text);
          continue;
        }
      read_table (imp, name_text, path_text);
    }

  return TRUE;
}

static gboolean
is_number (const char *text)
{
  char *end = NULL;

  errno = 0;
  g_ascii_strtod (text, &end);
  return errno == 0 && end != text && *end == '\0';
}

static gboolean
is_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) atoi (text);
  month = (guint) atoi (text + 5);
  day = (guint) atoi (text + 8);
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
check_enum (Import     *imp,
            HTable     *t,
            HRow       *row,
            const char *name,
            const char *text,
            JsonArray  *values)
{
  g_autoptr(GString) allowed = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      const char *v = json_array_get_string_element (values, i);

      if (strcmp (v, text) == 0)
        return;
      g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", v);
    }

  field_problem (imp, t, row, name, "%s \"%s\" is not one of the values HSDS allows: %s",
                 name, text, allowed->str);
}

/* Required fields, types of the fields import reads, and references. */
static void
check_table (Import *imp,
             HTable *t)
{
  const Mapped *m = find_mapped (t->resource);
  JsonObject *schema = json_object_get_object_member (t->official, "schema");
  JsonArray *fields = json_object_get_array_member (schema, "fields");
  JsonArray *keys = json_object_has_member (schema, "foreignKeys")
                    ? json_object_get_array_member (schema, "foreignKeys") : NULL;

  for (guint f = 0; f < json_array_get_length (fields); f++)
    {
      JsonObject *field = json_array_get_object_element (fields, f);
      const char *name = json_object_get_string_member (field, "name");
      const char *type = json_object_get_string_member_with_default (field, "type", "string");
      JsonObject *constraints = json_object_has_member (field, "constraints")
                                ? json_object_get_object_member (field, "constraints") : NULL;
      gboolean required = constraints != NULL &&
                          json_object_get_boolean_member_with_default (constraints, "required", FALSE);
      JsonArray *values = constraints != NULL && json_object_has_member (constraints, "enum")
                          ? json_object_get_array_member (constraints, "enum") : NULL;

      if (required && _baken_hsds_hcolumn (t, name) < 0)
        {
          problem (imp, t->file, 1, t->header->len + 1, "column %s is missing; HSDS requires it "
                   "in %s", name, t->file);
          continue;
        }
      if (_baken_hsds_hcolumn (t, name) < 0)
        continue;

      for (guint r = 0; r < t->rows->len; r++)
        {
          HRow *row = g_ptr_array_index (t->rows, r);
          const char *text = _baken_hsds_hget (t, row, name);

          if (text == NULL)
            {
              if (required)
                field_problem (imp, t, row, name, "%s is empty; HSDS requires it", name);
              continue;
            }
          if (!is_mapped_field (m, name))
            continue;

          if (strcmp (type, "number") == 0 && !is_number (text))
            field_problem (imp, t, row, name, "%s \"%s\" is not a number", name, text);
          else if (strcmp (type, "date") == 0 && !is_date (text))
            field_problem (imp, t, row, name, "%s \"%s\" is not a date (YYYY-MM-DD)", name, text);
          else if (strcmp (type, "time") == 0)
            {
              int minutes;
              gboolean exact;

              if (!_baken_hsds_parse_hsds_time (text, &minutes, &exact))
                field_problem (imp, t, row, name, "%s \"%s\" is not a time (HH:MM:SS)", name, text);
            }
          else if (values != NULL)
            check_enum (imp, t, row, name, text, values);
        }
    }

  for (guint k = 0; keys != NULL && k < json_array_get_length (keys); k++)
    {
      JsonObject *key = json_array_get_object_element (keys, k);
      const char *name = json_object_get_string_member (key, "fields");
      const char *target = json_object_get_string_member (json_object_get_object_member (key, "reference"),
                                                          "resource");
      HTable *other = g_hash_table_lookup (imp->by_resource, target);

      if (_baken_hsds_hcolumn (t, name) < 0)
        continue;

      for (guint r = 0; r < t->rows->len; r++)
        {
          HRow *row = g_ptr_array_index (t->rows, r);
          const char *ref = _baken_hsds_hget (t, row, name);

          if (ref == NULL || (other != NULL && g_hash_table_contains (other->by_id, ref)))
            continue;
          if (other == NULL)
            field_problem (imp, t, row, name, "%s \"%s\" refers to a %s, but the package has no "
                           "%s resource", name, ref, target, target);
          else
            field_problem (imp, t, row, name, "%s \"%s\" is not an id in %s; fix the reference "
                           "or add the %s", name, ref, other->file, target);
        }
    }
}

/* Reports the resources import does not read, and the fields it does not keep. */
static void
note_unread (Import *imp)
{
  for (guint i = 0; i < imp->tables->len; i++)
    {
      HTable *t = g_ptr_array_index (imp->tables, i);
      const Mapped *m = find_mapped (t->resource);

      if (m == NULL)
        {
          if (t->official != NULL)
            _baken_hsds_add_note (imp->notes,
                                  "%s: dropped all %u %s: Baken does not use the HSDS %s "
                                  "resource", t->file, t->rows->len,
                                  t->rows->len == 1 ? "row" : "rows", t->resource);
          else
            _baken_hsds_add_note (imp->notes,
                                  "%s: dropped all %u %s: %s is not an HSDS 3.0 resource",
                                  t->file, t->rows->len, t->rows->len == 1 ? "row" : "rows",
                                  t->resource);
          continue;
        }

      for (guint c = 0; c < t->header->len; c++)
        {
          const char *name = g_ptr_array_index (t->header, c);
          gboolean official = FALSE;
          JsonArray *fields = _baken_hsds_official_fields (t->official);
          guint n = 0;

          if (is_mapped_field (m, name))
            continue;
          for (guint f = 0; f < json_array_get_length (fields); f++)
            if (strcmp (json_object_get_string_member (json_array_get_object_element (fields, f),
                                                       "name"), name) == 0)
              official = TRUE;
          for (guint r = 0; r < t->rows->len; r++)
            if (_baken_hsds_hget (t, g_ptr_array_index (t->rows, r), name) != NULL)
              n++;

          if (!official)
            _baken_hsds_add_note (imp->notes,
                                  "%s: column %s is not an HSDS field; not kept (%u %s a "
                                  "value)", t->file, name, n, n == 1 ? "row has" : "rows have");
          else if (n > 0)
            _baken_hsds_add_note (imp->notes,
                                  "%s: field %s not kept: Baken has no place for it (%u %s a "
                                  "value)", t->file, name, n, n == 1 ? "row has" : "rows have");
        }
    }
}

gboolean
baken_hsds_import (const char  *path,
                   const char  *out_dir,
                   GPtrArray   *notes,
                   GPtrArray   *problems,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) official = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) htable_free);
  g_autoptr(GHashTable) by_resource = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) own_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) _baken_hsds_out_table_free);
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

  official = _baken_hsds_load_official (&parser);
  imp.path = path;
  imp.official = official;
  imp.tables = tables;
  imp.by_resource = by_resource;
  imp.notes = notes != NULL ? notes : own_notes;
  imp.problems = own_problems;
  imp.out = out;

  if (!read_package (&imp, error))
    return FALSE;
  title = imp.title;
  publisher = imp.publisher;

  for (guint i = 0; i < tables->len; i++)
    {
      HTable *t = g_ptr_array_index (tables, i);

      if (find_mapped (t->resource) != NULL)
        check_table (&imp, t);
    }
  if (_baken_hsds_table_of (&imp, "organization") == NULL ||
      _baken_hsds_table_of (&imp, "service") == NULL)
    problem (&imp, "datapackage.json", 1, 1, "the package has no %s resource; Baken needs "
             "organizations and services", _baken_hsds_table_of (&imp, "organization") == NULL
             ? "organization" : "service");

  if (own_problems->len > 0)
    goto failed;

  if (!_baken_hsds_check_out_dir (out_dir, error))
    return FALSE;

  note_unread (&imp);
  _baken_hsds_import_organizations (&imp);
  _baken_hsds_import_locations (&imp);
  _baken_hsds_import_addresses (&imp);
  _baken_hsds_import_services (&imp);
  _baken_hsds_import_service_at_location (&imp);
  _baken_hsds_import_phones (&imp);
  _baken_hsds_import_schedules (&imp);
  _baken_hsds_import_required_documents (&imp);
  _baken_hsds_import_languages (&imp);
  _baken_hsds_import_accessibility (&imp);
  _baken_hsds_import_life_event (&imp);
  root = _baken_hsds_import_datapackage (&imp);

  tmp_dir = _baken_hsds_make_tmp_dir (out_dir, error);
  if (tmp_dir == NULL)
    return FALSE;

  icons_dir = g_build_filename (tmp_dir, "icons", NULL);
  icon = g_resource_lookup_data (baken_authoring_get_resource (), ICON_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (icon != NULL);
  icon_data = g_bytes_get_data (icon, &icon_size);
  if (g_mkdir (icons_dir, 0755) != 0 ||
      !_baken_hsds_write_file (icons_dir, ALL_EVENT_ICON ".svg", icon_data, icon_size, error) ||
      !_baken_hsds_write_tables (tmp_dir, out, error) ||
      !_baken_hsds_write_json (tmp_dir, root, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
                     "cannot create %s", icons_dir);
      _baken_hsds_remove_tree (tmp_dir);
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
          _baken_hsds_map_back (&imp, g_ptr_array_index (check_problems, i));

        if ((mapped_problem[0] != '(') == (pass == 0))
          g_ptr_array_add (own_problems, g_steal_pointer (&mapped_problem));
      }
  if (check == NULL || own_problems->len > 0)
    {
      _baken_hsds_remove_tree (tmp_dir);
      if (check == NULL)
        {
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
                       "cannot read back %s", tmp_dir);
          return FALSE;
        }
      goto failed;
    }

  if (!_baken_hsds_move_into_place (tmp_dir, out_dir, error))
    {
      _baken_hsds_remove_tree (tmp_dir);
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
