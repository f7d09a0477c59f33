/* baken-bundle.h: verifying a signed content bundle before anything uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is three files (docs/content-format.md, "For IT"):
 *
 *   manifest.json            BakenManifest: serial, dates, key id, versions, files
 *   manifest.json.minisig    minisign signature of manifest.json (prehashed "ED")
 *   content-SERIAL.sqlite    the content DB, listed in the manifest with size and sha256
 *
 * baken_bundle_verify () makes every check, in this order, and stops at the first that
 * fails (each with its own BakenBundleError code):
 *
 *   1. files present; manifest.json at most BAKEN_MANIFEST_MAX_SIZE, the signature at most
 *      BAKEN_MINISIGN_MAX_FILE_SIZE
 *   2. the signature: strict minisign, "ED" only, signed by one of the trusted keys, the
 *      signature over manifest.json and the global signature over the trusted comment;
 *      a "serial:N" in the trusted comment must be the manifest's serial
 *   3. manifest.json strictly parsed; key_id is the key that signed; min_app_version is
 *      not newer than this program; the schema version is the one this program reads
 *   4. expires > now, where "now" is never earlier than created: a kiosk whose clock
 *      runs behind the build machine's (no time sync, a dead clock battery) still
 *      shows verified content; the difference is kept in clock_behind and logged
 *   5. exactly one file, content-SERIAL.sqlite; its size is the declared size and at most
 *      BAKEN_BUNDLE_MAX_CONTENT_SIZE; then its sha256
 *   6. the DB opens read-only (immutable, defensive, trusted_schema off), PRAGMA
 *      integrity_check is "ok", PRAGMA user_version is BAKEN_SCHEMA_VERSION,
 *      meta.serial is the manifest serial (no mixing of files from two bundles)
 *   7. referential sanity: PRAGMA foreign_key_check is empty, meta has serial, created
 *      and format, every life event, service and organisation has Dutch text, life
 *      events are at most three levels deep
 *   8. every SVG of the icon table passes baken-icon-check, run as a child process with
 *      CPU, memory and file-size limits; only its exit status and report are trusted.
 *      The icons are checked once per bundle where a cache folder is given
 *      (baken_bundle_verify_cached ()): a pass is remembered under the content DB's
 *      sha256, which step 5 proved to be the one the signed manifest names
 *
 * Verifying writes nothing, except a passed icon check in the cache folder when one is
 * given. Verification blocks (hashing, SQLite, the child process): run it
 * in a worker thread, never on the UI thread.
 */
#pragma once

#include <glib.h>
#include <gio/gio.h>

#include "baken-bundle-format.h"
#include "baken-catalog.h"
#include "baken-minisign.h"

G_BEGIN_DECLS

/* Called after each check: its name ("signature", "expiry", …), whether it passed and a
 * one-line detail (what was found, or the error message). */
typedef void (*BakenBundleCheckFunc) (const char *check,
                                      gboolean    passed,
                                      const char *detail,
                                      gpointer    user_data);

typedef struct
{
  BakenCatalog *catalog;         /* (owned) on the verified content */
  guint64       serial;
  GDateTime    *created;         /* (owned) */
  GDateTime    *expires;         /* (owned) */
  char         *key_id;          /* the trusted key that signed */
  char         *trusted_comment;
  char         *content_name;    /* content-SERIAL.sqlite */
  char         *content_sha256;
  guint         root_version;    /* the root keys document version the manifest names;
                                  * 0 for none (checked by the sync, baken-sync-trust.h) */
  gint64        clock_behind;    /* seconds the verifying clock ran behind created
                                  * (beyond BAKEN_BUNDLE_CLOCK_SKEW), else 0 */
} BakenVerifiedBundle;

void                 baken_verified_bundle_free (BakenVerifiedBundle *bundle);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenVerifiedBundle, baken_verified_bundle_free)

/* The keys to trust: configured (of BakenMinisignPublicKey) when it has any, else only
 * the demo key. A configuration that names its own keys never trusts the demo key. */
GPtrArray           *baken_bundle_trusted_keys  (GPtrArray     *configured);

/* Verifies the bundle in the folder dir (see the top of this file). keys: the trusted
 * BakenMinisignPublicKey (use baken_bundle_trusted_keys ()). now: the current time. */
BakenVerifiedBundle *baken_bundle_verify        (const char           *dir,
                                                 GPtrArray            *keys,
                                                 GDateTime            *now,
                                                 BakenBundleCheckFunc  check_func,
                                                 gpointer              user_data,
                                                 GError              **error);
/* The same for a bundle held in a GResource folder (the embedded demo): resource_path
 * holds the three files. */
BakenVerifiedBundle *baken_bundle_verify_resource (const char         *resource_path,
                                                 GPtrArray            *keys,
                                                 GDateTime            *now,
                                                 BakenBundleCheckFunc  check_func,
                                                 gpointer              user_data,
                                                 GError              **error);

/* The folder under a state folder where the kiosk remembers passed icon checks. */
#define BAKEN_BUNDLE_ICON_CACHE_NAME   "icon-checks"

/* As baken_bundle_verify () and baken_bundle_verify_resource (), but the icon check
 * (step 8) runs once per content DB: a pass is remembered in icon_cache_dir (created
 * when missing; written atomically, best effort) as a file named by the DB's sha256,
 * and a later verification of the same DB by this version of Baken skips the child
 * process. Every other check still runs. icon_cache_dir NULL: always check, as
 * baken_bundle_verify (). Whoever can write icon_cache_dir can skip the icon check of
 * a bundle that is signed by a trusted key: keep it in the kiosk's own state folder. */
BakenVerifiedBundle *baken_bundle_verify_cached (const char           *dir,
                                                 GPtrArray            *keys,
                                                 GDateTime            *now,
                                                 const char           *icon_cache_dir,
                                                 BakenBundleCheckFunc  check_func,
                                                 gpointer              user_data,
                                                 GError              **error);
BakenVerifiedBundle *baken_bundle_verify_resource_cached (const char           *resource_path,
                                                          GPtrArray            *keys,
                                                          GDateTime            *now,
                                                          const char           *icon_cache_dir,
                                                          BakenBundleCheckFunc  check_func,
                                                          gpointer              user_data,
                                                          GError              **error);

/* For the application at startup: verify dir with the configured keys (NULL or empty:
 * the demo key) at the time now. */
BakenVerifiedBundle *baken_bundle_open_verified (const char           *dir,
                                                 GPtrArray            *configured_keys,
                                                 GDateTime            *now,
                                                 GError              **error);

/* The icon check protocol between the verifier and the helper (both sides use it).
 * Input: for each icon, the line "icon INDEX LENGTH\n" and LENGTH bytes of SVG.
 * Output: for each icon in order, "ok INDEX\n" or "refused INDEX MESSAGE\n".
 * Exit status 0 when every icon is ok, 1 when one was refused, 2 on a protocol error. */
#define BAKEN_ICON_CHECK_MAX_ICONS   4096

G_END_DECLS
