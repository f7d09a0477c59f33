/* baken-minisign.h: minisign keys and signatures, strictly, with libsodium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file formats of the stock `minisign` tool (0.11), so that IT can use either tool:
 *
 *   public key   "untrusted comment: …\n" + base64 ("Ed" ‖ key id[8] ‖ Ed25519 pk[32])
 *   secret key   "untrusted comment: …\n" + base64 ("Ed" ‖ kdf[2] ‖ "B2" ‖ salt[32] ‖
 *                opslimit[8, LE] ‖ memlimit[8, LE] ‖ key id[8] ‖ sk[64] ‖ checksum[32])
 *                where kdf is "Sc" (scrypt-xsalsa208-sha256: the last 104 bytes are XORed
 *                with a stream derived from the password) or two zero bytes (unencrypted)
 *   signature    "untrusted comment: …\n" + base64 ("ED" ‖ key id[8] ‖ sig[64]) + "\n"
 *                "trusted comment: TEXT\n" + base64 (global sig[64]) + "\n"
 *
 * sig is Ed25519 over BLAKE2b-512 of the signed file ("ED", prehashed); the global
 * signature is Ed25519 over sig ‖ TEXT, so the trusted comment cannot be changed.
 *
 * Parsing is strict: exact line structure (LF or CRLF ends, nothing after the last line),
 * the comment prefixes, canonical base64 of the exact decoded length, the algorithm bytes.
 * The legacy "Ed" signature (Ed25519 over the whole file) is refused. A key id is shown
 * as minisign shows it: 16 upper-case hex digits of the id read as a little-endian number.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_MINISIGN_ERROR (baken_minisign_error_quark ())

typedef enum {
  BAKEN_MINISIGN_ERROR_FORMAT,           /* not a minisign file: lines, prefix, base64, length */
  BAKEN_MINISIGN_ERROR_ALGORITHM,        /* legacy "Ed" signature or an unknown algorithm */
  BAKEN_MINISIGN_ERROR_UNKNOWN_KEY,      /* signed with a key that is not one of the keys */
  BAKEN_MINISIGN_ERROR_BAD_SIGNATURE,    /* the signature does not match the file */
  BAKEN_MINISIGN_ERROR_BAD_COMMENT,      /* the trusted comment was changed */
  BAKEN_MINISIGN_ERROR_NEED_PASSWORD,    /* an encrypted secret key and no password */
  BAKEN_MINISIGN_ERROR_WRONG_PASSWORD,   /* checksum mismatch after decryption */
  BAKEN_MINISIGN_ERROR_KEY_DAMAGED,      /* the secret half does not match the public half */
  BAKEN_MINISIGN_ERROR_LIMITS,           /* scrypt limits beyond what we accept */
  BAKEN_MINISIGN_ERROR_FAILED,           /* libsodium could not start, or out of memory */
} BakenMinisignError;

/* Text sizes minisign itself accepts. */
#define BAKEN_MINISIGN_MAX_COMMENT          1024
#define BAKEN_MINISIGN_MAX_TRUSTED_COMMENT  8192
/* Largest key or signature file we read. */
#define BAKEN_MINISIGN_MAX_FILE_SIZE        (16 * 1024)

/* scrypt limits of `minisign -G` (sensitive) and cheaper ones for tests. */
#define BAKEN_MINISIGN_OPSLIMIT_SENSITIVE    33554432ULL
#define BAKEN_MINISIGN_MEMLIMIT_SENSITIVE    1073741824ULL
#define BAKEN_MINISIGN_OPSLIMIT_INTERACTIVE  524288ULL
#define BAKEN_MINISIGN_MEMLIMIT_INTERACTIVE  16777216ULL

GQuark baken_minisign_error_quark (void);

/* Returns FALSE when libsodium cannot be initialised (no entropy source). */
gboolean baken_minisign_init (GError **error);

/* Public keys (immutable, reference counted) */

typedef struct _BakenMinisignPublicKey BakenMinisignPublicKey;

/* The contents of a minisign.pub file. */
BakenMinisignPublicKey *baken_minisign_public_key_new_from_data   (const char  *data,
                                                                   gsize        length,
                                                                   GError     **error);
/* The base64 line alone, as `minisign -P` takes it ("RWQ…"). */
BakenMinisignPublicKey *baken_minisign_public_key_new_from_base64 (const char  *base64,
                                                                   GError     **error);
/* A file path, or else the base64 line (a config or command line value). */
BakenMinisignPublicKey *baken_minisign_public_key_new_from_file_or_base64 (const char *value,
                                                                   GError     **error);
BakenMinisignPublicKey *baken_minisign_public_key_ref             (BakenMinisignPublicKey *self);
void                    baken_minisign_public_key_unref           (BakenMinisignPublicKey *self);

const guint8           *baken_minisign_public_key_get_key_id      (BakenMinisignPublicKey *self);
/* "9AEC8527F46BB478", as minisign prints it. */
const char             *baken_minisign_public_key_get_id_string   (BakenMinisignPublicKey *self);
char                   *baken_minisign_public_key_to_base64       (BakenMinisignPublicKey *self);
/* A minisign.pub file: comment line and base64 line, each ending in "\n". */
char                   *baken_minisign_public_key_to_data         (BakenMinisignPublicKey *self);
gboolean                baken_minisign_public_key_equal           (BakenMinisignPublicKey *a,
                                                                   BakenMinisignPublicKey *b);

/* Secret keys (the key material lives in sodium_malloc memory, wiped on free) */

typedef struct _BakenMinisignSecretKey BakenMinisignSecretKey;

BakenMinisignSecretKey *baken_minisign_secret_key_generate        (GError     **error);
/* Whether data is a secret key file that needs a password (FALSE for unencrypted keys
 * and for anything that is not a secret key file). */
gboolean                baken_minisign_secret_key_data_is_encrypted (const char *data,
                                                                   gsize        length);
/* The contents of a minisign.key file. password may be NULL for an unencrypted key;
 * an encrypted key then fails with BAKEN_MINISIGN_ERROR_NEED_PASSWORD. */
BakenMinisignSecretKey *baken_minisign_secret_key_new_from_data   (const char  *data,
                                                                   gsize        length,
                                                                   const char  *password,
                                                                   GError     **error);
void                    baken_minisign_secret_key_free            (BakenMinisignSecretKey *self);
BakenMinisignPublicKey *baken_minisign_secret_key_get_public_key  (BakenMinisignSecretKey *self);
/* A minisign.key file. With a password the key is encrypted with scrypt at the given
 * limits (use the _SENSITIVE ones, as minisign does); with password NULL it is written
 * unencrypted, as `minisign -G -W` does. */
char                   *baken_minisign_secret_key_to_data         (BakenMinisignSecretKey *self,
                                                                   const char  *password,
                                                                   guint64      opslimit,
                                                                   guint64      memlimit,
                                                                   GError     **error);
/* A complete .minisig file for data: prehashed ("ED") signature and the global signature
 * over trusted_comment (one line of UTF-8, at most BAKEN_MINISIGN_MAX_TRUSTED_COMMENT
 * bytes). untrusted_comment NULL gives minisign's "signature from minisign secret key". */
char                   *baken_minisign_sign                       (BakenMinisignSecretKey *self,
                                                                   const guint8 *data,
                                                                   gsize        length,
                                                                   const char  *trusted_comment,
                                                                   const char  *untrusted_comment,
                                                                   GError     **error);

/* Signatures */

typedef struct _BakenMinisignSignature BakenMinisignSignature;

/* The contents of a .minisig file. Refuses the legacy "Ed" form. */
BakenMinisignSignature *baken_minisign_signature_new_from_data    (const char  *data,
                                                                   gsize        length,
                                                                   GError     **error);
void                    baken_minisign_signature_free             (BakenMinisignSignature *self);
const char             *baken_minisign_signature_get_key_id_string (BakenMinisignSignature *self);
/* Valid only after a successful verify: until then it is unauthenticated text. */
const char             *baken_minisign_signature_get_trusted_comment (BakenMinisignSignature *self);
/* Checks the signature of data against the one key in keys (of BakenMinisignPublicKey)
 * whose id it names: first the key id, then the signature over BLAKE2b-512 (data), then
 * the global signature over the trusted comment. Returns the key that signed. */
BakenMinisignPublicKey *baken_minisign_signature_verify           (BakenMinisignSignature *self,
                                                                   GPtrArray    *keys,
                                                                   const guint8 *data,
                                                                   gsize         length,
                                                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenMinisignPublicKey, baken_minisign_public_key_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenMinisignSecretKey, baken_minisign_secret_key_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenMinisignSignature, baken_minisign_signature_free)

G_END_DECLS
