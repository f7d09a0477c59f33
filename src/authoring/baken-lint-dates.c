/* baken-lint-dates.c: when a service was last checked (assured-date)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * assured_date is older than the maximum age, or in the future.
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint-dates.h"

/* assured_date */

void
baken_lint_check_assured_dates (BakenLintContext *lint)
{
  BakenContentSource *s = lint->source;

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    {
      const char *text = baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "assured_date");
      const char *id = baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "id");
      GDate date;
      int days;

      if (text == NULL || id == NULL)
        continue;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_ascii_strtoull (text + 8, NULL, 10),
                      g_ascii_strtoull (text + 5, NULL, 10), g_ascii_strtoull (text, NULL, 10));
      if (!g_date_valid (&date))
        continue;

      days = g_date_days_between (&date, &lint->today);
      if (days > (int) lint->max_age_days)
        baken_lint_add_field_issue (lint, BAKEN_SOURCE_SERVICE, r,
                                    baken_lint_column (BAKEN_SOURCE_SERVICE, "assured_date"), 0,
                                    BAKEN_LINT_WARNING, "assured-date",
                                    "service \"%s\" was last checked on %s, %d days ago (more "
                                    "than %u); check it with the organisation and update "
                                    "assured_date", id, text, days, lint->max_age_days);
      else if (days < 0)
        baken_lint_add_field_issue (lint, BAKEN_SOURCE_SERVICE, r,
                                    baken_lint_column (BAKEN_SOURCE_SERVICE, "assured_date"), 0,
                                    BAKEN_LINT_WARNING, "assured-date",
                                    "assured_date %s of service \"%s\" is in the future; write "
                                    "the date the service was last checked", text, id);
    }
}
