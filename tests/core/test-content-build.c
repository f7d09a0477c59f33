/* test-content-build.c: tests for baken-bundle build (baken_content_build)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The good source is tests/data/build/. Each error case copies it to a temporary folder,
 * changes one file, and checks the exact problem and that nothing was written.
 */
#include "config.h"

#include <sys/stat.h>

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "baken-content.h"
#include "baken-content-build.h"

/* Helpers */

static char *
fixture_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        {
          copy_tree (src, dst);
        }
      else
        {
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (src, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (dst, contents, length, NULL));
        }
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

typedef struct
{
  char *src;      /* a copy of the good source */
  char *out_dir;  /* empty folder for the output */
  char *out;      /* out_dir/content.sqlite */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *good = fixture_dir ();
  g_autofree char *tmp = g_dir_make_tmp ("baken-build-XXXXXX", NULL);

  g_assert_nonnull (tmp);
  f->src = g_build_filename (tmp, "src", NULL);
  f->out_dir = g_build_filename (tmp, "out", NULL);
  f->out = g_build_filename (f->out_dir, "content.sqlite", NULL);
  copy_tree (good, f->src);
  g_assert_cmpint (g_mkdir (f->out_dir, 0755), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *tmp = g_path_get_dirname (f->src);

  remove_tree (tmp);
  g_free (f->src);
  g_free (f->out_dir);
  g_free (f->out);
}

static char *
read_source (Fixture    *f,
             const char *file)
{
  g_autofree char *path = g_build_filename (f->src, file, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
write_source (Fixture    *f,
              const char *file,
              const char *contents,
              gssize      length)
{
  g_autofree char *path = g_build_filename (f->src, file, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

/* Replaces the one occurrence of old in file by new. */
static void
replace_in_source (Fixture    *f,
                   const char *file,
                   const char *old,
                   const char *new)
{
  g_autofree char *contents = read_source (f, file);
  char *hit = strstr (contents, old);
  g_autoptr(GString) changed = NULL;

  g_assert_nonnull (hit);
  g_assert_null (strstr (hit + 1, old));

  changed = g_string_new_len (contents, hit - contents);
  g_string_append (changed, new);
  g_string_append (changed, hit + strlen (old));
  write_source (f, file, changed->str, changed->len);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Builds, expects exactly the given problems (NULL-terminated), and checks that nothing
 * was written: no output, no temporary file. */
static void
assert_problems (Fixture           *f,
                 const char *const *expected)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  BakenBuildOptions options = { 1, "2025-03-01T08:00:00Z", NULL };
  guint n_expected = g_strv_length ((char **) expected);

  g_assert_false (baken_content_build (f->src, f->out, &options, problems, &error));
  g_assert_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE);
  g_assert_nonnull (strstr (error->message, "nothing was written"));

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  for (guint i = 0; i < n_expected && i < problems->len; i++)
    g_assert_cmpstr (g_ptr_array_index (problems, i), ==, expected[i]);
  g_assert_cmpuint (problems->len, ==, n_expected);

  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->out_dir), ==, 0);
}

static void
assert_problem (Fixture    *f,
                const char *expected)
{
  const char *const list[] = { expected, NULL };

  assert_problems (f, list);
}

static void
build_ok (Fixture    *f,
          const char *out)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  BakenBuildOptions options = { 42, "2025-03-01T09:00:00+01:00", "2025-06-01T00:00:00Z" };
  gboolean ok;

  ok = baken_content_build (f->src, out, &options, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The first column of the first row of a query, as text ("" for no row, "NULL" for
 * NULL); several columns are joined with "|", several rows with ";". */
static char *
query (sqlite3    *db,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (out->len > 0)
        g_string_append_c (out, ';');
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, text != NULL ? text : "NULL");
        }
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_query(db, sql, expected) \
  G_STMT_START { \
    g_autofree char *_result = query ((db), (sql)); \
    g_assert_cmpstr (_result, ==, (expected)); \
  } G_STMT_END

/* The good source */

static void
test_good (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  build_ok (f, f->out);
  g_assert_cmpuint (count_files (f->out_dir), ==, 1);

  db = baken_content_open_file (f->out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  assert_query (db, "PRAGMA user_version", G_STRINGIFY (BAKEN_SCHEMA_VERSION));
  assert_query (db, "SELECT key, value FROM meta ORDER BY key",
                "created|2025-03-01T08:00:00Z;expires|2025-06-01T00:00:00Z;format|1;"
                "publisher|Gemeente Teststad;region|Teststad;schema_version|"
                G_STRINGIFY (BAKEN_SCHEMA_VERSION) ";serial|42");

  /* Records, including the service that is not active. */
  assert_query (db, "SELECT count(*) FROM organization", "2");
  assert_query (db, "SELECT id, status FROM service ORDER BY id",
                "svc-bijstand|active;svc-formulieren|active;svc-huurtoeslag|temporarily closed;"
                "svc-schuldhulp|active");
  assert_query (db, "SELECT what_to_expect FROM service_text WHERE service_id = 'svc-bijstand' AND lang = 'nl'",
                "U vraagt het aan op de website.\nWij bellen u binnen 1 week.");

  /* The life-event tree. */
  assert_query (db, "SELECT id, coalesce (parent_id, '-'), position, coalesce (icon, '-'), depth FROM life_event ORDER BY id",
                "le-geld|-|1|geld|0;le-inkomen|-|2|geld|0;le-schulden|le-geld|1|-|1");
  assert_query (db, "SELECT name, length (svg) > 100, substr (svg, 1, 5) FROM icon", "geld|1|<?xml");
  assert_query (db, "SELECT life_event_id, service_id, position FROM life_event_service ORDER BY life_event_id, position",
                "le-geld|svc-bijstand|1;le-geld|svc-formulieren|2;le-inkomen|svc-bijstand|1;"
                "le-inkomen|svc-huurtoeslag|2;le-schulden|svc-schuldhulp|1");

  /* Phones are channels; the backoffice line is for staff only. */
  assert_query (db, "SELECT id, kind, value, audience, position FROM channel WHERE kind = 'phone' ORDER BY position",
                "ph-schuldhulp|phone|030 123 45 67|public|1;"
                "ph-schuldhulp-bo|phone|030 123 45 99|staff|2;"
                "ph-bijstand|phone|14 030|public|3;"
                "ph-formulieren|phone|030 765 43 21|public|4");
  assert_query (db, "SELECT label, cost_note FROM channel_text WHERE channel_id = 'ph-schuldhulp' AND lang = 'nl'",
                "Bel ons|Bellen kost niets extra.");
  assert_query (db, "SELECT kind, coalesce (value, '-'), coalesce (location_id, '-'), position FROM channel WHERE kind != 'phone' ORDER BY kind",
                "appointment|https://teststad.example/afspraak|-|6;chat|https://teststad.example/chat|-|5;"
                "email|bijstand@teststad.example|-|8;walk_in|-|loc-stadhuis|7;"
                "walk_in|-|loc-dienstingang|11;website|https://teststad.example/huurtoeslag|-|1;"
                "website|https://intranet.teststad.example/formulieren|-|10");

  /* Split hours: two slots on the same days; empty byday is every day; 24:00 is 1440. */
  assert_query (db, "SELECT days, opens, closes FROM schedule WHERE owner_kind = 'channel' AND owner_id = 'ph-schuldhulp' ORDER BY opens",
                "27|540|720;27|780|990");
  assert_query (db, "SELECT owner_kind, days, opens, closes, valid_from, valid_to FROM schedule WHERE id = 'sch-balie'",
                "service_at_location|31|540|1020|2025-01-01|2025-12-31");
  assert_query (db, "SELECT owner_kind, owner_id, days, opens, closes FROM schedule WHERE id = 'sch-bijstand'",
                "service|svc-bijstand|127|510|1440");
  assert_query (db, "SELECT id, owner_kind, owner_id, date, closed, coalesce (opens, '-'), coalesce (closes, '-') FROM schedule_exception ORDER BY date",
                "exc-kerst|channel|ph-schuldhulp|2025-12-24|1|-|-;"
                "exc-extra|service_at_location|sal-schuldhulp-stadhuis|2025-12-27|0|600|720");
  assert_query (db, "SELECT note FROM schedule_exception_text WHERE schedule_exception_id = 'exc-kerst'",
                "Gesloten op kerstavond.");

  /* Location: the physical address, accessibility joined, translated per field. */
  assert_query (db, "SELECT latitude, longitude, address_1, address_2, postal_code, city FROM location "
                "WHERE id = 'loc-stadhuis'",
                "52.0907|5.1214|Markt 1|Ingang B|1234 AB|Teststad");
  assert_query (db, "SELECT lang, name, coalesce (description, 'NULL'), accessibility FROM location_text "
                "WHERE location_id = 'loc-stadhuis' ORDER BY lang",
                "en|Town hall|NULL|Wheelchair accessible; Lift available;"
                "nl|Stadhuis|Het stadhuis aan de Markt.|Rolstoeltoegankelijk; Lift aanwezig");
  assert_query (db, "SELECT service_id, id, position FROM required_document ORDER BY position",
                "svc-bijstand|doc-id|1;svc-bijstand|doc-bank|2");
  assert_query (db, "SELECT document FROM required_document_text WHERE required_document_id = 'doc-bank'",
                "Bankafschriften van de laatste 3 maanden");
  assert_query (db, "SELECT code FROM service_language ORDER BY code", "en;nl");

  /* English texts; untranslated fields are NULL, so readers fall back to Dutch. */
  assert_query (db, "SELECT name, description, cost FROM service_text WHERE service_id = 'svc-schuldhulp' AND lang = 'en'",
                "Help with debts|NULL|NULL");
  assert_query (db, "SELECT title, summary, body FROM life_event_text WHERE life_event_id = 'le-schulden' AND lang = 'en'",
                "I have debts|Bills you cannot pay.|NULL");
  assert_query (db, "SELECT label FROM channel_text WHERE channel_id = 'ph-schuldhulp' AND lang = 'en'", "Call us");
  assert_query (db, "SELECT lang, note FROM life_event_service_text WHERE life_event_id = 'le-schulden' ORDER BY lang",
                "en|Start here.;nl|Hier begint u.");
  assert_query (db, "SELECT count(*) FROM service_text WHERE lang = 'nl'", "4");
  assert_query (db, "SELECT term, lang, life_event_id FROM synonym ORDER BY term",
                "bailiff|en|le-schulden;deurwaarder|nl|le-schulden;incasso|nl|le-schulden");

  /* Search: synonyms lead to their life event, Dutch ones in every language. */
  assert_query (db, "SELECT kind, id, lang FROM search WHERE search MATCH 'deurwaarder' ORDER BY lang",
                "life_event|le-schulden|en;life_event|le-schulden|nl");
  assert_query (db, "SELECT id FROM search WHERE search MATCH 'bailiff' AND lang = 'en'", "le-schulden");
  assert_query (db, "SELECT id FROM search WHERE search MATCH 'bailiff' AND lang = 'nl'", "");
  assert_query (db, "SELECT kind, id FROM search WHERE search MATCH 'schuldhulp' AND lang = 'nl' ORDER BY kind",
                "organization|org-schuldhulp;service|svc-schuldhulp");
  assert_query (db, "SELECT title FROM search WHERE kind = 'service' AND id = 'svc-schuldhulp' AND lang = 'en'",
                "Help with debts");
  /* Diacritics and prefixes. */
  assert_query (db, "SELECT id FROM search WHERE search MATCH 'deurw*' AND lang = 'nl'", "le-schulden");

  sqlite3_close (db);
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *second = g_build_filename (f->out_dir, "second.sqlite", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize a_len, b_len;

  build_ok (f, f->out);
  build_ok (f, second);
  g_assert_true (g_file_get_contents (f->out, &a, &a_len, NULL));
  g_assert_true (g_file_get_contents (second, &b, &b_len, NULL));
  g_assert_cmpmem (a, a_len, b, b_len);
}

/* A failed build leaves an existing output alone. */
static void
test_failure_keeps_old (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (f->out, "old", -1, NULL));
  replace_in_source (f, "services.csv", "Hulp bij schulden,", ",");
  g_assert_false (baken_content_build (f->src, f->out, NULL, problems, &error));
  g_assert_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE);
  g_assert_true (g_file_get_contents (f->out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_files (f->out_dir), ==, 1);
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BakenBuildOptions bad_created = { 1, "yesterday", NULL };
  BakenBuildOptions early_expiry = { 1, "2025-03-01T08:00:00Z", "2025-02-01T00:00:00Z" };

  g_assert_false (baken_content_build (f->src, f->out, &bad_created, NULL, &error));
  g_assert_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE);
  g_clear_error (&error);
  g_assert_false (baken_content_build (f->src, f->out, &early_expiry, NULL, &error));
  g_assert_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE);
  g_assert_cmpuint (count_files (f->out_dir), ==, 0);
}

/* Error cases: one change to the good source, one exact problem. */

typedef struct
{
  const char *name;
  const char *file;
  const char *old;       /* NULL: replace the whole file */
  const char *new;
  const char *expected;
} Case;

static const Case cases[] = {
  { "invalid-utf8", "organizations.csv", "Schuldhulp Teststad", "Schuldhulp \xFFTeststad",
    "organizations.csv:3:2: invalid UTF-8 (byte 0xFF); save the file as UTF-8" },
  { "missing-column", "addresses.csv", NULL,
    "id,location_id,address_1\nadr-stadhuis,loc-stadhuis,Markt 1\n",
    "addresses.csv:1:4: required column \"city\" is missing; add it to the header row" },
  { "unknown-column", "services.csv", "application_process", "aplication_process",
    "services.csv:1:6: unknown column \"aplication_process\"; check the spelling (the columns "
    "of services.csv are: id, organization_id, name, status, alternate_name, description, url, "
    "email, application_process, fees_description, eligibility_description, assured_date, alert, handover, "
    "minimum_age, maximum_age, fees, wait_time)" },
  { "unknown-reference", "services.csv", "svc-schuldhulp,org-schuldhulp", "svc-schuldhulp,org-schuld",
    "services.csv:2:2: organization_id \"org-schuld\" does not exist in organizations.csv; use "
    "one of its ids or add the organisation" },
  { "bad-time-25", "schedules.csv", "13:00,16:30", "13:00,25:00",
    "schedules.csv:3:7: closes_at \"25:00\" is not a time; write HH:MM on a 24-hour clock, for "
    "example 09:00 or 17:30" },
  { "bad-time-dot", "schedules.csv", "08:30", "9.00",
    "schedules.csv:5:6: opens_at \"9.00\" is not a time; write HH:MM on a 24-hour clock, for "
    "example 09:00 or 17:30" },
  { "opens-at-24", "schedules.csv", "08:30,24:00", "24:00,08:30",
    "schedules.csv:5:6: opens_at 24:00 is the end of the day; a slot opens at 00:00 or later "
    "and 24:00 is only a closing time" },
  { "duplicate-id", "required_documents.csv", "doc-bank", "doc-id",
    "required_documents.csv:3:1: id \"doc-id\" is used twice (first on line 2); give each "
    "document its own id" },
  { "missing-dutch-name", "services.csv", "Hulp bij schulden,", ",",
    "services.csv:2:3: name is empty; write the Dutch name (every service needs one)" },
  { "blank-dutch-title", "life_events.csv", "Weinig inkomen", "  ",
    "life_events.csv:5:5: title is empty; write the Dutch title (every life event needs one)" },
  { "life-event-cycle", "life_events.csv", "le-geld,,1", "le-geld,le-schulden,1",
    "life_events.csv:2:2: life event \"le-geld\" is part of a cycle (le-geld → le-schulden → "
    "le-geld); give one of these events another parent_id" },
  { "life-event-self-parent", "life_events.csv", "le-inkomen,,2", "le-inkomen,le-inkomen,2",
    "life_events.csv:5:2: life event \"le-inkomen\" is part of a cycle (le-inkomen → "
    "le-inkomen); give one of these events another parent_id" },
  { "translation-missing-record", "translations.csv", "life_event,le-schulden,title",
    "life_event,le-schuld,title",
    "translations.csv:2:2: life_event \"le-schuld\" does not exist in life_events.csv; fix the "
    "id or remove the translation" },
  { "translation-unknown-field", "translations.csv", "service,svc-schuldhulp,name",
    "service,svc-schuldhulp,naam",
    "translations.csv:4:3: field \"naam\" is not a text of service; use one of: name, "
    "description, application_process, fees_description, eligibility_description, alert, fees, "
    "wait_time" },
  { "translation-to-dutch", "translations.csv", "Town hall", "Stadhuis",
    NULL },
  { "bad-enum", "services.csv", "temporarily closed", "closed",
    "services.csv:5:4: status \"closed\" is not one of: active, inactive, defunct, temporarily "
    "closed; use one of these" },
  { "bad-audience", "phones.csv", "Backoffice voor medewerkers,staff", "Backoffice voor medewerkers,intern",
    "phones.csv:3:5: audience \"intern\" is not one of: public, staff; use one of these" },
  { "bad-byday", "schedules.csv", "\"MO,TU,WE,TH,FR\"", "\"MA,DI\"",
    "schedules.csv:4:5: byday \"MA,DI\" is not a list of days; write days as MO,TU,WE,TH,FR,SA,SU "
    "(each once, separated by commas), add PH when the hours also hold on public holidays, "
    "or leave it empty for every day" },
  { "bad-lang", "languages.csv", "svc-schuldhulp,en,", "svc-schuldhulp,EN,",
    "languages.csv:3:3: code \"EN\" is not a language code; write two or three lowercase "
    "letters (ISO 639-1), for example en" },
  { "schedule-no-target", "schedules.csv", "sch-bijstand,,,svc-bijstand", "sch-bijstand,,,",
    "schedules.csv:5:2: the row is for nothing; fill in exactly one of channel_id (a phone or "
    "channel), service_at_location_id (walk-in hours) or service_id" },
  { "schedule-two-targets", "schedules.csv", "sch-bijstand,,,svc-bijstand", "sch-bijstand,ph-bijstand,,svc-bijstand",
    "schedules.csv:5:4: both channel_id and service_id are filled in; a row is for exactly one of "
    "channel_id, service_at_location_id or service_id, so keep one" },
  { "unknown-channel", "schedules.csv", "sch-1,ph-schuldhulp", "sch-1,ph-schuld",
    "schedules.csv:2:2: channel_id \"ph-schuld\" is neither in phones.csv nor in channels.csv; "
    "use one of their ids or add the phone or channel" },
  { "phone-without-service", "phones.csv", "ph-bijstand,svc-bijstand", "ph-bijstand,",
    "phones.csv:4:2: phone \"ph-bijstand\" has no service_id; a phone must belong to a service, "
    "so fill in its id" },
  { "walk-in-without-location", "channels.csv", "Kom langs,,loc-stadhuis", "Kom langs,,",
    "channels.csv:4:7: a walk_in channel needs location_id (where people can come in); fill in "
    "the id of a location" },
  { "exception-closed-with-times", "schedule_exceptions.csv", "true,,,", "true,10:00,,",
    "schedule_exceptions.csv:2:6: closed is true, so opens_at and closes_at must be empty; remove "
    "the times or set closed to false" },
  { "top-level-without-icon", "life_events.csv", "le-inkomen,,2,geld", "le-inkomen,,2,",
    "life_events.csv:5:4: life event \"le-inkomen\" is on the home screen and needs an icon; fill "
    "in the name of an SVG file in icons/ (without .svg)" },
  { "missing-icon", "life_events.csv", "le-inkomen,,2,geld", "le-inkomen,,2,euro",
    "life_events.csv:5:4: icon \"euro\" has no file icons/euro.svg; add the SVG or fix the name" },
  { "icon-with-script", "icons/geld.svg", "<defs>", "<script>alert(1)</script><defs>",
    "icons/geld.svg:4:3: the icon contains <script; Baken icons are plain SVG without scripts, "
    "entities or embedded content, so remove it" },
  { "icon-external-href", "icons/geld.svg", "xlink:href=\"#coin\"", "xlink:href=\"https://example.com/coin.svg\"",
    "icons/geld.svg:7:14: the icon refers to an outside file or address; only references inside "
    "the icon (href=\"#id\") are allowed, so embed or remove it" },
  { "icon-not-svg", "icons/geld.svg", NULL, "<html><body>geld</body></html>\n",
    "icons/geld.svg:1:1: the icon does not start with an <svg> element; save it as plain SVG" },
  /* The kiosk's own limits (baken-icon-check.h), at build time. */
  { "icon-too-wide", "icons/geld.svg", "width=\"48\"", "width=\"1000000000\"",
    "icons/geld.svg:3:1: the icon is width=\"1000000000\"; at most 4096 pixels are allowed; "
    "the kiosk refuses such an icon, so fix it" },
  { "icon-use-cycle", "icons/geld.svg", "<circle id=\"coin\" cx=\"24\" cy=\"24\" r=\"18\"/>",
    "<g id=\"coin\"><use xlink:href=\"#coin\"/></g>",
    "icons/geld.svg:1:1: the icon's <use> elements refer to each other in a circle; the kiosk "
    "refuses such an icon, so fix it" },
  { "icon-not-square", "icons/geld.svg", "viewBox=\"0 0 48 48\"", "viewBox=\"0 0 48 24\"",
    "icons/geld.svg:3:84: the viewBox is not square; make width and height the same, for example "
    "viewBox=\"0 0 48 48\"" },
  { "title-too-long", "life_events.csv", "Ik heb schulden", "Ik heb heel erg veel schulden",
    "life_events.csv:3:5: title \"Ik heb heel erg veel schulden\" has 6 words; a tile label has "
    "at most 5, so shorten it (the summary can say more)" },
  { "life-event-leads-nowhere", "life_event_services.csv", "le-inkomen,svc-bijstand,1,\nle-inkomen,svc-huurtoeslag,2,\n", "",
    "life_events.csv:5:1: life event \"le-inkomen\" has no services and no child events, so it "
    "leads nowhere; add rows for it to life_event_services.csv" },
  { "too-many-fields", "locations.csv", "Bus 3 stopt voor de deur.", "Bus 3, 5 en 7 stoppen voor de deur.",
    "locations.csv:2:7: this row has 7 fields but the header has 6; remove the extra fields or "
    "put a field that holds a comma in quotes" },
  { "unterminated-quote", "organizations.csv", "\"De gemeente helpt bij geld, werk en zorg.\"",
    "\"De gemeente helpt bij geld, werk en zorg.",
    NULL },
  { "bad-format", "datapackage.json", "\"format\": 1", "\"format\": 2",
    "datapackage.json:5:14: baken.format must be 1; this baken-bundle reads format 1 only" },
  { "unlisted-csv", "datapackage.json",
    "    { \"name\": \"translation\", \"path\": \"translations.csv\", \"profile\": \"tabular-data-resource\" }\n",
    "    { \"name\": \"translation\", \"path\": \"translation.csv\", \"profile\": \"tabular-data-resource\" }\n",
    NULL },
  { "bad-url", "organizations.csv", "https://teststad.example/schulden", "teststad.example/schulden",
    "organizations.csv:3:4: website \"teststad.example/schulden\" is not a web address; write it "
    "in full, starting with https://" },
  { "bad-age", "services.csv", "16,27,gratis", "16,zeventien,gratis",
    "services.csv:6:11: maximum_age \"zeventien\" is not an age; write a whole number of "
    "years from 0 to 120, for example 18" },
  { "ages-swapped", "services.csv", "16,27,gratis", "27,16,gratis",
    "services.csv:6:11: maximum_age 16 is lower than minimum_age 27; swap them or fix one" },
  { "bad-date", "services.csv", "2025-01-15", "2025-02-30",
    "services.csv:2:8: assured_date \"2025-02-30\" is not a date; write YYYY-MM-DD, for example "
    "2025-03-31" },
  { "two-physical-addresses", "addresses.csv", "postal,Postbus", "physical,Postbus",
    "addresses.csv:3:2: location \"loc-stadhuis\" already has a physical address (line 2); set "
    "address_type to postal or remove one" },
};

/* Cases with several problems, or problems that need more than one line to state. */
static const char *const translation_to_dutch[] = {
  "translations.csv:7:4: lang is nl, the source language; change the Dutch text in locations.csv instead",
  NULL
};
static const char *const unterminated_quote[] = {
  "organizations.csv:2:3: the quote that starts this field is never closed; add the closing quote",
  NULL
};
static const char *const unlisted_csv[] = {
  "datapackage.json:6:3: translations.csv is not listed in resources; add { \"name\": "
  "\"translation\", \"path\": \"translations.csv\", \"profile\": \"tabular-data-resource\" }",
  "datapackage.json:22:38: resource path \"translation.csv\" is not a table of the Baken format; "
  "check the spelling (see docs/content-format.md) or remove it",
  NULL
};

static void
test_case (Fixture       *f,
           gconstpointer  data)
{
  const Case *c = data;

  if (c->old == NULL)
    write_source (f, c->file, c->new, -1);
  else
    replace_in_source (f, c->file, c->old, c->new);

  if (c->expected != NULL)
    assert_problem (f, c->expected);
  else if (strcmp (c->name, "translation-to-dutch") == 0)
    {
      replace_in_source (f, "translations.csv", "loc-stadhuis,name,en", "loc-stadhuis,name,nl");
      assert_problems (f, translation_to_dutch);
    }
  else if (strcmp (c->name, "unterminated-quote") == 0)
    assert_problems (f, unterminated_quote);
  else if (strcmp (c->name, "unlisted-csv") == 0)
    assert_problems (f, unlisted_csv);
  else
    g_assert_not_reached ();
}

static void
test_big_field (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new ("\"");

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (big, 'a' + i % 26);
  g_string_append_c (big, '"');
  replace_in_source (f, "services.csv", "Wij helpen u huurtoeslag aan te vragen.", big->str);

  assert_problem (f, "services.csv:5:5: the field is longer than 65536 bytes; shorten the text");
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->src, "life_event_services.csv", NULL);
  const char *const expected[] = {
    "datapackage.json:18:45: resource life_event_services.csv is listed but the file does not "
    "exist; add the file or remove the resource",
    "life_event_services.csv:1:1: the file is missing; every content source needs "
    "life_event_services.csv (see docs/content-format.md)",
    /* Without it, no event leads anywhere. */
    "life_events.csv:3:1: life event \"le-schulden\" has no services and no child events, so it "
    "leads nowhere; add rows for it to life_event_services.csv",
    "life_events.csv:5:1: life event \"le-inkomen\" has no services and no child events, so it "
    "leads nowhere; add rows for it to life_event_services.csv",
    "translations.csv:6:2: life_event_service \"le-schulden/svc-schuldhulp\" does not exist in "
    "life_event_services.csv; fix the id or remove the translation",
    NULL
  };

  g_assert_cmpint (g_unlink (path), ==, 0);
  assert_problems (f, expected);
}

/* A datapackage.json nested 100,000 deep once overflowed json-glib's stack: refused
 * with a line and column instead. */
static void
test_deep_json (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  write_source (f, "datapackage.json", deep->str, (gssize) deep->len);
  assert_problem (f, "datapackage.json:1:65: objects and arrays nest deeper than 64 levels; "
                     "this is not a data package");
}

/* A table that is a FIFO (nobody writes to it) would hang the build for ever. */
static void
test_fifo_table (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->src, "synonyms.csv", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  BakenBuildOptions options = { 1, "2025-03-01T08:00:00Z", NULL };

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_assert_false (baken_content_build (f->src, f->out, &options, problems, &error));
  for (guint i = 0; i < problems->len; i++)
    {
      g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
      if (strstr (g_ptr_array_index (problems, i), "synonyms.csv is not a regular file"))
        return;
    }
  g_error ("the FIFO is not reported");
}

/* Every problem is reported, not just the first, sorted by file and position. */
static void
test_all_problems (Fixture       *f,
                   gconstpointer  data)
{
  const char *const expected[] = {
    "schedules.csv:2:6: opens_at \"9.00\" is not a time; write HH:MM on a 24-hour clock, for "
    "example 09:00 or 17:30",
    "services.csv:2:2: organization_id \"org-schuld\" does not exist in organizations.csv; use "
    "one of its ids or add the organisation",
    "services.csv:5:3: name is empty; write the Dutch name (every service needs one)",
    NULL
  };

  replace_in_source (f, "services.csv", "Hulp bij huurtoeslag", "");
  replace_in_source (f, "schedules.csv", "09:00,12:00", "9.00,12:00");
  replace_in_source (f, "services.csv", "svc-schuldhulp,org-schuldhulp", "svc-schuldhulp,org-schuld");
  assert_problems (f, expected);
}

/* A life-event tree deeper than 3 levels. */
static void
test_too_deep (Fixture       *f,
               gconstpointer  data)
{
  replace_in_source (f, "life_events.csv", "le-inkomen,,2,geld,",
                     "le-a,le-schulden,1,,Niveau drie,,,\n"
                     "le-b,le-a,1,,Niveau vier,,,\n"
                     "le-inkomen,,2,geld,");
  replace_in_source (f, "life_event_services.csv", "le-geld,svc-bijstand,1,",
                     "le-geld,svc-bijstand,1,\nle-b,svc-bijstand,1,");
  assert_problem (f, "life_events.csv:6:2: life event \"le-b\" is on level 4; the menu has at "
                  "most 3 levels, so attach it to an event higher up");
}

/* The CLI: exit status, problem format on stderr, usage errors. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *bundle = g_getenv ("BAKEN_BUNDLE");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (bundle == NULL)
    {
      g_test_skip ("BAKEN_BUNDLE is not set (run the tests with meson test)");
      return;
    }

  {
    const char *argv[] = { bundle, "build", "--serial", "7", "--created", "2025-03-01T08:00:00Z",
                           f->src, f->out, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_test (f->out, G_FILE_TEST_IS_REGULAR));
    g_unlink (f->out);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  replace_in_source (f, "services.csv", "svc-schuldhulp,org-schuldhulp", "svc-schuldhulp,org-schuld");
  {
    const char *argv[] = { bundle, "build", f->src, f->out, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    expected = g_strdup_printf ("%s/services.csv:2:2: error: organization_id \"org-schuld\" does "
                                "not exist in organizations.csv; use one of its ids or add the "
                                "organisation\nbaken-bundle build: 1 problem in %s; nothing was "
                                "written\n", f->src, f->src);
    g_assert_cmpstr (err, ==, expected);
    g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { bundle, "build", "--serial", "many", f->src, f->out, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_nonnull (strstr (err, "--serial \"many\""));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { bundle, "build", f->src, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_nonnull (strstr (err, "SRC and OUT are required"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { bundle, "frobnicate", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
    g_assert_nonnull (strstr (err, "unknown command \"frobnicate\""));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { bundle, "build", "--help", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_assert_nonnull (strstr (out, "baken-bundle build [OPTION…] SRC OUT"));
    g_assert_nonnull (strstr (out, "--serial=N"));
    g_assert_nonnull (strstr (out, "Exit status:"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *argv[] = { bundle, "--help", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_assert_nonnull (strstr (out, "  build "));
  }
}

/* PH in byday: a slot that holds on public holidays too (bit 7), or only on them. */
static void
test_holidays (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  replace_in_source (f, "schedules.csv", "svc-bijstand,,08:30,24:00",
                     "svc-bijstand,\"MO,TU,WE,TH,FR,SA,SU,PH\",00:00,24:00");
  replace_in_source (f, "schedules.csv", "sch-2,ph-schuldhulp,,,\"MO,TU,TH,FR\"",
                     "sch-2,ph-schuldhulp,,,PH");
  build_ok (f, f->out);

  db = baken_content_open_file (f->out, &error);
  g_assert_no_error (error);
  assert_query (db, "SELECT id, days FROM schedule WHERE id IN ('sch-bijstand', 'sch-2') ORDER BY id",
                "sch-2|128;sch-bijstand|255");
  sqlite3_close (db);
}

/* 10,000 services build (in a few seconds: the time is printed, not asserted). */
static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GString) services = g_string_new ("id,organization_id,name,status,description\n");
  g_autoptr(GString) links = g_string_new ("life_event_id,service_id,position,note\n");
  g_autoptr(GString) phones = g_string_new ("id,service_id,number,description\n");
  g_autoptr(GString) schedules = g_string_new ("id,channel_id,byday,opens_at,closes_at\n");
  g_autoptr(GString) translations = g_string_new ("table,id,field,lang,text\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  sqlite3 *db;
  const guint n = 10000;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (services, "svc-%u,org-gemeente,Dienst %u,active,"
                              "\"Wij helpen u met zaak %u, snel en goed.\"\n", i, i, i);
      g_string_append_printf (links, "le-inkomen,svc-%u,%u,\n", i, i);
      g_string_append_printf (phones, "ph-%u,svc-%u,030 %u,Bel ons\n", i, i, i);
      g_string_append_printf (schedules, "sch-%u-a,ph-%u,\"MO,TU\",09:00,12:00\n"
                              "sch-%u-b,ph-%u,\"MO,TU\",13:00,17:00\n", i, i, i, i);
      g_string_append_printf (translations, "service,svc-%u,name,en,Service %u\n", i, i);
    }
  g_string_append (links, "le-schulden,svc-1,1,\nle-geld,svc-2,1,\n");

  write_source (f, "services.csv", services->str, services->len);
  write_source (f, "life_event_services.csv", links->str, links->len);
  write_source (f, "phones.csv", phones->str, phones->len);
  write_source (f, "schedules.csv", schedules->str, schedules->len);
  write_source (f, "translations.csv", translations->str, translations->len);
  replace_in_source (f, "required_documents.csv", "doc-id,svc-bijstand", "doc-id,svc-3");
  replace_in_source (f, "required_documents.csv", "doc-bank,svc-bijstand", "doc-bank,svc-3");
  write_source (f, "channels.csv", "id,service_id,kind,value\n", -1);
  write_source (f, "schedule_exceptions.csv", "id,date,service_id,closed\n", -1);
  write_source (f, "languages.csv", "id,service_id,code\n", -1);
  write_source (f, "service_at_location.csv", "id,service_id,location_id\n", -1);

  timer = g_timer_new ();
  build_ok (f, f->out);
  g_test_message ("built %u services in %.2f s", n, g_timer_elapsed (timer, NULL));

  db = baken_content_open_file (f->out, &error);
  g_assert_no_error (error);
  assert_query (db, "SELECT count(*) FROM service", "10000");
  assert_query (db, "SELECT count(*) FROM schedule", "20000");
  assert_query (db, "SELECT count(*) FROM service_text WHERE lang = 'en'", "10000");
  assert_query (db, "SELECT id FROM search WHERE search MATCH 'zaak 9999' AND lang = 'en'", "svc-9999");
  sqlite3_close (db);
}

/* An Arabic list is joined with the Arabic comma, not a Latin semicolon. */
static void
test_arabic_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *translations = read_source (f, "translations.csv");
  g_autofree char *more = g_strconcat (translations,
                                       "accessibility,acc-rolstoel,description,ar,"
                                       "يمكن الدخول بالكرسي المتحرك\n"
                                       "accessibility,acc-lift,description,ar,يوجد مصعد\n",
                                       NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  write_source (f, "translations.csv", more, -1);
  build_ok (f, f->out);
  db = baken_content_open_file (f->out, &error);
  g_assert_no_error (error);
  assert_query (db, "SELECT accessibility FROM location_text WHERE location_id = 'loc-stadhuis' "
                "AND lang = 'ar'", "يمكن الدخول بالكرسي المتحرك، يوجد مصعد");
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/core/content-build/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("good", test_good);
  ADD ("deterministic", test_deterministic);
  ADD ("failure-keeps-old", test_failure_keeps_old);
  ADD ("bad-options", test_bad_options);
  ADD ("big-field", test_big_field);
  ADD ("missing-file", test_missing_file);
  ADD ("all-problems", test_all_problems);
  ADD ("too-deep", test_too_deep);
  ADD ("cli", test_cli);
  ADD ("large", test_large);
  ADD ("holidays", test_holidays);
  ADD ("deep-json", test_deep_json);
  ADD ("fifo-table", test_fifo_table);
  ADD ("arabic-list", test_arabic_list);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/content-build/error/%s", cases[i].name);

      g_test_add (path, Fixture, &cases[i], fixture_set_up, test_case, fixture_tear_down);
    }

#undef ADD

  return g_test_run ();
}
