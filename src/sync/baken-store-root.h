/* baken-store-root.h: the root keys documents this kiosk took, on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside the bundles (baken-store.h), under the state folder:
 *
 *   roots/<version>/          keys.json and keys.json.minisig of the newest root keys
 *                             document taken (baken-root.h); the older ones are removed
 *                             once a newer one is in place
 *   bundles/<serial>/keys.*   the root in force when the bundle was installed: a copy
 *                             that repairs a damaged or missing roots/<version>/
 *
 * They are the truth about the root version, as the bundles are about the serial: a
 * new state DB takes its root version from them (baken-sync-trust.h). A stored document
 * chained from the one before when it was taken; at startup it only has to be signed
 * by a threshold of its own root keys, so a damaged copy is never used.
 *
 * Not thread-safe, as the store.
 */
#pragma once

#include <glib.h>

#include "baken-root.h"
#include "baken-store.h"

G_BEGIN_DECLS

#define BAKEN_STORE_ROOTS_NAME "roots"

/* The newest stored root that verifies (roots/ and the copies beside the bundles), or a
 * new reference to anchor when there is none. A copy beside a bundle that is newer than
 * roots/ holds (roots/ was damaged) is saved to roots/ again, which is logged. */
BakenRoot *baken_store_load_root    (BakenStore  *self,
                                     BakenRoot   *anchor,
                                     GError     **error);
/* Saves root (version ≥ 1, with its data and signatures) as roots/<version>/: both files
 * are written and fsynced in roots/.new, which is renamed into place and the folder
 * fsynced; then older versions are removed. A crash leaves either the old or the new
 * root complete. */
gboolean   baken_store_save_root    (BakenStore  *self,
                                     BakenRoot   *root,
                                     GError     **error);
/* Writes keys.json and keys.json.minisig of root into dir (a staged bundle), fsynced.
 * Does nothing for version 0. */
gboolean   baken_store_write_root_files (const char *dir,
                                     BakenRoot   *root,
                                     GError     **error);

G_END_DECLS
