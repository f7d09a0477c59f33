/* baken-lint.c: content quality rules an editor can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are listed in baken-lint.h. This file loads the source, turns the build's
 * problems into issues (rule "build"), runs one function per rule family and sorts the
 * issues. The families are in baken-lint-reach.c (public-channel, life-event-services),
 * -dutch.c (dutch-text), -b1.c (the B1 heuristics), -contacts.c (phone, url),
 * -hours.c (hours-*), -dates.c (assured-date) and -icons.c (icon-unused); they report
 * through baken-lint-context.h.
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint.h"

#include <string.h>
#include <time.h>

#include <gio/gio.h>

#include "baken-content-source.h"
#include "baken-lint-b1.h"
#include "baken-lint-contacts.h"
#include "baken-lint-context.h"
#include "baken-lint-dates.h"
#include "baken-lint-dutch.h"
#include "baken-lint-hours.h"
#include "baken-lint-icons.h"
#include "baken-lint-reach.h"

#define DEFAULT_MAX_AGE     365

void
baken_lint_issue_free (BakenLintIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->file);
  g_free (issue->rule);
  g_free (issue->message);
  g_free (issue);
}

/* Build problems: "FILE:LINE:COLUMN: MESSAGE". */
static void
add_build_problems (BakenLintContext *lint)
{
  GPtrArray *problems = baken_content_source_get_problems (lint->source);

  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);
      g_auto(GStrv) parts = g_strsplit (problem, ":", 4);
      guint64 line = 1, column = 1;

      if (g_strv_length (parts) == 4 &&
          g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &line, NULL) &&
          g_ascii_string_to_unsigned (parts[2], 10, 0, G_MAXUINT, &column, NULL))
        baken_lint_add_issue (lint, parts[0], line, column, BAKEN_LINT_ERROR, "build", "%s",
                              g_strchug (parts[3]));
      else
        baken_lint_add_issue (lint, "datapackage.json", 1, 1, BAKEN_LINT_ERROR, "build", "%s",
                              problem);
    }
}

/* Sorting and output */

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const BakenLintIssue *ia = *(const BakenLintIssue *const *) a;
  const BakenLintIssue *ib = *(const BakenLintIssue *const *) b;
  int cmp;

  cmp = (strcmp (ib->file, "datapackage.json") == 0) - (strcmp (ia->file, "datapackage.json") == 0);
  if (cmp == 0)
    cmp = strcmp (ia->file, ib->file);
  if (cmp == 0)
    cmp = (ia->line > ib->line) - (ia->line < ib->line);
  if (cmp == 0)
    cmp = (ia->column > ib->column) - (ia->column < ib->column);
  if (cmp == 0)
    cmp = strcmp (ia->rule, ib->rule);

  return cmp;
}

char *
baken_lint_issue_to_string (const BakenLintIssue *issue,
                            const char           *prefix)
{
  g_autofree char *path = prefix != NULL ? g_build_filename (prefix, issue->file, NULL)
                                         : g_strdup (issue->file);

  return g_strdup_printf ("%s:%u:%u: %s: %s (%s)", path, issue->line, issue->column,
                          issue->severity == BAKEN_LINT_ERROR ? "error" : "warning",
                          issue->message, issue->rule);
}

GPtrArray *
baken_lint_source (const char              *src_dir,
                   const BakenLintOptions  *options,
                   GError                 **error)
{
  g_autoptr(BakenContentSource) source = NULL;
  BakenLintContext lint = { 0, };

  g_return_val_if_fail (src_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_date_clear (&lint.today, 1);
  if (options != NULL && options->today != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (options->today, "-", 3);
      guint64 y = 0, m = 0, d = 0;

      if (g_strv_length (parts) == 3 &&
          g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &y, NULL) &&
          g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) &&
          g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) &&
          g_date_valid_dmy (d, m, y))
        g_date_set_dmy (&lint.today, d, m, y);
      if (!g_date_valid (&lint.today))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "\"%s\" is not a date; write YYYY-MM-DD", options->today);
          return NULL;
        }
    }
  else
    {
      g_date_set_time_t (&lint.today, time (NULL));
    }
  lint.max_age_days = options != NULL && options->max_age_days > 0 ? options->max_age_days
                                                                   : DEFAULT_MAX_AGE;

  source = baken_content_source_load (src_dir, error);
  if (source == NULL)
    return NULL;

  lint.source = source;
  lint.issues = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_lint_issue_free);

  add_build_problems (&lint);
  baken_lint_check_public_channels (&lint);
  baken_lint_check_life_events (&lint);
  baken_lint_check_dutch_text (&lint);
  baken_lint_check_texts (&lint);
  baken_lint_check_phones (&lint);
  baken_lint_check_urls (&lint);
  baken_lint_check_hours (&lint);
  baken_lint_check_assured_dates (&lint);
  baken_lint_check_icons (&lint);

  g_ptr_array_sort (lint.issues, compare_issues);
  return lint.issues;
}
