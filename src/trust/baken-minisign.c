/* baken-minisign.c: minisign keys and signatures, strictly, with libsodium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every structure is decoded into a fixed-size buffer and must fill it exactly; nothing
 * is trusted before its length, its algorithm bytes and (for signatures) both Ed25519
 * checks have passed. Secret key material only ever lives in sodium_malloc memory.
 */
#define G_LOG_DOMAIN "baken-minisign"

#include "config.h"

#include "baken-minisign.h"
#include "baken-file.h"

#include <inttypes.h>
#include <string.h>

#include <sodium.h>

G_DEFINE_QUARK (baken-minisign-error-quark, baken_minisign_error)

#define COMMENT_PREFIX          "untrusted comment: "
#define TRUSTED_COMMENT_PREFIX  "trusted comment: "
#define KEY_ID_BYTES            8
#define SALT_BYTES              crypto_pwhash_scryptsalsa208sha256_SALTBYTES
#define CHECKSUM_BYTES          crypto_generichash_BYTES
#define PK_STRUCT_BYTES         (2 + KEY_ID_BYTES + crypto_sign_PUBLICKEYBYTES)
#define SIG_STRUCT_BYTES        (2 + KEY_ID_BYTES + crypto_sign_BYTES)
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

/* Helpers */

static void
format_key_id (const guint8 key_id[KEY_ID_BYTES],
               char         out[17])
{
  guint64 value = 0;

  for (int i = KEY_ID_BYTES - 1; i >= 0; i--)
    value = (value << 8) | key_id[i];
  g_snprintf (out, 17, "%016" PRIX64, value);
}

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

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FAILED,
                           "libsodium could not be initialised (no source of randomness?)");
      return FALSE;
    }
  return TRUE;
}

/* Splits data into exactly n_lines lines (LF or CRLF). The last line may or may not end
 * in a line break; nothing may follow it. Lines point into a copy owned by the caller. */
static char **
split_lines (const char  *data,
             gsize        length,
             guint        n_lines,
             const char  *what,
             GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  gsize start = 0;

  if (length > BAKEN_MINISIGN_MAX_FILE_SIZE)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                   "The %s is %" G_GSIZE_FORMAT " bytes; a minisign file is at most %d bytes",
                   what, length, BAKEN_MINISIGN_MAX_FILE_SIZE);
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                   "The %s contains a NUL byte; it is not a minisign file", what);
      return NULL;
    }

  while (start < length)
    {
      const char *nl = memchr (data + start, '\n', length - start);
      gsize end = nl != NULL ? (gsize) (nl - data) : length;
      gsize line_end = end;

      if (line_end > start && data[line_end - 1] == '\r')
        line_end--;
      if (lines->len == n_lines)
        {
          g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                       "The %s has more than %u lines; it is not a minisign file (or two "
                       "were pasted together)", what, n_lines);
          return NULL;
        }
      if (memchr (data + start, '\r', line_end - start) != NULL)
        {
          g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                       "Line %u of the %s contains a carriage return", lines->len + 1, what);
          return NULL;
        }
      g_ptr_array_add (lines, g_strndup (data + start, line_end - start));
      start = end + 1;
    }

  if (lines->len != n_lines)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                   "The %s has %u lines; a minisign %s has %u", what, lines->len, what, n_lines);
      return NULL;
    }

  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

static gboolean
check_untrusted_comment (const char  *line,
                         const char  *what,
                         GError     **error)
{
  if (!g_str_has_prefix (line, COMMENT_PREFIX))
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                   "The first line of the %s does not start with \"" COMMENT_PREFIX "\"; "
                   "it is not a minisign file", what);
      return FALSE;
    }
  if (strlen (line) >= BAKEN_MINISIGN_MAX_COMMENT)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                   "The untrusted comment of the %s is longer than %d bytes",
                   what, BAKEN_MINISIGN_MAX_COMMENT - 1);
      return FALSE;
    }
  return TRUE;
}

/* Decodes canonical base64 (with padding, no spaces) of exactly expected bytes. */
static gboolean
decode_exact (const char  *text,
              guint8      *out,
              gsize        expected,
              const char  *what,
              GError     **error)
{
  gsize decoded = 0;
  gsize text_len = strlen (text);

  if (text_len != 4 * ((expected + 2) / 3) ||
      sodium_base642bin (out, expected, text, text_len, NULL, &decoded, NULL,
                         sodium_base64_VARIANT_ORIGINAL) != 0 ||
      decoded != expected)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                   "The %s is not valid: its base64 line must decode to exactly %"
                   G_GSIZE_FORMAT " bytes", what, expected);
      return FALSE;
    }
  return TRUE;
}

static char *
encode (const guint8 *bin,
        gsize         length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL);
  char *out = g_malloc (size);

  sodium_bin2base64 (out, size, bin, length, sodium_base64_VARIANT_ORIGINAL);
  return out;
}

static BakenMinisignPublicKey *
public_key_new (const guint8 *key_id,
                const guint8 *pk)
{
  BakenMinisignPublicKey *self = g_new0 (BakenMinisignPublicKey, 1);

  g_atomic_ref_count_init (&self->ref_count);
  memcpy (self->key_id, key_id, KEY_ID_BYTES);
  memcpy (self->pk, pk, crypto_sign_PUBLICKEYBYTES);
  format_key_id (self->key_id, self->id_string);
  return self;
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

/* Public API */

gboolean
baken_minisign_init (GError **error)
{
  return ensure_sodium (error);
}

/* Public keys */

BakenMinisignPublicKey *
baken_minisign_public_key_new_from_base64 (const char  *base64,
                                           GError     **error)
{
  guint8 raw[PK_STRUCT_BYTES];

  g_return_val_if_fail (base64 != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_sodium (error) || !decode_exact (base64, raw, sizeof raw, "public key", error))
    return NULL;

  if (memcmp (raw, "Ed", 2) != 0)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_ALGORITHM,
                   "The public key is not an Ed25519 minisign key (algorithm \"%c%c\")",
                   g_ascii_isprint (raw[0]) ? raw[0] : '?',
                   g_ascii_isprint (raw[1]) ? raw[1] : '?');
      return NULL;
    }

  return public_key_new (raw + 2, raw + 2 + KEY_ID_BYTES);
}

BakenMinisignPublicKey *
baken_minisign_public_key_new_from_data (const char  *data,
                                         gsize        length,
                                         GError     **error)
{
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lines = split_lines (data, length, 2, "public key", error);
  if (lines == NULL || !check_untrusted_comment (lines[0], "public key", error))
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
  return encode (raw, sizeof raw);
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

/* Secret keys */

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

  if (!ensure_sodium (error))
    return NULL;

  self = secret_key_new ();
  randombytes_buf (self->keynum_sk, KEY_ID_BYTES);
  crypto_sign_keypair (pk, self->keynum_sk + KEY_ID_BYTES);
  secret_checksum (self->keynum_sk, self->keynum_sk + KEY_ID_BYTES + crypto_sign_SECRETKEYBYTES);
  self->public_key = public_key_new (self->keynum_sk, pk);

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

  lines = split_lines (data, length, 2, "secret key", error);
  if (lines == NULL || !check_untrusted_comment (lines[0], "secret key", error))
    return FALSE;

  ok = decode_exact (lines[1], raw, SK_STRUCT_BYTES, "secret key", error);
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

  if (!ensure_sodium (NULL))
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

  if (!ensure_sodium (error))
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
  self->public_key = public_key_new (self->keynum_sk, seed_pk);
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

  base64 = encode (raw, SK_STRUCT_BYTES);
  sodium_free (raw);
  result = g_strdup_printf (COMMENT_PREFIX "minisign %s secret key\n%s\n",
                            password != NULL ? "encrypted" : "unencrypted", base64);
  sodium_memzero (base64, strlen (base64));
  g_free (base64);
  return result;
}

static gboolean
check_trusted_comment (const char  *comment,
                       GError     **error)
{
  if (strlen (comment) >= BAKEN_MINISIGN_MAX_TRUSTED_COMMENT)
    {
      g_set_error (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                   "The trusted comment is longer than %d bytes",
                   BAKEN_MINISIGN_MAX_TRUSTED_COMMENT - 1);
      return FALSE;
    }
  if (!g_utf8_validate (comment, -1, NULL) || strchr (comment, '\n') != NULL ||
      strchr (comment, '\r') != NULL)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                           "The trusted comment must be one line of UTF-8 text");
      return FALSE;
    }
  return TRUE;
}

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

  if (!check_trusted_comment (trusted_comment, error))
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

  sig_base64 = encode (sig_struct, sizeof sig_struct);
  global_base64 = encode (global_sig, sizeof global_sig);
  return g_strdup_printf (COMMENT_PREFIX "%s\n%s\n" TRUSTED_COMMENT_PREFIX "%s\n%s\n",
                          untrusted_comment, sig_base64, trusted_comment, global_base64);
}

/* Signatures */

BakenMinisignSignature *
baken_minisign_signature_new_from_data (const char  *data,
                                        gsize        length,
                                        GError     **error)
{
  g_autoptr(BakenMinisignSignature) self = NULL;
  g_auto(GStrv) lines = NULL;
  guint8 raw[SIG_STRUCT_BYTES];

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  lines = split_lines (data, length, 4, "signature", error);
  if (lines == NULL || !check_untrusted_comment (lines[0], "signature", error) ||
      !decode_exact (lines[1], raw, sizeof raw, "signature", error))
    return NULL;

  if (memcmp (raw, "Ed", 2) == 0)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_ALGORITHM,
                           "The signature uses the legacy minisign form (\"Ed\", not "
                           "prehashed); sign again with a current minisign (without -l) or "
                           "with baken-bundle sign");
      return NULL;
    }
  if (memcmp (raw, "ED", 2) != 0)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_ALGORITHM,
                           "The signature uses an unknown algorithm (only prehashed Ed25519, "
                           "\"ED\", is accepted)");
      return NULL;
    }

  if (!g_str_has_prefix (lines[2], TRUSTED_COMMENT_PREFIX))
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FORMAT,
                           "The third line of the signature does not start with \""
                           TRUSTED_COMMENT_PREFIX "\"");
      return NULL;
    }
  if (!check_trusted_comment (lines[2] + strlen (TRUSTED_COMMENT_PREFIX), error))
    return NULL;

  self = g_new0 (BakenMinisignSignature, 1);
  if (!decode_exact (lines[3], self->global_sig, crypto_sign_BYTES,
                     "trusted comment signature", error))
    return NULL;

  memcpy (self->key_id, raw + 2, KEY_ID_BYTES);
  memcpy (self->sig, raw + 2 + KEY_ID_BYTES, crypto_sign_BYTES);
  self->trusted_comment = g_strdup (lines[2] + strlen (TRUSTED_COMMENT_PREFIX));
  format_key_id (self->key_id, self->id_string);

  return g_steal_pointer (&self);
}

void
baken_minisign_signature_free (BakenMinisignSignature *self)
{
  if (self == NULL)
    return;

  g_free (self->trusted_comment);
  g_free (self);
}

const char *
baken_minisign_signature_get_key_id_string (BakenMinisignSignature *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id_string;
}

const char *
baken_minisign_signature_get_trusted_comment (BakenMinisignSignature *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->trusted_comment;
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

  if (!ensure_sodium (error))
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
