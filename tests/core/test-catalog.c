/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "baken-catalog.h"
#include "baken-content.h"
#include "baken-content-build.h"

typedef struct
{
  char         *db_path;
  BakenCatalog *catalog;
} Fixture;

/* Builds tests/data/build (a small source with every table) into a fresh DB. */
static char *
build_fixture_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  /* The cache dir is private to each test (G_TEST_OPTION_ISOLATE_DIRS). */
  char *out = g_build_filename (g_get_user_cache_dir (), "content.sqlite", NULL);
  BakenBuildOptions options = { .serial = 42, .created = "2025-12-01T00:00:00Z" };

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  if (!g_file_test (out, G_FILE_TEST_EXISTS))
    {
      baken_content_build (src, out, &options, NULL, &error);
      g_assert_no_error (error);
    }

  return out;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db_path = build_fixture_db ();
  f->catalog = baken_catalog_new_for_path (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->catalog);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->catalog);
  g_free (f->db_path);
}

static BakenChannel *
find_channel (BakenService *service,
              const char   *id)
{
  for (guint i = 0; i < service->channels->len; i++)
    {
      BakenChannel *channel = g_ptr_array_index (service->channels, i);

      if (g_str_equal (channel->id, id))
        return channel;
    }

  return NULL;
}

static void
test_home_events (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = baken_catalog_get_life_events (f->catalog, NULL, "nl", &error);
  BakenLifeEvent *geld, *inkomen;

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  geld = g_ptr_array_index (events, 0);
  inkomen = g_ptr_array_index (events, 1);
  g_assert_cmpstr (geld->id, ==, "le-geld");
  g_assert_cmpstr (geld->title, ==, "Geldzorgen");
  g_assert_cmpstr (geld->icon, ==, "geld");
  g_assert_cmpstr (geld->question, ==, "Wat past het best bij u?");
  g_assert_cmpuint (geld->n_children, ==, 1);
  g_assert_cmpuint (geld->n_services, ==, 2);
  g_assert_cmpstr (inkomen->id, ==, "le-inkomen");
  g_assert_cmpuint (inkomen->n_children, ==, 0);
  /* svc-huurtoeslag is "temporarily closed": not counted, not shown. */
  g_assert_cmpuint (inkomen->n_services, ==, 1);
}

static void
test_children_and_fallback (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) en = baken_catalog_get_life_events (f->catalog, "le-geld", "en", &error);
  g_autoptr(BakenLifeEvent) geld_en = NULL;
  g_autoptr(BakenLifeEvent) geld_uk = NULL;
  BakenLifeEvent *schulden;

  g_assert_no_error (error);
  g_assert_cmpuint (en->len, ==, 1);
  schulden = g_ptr_array_index (en, 0);
  g_assert_cmpstr (schulden->title, ==, "I have debts");
  g_assert_cmpstr (schulden->summary, ==, "Bills you cannot pay.");
  /* No English body: the Dutch one, per field. */
  g_assert_true (g_str_has_prefix (schulden->body, "Schulden komen vaak voor."));
  g_assert_cmpstr (schulden->parent_id, ==, "le-geld");

  geld_en = baken_catalog_get_life_event (f->catalog, "le-geld", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (geld_en->title, ==, "Geldzorgen");

  /* A language the content does not have at all falls back to Dutch too. */
  geld_uk = baken_catalog_get_life_event (f->catalog, "le-geld", "uk", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (geld_uk->title, ==, "Geldzorgen");
}

static void
test_unknown_event (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenLifeEvent) event = baken_catalog_get_life_event (f->catalog, "nope", "nl", &error);

  g_assert_null (event);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_services_for_event (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nl = NULL;
  g_autoptr(GPtrArray) en = NULL;
  g_autoptr(GPtrArray) inkomen = NULL;
  BakenService *service;

  nl = baken_catalog_get_services_for_event (f->catalog, "le-schulden", "nl",
                                             BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nl->len, ==, 1);
  service = g_ptr_array_index (nl, 0);
  g_assert_cmpstr (service->name, ==, "Hulp bij schulden");
  g_assert_cmpstr (service->organization_name, ==, "Schuldhulp Teststad");
  g_assert_cmpstr (service->summary, ==, "Wij helpen u als u schulden heeft.");
  g_assert_cmpstr (service->note, ==, "Hier begint u.");

  en = baken_catalog_get_services_for_event (f->catalog, "le-schulden", "en",
                                             BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  service = g_ptr_array_index (en, 0);
  g_assert_cmpstr (service->name, ==, "Help with debts");
  g_assert_cmpstr (service->note, ==, "Start here.");
  /* Untranslated fields fall back to Dutch. */
  g_assert_cmpstr (service->organization_name, ==, "Schuldhulp Teststad");
  g_assert_cmpstr (service->cost, ==, "Gratis");

  inkomen = baken_catalog_get_services_for_event (f->catalog, "le-inkomen", "nl",
                                                  BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inkomen->len, ==, 1);
  g_assert_cmpstr (((BakenService *) g_ptr_array_index (inkomen, 0))->id, ==, "svc-bijstand");
}

static void
test_staff_channels (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) pub = NULL;
  g_autoptr(BakenService) staff = NULL;
  BakenChannel *backoffice;

  pub = baken_catalog_get_service (f->catalog, "svc-schuldhulp", "nl", BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_null (find_channel (pub, "ph-schuldhulp-bo"));
  for (guint i = 0; i < pub->channels->len; i++)
    g_assert_false (((BakenChannel *) g_ptr_array_index (pub->channels, i))->is_staff);
  /* phone, chat, appointment, walk-in */
  g_assert_cmpuint (pub->channels->len, ==, 4);

  staff = baken_catalog_get_service (f->catalog, "svc-schuldhulp", "nl", BAKEN_AUDIENCE_STAFF, &error);
  g_assert_no_error (error);
  backoffice = find_channel (staff, "ph-schuldhulp-bo");
  g_assert_nonnull (backoffice);
  g_assert_true (backoffice->is_staff);
  g_assert_cmpstr (backoffice->value, ==, "030 123 45 99");
  g_assert_cmpuint (staff->channels->len, ==, 5);

  /* What to pass on at a warm handover is for staff as well. */
  g_assert_null (pub->handover);
  g_assert_cmpstr (staff->handover, ==,
                   "Bel de backoffice. Geef door: welke schulden, en of er een deurwaarder is.");
}

/* Age limits, fees and the wait are kept; 0 is no limit. */
static void
test_facts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) formulieren = NULL;
  g_autoptr(BakenService) schuldhulp = NULL;

  formulieren = baken_catalog_get_service (f->catalog, "svc-formulieren", "nl",
                                           BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_cmpint (formulieren->minimum_age, ==, 16);
  g_assert_cmpint (formulieren->maximum_age, ==, 27);
  g_assert_cmpstr (formulieren->fees, ==, "gratis");
  g_assert_cmpstr (formulieren->wait_time, ==, "ongeveer 2 weken");

  schuldhulp = baken_catalog_get_service (f->catalog, "svc-schuldhulp", "nl",
                                          BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_cmpint (schuldhulp->minimum_age, ==, 0);
  g_assert_cmpint (schuldhulp->maximum_age, ==, 0);
  g_assert_null (schuldhulp->fees);
  g_assert_null (schuldhulp->wait_time);
}

/* How much of the content speaks a language: Dutch all, English some, Polish none. */
static void
test_language_coverage (Fixture       *f,
                        gconstpointer  data)
{
  double en = baken_catalog_get_language_coverage (f->catalog, "en");

  g_assert_cmpfloat (baken_catalog_get_language_coverage (f->catalog, "nl"), ==, 1.0);
  g_assert_cmpfloat (baken_catalog_get_language_coverage (f->catalog, "pl"), ==, 0.0);
  g_assert_cmpfloat (en, >, 0.0);
  g_assert_cmpfloat (en, <, 1.0);
}

static void
test_service_details (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) schuldhulp = NULL;
  g_autoptr(BakenService) schuldhulp_en = NULL;
  g_autoptr(BakenService) bijstand = NULL;
  BakenChannel *phone;
  BakenLocation *location;

  schuldhulp = baken_catalog_get_service (f->catalog, "svc-schuldhulp", "nl",
                                          BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (schuldhulp->what_to_expect, ==, "U belt ons. Binnen 2 weken heeft u een gesprek.");
  g_assert_cmpstr (schuldhulp->cost, ==, "Gratis");
  g_assert_cmpstr (schuldhulp->assured_date, ==, "2025-01-15");
  g_assert_cmpuint (g_strv_length (schuldhulp->languages), ==, 2);
  g_assert_cmpstr (schuldhulp->languages[0], ==, "nl");
  g_assert_cmpstr (schuldhulp->languages[1], ==, "en");

  phone = find_channel (schuldhulp, "ph-schuldhulp");
  g_assert_nonnull (phone);
  g_assert_cmpint (phone->kind, ==, BAKEN_CHANNEL_PHONE);
  g_assert_cmpstr (phone->label, ==, "Bel ons");
  g_assert_cmpstr (phone->cost_note, ==, "Bellen kost niets extra.");
  g_assert_false (baken_schedule_is_unknown (phone->hours));
  g_assert_cmpint (find_channel (schuldhulp, "ch-balie")->kind, ==, BAKEN_CHANNEL_WALK_IN);
  g_assert_true (baken_schedule_is_unknown (find_channel (schuldhulp, "ch-chat")->hours));

  g_assert_cmpuint (schuldhulp->locations->len, ==, 1);
  location = g_ptr_array_index (schuldhulp->locations, 0);
  g_assert_cmpstr (location->id, ==, "loc-stadhuis");
  g_assert_cmpstr (location->name, ==, "Stadhuis");
  /* The physical address, not the Postbus. */
  g_assert_cmpstr (location->address, ==, "Markt 1, Ingang B");
  g_assert_cmpstr (location->postal_code, ==, "1234 AB");
  g_assert_cmpstr (location->city, ==, "Teststad");
  g_assert_nonnull (strstr (location->accessibility, "Rolstoeltoegankelijk"));
  g_assert_true (location->has_position);
  g_assert_cmpfloat_with_epsilon (location->latitude, 52.0907, 1e-9);
  g_assert_false (baken_schedule_is_unknown (location->hours));

  schuldhulp_en = baken_catalog_get_service (f->catalog, "svc-schuldhulp", "en",
                                             BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  location = g_ptr_array_index (schuldhulp_en->locations, 0);
  g_assert_cmpstr (location->name, ==, "Town hall");
  g_assert_nonnull (strstr (location->accessibility, "Wheelchair accessible"));
  g_assert_cmpstr (find_channel (schuldhulp_en, "ph-schuldhulp")->label, ==, "Call us");

  bijstand = baken_catalog_get_service (f->catalog, "svc-bijstand", "nl",
                                        BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (bijstand->what_to_bring), ==, 2);
  g_assert_cmpstr (bijstand->what_to_bring[0], ==, "Uw identiteitsbewijs");
  g_assert_cmpstr (bijstand->what_to_bring[1], ==, "Bankafschriften van de laatste 3 maanden");
  g_assert_cmpuint (bijstand->locations->len, ==, 0);
  g_assert_cmpuint (g_strv_length (bijstand->languages), ==, 0);
}

static void
test_service_hours (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(GDateTime) monday_1030 = g_date_time_new_utc (2025, 12, 22, 9, 30, 0);
  g_auto(BakenOpenStatus) status = { 0 };
  g_autoptr(GDateTime) closes = NULL;

  service = baken_catalog_get_service (f->catalog, "svc-schuldhulp", "nl",
                                       BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);

  /* 10:30 on a Monday in Amsterdam: the phone is open until 12:00, the desk until 17:00;
   * the service as a whole is open until 17:00. */
  baken_schedule_get_status (service->hours, monday_1030, BAKEN_HOLIDAY_FLAGS_NONE, &status);
  g_assert_cmpint (status.state, ==, BAKEN_OPEN_NOW);
  closes = g_date_time_to_utc (status.closes_at);
  g_assert_cmpint (g_date_time_get_hour (closes), ==, 16);
}

static void
test_inactive_service (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) service = NULL;

  service = baken_catalog_get_service (f->catalog, "svc-huurtoeslag", "nl",
                                       BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_null (service);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_meta_icons_languages (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *serial = baken_catalog_dup_meta (f->catalog, "serial");
  g_autofree char *missing = baken_catalog_dup_meta (f->catalog, "no-such-key");
  g_autoptr(GBytes) icon = baken_catalog_get_icon (f->catalog, "geld");
  g_autoptr(GBytes) no_icon = baken_catalog_get_icon (f->catalog, "nope");
  g_auto(GStrv) languages = baken_catalog_dup_languages (f->catalog);

  g_assert_cmpstr (serial, ==, "42");
  g_assert_null (missing);
  g_assert_nonnull (icon);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (icon, NULL), g_bytes_get_size (icon), "<svg"));
  g_assert_null (no_icon);
  g_assert_cmpstr (languages[0], ==, "nl");
  g_assert_true (g_strv_contains ((const char * const *) languages, "en"));
}

static void
test_open_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = build_fixture_db ();
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BakenCatalog) catalog = NULL;
  g_autoptr(GPtrArray) events = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  catalog = baken_catalog_new_for_bytes (bytes, &error);
  g_assert_no_error (error);
  events = baken_catalog_get_life_events (catalog, NULL, "nl", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
}

static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = build_fixture_db ();
  sqlite3 *db = baken_content_open_file (path, &error);
  int rc;

  g_assert_no_error (error);
  rc = sqlite3_exec (db, "DELETE FROM life_event", NULL, NULL, NULL);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_not_sqlite (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "junk.sqlite", NULL);
  g_autoptr(BakenCatalog) catalog = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents (path, "this is not a database, just some text that goes on", -1, &error);
  g_assert_no_error (error);
  catalog = baken_catalog_new_for_path (path, &error);
  g_assert_null (catalog);
  g_assert_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN);

  g_clear_error (&error);
  catalog = baken_catalog_new_for_path ("/nonexistent/content.sqlite", &error);
  g_assert_null (catalog);
  g_assert_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN);
}

static void
test_wrong_schema_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "old.sqlite", NULL);
  g_autoptr(BakenCatalog) catalog = NULL;
  sqlite3 *db = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE meta (key, value); PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  catalog = baken_catalog_new_for_path (path, &error);
  g_assert_null (catalog);
  g_assert_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "version 99"));
}

/* A copy of the fixture DB with n more services, all answering le-inkomen. */
static char *
build_big_db (const char *fixture_path,
              guint       n)
{
  char *path = g_build_filename (g_get_user_cache_dir (), "big.sqlite", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db = NULL;
  sqlite3_stmt *service = NULL, *text = NULL, *link = NULL;

  g_assert_true (g_file_get_contents (fixture_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN;"
                                 "CREATE TEMP TABLE s AS SELECT * FROM service WHERE id = 'svc-bijstand';"
                                 "CREATE TEMP TABLE t AS SELECT * FROM service_text WHERE service_id = 'svc-bijstand';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE temp.s SET id = ?1", -1, &service, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE temp.t SET service_id = ?1", -1, &text, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO life_event_service VALUES ('le-inkomen', ?1, ?2)",
                                       -1, &link, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("svc-big-%u", i);

      sqlite3_bind_text (service, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (text, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (link, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (link, 2, (int) i + 100);
      g_assert_cmpint (sqlite3_step (service), ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_step (text), ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_step (link), ==, SQLITE_DONE);
      sqlite3_reset (service);
      sqlite3_reset (text);
      sqlite3_reset (link);
      g_assert_cmpint (sqlite3_exec (db, "INSERT INTO service SELECT * FROM temp.s;"
                                     "INSERT INTO service_text SELECT * FROM temp.t;",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_finalize (service);
  sqlite3_finalize (text);
  sqlite3_finalize (link);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE temp.s; DROP TABLE temp.t; COMMIT;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return path;
}

static void
count_cb (BakenCatalog *catalog,
          guint        *count)
{
  (*count)++;
}

/* A call that runs past its budget is cut off with an error, so a page can say "not
 * available now" instead of freezing the kiosk, and the catalog says so (the kiosk
 * counts it against the bundle); with time enough it works. */
static void
test_query_budget (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = build_big_db (f->db_path, 3000);
  g_autoptr(BakenCatalog) catalog = NULL;
  g_autoptr(GPtrArray) cut_off = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  guint cut_offs = 0;

  catalog = baken_catalog_new_for_path (path, &error);
  g_assert_no_error (error);
  g_signal_connect (catalog, "query-cut-off", G_CALLBACK (count_cb), &cut_offs);

  baken_catalog_set_query_budget (catalog, 1);
  start = g_get_monotonic_time ();
  cut_off = baken_catalog_get_services_for_event (catalog, "le-inkomen", "nl",
                                                  BAKEN_AUDIENCE_PUBLIC, &error);
  g_test_message ("cut off after %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_null (cut_off);
  g_assert_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY);
  g_assert_nonnull (strstr (error->message, "stopped after 1 ms"));
  g_assert_cmpuint (cut_offs, ==, 1);
  g_clear_error (&error);

  /* The catalog is fine afterwards. */
  baken_catalog_set_query_budget (catalog, 0);
  all = baken_catalog_get_services_for_event (catalog, "le-inkomen", "nl",
                                              BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >=, 3000);
  g_assert_cmpuint (cut_offs, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/core/catalog/home-events", test_home_events);
  ADD ("/core/catalog/language-coverage", test_language_coverage);
  ADD ("/core/catalog/children-and-fallback", test_children_and_fallback);
  ADD ("/core/catalog/unknown-event", test_unknown_event);
  ADD ("/core/catalog/services-for-event", test_services_for_event);
  ADD ("/core/catalog/query-budget", test_query_budget);
  ADD ("/core/catalog/staff-channels", test_staff_channels);
  ADD ("/core/catalog/facts", test_facts);
  ADD ("/core/catalog/service-details", test_service_details);
  ADD ("/core/catalog/service-hours", test_service_hours);
  ADD ("/core/catalog/inactive-service", test_inactive_service);
  ADD ("/core/catalog/meta-icons-languages", test_meta_icons_languages);
#undef ADD
  g_test_add_func ("/core/catalog/open-bytes", test_open_bytes);
  g_test_add_func ("/core/catalog/read-only", test_read_only);
  g_test_add_func ("/core/catalog/not-sqlite", test_not_sqlite);
  g_test_add_func ("/core/catalog/wrong-schema-version", test_wrong_schema_version);

  return g_test_run ();
}
