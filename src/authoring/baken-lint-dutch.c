/* baken-lint-dutch.c: is there Dutch text where residents need it (dutch-text)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shown service needs a Dutch description, and a translation needs the Dutch text it
 * translates: Dutch is the source language and the fallback of every other.
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint-dutch.h"

/* dutch-text */

static int
table_of_resource (const char *resource)
{
  for (guint t = 0; t < BAKEN_SOURCE_N_TABLES; t++)
    if (g_strcmp0 (baken_content_source_table_resource (t), resource) == 0)
      return t;

  return -1;
}

void
baken_lint_check_dutch_text (BakenLintContext *lint)
{
  BakenContentSource *s = lint->source;
  guint n = baken_content_source_get_n_rows (s, BAKEN_SOURCE_TRANSLATION);

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    {
      const char *id = baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "id");

      if (id != NULL &&
          baken_lint_is_shown_status (baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "status")) &&
          baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "description") == NULL)
        baken_lint_add_field_issue (lint, BAKEN_SOURCE_SERVICE, r,
                                    baken_lint_column (BAKEN_SOURCE_SERVICE, "description"), 0,
                                    BAKEN_LINT_ERROR, "dutch-text",
                                    "service \"%s\" has no description; write in one or two plain "
                                    "Dutch sentences what they help with", id);
    }

  for (guint r = 0; r < n; r++)
    {
      const char *table = baken_lint_get (lint, BAKEN_SOURCE_TRANSLATION, r, "table");
      const char *id = baken_lint_get (lint, BAKEN_SOURCE_TRANSLATION, r, "id");
      const char *field = baken_lint_get (lint, BAKEN_SOURCE_TRANSLATION, r, "field");
      int t, row, column;

      if (table == NULL || id == NULL || field == NULL)
        continue;
      t = table_of_resource (table);
      if (t < 0)
        continue;
      row = baken_content_source_find (s, t, id);
      column = baken_content_source_column (t, field);
      if (row < 0 || column < 0)
        continue;   /* reported by the build */

      if (baken_content_source_get (s, t, row, column) == NULL)
        baken_lint_add_field_issue (lint, BAKEN_SOURCE_TRANSLATION, r,
                                    baken_lint_column (BAKEN_SOURCE_TRANSLATION, "field"), 0,
                                    BAKEN_LINT_ERROR, "dutch-text",
                                    "%s \"%s\" has a translation of %s but no Dutch %s; Dutch is "
                                    "the source language, so write the Dutch text in %s first",
                                    table, id, field, field, baken_content_source_table_file (t));
    }
}
