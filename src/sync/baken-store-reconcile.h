/* baken-store-reconcile.h: the installed bundles checked, and the store and state DB
 * brought in line with them at startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pointer (baken-store.h) decides between intact bundles, but the installed bundles
 * themselves are the truth: a damaged pointer is rebuilt from the bundles that verify,
 * and a new state DB gets its floors from them.
 *
 * Not thread-safe, as the store: one BakenStore per thread.
 */
#pragma once

#include <glib-object.h>

#include "baken-bundle.h"
#include "baken-state.h"
#include "baken-store.h"

G_BEGIN_DECLS

/* Verifies bundles/<serial>/ with keys (BakenMinisignPublicKey, as from
 * baken_bundle_trusted_keys ()): signature, hashes, DB and icon checks (the icon check
 * once per content DB, remembered in the state folder). Freshness is not judged again:
 * it is verified as of the last second before its manifest expires. NULL with
 * BAKEN_STORE_ERROR_CORRUPT when it does not verify. Blocks: never on the UI thread. */
BakenVerifiedBundle *
            baken_store_verify_bundle       (BakenStore   *self,
                                             guint64       serial,
                                             GPtrArray    *keys,
                                             GError      **error);
/* At startup: clears staging, removes leftovers, rebuilds a damaged pointer from the
 * newest bundles that verify with keys (never removing one that verifies because the
 * pointer was bad), drops a pointer to a bundle that is missing (falling back to
 * previous, or to nothing), and brings the installed record of state in line with the
 * pointer (reading the bundle's manifest), never lowering the rollback floors and
 * raising them to the installed bundles of the root version in force (a new state DB
 * knows none); a previous bundle of an older root version is dropped. */
gboolean    baken_store_reconcile           (BakenStore   *self,
                                             BakenState   *state,
                                             GPtrArray    *keys,
                                             GError      **error);

/* After a key rotation: drops the previous bundle from the pointer and from the
 * state's record when its manifest belongs to an older root version than the state's
 * (falling back to it would undo the rotation), and removes it. */
gboolean    baken_store_drop_older_previous (BakenStore   *self,
                                             BakenState   *state,
                                             GError      **error);

G_END_DECLS
