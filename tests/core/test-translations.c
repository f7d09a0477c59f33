/* test-translations.c: content texts out to a translator (PO) and back
 * (src/authoring/baken-translations*.c, baken-po.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On copies of the demo content (data/demo, every language, with source hashes):
 * msgfmt -c accepts every export, an export imported again leaves every file of the
 * source as it was, a changed Dutch text comes out fuzzy, a new translation lands next to
 * its record, conflicts and bad files are reported with PO:LINE and a bad file writes
 * nothing. test-translations-source.c has the rest.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "baken-content-build.h"
#include "translations-fixture.h"

static const char * const languages[] = { "ar", "en", "pl", "tr", "uk" };

static void
test_export_msgfmt (Fixture       *f,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *po = export (f, languages[i]);
      g_autoptr(BakenPoFile) file = read_po (po);
      BakenPoEntry *title = find_entry (file, "life_event:le-geld:title");

      msgfmt_check (po);
      g_assert_cmpstr (file->language, ==, languages[i]);
      /* Every kind of text the brief names is there, with its Dutch as msgid. */
      g_assert_cmpstr (title->id, ==, "Geldzorgen en schulden");
      g_assert_cmpstr (find_entry (file, "organization:org-gemeente:name")->id, ==,
                       "Gemeente Voorbeeldstad");
      g_assert_nonnull (find_entry (file, "service:svc-schuldhulp:application_process"));
      g_assert_nonnull (find_entry (file, "required_document:doc-schuldhulp-1:document"));
      g_assert_nonnull (find_entry (file, "phone:ph-schuldhulp:description"));
      g_assert_nonnull (find_entry (file, "channel:ch-schuldhulp-afspraak:label"));
      g_assert_nonnull (find_entry (file, "location:loc-stadhuis:name"));
      g_assert_nonnull (find_entry (file, "life_event_service:le-geld/svc-schuldhulp:note"));
      g_assert_cmpstr (title->str, !=, "");
      g_assert_false (title->fuzzy);
      g_assert_cmpuint (file->entries->len, >, 500);
    }
}

/* Export, import: every file of the source byte for byte as it was, in every language;
 * and an export of the same source is the same file. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) before = snapshot (f);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *po = export (f, languages[i]);
      g_autofree char *first = read_file (f->tmp, strrchr (po, '/') + 1);
      g_autofree char *second = NULL;
      BakenTranslationsImport result;

      import (f, po, &result);
      g_assert_cmpuint (result.n_new + result.n_changed, ==, 0);
      g_assert_cmpuint (result.n_unchanged, >, 400);
      g_assert_cmpuint (result.conflicts->len, ==, 0);
      g_assert_false (result.written);
      baken_translations_import_clear (&result);

      g_free (export (f, languages[i]));
      second = read_file (f->tmp, strrchr (po, '/') + 1);
      g_assert_cmpstr (first, ==, second);
    }
  assert_unchanged (f, before);
}

/* The Dutch of a translated text changes: the next export marks it fuzzy; importing the
 * fuzzy entry changes nothing; once the translator takes the flag away, the row gets
 * the new hash and the following export is no longer fuzzy. */
static void
test_fuzzy (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *po = NULL;
  g_autoptr(BakenPoFile) file = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *translations = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BakenContentSource) source = NULL;
  g_autoptr(GPtrArray) stats = NULL;
  BakenTranslationsImport result;
  BakenPoEntry *title;

  replace_in (f->src, "life_events.csv", "le-geld,,1,geld,Geldzorgen en schulden,",
              "le-geld,,1,geld,Geldzorgen en schulden van u,");
  po = export (f, "tr");
  msgfmt_check (po);
  file = read_po (po);
  title = find_entry (file, "life_event:le-geld:title");
  g_assert_true (title->fuzzy);
  g_assert_cmpstr (title->id, ==, "Geldzorgen en schulden van u");
  g_assert_cmpstr (title->str, ==, "Para sıkıntısı ve borçlar");
  g_assert_false (find_entry (file, "life_event:le-geld:summary")->fuzzy);

  /* inspect SRC counts it, in every language that translated the title. */
  source = load (f);
  stats = baken_translations_stats (source);
  g_assert_cmpuint (stats->len, ==, G_N_ELEMENTS (languages));
  for (guint i = 0; i < stats->len; i++)
    g_assert_cmpuint (((BakenTranslationStats *) g_ptr_array_index (stats, i))->n_fuzzy, ==, 1);

  translations = read_file (f->src, "translations.csv");
  import (f, po, &result);
  g_assert_cmpuint (result.n_fuzzy, ==, 1);
  g_assert_false (result.written);
  baken_translations_import_clear (&result);
  after = read_file (f->src, "translations.csv");
  g_assert_cmpstr (after, ==, translations);

  /* The translator looked and kept it, or wrote a new one: the flag goes. */
  edited = read_file (f->tmp, "tr.po");
  replace_in (f->tmp, "tr.po", "#, fuzzy\nmsgctxt \"life_event:le-geld:title\"\n",
              "msgctxt \"life_event:le-geld:title\"\n");
  replace_in (f->tmp, "tr.po", "msgstr \"Para sıkıntısı ve borçlar\"",
              "msgstr \"Para sıkıntılarınız ve borçlarınız\"");
  import (f, po, &result);
  g_assert_cmpuint (result.n_changed, ==, 1);
  g_assert_cmpuint (result.n_new, ==, 0);
  g_assert_true (result.written);
  baken_translations_import_clear (&result);

  g_clear_pointer (&file, baken_po_file_free);
  g_free (po);
  po = export (f, "tr");
  file = read_po (po);
  title = find_entry (file, "life_event:le-geld:title");
  g_assert_false (title->fuzzy);
  g_assert_cmpstr (title->str, ==, "Para sıkıntılarınız ve borçlarınız");
}

/* A text translated for the first time lands next to the rows of its record, every other
 * row keeps its bytes, and the build takes it. */
static void
test_new_translation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *po = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *db = tmp_file (f, "content.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) old_lines = NULL;
  g_auto(GStrv) new_lines = NULL;
  BakenBuildOptions options = { .serial = 1, .created = "2025-12-01T00:00:00Z" };
  BakenTranslationsImport result;
  guint added = 0;

  /* A text without its Turkish translation yet. */
  replace_in (f->src, "translations.csv", "schedule_exception,exc-juridisch-loket-oudjaar,note,tr,"
              "31 Aralık'ta bize ulaşılamaz.,sha256:306d0d2a3de2\n", "");
  /* Quotes a spreadsheet put where none are needed, and an empty line, stay. */
  replace_in (f->src, "translations.csv", "\norganization,org-gemeente,name,en,"
              "Municipality of Voorbeeldstad,", "\n\norganization,org-gemeente,name,en,"
              "\"Municipality of Voorbeeldstad\",");
  po = export (f, "tr");
  before = read_file (f->src, "translations.csv");
  old_lines = g_strsplit (before, "\n", -1);

  /* The translator translates it. */
  replace_in (f->tmp, "tr.po",
              "msgctxt \"schedule_exception:exc-juridisch-loket-oudjaar:note\"\n"
              "msgid \"Op 31 december zijn wij niet bereikbaar.\"\nmsgstr \"\"",
              "msgctxt \"schedule_exception:exc-juridisch-loket-oudjaar:note\"\n"
              "msgid \"Op 31 december zijn wij niet bereikbaar.\"\n"
              "msgstr \"31 Aralık'ta bize ulaşılamaz.\"");
  import (f, po, &result);
  g_assert_cmpuint (result.n_new, ==, 1);
  g_assert_cmpuint (result.n_changed, ==, 0);
  g_assert_true (result.written);
  baken_translations_import_clear (&result);

  after = read_file (f->src, "translations.csv");
  new_lines = g_strsplit (after, "\n", -1);
  g_assert_cmpuint (g_strv_length (new_lines), ==, g_strv_length (old_lines) + 1);
  for (guint i = 0, j = 0; new_lines[j] != NULL; j++)
    {
      if (old_lines[i] != NULL && strcmp (old_lines[i], new_lines[j]) == 0)
        {
          i++;
          continue;
        }
      /* The one new line, right after the last Turkish row of the table. */
      added++;
      g_assert_true (g_str_has_prefix (new_lines[j], "schedule_exception,"
                                       "exc-juridisch-loket-oudjaar,note,tr,"
                                       "31 Aralık'ta bize ulaşılamaz.,sha256:"));
      g_assert_true (g_str_has_prefix (new_lines[j - 1], "schedule_exception,") ||
                     strstr (new_lines[j - 1], ",tr,") != NULL);
    }
  g_assert_cmpuint (added, ==, 1);

  g_assert_true (baken_content_build (f->src, db, &options, problems, &error));
  g_assert_no_error (error);
}

/* The Dutch changed or the record went away after the export: those entries are left
 * out and named by PO:LINE; the others are imported. */
static void
test_conflicts (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *po = export (f, "pl");
  g_autoptr(BakenPoFile) file = read_po (po);
  g_autofree char *expected_title = NULL;
  g_autofree char *expected_org = NULL;
  BakenTranslationsImport result;

  replace_in (f->tmp, "pl.po", "msgstr \"Kłopoty finansowe i długi\"", "msgstr \"Długi\"");
  replace_in (f->tmp, "pl.po", "msgstr \"Gmina Voorbeeldstad\"", "msgstr \"Urząd Gminy\"");
  replace_in (f->src, "life_events.csv", "le-geld,,1,geld,Geldzorgen en schulden,",
              "le-geld,,1,geld,Geld en schulden,");
  replace_in (f->src, "organizations.csv",
              "org-gemeente,Gemeente Voorbeeldstad,",
              "org-gemeente,Gemeente Voorbeeldstad (nieuw),");

  import (f, po, &result);
  g_assert_cmpuint (result.conflicts->len, ==, 2);
  expected_title = g_strdup_printf ("%s:%u: life_event:le-geld:title: the Dutch text changed "
                                    "since the export", po,
                                    find_entry (file, "life_event:le-geld:title")->line);
  expected_org = g_strdup_printf ("%s:%u: organization:org-gemeente:name: the Dutch text changed",
                                  po, find_entry (file, "organization:org-gemeente:name")->line);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.conflicts, 0), expected_title));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result.conflicts, 1), expected_org));
  g_assert_cmpuint (result.n_new + result.n_changed, ==, 0);
  baken_translations_import_clear (&result);
}

typedef struct
{
  const char *name;
  const char *old;     /* in the exported ar.po */
  const char *new;
  const char *error;   /* after "PATH:" */
} BadImport;

static const BadImport bad_imports[] = {
  { "no-language", "\"Language: ar\\n\"\n", "", " the header has no Language" },
  { "dutch", "\"Language: ar\\n\"\n", "\"Language: nl\\n\"\n", " Language \"nl\" is not a language" },
  { "context", "msgctxt \"life_event:le-geld:title\"", "msgctxt \"le-geld:title\"",
    "LINE: msgctxt \"le-geld:title\" is not TABLE:ID:FIELD" },
  { "field", "msgctxt \"life_event:le-geld:title\"", "msgctxt \"life_event:le-geld:icon\"",
    "LINE: msgctxt \"life_event:le-geld:icon\" is not TABLE:ID:FIELD" },
  { "plural", "msgctxt \"life_event:le-geld:title\"\nmsgid \"Geldzorgen en schulden\"\n",
    "msgctxt \"life_event:le-geld:title\"\nmsgid \"Geldzorgen en schulden\"\nmsgid_plural \"x\"\n",
    "LINE+1: plural forms" },
};

/* A file that is not one of ours is refused with PO:LINE, and nothing is written. */
static void
test_bad_import (Fixture       *f,
                 gconstpointer  data)
{
  const BadImport *c = data;
  g_autofree char *po = export (f, "ar");
  g_autoptr(BakenPoFile) file = read_po (po);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(BakenContentSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected = g_string_new (c->error);
  g_autofree char *line = g_strdup_printf ("%u", find_entry (file, "life_event:le-geld:title")->line);
  g_autofree char *next = g_strdup_printf ("%u", find_entry (file, "life_event:le-geld:title")->line + 1);
  g_autofree char *message = NULL;
  BakenTranslationsImport result;

  /* Translate something, so that an import would write. */
  replace_in (f->tmp, "ar.po", "msgid \"Gemeente Voorbeeldstad\"\nmsgstr \"بلدية Voorbeeldstad\"",
              "msgid \"Gemeente Voorbeeldstad\"\nmsgstr \"مدينة Voorbeeldstad\"");
  replace_in (f->tmp, "ar.po", c->old, c->new);
  before = snapshot (f);
  source = load (f);

  g_string_replace (expected, "LINE+1", next, 0);
  g_string_replace (expected, "LINE", line, 0);
  message = g_strdup_printf ("%s:%s", po, expected->str);
  g_assert_false (baken_translations_import (source, po, FALSE, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, message));
  baken_translations_import_clear (&result);
  assert_unchanged (f, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define DEMO(path, func) \
  g_test_add ("/core/translations/" path, Fixture, NULL, fixture_demo, func, fixture_teardown)
  DEMO ("export-msgfmt", test_export_msgfmt);
  DEMO ("round-trip", test_round_trip);
  DEMO ("fuzzy", test_fuzzy);
  DEMO ("new-translation", test_new_translation);
  DEMO ("conflicts", test_conflicts);
  for (guint i = 0; i < G_N_ELEMENTS (bad_imports); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/translations/bad-import/%s",
                                               bad_imports[i].name);

      g_test_add (path, Fixture, &bad_imports[i], fixture_demo, test_bad_import,
                  fixture_teardown);
    }
#undef DEMO

  return g_test_run ();
}
