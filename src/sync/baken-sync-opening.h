/* baken-sync-opening.h: which content the kiosk opens, counting the opens that fail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An open is counted before it is tried, so an open that crashes the kiosk counts as a
 * failure too, and so does a content query cut off by its time budget while it is shown; after BAKEN_SYNC_MAX_OPEN_FAILURES in a row the previous bundle comes
 * back (the rollback floor stays) and the fallback is logged. For BakenSync
 * (baken_sync_begin_open (), baken_sync_open_succeeded ()), on the main thread.
 */
#pragma once

#include <glib.h>

#include "baken-state.h"
#include "baken-store.h"

G_BEGIN_DECLS

/* Counts an open of the current bundle, falling back first when it failed too often.
 * TRUE with *installed the record as it is now and *path its content DB, or *path NULL
 * when nothing is installed (or nothing is left to fall back to): the configured or
 * embedded content. FALSE with error when the store or the state DB cannot be read (a
 * count that cannot be written, on a full disk, is only logged). now: wall
 * clock (Unix seconds) of the fallback's line in the sync log, which names
 * state_dir. */
gboolean baken_sync_opening_begin     (BakenStore      *store,
                                       BakenState      *state,
                                       GPtrArray       *keys,
                                       const char      *state_dir,
                                       gint64           now,
                                       BakenInstalled  *installed,
                                       char           **path,
                                       GError         **error);
/* The content opened: the count starts again. TRUE with *installed the record as it is
 * now when the count was not already 0 (a failure to write it is only logged). */
gboolean baken_sync_opening_succeeded (BakenState      *state,
                                       BakenInstalled  *installed);

/* A content query of bundle serial was cut off by its time budget while it was shown: it
 * counts as a failed open, so after BAKEN_SYNC_MAX_OPEN_FAILURES the next begin falls
 * back. Only the current bundle, and only when there is a previous one. TRUE (logged)
 * when it was counted, with *installed the record as it is now. */
gboolean baken_sync_opening_cut_off   (BakenState      *state,
                                       guint64          serial,
                                       BakenInstalled  *installed);

G_END_DECLS
