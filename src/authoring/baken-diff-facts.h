/* baken-diff-facts.h: the content of a content DB as facts an editor reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The facts of one record. */
typedef struct
{
  const char *kind;     /* static: "content", "service", "life event", "organisation", … */
  char       *id;
  char       *label;    /* (nullable) its Dutch name or title */
  GHashTable *facts;    /* fact → value */
  GPtrArray  *order;    /* the facts in the order first read (borrowed keys) */
} BakenDiffFacts;

void        baken_diff_facts_free (BakenDiffFacts *facts);

/* "KIND\tID" → BakenDiffFacts of every record of db. A query that db cannot run (a column
 * an older schema does not have) gives no facts; FALSE with error only when db cannot be
 * read at all. */
GHashTable *baken_diff_read_facts (sqlite3        *db,
                                   GError        **error);

G_END_DECLS
