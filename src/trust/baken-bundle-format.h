/* baken-bundle-format.h: the shape of a content bundle, shared by who builds and signs
 * it (authoring) and who verifies it (sync)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is three files: manifest.json, its minisign signature and the content DB
 * (docs/content-format.md, "For IT"). baken-bundle.h says how the kiosk checks one.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_BUNDLE_MANIFEST_NAME     "manifest.json"
#define BAKEN_BUNDLE_SIGNATURE_NAME    "manifest.json.minisig"
/* content-<serial>.sqlite */
#define BAKEN_BUNDLE_CONTENT_PATTERN   "content-%" G_GUINT64_FORMAT ".sqlite"
#define BAKEN_BUNDLE_MAX_CONTENT_SIZE  (G_GUINT64_CONSTANT (512) * 1024 * 1024)
/* A created time further in the future than this (seconds) means the clock of the
 * kiosk runs behind: reported, never a reason to refuse. Within it, clocks drift. */
#define BAKEN_BUNDLE_CLOCK_SKEW        (5 * 60)
/* Wall-clock limit for the icon check child (seconds). */
#define BAKEN_BUNDLE_ICON_CHECK_TIMEOUT 30
/* The demo key of data/demo-key/ (its secret half is public: demo content only). */
#define BAKEN_BUNDLE_DEMO_PUBLIC_KEY   "RWR2k4nm8KB7jRK5vTlMexIuBe4/nOmR5RCIfCsdYsLGFeukzIGX25Qr"

#define BAKEN_BUNDLE_ERROR (baken_bundle_error_quark ())

typedef enum {
  BAKEN_BUNDLE_ERROR_MISSING,           /* a file is missing, unreadable or over its cap */
  BAKEN_BUNDLE_ERROR_NO_KEYS,           /* no trusted key was given */
  BAKEN_BUNDLE_ERROR_SIGNATURE_FORMAT,  /* not a minisign signature file */
  BAKEN_BUNDLE_ERROR_LEGACY_SIGNATURE,  /* the legacy "Ed" form or another algorithm */
  BAKEN_BUNDLE_ERROR_UNTRUSTED_KEY,     /* signed with a key that is not trusted */
  BAKEN_BUNDLE_ERROR_BAD_SIGNATURE,     /* the manifest was changed after signing */
  BAKEN_BUNDLE_ERROR_BAD_TRUSTED_COMMENT, /* the trusted comment was changed or disagrees */
  BAKEN_BUNDLE_ERROR_MANIFEST,          /* manifest.json is not a valid manifest */
  BAKEN_BUNDLE_ERROR_FORMAT,            /* an unknown manifest format */
  BAKEN_BUNDLE_ERROR_KEY_MISMATCH,      /* key_id is not the key that signed */
  BAKEN_BUNDLE_ERROR_APP_TOO_OLD,       /* needs a newer kiosk program */
  BAKEN_BUNDLE_ERROR_EXPIRED,           /* expires ≤ now */
  BAKEN_BUNDLE_ERROR_FILES,             /* not exactly the one content file */
  BAKEN_BUNDLE_ERROR_SIZE,              /* a size other than declared, or too large */
  BAKEN_BUNDLE_ERROR_HASH,              /* a sha256 other than declared */
  BAKEN_BUNDLE_ERROR_NOT_DATABASE,      /* the content file is not an SQLite DB */
  BAKEN_BUNDLE_ERROR_INTEGRITY,         /* PRAGMA integrity_check failed */
  BAKEN_BUNDLE_ERROR_SCHEMA,            /* another content schema version */
  BAKEN_BUNDLE_ERROR_SERIAL_MISMATCH,   /* meta.serial is not the manifest serial */
  BAKEN_BUNDLE_ERROR_REFERENCES,        /* referential sanity failed */
  BAKEN_BUNDLE_ERROR_ICON,              /* an icon was refused by the icon check */
  BAKEN_BUNDLE_ERROR_ICON_CHECKER,      /* the icon check could not run or crashed */
  BAKEN_BUNDLE_ERROR_WRITE,             /* build, sign: the output cannot be written */
} BakenBundleError;

GQuark baken_bundle_error_quark (void);

G_END_DECLS
