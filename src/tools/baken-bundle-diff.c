/* baken-bundle-diff.c: baken-bundle diff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-diff.h"

#include <stdio.h>

#include "baken-bundle-cli.h"
#include "baken-bundle-lint.h"
#include "baken-diff.h"

int
baken_bundle_run_diff (int    argc,
                       char **argv)
{
  gboolean html = FALSE;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "html", 0, 0, G_OPTION_ARG_NONE, &html, "Write one HTML page instead of text", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("diff", BAKEN_BUNDLE_DIFF_PARAMETERS, BAKEN_BUNDLE_DIFF_SUMMARY,
                                  BAKEN_BUNDLE_DIFF_DESCRIPTION, entries);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenDiff) diff = NULL;
  g_autofree char *text = NULL;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("diff", "%s", error->message);
  if (argc != 3)
    return baken_bundle_cli_usage_error ("diff", argc < 3 ? "OLD and NEW are required"
                                         : "too many arguments; give OLD and NEW only");

  diff = baken_diff_new (argv[1], argv[2], problems, &error);
  if (diff == NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        fprintf (stderr, "%s\n", (const char *) g_ptr_array_index (problems, i));
      fprintf (stderr, "baken-bundle diff: %s\n", error->message);
      return 1;
    }

  text = html ? baken_diff_to_html (diff) : baken_diff_to_text (diff);
  if (output != NULL)
    {
      if (!g_file_set_contents (output, text, -1, &error))
        {
          fprintf (stderr, "baken-bundle diff: cannot write %s: %s\n", output, error->message);
          return 1;
        }
      return 0;
    }
  fputs (text, stdout);
  return 0;
}
