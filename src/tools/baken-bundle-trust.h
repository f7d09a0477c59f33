/* baken-bundle-trust.h: the signing subcommands of baken-bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * keygen, sign and verify, and the bundle form of build (build SRC OUTDIR --serial N).
 * baken-bundle.c lists them in its table of subcommands with the texts below; each run
 * function parses its own options. Exit status: 0 ok, 1 a problem with the content, the
 * key or the output, 2 wrong usage.
 */
#pragma once

#include <glib.h>

#include "baken-content-build.h"
#include "baken-minisign.h"

G_BEGIN_DECLS

#define BAKEN_BUNDLE_KEYGEN_PARAMETERS "NAME"
#define BAKEN_BUNDLE_KEYGEN_SUMMARY "Create a key pair for signing bundles"
#define BAKEN_BUNDLE_KEYGEN_DESCRIPTION \
  "Creates an Ed25519 key pair in minisign format: the secret key NAME.key and the public\n" \
  "key NAME.pub. The stock tool makes the same files (minisign -G), and either tool can use\n" \
  "either key.\n" \
  "\n" \
  "The secret key is protected by a password, as minisign does (scrypt with 1 GiB of\n" \
  "memory, so opening it takes a few seconds). The password is asked twice on the terminal;\n" \
  "when standard input is not a terminal, its first line is the password.\n" \
  "--unencrypted writes the secret key without a password, for signing by automation on a\n" \
  "machine that is itself protected. Existing files are not overwritten without --force.\n" \
  "\n" \
  "Keep NAME.key offline (a USB stick in a safe, or a signing machine without network);\n" \
  "put NAME.pub in the [sync] public-keys of every kiosk. Root keys, made the same way,\n" \
  "go in [sync] root-keys: they sign the root keys document that replaces a leaked\n" \
  "content key (see docs/content-format.md, \"Rotating keys\").\n" \
  "\n" \
  "Exit status:\n" \
  "  0  both files were written\n" \
  "  1  a file exists or cannot be written, or the passwords differ\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Example:\n" \
  "  baken-bundle keygen /media/usb/baken-2026"

#define BAKEN_BUNDLE_SIGN_PARAMETERS "OUTDIR"
#define BAKEN_BUNDLE_SIGN_SUMMARY "Sign a bundle built with build SRC OUTDIR"
#define BAKEN_BUNDLE_SIGN_DESCRIPTION \
  "Checks the bundle in the folder OUTDIR (manifest.json is valid, every file it lists has\n" \
  "the listed size and sha256) and writes OUTDIR/manifest.json.minisig: a minisign\n" \
  "signature of manifest.json (prehashed Ed25519) whose trusted comment holds the serial\n" \
  "and creation time. The manifest names the key that signs it; when it was built without\n" \
  "--pubkey, sign fills in the id of KEY first. A manifest built for another key is\n" \
  "refused.\n" \
  "\n" \
  "Signing with the stock tool gives a bundle the kiosk accepts just the same, when the\n" \
  "bundle was built with --pubkey:\n" \
  "  minisign -S -s KEY -m OUTDIR/manifest.json\n" \
  "\n" \
  "Exit status:\n" \
  "  0  the signature was written\n" \
  "  1  the bundle, the key or the password is wrong (nothing is written)\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Example:\n" \
  "  baken-bundle sign publish/ --key /media/usb/baken-2026.key"

#define BAKEN_BUNDLE_VERIFY_PARAMETERS "OUTDIR"
#define BAKEN_BUNDLE_VERIFY_SUMMARY "Make every check a kiosk makes before it takes a bundle"
#define BAKEN_BUNDLE_VERIFY_DESCRIPTION \
  "Checks the bundle in the folder OUTDIR exactly as a kiosk does before it swaps it in,\n" \
  "and prints each check with its result: the files, the signature against the given\n" \
  "public keys, the manifest, the dates, the size and sha256 of the content DB, the DB\n" \
  "itself (integrity_check, schema version, the serial in the DB, references) and every\n" \
  "icon, drawn in a separate process with CPU and memory limits. It stops at the first\n" \
  "check that fails, as the kiosk does.\n" \
  "\n" \
  "--pubkey takes a public key file or the key itself (the \"RW…\" line); give it once for\n" \
  "every key the kiosks trust. --demo-key trusts the demo key of the embedded content.\n" \
  "--at checks as if it were that time (ISO 8601), to see whether a bundle will still be\n" \
  "valid. After a key rotation, --root keys.json trusts the content keys of that root keys\n" \
  "document (when it is signed by its own root keys) instead of --pubkey, and checks that\n" \
  "the manifest belongs to its version.\n" \
  "\n" \
  "Exit status:\n" \
  "  0  every check passed: a kiosk trusting these keys accepts the bundle\n" \
  "  1  a check failed (the kiosk would refuse the bundle)\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Example:\n" \
  "  baken-bundle verify publish/ --pubkey baken-2026.pub --pubkey baken-2027.pub"

/* The three subcommands. */
int      baken_bundle_run_keygen   (int                       argc,
                                    char                    **argv);
int      baken_bundle_run_sign     (int                       argc,
                                    char                    **argv);
int      baken_bundle_run_verify   (int                       argc,
                                    char                    **argv);

/* Reads the secret key file path, asking for its password (on the terminal, or the first
 * line of standard input) when it is encrypted. Errors name the file. */
BakenMinisignSecretKey *baken_bundle_read_secret_key (const char *path,
                                    GError                  **error);

/* build SRC OUTDIR --serial N: baken_bundle_build () with the key id of pubkey (nullable:
 * a public key file or base64 key). Fails like baken_content_build (), with problems. */
gboolean baken_bundle_build_bundle (const char               *src_dir,
                                    const char               *out_dir,
                                    const BakenBuildOptions  *options,
                                    guint                     valid_days,
                                    const char               *pubkey,
                                    GPtrArray                *problems,
                                    GError                  **error);

G_END_DECLS
