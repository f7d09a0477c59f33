/* test-hsds-import.c: tests for baken-bundle import-hsds of tabular packages (baken-hsds.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/hsds/ has a hand-written package (sample/), one with a broken reference
 * (broken/) and Open Referral's official example package (examples-3.0/, CC BY-SA 4.0,
 * see its README.md), which is not clean: import takes it unedited, and says what it
 * dropped. --strict refuses what the tolerant import drops or leaves out.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "baken-hsds.h"
#include "hsds-test-util.h"

static char *
package_dir (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "hsds", name, NULL);
}

static gboolean
import (const char             *path,
        const char             *out,
        gboolean                strict,
        BakenHsdsImportReport  *report,
        GError                **error)
{
  BakenHsdsImportOptions options = { strict };

  return baken_hsds_import (path, out, &options, report, error);
}

static void
assert_empty_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_import_sample (void)
{
  g_autofree char *path = package_dir ("sample");
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *phones = NULL;
  g_autofree char *meta = NULL;
  GPtrArray *notes = report->notes;
  sqlite3 *db;

  g_assert_true (import (path, out, FALSE, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->warnings->len, ==, 0);
  g_assert_cmpuint (report->errors->len, ==, 0);

  hsds_test_assert_note (notes, "schedules.csv:4: dropped:", "freq MONTHLY");
  hsds_test_assert_note (notes, "schedules.csv:5: dropped:", "interval 2");
  hsds_test_assert_note (notes, "schedules.csv:6: dropped:", "no opens_at and closes_at");
  hsds_test_assert_note (notes, "programs.csv:", "dropped all 1 row:");
  hsds_test_assert_note (notes, "contacts.csv:", "dropped all 1 row:");
  hsds_test_assert_note (notes, "phones.csv:3: dropped:", "not tied to a service");
  hsds_test_assert_note (notes, "organizations.csv:", "field tax_id not kept");

  db = hsds_test_build_and_open (out, FALSE);
  /* 09:00:00+01:00 → 09:00; a closing 00:00 is midnight at the end of the day. */
  hours = hsds_test_query (db, "SELECT id, owner_kind, owner_id, days, opens, closes "
                           "FROM schedule ORDER BY id");
  g_assert_cmpstr (hours, ==,
                   "sch-avond|service_at_location|sal-formulieren-linde|8|1140|1440\n"
                   "sch-week|service_at_location|sal-formulieren-linde|5|540|750\n");
  /* The phone of the service at location belongs to its service, at its location. */
  phones = hsds_test_query (db, "SELECT id, service_id, kind, value, location_id FROM channel "
                            "ORDER BY id");
  g_assert_cmpstr (phones, ==,
                   "ph-balie|svc-formulieren|phone|030 765 43 21|loc-buurthuis\n"
                   "svc-formulieren-email|svc-formulieren|email|formulieren@buurtwerk.example|NULL\n");
  meta = hsds_test_query (db, "SELECT key, value FROM meta WHERE key IN ('publisher', 'region') "
                          "ORDER BY key");
  g_assert_cmpstr (meta, ==, "publisher|Gemeente Voorbeeldstad\nregion|Utrecht\n");
  sqlite3_close (db);

  hsds_test_remove_tree (tmp);
}

/* A service of an organisation that is not there: left out, the rest imported. */
static void
test_import_broken (void)
{
  g_autofree char *path = package_dir ("broken");
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *services = NULL;
  static const char *const errors[] = {
    "services.csv:3:2: organization_id \"org-b\" is not an id in organizations.csv; the "
    "service is left out",
    NULL
  };
  sqlite3 *db;

  g_assert_true (import (path, out, FALSE, report, &error));
  g_assert_no_error (error);
  hsds_test_assert_lines (report->errors, errors);
  g_assert_cmpuint (report->warnings->len, ==, 0);
  g_assert_cmpuint (report->n_services, ==, 1);

  db = hsds_test_build_and_open (out, FALSE);
  services = hsds_test_query (db, "SELECT id FROM service ORDER BY id");
  g_assert_cmpstr (services, ==, "svc-a\n");
  sqlite3_close (db);
  hsds_test_remove_tree (tmp);
}

static void
test_import_broken_strict (void)
{
  g_autofree char *path = package_dir ("broken");
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  static const char *const problems[] = {
    "services.csv:3:2: organization_id \"org-b\" is not an id in organizations.csv",
    NULL
  };

  g_assert_false (import (path, out, TRUE, report, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE);
  hsds_test_assert_lines (report->problems, problems);

  /* Nothing written, not even the temporary folder. */
  assert_empty_dir (tmp);
  hsds_test_remove_tree (tmp);
}

/* Another organisation's export nested 100,000 deep: a problem, not a crash. */
static void
test_import_deep_json (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "hsds", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"resources\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  hsds_test_write_text (path, "datapackage.json", deep->str);
  g_assert_false (import (path, out, FALSE, report, &error));
  g_assert_cmpuint (report->problems->len, >=, 1);
  g_test_message ("%s", (char *) g_ptr_array_index (report->problems, 0));
  g_assert_nonnull (strstr (g_ptr_array_index (report->problems, 0),
                            "nest deeper than 64 levels"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  hsds_test_remove_tree (tmp);
}

/* A required field empty, a required value not in its enum, an optional date that is not
 * a date: strict stops at all three, tolerant leaves two records out and drops the date. */
static void
write_invalid (const char *path)
{
  hsds_test_write_text (path, "organizations.csv",
                        "id,name,description\n"
                        "org-a,Organisatie A,\n"
                        "org-b,Organisatie B,Een organisatie.\n");
  hsds_test_write_text (path, "services.csv",
                        "id,organization_id,name,status,assured_date\n"
                        "svc-a,org-b,Dienst A,open,2025-02-30\n"
                        "svc-b,org-b,Dienst B,active,2025-02-30\n"
                        "svc-c,org-a,Dienst C,active,\n");
}

static void
test_import_invalid_strict (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "hsds", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  static const char *const problems[] = {
    "organizations.csv:2:3: description is empty; HSDS requires it",
    "services.csv:2:4: status \"open\" is not one of the values HSDS allows: active, "
    "inactive, defunct, temporarily closed",
    "services.csv:3:5: assured_date \"2025-02-30\" is not a date (YYYY-MM-DD)",
    "services.csv:4:2: organization_id \"org-a\": that organisation (organizations.csv:2) has "
    "errors",
    NULL
  };

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  write_invalid (path);
  g_assert_false (import (path, out, TRUE, report, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE);
  hsds_test_assert_lines (report->problems, problems);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  hsds_test_remove_tree (tmp);
}

static void
test_import_invalid (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "hsds", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *services = NULL;
  static const char *const errors[] = {
    "organizations.csv:2:3: description is empty; HSDS requires it; the organisation is left "
    "out",
    "services.csv:2:4: status \"open\" is not one of the values HSDS allows: active, "
    "inactive, defunct, temporarily closed; the service is left out",
    "services.csv:4:2: organization_id \"org-a\": that organisation (organizations.csv:2) is "
    "left out; the service is left out",
    NULL
  };
  static const char *const warnings[] = {
    "services.csv:3:5: assured_date \"2025-02-30\" is not a date (YYYY-MM-DD); dropped it, "
    "the service is kept without it",
    NULL
  };
  sqlite3 *db;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  write_invalid (path);
  g_assert_true (import (path, out, FALSE, report, &error));
  g_assert_no_error (error);
  hsds_test_assert_lines (report->errors, errors);
  hsds_test_assert_lines (report->warnings, warnings);

  db = hsds_test_build_and_open (out, FALSE);
  services = hsds_test_query (db, "SELECT id, organization_id, assured_date FROM service");
  g_assert_cmpstr (services, ==, "svc-b|org-b|NULL\n");
  sqlite3_close (db);
  hsds_test_remove_tree (tmp);
}

/* Valid HSDS, but an id Baken cannot take: reported at the HSDS field. */
static void
test_import_baken_refuses (gconstpointer data)
{
  gboolean strict = GPOINTER_TO_INT (data);
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "hsds", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *said;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  hsds_test_write_text (path, "organizations.csv", "id,name,description\n"
                                                   "org-a,Organisatie A,Een organisatie.\n");
  hsds_test_write_text (path, "services.csv", "id,organization_id,name,status\n"
                                              "svc a,org-a,Dienst A,active\n"
                                              "svc-b,org-a,Dienst B,active\n");
  g_assert_true (import (path, out, strict, report, &error) == !strict);
  said = strict ? report->problems : report->errors;
  g_assert_cmpuint (said->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (said, 0), "services.csv:2:1: id \"svc a\""));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (said, 0),
                                   strict ? "(Baken cannot take this value)"
                                          : "(Baken cannot take this value); the service is "
                                            "left out"));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS) == !strict);
  if (strict)
    g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE);
  else
    g_assert_cmpuint (report->n_services, ==, 1);

  hsds_test_remove_tree (tmp);
}

/* When every service is left out there is nothing to import. */
static void
test_import_nothing_left (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmp, "hsds", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;

  /* An empty folder may be the output; it stays empty. */
  g_assert_cmpint (g_mkdir (out, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  hsds_test_write_text (path, "organizations.csv", "id,name,description\n"
                                                   "org-a,Organisatie A,Een organisatie.\n");
  hsds_test_write_text (path, "services.csv", "id,organization_id,name\n"
                                              "svc-a,org-a,Dienst A\n");
  g_assert_false (import (path, out, FALSE, report, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE);
  g_assert_cmpstr (g_ptr_array_index (report->errors, 0), ==,
                   "services.csv:1:4: column status is missing; HSDS requires it in "
                   "services.csv, so none of its 1 row can be read; the record is left out");
  g_assert_cmpstr (g_ptr_array_index (report->problems, 0), ==,
                   "services.csv:1:1: none of the 1 services could be imported (see the "
                   "errors above)");
  assert_empty_dir (out);
  hsds_test_remove_tree (tmp);
}

/* Open Referral's own example, unedited: a location names an organisation that is not
 * there, and has a latitude of 100. */
static void
test_import_official_example (void)
{
  g_autofree char *path = package_dir ("examples-3.0");
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *service = NULL;
  static const char *const warnings[] = {
    "locations.csv:2:4: organization_id \"985e4a42-bd9f-4edc-911d-0243a4640aca\" is not an "
    "id in organizations.csv; dropped it, the location is kept without it",
    "locations.csv:2:9: latitude 100 is not between -90 and 90; dropped it and longitude "
    "101, the location is kept without them",
    NULL
  };
  sqlite3 *db;

  g_assert_true (import (path, out, FALSE, report, &error));
  g_assert_no_error (error);
  hsds_test_assert_lines (report->warnings, warnings);
  g_assert_cmpuint (report->errors->len, ==, 0);
  g_assert_cmpuint (report->n_services, ==, 1);
  hsds_test_assert_note (report->notes, "schedules.csv:2: dropped:", "bymonthday");

  db = hsds_test_build_and_open (out, FALSE);
  /* Its address is a postal one: the location has no street address. */
  location = hsds_test_query (db, "SELECT l.id, l.latitude, l.longitude, l.city, t.name "
                              "FROM location l JOIN location_text t ON t.location_id = l.id");
  g_assert_cmpstr (location, ==, "3a19ff88-4620-4d17-9830-ac1d859eb5d5|NULL|NULL|NULL|"
                                  "MyCity Civic Center\n");
  service = hsds_test_query (db, "SELECT s.id, s.organization_id, t.name FROM service s "
                             "JOIN service_text t ON t.service_id = s.id");
  g_assert_cmpstr (service, ==, "ac148810-d857-441c-9679-408f346de14b|"
                                "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610|Community Counselling\n");
  sqlite3_close (db);
  hsds_test_remove_tree (tmp);
}

static void
test_import_official_example_strict (void)
{
  g_autofree char *path = package_dir ("examples-3.0");
  g_autofree char *tmp = g_dir_make_tmp ("hsds-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "content", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  static const char *const problems[] = {
    "locations.csv:2:4: organization_id \"985e4a42-bd9f-4edc-911d-0243a4640aca\" is not an "
    "id in organizations.csv",
    "locations.csv:2:9: latitude 100 is not between -90 and 90",
    NULL
  };

  g_assert_false (import (path, out, TRUE, report, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE);
  hsds_test_assert_lines (report->problems, problems);
  assert_empty_dir (tmp);
  hsds_test_remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/hsds/import/sample", test_import_sample);
  g_test_add_func ("/core/hsds/import/broken-reference", test_import_broken);
  g_test_add_func ("/core/hsds/import/broken-reference-strict", test_import_broken_strict);
  g_test_add_func ("/core/hsds/import/invalid", test_import_invalid);
  g_test_add_func ("/core/hsds/import/invalid-strict", test_import_invalid_strict);
  g_test_add_data_func ("/core/hsds/import/baken-refuses", GINT_TO_POINTER (FALSE),
                        test_import_baken_refuses);
  g_test_add_data_func ("/core/hsds/import/baken-refuses-strict", GINT_TO_POINTER (TRUE),
                        test_import_baken_refuses);
  g_test_add_func ("/core/hsds/import/nothing-left", test_import_nothing_left);
  g_test_add_func ("/core/hsds/import/deep-json", test_import_deep_json);
  g_test_add_func ("/core/hsds/import/official-example", test_import_official_example);
  g_test_add_func ("/core/hsds/import/official-example-strict",
                   test_import_official_example_strict);

  return g_test_run ();
}
