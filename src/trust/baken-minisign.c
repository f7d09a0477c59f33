/* baken-minisign.c: signing a file and verifying its signature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signature is Ed25519 over BLAKE2b-512 of the file ("ED", prehashed); the global
 * signature is Ed25519 over the signature and the trusted comment.
 */
#define G_LOG_DOMAIN "baken-minisign"

#include "config.h"

#include "baken-minisign-private.h"

#include <string.h>

char *
baken_minisign_sign (BakenMinisignSecretKey  *self,
                     const guint8            *data,
                     gsize                    length,
                     const char              *trusted_comment,
                     const char              *untrusted_comment,
                     GError                 **error)
{
  guint8 hash[crypto_generichash_BYTES_MAX];
  guint8 sig_struct[SIG_STRUCT_BYTES];
  guint8 global_sig[crypto_sign_BYTES];
  g_autofree guint8 *signed_comment = NULL;
  gsize comment_len;
  g_autofree char *sig_base64 = NULL;
  g_autofree char *global_base64 = NULL;
  const guint8 *sk;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (trusted_comment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_baken_minisign_check_trusted_comment (trusted_comment, error))
    return NULL;
  if (untrusted_comment == NULL)
    untrusted_comment = "signature from minisign secret key";
  if (strchr (untrusted_comment, '\n') != NULL || strchr (untrusted_comment, '\r') != NULL ||
      strlen (COMMENT_PREFIX) + strlen (untrusted_comment) >= BAKEN_MINISIGN_MAX_COMMENT)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                           "The untrusted comment must be one short line");
      return NULL;
    }

  sk = self->keynum_sk + KEY_ID_BYTES;
  crypto_generichash (hash, sizeof hash, data, length, NULL, 0);
  memcpy (sig_struct, "ED", 2);
  memcpy (sig_struct + 2, self->keynum_sk, KEY_ID_BYTES);
  crypto_sign_detached (sig_struct + 2 + KEY_ID_BYTES, NULL, hash, sizeof hash, sk);

  comment_len = strlen (trusted_comment);
  signed_comment = g_malloc (crypto_sign_BYTES + comment_len);
  memcpy (signed_comment, sig_struct + 2 + KEY_ID_BYTES, crypto_sign_BYTES);
  memcpy (signed_comment + crypto_sign_BYTES, trusted_comment, comment_len);
  crypto_sign_detached (global_sig, NULL, signed_comment, crypto_sign_BYTES + comment_len, sk);

  sig_base64 = _baken_minisign_encode (sig_struct, sizeof sig_struct);
  global_base64 = _baken_minisign_encode (global_sig, sizeof global_sig);
  return g_strdup_printf (COMMENT_PREFIX "%s\n%s\n" TRUSTED_COMMENT_PREFIX "%s\n%s\n",
                          untrusted_comment, sig_base64, trusted_comment, global_base64);
}

BakenMinisignPublicKey *
baken_minisign_signature_verify (BakenMinisignSignature  *self,
                                 GPtrArray               *keys,
                                 const guint8            *data,
                                 gsize                    length,
                                 GError                 **error)
{
  BakenMinisignPublicKey *key = NULL;
  guint8 hash[crypto_generichash_BYTES_MAX];
  g_autofree guint8 *signed_comment = NULL;
  gsize comment_len;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (keys != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_baken_minisign_ensure_sodium (error))
    return NULL;

  for (guint i = 0; i < keys->len && key == NULL; i++)
    {
      BakenMinisignPublicKey *candidate = g_ptr_array_index (keys, i);

      if (memcmp (candidate->key_id, self->key_id, KEY_ID_BYTES) == 0)
        key = candidate;
    }
  if (key == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < keys->len; i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "",
                                ((BakenMinisignPublicKey *) g_ptr_array_index (keys, i))->id_string);
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_UNKNOWN_KEY,
                   "Signed with key %s, which is not a trusted key (trusted: %s)",
                   self->id_string, keys->len > 0 ? known->str : "none");
      return NULL;
    }

  crypto_generichash (hash, sizeof hash, data, length, NULL, 0);
  if (crypto_sign_verify_detached (self->sig, hash, sizeof hash, key->pk) != 0)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_BAD_SIGNATURE,
                   "The signature by key %s does not match the file: the file was changed "
                   "after signing, or the signature belongs to another file", self->id_string);
      return NULL;
    }

  comment_len = strlen (self->trusted_comment);
  signed_comment = g_malloc (crypto_sign_BYTES + comment_len);
  memcpy (signed_comment, self->sig, crypto_sign_BYTES);
  memcpy (signed_comment + crypto_sign_BYTES, self->trusted_comment, comment_len);
  if (crypto_sign_verify_detached (self->global_sig, signed_comment,
                                   crypto_sign_BYTES + comment_len, key->pk) != 0)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_BAD_COMMENT,
                   "The trusted comment of the signature by key %s was changed after signing",
                   self->id_string);
      return NULL;
    }

  return key;
}
