/* baken-sync-root.h: a root keys document offered beside a bundle, fetched and chained
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For one attempt of the module baken-sync-http (baken-sync-job.c), in its thread. The
 * source may hold keys.json and keys.json.minisig (the newest root, baken-root.h) and,
 * for kiosks more than one version behind, keys-N.json and keys-N.json.minisig of the
 * versions before it.
 */
#pragma once

#include <glib.h>

#include "baken-root.h"
#include "baken-sync-fetch.h"

G_BEGIN_DECLS

/* The longest chain of versions one sync follows. */
#define BAKEN_SYNC_ROOT_MAX_STEPS 32

/* Reads keys.json from the source; when it is newer than trusted, reads the versions in
 * between and verifies each as the successor of the one before (baken_root_verify_next).
 * Returns the newest root, to be taken (not saved yet); NULL without an error when the
 * source has no keys.json or it is trusted's own document. Refusals are
 * BAKEN_SYNC_ERROR_ROOT with the reason; reading fails as baken-sync-fetch.h says. */
BakenRoot *baken_sync_root_fetch (BakenSyncFetch  *fetch,
                                  BakenRoot       *trusted,
                                  GError         **error);

G_END_DECLS
