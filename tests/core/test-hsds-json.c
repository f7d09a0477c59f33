/* test-hsds-json.c: tests for baken-bundle import-hsds of HSDS 3.0 JSON (baken-hsds.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/hsds/api/ is a small social map as an HSDS 3.0 API answers it: two pages of
 * /services (the first lists one service without its nested objects, which is read from
 * /services/ID) with organisations, services at locations, locations, phones, schedules
 * and taxonomy terms nested. tests/data/hsds/api-server.py serves it on 127.0.0.1, and
 * misbehaves when told: a page that never comes, an endless page, a redirect to http.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "baken-hsds.h"
#include "hsds-test-util.h"
#include "test-util.h"

typedef struct
{
  GSubprocess *server;
  char        *url;
  char        *tmp;
  char        *out;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *mode = data;

  f->tmp = g_dir_make_tmp ("hsds-json-XXXXXX", NULL);
  f->out = g_build_filename (f->tmp, "content", NULL);
  if (mode != NULL)
    f->server = hsds_test_api_start ("api", mode, &f->url);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hsds_test_api_stop (g_steal_pointer (&f->server));
  hsds_test_remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->out);
  g_free (f->url);
}

static gboolean
import_url (Fixture                *f,
            guint                   timeout_s,
            BakenHsdsImportReport  *report,
            GError                **error)
{
  BakenHsdsImportOptions options = { FALSE, f->url, timeout_s };

  return baken_hsds_import (NULL, f->out, &options, report, error);
}

/* Two pages and a service read whole: every nested record, each organisation once. */
static void
test_api_paged (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *services = NULL;
  g_autofree char *places = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *hours = NULL;
  static const char *const warnings[] = {
    "services?page=2:31:25: latitude 95 is not between -90 and 90; dropped it and longitude "
    "5.12, the location is kept without them",
    NULL
  };
  sqlite3 *db;

  g_assert_true (import_url (f, 60, report, &error));
  g_assert_no_error (error);
  hsds_test_assert_lines (report->warnings, warnings);
  g_assert_cmpuint (report->errors->len, ==, 0);
  g_assert_cmpuint (report->n_services, ==, 3);
  hsds_test_assert_note (report->notes, "services: read 3 services from 2 pages",
                         "(3 requests");

  db = hsds_test_build_and_open (f->out, FALSE);
  services = hsds_test_query (db, "SELECT s.id, s.organization_id, t.name FROM service s "
                              "JOIN service_text t ON t.service_id = s.id ORDER BY s.id");
  g_assert_cmpstr (services, ==,
                   "svc-huurteam|org-huurteam|Huurteam\n"
                   "svc-jongerenloket|org-gemeente|Jongerenloket\n"
                   "svc-schuldhulp|org-gemeente|Schuldhulp\n");
  /* Who it is for, what it costs, the wait. */
  facts = hsds_test_query (db, "SELECT s.id, s.minimum_age, s.maximum_age, t.fees, t.wait_time "
                           "FROM service s JOIN service_text t ON t.service_id = s.id "
                           "ORDER BY s.id");
  g_assert_cmpstr (facts, ==,
                   "svc-huurteam|NULL|NULL|gratis|NULL\n"
                   "svc-jongerenloket|16|27|NULL|NULL\n"
                   "svc-schuldhulp|18|NULL|gratis|ongeveer 2 weken\n");
  places = hsds_test_query (db, "SELECT a.id, a.service_id, a.location_id, l.latitude, l.city "
                            "FROM service_at_location a JOIN location l ON l.id = a.location_id "
                            "ORDER BY a.id");
  g_assert_cmpstr (places, ==,
                   "sal-jongeren-bieb|svc-jongerenloket|loc-bibliotheek|NULL|NULL\n"
                   "sal-schuldhulp-stadhuis|svc-schuldhulp|loc-stadhuis|52.0907|Voorbeeldstad\n");
  channels = hsds_test_query (db, "SELECT id, service_id, kind, value FROM channel ORDER BY id");
  g_assert_cmpstr (channels, ==,
                   "ph-huurteam|svc-huurteam|phone|030 765 43 21\n"
                   "ph-jongeren|svc-jongerenloket|phone|030 111 22 33\n"
                   "ph-schuldhulp|svc-schuldhulp|phone|030 123 45 67\n");
  hours = hsds_test_query (db, "SELECT id, owner_kind, owner_id, days, opens, closes "
                           "FROM schedule ORDER BY id");
  g_assert_cmpstr (hours, ==,
                   "sch-schuldhulp-inloop|service_at_location|sal-schuldhulp-stadhuis|2|540|720\n"
                   "sch-schuldhulp-telefoon|service|svc-schuldhulp|31|540|1020\n");
  sqlite3_close (db);
}

/* An API that never sends page 2: the import's deadline ends it, nothing is written. */
static void
test_api_stall (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  guint timeout_s = (guint) baken_test_scale_seconds (2);

  g_assert_false (import_url (f, timeout_s, report, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH);
  g_assert_nonnull (strstr (error->message, "services?page=2: the import took longer than"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

static void
test_api_huge (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (import_url (f, 600, report, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH);
  g_assert_nonnull (strstr (error->message, "services?page=1: the answer is larger than 16 MiB"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

static void
test_api_redirect (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (import_url (f, 60, report, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH);
  g_assert_nonnull (strstr (error->message, "redirects to http://example.invalid/"));
}

static void
test_api_refuses_plain_http (void)
{
  BakenHsdsImportOptions options = { FALSE, "http://sociale-kaart.example/api", 5 };
  g_autoptr(GError) error = NULL;

  g_assert_false (baken_hsds_import (NULL, "/nonexistent/out", &options, NULL, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH);
  g_assert_nonnull (strstr (error->message, "plain http is not allowed"));
}

/* One service as /services/{id} answers it, as a file. */
static void
test_file_single_service (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hsds", "api",
                                                 "service-svc-huurteam.json", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  sqlite3 *db;

  g_assert_true (baken_hsds_import (path, f->out, NULL, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->warnings->len, ==, 0);
  g_assert_cmpuint (report->errors->len, ==, 0);

  db = hsds_test_build_and_open (f->out, FALSE);
  rows = hsds_test_query (db, "SELECT s.id, o.id, c.value FROM service s "
                          "JOIN organization o ON o.id = s.organization_id "
                          "JOIN channel c ON c.service_id = s.id");
  g_assert_cmpstr (rows, ==, "svc-huurteam|org-huurteam|030 765 43 21\n");
  sqlite3_close (db);
}

/* A folder of JSON files, one of them a plain list, with what is not valid HSDS
 * structure: each thing that is wrong is said where it is, the rest is read. */
static void
test_folder_structure (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->tmp, "json", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  static const char *const warnings[] = {
    "a-list.json:6:15: phones is not a list of objects; dropped it",
    "a-list.json:7:18: schedules: item 1 is not an object (a schedule); dropped it",
    "a-list.json:8:20: minimum_age is a list, not a number; dropped it",
    NULL
  };
  static const char *const errors[] = {
    "a-list.json:10:11: id \"svc-a\" is already used at a-list.json:2; ids must be unique; "
    "the service is left out",
    "b-broken.json:1:9: this is not valid JSON (Parse error: unexpected character `}', "
    "expected character `}'); its records are not read",
    NULL
  };
  sqlite3 *db;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  hsds_test_write_text (folder, "a-list.json",
                        "[\n"
                        "  { \"id\": \"svc-a\", \"name\": \"Dienst A\", \"status\": \"active\",\n"
                        "    \"organization\": { \"id\": \"org-a\", \"name\": \"Organisatie A\",\n"
                        "                      \"description\": \"Een organisatie.\" },\n"
                        "    \"extra\": { \"x\": 1 },\n"
                        "    \"phones\": \"030 123 45 67\",\n"
                        "    \"schedules\": [ 12 ],\n"
                        "    \"minimum_age\": [ 18 ]\n"
                        "  },\n"
                        "  { \"id\": \"svc-a\", \"name\": \"Dienst A2\", \"status\": \"active\",\n"
                        "    \"organization_id\": \"org-a\" }\n"
                        "]\n");
  hsds_test_write_text (folder, "b-broken.json", "{ \"id\": }\n");
  hsds_test_write_text (folder, "c-single.json",
                        "{ \"id\": \"svc-c\", \"name\": \"Dienst C\", \"status\": \"active\",\n"
                        "  \"organization_id\": \"org-a\" }\n");

  g_assert_true (baken_hsds_import (folder, f->out, NULL, report, &error));
  g_assert_no_error (error);
  hsds_test_assert_lines (report->warnings, warnings);
  hsds_test_assert_lines (report->errors, errors);
  hsds_test_assert_note (report->notes, "a-list.json: member extra of service objects",
                         "not HSDS");

  db = hsds_test_build_and_open (f->out, FALSE);
  rows = hsds_test_query (db, "SELECT id, organization_id FROM service ORDER BY id");
  g_assert_cmpstr (rows, ==, "svc-a|org-a\nsvc-c|org-a\n");
  sqlite3_close (db);
}

/* A JSON file nested 100,000 deep is refused by the bounded reader, not a crash. */
static void
test_file_deep (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmp, "deep.json", NULL);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"id\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_true (g_file_set_contents (path, deep->str, -1, NULL));
  g_assert_false (baken_hsds_import (path, f->out, NULL, report, &error));
  g_assert_cmpuint (report->errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->errors, 0), "nest deeper than 64"));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The isolated dirs have no GSettings schemas for GNOME's proxy settings. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

#define ADD(path, mode, func) \
  g_test_add (path, Fixture, mode, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/hsds/json/api-paged", "normal", test_api_paged);
  ADD ("/core/hsds/json/api-stall", "stall", test_api_stall);
  ADD ("/core/hsds/json/api-huge", "huge", test_api_huge);
  ADD ("/core/hsds/json/api-redirect", "redirect", test_api_redirect);
  ADD ("/core/hsds/json/file-single-service", NULL, test_file_single_service);
  ADD ("/core/hsds/json/folder-structure", NULL, test_folder_structure);
  ADD ("/core/hsds/json/file-deep", NULL, test_file_deep);
#undef ADD
  g_test_add_func ("/core/hsds/json/api-refuses-plain-http", test_api_refuses_plain_http);

  return g_test_run ();
}
