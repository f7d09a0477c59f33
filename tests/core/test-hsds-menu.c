/* test-hsds-menu.c: tests for the menu import-hsds builds from a social map's taxonomy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/hsds/menu/ is an editor's menu: four life events (one a situation under
 * another), taxonomy_menu.csv mapping the taxonomy terms of tests/data/hsds/api/ to them
 * (by code and by id), synonyms and translations. The API is served by api-server.py.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "baken-content-source.h"
#include "baken-hsds.h"
#include "hsds-test-util.h"

typedef struct
{
  GSubprocess *server;
  char        *url;
  char        *tmp;
  char        *menu;
  char        *out;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tmp = g_dir_make_tmp ("hsds-menu-XXXXXX", NULL);
  f->menu = g_build_filename (f->tmp, "menu", NULL);
  f->out = g_build_filename (f->tmp, "content", NULL);
  hsds_test_copy_menu (f->menu);
  f->server = hsds_test_api_start ("api", "normal", &f->url);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hsds_test_api_stop (g_steal_pointer (&f->server));
  hsds_test_remove_tree (f->tmp);
  g_free (f->tmp);
  g_free (f->menu);
  g_free (f->out);
  g_free (f->url);
}

/* The paged API's taxonomy becomes the menu. */
static void
test_menu_from_api (Fixture       *f,
                    gconstpointer  data)
{
  BakenHsdsImportOptions options = { FALSE, f->url, 60, f->menu };
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *links = NULL;
  g_autofree char *events = NULL;
  g_autofree char *synonyms = NULL;
  g_autofree char *english = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *mapping_path = g_build_filename (f->out, "taxonomy_menu.csv", NULL);
  g_autofree char *mapping = NULL;
  static const char *const unplaced[] = {
    "svc-jongerenloket: Jongerenloket (JONG-01 Jongeren)",
    NULL
  };
  sqlite3 *db;

  g_assert_true (baken_hsds_import (NULL, f->out, &options, report, &error));
  g_assert_no_error (error);
  hsds_test_assert_lines (report->unplaced, unplaced);
  hsds_test_assert_note (report->menu_notes, "life_events.csv:5: le-werk lists no service",
                         "left out of the menu");

  db = hsds_test_build_and_open (f->out, FALSE);
  /* GELD-01 by its code to a situation, tt-huur by its id to a life event. */
  links = hsds_test_query (db, "SELECT life_event_id, service_id, position "
                           "FROM life_event_service ORDER BY 1, 2");
  g_assert_cmpstr (links, ==, "le-geld-schulden|svc-schuldhulp|1\n"
                              "le-wonen|svc-huurteam|1\n");
  /* le-werk has no service this time: out of the menu, with its synonym. */
  events = hsds_test_query (db, "SELECT id, parent_id, icon FROM life_event ORDER BY id");
  g_assert_cmpstr (events, ==, "le-geld|NULL|geld\n"
                               "le-geld-schulden|le-geld|NULL\n"
                               "le-wonen|NULL|wonen\n");
  synonyms = hsds_test_query (db, "SELECT term, life_event_id FROM synonym ORDER BY term");
  g_assert_cmpstr (synonyms, ==, "deurwaarder|le-geld\nhuurbaas|le-wonen\n");
  english = hsds_test_query (db, "SELECT title FROM life_event_text WHERE lang = 'en'");
  g_assert_cmpstr (english, ==, "Money worries and debts\n");
  meta = hsds_test_query (db, "SELECT key, value FROM meta WHERE key IN ('publisher', 'region') "
                          "ORDER BY key");
  g_assert_cmpstr (meta, ==, "publisher|Gemeente Voorbeeldstad\nregion|Voorbeeldstad\n");
  sqlite3_close (db);

  /* The mapping stays in the content source, le-werk and all, for the next import. */
  g_assert_true (g_file_get_contents (mapping_path, &mapping, NULL, NULL));
  g_assert_cmpstr (mapping, ==, "term,life_event_id,situation_id\n"
                                "GELD-01,le-geld,le-geld-schulden\n"
                                "tt-huur,le-wonen,\n"
                                "WERK-01,le-werk,\n");
}

/* Without a menu: "Alle diensten", and the terms to map are named. */
static void
test_terms_noted (Fixture       *f,
                  gconstpointer  data)
{
  BakenHsdsImportOptions options = { FALSE, f->url, 60, NULL };
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (baken_hsds_import (NULL, f->out, &options, report, &error));
  g_assert_no_error (error);
  hsds_test_assert_note (report->notes, "taxonomy: the services have 3 taxonomy terms: ",
                         "GELD-01 Schulden (1 service); WONEN-02 Huur en reparaties (1 service); "
                         "JONG-01 Jongeren (1 service)");
  g_assert_cmpuint (report->unplaced->len, ==, 0);
}

/* A mapping to a broader term reaches the services of its narrower terms. */
static void
test_broader_term (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmp, "hsds", NULL);
  BakenHsdsImportOptions options = { FALSE, NULL, 0, f->menu };
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *links = NULL;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  hsds_test_write_text (path, "organizations.csv", "id,name,description\n"
                                                   "org-a,Organisatie A,Een organisatie.\n");
  hsds_test_write_text (path, "services.csv", "id,organization_id,name,status\n"
                                              "svc-a,org-a,Dienst A,active\n"
                                              "svc-b,org-a,Dienst B,active\n");
  hsds_test_write_text (path, "taxonomy_terms.csv",
                        "id,code,name,description,parent_id\n"
                        "tt-geld,GELD,Geld,Geld,\n"
                        "tt-schulden,GELD-01,Schulden,Schulden,tt-geld\n"
                        "tt-wonen,WONEN,Wonen,Wonen,\n"
                        "tt-huur,WONEN-02,Huur,Huur,tt-wonen\n");
  hsds_test_write_text (path, "attributes.csv",
                        "id,link_id,link_entity,taxonomy_term_id\n"
                        "at-1,svc-a,service,tt-huur\n"
                        "at-2,svc-b,service,tt-schulden\n");
  hsds_test_write_text (f->menu, "taxonomy_menu.csv",
                        "term,life_event_id,situation_id\n"
                        "wonen,le-wonen,\n"
                        "GELD-01,le-geld,le-geld-schulden\n");

  g_assert_true (baken_hsds_import (path, f->out, &options, report, &error));
  g_assert_no_error (error);
  db = hsds_test_build_and_open (f->out, FALSE);
  links = hsds_test_query (db, "SELECT life_event_id, service_id FROM life_event_service "
                           "ORDER BY 1");
  g_assert_cmpstr (links, ==, "le-geld-schulden|svc-b\nle-wonen|svc-a\n");
  sqlite3_close (db);
}

/* The content source's own check: a situation must be under its life event. */
static void
test_situation_checked (Fixture       *f,
                        gconstpointer  data)
{
  BakenHsdsImportOptions options = { FALSE, f->url, 60, f->menu };
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenContentSource) src = NULL;
  GPtrArray *problems;
  gboolean found = FALSE;

  g_assert_true (baken_hsds_import (NULL, f->out, &options, report, &error));
  g_assert_no_error (error);
  hsds_test_write_text (f->out, "taxonomy_menu.csv",
                        "term,life_event_id,situation_id\n"
                        "GELD-01,le-wonen,le-geld-schulden\n");
  src = baken_content_source_load (f->out, &error);
  g_assert_no_error (error);
  problems = baken_content_source_get_problems (src);
  for (guint i = 0; i < problems->len; i++)
    found |= g_str_has_prefix (g_ptr_array_index (problems, i),
                               "taxonomy_menu.csv:2:3: situation_id \"le-geld-schulden\" is not "
                               "a life event under \"le-wonen\"");
  g_assert_true (found);
}

/* A menu without taxonomy_menu.csv cannot be filled. */
static void
test_menu_missing_mapping (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *mapping = g_build_filename (f->menu, "taxonomy_menu.csv", NULL);
  BakenHsdsImportOptions options = { FALSE, f->url, 60, f->menu };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("%s/taxonomy_menu.csv:1:1: the file is missing",
                                               f->menu);

  g_assert_cmpint (g_unlink (mapping), ==, 0);
  g_assert_false (baken_hsds_import (NULL, f->out, &options, NULL, &error));
  g_assert_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The isolated dirs have no GSettings schemas for GNOME's proxy settings. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/hsds/menu/from-api", test_menu_from_api);
  ADD ("/core/hsds/menu/terms-noted", test_terms_noted);
  ADD ("/core/hsds/menu/broader-term", test_broader_term);
  ADD ("/core/hsds/menu/situation-checked", test_situation_checked);
  ADD ("/core/hsds/menu/missing-mapping", test_menu_missing_mapping);
#undef ADD

  return g_test_run ();
}
