/* fuzz-minisign.c: libFuzzer target for the minisign key and signature parsers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is read as a public key file, a bare base64 key, a secret key file (no
 * password: an encrypted key stops before scrypt) and a signature file; a signature
 * that parses is verified against a fixed key over the input itself.
 * Build and run with tests/fuzz/run.sh.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "baken-minisign.h"

/* Any key: verification is expected to fail, never to crash. */
#define FIXED_KEY "RWR2k4nm8KB7jRK5vTlMexIuBe4/nOmR5RCIfCsdYsLGFeukzIGX25Qr"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  static GPtrArray *keys;
  g_autoptr(BakenMinisignPublicKey) pub = NULL;
  g_autoptr(BakenMinisignSecretKey) secret = NULL;
  g_autoptr(BakenMinisignSignature) signature = NULL;
  g_autofree char *string = g_strndup (text, size);

  if (keys == NULL)
    {
      keys = g_ptr_array_new ();
      g_ptr_array_add (keys, baken_minisign_public_key_new_from_base64 (FIXED_KEY, NULL));
      g_assert (g_ptr_array_index (keys, 0) != NULL);
    }

  pub = baken_minisign_public_key_new_from_data (text, size, NULL);
  if (pub != NULL)
    {
      g_autofree char *again = baken_minisign_public_key_to_data (pub);
      g_autoptr(BakenMinisignPublicKey) back = baken_minisign_public_key_new_from_data (again, strlen (again), NULL);

      g_assert (back != NULL && baken_minisign_public_key_equal (pub, back));
    }
  g_clear_pointer (&pub, baken_minisign_public_key_unref);
  pub = baken_minisign_public_key_new_from_base64 (string, NULL);

  if (!baken_minisign_secret_key_data_is_encrypted (text, size))
    secret = baken_minisign_secret_key_new_from_data (text, size, NULL, NULL);

  signature = baken_minisign_signature_new_from_data (text, size, NULL);
  if (signature != NULL)
    {
      g_assert (baken_minisign_signature_get_trusted_comment (signature) != NULL);
      baken_minisign_signature_verify (signature, keys, data, size, NULL);
    }

  return 0;
}
