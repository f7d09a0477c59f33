/* baken-minisign-key.c: minisign public keys and their files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-minisign"

#include "config.h"

#include "baken-minisign-private.h"
#include "baken-file.h"

#include <string.h>

BakenMinisignPublicKey *
_baken_minisign_public_key_new (const guint8 *key_id,
                                const guint8 *pk)
{
  BakenMinisignPublicKey *self = g_new0 (BakenMinisignPublicKey, 1);

  g_atomic_ref_count_init (&self->ref_count);
  memcpy (self->key_id, key_id, KEY_ID_BYTES);
  memcpy (self->pk, pk, crypto_sign_PUBLICKEYBYTES);
  _baken_minisign_format_key_id (self->key_id, self->id_string);
  return self;
}

/* Public API */

BakenMinisignPublicKey *
baken_minisign_public_key_new_from_base64 (const char  *base64,
                                           GError     **error)
{
  guint8 raw[PK_STRUCT_BYTES];

  g_return_val_if_fail (base64 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_baken_minisign_ensure_sodium (error) ||
      !_baken_minisign_decode_exact (base64, raw, sizeof raw, "public key", error))
    return NULL;

  if (memcmp (raw, "Ed", 2) != 0)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_ALGORITHM,
                   "The public key is not an Ed25519 minisign key (algorithm \"%c%c\")",
                   g_ascii_isprint (raw[0]) ? raw[0] : '?',
                   g_ascii_isprint (raw[1]) ? raw[1] : '?');
      return NULL;
    }

  return _baken_minisign_public_key_new (raw + 2, raw + 2 + KEY_ID_BYTES);
}

BakenMinisignPublicKey *
baken_minisign_public_key_new_from_data (const char  *data,
                                         gsize        length,
                                         GError     **error)
{
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lines = _baken_minisign_split_lines (data, length, 2, "public key", error);
  if (lines == NULL || !_baken_minisign_check_untrusted_comment (lines[0], "public key", error))
    return NULL;

  return baken_minisign_public_key_new_from_base64 (lines[1], error);
}

BakenMinisignPublicKey *
baken_minisign_public_key_new_from_file_or_base64 (const char  *value,
                                                   GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  BakenMinisignPublicKey *key;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (value, G_FILE_TEST_EXISTS))
    {
      key = baken_minisign_public_key_new_from_base64 (value, &local_error);
      if (key == NULL)
        g_set_error (error, BAKEN_MINISIGN_ERROR, local_error->code,
                     "\"%s\" is neither a public key file nor a public key (%s)",
                     value, local_error->message);
      return key;
    }

  if (!baken_file_read (value, BAKEN_FILE_MAX_KEY, &contents, &length, &local_error))
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                   "Cannot read the public key: %s", local_error->message);
      return NULL;
    }
  key = baken_minisign_public_key_new_from_data (contents, length, &local_error);
  if (key == NULL)
    g_set_error (error, BAKEN_MINISIGN_ERROR, local_error->code, "%s: %s",
                 value, local_error->message);
  return key;
}

BakenMinisignPublicKey *
baken_minisign_public_key_ref (BakenMinisignPublicKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
baken_minisign_public_key_unref (BakenMinisignPublicKey *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    g_free (self);
}

const guint8 *
baken_minisign_public_key_get_key_id (BakenMinisignPublicKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->key_id;
}

const char *
baken_minisign_public_key_get_id_string (BakenMinisignPublicKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id_string;
}

char *
baken_minisign_public_key_to_base64 (BakenMinisignPublicKey *self)
{
  guint8 raw[PK_STRUCT_BYTES];

  g_return_val_if_fail (self != NULL, NULL);

  memcpy (raw, "Ed", 2);
  memcpy (raw + 2, self->key_id, KEY_ID_BYTES);
  memcpy (raw + 2 + KEY_ID_BYTES, self->pk, crypto_sign_PUBLICKEYBYTES);
  return _baken_minisign_encode (raw, sizeof raw);
}

char *
baken_minisign_public_key_to_data (BakenMinisignPublicKey *self)
{
  g_autofree char *base64 = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  base64 = baken_minisign_public_key_to_base64 (self);
  return g_strdup_printf (COMMENT_PREFIX "minisign public key %s\n%s\n",
                          self->id_string, base64);
}

gboolean
baken_minisign_public_key_equal (BakenMinisignPublicKey *a,
                                 BakenMinisignPublicKey *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return memcmp (a->key_id, b->key_id, KEY_ID_BYTES) == 0 &&
         memcmp (a->pk, b->pk, crypto_sign_PUBLICKEYBYTES) == 0;
}
