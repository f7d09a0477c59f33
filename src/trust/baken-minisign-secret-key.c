/* baken-minisign-secret-key.c: minisign secret keys and their files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A secret key file is encrypted with a password (scrypt) or not; in memory the key
 * lives in sodium's guarded memory.
 */
#define G_LOG_DOMAIN "baken-minisign"

#include "config.h"

#include "baken-minisign-private.h"

#include <string.h>

#define SALT_BYTES              crypto_pwhash_scryptsalsa208sha256_SALTBYTES
#define CHECKSUM_BYTES          crypto_generichash_BYTES
#define KEYNUM_SK_BYTES         (KEY_ID_BYTES + crypto_sign_SECRETKEYBYTES + CHECKSUM_BYTES)
#define SK_STRUCT_BYTES         (2 + 2 + 2 + SALT_BYTES + 8 + 8 + KEYNUM_SK_BYTES)
/* Offsets in the secret key structure. */
#define SK_KDF          2
#define SK_CHK          4
#define SK_SALT         6
#define SK_OPSLIMIT     (SK_SALT + SALT_BYTES)
#define SK_MEMLIMIT     (SK_OPSLIMIT + 8)
#define SK_KEYNUM       (SK_MEMLIMIT + 8)
#define SK_SECRET       (SK_KEYNUM + KEY_ID_BYTES)
#define SK_CHECKSUM     (SK_SECRET + crypto_sign_SECRETKEYBYTES)

/* Highest scrypt cost a key file may ask for: minisign's own (1 GiB). */
#define MAX_OPSLIMIT    (BAKEN_MINISIGN_OPSLIMIT_SENSITIVE * 2)
#define MAX_MEMLIMIT    BAKEN_MINISIGN_MEMLIMIT_SENSITIVE

static void
store_le64 (guint8  *out,
            guint64  value)
{
  for (guint i = 0; i < 8; i++)
    out[i] = (guint8) (value >> (8 * i));
}

static guint64
load_le64 (const guint8 *in)
{
  guint64 value = 0;

  for (int i = 7; i >= 0; i--)
    value = (value << 8) | in[i];
  return value;
}

static void
secret_checksum (const guint8 *keynum_sk,
                 guint8        out[CHECKSUM_BYTES])
{
  crypto_generichash_state state;

  crypto_generichash_init (&state, NULL, 0, CHECKSUM_BYTES);
  crypto_generichash_update (&state, (const guint8 *) "Ed", 2);
  crypto_generichash_update (&state, keynum_sk, KEY_ID_BYTES + crypto_sign_SECRETKEYBYTES);
  crypto_generichash_final (&state, out, CHECKSUM_BYTES);
}

/* XORs the key id, secret key and checksum with the scrypt stream of password. */
static gboolean
apply_password (guint8       *keynum_sk,
                const char   *password,
                const guint8 *salt,
                guint64       opslimit,
                guint64       memlimit,
                GError      **error)
{
  guint8 *stream = sodium_malloc (KEYNUM_SK_BYTES);

  if (stream == NULL ||
      crypto_pwhash_scryptsalsa208sha256 (stream, KEYNUM_SK_BYTES, password, strlen (password),
                                          salt, opslimit, memlimit) != 0)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FAILED,
                           "Could not derive a key from the password (out of memory?)");
      sodium_free (stream);
      return FALSE;
    }

  for (guint i = 0; i < KEYNUM_SK_BYTES; i++)
    keynum_sk[i] ^= stream[i];
  sodium_free (stream);
  return TRUE;
}

static BakenMinisignSecretKey *
secret_key_new (void)
{
  BakenMinisignSecretKey *self = g_new0 (BakenMinisignSecretKey, 1);

  self->keynum_sk = sodium_malloc (KEYNUM_SK_BYTES);
  if (self->keynum_sk == NULL)
    g_error ("Out of secure memory");
  return self;
}

BakenMinisignSecretKey *
baken_minisign_secret_key_generate (GError **error)
{
  g_autoptr(BakenMinisignSecretKey) self = NULL;
  guint8 pk[crypto_sign_PUBLICKEYBYTES];

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_baken_minisign_ensure_sodium (error))
    return NULL;

  self = secret_key_new ();
  randombytes_buf (self->keynum_sk, KEY_ID_BYTES);
  crypto_sign_keypair (pk, self->keynum_sk + KEY_ID_BYTES);
  secret_checksum (self->keynum_sk, self->keynum_sk + KEY_ID_BYTES + crypto_sign_SECRETKEYBYTES);
  self->public_key = _baken_minisign_public_key_new (self->keynum_sk, pk);

  return g_steal_pointer (&self);
}

/* Decodes a secret key file into raw (SK_STRUCT_BYTES, sodium memory). */
static gboolean
decode_secret_key (const char  *data,
                   gsize        length,
                   guint8      *raw,
                   GError     **error)
{
  g_auto(GStrv) lines = NULL;
  gboolean ok;

  lines = _baken_minisign_split_lines (data, length, 2, "secret key", error);
  if (lines == NULL || !_baken_minisign_check_untrusted_comment (lines[0], "secret key", error))
    return FALSE;

  ok = _baken_minisign_decode_exact (lines[1], raw, SK_STRUCT_BYTES, "secret key", error);
  sodium_memzero (lines[1], strlen (lines[1]));
  if (!ok)
    return FALSE;

  if (memcmp (raw, "Ed", 2) != 0 || memcmp (raw + SK_CHK, "B2", 2) != 0)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_ALGORITHM,
                           "The secret key is not an Ed25519 minisign key with a BLAKE2b "
                           "checksum");
      return FALSE;
    }
  if (memcmp (raw + SK_KDF, "Sc", 2) != 0 && memcmp (raw + SK_KDF, "\0\0", 2) != 0)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_ALGORITHM,
                           "The secret key is protected with an unknown key derivation "
                           "(minisign uses scrypt, \"Sc\")");
      return FALSE;
    }
  return TRUE;
}

gboolean
baken_minisign_secret_key_data_is_encrypted (const char *data,
                                             gsize       length)
{
  guint8 *raw;
  gboolean encrypted;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!_baken_minisign_ensure_sodium (NULL))
    return FALSE;
  raw = sodium_malloc (SK_STRUCT_BYTES);
  encrypted = raw != NULL && decode_secret_key (data, length, raw, NULL) &&
              memcmp (raw + SK_KDF, "Sc", 2) == 0;
  sodium_free (raw);
  return encrypted;
}

BakenMinisignSecretKey *
baken_minisign_secret_key_new_from_data (const char  *data,
                                         gsize        length,
                                         const char  *password,
                                         GError     **error)
{
  g_autoptr(BakenMinisignSecretKey) self = NULL;
  guint8 *raw = NULL;
  guint8 checksum[CHECKSUM_BYTES];
  guint8 seed_pk[crypto_sign_PUBLICKEYBYTES];
  guint8 *seed_sk = NULL;
  static const guint8 zeros[CHECKSUM_BYTES] = { 0, };
  gboolean encrypted;
  guint8 *sk;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_baken_minisign_ensure_sodium (error))
    return NULL;

  raw = sodium_malloc (SK_STRUCT_BYTES);
  if (raw == NULL || !decode_secret_key (data, length, raw, error))
    goto fail;

  encrypted = memcmp (raw + SK_KDF, "Sc", 2) == 0;
  if (encrypted)
    {
      guint64 opslimit = load_le64 (raw + SK_OPSLIMIT);
      guint64 memlimit = load_le64 (raw + SK_MEMLIMIT);

      if (password == NULL)
        {
          g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_NEED_PASSWORD,
                               "The secret key is protected by a password");
          goto fail;
        }
      if (opslimit == 0 || memlimit == 0 || opslimit > MAX_OPSLIMIT || memlimit > MAX_MEMLIMIT)
        {
          g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_LIMITS,
                       "The secret key asks for scrypt limits (%" G_GUINT64_FORMAT
                       " operations, %" G_GUINT64_FORMAT " bytes) outside what minisign uses",
                       opslimit, memlimit);
          goto fail;
        }
      if (!apply_password (raw + SK_KEYNUM, password, raw + SK_SALT, opslimit, memlimit, error))
        goto fail;
      secret_checksum (raw + SK_KEYNUM, checksum);
      if (sodium_memcmp (checksum, raw + SK_CHECKSUM, CHECKSUM_BYTES) != 0)
        {
          g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_WRONG_PASSWORD,
                               "Wrong password for this secret key");
          goto fail;
        }
    }
  else
    {
      /* minisign -W leaves the checksum zero; we write the real one. Accept both. */
      secret_checksum (raw + SK_KEYNUM, checksum);
      if (sodium_memcmp (checksum, raw + SK_CHECKSUM, CHECKSUM_BYTES) != 0 &&
          memcmp (zeros, raw + SK_CHECKSUM, CHECKSUM_BYTES) != 0)
        {
          g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_KEY_DAMAGED,
                               "The secret key is damaged: its checksum does not match");
          goto fail;
        }
    }

  /* The secret key holds the seed and the public key: they must belong together. */
  sk = raw + SK_SECRET;
  seed_sk = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  if (seed_sk == NULL)
    g_error ("Out of secure memory");
  crypto_sign_seed_keypair (seed_pk, seed_sk, sk);
  if (sodium_memcmp (seed_sk, sk, crypto_sign_SECRETKEYBYTES) != 0)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_KEY_DAMAGED,
                           "The secret key is damaged: its two halves do not match");
      goto fail;
    }

  self = secret_key_new ();
  memcpy (self->keynum_sk, raw + SK_KEYNUM, KEYNUM_SK_BYTES);
  secret_checksum (self->keynum_sk, self->keynum_sk + KEY_ID_BYTES + crypto_sign_SECRETKEYBYTES);
  self->public_key = _baken_minisign_public_key_new (self->keynum_sk, seed_pk);
  sodium_free (seed_sk);
  sodium_free (raw);
  return g_steal_pointer (&self);

fail:
  sodium_free (seed_sk);
  sodium_free (raw);
  return NULL;
}

void
baken_minisign_secret_key_free (BakenMinisignSecretKey *self)
{
  if (self == NULL)
    return;

  sodium_free (self->keynum_sk);
  g_clear_pointer (&self->public_key, baken_minisign_public_key_unref);
  g_free (self);
}

BakenMinisignPublicKey *
baken_minisign_secret_key_get_public_key (BakenMinisignSecretKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->public_key;
}

char *
baken_minisign_secret_key_to_data (BakenMinisignSecretKey  *self,
                                   const char              *password,
                                   guint64                  opslimit,
                                   guint64                  memlimit,
                                   GError                 **error)
{
  guint8 *raw;
  char *base64;
  char *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  raw = sodium_malloc (SK_STRUCT_BYTES);
  if (raw == NULL)
    g_error ("Out of secure memory");
  memset (raw, 0, SK_STRUCT_BYTES);
  memcpy (raw, "Ed", 2);
  memcpy (raw + SK_CHK, "B2", 2);
  memcpy (raw + SK_KEYNUM, self->keynum_sk, KEYNUM_SK_BYTES);

  if (password != NULL)
    {
      if (opslimit == 0 || memlimit == 0 || opslimit > MAX_OPSLIMIT || memlimit > MAX_MEMLIMIT)
        {
          g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_LIMITS,
                       "scrypt limits %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
                       " are outside what minisign accepts", opslimit, memlimit);
          sodium_free (raw);
          return NULL;
        }
      memcpy (raw + SK_KDF, "Sc", 2);
      randombytes_buf (raw + SK_SALT, SALT_BYTES);
      store_le64 (raw + SK_OPSLIMIT, opslimit);
      store_le64 (raw + SK_MEMLIMIT, memlimit);
      if (!apply_password (raw + SK_KEYNUM, password, raw + SK_SALT, opslimit, memlimit, error))
        {
          sodium_free (raw);
          return NULL;
        }
    }

  base64 = _baken_minisign_encode (raw, SK_STRUCT_BYTES);
  sodium_free (raw);
  result = g_strdup_printf (COMMENT_PREFIX "minisign %s secret key\n%s\n",
                            password != NULL ? "encrypted" : "unencrypted", base64);
  sodium_memzero (base64, strlen (base64));
  g_free (base64);
  return result;
}
