/* baken-bundle-root.h: the root keys subcommands of baken-bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * root-make, root-sign and root-inspect: the root keys document keys.json (baken-root.h)
 * that names the keys bundles are signed by, and its signatures by the offline root
 * keys. docs/content-format.md ("Rotating keys") walks through a rotation after a leak.
 * Exit status: 0 ok, 1 a problem with the document, a key or the output, 2 wrong usage.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_BUNDLE_ROOT_MAKE_PARAMETERS "FILE"
#define BAKEN_BUNDLE_ROOT_MAKE_SUMMARY "Write a root keys document (keys.json), not yet signed"
#define BAKEN_BUNDLE_ROOT_MAKE_DESCRIPTION \
  "Writes FILE (normally keys.json): the root keys document of --version N, which names\n" \
  "the offline root keys (--root-key, repeated), how many of them sign a root document\n" \
  "(--threshold) and the keys bundles are signed by (--content-key, repeated). A key is a\n" \
  "public key file or the \"RW…\" line. FILE.minisig is removed: its signatures were of\n" \
  "another document. Sign FILE with baken-bundle root-sign.\n" \
  "\n" \
  "A kiosk takes version N only after version N - 1 (version 1 after the root keys of its\n" \
  "[sync] root-keys), and only when it is signed by the threshold of the root keys of\n" \
  "version N - 1 and by its own threshold of its own root keys. A root key is never a\n" \
  "content key. Manifests signed under version N name it: build with --root-version N.\n" \
  "\n" \
  "Exit status:\n" \
  "  0  FILE was written\n" \
  "  1  the document would not be valid, or FILE cannot be written\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Example:\n" \
  "  baken-bundle root-make keys.json --version 2 --threshold 2 \\\n" \
  "      --root-key root-a.pub --root-key root-b.pub --root-key root-c.pub \\\n" \
  "      --content-key baken-2027.pub"

#define BAKEN_BUNDLE_ROOT_SIGN_PARAMETERS "FILE"
#define BAKEN_BUNDLE_ROOT_SIGN_SUMMARY "Add a root key's signature to a root keys document"
#define BAKEN_BUNDLE_ROOT_SIGN_DESCRIPTION \
  "Checks that FILE is a valid root keys document and appends a signature of it by the\n" \
  "secret key --key to FILE.minisig. Each holder of a root key signs on their own (offline)\n" \
  "machine; a key that signed already is refused. Sign with the root keys of the version\n" \
  "before and with the new version's own root keys, as many as their thresholds say.\n" \
  "\n" \
  "With the stock tool, the same:\n" \
  "  minisign -S -s root-a.key -m keys.json -x sig-a && cat sig-a >> keys.json.minisig\n" \
  "\n" \
  "Exit status:\n" \
  "  0  the signature was added\n" \
  "  1  the document, the key or the password is wrong (nothing is written)\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Example:\n" \
  "  baken-bundle root-sign keys.json --key /media/usb/root-a.key"

#define BAKEN_BUNDLE_ROOT_INSPECT_PARAMETERS "FILE"
#define BAKEN_BUNDLE_ROOT_INSPECT_SUMMARY "Show a root keys document and check its signatures"
#define BAKEN_BUNDLE_ROOT_INSPECT_DESCRIPTION \
  "Prints the version, the root keys and threshold, the content keys and who signed FILE\n" \
  "(FILE.minisig), then checks it as a kiosk does: signed by its own threshold of its own\n" \
  "root keys, and, with --previous OLD (the document of the version before) or with the\n" \
  "--root-key and --threshold of the kiosks' [sync] (for version 1), that it is the next\n" \
  "version and signed by the threshold of the root keys before it.\n" \
  "\n" \
  "Exit status:\n" \
  "  0  every check passed: a kiosk at the version before takes FILE\n" \
  "  1  a check failed (the kiosk would refuse it), or FILE cannot be read\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Examples:\n" \
  "  baken-bundle root-inspect keys.json --previous keys-1.json\n" \
  "  baken-bundle root-inspect keys.json --threshold 2 --root-key root-a.pub \\\n" \
  "      --root-key root-b.pub --root-key root-c.pub"

int baken_bundle_run_root_make    (int    argc,
                                   char **argv);
int baken_bundle_run_root_sign    (int    argc,
                                   char **argv);
int baken_bundle_run_root_inspect (int    argc,
                                   char **argv);

G_END_DECLS
