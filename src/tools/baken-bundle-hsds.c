/* baken-bundle-hsds.c: baken-bundle import-hsds and export-hsds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-hsds.h"

#include <stdio.h>
#include <string.h>

#include "baken-bundle-cli.h"
#include "baken-bundle-lint.h"
#include "baken-hsds.h"

/* "PREFIX/" (a folder, a URL), or "" when PREFIX already ends in one. */
static const char *
separator (const char *prefix)
{
  return g_str_has_suffix (prefix, "/") ? "" : "/";
}

static void
print_notes (const char *prefix,
             GPtrArray  *notes)
{
  for (guint i = 0; i < notes->len; i++)
    fprintf (stderr, "%s%s%s\n", prefix, separator (prefix),
             (const char *) g_ptr_array_index (notes, i));
}

/* Prints "PREFIX/FILE:LINE:COLUMN: KIND: MESSAGE" for "FILE:LINE:COLUMN: MESSAGE". */
static void
print_positioned (const char *prefix,
                  const char *kind,
                  GPtrArray  *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *p = line;
      guint colons = 0;

      while (*p != '\0' && colons < 3)
        if (*p++ == ':')
          colons++;

      if (colons == 3 && *p == ' ')
        fprintf (stderr, "%s%s%.*s %s:%s\n", prefix, separator (prefix), (int) (p - line), line,
                 kind, p);
      else
        fprintf (stderr, "%s: %s: %s\n", prefix, kind, line);
    }
}

static void
print_problems (const char *prefix,
                GPtrArray  *problems)
{
  print_positioned (prefix, "error", problems);
}

int
baken_bundle_run_import_hsds (int    argc,
                              char **argv)
{
  BakenHsdsImportOptions options = { FALSE, NULL, 0 };
  g_autofree char *url = NULL;
  g_autofree char *menu = NULL;
  g_autofree char *into = NULL;
  int timeout_s = BAKEN_HSDS_API_TIMEOUT_S;
  const GOptionEntry entries[] = {
    { "strict", 0, 0, G_OPTION_ARG_NONE, &options.strict,
      "Stop at any value or record that cannot be imported", NULL },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url,
      "Read the HSDS API at URL (URL/services, page by page) instead of PATH", "URL" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout_s,
      "Give up reading the API after SECONDS (default 600)", "SECONDS" },
    { "menu", 0, 0, G_OPTION_ARG_FILENAME, &menu,
      "Fill the menu of the content source MENU (its taxonomy_menu.csv)", "MENU" },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      "Update the content source SOURCE, keeping what Baken adds (no OUT)", "SOURCE" },
    { NULL }
  };
  const char *source, *out;
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("import-hsds", BAKEN_BUNDLE_IMPORT_HSDS_PARAMETERS,
                                  BAKEN_BUNDLE_IMPORT_HSDS_SUMMARY,
                                  BAKEN_BUNDLE_IMPORT_HSDS_DESCRIPTION, entries);
  g_autoptr(BakenHsdsImportReport) report = baken_hsds_import_report_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("import-hsds", "%s", error->message);
  if (into != NULL && menu != NULL)
    return baken_bundle_cli_usage_error ("import-hsds", "--into takes the menu of SOURCE; leave "
                                         "out --menu");
  if (argc != 3 - (url != NULL) - (into != NULL))
    return baken_bundle_cli_usage_error ("import-hsds", "give %s", url != NULL && into != NULL ?
                                         "no PATH and no OUT with --url and --into" : url != NULL ?
                                         "OUT only with --url" : into != NULL ?
                                         "PATH only with --into" : "PATH and OUT");
  if (timeout_s < 1)
    return baken_bundle_cli_usage_error ("import-hsds", "--timeout must be at least 1 second");
  options.url = url;
  options.menu = menu;
  options.into = into;
  options.timeout_s = (guint) timeout_s;
  source = url != NULL ? url : argv[1];
  out = into != NULL ? into : url != NULL ? argv[1] : argv[2];
  if (into != NULL)
    menu = g_strdup (into);

  ok = baken_hsds_import (url != NULL ? NULL : argv[1], into != NULL ? NULL : out, &options,
                          report, &error);
  print_notes (source, report->notes);
  if (menu != NULL)
    print_notes (menu, report->menu_notes);
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      const char *text = g_ptr_array_index (report->conflicts, i);
      const char *message = strstr (text, ": ");

      if (message != NULL)
        fprintf (stderr, "%s%s%.*s: conflict: %s\n", out, separator (out),
                 (int) (message - text), text, message + 2);
    }
  print_positioned (source, "warning", report->warnings);
  print_positioned (source, "error", report->errors);
  if (!ok)
    {
      print_problems (source, report->problems);
      fprintf (stderr, "baken-bundle import-hsds: %s\n", error->message);
      return 1;
    }

  printf ("baken-bundle import-hsds: %s the content source %s with %u %s; %u %s dropped, "
          "%u %s left out (listed above)%s\n", into != NULL ? "updated" : "wrote", out,
          report->n_services,
          report->n_services == 1 ? "service" : "services", report->warnings->len,
          report->warnings->len == 1 ? "value" : "values", report->errors->len,
          report->errors->len == 1 ? "record" : "records",
          report->conflicts->len > 0 ? "; see the conflicts" : "");
  if (menu == NULL)
    {
      printf ("It has one life event, \"Alle diensten\": build the real menu (or map the "
              "taxonomy with --menu), then run baken-bundle lint %s\n", out);
      return 0;
    }
  if (report->unplaced->len > 0)
    {
      printf ("%u %s no life event lists; place %s in life_event_services.csv, or map %s "
              "terms in %s/taxonomy_menu.csv:\n", report->unplaced->len,
              report->unplaced->len == 1 ? "service" : "services",
              report->unplaced->len == 1 ? "it" : "them",
              report->unplaced->len == 1 ? "its" : "their", menu);
      for (guint i = 0; i < report->unplaced->len; i++)
        printf ("  %s\n", (const char *) g_ptr_array_index (report->unplaced, i));
    }
  printf ("Then run baken-bundle lint %s\n", out);
  return 0;
}

int
baken_bundle_run_export_hsds (int    argc,
                              char **argv)
{
  BakenHsdsExportOptions options = { FALSE, FALSE };
  const GOptionEntry entries[] = {
    { "keep-ids", 0, 0, G_OPTION_ARG_NONE, &options.keep_ids,
      "Write our ids instead of UUIDs (not valid HSDS)", NULL },
    { "include-staff", 0, 0, G_OPTION_ARG_NONE, &options.include_staff,
      "Also export staff-only phones (never publish the result)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("export-hsds", BAKEN_BUNDLE_EXPORT_HSDS_PARAMETERS,
                                  BAKEN_BUNDLE_EXPORT_HSDS_SUMMARY,
                                  BAKEN_BUNDLE_EXPORT_HSDS_DESCRIPTION, entries);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("export-hsds", "%s", error->message);
  if (argc != 3)
    return baken_bundle_cli_usage_error ("export-hsds", argc < 3 ? "SRC and OUT are required"
                                         : "too many arguments; give SRC and OUT only");

  if (!baken_hsds_export (argv[1], argv[2], &options, notes, problems, &error))
    {
      print_problems (argv[1], problems);
      fprintf (stderr, "baken-bundle export-hsds: %s\n", error->message);
      return 1;
    }

  print_notes (argv[1], notes);
  printf ("baken-bundle export-hsds: wrote the HSDS package %s\n", argv[2]);
  return 0;
}
