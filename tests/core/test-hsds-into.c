/* test-hsds-into.c: a weekly re-import (import-hsds --into) and its review (baken-diff.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Week 1 (tests/data/hsds/api) is imported into the editor's menu (tests/data/hsds/menu);
 * the editor then adds what Baken has on top: a handover text, a staff-only number, a
 * translation, a service placed by hand with a note, other hours on a date, an edit of an
 * imported text. Week 2 (tests/data/hsds/api-week2) changes a phone number, a text, the
 * hours and the wait, drops the Huurteam and adds the Voedselbank. The re-import keeps
 * the editor's work, says where it and the social map disagree, and the diff between the
 * week 1 content DB and the updated source reads as an editor would review it.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "baken-content.h"
#include "baken-content-build.h"
#include "baken-diff.h"
#include "baken-hsds.h"
#include "hsds-test-util.h"

static char *tmp;
static char *source;      /* the editor's content source */
static char *week1_db;    /* what was published after week 1 */

static void
import_week (const char            *root,
             BakenHsdsImportReport *report)
{
  g_autofree char *url = NULL;
  GSubprocess *server = hsds_test_api_start (root, "normal", &url);
  BakenHsdsImportOptions options = { FALSE, url, 60, NULL, source };
  g_autoptr(GError) error = NULL;

  gboolean ok = baken_hsds_import (NULL, NULL, &options, report, &error);

  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (report->problems, i));
  g_assert_no_error (error);
  g_assert_true (ok);
  hsds_test_api_stop (server);
}

static void
append (const char *file,
        const char *text)
{
  g_autofree char *path = g_build_filename (source, file, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  joined = g_strconcat (contents, text, NULL);
  g_assert_true (g_file_set_contents (path, joined, -1, NULL));
}

static void
replace (const char *file,
         const char *old,
         const char *new)
{
  g_autofree char *path = g_build_filename (source, file, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  parts = g_strsplit (contents, old, -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  joined = g_strjoinv (new, parts);
  g_assert_true (g_file_set_contents (path, joined, -1, NULL));
}

/* What an editor adds after week 1. */
static void
edit_week1 (void)
{
  replace ("services.csv", "id,organization_id,", "id,handover,organization_id,");
  replace ("services.csv", "svc-schuldhulp,", "svc-schuldhulp,Geef door welke schulden er zijn.,");
  replace ("services.csv", "svc-huurteam,", "svc-huurteam,,");
  replace ("services.csv", "svc-jongerenloket,", "svc-jongerenloket,,");
  replace ("services.csv", "Voor jongeren met vragen over geld, school of werk.",
           "Voor jongeren tot 27 jaar met vragen over geld, school of werk.");
  replace ("services.csv", "Hulp bij problemen met uw huur of verhuurder.",
           "Hulp bij problemen met uw huur en uw verhuurder.");
  replace ("phones.csv", "id,service_id,", "id,audience,service_id,");
  replace ("phones.csv", "ph-huurteam,", "ph-huurteam,,");
  replace ("phones.csv", "ph-jongeren,", "ph-jongeren,,");
  replace ("phones.csv", "ph-schuldhulp,", "ph-schuldhulp,,");
  append ("phones.csv", "ph-schuldhulp-bo,staff,svc-schuldhulp,,030 123 45 99,,\n"
                        "ph-huurteam-bo,staff,svc-huurteam,,030 765 43 99,,\n");
  append ("translations.csv", "service,svc-schuldhulp,name,en,Debt help\n"
                              "service,svc-schuldhulp,description,en,Help if you have debts.\n");
  append ("life_event_services.csv", "le-geld,svc-jongerenloket,1,Voor jongeren tot 27 jaar.\n");
  hsds_test_write_text (source, "schedule_exceptions.csv",
                        "id,date,channel_id,closed,note\n"
                        "exc-kerst,2025-12-24,ph-schuldhulp,true,Kerstavond\n");
  replace ("datapackage.json", "\"resources\" : [",
           "\"resources\" : [ { \"name\": \"schedule_exception\", "
           "\"path\": \"schedule_exceptions.csv\" },");
}

static void
test_into (void)
{
  g_autoptr(BakenHsdsImportReport) week1 = baken_hsds_import_report_new ();
  g_autoptr(BakenHsdsImportReport) week2 = baken_hsds_import_report_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *week2_db = g_build_filename (tmp, "week2.sqlite", NULL);
  g_autofree char *services = NULL;
  g_autofree char *phones = NULL;
  g_autofree char *links = NULL;
  g_autofree char *english = NULL;
  g_autofree char *closed = NULL;
  BakenBuildOptions build = { 1, "2025-12-01T00:00:00Z", NULL };
  static const char *const conflicts[] = {
    "services.csv:3: svc-huurteam was changed here after the last import, but the social map "
    "no longer has it; it is gone",
    "phones.csv: ph-huurteam-bo was added here, but service_id svc-huurteam is no longer in "
    "the social map; it is gone",
    "translations.csv:3: the Dutch description of svc-schuldhulp changed in the social map; "
    "check its translations",
    NULL
  };
  sqlite3 *db;

  import_week ("api", week1);
  g_assert_true (baken_content_build (source, week1_db, &build, problems, &error));
  g_assert_no_error (error);

  edit_week1 ();
  import_week ("api-week2", week2);
  hsds_test_assert_lines (week2->conflicts, conflicts);
  hsds_test_assert_note (week2->menu_notes, "phones.csv: kept 1 record the editor added", "");
  hsds_test_assert_note (week2->menu_notes, "services.csv: kept the editor's changes to 1 record",
                         "");

  g_assert_true (baken_content_build (source, week2_db, &build, problems, &error));
  g_assert_no_error (error);
  db = baken_content_open_file (week2_db, &error);
  g_assert_no_error (error);
  services = hsds_test_query (db, "SELECT s.id, s.handover, t.description FROM service s "
                              "JOIN service_text t ON t.service_id = s.id AND t.lang = 'nl' "
                              "ORDER BY s.id");
  g_assert_cmpstr (services, ==,
                   /* The editor's change stays: the social map did not change it. */
                   "svc-jongerenloket|NULL|Voor jongeren tot 27 jaar met vragen over geld, "
                   "school of werk.\n"
                   /* The social map's change is taken; the handover text stays. */
                   "svc-schuldhulp|Geef door welke schulden er zijn.|Hulp als u schulden heeft "
                   "of uw rekeningen niet kunt betalen. Wij maken samen een plan.\n"
                   "svc-voedselbank|NULL|Een pakket met eten als u heel weinig geld heeft.\n");
  phones = hsds_test_query (db, "SELECT id, value, audience FROM channel WHERE kind = 'phone' "
                            "ORDER BY id");
  g_assert_cmpstr (phones, ==,
                   "ph-jongeren|030 111 22 33|public\n"
                   "ph-schuldhulp|030 123 45 00|public\n"
                   "ph-schuldhulp-bo|030 123 45 99|staff\n"
                   "ph-voedselbank|030 222 33 44|public\n");
  /* The editor's place and note first, the mapping's new place after. */
  links = hsds_test_query (db, "SELECT s.life_event_id, s.service_id, s.position, t.note "
                           "FROM life_event_service s LEFT JOIN life_event_service_text t "
                           "ON t.life_event_id = s.life_event_id AND t.service_id = s.service_id "
                           "ORDER BY 1, 3");
  g_assert_cmpstr (links, ==,
                   "le-geld|svc-jongerenloket|1|Voor jongeren tot 27 jaar.\n"
                   "le-geld-schulden|svc-schuldhulp|1|NULL\n"
                   "le-geld-schulden|svc-voedselbank|2|NULL\n");
  english = hsds_test_query (db, "SELECT name FROM service_text WHERE lang = 'en'");
  g_assert_cmpstr (english, ==, "Debt help\n");
  closed = hsds_test_query (db, "SELECT owner_id, date, closed FROM schedule_exception");
  g_assert_cmpstr (closed, ==, "ph-schuldhulp|2025-12-24|1\n");
  sqlite3_close (db);
}

/* The week's changes as an editor reviews them. */
static void
test_diff_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenDiff) diff = baken_diff_new (week1_db, source, NULL, &error);
  g_autofree char *text = NULL;
  static const char *const expected[] = {
    ": 2 added, 3 removed, 2 changed.\n",
    "\nServices\n  - Huurteam (svc-huurteam)\n",
    "  ~ Schuldhulp (svc-schuldhulp)\n"
    "      + name [en]: Debt help\n"
    "      description:\n"
    "        was: Hulp als u schulden heeft of uw rekeningen niet kunt betalen.\n"
    "        now: Hulp als u schulden heeft of uw rekeningen niet kunt betalen. Wij maken "
    "samen een plan.\n",
    "      wait time: ongeveer 2 weken → ongeveer 3 weken\n"
    "      phone ph-schuldhulp: 030 123 45 67 — Bel ons → 030 123 45 00 — Bel ons\n"
    "      + phone ph-schuldhulp-bo: 030 123 45 99 (staff only)\n"
    "      + handover (staff): Geef door welke schulden er zijn.\n"
    "      hours: MO,TU,WE,TH,FR 09:00–17:00 → MO,TU,WE,TH 09:00–17:00\n"
    "      + other hours of phone ph-schuldhulp: 2025-12-24 closed\n",
    "  + Voedselbank (svc-voedselbank)\n"
    "      name: Voedselbank\n"
    "      organisation: Voedselbank Voorbeeldstad\n",
    "\nMenu (life events)\n  - Wonen en huur (le-wonen)\n",
  };

  g_assert_no_error (error);
  text = baken_diff_to_text (diff);
  g_test_message ("%s", text);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (text, expected[i]) == NULL)
      g_error ("the diff does not say:\n%s", expected[i]);
}

static void
test_diff_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenDiff) diff = baken_diff_new (week1_db, source, NULL, &error);
  g_autofree char *html = NULL;

  g_assert_no_error (error);
  html = baken_diff_to_html (diff);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<tr><th>phone ph-schuldhulp</th><td><del>030 123 45 67 — "
                                  "Bel ons</del></td><td><ins>030 123 45 00 — Bel ons</ins>"
                                  "</td></tr>"));
  g_assert_nonnull (strstr (html, "<section class=\"removed\">\n<h3><span class=\"sign\">-"
                                  "</span>Huurteam <span class=\"id\">svc-huurteam</span></h3>"));
}

/* Both sides the same: nothing to review. */
static void
test_diff_same (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenDiff) diff = baken_diff_new (source, source, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = baken_diff_to_text (diff);
  g_assert_true (g_str_has_suffix (text, ": No changes.\n"));
}

/* A source that does not build cannot be compared; its problems say why. */
static void
test_diff_broken (void)
{
  g_autofree char *broken = g_build_filename (tmp, "broken", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenDiff) diff = NULL;

  g_assert_cmpint (g_mkdir (broken, 0755), ==, 0);
  hsds_test_write_text (broken, "datapackage.json", "{}");
  diff = baken_diff_new (week1_db, broken, problems, &error);
  g_assert_null (diff);
  g_assert_nonnull (error);
  g_assert_cmpuint (problems->len, >, 0);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), broken));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* No GSettings schemas for GNOME's proxy settings here. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  tmp = g_dir_make_tmp ("hsds-into-XXXXXX", NULL);
  source = g_build_filename (tmp, "content", NULL);
  week1_db = g_build_filename (tmp, "week1.sqlite", NULL);
  hsds_test_copy_menu (source);

  /* In order: each step works on what the one before left. */
  g_test_add_func ("/core/hsds/into/keeps-the-editors-work", test_into);
  g_test_add_func ("/core/hsds/diff/text", test_diff_text);
  g_test_add_func ("/core/hsds/diff/html", test_diff_html);
  g_test_add_func ("/core/hsds/diff/same", test_diff_same);
  g_test_add_func ("/core/hsds/diff/broken-source", test_diff_broken);
  status = g_test_run ();

  hsds_test_remove_tree (tmp);
  g_free (tmp);
  g_free (source);
  g_free (week1_db);
  return status;
}
