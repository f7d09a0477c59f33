/* baken-minisign-private.h: what the minisign files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys and the signature as they are in memory, and the text form of every minisign
 * file: lines, comments, base64 and key ids. Key files are read and written in
 * baken-minisign-key.c and baken-minisign-secret-key.c, signature files in
 * baken-minisign-signature.c, and signing and verifying is baken-minisign.c.
 */
#pragma once

#include <sodium.h>

#include "baken-minisign.h"

G_BEGIN_DECLS

#define COMMENT_PREFIX          "untrusted comment: "
#define TRUSTED_COMMENT_PREFIX  "trusted comment: "
#define KEY_ID_BYTES            8
#define PK_STRUCT_BYTES         (2 + KEY_ID_BYTES + crypto_sign_PUBLICKEYBYTES)
#define SIG_STRUCT_BYTES        (2 + KEY_ID_BYTES + crypto_sign_BYTES)

struct _BakenMinisignPublicKey
{
  gatomicrefcount ref_count;

  guint8          key_id[KEY_ID_BYTES];
  guint8          pk[crypto_sign_PUBLICKEYBYTES];
  char            id_string[17];
};

struct _BakenMinisignSecretKey
{
  guint8                 *keynum_sk;   /* (owned) sodium_malloc: key id ‖ sk ‖ checksum */
  BakenMinisignPublicKey *public_key;  /* (owned) */
};

struct _BakenMinisignSignature
{
  guint8  key_id[KEY_ID_BYTES];
  guint8  sig[crypto_sign_BYTES];
  guint8  global_sig[crypto_sign_BYTES];
  char   *trusted_comment;
  char    id_string[17];
};

/* The text form (baken-minisign-format.c) */

/* Fails when libsodium cannot start. */
gboolean  _baken_minisign_ensure_sodium           (GError      **error);
/* minisign's form of a key id: 16 upper-case hex digits of the id as a little-endian
 * number. */
void      _baken_minisign_format_key_id           (const guint8  key_id[KEY_ID_BYTES],
                                                   char          out[17]);
/* Splits data into exactly n_lines lines (LF or CRLF). The last line may or may not end
 * in a line break; nothing may follow it. what names the file in errors. */
char    **_baken_minisign_split_lines             (const char   *data,
                                                   gsize         length,
                                                   guint         n_lines,
                                                   const char   *what,
                                                   GError      **error);
gboolean  _baken_minisign_check_untrusted_comment (const char   *line,
                                                   const char   *what,
                                                   GError      **error);
/* One line of UTF-8, shorter than BAKEN_MINISIGN_MAX_TRUSTED_COMMENT. */
gboolean  _baken_minisign_check_trusted_comment   (const char   *comment,
                                                   GError      **error);
/* Decodes canonical base64 (with padding, no spaces) of exactly expected bytes. */
gboolean  _baken_minisign_decode_exact            (const char   *text,
                                                   guint8       *out,
                                                   gsize         expected,
                                                   const char   *what,
                                                   GError      **error);
char     *_baken_minisign_encode                  (const guint8 *bin,
                                                   gsize         length);

/* A public key from its parts (baken-minisign-key.c). */
BakenMinisignPublicKey *_baken_minisign_public_key_new (const guint8 *key_id,
                                                        const guint8 *pk);

G_END_DECLS
