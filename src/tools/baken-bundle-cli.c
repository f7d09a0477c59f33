/* baken-bundle-cli.c: what every baken-bundle subcommand's command line shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "baken-bundle-cli.h"

#include <stdio.h>

GOptionContext *
baken_bundle_cli_context_new (const char         *name,
                              const char         *parameters,
                              const char         *summary,
                              const char         *description,
                              const GOptionEntry *entries)
{
  g_autofree char *prgname = g_strdup_printf ("baken-bundle %s", name);
  GOptionContext *context = g_option_context_new (parameters);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);

  return context;
}

/* "baken-bundle COMMAND: MESSAGE" on standard error, and the hint to --help. */
static void G_GNUC_PRINTF (3, 0)
report (const char *command,
        gboolean    hint,
        const char *format,
        va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  fprintf (stderr, "baken-bundle %s: %s\n", command, message);
  if (hint)
    fprintf (stderr, "Try 'baken-bundle %s --help'.\n", command);
}

int
baken_bundle_cli_usage_error (const char *command,
                              const char *format,
                              ...)
{
  va_list args;

  va_start (args, format);
  report (command, TRUE, format, args);
  va_end (args);

  return BAKEN_BUNDLE_EXIT_USAGE;
}

int
baken_bundle_cli_problem (const char *command,
                          const char *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  report (command, FALSE, format, args);
  va_end (args);

  return BAKEN_BUNDLE_EXIT_PROBLEMS;
}
