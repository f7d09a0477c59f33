/* baken-minisign-format.c: the text form of minisign files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every minisign file is made of: lines with their comments, canonical base64 of
 * an exact length, key ids as minisign shows them; and libsodium's start.
 */
#define G_LOG_DOMAIN "baken-minisign"

#include "config.h"

#include "baken-minisign-private.h"

#include <inttypes.h>
#include <string.h>

G_DEFINE_QUARK (baken-minisign-error-quark, baken_minisign_error)

void
_baken_minisign_format_key_id (const guint8 key_id[KEY_ID_BYTES],
                               char         out[17])
{
  guint64 value = 0;

  for (int i = KEY_ID_BYTES - 1; i >= 0; i--)
    value = (value << 8) | key_id[i];
  g_snprintf (out, 17, "%016" PRIX64, value);
}

gboolean
_baken_minisign_ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, BAKEN_MINISIGN_ERROR, BAKEN_MINISIGN_ERROR_FAILED,
                           "libsodium could not be initialised (no source of randomness?)");
      return FALSE;
    }
  return TRUE;
}

char **
_baken_minisign_split_lines (const char  *data,
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

gboolean
_baken_minisign_check_untrusted_comment (const char  *line,
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

gboolean
_baken_minisign_decode_exact (const char  *text,
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

char *
_baken_minisign_encode (const guint8 *bin,
                        gsize         length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL);
  char *out = g_malloc (size);

  sodium_bin2base64 (out, size, bin, length, sodium_base64_VARIANT_ORIGINAL);
  return out;
}

gboolean
_baken_minisign_check_trusted_comment (const char  *comment,
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

/* Public API */

gboolean
baken_minisign_init (GError **error)
{
  return _baken_minisign_ensure_sodium (error);
}
