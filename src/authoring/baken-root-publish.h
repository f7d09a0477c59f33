/* baken-root-publish.h: making and signing a root keys document (IT's side)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk chains what these write (baken-root.h, in trust; baken-sync-trust.h). Each
 * root key holder signs on their own machine: a signature is appended to
 * keys.json.minisig, as `minisign -S -m keys.json -x SIG && cat SIG >> keys.json.minisig`
 * would do.
 */
#pragma once

#include <glib.h>

#include "baken-minisign.h"
#include "baken-root.h"

G_BEGIN_DECLS

/* Writes root as the document path (keys.json), replacing it through a temporary file
 * only when root is valid, and removes path.minisig: those signatures were of another
 * document. Errors: BAKEN_ROOT_ERROR_INVALID, or BAKEN_BUNDLE_ERROR_WRITE. */
gboolean   baken_root_publish_write (const char              *path,
                                     BakenRoot               *root,
                                     GError                 **error);
/* Reads path and path.minisig (which may be missing: *signatures NULL). The document is
 * parsed (strictly); its signatures are not checked. */
BakenRoot *baken_root_publish_read  (const char              *path,
                                     GBytes                 **signatures,
                                     GError                 **error);
/* Appends a signature of path by key to path.minisig, with a trusted comment naming the
 * version. A second signature by the same key is refused (BAKEN_BUNDLE_ERROR_WRITE).
 * Returns the signed document. */
BakenRoot *baken_root_publish_sign  (const char              *path,
                                     BakenMinisignSecretKey  *key,
                                     GError                 **error);

G_END_DECLS
