/* baken-bundle-translations.c: baken-bundle translations export|import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-translations.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "baken-bundle-cli.h"
#include "baken-bundle-lint.h"
#include "baken-content-source.h"
#include "baken-translations.h"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_USAGE = 2,
};

static int
run_export (BakenContentSource *source,
            const char         *lang,
            const char         *out_path)
{
  g_autoptr(GError) error = NULL;
  BakenTranslationsExport result;
  int status = EXIT_OK;

  if (!baken_translations_export (source, lang, out_path, &result, &error))
    {
      baken_translations_export_clear (&result);
      fprintf (stderr, "baken-bundle translations: %s\n", error->message);
      return EXIT_PROBLEMS;
    }

  for (guint i = 0; i < result.skipped->len; i++)
    fprintf (stderr, "%s/%s\n", baken_content_source_get_dir (source),
             (const char *) g_ptr_array_index (result.skipped, i));
  printf ("baken-bundle translations: wrote %s: %u texts for %s, %u translated, %u fuzzy, "
          "%u to translate%s\n", out_path, result.n_entries, lang, result.n_translated,
          result.n_fuzzy, result.n_entries - result.n_translated - result.n_fuzzy,
          result.skipped->len > 0 ? " (texts left out: see above)" : "");
  if (result.skipped->len > 0)
    status = EXIT_PROBLEMS;
  baken_translations_export_clear (&result);

  return status;
}

static int
run_import (BakenContentSource *source,
            const char         *po_path,
            gboolean            dry_run)
{
  g_autoptr(GError) error = NULL;
  BakenTranslationsImport result;
  int status;

  if (!baken_translations_import (source, po_path, dry_run, &result, &error))
    {
      baken_translations_import_clear (&result);
      fprintf (stderr, "baken-bundle translations: %s\n", error->message);
      fprintf (stderr, "baken-bundle translations: nothing was written\n");
      return EXIT_PROBLEMS;
    }

  for (guint i = 0; i < result.conflicts->len; i++)
    fprintf (stderr, "%s\n", (const char *) g_ptr_array_index (result.conflicts, i));
  printf ("baken-bundle translations: %s: %u entries for %s: %u new, %u changed, %u unchanged; "
          "left out: %u fuzzy, %u not translated, %u in conflict\n", po_path, result.n_entries,
          result.lang, result.n_new, result.n_changed, result.n_unchanged, result.n_fuzzy,
          result.n_empty, result.conflicts->len);
  if (dry_run)
    printf ("baken-bundle translations: --dry-run: nothing was written\n");
  else if (result.written)
    printf ("baken-bundle translations: wrote %s/translations.csv\n",
            baken_content_source_get_dir (source));
  else
    printf ("baken-bundle translations: nothing to write\n");

  status = result.conflicts->len > 0 ? EXIT_PROBLEMS : EXIT_OK;
  baken_translations_import_clear (&result);

  return status;
}

int
baken_bundle_run_translations (int    argc,
                               char **argv)
{
  g_autofree char *lang = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      "export: the language to translate to (ar, tr, …)", "LANG" },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      "import: say what would change, write nothing", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("translations", BAKEN_BUNDLE_TRANSLATIONS_PARAMETERS,
                                  BAKEN_BUNDLE_TRANSLATIONS_SUMMARY,
                                  BAKEN_BUNDLE_TRANSLATIONS_DESCRIPTION, entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenContentSource) source = NULL;
  gboolean export;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("translations", "%s", error->message);

  if (argc < 2 || (strcmp (argv[1], "export") != 0 && strcmp (argv[1], "import") != 0))
    return baken_bundle_cli_usage_error ("translations", "say export or import");
  export = strcmp (argv[1], "export") == 0;
  if (argc != 4)
    return baken_bundle_cli_usage_error ("translations", export ? "export takes SRC and OUT.po"
                                         : "import takes SRC and IN.po");
  if (export && lang == NULL)
    return baken_bundle_cli_usage_error ("translations", "export needs --lang LANG");
  if (!export && lang != NULL)
    return baken_bundle_cli_usage_error ("translations", "--lang is for export; import reads the "
                                         "language from the PO file's header");
  if (export && dry_run)
    return baken_bundle_cli_usage_error ("translations", "--dry-run is for import");

  if ((source = baken_content_source_load (argv[2], &error)) == NULL)
    {
      fprintf (stderr, "baken-bundle translations: %s\n", error->message);
      return EXIT_PROBLEMS;
    }

  return export ? run_export (source, lang, argv[3]) : run_import (source, argv[3], dry_run);
}
