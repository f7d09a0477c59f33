/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "baken-catalog.h"
#include "baken-catalog-private.h"
#include "baken-content.h"
#include "baken-content-build.h"
#include "baken-search.h"
#include "baken-search-fold.h"
#include "baken-search-numbers.h"

#define LIMIT 20

typedef struct
{
  BakenCatalog *catalog;
} Fixture;

/* Builds a content source into the test's own cache dir (G_TEST_OPTION_ISOLATE_DIRS). */
static char *
build_db (const char *src,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  char *out = g_build_filename (g_get_user_cache_dir (), name, NULL);
  BakenBuildOptions options = { .serial = 42, .created = "2025-12-01T00:00:00Z" };

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  baken_content_build (src, out, &options, NULL, &error);
  g_assert_no_error (error);

  return out;
}

static char *
demo_source (void)
{
  const char *src = g_getenv ("BAKEN_DEMO_SOURCE");

  if (src != NULL)
    return g_strdup (src);

  return g_test_build_filename (G_TEST_DIST, "..", "data", "demo", NULL);
}

static void
copy_dir (const char *from,
          const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (from, 0, &error);
  const char *name;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        {
          copy_dir (source, target);
          continue;
        }
      g_file_get_contents (source, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (target, contents, length, &error);
      g_assert_no_error (error);
    }
}

/* tests/data/build plus synonyms with diacritics: "reünie" and "café". */
static char *
build_diacritics_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *src = g_build_filename (g_get_user_cache_dir (), "diacritics-src", NULL);
  g_autofree char *synonyms_path = g_build_filename (src, "synonyms.csv", NULL);
  g_autofree char *synonyms = NULL;
  g_autofree char *more = NULL;

  copy_dir (fixture, src);
  g_file_get_contents (synonyms_path, &synonyms, NULL, &error);
  g_assert_no_error (error);
  more = g_strconcat (synonyms, "reünie,le-geld,nl\ncafé,le-inkomen,nl\n", NULL);
  g_file_set_contents (synonyms_path, more, -1, &error);
  g_assert_no_error (error);

  return build_db (src, "diacritics.sqlite");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = demo_source ();
  g_autofree char *db = build_db (src, "demo.sqlite");

  f->catalog = baken_catalog_new_for_path (db, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->catalog);
}

static GPtrArray *
search (BakenCatalog *catalog,
        const char   *text,
        const char   *lang)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = baken_search_run (catalog, text, lang, LIMIT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, <=, LIMIT);

  return results;
}

/* 1-based rank of the result, 0 when absent. */
static guint
rank_of (GPtrArray  *results,
         const char *id)
{
  for (guint i = 0; i < results->len; i++)
    {
      if (g_str_equal (((BakenSearchResult *) g_ptr_array_index (results, i))->id, id))
        return i + 1;
    }

  return 0;
}

static char *
describe (GPtrArray *results)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < results->len && i < 6; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "",
                            ((BakenSearchResult *) g_ptr_array_index (results, i))->id);

  return g_string_free (text, FALSE);
}

typedef struct
{
  const char *text;
  const char *lang;
  const char *id;       /* expected among the first max_rank results */
  guint       max_rank;
  gboolean    hit;      /* and found as a synonym hit */
} Case;

static void
check_cases (BakenCatalog *catalog,
             const Case   *cases,
             guint         n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GPtrArray) results = search (catalog, c->text, c->lang);
      guint rank = rank_of (results, c->id);

      if (rank == 0 || rank > c->max_rank ||
          (c->hit && !((BakenSearchResult *) g_ptr_array_index (results, rank - 1))->synonym_hit))
        {
          g_autofree char *found = describe (results);

          g_test_fail_printf ("\"%s\" (%s): expected %s in the top %u%s, found [%s]",
                              c->text, c->lang, c->id, c->max_rank,
                              c->hit ? " as a synonym hit" : "", found);
        }
    }
}

/* The same number, written as people write it, becomes the same word. */
/* The letters search folds before the tokenizer, per language, and only those. */
static void
test_fold (void)
{
  static const struct {
    const char *text;
    const char *folded;
  } cases[] = {
    { "IŞIK ışık İş", "IŞIK işik iş" },   /* Turkish ı and İ; I and ş are the tokenizer's */
    { "Długi ŁÓDŹ", "Dlugi LÓDŹ" },                     /* Polish ł */
    { "دُيُون إيجار أُسرة آخر مساعدة على", "ديون ايجار اسره اخر مساعده علي" },
    { "ديـــون", "ديون" },                               /* tatweel */
    { "сімʼї сім’ї сім'ї", "сім'ї сім'ї сім'ї" },      /* Ukrainian apostrophes */
    { "Schulden, huur: 030 555 01 23", "Schulden, huur: 030 555 01 23" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = baken_search_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
  g_assert_null (baken_search_fold (NULL));
}

static void
test_numbers_join (void)
{
  static const struct {
    const char *text;
    const char *joined;
  } cases[] = {
    { "030 555 01 23", "0305550123" },
    { "030-555 01 23", "0305550123" },
    { "0305550123", "0305550123" },
    { "+31 30 555 01 23", "0305550123" },
    { "+31305550123", "0305550123" },
    { "0031 30 555 01 23", "0305550123" },
    { "+44 20 7946 0018", "442079460018" },
    { "bel 0900 555 01 20 nu", "bel 09005550120 nu" },
    { "030 555 01 2", "030555012" },
    { "1234 AB", "1234AB" },
    { "1234 ab Voorbeeldstad", "1234ab Voorbeeldstad" },
    { "1234 A", "1234A" },
    { "1234AB", "1234AB" },
    /* Left alone: numbers that are not phone numbers or postcodes. */
    { "112", "112" },
    { "Kerkstraat 12 1234 AC", "Kerkstraat 12 1234AC" },
    { "12 1234", "12 1234" },
    { "0123 AB", "0123 AB" },
    { "1234 ABC", "1234 ABC" },
    { "9.00 tot 12.00", "9.00 tot 12.00" },
    { "2026-10-12", "2026-10-12" },
    { "a030 555", "a030 555" },
    { "030 555x", "030 555x" },
    { "030  555", "030  555" },
    { "+", "+" },
    { "", "" },
    { "ü12 030 5", "ü12 0305" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *joined = baken_search_numbers_join (cases[i].text);

      g_assert_cmpstr (joined, ==, cases[i].joined);
    }
}

/* Numbers as residents type them: the emergency number in a text, phone numbers with
 * and without spaces, postcodes of the places where a service is. */
static void
test_numbers (Fixture       *f,
              gconstpointer  data)
{
  static const Case cases[] = {
    { "112", "nl", "svc-veilig-thuis", 5, FALSE },
    { "112", "ar", "svc-veilig-thuis", 5, FALSE },
    { "١١٢", "ar", "svc-veilig-thuis", 5, FALSE },
    /* A public phone number, however it is written or spaced. */
    { "030 555 01 23", "nl", "svc-schuldhulp", 1, FALSE },
    { "0305550123", "nl", "svc-schuldhulp", 1, FALSE },
    { "030-555 01 23", "nl", "svc-schuldhulp", 1, FALSE },
    { "030 5550123", "nl", "svc-schuldhulp", 1, FALSE },
    { "+31 30 555 01 23", "nl", "svc-schuldhulp", 1, FALSE },
    { "0031305550123", "nl", "svc-schuldhulp", 1, FALSE },
    /* While it is being typed. */
    { "030 555 01 2", "nl", "svc-schuldhulp", 1, FALSE },
    { "03055501", "nl", "svc-schuldhulp", 10, FALSE },
    /* One number, two services. */
    { "030 555 02 00", "nl", "svc-bijstand", 2, FALSE },
    { "030 555 02 00", "nl", "svc-bijzondere-bijstand", 2, FALSE },
    { "0900 555 01 20", "nl", "svc-juridisch-loket", 1, FALSE },
    { "0900", "nl", "svc-juridisch-loket", 1, FALSE },
    { "0800 555 20 00", "en", "svc-veilig-thuis", 1, FALSE },
    /* Postcodes, with and without the space. */
    { "1234 AB", "nl", "svc-schuldhulp", 3, FALSE },
    { "1234 AB", "nl", "svc-raadslieden", 3, FALSE },
    { "1234ab", "nl", "svc-schuldhulp", 3, FALSE },
    { "1235 CD", "nl", "svc-raadslieden", 1, FALSE },
    { "1237 RT", "nl", "svc-digitaal", 1, FALSE },
    { "1234 AE", "uk", "svc-aangifte", 1, FALSE },
  };
  /* Never a staff-only number; never a neighbour of the number typed; never a postal
   * address (a PO box is not where the service is). */
  static const Case absent[] = {
    { "030 555 09 23", "nl", "svc-schuldhulp", LIMIT, FALSE },
    { "0305550923", "nl", "svc-schuldhulp", LIMIT, FALSE },
    { "113", "nl", "svc-veilig-thuis", LIMIT, FALSE },
    { "030 555 01 24", "nl", "svc-schuldhulp", LIMIT, FALSE },
    { "1230 AA", "nl", "svc-juridisch-loket", LIMIT, FALSE },
  };

  check_cases (f->catalog, cases, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    {
      g_autoptr(GPtrArray) results = search (f->catalog, absent[i].text, absent[i].lang);

      if (rank_of (results, absent[i].id) != 0)
        {
          g_autofree char *found = describe (results);

          g_test_fail_printf ("\"%s\": %s should not be found, found [%s]", absent[i].text,
                              absent[i].id, found);
        }
    }
}

/* Building the index lifts query_only for a moment (fts5vocab in temp): it is back on. */
static void
assert_query_only (BakenCatalog *catalog)
{
  sqlite3 *db = _baken_catalog_get_db (catalog);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA query_only", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TABLE t (a)", NULL, NULL, NULL), !=, SQLITE_OK);
}

static void
test_relevance (Fixture       *f,
                gconstpointer  data)
{
  static const Case cases[] = {
    /* Resident words (synonyms) lead to their life event, first. */
    { "deurwaarder", "nl", "le-geld-deurwaarder", 1, TRUE },
    { "deurwaarder", "nl", "le-geld", 3, FALSE },
    { "incasso", "nl", "le-brief-betalen", 1, TRUE },
    { "huisbaas", "nl", "le-wonen", 1, TRUE },
    { "toeslag", "nl", "le-toeslagen", 1, TRUE },
    { "boete", "nl", "le-recht-boete", 1, TRUE },
    { "Boete ", "nl", "le-recht-boete", 1, TRUE },
    { "uit elkaar", "nl", "le-scheiding", 1, TRUE },
    { "hulp bij schulden", "nl", "le-geld", 1, TRUE },
    { "hulp bij schulden", "nl", "svc-schuldhulp", 2, FALSE },
    /* Prefixes, as the resident types. */
    { "schul", "nl", "le-geld", 3, FALSE },
    { "deurw", "nl", "le-geld-deurwaarder", 1, FALSE },
    { "huurtoe", "nl", "le-toeslagen-huur", 3, FALSE },
    { "ik heb een boe", "nl", "le-recht-boete", 1, FALSE },
    /* Titles, services and organisations. */
    { "ik heb een boete", "nl", "le-recht-boete", 1, TRUE },
    { "voedselpakket", "nl", "svc-voedselbank", 1, FALSE },
    { "boetebureau", "nl", "org-boetebureau", 1, FALSE },
    { "huur achterstand", "nl", "le-wonen-achterstand", 5, FALSE },
    /* Case and diacritics in the query. */
    { "DEURWAARDER", "nl", "le-geld-deurwaarder", 1, TRUE },
    { "déurwäarder", "nl", "le-geld-deurwaarder", 1, TRUE },
    { "schúlden", "nl", "le-geld", 1, TRUE },
    /* Typos: complete words and words being typed. */
    { "deurwaader", "nl", "le-geld-deurwaarder", 1, TRUE },
    { "deurwaader ", "nl", "le-geld-deurwaarder", 1, TRUE },
    { "huisbaaz", "nl", "le-wonen", 1, TRUE },
    { "huisbaaz ", "nl", "le-wonen", 1, TRUE },
    { "schieding", "nl", "le-scheiding", 1, TRUE },
    { "toeslagn", "nl", "le-toeslagen", 1, TRUE },
    { "shculden", "nl", "le-geld", 1, TRUE },
    { "deurwaad", "nl", "le-geld-deurwaarder", 1, FALSE },
    /* English, with English words and synonyms. */
    { "bailiff", "en", "le-geld-deurwaarder", 1, TRUE },
    { "landlord", "en", "le-wonen", 1, TRUE },
    { "debt", "en", "le-geld", 1, TRUE },
    { "allowance", "en", "le-toeslagen", 1, TRUE },
    { "fine", "en", "le-recht-boete", 1, TRUE },
    { "lawyer", "en", "le-recht-advocaat", 1, FALSE },
    { "rent allowance", "en", "le-toeslagen-huur", 2, FALSE },
    { "landlrod", "en", "le-wonen", 1, TRUE },
    /* Dutch synonyms work in every language. */
    { "deurwaarder", "en", "le-geld-deurwaarder", 1, TRUE },
    { "huisbaas", "en", "le-wonen", 1, TRUE },
    /* A language without content searches the Dutch rows. */
    { "toeslag", "ar", "le-toeslagen", 1, TRUE },
    { "toeslag", "xx", "le-toeslagen", 1, TRUE },
    { "toeslag", NULL, "le-toeslagen", 1, TRUE },
  };

  check_cases (f->catalog, cases, G_N_ELEMENTS (cases));
  assert_query_only (f->catalog);
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) boete = search (f->catalog, "boete", "nl");
  g_autoptr(GPtrArray) english = search (f->catalog, "deurwaarder", "en");
  g_autoptr(GPtrArray) dutch = search (f->catalog, "deurwaarder", "nl");
  double previous = G_MAXDOUBLE;

  /* Life events rank above a service and an organisation with the word in the title. */
  g_assert_cmpuint (rank_of (boete, "le-recht"), >, 0);
  g_assert_cmpuint (rank_of (boete, "le-recht"), <, rank_of (boete, "svc-boete"));
  g_assert_cmpuint (rank_of (boete, "svc-boete"), <, rank_of (boete, "org-boetebureau"));

  /* Synonym hits first, then by score. */
  for (guint i = 0; i < boete->len; i++)
    {
      BakenSearchResult *result = g_ptr_array_index (boete, i);

      g_assert_cmpint (result->synonym_hit, ==, i == 0);
      if (i > 0)
        {
          g_assert_cmpfloat (result->score, <=, previous);
          previous = result->score;
        }
      g_assert_cmpfloat (result->score, >, 0.0);
    }

  /* The texts come in the requested language. */
  g_assert_cmpstr (((BakenSearchResult *) g_ptr_array_index (dutch, 0))->title, ==,
                   "Er komt een deurwaarder");
  g_assert_cmpstr (((BakenSearchResult *) g_ptr_array_index (english, 0))->title, ==,
                   "A bailiff is coming");
}

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) events = search (f->catalog, "deurwaarder", "nl");
  g_autoptr(GPtrArray) services = search (f->catalog, "food parcel", "en");
  g_autoptr(GPtrArray) organizations = search (f->catalog, "boetebureau", "nl");
  BakenSearchResult *event, *home, *service, *organization;

  g_assert_cmpuint (rank_of (events, "le-geld-deurwaarder"), ==, 1);
  g_assert_cmpuint (rank_of (events, "le-geld"), >, 1);
  g_assert_cmpuint (services->len, >, 0);
  g_assert_cmpuint (organizations->len, >, 0);
  event = g_ptr_array_index (events, 0);
  home = g_ptr_array_index (events, rank_of (events, "le-geld") - 1);
  service = g_ptr_array_index (services, 0);
  organization = g_ptr_array_index (organizations, 0);

  /* A sub-situation: its parent, its summary, and its parent's icon. */
  g_assert_cmpint (event->kind, ==, BAKEN_SEARCH_LIFE_EVENT);
  g_assert_cmpstr (event->id, ==, "le-geld-deurwaarder");
  g_assert_cmpstr (event->parent_id, ==, "le-geld");
  g_assert_cmpstr (event->icon, ==, "geld");
  g_assert_cmpstr (event->subtitle, ==,
                   "Een deurwaarder komt geld halen voor iemand aan wie u geld schuldig bent.");
  g_assert_true (event->synonym_hit);

  g_assert_cmpint (home->kind, ==, BAKEN_SEARCH_LIFE_EVENT);
  g_assert_null (home->parent_id);
  g_assert_cmpstr (home->icon, ==, "geld");
  g_assert_cmpstr (home->title, ==, "Geldzorgen en schulden");

  /* A service: its organisation, named in the language asked for. */
  g_assert_cmpint (service->kind, ==, BAKEN_SEARCH_SERVICE);
  g_assert_cmpstr (service->id, ==, "svc-voedselbank");
  g_assert_cmpstr (service->title, ==, "Food parcel");
  g_assert_cmpstr (service->parent_id, ==, "org-voedselbank");
  g_assert_cmpstr (service->subtitle, ==, "Food Bank Voorbeeldstad");
  g_assert_null (service->icon);

  /* An organisation: the first sentence of its description. */
  g_assert_cmpint (organization->kind, ==, BAKEN_SEARCH_ORGANIZATION);
  g_assert_cmpstr (organization->id, ==, "org-boetebureau");
  g_assert_cmpstr (organization->subtitle, ==,
                   "Het Boetebureau stuurt de brieven over boetes van de overheid en "
                   "ontvangt het geld.");
  g_assert_null (organization->parent_id);
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = search (f->catalog, "hulp", "nl");
  g_autoptr(GPtrArray) three = baken_search_run (f->catalog, "hulp", "nl", 3, &error);
  g_autoptr(GPtrArray) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 3);
  g_assert_cmpuint (three->len, ==, 3);
  for (guint i = 0; i < three->len; i++)
    g_assert_cmpstr (((BakenSearchResult *) g_ptr_array_index (three, i))->id, ==,
                     ((BakenSearchResult *) g_ptr_array_index (all, i))->id);

  none = baken_search_run (f->catalog, "hulp", "nl", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Untrusted text: every input returns without error. expect is NULL for "anything",
 * "" for no results, else an id among the results. */
typedef struct
{
  const char *text;
  const char *expect;
} Hostile;

static void
check_hostile (BakenCatalog  *catalog,
               const Hostile *cases,
               guint          n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      const Hostile *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = baken_search_run (catalog, c->text, "nl", LIMIT, &error);
      g_autoptr(GPtrArray) closest = NULL;
      g_autofree char *printable = g_strescape (c->text, NULL);

      if (error != NULL || results == NULL)
        {
          g_test_fail_printf ("\"%.80s\": %s", printable,
                              error != NULL ? error->message : "no results array");
          continue;
        }
      for (guint r = 0; r < results->len; r++)
        {
          BakenSearchResult *result = g_ptr_array_index (results, r);

          g_assert_nonnull (result->id);
          g_assert_nonnull (result->title);
          g_assert_true (g_utf8_validate (result->title, -1, NULL));
        }
      if (c->expect != NULL &&
          (*c->expect == '\0' ? results->len != 0 : rank_of (results, c->expect) == 0))
        {
          g_autofree char *found = describe (results);

          g_test_fail_printf ("\"%.80s\": expected %s, found [%s]", printable,
                              *c->expect == '\0' ? "nothing" : c->expect, found);
        }

      closest = baken_search_suggest_closest (catalog, c->text, "nl", 5, &error);
      if (error != NULL || closest == NULL || closest->len == 0)
        g_test_fail_printf ("\"%.80s\": no closest life events: %s", printable,
                            error != NULL ? error->message : "empty");
    }
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *long_text = NULL;
  g_autofree char *long_word = g_strnfill (5000, 'x');
  g_autofree char *many_words = NULL;
  g_autofree char *many_quotes = g_strnfill (3000, '"');
  g_autoptr(GString) repeated = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append (repeated, "deurwaarder ");
  long_text = g_string_free (g_steal_pointer (&repeated), FALSE);
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (words, "w%u ", i);
  g_string_append (words, "deurwaarder");
  many_words = g_string_free (g_steal_pointer (&words), FALSE);

  {
    const Hostile cases[] = {
      { "", "" },
      { "   ", "" },
      { " \t\n\r ", "" },
      { "d", "" },                       /* one letter being typed: not yet */
      { "\"", "" },
      { "\"\"", "" },
      { "\"deurwaarder", "le-geld-deurwaarder" },
      { "deurwaarder\"", "le-geld-deurwaarder" },
      { "\"deurwaarder\"", "le-geld-deurwaarder" },
      { "deur\"waarder", NULL },
      { "*", "" },
      { "**", "" },
      { "deurwaarder*", "le-geld-deurwaarder" },
      { "*deurwaarder", "le-geld-deurwaarder" },
      { "NEAR(deurwaarder boete)", "le-geld-deurwaarder" },
      { "NEAR(deurwaarder boete, 2)", "le-recht-boete" },
      { "deurwaarder AND boete", "le-recht-boete" },
      { "deurwaarder OR boete", "le-geld-deurwaarder" },
      { "NOT deurwaarder", "le-geld-deurwaarder" },
      { "boete NOT", "le-recht-boete" },
      { "AND", NULL },
      { "OR", NULL },
      { "NOT", NULL },
      { "NEAR", NULL },
      { "AND OR NOT NEAR", NULL },
      { "%", "" },
      { "%deurwaarder%", "le-geld-deurwaarder" },
      { "^deurwaarder", "le-geld-deurwaarder" },
      { "deurwaarder^", "le-geld-deurwaarder" },
      { "(", "" },
      { ")", "" },
      { "((deurwaarder", "le-geld-deurwaarder" },
      { "deurwaarder)", "le-geld-deurwaarder" },
      { "{title}: deurwaarder", "le-geld-deurwaarder" },
      { "title:deurwaarder", "le-geld-deurwaarder" },
      { "- deurwaarder", "le-geld-deurwaarder" },
      { "+deurwaarder", "le-geld-deurwaarder" },
      { "deurwaarder'; DROP TABLE search; --", NULL },
      { "' OR 1=1 --", NULL },
      { "\\", "" },
      { "deurwaarder\\", "le-geld-deurwaarder" },
      { "?1 ?2 :name @x $y", NULL },
      { "\x01\x02\x1b deurwaarder\x7f", "le-geld-deurwaarder" },
      { "\x1b[31mdeurwaarder\x1b[0m", NULL },
      { "deur\x01waarder", NULL },
      /* Bidi controls, zero-width and other format characters are dropped. */
      { "\u202Edeurwaarder\u202C", "le-geld-deurwaarder" },
      { "\u2066deurwaarder\u2069", "le-geld-deurwaarder" },
      { "deur\u200Bwaarder", "le-geld-deurwaarder" },
      { "deur\u00ADwaarder", "le-geld-deurwaarder" },
      { "\uFEFFdeurwaarder", "le-geld-deurwaarder" },
      { "\u200F\u200E", "" },
      /* Invalid UTF-8: broken bytes are separators. */
      { "\xff\xfe", "" },
      { "deurwaarder\xff", "le-geld-deurwaarder" },
      { "\xc3", "" },
      { "deurwaarder \xc3", "le-geld-deurwaarder" },
      { "\xed\xa0\x80 deurwaarder", "le-geld-deurwaarder" },
      { "\xf4\x90\x80\x80", "" },
      { "\xe2\x82", "" },
      { "\uE000deurwaarder", "le-geld-deurwaarder" },
      /* Other scripts and symbols. */
      { "🙂", "" },
      { "كِتَاب", NULL },
      { "борг", NULL },
      { "\u0301\u0301\u0301", NULL },
      /* Very long input: capped, never slow or failing. */
      { long_text, "le-geld-deurwaarder" },
      { long_word, "" },
      { many_quotes, "" },
      { many_words, NULL },
    };

    check_hostile (f->catalog, cases, G_N_ELEMENTS (cases));
  }
}

static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  static const char * const home[] = { "le-geld", "le-brief", "le-wonen", "le-werk" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nothing = search (f->catalog, "qwxzv", "nl");
  g_autoptr(GPtrArray) closest = NULL;
  g_autoptr(GPtrArray) fuzzy = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) english = NULL;

  /* Nothing close: the Home screen's life events, by position. */
  g_assert_cmpuint (nothing->len, ==, 0);
  closest = baken_search_suggest_closest (f->catalog, "qwxzv", "nl", 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (closest->len, ==, G_N_ELEMENTS (home));
  for (guint i = 0; i < G_N_ELEMENTS (home); i++)
    {
      BakenSearchResult *result = g_ptr_array_index (closest, i);

      g_assert_cmpint (result->kind, ==, BAKEN_SEARCH_LIFE_EVENT);
      g_assert_cmpstr (result->id, ==, home[i]);
      g_assert_nonnull (result->title);
      g_assert_nonnull (result->icon);
    }

  english = baken_search_suggest_closest (f->catalog, NULL, "en", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (english->len, ==, 1);
  g_assert_cmpstr (((BakenSearchResult *) g_ptr_array_index (english, 0))->title, ==,
                   "Money worries and debts");

  /* Too far off for the search, close enough for a suggestion: life events only. */
  empty = search (f->catalog, "dreuwaardr", "nl");
  g_assert_cmpuint (empty->len, ==, 0);
  fuzzy = baken_search_suggest_closest (f->catalog, "dreuwaardr", "nl", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fuzzy->len, >=, 1);
  g_assert_cmpuint (fuzzy->len, <=, 3);
  g_assert_cmpuint (rank_of (fuzzy, "le-geld-deurwaarder"), ==, 1);
  for (guint i = 0; i < fuzzy->len; i++)
    g_assert_cmpint (((BakenSearchResult *) g_ptr_array_index (fuzzy, i))->kind, ==,
                     BAKEN_SEARCH_LIFE_EVENT);
}

static void
test_diacritics (void)
{
  static const Case cases[] = {
    { "reünie", "nl", "le-geld", 1, TRUE },
    { "reunie", "nl", "le-geld", 1, TRUE },
    { "REÜNIE", "nl", "le-geld", 1, TRUE },
    { "reu", "nl", "le-geld", 1, FALSE },
    { "café", "nl", "le-inkomen", 1, TRUE },
    { "cafe", "nl", "le-inkomen", 1, TRUE },
    { "CAFÈ", "nl", "le-inkomen", 1, TRUE },
    { "caf", "nl", "le-inkomen", 1, FALSE },
    { "reünie", "en", "le-geld", 1, TRUE },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *db = build_diacritics_db ();
  g_autoptr(BakenCatalog) catalog = baken_catalog_new_for_path (db, &error);

  g_assert_no_error (error);
  check_cases (catalog, cases, G_N_ELEMENTS (cases));
}

static void
test_inactive (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *db = build_db (src, "build.sqlite");
  g_autoptr(BakenCatalog) catalog = baken_catalog_new_for_path (db, &error);
  g_autoptr(GPtrArray) results = NULL;

  g_assert_no_error (error);
  /* svc-huurtoeslag ("Hulp bij huurtoeslag") is temporarily closed: never found. */
  results = search (catalog, "huurtoeslag", "nl");
  g_assert_cmpuint (rank_of (results, "svc-huurtoeslag"), ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (catalog, "hulp", "nl");
  g_assert_cmpuint (rank_of (results, "svc-schuldhulp"), >, 0);
  g_assert_cmpuint (rank_of (results, "svc-huurtoeslag"), ==, 0);
}

/* The embedded demo is opened from memory; search works the same there. */
static void
test_open_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = demo_source ();
  g_autofree char *db = build_db (src, "demo.sqlite");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BakenCatalog) catalog = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gsize length = 0;

  g_file_get_contents (db, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  catalog = baken_catalog_new_for_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (baken_search_prepare (catalog, &error));
  g_assert_no_error (error);

  results = search (catalog, "deurwaader", "nl");
  g_assert_cmpuint (rank_of (results, "le-geld-deurwaarder"), ==, 1);

  assert_query_only (catalog);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/core/search/relevance", test_relevance);
  ADD ("/core/search/numbers", test_numbers);
  g_test_add_func ("/core/search/numbers/join", test_numbers_join);
  g_test_add_func ("/core/search/fold", test_fold);
  ADD ("/core/search/ranking", test_ranking);
  ADD ("/core/search/details", test_details);
  ADD ("/core/search/limit", test_limit);
  ADD ("/core/search/hostile", test_hostile);
  ADD ("/core/search/suggest", test_suggest);
#undef ADD
  g_test_add_func ("/core/search/diacritics", test_diacritics);
  g_test_add_func ("/core/search/inactive", test_inactive);
  g_test_add_func ("/core/search/open-bytes", test_open_bytes);

  return g_test_run ();
}
