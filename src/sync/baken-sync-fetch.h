/* baken-sync-fetch.h: the files of a bundle, read from its source within the limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For one attempt of the module baken-sync-http (baken-sync-job.c), in its thread.
 * Errors are BAKEN_SYNC_ERROR: TIMEOUT at the attempt's deadline or after stall_s
 * without data, CANCELLED, NETWORK, HTTP, REDIRECT, MISSING, TOO_LARGE, DISK, VERIFY.
 */
#pragma once

#include <gio/gio.h>

#include "baken-manifest.h"
#include "baken-sync-private.h"

G_BEGIN_DECLS

typedef struct _BakenSyncFetch BakenSyncFetch;

/* Reads from job->url (with an HTTP session of its own) or job->folder until
 * job->deadline; cancellable is cancelled at the deadline too. Counts requests and
 * bytes in outcome. job, outcome and cancellable must outlive it. */
BakenSyncFetch *baken_sync_fetch_new      (BakenSyncJob             *job,
                                           BakenSyncOutcome         *outcome,
                                           GCancellable             *cancellable);
void            baken_sync_fetch_free     (BakenSyncFetch           *self);

/* The file name (relative to the manifest URL, or in the folder), at most cap bytes.
 * With etag, the GET is conditional: NULL with *not_modified TRUE for a 304. */
GBytes         *baken_sync_fetch_small    (BakenSyncFetch           *self,
                                           const char               *name,
                                           guint64                   cap,
                                           const char               *etag,
                                           gboolean                 *not_modified,
                                           GError                  **error);
/* As baken_sync_fetch_small (), for a file the source may leave out: NULL with *found
 * FALSE and no error when it is not there (HTTP 404 or 410, no such file). */
GBytes         *baken_sync_fetch_optional (BakenSyncFetch           *self,
                                           const char               *name,
                                           guint64                   cap,
                                           gboolean                 *found,
                                           GError                  **error);
/* content into the new file dir/NAME: exactly its declared size, then its sha256. */
gboolean        baken_sync_fetch_file     (BakenSyncFetch           *self,
                                           const BakenManifestFile  *content,
                                           const char               *dir,
                                           GError                  **error);
/* (nullable) The ETag of the manifest fetched last (a 304 leaves it unset). */
const char     *baken_sync_fetch_get_etag (BakenSyncFetch           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSyncFetch, baken_sync_fetch_free)

G_END_DECLS
