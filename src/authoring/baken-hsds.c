/* baken-hsds.c: exchange content with other systems as HSDS 3.0 tabular packages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What export (baken-hsds-export.c) and import (baken-hsds-import.c, which maps the
 * records in baken-hsds-import-map.c) share: the error domain, the UUIDs export makes,
 * the official schema, the CSV tables both write, the output folder that is written next
 * to OUT and renamed into place at the end, and HSDS times.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds.h"
#include "baken-hsds-private.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "baken-hours.h"

#define SCHEMA_RESOURCE  "/nl/baken/authoring/hsds/datapackage.json"

G_DEFINE_QUARK (baken-hsds-error-quark, baken_hsds_error)

void
_baken_hsds_add_note (GPtrArray  *notes,
                      const char *format,
                      ...)
{
  va_list args;

  if (notes == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* UUIDs */

static gboolean
parse_uuid (const char *text,
            guint8      out[16])
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-')
        continue;
      if (!g_ascii_isxdigit (p[0]) || !g_ascii_isxdigit (p[1]) || n == 16)
        return FALSE;
      out[n++] = (guint8) (g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]));
      p++;
    }

  return n == 16;
}

char *
baken_hsds_uuid (const char *resource,
                 const char *id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree char *name = g_strdup_printf ("%s/%s", resource, id);
  guint8 ns[16];
  guint8 digest[20];
  gsize length = sizeof digest;
  gboolean ok;

  ok = parse_uuid (BAKEN_HSDS_NAMESPACE, ns);
  g_assert (ok);

  g_checksum_update (checksum, ns, sizeof ns);
  g_checksum_update (checksum, (const guchar *) name, strlen (name));
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (guint8) ((digest[6] & 0x0f) | 0x50);
  digest[8] = (guint8) ((digest[8] & 0x3f) | 0x80);

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* The official schema */

GBytes *
baken_hsds_get_schema (void)
{
  GBytes *bytes = g_resource_lookup_data (baken_authoring_get_resource (), SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);
  return bytes;
}

/* resource name → JsonObject of the resource (name, path, schema, …), borrowed from
 * parser. */
GHashTable *
_baken_hsds_load_official (JsonParser **parser_out)
{
  g_autoptr(GBytes) bytes = baken_hsds_get_schema ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *resources = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean ok;

  ok = json_parser_load_from_data (parser, data, (gssize) size, NULL);
  g_assert (ok);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "resources");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *resource = json_array_get_object_element (array, i);

      g_hash_table_insert (resources, (gpointer) json_object_get_string_member (resource, "name"),
                           resource);
    }

  *parser_out = g_steal_pointer (&parser);
  return resources;
}

JsonArray *
_baken_hsds_official_fields (JsonObject *resource)
{
  return json_object_get_array_member (json_object_get_object_member (resource, "schema"),
                                       "fields");
}

/* CSV output */

void
_baken_hsds_out_table_free (OutTable *t)
{
  g_free (t->file);
  g_free (t->resource);
  g_ptr_array_unref (t->columns);
  g_string_free (t->text, TRUE);
  g_array_unref (t->origins);
  g_free (t);
}

static void
append_field (GString    *text,
              const char *field)
{
  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (text, field);
      return;
    }

  g_string_append_c (text, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (text, '"');
      g_string_append_c (text, *p);
    }
  g_string_append_c (text, '"');
}

static guint
count_lines (const char *field)
{
  guint n = 0;

  for (const char *p = field; p != NULL && *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

OutTable *
_baken_hsds_out_table_new (const char        *file,
                           const char        *resource,
                           const char *const *columns,
                           JsonArray         *fields)
{
  OutTable *t = g_new0 (OutTable, 1);

  t->file = g_strdup (file);
  t->resource = g_strdup (resource);
  t->columns = g_ptr_array_new_with_free_func (g_free);
  t->text = g_string_new (NULL);
  t->origins = g_array_new (FALSE, FALSE, sizeof (Origin));

  if (fields != NULL)
    for (guint i = 0; i < json_array_get_length (fields); i++)
      g_ptr_array_add (t->columns, g_strdup (json_object_get_string_member (
                                               json_array_get_object_element (fields, i),
                                               "name")));
  else
    for (guint i = 0; columns[i] != NULL; i++)
      g_ptr_array_add (t->columns, g_strdup (columns[i]));

  for (guint i = 0; i < t->columns->len; i++)
    {
      if (i > 0)
        g_string_append_c (t->text, ',');
      append_field (t->text, g_ptr_array_index (t->columns, i));
    }
  g_string_append_c (t->text, '\n');
  t->line = 2;

  return t;
}

/* Adds a record; values maps column names to values (missing: empty). */
void
_baken_hsds_out_table_add (OutTable   *t,
                           GHashTable *values,
                           Origin     *origin)
{
  if (origin != NULL)
    {
      origin->out_line = t->line;
      g_array_append_val (t->origins, *origin);
    }

  for (guint i = 0; i < t->columns->len; i++)
    {
      const char *field = g_hash_table_lookup (values, g_ptr_array_index (t->columns, i));

      if (i > 0)
        g_string_append_c (t->text, ',');
      append_field (t->text, field);
      t->line += count_lines (field);
    }
  g_string_append_c (t->text, '\n');
  t->line++;
  t->n_rows++;
}

GHashTable *
_baken_hsds_record_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

void
_baken_hsds_set (GHashTable *record,
                 const char *column,
                 const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (record, (gpointer) column, g_strdup (value));
  else
    g_hash_table_remove (record, column);
}

void
_baken_hsds_set_take (GHashTable *record,
                      const char *column,
                      char       *value)
{
  g_hash_table_insert (record, (gpointer) column, value);
}

/* Writing the output folder */

void
_baken_hsds_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            _baken_hsds_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

gboolean
_baken_hsds_check_out_dir (const char  *out_dir,
                           GError     **error)
{
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (out_dir, G_FILE_TEST_EXISTS))
    return TRUE;

  dir = g_dir_open (out_dir, 0, NULL);
  if (dir == NULL || g_dir_read_name (dir) != NULL)
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
                   "%s already exists%s; give the name of a new folder, or remove it first",
                   out_dir, dir == NULL ? " and is not a folder" : " and is not empty");
      return FALSE;
    }

  return TRUE;
}

/* Makes OUT.tmp-XXXXXX next to out_dir. */
char *
_baken_hsds_make_tmp_dir (const char  *out_dir,
                          GError     **error)
{
  g_autofree char *template = g_strdup_printf ("%s.tmp-XXXXXX", out_dir);
  int saved_errno;

  if (g_mkdtemp_full (template, 0755) != NULL)
    return g_steal_pointer (&template);

  saved_errno = errno;
  g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
               "cannot create a folder next to %s: %s", out_dir, g_strerror (saved_errno));
  return NULL;
}

gboolean
_baken_hsds_write_file (const char  *dir,
                        const char  *name,
                        const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, data, (gssize) length, &local_error))
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
_baken_hsds_write_tables (const char  *dir,
                          GPtrArray   *tables,
                          GError     **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      OutTable *t = g_ptr_array_index (tables, i);

      if (!_baken_hsds_write_file (dir, t->file, t->text->str, t->text->len, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_baken_hsds_write_json (const char  *dir,
                        JsonNode    *root,
                        GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *with_newline = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  with_newline = g_strconcat (text, "\n", NULL);

  return _baken_hsds_write_file (dir, "datapackage.json", with_newline, strlen (with_newline),
                                 error);
}

gboolean
_baken_hsds_move_into_place (const char  *tmp_dir,
                             const char  *out_dir,
                             GError     **error)
{
  int saved_errno;

  if (g_rename (tmp_dir, out_dir) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
               "cannot rename %s to %s: %s", tmp_dir, out_dir, g_strerror (saved_errno));
  return FALSE;
}

/* Times */

/* Parses an HSDS time: HH:MM or HH:MM:SS, with an optional fraction and an optional
 * time zone (Z, +HH:MM, +HHMM, -…), which is ignored: times are local. FALSE when it
 * is not a time; *exact is FALSE when it is a time with seconds we cannot show. */
gboolean
_baken_hsds_parse_hsds_time (const char *text,
                             int        *minutes,
                             gboolean   *exact)
{
  g_autofree char *copy = g_strdup (text);
  char *p = copy;
  int seconds = 0;

  *exact = TRUE;

  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != ':' ||
      !g_ascii_isdigit (p[3]) || !g_ascii_isdigit (p[4]))
    return FALSE;
  p += 5;
  if (*p == ':')
    {
      if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2]))
        return FALSE;
      seconds = (p[1] - '0') * 10 + (p[2] - '0');
      p += 3;
      if (*p == '.')
        {
          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            {
              if (*p != '0')
                *exact = FALSE;
              p++;
            }
        }
    }

  if (*p == 'Z' && p[1] == '\0')
    {
      *p = '\0';
    }
  else if (*p == '+' || *p == '-')
    {
      const char *zone = p + 1;

      if (!(g_ascii_isdigit (zone[0]) && g_ascii_isdigit (zone[1]) &&
            ((zone[2] == ':' && g_ascii_isdigit (zone[3]) && g_ascii_isdigit (zone[4]) &&
              zone[5] == '\0') ||
             (g_ascii_isdigit (zone[2]) && g_ascii_isdigit (zone[3]) && zone[4] == '\0') ||
             zone[2] == '\0')))
        return FALSE;
      *p = '\0';
    }
  else if (*p != '\0')
    {
      return FALSE;
    }

  if (seconds > 59)
    return FALSE;
  if (seconds != 0)
    *exact = FALSE;

  copy[5] = '\0';
  return baken_parse_time (copy, minutes);
}

char *
_baken_hsds_format_minutes (int  minutes,
                            gboolean seconds)
{
  return g_strdup_printf (seconds ? "%02d:%02d:00" : "%02d:%02d", minutes / 60, minutes % 60);
}
