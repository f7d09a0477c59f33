/* baken-sync-trust.h: which keys a bundle must be signed by, from the configuration,
 * the root keys documents taken and the state DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Version 0 is the configuration: [sync] root-keys and root-threshold, and the
 * public-keys (or the demo key) as content keys. A root keys document (baken-root.h)
 * that chains from the root in force replaces it: saved beside the bundles
 * (baken-store-root.h), then its version recorded in the state DB with the rollback
 * floors started again, so content signed by the new content keys counts from serial 1
 * while every manifest of an older root version is refused. The root version in the
 * state DB never goes down; the documents on disk are the truth it is rebuilt from.
 */
#pragma once

#include <glib.h>

#include "baken-root.h"
#include "baken-state.h"
#include "baken-store.h"
#include "baken-sync-policy.h"

G_BEGIN_DECLS

/* Version 0: the configured root keys and threshold, and the trusted keys of
 * baken_bundle_trusted_keys (settings->keys) as content keys. */
BakenRoot *baken_sync_trust_anchor (const BakenSyncSettings *settings);
/* The root in force: the newest stored root, or anchor. When it is newer than the
 * state's root version (a crash between saving and recording it, or a new state DB),
 * the state records it and its floors start again. */
BakenRoot *baken_sync_trust_load   (BakenStore    *store,
                                    BakenState    *state,
                                    BakenRoot     *anchor,
                                    GError       **error);
/* The keys a bundle must be signed by (element-type BakenMinisignPublicKey): root's
 * content keys, or none when root is older than root_version (the state's: the document
 * of that version was lost, and the next sync takes it again). */
GPtrArray *baken_sync_trust_keys   (BakenRoot     *root,
                                    guint          root_version);
/* Takes root, which chained from the root in force: saves it, then records its version
 * in the state with the floors started again. Logged. */
gboolean   baken_sync_trust_apply  (BakenStore    *store,
                                    BakenState    *state,
                                    BakenRoot     *root,
                                    GError       **error);

G_END_DECLS
