/* baken-report-walk.h: the files of a folder tree of reports, read ahead in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening and reading 365,000 small files is as much work for the kernel as parsing
 * them is for the program: a walk reads the files of a tree in a thread of its own,
 * while its caller parses the ones read before. What it has read waits in a queue of at
 * most BAKEN_REPORT_WALK_AHEAD bytes (and at least one file), so memory stays bounded
 * however large the tree.
 *
 * The walk goes through the tree in name order, so the files come out in the same order
 * every run. It reads every file whose name ends in ".json" (names starting with "."
 * are partial uploads and are passed over) through baken_file_read_at (regular files
 * of at most BAKEN_REPORT_MAX_SIZE bytes); it enters a folder once however many links
 * lead to it, and no deeper than 16 levels. What it cannot read comes out as a file
 * with a message instead of data.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_REPORT_WALK_AHEAD (4 * 1024 * 1024)

typedef struct
{
  char     *path;        /* as found: the root, then the names below it */
  char     *data;        /* (nullable) the contents, NUL-terminated */
  gsize     length;
  char     *message;     /* (nullable) why it is left out: "PATH: …", when data is NULL */
  gboolean  is_report;   /* a *.json file (read or not), not a folder */
} BakenReportWalkFile;

typedef struct _BakenReportWalk BakenReportWalk;

void             baken_report_walk_file_free   (BakenReportWalkFile *file);

/* Starts reading the tree under the folder root. folders holds "DEV:INODE" of the
 * folders entered; the walk adds to it (the same set for several walks: a folder is
 * read once in all). It is the walk's until baken_report_walk_finish (). */
BakenReportWalk *baken_report_walk_start  (const char      *root,
                                           GHashTable      *folders);
/* The next file, waiting for it; NULL when the walk is over. */
BakenReportWalkFile *baken_report_walk_next   (BakenReportWalk *self);
/* Waits for the thread to end and frees the walk. */
void             baken_report_walk_finish (BakenReportWalk *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenReportWalkFile, baken_report_walk_file_free)

G_END_DECLS
