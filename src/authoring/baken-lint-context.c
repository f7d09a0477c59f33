/* baken-lint-context.c: what a lint rule reads and how it reports an issue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint-context.h"

void
baken_lint_add_issue (BakenLintContext  *lint,
                      const char        *file,
                      guint              line,
                      guint              column,
                      BakenLintSeverity  severity,
                      const char        *rule,
                      const char        *format,
                      ...)
{
  BakenLintIssue *issue = g_new0 (BakenLintIssue, 1);
  va_list args;

  issue->file = g_strdup (file);
  issue->line = line;
  issue->column = column;
  issue->severity = severity;
  issue->rule = g_strdup (rule);
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (lint->issues, issue);
}

void
baken_lint_add_field_issue (BakenLintContext  *lint,
                            BakenSourceTable   table,
                            guint              row,
                            guint              column,
                            guint              extra_lines,
                            BakenLintSeverity  severity,
                            const char        *rule,
                            const char        *format,
                            ...)
{
  g_autofree char *message = NULL;
  guint line, file_column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  baken_content_source_get_position (lint->source, table, row, column, &line, &file_column);
  baken_lint_add_issue (lint, baken_content_source_table_file (table), line + extra_lines,
                        file_column, severity, rule, "%s", message);
}

const char *
baken_lint_get (BakenLintContext *lint,
                BakenSourceTable  table,
                guint             row,
                const char       *column)
{
  int c = baken_content_source_column (table, column);

  g_assert (c >= 0);
  return baken_content_source_get (lint->source, table, row, c);
}

guint
baken_lint_column (BakenSourceTable  table,
                   const char       *column)
{
  int c = baken_content_source_column (table, column);

  g_assert (c >= 0);
  return c;
}

gboolean
baken_lint_is_staff (const char *audience)
{
  return g_strcmp0 (audience, "staff") == 0;
}

gboolean
baken_lint_is_shown_status (const char *status)
{
  return g_strcmp0 (status, "active") == 0 || g_strcmp0 (status, "temporarily closed") == 0;
}
