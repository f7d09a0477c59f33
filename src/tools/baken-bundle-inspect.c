/* baken-bundle-inspect.c: baken-bundle inspect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-lint.h"

#include <stdio.h>

#include <gio/gio.h>

#include "baken-bundle-cli.h"
#include "baken-inspect.h"
#include "baken-inspect-source.h"

int
baken_bundle_run_inspect (int    argc,
                          char **argv)
{
  int max_age = 365;
  g_autofree char *today = NULL;
  const GOptionEntry entries[] = {
    { "max-age", 0, 0, G_OPTION_ARG_INT, &max_age,
      "List services whose assured_date is older than DAYS days (default: 365)", "DAYS" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      "Take DATE (YYYY-MM-DD) as today (default: today)", "DATE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("inspect", BAKEN_BUNDLE_INSPECT_PARAMETERS,
                                  BAKEN_BUNDLE_INSPECT_SUMMARY, BAKEN_BUNDLE_INSPECT_DESCRIPTION,
                                  entries);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  BakenInspectOptions options = { 0, };

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("inspect", "%s", error->message);
  if (argc != 2)
    return baken_bundle_cli_usage_error ("inspect", argc < 2 ? "BUNDLE or SRC is required"
                                         : "too many arguments; give BUNDLE or SRC only");
  if (max_age < 1)
    return baken_bundle_cli_usage_error ("inspect", "--max-age must be 1 or more days");

  options.today = today;
  options.max_age_days = max_age;
  if (baken_inspect_is_source (argv[1]))
    summary = baken_inspect_source (argv[1], &error);
  else
    summary = baken_inspect (argv[1], &options, &error);
  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        return baken_bundle_cli_usage_error ("inspect", "--today %s", error->message);
      fprintf (stderr, "baken-bundle inspect: %s\n", error->message);
      return 1;
    }

  fputs (summary, stdout);
  return 0;
}
