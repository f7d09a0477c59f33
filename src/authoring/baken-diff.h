/* baken-diff.h: what changed between two versions of the content, for an editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each side is a content source folder (built into a temporary content DB first), a
 * bundle folder (its content-SERIAL.sqlite) or a content DB. The content is read as
 * facts: for each service, life event, organisation and location, its texts (Dutch and
 * each translation), its phones and other channels, its weekly hours and exceptions,
 * where it is and under which life events. What differs is a change of one fact; a
 * record only on one side is added or removed. Written as text or as one HTML page.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BAKEN_DIFF_ADDED,
  BAKEN_DIFF_REMOVED,
  BAKEN_DIFF_CHANGED,
} BakenDiffState;

/* One fact: old NULL when it was added, new NULL when it was removed. */
typedef struct
{
  char *fact;          /* "description", "name [en]", "phone ph-schuldhulp", "hours" */
  char *old_value;
  char *new_value;
} BakenDiffChange;

typedef struct
{
  const char     *kind;      /* "service", "life event", "organisation", "location", "content" */
  char           *id;
  char           *label;     /* its Dutch name or title (the newer one) */
  BakenDiffState  state;
  GPtrArray      *changes;   /* of BakenDiffChange: every fact when added, none when removed */
} BakenDiffRecord;

typedef struct
{
  char      *old_name;
  char      *new_name;
  GPtrArray *records;        /* of BakenDiffRecord, by kind, then label */
} BakenDiff;

/* Compares old_path with new_path (each a source folder, a bundle folder or a .sqlite
 * file). NULL with error (BAKEN_CONTENT_ERROR) when one cannot be read or a source does
 * not build (its problems appended to problems, nullable, "NAME/FILE:LINE:COLUMN: …"). */
BakenDiff *baken_diff_new        (const char  *old_path,
                                  const char  *new_path,
                                  GPtrArray   *problems,
                                  GError     **error);
void       baken_diff_free       (BakenDiff   *diff);

/* How many records were added, removed and changed. */
void       baken_diff_count      (BakenDiff   *diff,
                                  guint       *added,
                                  guint       *removed,
                                  guint       *changed);

/* For a terminal or an e-mail, and as one self-contained HTML page. */
char      *baken_diff_to_text    (BakenDiff   *diff);
char      *baken_diff_to_html    (BakenDiff   *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenDiff, baken_diff_free)

G_END_DECLS
