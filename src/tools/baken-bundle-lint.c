/* baken-bundle-lint.c: baken-bundle lint, and the helpers of the content-quality commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-lint.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "baken-bundle-cli.h"
#include "baken-lint.h"

static void
print_json (GPtrArray  *issues,
            const char *src,
            guint       n_errors,
            guint       n_warnings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, src);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, n_errors);
  json_builder_set_member_name (builder, "warnings");
  json_builder_add_int_value (builder, n_warnings);
  json_builder_set_member_name (builder, "issues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < issues->len; i++)
    {
      BakenLintIssue *issue = g_ptr_array_index (issues, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, issue->file);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, issue->line);
      json_builder_set_member_name (builder, "column");
      json_builder_add_int_value (builder, issue->column);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, issue->severity == BAKEN_LINT_ERROR ? "error" : "warning");
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, issue->rule);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, issue->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

int
baken_bundle_run_lint (int    argc,
                       char **argv)
{
  gboolean strict = FALSE;
  int max_age = 365;
  g_autofree char *format = NULL;
  g_autofree char *today = NULL;
  const GOptionEntry entries[] = {
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, "Fail (exit status 1) on warnings too", NULL },
    { "max-age", 0, 0, G_OPTION_ARG_INT, &max_age,
      "Warn when assured_date is older than DAYS days (default: 365)", "DAYS" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json",
      "FORMAT" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      "Take DATE (YYYY-MM-DD) as today, for assured-date (default: today)", "DATE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    baken_bundle_cli_context_new ("lint", BAKEN_BUNDLE_LINT_PARAMETERS, BAKEN_BUNDLE_LINT_SUMMARY,
                                  BAKEN_BUNDLE_LINT_DESCRIPTION, entries);
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GError) error = NULL;
  BakenLintOptions options = { 0, };
  guint n_errors = 0, n_warnings = 0;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return baken_bundle_cli_usage_error ("lint", "%s", error->message);
  if (argc != 2)
    return baken_bundle_cli_usage_error ("lint", argc < 2 ? "SRC is required"
                                         : "too many arguments; give SRC only");
  if (max_age < 1)
    return baken_bundle_cli_usage_error ("lint", "--max-age must be 1 or more days");
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    return baken_bundle_cli_usage_error ("lint", "--format must be text or json, not \"%s\"",
                                         format);

  options.today = today;
  options.max_age_days = max_age;
  issues = baken_lint_source (argv[1], &options, &error);
  if (issues == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        return baken_bundle_cli_usage_error ("lint", "--today %s", error->message);
      fprintf (stderr, "baken-bundle lint: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < issues->len; i++)
    {
      BakenLintIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == BAKEN_LINT_ERROR)
        n_errors++;
      else
        n_warnings++;
    }

  if (format != NULL && strcmp (format, "json") == 0)
    {
      print_json (issues, argv[1], n_errors, n_warnings);
    }
  else
    {
      for (guint i = 0; i < issues->len; i++)
        {
          g_autofree char *line = baken_lint_issue_to_string (g_ptr_array_index (issues, i),
                                                              argv[1]);

          printf ("%s\n", line);
        }
      printf ("%u %s, %u %s\n", n_errors, n_errors == 1 ? "error" : "errors",
              n_warnings, n_warnings == 1 ? "warning" : "warnings");
    }

  return n_errors > 0 || (strict && n_warnings > 0) ? 1 : 0;
}
