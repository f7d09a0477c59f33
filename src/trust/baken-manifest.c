/* baken-manifest.c: manifest.json of a content bundle, parsed strictly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 accepts more than JSON (comments, single quotes, hex numbers, leading
 * zeros, duplicate members, silent integer overflow), so a small RFC 8259 checker runs
 * first and only a document that passes it is handed to JsonParser.
 */
#define G_LOG_DOMAIN "baken-manifest"

#include "config.h"

#include "baken-manifest.h"

#include <string.h>

#include <json-glib/json-glib.h>

G_DEFINE_QUARK (baken-manifest-error-quark, baken_manifest_error)

#define MAX_VERSION_LENGTH  32
#define MAX_NAME_LENGTH     128

/* Strict syntax check */

typedef struct
{
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
               "manifest.json:%u:%u: %s", line, column, message);
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
    return syntax_error (c, "a fraction or exponent; the manifest holds only whole numbers");

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

static gboolean
check_syntax (const char  *data,
              gsize        length,
              GError     **error)
{
  Checker c = { data, length, 0, error };

  if (length > BAKEN_MANIFEST_MAX_SIZE)
    {
      g_set_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX,
                   "manifest.json is %" G_GSIZE_FORMAT " bytes; at most %d are allowed",
                   length, BAKEN_MANIFEST_MAX_SIZE);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX,
                           "manifest.json is not valid UTF-8 text (or contains a NUL byte)");
      return FALSE;
    }

  skip_space (&c);
  if (c.pos >= length || data[c.pos] != '{')
    return syntax_error (&c, "the manifest must be a JSON object");
  if (!check_value (&c, 0))
    return FALSE;
  skip_space (&c);
  if (c.pos != length)
    return syntax_error (&c, "text after the end of the manifest object");
  return TRUE;
}

/* Members */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_INVALID,
               "manifest.json: %s", message);
  return FALSE;
}

static gboolean
check_members (JsonObject         *object,
               const char         *where,
               const char *const  *allowed,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return invalid (error, "unknown member \"%s\" in %s", (const char *) l->data, where);

  for (guint i = 0; allowed[i] != NULL; i++)
    if (!json_object_has_member (object, allowed[i]))
      return invalid (error, "%s has no \"%s\"", where, allowed[i]);

  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *name,
         const char  *where,
         gint64       min,
         gint64       max,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, "\"%s\" in %s must be a whole number", name, where);
  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return invalid (error, "\"%s\" in %s is %" G_GINT64_FORMAT "; it must be from %"
                    G_GINT64_FORMAT " to %" G_GINT64_FORMAT, name, where, *out, min, max);
  return TRUE;
}

static const char *
get_string (JsonObject  *object,
            const char  *name,
            const char  *where,
            gsize        max_length,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      invalid (error, "\"%s\" in %s must be a string", name, where);
      return NULL;
    }
  value = json_node_get_string (node);
  if (strlen (value) > max_length)
    {
      invalid (error, "\"%s\" in %s is longer than %" G_GSIZE_FORMAT " characters",
               name, where, max_length);
      return NULL;
    }
  return value;
}

static gboolean
is_file_name (const char *name)
{
  if (name[0] == '\0' || name[0] == '.' || strlen (name) > MAX_NAME_LENGTH)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
is_key_id (const char *text)
{
  if (strlen (text) != 16)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'A' && *p <= 'F'))
      return FALSE;
  return TRUE;
}

static gboolean
parse_file (JsonNode       *node,
            guint           index,
            BakenManifest  *self,
            GError        **error)
{
  static const char *const allowed[] = { "name", "size", "sha256", NULL };
  g_autofree char *where = g_strdup_printf ("files[%u]", index);
  JsonObject *object;
  const char *name, *sha256;
  gint64 size;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "%s must be an object with name, size and sha256", where);
  object = json_node_get_object (node);
  if (!check_members (object, where, allowed, error))
    return FALSE;

  if (!(name = get_string (object, "name", where, MAX_NAME_LENGTH, error)) ||
      !get_int (object, "size", where, 0, G_MAXINT64, &size, error) ||
      !(sha256 = get_string (object, "sha256", where, 64, error)))
    return FALSE;
  if (!is_file_name (name))
    return invalid (error, "\"%s\" in %s is not a plain file name (letters, digits, '.', "
                    "'_' and '-', not starting with '.')", name, where);
  if (!is_sha256 (sha256))
    return invalid (error, "\"sha256\" in %s must be 64 lower-case hex digits", where);
  if (baken_manifest_find_file (self, name) != NULL)
    return invalid (error, "the file \"%s\" is listed twice", name);

  baken_manifest_add_file (self, name, (guint64) size, sha256);
  return TRUE;
}

/* Public API */

BakenManifest *
baken_manifest_new (void)
{
  BakenManifest *self = g_new0 (BakenManifest, 1);

  self->format = BAKEN_MANIFEST_FORMAT;
  self->files = g_ptr_array_new ();
  return self;
}

static void
manifest_file_free (BakenManifestFile *file)
{
  g_free (file->name);
  g_free (file->sha256);
  g_free (file);
}

void
baken_manifest_free (BakenManifest *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->expires, g_date_time_unref);
  g_free (self->key_id);
  g_free (self->min_app_version);
  g_ptr_array_foreach (self->files, (GFunc) manifest_file_free, NULL);
  g_ptr_array_unref (self->files);
  g_free (self);
}

void
baken_manifest_add_file (BakenManifest *self,
                         const char    *name,
                         guint64        size,
                         const char    *sha256)
{
  BakenManifestFile *file;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL && sha256 != NULL);

  file = g_new0 (BakenManifestFile, 1);
  file->name = g_strdup (name);
  file->size = size;
  file->sha256 = g_strdup (sha256);
  g_ptr_array_add (self->files, file);
}

const BakenManifestFile *
baken_manifest_find_file (BakenManifest *self,
                          const char    *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->files->len; i++)
    {
      BakenManifestFile *file = g_ptr_array_index (self->files, i);

      if (strcmp (file->name, name) == 0)
        return file;
    }
  return NULL;
}

char *
baken_manifest_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  /* Not g_date_time_format (): its %Y does not pad a year before 1000 to four digits. */
  utc = g_date_time_to_utc (time);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

GDateTime *
baken_manifest_parse_time (const char *text)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  g_autoptr(GTimeZone) utc = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) != strlen (pattern))
    return NULL;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return NULL;

  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}

static gboolean
split_version (const char *text,
               guint64     parts[4])
{
  g_auto(GStrv) split = NULL;
  guint n;

  if (text == NULL || text[0] == '\0' || strlen (text) > MAX_VERSION_LENGTH)
    return FALSE;
  split = g_strsplit (text, ".", -1);
  n = g_strv_length (split);
  if (n > 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      parts[i] = 0;
      if (i < n && (split[i][0] == '\0' || split[i][0] == '+' || split[i][0] == '-' ||
                    !g_ascii_string_to_unsigned (split[i], 10, 0, G_MAXUINT32, &parts[i], NULL)))
        return FALSE;
    }
  return TRUE;
}

int
baken_manifest_compare_versions (const char *a,
                                 const char *b)
{
  guint64 pa[4], pb[4];

  if (!split_version (a, pa) || !split_version (b, pb))
    return -2;
  for (guint i = 0; i < 4; i++)
    if (pa[i] != pb[i])
      return pa[i] < pb[i] ? -1 : 1;
  return 0;
}

BakenManifest *
baken_manifest_parse (const char  *data,
                      gsize        length,
                      GError     **error)
{
  static const char *const allowed[] = { "format", "serial", "created", "expires", "key_id",
                                         "min_app_version", "schema_version", "files", NULL };
  g_autoptr(BakenManifest) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *files;
  const char *text;
  gint64 value;
  guint64 serial;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_syntax (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_SYNTAX,
                   "manifest.json: %s", local_error->message);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  /* The format first: a newer format may have other members. */
  node = json_object_get_member (root, "format");
  if (node == NULL)
    {
      invalid (error, "no \"format\"; this is not a Baken bundle manifest");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != BAKEN_MANIFEST_FORMAT)
    {
      g_autofree char *shown = JSON_NODE_HOLDS_VALUE (node) &&
                               json_node_get_value_type (node) == G_TYPE_INT64
                               ? g_strdup_printf ("format %" G_GINT64_FORMAT,
                                                  json_node_get_int (node))
                               : g_strdup ("a format that is not a whole number");
      g_set_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_FORMAT,
                   "manifest.json has %s; this kiosk reads format %d. Update the "
                   "kiosk software or build the bundle with a matching baken-bundle.",
                   shown, BAKEN_MANIFEST_FORMAT);
      return NULL;
    }

  if (!check_members (root, "the manifest", allowed, error))
    return NULL;

  self = baken_manifest_new ();

  if (!get_int (root, "serial", "the manifest", 1, G_MAXINT64, &value, error))
    return NULL;
  serial = (guint64) value;
  self->serial = serial;

  if (!(text = get_string (root, "created", "the manifest", 32, error)))
    return NULL;
  if (!(self->created = baken_manifest_parse_time (text)))
    {
      invalid (error, "\"created\" is \"%s\", not a time such as 2026-03-01T08:00:00Z", text);
      return NULL;
    }
  if (!(text = get_string (root, "expires", "the manifest", 32, error)))
    return NULL;
  if (!(self->expires = baken_manifest_parse_time (text)))
    {
      invalid (error, "\"expires\" is \"%s\", not a time such as 2026-06-01T08:00:00Z", text);
      return NULL;
    }
  if (g_date_time_compare (self->expires, self->created) <= 0)
    {
      invalid (error, "\"expires\" is not after \"created\"");
      return NULL;
    }

  node = json_object_get_member (root, "key_id");
  if (!JSON_NODE_HOLDS_NULL (node))
    {
      if (!(text = get_string (root, "key_id", "the manifest", 16, error)))
        return NULL;
      if (!is_key_id (text))
        {
          invalid (error, "\"key_id\" must be 16 upper-case hex digits, as minisign shows "
                   "a key id");
          return NULL;
        }
      self->key_id = g_strdup (text);
    }

  if (!(text = get_string (root, "min_app_version", "the manifest", MAX_VERSION_LENGTH, error)))
    return NULL;
  if (baken_manifest_compare_versions (text, text) != 0)
    {
      invalid (error, "\"min_app_version\" is \"%s\", not a version such as 0.1.0", text);
      return NULL;
    }
  self->min_app_version = g_strdup (text);

  if (!get_int (root, "schema_version", "the manifest", 1, G_MAXINT32, &value, error))
    return NULL;
  self->schema_version = (guint) value;

  node = json_object_get_member (root, "files");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, "\"files\" must be an array");
      return NULL;
    }
  files = json_node_get_array (node);
  if (json_array_get_length (files) == 0 ||
      json_array_get_length (files) > BAKEN_MANIFEST_MAX_FILES)
    {
      invalid (error, "\"files\" must list from 1 to %d files", BAKEN_MANIFEST_MAX_FILES);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (files); i++)
    if (!parse_file (json_array_get_element (files, i), i, self, error))
      return NULL;

  return g_steal_pointer (&self);
}

char *
baken_manifest_to_data (BakenManifest  *self,
                        gsize          *length,
                        GError        **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *created = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *json = NULL;
  char *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->created == NULL || self->expires == NULL ||
      g_date_time_compare (self->expires, self->created) <= 0)
    return invalid (error, "a manifest needs a created time and a later expiry time"), NULL;
  if (self->serial == 0 || self->serial > G_MAXINT64)
    return invalid (error, "the serial must be from 1 to %" G_GINT64_FORMAT, G_MAXINT64), NULL;
  if (self->key_id != NULL && !is_key_id (self->key_id))
    return invalid (error, "\"%s\" is not a key id", self->key_id), NULL;
  if (baken_manifest_compare_versions (self->min_app_version, self->min_app_version) != 0)
    return invalid (error, "\"%s\" is not a version", self->min_app_version ?: "(none)"), NULL;
  if (self->schema_version == 0 || self->schema_version > G_MAXINT32)
    return invalid (error, "schema version %u is out of range", self->schema_version), NULL;
  if (self->files->len == 0 || self->files->len > BAKEN_MANIFEST_MAX_FILES)
    return invalid (error, "a manifest lists from 1 to %d files", BAKEN_MANIFEST_MAX_FILES), NULL;

  created = baken_manifest_format_time (self->created);
  expires = baken_manifest_format_time (self->expires);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, self->format);
  json_builder_set_member_name (builder, "serial");
  json_builder_add_int_value (builder, (gint64) self->serial);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "expires");
  json_builder_add_string_value (builder, expires);
  json_builder_set_member_name (builder, "key_id");
  if (self->key_id != NULL)
    json_builder_add_string_value (builder, self->key_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "min_app_version");
  json_builder_add_string_value (builder, self->min_app_version);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, self->schema_version);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->files->len; i++)
    {
      BakenManifestFile *file = g_ptr_array_index (self->files, i);

      if (!is_file_name (file->name) || !is_sha256 (file->sha256) || file->size > G_MAXINT64)
        return invalid (error, "file \"%s\" has a bad name, hash or size", file->name), NULL;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, file->name);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) file->size);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, file->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  result = g_strconcat (json, "\n", NULL);
  if (length != NULL)
    *length = strlen (result);
  return result;
}
