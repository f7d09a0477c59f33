/* test-hsds.c: tests for baken-bundle import-hsds and export-hsds (baken-hsds.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export of tests/data/build/ is validated against the official HSDS 3.0.0 schema
 * (src/authoring/hsds/datapackage.json) by a validator written here: field names, required
 * fields, types and formats, enums, primary and foreign keys. It is then imported back,
 * both sources are built, and the two content DBs are compared with SQL for what HSDS
 * can hold. The import of other packages is tested in test-hsds-import.c.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "baken-content.h"
#include "baken-content-build.h"
#include "baken-csv.h"
#include "baken-hsds.h"
#include "hsds-test-util.h"

typedef struct
{
  GPtrArray  *errors;
  const char *dir;
  GHashTable *ids;      /* "resource\tid" set, for the foreign keys */
} Validation;

static void validation_error (Validation *v,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);

static void
validation_error (Validation *v,
                  const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (v->errors, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
matches (const char *pattern,
         const char *text)
{
  return g_regex_match_simple (pattern, text, 0, 0);
}

static gboolean
valid_date (const char *text)
{
  if (!matches ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text))
    return FALSE;
  return g_date_valid_dmy ((GDateDay) atoi (text + 8), (GDateMonth) atoi (text + 5),
                           (GDateYear) atoi (text));
}

static gboolean
valid_number (const char *text)
{
  char *end = NULL;

  errno = 0;
  g_ascii_strtod (text, &end);
  return errno == 0 && end != text && *end == '\0';
}

/* Checks one value against its field definition in the official schema. */
static void
check_value (Validation *v,
             const char *where,
             JsonObject *field,
             const char *text)
{
  const char *name = json_object_get_string_member (field, "name");
  const char *type = json_object_get_string_member_with_default (field, "type", "string");
  const char *format = json_object_get_string_member_with_default (field, "format", "default");
  JsonObject *constraints = json_object_has_member (field, "constraints")
                            ? json_object_get_object_member (field, "constraints") : NULL;
  gboolean ok = TRUE;

  if (strcmp (type, "number") == 0)
    ok = valid_number (text);
  else if (strcmp (type, "date") == 0)
    ok = valid_date (text);
  else if (strcmp (type, "time") == 0)
    ok = matches ("^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$", text);
  else if (strcmp (type, "datetime") == 0)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, utc);

      ok = parsed != NULL;
    }
  else if (strcmp (type, "string") != 0)
    g_error ("the schema has a type this validator does not know: %s", type);

  if (ok && strcmp (format, "uuid") == 0)
    ok = matches ("^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", text);
  else if (ok && strcmp (format, "email") == 0)
    ok = matches ("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", text);
  else if (ok && strcmp (format, "uri") == 0)
    ok = matches ("^[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]+$", text);
  else if (ok && strcmp (format, "default") != 0)
    g_error ("the schema has a format this validator does not know: %s", format);

  if (!ok)
    validation_error (v, "%s: %s \"%s\" is not a %s%s%s", where, name, text, type,
                      strcmp (format, "default") != 0 ? " of format " : "",
                      strcmp (format, "default") != 0 ? format : "");

  if (constraints != NULL && json_object_has_member (constraints, "enum"))
    {
      JsonArray *values = json_object_get_array_member (constraints, "enum");
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (values); i++)
        if (strcmp (json_array_get_string_element (values, i), text) == 0)
          found = TRUE;
      if (!found)
        validation_error (v, "%s: %s \"%s\" is not in its enum", where, name, text);
    }
}

typedef struct
{
  char      *resource;
  GPtrArray *header;
  GPtrArray *rows;   /* of GStrv */
} CsvTable;

static void
csv_table_free (CsvTable *t)
{
  g_free (t->resource);
  g_ptr_array_unref (t->header);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

static CsvTable *
read_csv (const char *path,
          const char *resource)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(BakenCsvReader) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CsvTable *t = g_new0 (CsvTable, 1);
  BakenCsvRead result;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  reader = baken_csv_reader_new (bytes);
  t->resource = g_strdup (resource);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while ((result = baken_csv_reader_read (reader, &error)) == BAKEN_CSV_READ_RECORD)
    {
      GPtrArray *fields = g_ptr_array_new ();

      for (guint i = 0; i < baken_csv_reader_get_n_fields (reader); i++)
        g_ptr_array_add (fields, g_strdup (baken_csv_reader_get_field (reader, i)));
      g_ptr_array_add (fields, NULL);
      if (t->header == NULL)
        {
          t->header = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < fields->len - 1; i++)
            g_ptr_array_add (t->header, g_ptr_array_index (fields, i));
          g_ptr_array_free (fields, TRUE);
        }
      else
        {
          g_ptr_array_add (t->rows, g_ptr_array_free (fields, FALSE));
        }
    }
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, BAKEN_CSV_READ_END);
  g_assert_nonnull (t->header);

  return t;
}

static JsonObject *
find_field (JsonArray  *fields,
            const char *name)
{
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);

      if (strcmp (json_object_get_string_member (field, "name"), name) == 0)
        return field;
    }

  return NULL;
}

static int
header_index (CsvTable   *t,
              const char *name)
{
  for (guint i = 0; i < t->header->len; i++)
    if (strcmp (g_ptr_array_index (t->header, i), name) == 0)
      return (int) i;

  return -1;
}

/* Validates the HSDS package in dir; returns the errors (empty: valid). */
static GPtrArray *
validate_hsds (const char *dir)
{
  g_autofree char *official_path = g_test_build_filename (G_TEST_DIST, "..", "src", "authoring",
                                                          "hsds", "datapackage.json", NULL);
  g_autofree char *package_path = g_build_filename (dir, "datapackage.json", NULL);
  g_autoptr(JsonParser) official_parser = json_parser_new ();
  g_autoptr(JsonParser) package_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) official = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_table_free);
  Validation v = { g_ptr_array_new_with_free_func (g_free), dir, ids };
  JsonArray *array;

  g_assert_true (json_parser_load_from_file (official_parser, official_path, &error));
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (official_parser)),
                                        "resources");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *resource = json_array_get_object_element (array, i);

      g_hash_table_insert (official, (gpointer) json_object_get_string_member (resource, "name"),
                           resource);
    }
  g_assert_cmpuint (g_hash_table_size (official), ==, 21);

  g_assert_true (json_parser_load_from_file (package_parser, package_path, &error));
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (package_parser)),
                                        "resources");
  g_assert_cmpuint (json_array_get_length (array), >, 0);

  /* Fields, required fields, values, primary keys. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *resource = json_array_get_object_element (array, i);
      const char *name = json_object_get_string_member (resource, "name");
      const char *path = json_object_get_string_member (resource, "path");
      JsonObject *definition = g_hash_table_lookup (official, name);
      g_autofree char *csv_path = g_build_filename (dir, path, NULL);
      JsonArray *fields;
      CsvTable *t;

      if (definition == NULL)
        {
          validation_error (&v, "resource %s is not an HSDS resource", name);
          continue;
        }
      if (strcmp (path, json_object_get_string_member (definition, "path")) != 0)
        validation_error (&v, "resource %s has path %s, not %s", name, path,
                          json_object_get_string_member (definition, "path"));
      fields = json_object_get_array_member (json_object_get_object_member (definition, "schema"),
                                             "fields");

      t = read_csv (csv_path, name);
      g_ptr_array_add (tables, t);

      for (guint c = 0; c < t->header->len; c++)
        if (find_field (fields, g_ptr_array_index (t->header, c)) == NULL)
          validation_error (&v, "%s: column %s is not a field of %s", path,
                            (const char *) g_ptr_array_index (t->header, c), name);

      for (guint f = 0; f < json_array_get_length (fields); f++)
        {
          JsonObject *field = json_array_get_object_element (fields, f);
          const char *field_name = json_object_get_string_member (field, "name");
          JsonObject *constraints = json_object_get_object_member (field, "constraints");
          gboolean required = json_object_get_boolean_member_with_default (constraints, "required", FALSE);
          gboolean unique = json_object_get_boolean_member_with_default (constraints, "unique", FALSE);
          int col = header_index (t, field_name);
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          if (col < 0)
            {
              if (required)
                validation_error (&v, "%s: required column %s is missing", path, field_name);
              continue;
            }

          for (guint r = 0; r < t->rows->len; r++)
            {
              const char *text = ((char **) g_ptr_array_index (t->rows, r))[col];
              g_autofree char *where = g_strdup_printf ("%s row %u", path, r + 1);

              if (*text == '\0')
                {
                  if (required)
                    validation_error (&v, "%s: required %s is empty", where, field_name);
                  continue;
                }
              check_value (&v, where, field, text);
              if (unique && !g_hash_table_add (seen, (gpointer) text))
                validation_error (&v, "%s: %s \"%s\" is not unique", where, field_name, text);
              if (strcmp (field_name, "id") == 0)
                g_hash_table_add (ids, g_strdup_printf ("%s\t%s", name, text));
            }
        }
    }

  /* Foreign keys. */
  for (guint i = 0; i < tables->len; i++)
    {
      CsvTable *t = g_ptr_array_index (tables, i);
      JsonObject *schema = json_object_get_object_member (g_hash_table_lookup (official, t->resource),
                                                          "schema");
      JsonArray *keys = json_object_has_member (schema, "foreignKeys")
                        ? json_object_get_array_member (schema, "foreignKeys") : NULL;

      for (guint k = 0; keys != NULL && k < json_array_get_length (keys); k++)
        {
          JsonObject *key = json_array_get_object_element (keys, k);
          const char *field = json_object_get_string_member (key, "fields");
          const char *target = json_object_get_string_member (json_object_get_object_member (key, "reference"),
                                                              "resource");
          int col = header_index (t, field);

          for (guint r = 0; col >= 0 && r < t->rows->len; r++)
            {
              const char *text = ((char **) g_ptr_array_index (t->rows, r))[col];
              g_autofree char *key_text = g_strdup_printf ("%s\t%s", target, text);

              if (*text != '\0' && !g_hash_table_contains (ids, key_text))
                validation_error (&v, "%s row %u: %s \"%s\" is not a %s", t->resource, r + 1,
                                  field, text, target);
            }
        }
    }

  return v.errors;
}

/* Export */

static char *
export (const char                   *src,
        const BakenHsdsExportOptions *options,
        GPtrArray                    *notes)
{
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  char *out = g_build_filename (tmp, "export", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (baken_hsds_export (src, out, options, notes, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  return out;
}

static void
test_uuid (void)
{
  g_autofree char *a = baken_hsds_uuid ("service", "svc-schuldhulp");
  g_autofree char *b = baken_hsds_uuid ("organization", "org-gemeente");
  g_autofree char *c = baken_hsds_uuid ("location", "svc-schuldhulp");

  /* Python: uuid.uuid5 (uuid.UUID (BAKEN_HSDS_NAMESPACE), "service/svc-schuldhulp") */
  g_assert_cmpstr (a, ==, "be2da6c1-2864-5c38-8525-9f6257c37c8a");
  g_assert_cmpstr (b, ==, "5204d325-0b2e-54d6-b3ce-8f622606af4c");
  g_assert_cmpstr (c, !=, a);
}

static void
test_export_valid (void)
{
  g_autofree char *src = hsds_test_data_dir ("build");
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = export (src, NULL, notes);
  g_autoptr(GPtrArray) errors = validate_hsds (out);
  g_autofree char *phones_path = g_build_filename (out, "phones.csv", NULL);
  g_autofree char *phones = NULL;
  g_autofree char *schedules_path = g_build_filename (out, "schedules.csv", NULL);
  g_autofree char *schedules = NULL;
  g_autofree char *dp_path = g_build_filename (out, "datapackage.json", NULL);
  g_autofree char *dp = NULL;
  g_autofree char *parent = g_path_get_dirname (out);

  for (guint i = 0; i < errors->len; i++)
    g_test_message ("invalid: %s", (const char *) g_ptr_array_index (errors, i));
  g_assert_cmpuint (errors->len, ==, 0);

  /* No staff number, 24:00 written as 00:00:00, the attribution kept. */
  g_assert_true (g_file_get_contents (phones_path, &phones, NULL, NULL));
  g_assert_nonnull (strstr (phones, "030 123 45 67"));
  g_assert_null (strstr (phones, "030 123 45 99"));
  g_assert_true (g_file_get_contents (schedules_path, &schedules, NULL, NULL));
  g_assert_nonnull (strstr (schedules, "08:30:00,00:00:00"));
  g_assert_nonnull (strstr (schedules, "WEEKLY"));
  g_assert_true (g_file_get_contents (dp_path, &dp, NULL, NULL));
  g_assert_nonnull (strstr (dp, "CC BY-SA 4.0"));
  g_assert_nonnull (strstr (dp, "Open Referral"));

  hsds_test_assert_note (notes, "phones.csv:3:", "staff only");
  hsds_test_assert_note (notes, "schedules.csv:2:", "hours of a phone");
  hsds_test_assert_note (notes, "channels.csv:2:", "chat");
  hsds_test_assert_note (notes, "channels.csv:5:", "email of service svc-bijstand");
  hsds_test_assert_note (notes, "translations.csv:", "one language");
  hsds_test_assert_note (notes, "schedule_exceptions.csv:", "not exported");
  hsds_test_assert_note (notes, "life_events.csv:", "not exported");
  hsds_test_assert_note (notes, "synonyms.csv:", "not exported");

  hsds_test_remove_tree (parent);
}

static void
test_export_include_staff (void)
{
  g_autofree char *src = hsds_test_data_dir ("build");
  BakenHsdsExportOptions options = { FALSE, TRUE };
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = export (src, &options, notes);
  g_autofree char *phones_path = g_build_filename (out, "phones.csv", NULL);
  g_autofree char *phones = NULL;
  g_autofree char *parent = g_path_get_dirname (out);

  g_assert_true (g_file_get_contents (phones_path, &phones, NULL, NULL));
  g_assert_nonnull (strstr (phones, "030 123 45 99"));
  hsds_test_assert_note (notes, "phones.csv:", "staff-only phones exported");
  hsds_test_remove_tree (parent);
}

/* The validator must be able to fail: our own ids are not UUIDs. */
static void
test_export_keep_ids_not_uuid (void)
{
  g_autofree char *src = hsds_test_data_dir ("build");
  BakenHsdsExportOptions options = { TRUE, FALSE };
  g_autofree char *out = export (src, &options, NULL);
  g_autoptr(GPtrArray) errors = validate_hsds (out);
  g_autofree char *parent = g_path_get_dirname (out);
  gboolean found = FALSE;

  for (guint i = 0; i < errors->len; i++)
    if (strstr (g_ptr_array_index (errors, i), "organizations.csv row 1: id \"org-gemeente\" "
                "is not a string of format uuid") != NULL)
      found = TRUE;
  g_assert_true (found);
  hsds_test_remove_tree (parent);
}

static void
test_export_refuses (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *src = g_build_filename (tmp, "src", NULL);
  g_autofree char *out = g_build_filename (tmp, "out", NULL);
  g_autofree char *good = hsds_test_data_dir ("build");
  g_autofree char *file = g_build_filename (tmp, "file", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  /* A source that does not build. */
  g_assert_cmpint (g_mkdir (src, 0755), ==, 0);
  hsds_test_write_text (src, "datapackage.json", "{}");
  g_assert_false (baken_hsds_export (src, out, NULL, NULL, problems, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE);
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "datapackage.json:"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* An output that exists. */
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  g_assert_false (baken_hsds_export (good, file, NULL, NULL, NULL, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE);

  hsds_test_remove_tree (tmp);
}

/* Round trip */

static const char *const comparisons[] = {
  "SELECT hsds_id ('organization', o.id), t.name, t.description, o.website, o.email "
  "FROM organization o JOIN organization_text t ON t.organization_id = o.id AND t.lang = 'nl' "
  "ORDER BY 1",
  "SELECT hsds_id ('service', s.id), hsds_id ('organization', s.organization_id), s.status, "
  "s.assured_date, t.name, t.description, t.what_to_expect, t.cost, t.eligibility, t.alert, "
  "s.minimum_age, s.maximum_age, t.fees, t.wait_time "
  "FROM service s JOIN service_text t ON t.service_id = s.id AND t.lang = 'nl' ORDER BY 1",
  /* The web address and e-mail of a service: a field of the service or a channel. */
  "SELECT hsds_id ('service', service_id), kind, value FROM channel "
  "WHERE kind IN ('website', 'email') AND audience = 'public' "
  "UNION SELECT hsds_id ('service', id), 'website', url FROM service WHERE url IS NOT NULL "
  "UNION SELECT hsds_id ('service', id), 'email', email FROM service WHERE email IS NOT NULL "
  "ORDER BY 1, 2",
  "SELECT hsds_id ('location', l.id), l.latitude, l.longitude, l.address_1, l.address_2, "
  "l.postal_code, l.city, t.name, t.description, t.transportation, t.accessibility "
  "FROM location l JOIN location_text t ON t.location_id = l.id AND t.lang = 'nl' ORDER BY 1",
  "SELECT hsds_id ('service_at_location', id), hsds_id ('service', service_id), "
  "hsds_id ('location', location_id) FROM service_at_location ORDER BY 1",
  "SELECT hsds_id ('phone', c.id), hsds_id ('service', c.service_id), c.value, "
  "hsds_id ('location', c.location_id), t.label FROM channel c "
  "LEFT JOIN channel_text t ON t.channel_id = c.id AND t.lang = 'nl' "
  "WHERE c.kind = 'phone' AND c.audience = 'public' ORDER BY 1",
  "SELECT hsds_id ('schedule', id), owner_kind, hsds_id (owner_kind, owner_id), days, opens, "
  "closes, valid_from, valid_to FROM schedule WHERE owner_kind != 'channel' ORDER BY 1",
  "SELECT hsds_id ('required_document', d.id), hsds_id ('service', d.service_id), d.position, "
  "t.document FROM required_document d JOIN required_document_text t "
  "ON t.required_document_id = d.id AND t.lang = 'nl' ORDER BY 1",
  "SELECT hsds_id ('service', service_id), code FROM service_language ORDER BY 1, 2",
};

static void
test_round_trip (gconstpointer data)
{
  gboolean keep_ids = GPOINTER_TO_INT (data);
  g_autofree char *src = hsds_test_data_dir ("build");
  BakenHsdsExportOptions options = { keep_ids, FALSE };
  g_autofree char *out = export (src, &options, NULL);
  g_autofree char *parent = g_path_get_dirname (out);
  g_autofree char *imported = g_build_filename (parent, "imported", NULL);
  g_autofree char *original_copy = g_build_filename (parent, "original", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *menu = NULL;
  g_autofree char *expected_menu = NULL;
  g_autofree char *first_service = NULL;
  sqlite3 *original, *round;

  g_assert_true (baken_hsds_import (out, imported, NULL, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->warnings->len, ==, 0);
  g_assert_cmpuint (report->errors->len, ==, 0);
  /* Everything in the export is kept: the only notes are about the output. */
  for (guint i = 0; i < report->notes->len; i++)
    {
      const char *note = g_ptr_array_index (report->notes, i);

      g_assert_null (strstr (note, "dropped"));
      g_assert_null (strstr (note, "not kept"));
    }

  /* Build the original from a copy, so that the DB is written outside the source tree. */
  hsds_test_copy_tree (src, original_copy);

  original = hsds_test_build_and_open (original_copy, !keep_ids);
  round = hsds_test_build_and_open (imported, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
    {
      g_autofree char *a = hsds_test_query (original, comparisons[i]);
      g_autofree char *b = hsds_test_query (round, comparisons[i]);

      g_test_message ("comparing: %s", comparisons[i]);
      g_assert_cmpstr (a, !=, "");
      g_assert_cmpstr (b, ==, a);
    }

  /* No staff number; one life event with every service, in order. */
  staff = hsds_test_query (round, "SELECT count(*) FROM channel WHERE value = '030 123 45 99'");
  g_assert_cmpstr (staff, ==, "0\n");
  menu = hsds_test_query (round, "SELECT e.icon, t.title, count(*) FROM life_event e "
                          "JOIN life_event_text t ON t.life_event_id = e.id AND t.lang = 'nl' "
                          "JOIN life_event_service s ON s.life_event_id = e.id GROUP BY e.id");
  g_assert_cmpstr (menu, ==, "alle-diensten|Alle diensten|4\n");
  first_service = keep_ids ? g_strdup ("svc-schuldhulp")
                           : baken_hsds_uuid ("service", "svc-schuldhulp");
  expected_menu = g_strdup_printf ("%s\n", first_service);
  g_clear_pointer (&menu, g_free);
  menu = hsds_test_query (round, "SELECT service_id FROM life_event_service WHERE position = 1");
  g_assert_cmpstr (menu, ==, expected_menu);

  sqlite3_close (original);
  sqlite3_close (round);
  hsds_test_remove_tree (parent);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/hsds/uuid", test_uuid);
  g_test_add_func ("/core/hsds/export/valid", test_export_valid);
  g_test_add_func ("/core/hsds/export/include-staff", test_export_include_staff);
  g_test_add_func ("/core/hsds/export/keep-ids-not-uuid", test_export_keep_ids_not_uuid);
  g_test_add_func ("/core/hsds/export/refuses", test_export_refuses);
  g_test_add_data_func ("/core/hsds/round-trip/uuid", GINT_TO_POINTER (FALSE), test_round_trip);
  g_test_add_data_func ("/core/hsds/round-trip/keep-ids", GINT_TO_POINTER (TRUE), test_round_trip);

  return g_test_run ();
}
