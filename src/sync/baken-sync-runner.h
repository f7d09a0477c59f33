/* baken-sync-runner.h: one sync attempt in the calling thread, through the module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "baken-sync-private.h"

G_BEGIN_DECLS

/* Runs job in the calling thread (any thread) with one deadline for the whole attempt,
 * job->timeout_s from now (job->deadline is set; cancellable is cancelled then too).
 * The attempt is _baken_sync_job_run () of the module baken-sync-http, loaded at the
 * first call; when it cannot be loaded, a FAILED outcome (BAKEN_SYNC_ERROR_UNAVAILABLE)
 * is recorded in the state DB. Either way job->installed and job->status are read back.
 * NULL (with error) only when the store or the state DB cannot be opened. */
BakenSyncOutcome *baken_sync_runner_run (BakenSyncJob  *job,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
