/* baken-minisign-signature.c: minisign signature files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the prehashed form ("ED") is read; the legacy "Ed" signature is refused.
 */
#define G_LOG_DOMAIN "baken-minisign"

#include "config.h"

#include "baken-minisign-private.h"

#include <string.h>

/* Public API */

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

  if (!_baken_minisign_ensure_sodium (error))
    return NULL;

  lines = _baken_minisign_split_lines (data, length, 4, "signature", error);
  if (lines == NULL || !_baken_minisign_check_untrusted_comment (lines[0], "signature", error) ||
      !_baken_minisign_decode_exact (lines[1], raw, sizeof raw, "signature", error))
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
  if (!_baken_minisign_check_trusted_comment (lines[2] + strlen (TRUSTED_COMMENT_PREFIX), error))
    return NULL;

  self = g_new0 (BakenMinisignSignature, 1);
  if (!_baken_minisign_decode_exact (lines[3], self->global_sig, crypto_sign_BYTES,
                     "trusted comment signature", error))
    return NULL;

  memcpy (self->key_id, raw + 2, KEY_ID_BYTES);
  memcpy (self->sig, raw + 2 + KEY_ID_BYTES, crypto_sign_BYTES);
  self->trusted_comment = g_strdup (lines[2] + strlen (TRUSTED_COMMENT_PREFIX));
  _baken_minisign_format_key_id (self->key_id, self->id_string);

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
