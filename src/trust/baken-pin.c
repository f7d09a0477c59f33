/* baken-pin.c: the staff PIN, kept only as an argon2id hash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "baken-pin.h"

#include <string.h>

#include <sodium.h>

G_DEFINE_QUARK (baken-pin-error-quark, baken_pin_error)

static gboolean
init_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, BAKEN_PIN_ERROR, BAKEN_PIN_ERROR_FAILED,
                           "libsodium could not start");
      return FALSE;
    }
  return TRUE;
}

gboolean
baken_pin_check_format (const char  *pin,
                        GError     **error)
{
  gsize length = pin != NULL ? strlen (pin) : 0;

  if (length < BAKEN_PIN_MIN_DIGITS || length > BAKEN_PIN_MAX_DIGITS)
    {
      g_set_error (error, BAKEN_PIN_ERROR, BAKEN_PIN_ERROR_FORMAT,
                   "a PIN has %d to %d digits", BAKEN_PIN_MIN_DIGITS, BAKEN_PIN_MAX_DIGITS);
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error (error, BAKEN_PIN_ERROR, BAKEN_PIN_ERROR_FORMAT,
                     "a PIN has digits only (0-9): the staff enter it on a number pad");
        return FALSE;
      }
  return TRUE;
}

char *
baken_pin_hash (const char  *pin,
                GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (!baken_pin_check_format (pin, error) || !init_sodium (error))
    return NULL;
  if (crypto_pwhash_str_alg (out, pin, strlen (pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, BAKEN_PIN_ERROR, BAKEN_PIN_ERROR_FAILED,
                           "out of memory while hashing the PIN");
      return NULL;
    }
  return g_strdup (out);
}

gboolean
baken_pin_check_hash (const char  *hash,
                      GError     **error)
{
  const char *prefix = crypto_pwhash_argon2id_STRPREFIX;  /* "$argon2id$" */

  if (hash == NULL || !g_str_has_prefix (hash, prefix) ||
      strlen (hash) >= crypto_pwhash_STRBYTES ||
      strstr (hash, "$v=19$m=") == NULL)
    {
      g_set_error (error, BAKEN_PIN_ERROR, BAKEN_PIN_ERROR_HASH,
                   "not an argon2id hash (it starts with \"%s\"); make one with "
                   "\"baken --hash-pin\"", prefix);
      return FALSE;
    }
  if (!init_sodium (error))
    return FALSE;
  /* -1: a string libsodium cannot read (bad parameters or encoding). */
  if (crypto_pwhash_str_needs_rehash (hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                      crypto_pwhash_MEMLIMIT_INTERACTIVE) < 0)
    {
      g_set_error (error, BAKEN_PIN_ERROR, BAKEN_PIN_ERROR_HASH,
                   "a damaged argon2id hash; make a new one with \"baken --hash-pin\"");
      return FALSE;
    }
  return TRUE;
}

gboolean
baken_pin_verify (const char *hash,
                  const char *pin)
{
  g_return_val_if_fail (hash != NULL, FALSE);

  if (pin == NULL || !baken_pin_check_format (pin, NULL) || !init_sodium (NULL) ||
      !g_str_has_prefix (hash, crypto_pwhash_argon2id_STRPREFIX))
    return FALSE;
  return crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
}
