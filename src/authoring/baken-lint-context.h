/* baken-lint-context.h: what a lint rule reads and how it reports an issue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule family (baken-lint-reach.c, -dutch.c, -b1.c, -contacts.c, -hours.c,
 * -dates.c, -icons.c) is one function that takes the context: the loaded source, the
 * date of today and the maximum age of assured_date, and the list the issues go into.
 * baken-lint.c fills it in, runs the rules and sorts what they found.
 */
#pragma once

#include <glib.h>

#include "baken-content-source.h"
#include "baken-lint.h"

G_BEGIN_DECLS

typedef struct
{
  BakenContentSource *source;        /* (unowned) */
  GPtrArray          *issues;        /* (unowned) of BakenLintIssue */
  GDate               today;
  guint               max_age_days;  /* assured-date */
} BakenLintContext;

/* Adds an issue at a position of a file (relative to the source folder). */
void        baken_lint_add_issue        (BakenLintContext  *lint,
                                         const char        *file,
                                         guint              line,
                                         guint              column,
                                         BakenLintSeverity  severity,
                                         const char        *rule,
                                         const char        *format,
                                         ...) G_GNUC_PRINTF (7, 8);
/* An issue about one field; extra_lines moves it down inside a field that spans lines. */
void        baken_lint_add_field_issue  (BakenLintContext  *lint,
                                         BakenSourceTable   table,
                                         guint              row,
                                         guint              column,
                                         guint              extra_lines,
                                         BakenLintSeverity  severity,
                                         const char        *rule,
                                         const char        *format,
                                         ...) G_GNUC_PRINTF (8, 9);

/* The value of the column called column (it must exist) in a row of table. */
const char *baken_lint_get              (BakenLintContext  *lint,
                                         BakenSourceTable   table,
                                         guint              row,
                                         const char        *column);
/* The number of the column called column; it must exist. */
guint       baken_lint_column           (BakenSourceTable   table,
                                         const char        *column);

/* Whether a phone's or channel's audience is staff only. */
gboolean    baken_lint_is_staff         (const char        *audience);
/* Whether the kiosk shows a service of this status (active, temporarily closed). */
gboolean    baken_lint_is_shown_status  (const char        *status);

G_END_DECLS
