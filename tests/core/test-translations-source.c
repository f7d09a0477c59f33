/* test-translations-source.c: translations of a source from before source hashes,
 * a source without translations.csv, inspect SRC and the command line
 * (src/authoring/baken-translations*.c, baken-inspect-source.c, baken-bundle translations)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "baken-inspect-source.h"
#include "test-util.h"
#include "translations-fixture.h"

/* A source from before source hashes (tests/data/build): the first import of an
 * untouched export adds the column and a hash to every row it confirms, and changes
 * nothing else; from then on a round trip changes nothing. */
static void
test_stamp (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *before = read_file (f->src, "translations.csv");
  g_autofree char *po = export (f, "en");
  g_autofree char *after = NULL;
  g_auto(GStrv) old_lines = g_strsplit (before, "\n", -1);
  g_auto(GStrv) new_lines = NULL;
  g_autoptr(GHashTable) stamped = NULL;
  BakenTranslationsImport result;

  g_assert_null (strstr (before, "source_hash"));
  import (f, po, &result);
  g_assert_cmpuint (result.n_changed, ==, 8);
  g_assert_cmpuint (result.n_new, ==, 0);
  baken_translations_import_clear (&result);

  after = read_file (f->src, "translations.csv");
  new_lines = g_strsplit (after, "\n", -1);
  g_assert_cmpuint (g_strv_length (new_lines), ==, g_strv_length (old_lines));
  g_assert_cmpstr (new_lines[0], ==, "table,id,field,lang,text,source_hash");
  for (guint i = 1; old_lines[i] != NULL && *old_lines[i] != '\0'; i++)
    {
      g_assert_true (g_str_has_prefix (new_lines[i], old_lines[i]));
      g_assert_true (g_str_has_prefix (new_lines[i] + strlen (old_lines[i]), ",sha256:"));
    }

  stamped = snapshot (f);
  g_free (po);
  po = export (f, "en");
  import (f, po, &result);
  g_assert_false (result.written);
  baken_translations_import_clear (&result);
  assert_unchanged (f, stamped);
}

/* A source without translations.csv gets one, listed in datapackage.json, and builds. */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->src, "translations.csv", NULL);
  g_autofree char *po = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *hash = baken_content_source_hash_text ("Hulp bij schulden");
  g_autofree char *expected = g_strdup_printf ("table,id,field,lang,text,source_hash\n"
                                               "service,svc-schuldhulp,name,uk,"
                                               "Допомога з боргами,%s\n", hash);
  g_autoptr(BakenContentSource) source = NULL;
  BakenTranslationsImport result;

  g_assert_cmpint (g_unlink (path), ==, 0);
  replace_in (f->src, "datapackage.json",
              ",\n    { \"name\": \"translation\", \"path\": \"translations.csv\", "
              "\"profile\": \"tabular-data-resource\" }", "");
  po = export (f, "uk");
  replace_in (f->tmp, "uk.po", "msgid \"Hulp bij schulden\"\nmsgstr \"\"",
              "msgid \"Hulp bij schulden\"\nmsgstr \"Допомога з боргами\"");
  import (f, po, &result);
  g_assert_cmpuint (result.n_new, ==, 1);
  g_assert_true (result.written);
  baken_translations_import_clear (&result);

  csv = read_file (f->src, "translations.csv");
  g_assert_cmpstr (csv, ==, expected);
  source = load (f);
  g_assert_cmpuint (baken_content_source_get_problems (source)->len, ==, 0);
  g_assert_cmpstr (baken_content_source_get_translation (source, BAKEN_SOURCE_SERVICE,
                                                         "svc-schuldhulp", "name", "uk"),
                   ==, "Допомога з боргами");
}

/* inspect SRC: per language the share translated, the fuzzy ones, those without hash. */
static void
test_inspect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  replace_in (f->src, "services.csv", "Wij helpen u als u schulden heeft. Samen maken we een plan.",
              "Wij helpen u als u schulden heeft.");
  summary = baken_inspect_source (f->src, &error);
  g_assert_no_error (error);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "Content source: "));
  g_assert_nonnull (strstr (summary, "Languages: en nl\n"));
  g_assert_nonnull (strstr (summary, "Problems: 0\n"));
  /* tests/data/build: 8 of its 55 Dutch texts (with the costs and the wait of
   * svc-formulieren) have an English translation, none with a hash, so none can be fuzzy
   * (the changed description has no translation). */
  g_assert_nonnull (strstr (summary, "Translations (of 55 Dutch texts that can be translated):\n"
                                     "  en    14%   8 translated, 0 fuzzy, 8 without source hash\n"));
}

static void
test_inspect_fuzzy (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  replace_in (f->src, "services.csv",
              "svc-schuldhulp,org-gemeente,Hulp bij schulden,",
              "svc-schuldhulp,org-gemeente,Hulp als u schulden heeft,");
  summary = baken_inspect_source (f->src, &error);
  g_assert_no_error (error);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "\n  ar   100%   569 translated, 1 fuzzy, 0 without source hash\n"));
  g_assert_nonnull (strstr (summary, "\n  tr   100%   569 translated, 1 fuzzy, 0 without source hash\n"));
}

/* The command line: exit status, the summary line, and a conflict's PO:LINE. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *tool = g_getenv ("BAKEN_BUNDLE");
  g_autofree char *po = tmp_file (f, "cli.po");
  const char *export_argv[] = { tool, "translations", "export", f->src, "--lang", "tr", po, NULL };
  const char *import_argv[] = { tool, "translations", "import", f->src, po, NULL };
  const char *no_lang[] = { tool, "translations", "export", f->src, po, NULL };
  const char *inspect_argv[] = { tool, "inspect", f->src, NULL };
  g_autofree char *output = NULL;

  g_assert_nonnull (tool);
  g_assert_cmpint (baken_test_run_with_input (export_argv, NULL, TRUE, NULL, &output), ==, 0);
  g_assert_nonnull (strstr (output, "texts for tr"));
  g_clear_pointer (&output, g_free);

  g_assert_cmpint (baken_test_run_with_input (import_argv, NULL, TRUE, NULL, &output), ==, 0);
  g_assert_nonnull (strstr (output, "0 new, 0 changed"));
  g_assert_nonnull (strstr (output, "nothing to write"));
  g_clear_pointer (&output, g_free);

  replace_in (f->src, "life_events.csv", "le-geld,,1,geld,Geldzorgen en schulden,",
              "le-geld,,1,geld,Geld en schulden,");
  replace_in (f->tmp, "cli.po", "msgstr \"Para sıkıntısı ve borçlar\"", "msgstr \"Para\"");
  g_assert_cmpint (baken_test_run_with_input (import_argv, NULL, TRUE, NULL, &output), ==, 1);
  g_assert_nonnull (strstr (output, "life_event:le-geld:title: the Dutch text changed"));
  g_assert_nonnull (strstr (output, "1 in conflict"));
  g_clear_pointer (&output, g_free);

  g_assert_cmpint (baken_test_run_with_input (no_lang, NULL, TRUE, NULL, &output), ==, 2);
  g_assert_nonnull (strstr (output, "export needs --lang LANG"));
  g_clear_pointer (&output, g_free);

  g_assert_cmpint (baken_test_run_with_input (inspect_argv, NULL, TRUE, NULL, &output), ==, 0);
  g_assert_nonnull (strstr (output, "Translations (of "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/translations-source/stamp", Fixture, NULL, fixture_build, test_stamp,
              fixture_teardown);
  g_test_add ("/core/translations-source/create", Fixture, NULL, fixture_build, test_create,
              fixture_teardown);
  g_test_add ("/core/translations-source/inspect", Fixture, NULL, fixture_build, test_inspect,
              fixture_teardown);
  g_test_add ("/core/translations-source/inspect-fuzzy", Fixture, NULL, fixture_demo,
              test_inspect_fuzzy, fixture_teardown);
  g_test_add ("/core/translations-source/cli", Fixture, NULL, fixture_demo, test_cli,
              fixture_teardown);

  return g_test_run ();
}
