/* sync-test-util.h: signed bundles and a misbehaving HTTP server for the sync tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "baken-minisign.h"
#include "baken-state.h"

G_BEGIN_DECLS

typedef enum {
  PUBLISH_GOOD,
  PUBLISH_BAD_SIGNATURE,   /* manifest.json changed after signing */
  PUBLISH_UNKNOWN_KEY,     /* signed with a key the kiosk does not trust */
  PUBLISH_HASH_MISMATCH,   /* one byte of the content changed, same size */
  PUBLISH_NOT_SQLITE,      /* the content is not an SQLite DB (manifest matches it) */
  PUBLISH_INTEGRITY,       /* the content fails integrity_check (manifest matches it) */
  PUBLISH_OVER_CAP,        /* the manifest declares more bytes than a kiosk accepts */
  PUBLISH_BIG,             /* 3000 more services answer le-inkomen: a query of them runs
                            * past a budget of 1 ms */
} PublishKind;

/* The keys the tests sign with: the content key the kiosk is configured with (the one
 * that leaks), two more content keys, and five offline root keys. */
typedef enum {
  TEST_KEY_CONTENT_1,
  TEST_KEY_CONTENT_2,
  TEST_KEY_CONTENT_3,
  TEST_KEY_ROOT_A,
  TEST_KEY_ROOT_B,
  TEST_KEY_ROOT_C,
  TEST_KEY_ROOT_D,
  TEST_KEY_ROOT_E,
  TEST_N_KEYS
} TestKey;

typedef struct
{
  guint64      serial;
  gint64       created;   /* 0: test_created (serial) */
  gint64       expires;   /* 0: a year from now */
  PublishKind  kind;
  TestKey      key;       /* signs the manifest (PUBLISH_UNKNOWN_KEY aside); 0: the
                           * configured content key */
  guint        root_version;  /* named in the manifest (format 2); 0: none */
} PublishSpec;

/* Call once from main, after g_test_init: keys, the content cache. */
void        sync_test_init            (void);
void        sync_test_cleanup         (void);

/* The real time at sync_test_init, and the created time of a good bundle. */
gint64      test_now                  (void);
gint64      test_created              (guint64 serial);
/* The trusted public key, as a config value. */
const char *test_public_key_base64    (void);
BakenMinisignSecretKey *test_key      (TestKey            key);
/* The "RW…" line of key, for a config; free it. */
char       *test_key_base64           (TestKey            key);

/* Writes dir/name and dir/name.minisig: the root keys document of version, with the
 * root keys (a list of TestKey ended by -1), threshold and content keys, signed by each
 * of signers (ended by -1; a key may sign twice). */
void        publish_root              (const char        *dir,
                                       const char        *name,
                                       guint              version,
                                       const int         *root_keys,
                                       guint              threshold,
                                       const int         *content_keys,
                                       const int         *signers);

/* Writes manifest.json, manifest.json.minisig and content-<serial>.sqlite into dir
 * (replacing what was there). */
void        publish                   (const char        *dir,
                                       const PublishSpec *spec);
void        publish_good              (const char        *dir,
                                       guint64            serial);

/* The HTTP server (tests/data/sync/server.py) */
void        server_start              (void);
void        server_stop               (void);
guint16     server_port               (void);
char       *server_url                (const char        *path);
/* mode NULL for "normal". */
void        server_control            (const char        *root,
                                       const char        *mode,
                                       const char        *target,
                                       const char        *location);
guint       server_requests           (gboolean           reset);

/* "path size sha256" of every file under dir except staging/ and state.sqlite*: what a
 * failed sync must not change. */
char       *snapshot_outside_staging  (const char        *state_dir);
gboolean    dir_is_empty              (const char        *path);
/* The serial of meta in the content DB at path, after PRAGMA integrity_check = ok. */
guint64     content_serial            (const char        *path);

G_END_DECLS
