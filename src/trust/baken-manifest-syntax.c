/* baken-manifest-syntax.c: the strict JSON syntax of manifest.json and keys.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 accepts more than JSON (comments, single quotes, hex numbers, leading
 * zeros, duplicate members, silent integer overflow), so this small RFC 8259 checker
 * runs first and only a document that passes it is handed to JsonParser.
 */
#define G_LOG_DOMAIN "baken-manifest"

#include "config.h"

#include "baken-manifest-syntax.h"

#include <string.h>

typedef struct
{
  const char *name;     /* the file, in messages */
  const char *text;
  gsize       length;
  gsize       pos;
  GError    **error;
} Checker;

static gboolean
syntax_error (Checker    *c,
              const char *message)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < c->pos && i < c->length; i++)
    {
      if (c->text[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) c->text[i] & 0xC0) != 0x80)
        {
          column++;
        }
    }
  g_set_error (c->error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX,
               "%s:%u:%u: %s", c->name, line, column, message);
  return FALSE;
}

static void
skip_space (Checker *c)
{
  while (c->pos < c->length &&
         (c->text[c->pos] == ' ' || c->text[c->pos] == '\t' ||
          c->text[c->pos] == '\n' || c->text[c->pos] == '\r'))
    c->pos++;
}

static gboolean
expect_literal (Checker    *c,
                const char *literal)
{
  gsize len = strlen (literal);

  if (c->length - c->pos < len || memcmp (c->text + c->pos, literal, len) != 0)
    return syntax_error (c, "expected a JSON value");
  c->pos += len;
  return TRUE;
}

static int
hex_value (char ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Checker  *c,
           guint    *value)
{
  *value = 0;
  if (c->length - c->pos < 4)
    return syntax_error (c, "\\u needs four hex digits");
  for (guint i = 0; i < 4; i++)
    {
      int v = hex_value (c->text[c->pos + i]);

      if (v < 0)
        return syntax_error (c, "\\u needs four hex digits");
      *value = (*value << 4) | (guint) v;
    }
  c->pos += 4;
  return TRUE;
}

/* A string; its raw text (without quotes) in out when out is not NULL. */
static gboolean
check_string (Checker   *c,
              gboolean   is_key,
              char     **out)
{
  gsize start;

  if (c->pos >= c->length || c->text[c->pos] != '"')
    return syntax_error (c, is_key ? "expected a member name in double quotes"
                                   : "expected a string in double quotes");
  c->pos++;
  start = c->pos;

  while (TRUE)
    {
      guchar ch;

      if (c->pos >= c->length)
        return syntax_error (c, "a string is not closed");
      ch = (guchar) c->text[c->pos];
      if (ch == '"')
        break;
      if (ch < 0x20)
        return syntax_error (c, "a control character inside a string (write \\n, \\t, …)");
      if (ch == '\\')
        {
          char esc;

          if (is_key)
            return syntax_error (c, "a member name with an escape sequence");
          c->pos++;
          if (c->pos >= c->length)
            return syntax_error (c, "a string is not closed");
          esc = c->text[c->pos++];
          if (esc == 'u')
            {
              guint value;

              if (!read_hex4 (c, &value))
                return FALSE;
              if (value >= 0xDC00 && value <= 0xDFFF)
                return syntax_error (c, "a lone UTF-16 low surrogate");
              if (value >= 0xD800 && value <= 0xDBFF)
                {
                  guint low;

                  if (c->length - c->pos < 2 || c->text[c->pos] != '\\' ||
                      c->text[c->pos + 1] != 'u')
                    return syntax_error (c, "a lone UTF-16 high surrogate");
                  c->pos += 2;
                  if (!read_hex4 (c, &low))
                    return FALSE;
                  if (low < 0xDC00 || low > 0xDFFF)
                    return syntax_error (c, "a lone UTF-16 high surrogate");
                }
              else if (value == 0)
                {
                  return syntax_error (c, "a NUL character (\\u0000) inside a string");
                }
              continue;
            }
          if (strchr ("\"\\/bfnrt", esc) == NULL || esc == '\0')
            return syntax_error (c, "an unknown escape sequence in a string");
          continue;
        }
      c->pos++;
    }

  if (out != NULL)
    *out = g_strndup (c->text + start, c->pos - start);
  c->pos++;
  return TRUE;
}

static gboolean
check_number (Checker *c)
{
  gsize start = c->pos;
  guint64 magnitude;
  gboolean negative = FALSE;
  g_autofree char *digits = NULL;

  if (c->text[c->pos] == '-')
    {
      negative = TRUE;
      c->pos++;
    }
  if (c->pos >= c->length || !g_ascii_isdigit (c->text[c->pos]))
    return syntax_error (c, "expected a digit");
  if (c->text[c->pos] == '0' && c->pos + 1 < c->length && g_ascii_isdigit (c->text[c->pos + 1]))
    return syntax_error (c, "a number with a leading zero");
  while (c->pos < c->length && g_ascii_isdigit (c->text[c->pos]))
    c->pos++;
  if (c->pos < c->length && (c->text[c->pos] == '.' || c->text[c->pos] == 'e' ||
                             c->text[c->pos] == 'E'))
    return syntax_error (c, "a fraction or exponent; the document holds only whole numbers");

  digits = g_strndup (c->text + start + (negative ? 1 : 0),
                      c->pos - start - (negative ? 1 : 0));
  if (!g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT64, &magnitude, NULL))
    {
      c->pos = start;
      return syntax_error (c, "a number out of range (at most 9223372036854775807)");
    }
  return TRUE;
}

static gboolean check_value (Checker *c, guint depth);

static gboolean
check_object (Checker *c,
              guint    depth)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  c->pos++;  /* { */
  skip_space (c);
  if (c->pos < c->length && c->text[c->pos] == '}')
    {
      c->pos++;
      return TRUE;
    }

  while (TRUE)
    {
      char *name = NULL;
      gsize name_pos = c->pos;

      skip_space (c);
      name_pos = c->pos;
      if (!check_string (c, TRUE, &name))
        return FALSE;
      if (!g_hash_table_add (names, name))
        {
          c->pos = name_pos;
          return syntax_error (c, "a member name that appears twice in one object");
        }
      skip_space (c);
      if (c->pos >= c->length || c->text[c->pos] != ':')
        return syntax_error (c, "expected ':' after a member name");
      c->pos++;
      if (!check_value (c, depth + 1))
        return FALSE;
      skip_space (c);
      if (c->pos < c->length && c->text[c->pos] == ',')
        {
          c->pos++;
          continue;
        }
      if (c->pos < c->length && c->text[c->pos] == '}')
        {
          c->pos++;
          return TRUE;
        }
      return syntax_error (c, "expected ',' or '}' in an object");
    }
}

static gboolean
check_array (Checker *c,
             guint    depth)
{
  c->pos++;  /* [ */
  skip_space (c);
  if (c->pos < c->length && c->text[c->pos] == ']')
    {
      c->pos++;
      return TRUE;
    }

  while (TRUE)
    {
      if (!check_value (c, depth + 1))
        return FALSE;
      skip_space (c);
      if (c->pos < c->length && c->text[c->pos] == ',')
        {
          c->pos++;
          continue;
        }
      if (c->pos < c->length && c->text[c->pos] == ']')
        {
          c->pos++;
          return TRUE;
        }
      return syntax_error (c, "expected ',' or ']' in an array");
    }
}

static gboolean
check_value (Checker *c,
             guint    depth)
{
  if (depth > BAKEN_MANIFEST_MAX_DEPTH)
    return syntax_error (c, "nested too deeply");

  skip_space (c);
  if (c->pos >= c->length)
    return syntax_error (c, "the document ends where a value was expected");

  switch (c->text[c->pos])
    {
    case '{':
      return check_object (c, depth);
    case '[':
      return check_array (c, depth);
    case '"':
      return check_string (c, FALSE, NULL);
    case 't':
      return expect_literal (c, "true");
    case 'f':
      return expect_literal (c, "false");
    case 'n':
      return expect_literal (c, "null");
    default:
      if (c->text[c->pos] == '-' || g_ascii_isdigit (c->text[c->pos]))
        return check_number (c);
      return syntax_error (c, "expected a JSON value");
    }
}

gboolean
_baken_json_check_strict (const char  *name,
                          const char  *data,
                          gsize        length,
                          gsize        max_size,
                          GError     **error)
{
  Checker c = { name, data, length, 0, error };

  if (length > max_size)
    {
      g_set_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX,
                   "%s is %" G_GSIZE_FORMAT " bytes; at most %" G_GSIZE_FORMAT " are allowed",
                   name, length, max_size);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX,
                   "%s is not valid UTF-8 text (or contains a NUL byte)", name);
      return FALSE;
    }

  skip_space (&c);
  if (c.pos >= length || data[c.pos] != '{')
    return syntax_error (&c, "the document must be a JSON object");
  if (!check_value (&c, 0))
    return FALSE;
  skip_space (&c);
  if (c.pos != length)
    return syntax_error (&c, "text after the end of the object");
  return TRUE;
}

gboolean
_baken_manifest_check_syntax (const char  *data,
                              gsize        length,
                              GError     **error)
{
  return _baken_json_check_strict ("manifest.json", data, length, BAKEN_MANIFEST_MAX_SIZE,
                                   error);
}
