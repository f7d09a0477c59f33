/* baken-bundle-publish.h: building and signing a content bundle (IT's side)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk verifies what these write (baken-bundle.h, in sync); baken-bundle-format.h
 * (trust) is the shape both sides share.
 */
#pragma once

#include <glib.h>

#include "baken-bundle-format.h"
#include "baken-content-build.h"
#include "baken-minisign.h"

G_BEGIN_DECLS

/* For IT (baken-bundle build SRC OUTDIR): compiles src_dir into OUTDIR/content-SERIAL.sqlite
 * and writes OUTDIR/manifest.json for it, removing a manifest.json.minisig that signed an
 * older manifest. options->serial is required (1 to 2^63 − 1); created is options->created
 * or now; expires is options->expires, else created + valid_days days (0: 90). key_id
 * (nullable) is the id of the key that will sign. Both files are written to temporary
 * names and renamed only when everything succeeded: on failure nothing is written.
 * Errors: BAKEN_CONTENT_ERROR_SOURCE with problems (as baken_content_build ()), or
 * BAKEN_BUNDLE_ERROR_WRITE. */
gboolean             baken_bundle_build         (const char              *src_dir,
                                                 const char              *out_dir,
                                                 const BakenBuildOptions *options,
                                                 guint                    valid_days,
                                                 const char              *key_id,
                                                 GPtrArray               *problems,
                                                 GError                 **error);
/* For IT (baken-bundle sign): checks that manifest.json of dir is valid and that every
 * file it lists has its size and sha256, fills in key_id when it is null (refuses a
 * manifest for another key: BAKEN_BUNDLE_ERROR_KEY_MISMATCH), and writes
 * manifest.json.minisig with trusted_comment (NULL: "serial:N<TAB>created:TIME<TAB>
 * file:manifest.json"). Nothing is written on failure. */
gboolean             baken_bundle_sign          (const char              *dir,
                                                 BakenMinisignSecretKey  *key,
                                                 const char              *trusted_comment,
                                                 GError                 **error);

G_END_DECLS
