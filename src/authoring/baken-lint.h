/* baken-lint.h: content quality rules an editor can act on (baken-bundle lint)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lint loads a content source with the build's loader, so every problem of the build is
 * an error here too (rule "build"), and then applies the rules below. Each issue names
 * the file, line and column (the field number, as for the build) of what to change.
 *
 * Errors (the kiosk would mislead or strand a resident):
 *   public-channel       an active (or temporarily closed) service has no public phone
 *                        or channel
 *   life-event-services  a life event leads to no active service, not even through its
 *                        sub-events
 *   dutch-text           a service without a Dutch description; a translation of a text
 *                        that has no Dutch
 *   phone                a phone number that is not a Dutch (or +CC international) number
 *   url                  a web address whose host name is malformed
 * Warnings (worth fixing, do not block):
 *   sentence-length      a sentence of resident-facing Dutch over 15 words
 *   word-length          a word over 22 letters
 *   jargon               an official word with a plainer one (list of CONTENT.md)
 *   abbreviation         i.v.m., o.a., z.s.m. and the like
 *   tile-label           a life-event title of 5 words (tiles take 1–4)
 *   url-https            a web address for residents with http:// instead of https://
 *   hours-long           open more than 16 hours on a day (a whole day, 24 h, is fine)
 *   hours-holidays       open day and night all week, but closed on public holidays (no PH)
 *   hours-overlap        two slots of one phone, channel, desk or service overlap
 *   assured-date         assured_date older than the maximum age (or in the future)
 *   icon-unused          a file in icons/ that no life event uses
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BAKEN_LINT_ERROR,
  BAKEN_LINT_WARNING,
} BakenLintSeverity;

typedef struct
{
  char              *file;       /* relative to the source folder */
  guint              line;
  guint              column;
  BakenLintSeverity  severity;
  char              *rule;
  char              *message;
} BakenLintIssue;

typedef struct
{
  const char *today;             /* YYYY-MM-DD; NULL: the local date */
  guint       max_age_days;      /* assured-date; 0: 365 */
} BakenLintOptions;

void      baken_lint_issue_free      (BakenLintIssue          *issue);

/* Lints the source folder src_dir. Returns the issues (element-type BakenLintIssue),
 * sorted by file, line, column and rule; NULL (error set) only when src_dir is not a
 * folder (BAKEN_CONTENT_ERROR_SOURCE) or options->today is not a date
 * (G_IO_ERROR_INVALID_ARGUMENT). */
GPtrArray *baken_lint_source         (const char              *src_dir,
                                      const BakenLintOptions  *options,
                                      GError                 **error);

/* "FILE:LINE:COLUMN: error: MESSAGE (RULE)"; prefix (nullable) is put before FILE with a
 * "/" between them. */
char      *baken_lint_issue_to_string (const BakenLintIssue   *issue,
                                       const char             *prefix);

/* Whether number is a well-formed phone number (see the phone rule). */
gboolean   baken_lint_phone_is_valid (const char              *number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenLintIssue, baken_lint_issue_free)

G_END_DECLS
