/* baken-root.h: the root keys document (keys.json), its signatures, and the chain of
 * its versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which content keys may sign a bundle is said by a root document, signed by offline
 * root keys (TUF's root role, in minisign):
 *
 *   keys.json
 *   {
 *     "format": 1,
 *     "version": 2,
 *     "root_keys": [ "RWQ…", "RWQ…", "RWQ…" ],
 *     "threshold": 2,
 *     "content_keys": [ "RWQ…" ]
 *   }
 *
 *   keys.json.minisig   one or more minisign signatures of keys.json, one after the other
 *                       (each as `minisign -S` writes it: four lines)
 *
 * Keys are the base64 line of a minisign public key. Strict as the manifest: RFC 8259
 * only, no unknown or duplicate member, no key twice; 1 to BAKEN_ROOT_MAX_KEYS root keys
 * and content keys; the threshold from 1 to the number of root keys.
 *
 * Version 0 is the kiosk's configuration (baken_root_new_anchor ()): its root keys and
 * threshold, and its public keys as content keys. A document of version N + 1 is taken
 * after version N only when it is signed by a threshold of N's root keys and by a
 * threshold of its own (baken_root_verify_next ()): a new root can replace every key,
 * and a leaked content key is revoked by a root that no longer names it.
 */
#pragma once

#include <glib.h>

#include "baken-minisign.h"

G_BEGIN_DECLS

#define BAKEN_ROOT_NAME            "keys.json"
#define BAKEN_ROOT_SIGNATURES_NAME "keys.json.minisig"
/* An older version N beside the newest: keys-N.json and keys-N.json.minisig, for kiosks
 * more than one version behind. */
#define BAKEN_ROOT_VERSION_PATTERN "keys-%u.json"
#define BAKEN_ROOT_FORMAT          1
#define BAKEN_ROOT_MAX_SIZE        (64 * 1024)
#define BAKEN_ROOT_MAX_KEYS        16
#define BAKEN_ROOT_MAX_SIGNATURES  16
#define BAKEN_ROOT_MAX_SIGNATURES_SIZE (64 * 1024)
/* The highest version a document may have. */
#define BAKEN_ROOT_MAX_VERSION     G_MAXINT32

#define BAKEN_ROOT_ERROR (baken_root_error_quark ())

typedef enum {
  BAKEN_ROOT_ERROR_SYNTAX,      /* not strict JSON, not UTF-8, too large */
  BAKEN_ROOT_ERROR_FORMAT,      /* an unknown format */
  BAKEN_ROOT_ERROR_INVALID,     /* a member missing, unknown, of the wrong type or value */
  BAKEN_ROOT_ERROR_SIGNATURES,  /* keys.json.minisig is not a list of minisign signatures */
  BAKEN_ROOT_ERROR_THRESHOLD,   /* too few valid signatures by the keys that count */
  BAKEN_ROOT_ERROR_VERSION,     /* not the next version: skipped, or an older one replayed */
  BAKEN_ROOT_ERROR_DIFFERENT,   /* the same version as the trusted one, another document */
  BAKEN_ROOT_ERROR_NO_ROOT_KEYS, /* version 0 without root keys: no root can follow */
} BakenRootError;

GQuark baken_root_error_quark (void);

/* Immutable once made; reference counted. */
typedef struct
{
  gatomicrefcount  ref_count;

  guint            version;       /* 0: the configuration */
  GPtrArray       *root_keys;     /* (owned) (element-type BakenMinisignPublicKey) */
  guint            threshold;     /* 0 only for version 0 without root keys */
  GPtrArray       *content_keys;  /* (owned) (element-type BakenMinisignPublicKey) */
  GBytes          *data;          /* (owned) (nullable) keys.json as signed; NULL for 0 */
  GBytes          *signatures;    /* (owned) (nullable) keys.json.minisig */
} BakenRoot;

BakenRoot  *baken_root_ref              (BakenRoot     *self);
void        baken_root_unref            (BakenRoot     *self);

/* Version 0: the configured root keys and threshold (root_keys may be empty: no root
 * document can then be taken, and threshold is not used), and the keys bundles are
 * signed by until then. */
BakenRoot  *baken_root_new_anchor       (GPtrArray     *root_keys,
                                         guint          threshold,
                                         GPtrArray     *content_keys);
/* A new document (for IT's tools); nothing is checked until baken_root_to_data (). */
BakenRoot  *baken_root_new              (guint          version,
                                         GPtrArray     *root_keys,
                                         guint          threshold,
                                         GPtrArray     *content_keys);

/* Parses keys.json strictly; signatures are not checked (data is kept). */
BakenRoot  *baken_root_parse            (GBytes        *data,
                                         GError       **error);
/* Deterministic, pretty-printed JSON ending in a newline, which baken_root_parse reads
 * back to the same document. Fails (BAKEN_ROOT_ERROR_INVALID) for one that would not
 * parse. */
char       *baken_root_to_data          (BakenRoot     *self,
                                         gsize         *length,
                                         GError       **error);

/* The signatures of keys.json.minisig (element-type BakenMinisignSignature), at most
 * BAKEN_ROOT_MAX_SIGNATURES. BAKEN_ROOT_ERROR_SIGNATURES when it is anything else. */
GPtrArray  *baken_root_parse_signatures (GBytes        *signatures,
                                         GError       **error);
/* How many distinct keys of keys made a valid signature of data among signatures (from
 * baken_root_parse_signatures ()). signers (nullable) gets the ids of those keys,
 * others (nullable) the ids of keys that signed but are not in keys or whose signature
 * does not match. */
guint       baken_root_count_signers    (GBytes        *data,
                                         GPtrArray     *signatures,
                                         GPtrArray     *keys,
                                         GString       *signers,
                                         GString       *others);

/* The document after trusted: data of version trusted->version + 1 (else
 * BAKEN_ROOT_ERROR_VERSION: "replayed" for an older or equal one, "skipped" for a later
 * one; equal with other bytes: BAKEN_ROOT_ERROR_DIFFERENT), signed by trusted->threshold
 * of trusted's root keys and by its own threshold of its own root keys
 * (BAKEN_ROOT_ERROR_THRESHOLD, naming who signed and who should have). name is the file
 * in messages. */
BakenRoot  *baken_root_verify_next      (BakenRoot     *trusted,
                                         const char    *name,
                                         GBytes        *data,
                                         GBytes        *signatures,
                                         GError       **error);
/* A document kept by the kiosk itself (it chained when it was taken): parsed, and
 * signed by its own threshold of its own root keys, so a damaged copy is refused. */
BakenRoot  *baken_root_verify_stored    (const char    *name,
                                         GBytes        *data,
                                         GBytes        *signatures,
                                         GError       **error);

/* Whether self names key among its content keys. */
gboolean    baken_root_has_content_key  (BakenRoot     *self,
                                         BakenMinisignPublicKey *key);
/* "AAAA…, BBBB…": the ids of keys (element-type BakenMinisignPublicKey). */
char       *baken_root_format_key_ids   (GPtrArray     *keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenRoot, baken_root_unref)

G_END_DECLS
