/* baken-hsds.c: exchange content with other systems as HSDS 3.0 tabular packages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export reads the source with the build's loader (baken-content-source.h) and writes
 * the HSDS tables in the field order of the official schema. Import reads the HSDS CSV
 * files with the strict CSV reader, checks them against the official schema (required
 * fields, types, references), maps what maps, writes our source format, and then loads
 * what it wrote with the build's loader: anything the build would refuse fails the
 * import, reported at the HSDS row it came from.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "baken-content.h"
#include "baken-content-source.h"
#include "baken-csv.h"
#include "baken-hours.h"

#define SCHEMA_RESOURCE  "/nl/baken/core/hsds/datapackage.json"
#define ICON_RESOURCE    "/nl/baken/core/hsds/alle-diensten.svg"
#define ALL_EVENT_ID     "le-alle-diensten"
#define ALL_EVENT_ICON   "alle-diensten"
#define ALL_DAYS         "MO,TU,WE,TH,FR,SA,SU"

G_DEFINE_QUARK (baken-hsds-error-quark, baken_hsds_error)

static void add_note (GPtrArray  *notes,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static void
add_note (GPtrArray  *notes,
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
  GBytes *bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (bytes != NULL);
  return bytes;
}

/* resource name → JsonObject of the resource (name, path, schema, …), borrowed from
 * parser. */
static GHashTable *
load_official (JsonParser **parser_out)
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

static JsonArray *
official_fields (JsonObject *resource)
{
  return json_object_get_array_member (json_object_get_object_member (resource, "schema"),
                                       "fields");
}

/* CSV output */

typedef struct
{
  const char *hsds_file;   /* the import's source of the record, or NULL */
  guint       hsds_line;
  gpointer    table;       /* HTable * */
  gpointer    row;         /* HRow * */
  guint       out_line;
} Origin;

typedef struct
{
  char      *file;
  char      *resource;
  GPtrArray *columns;      /* (element-type utf8) */
  GString   *text;
  guint      line;         /* the line the next record starts on */
  guint      n_rows;
  GArray    *origins;      /* of Origin, by out_line */
} OutTable;

static void
out_table_free (OutTable *t)
{
  g_free (t->file);
  g_free (t->resource);
  g_ptr_array_unref (t->columns);
  g_string_free (t->text, TRUE);
  g_array_unref (t->origins);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OutTable, out_table_free)

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

static OutTable *
out_table_new (const char        *file,
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
static void
out_table_add (OutTable   *t,
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

static GHashTable *
record_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static void
set (GHashTable *record,
     const char *column,
     const char *value)
{
  if (value != NULL && *value != '\0')
    g_hash_table_insert (record, (gpointer) column, g_strdup (value));
  else
    g_hash_table_remove (record, column);
}

static void
set_take (GHashTable *record,
          const char *column,
          char       *value)
{
  g_hash_table_insert (record, (gpointer) column, value);
}

/* Writing the output folder */

static void
remove_tree (const char *path)
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
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static gboolean
check_out_dir (const char  *out_dir,
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
static char *
make_tmp_dir (const char  *out_dir,
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

static gboolean
write_file (const char  *dir,
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

static gboolean
write_tables (const char  *dir,
              GPtrArray   *tables,
              GError     **error)
{
  for (guint i = 0; i < tables->len; i++)
    {
      OutTable *t = g_ptr_array_index (tables, i);

      if (!write_file (dir, t->file, t->text->str, t->text->len, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_json (const char  *dir,
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

  return write_file (dir, "datapackage.json", with_newline, strlen (with_newline), error);
}

static gboolean
move_into_place (const char  *tmp_dir,
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
static gboolean
parse_hsds_time (const char *text,
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

static char *
format_minutes (int  minutes,
                gboolean seconds)
{
  return g_strdup_printf (seconds ? "%02d:%02d:00" : "%02d:%02d", minutes / 60, minutes % 60);
}

/* Export */

typedef struct
{
  BakenContentSource           *src;
  const BakenHsdsExportOptions *options;
  GHashTable                   *official;
  GPtrArray                    *notes;
  GPtrArray                    *tables;     /* of OutTable */
} Export;

static const char *
get (BakenContentSource *src,
     BakenSourceTable    table,
     guint               row,
     const char         *column)
{
  int col = baken_content_source_column (table, column);

  g_assert (col >= 0);
  return baken_content_source_get (src, table, row, (guint) col);
}

static guint
line_of (BakenContentSource *src,
         BakenSourceTable    table,
         guint               row)
{
  guint line, column;

  baken_content_source_get_position (src, table, row, 0, &line, &column);
  return line;
}

static char *
export_id (Export     *e,
           const char *resource,
           const char *id)
{
  if (id == NULL)
    return NULL;
  if (e->options->keep_ids)
    return g_strdup (id);
  return baken_hsds_uuid (resource, id);
}

static OutTable *
export_table (Export     *e,
              const char *resource)
{
  JsonObject *official = g_hash_table_lookup (e->official, resource);
  OutTable *t = out_table_new (json_object_get_string_member (official, "path"), resource,
                               NULL, official_fields (official));

  g_ptr_array_add (e->tables, t);
  return t;
}

static void
copy_fields (Export             *e,
             GHashTable         *record,
             BakenSourceTable    table,
             guint               row,
             const char *const  *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    set (record, columns[i], get (e->src, table, row, columns[i]));
}

/* Rows of table in the order of their position column (empty: the row number). */
static GArray *
rows_by_position (BakenContentSource *src,
                  BakenSourceTable    table,
                  gboolean           *any_position)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = baken_content_source_get_n_rows (src, table);
  g_autofree gint64 *keys = g_new0 (gint64, n + 1);

  *any_position = FALSE;
  for (guint r = 0; r < n; r++)
    {
      const char *position = get (src, table, r, "position");

      keys[r] = r + 1;
      if (position != NULL)
        {
          keys[r] = g_ascii_strtoll (position, NULL, 10);
          *any_position = TRUE;
        }
      g_array_append_val (order, r);
    }

  /* Insertion sort: stable, and the tables are small. */
  for (guint i = 1; i < n; i++)
    {
      guint r = g_array_index (order, guint, i);
      guint j = i;

      while (j > 0 && keys[g_array_index (order, guint, j - 1)] > keys[r])
        {
          g_array_index (order, guint, j) = g_array_index (order, guint, j - 1);
          j--;
        }
      g_array_index (order, guint, j) = r;
    }

  return order;
}

static void
export_organizations (Export *e)
{
  static const char *const columns[] = { "name", "alternate_name", "description", "email",
                                         "website", NULL };
  OutTable *t = export_table (e, "organization");

  for (guint r = 0; r < baken_content_source_get_n_rows (e->src, BAKEN_SOURCE_ORGANIZATION); r++)
    {
      g_autoptr(GHashTable) record = record_new ();

      set_take (record, "id", export_id (e, "organization", get (e->src, BAKEN_SOURCE_ORGANIZATION, r, "id")));
      copy_fields (e, record, BAKEN_SOURCE_ORGANIZATION, r, columns);
      out_table_add (t, record, NULL);
    }
}

static void
export_services (Export *e)
{
  static const char *const columns[] = { "name", "alternate_name", "description", "url",
                                         "email", "status", "application_process",
                                         "fees_description", "eligibility_description",
                                         "assured_date", "alert", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "service");
  guint n_services = baken_content_source_get_n_rows (src, BAKEN_SOURCE_SERVICE);
  g_autofree const char **url = g_new0 (const char *, n_services + 1);
  g_autofree const char **email = g_new0 (const char *, n_services + 1);
  guint n_cost_notes = 0;

  /* Public website and e-mail channels become the service's url and email. */
  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_CHANNEL); r++)
    {
      const char *id = get (src, BAKEN_SOURCE_CHANNEL, r, "id");
      const char *kind = get (src, BAKEN_SOURCE_CHANNEL, r, "kind");
      const char *value = get (src, BAKEN_SOURCE_CHANNEL, r, "value");
      const char *service_id = get (src, BAKEN_SOURCE_CHANNEL, r, "service_id");
      const char *audience = get (src, BAKEN_SOURCE_CHANNEL, r, "audience");
      int service = baken_content_source_find (src, BAKEN_SOURCE_SERVICE, service_id);
      gboolean is_url = g_strcmp0 (kind, "website") == 0;
      gboolean is_email = g_strcmp0 (kind, "email") == 0;
      guint line = line_of (src, BAKEN_SOURCE_CHANNEL, r);

      if (get (src, BAKEN_SOURCE_CHANNEL, r, "cost_note") != NULL)
        n_cost_notes++;

      if (g_strcmp0 (audience, "staff") == 0)
        {
          add_note (e->notes, "channels.csv:%u: %s not exported: it is for staff only", line, id);
          continue;
        }

      if ((is_url || is_email) && service >= 0 && value != NULL)
        {
          const char **slot = is_url ? &url[service] : &email[service];
          const char *own = get (src, BAKEN_SOURCE_SERVICE, (guint) service, is_url ? "url" : "email");

          if (own == NULL && *slot == NULL)
            {
              *slot = value;
              add_note (e->notes, "channels.csv:%u: %s exported as the %s of service %s",
                        line, id, is_url ? "url" : "email", service_id);
              continue;
            }
          add_note (e->notes, "channels.csv:%u: %s not exported: service %s already has %s %s",
                    line, id, service_id, is_url ? "a url" : "an email",
                    own != NULL ? own : *slot);
          continue;
        }

      add_note (e->notes, "channels.csv:%u: %s not exported: HSDS has no place for a channel "
                "of kind %s", line, id, kind != NULL ? kind : "");
    }
  if (n_cost_notes > 0)
    add_note (e->notes, "channels.csv: %u %s not exported: HSDS has no cost note for a "
              "channel", n_cost_notes, n_cost_notes == 1 ? "cost note" : "cost notes");

  for (guint r = 0; r < n_services; r++)
    {
      g_autoptr(GHashTable) record = record_new ();

      set_take (record, "id", export_id (e, "service", get (src, BAKEN_SOURCE_SERVICE, r, "id")));
      set_take (record, "organization_id",
                export_id (e, "organization", get (src, BAKEN_SOURCE_SERVICE, r, "organization_id")));
      copy_fields (e, record, BAKEN_SOURCE_SERVICE, r, columns);
      if (url[r] != NULL)
        set (record, "url", url[r]);
      if (email[r] != NULL)
        set (record, "email", email[r]);
      out_table_add (t, record, NULL);
    }
}

static void
export_locations (Export *e)
{
  static const char *const columns[] = { "name", "description", "transportation", "latitude",
                                         "longitude", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "location");

  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_LOCATION); r++)
    {
      g_autoptr(GHashTable) record = record_new ();
      const char *type = get (src, BAKEN_SOURCE_LOCATION, r, "location_type");

      set_take (record, "id", export_id (e, "location", get (src, BAKEN_SOURCE_LOCATION, r, "id")));
      set_take (record, "organization_id",
                export_id (e, "organization", get (src, BAKEN_SOURCE_LOCATION, r, "organization_id")));
      set (record, "location_type", type != NULL ? type : "physical");
      copy_fields (e, record, BAKEN_SOURCE_LOCATION, r, columns);
      out_table_add (t, record, NULL);
    }
}

static void
export_addresses (Export *e)
{
  static const char *const columns[] = { "address_1", "address_2", "city", "postal_code", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "address");
  const char *region = baken_content_source_get_region (src);

  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_ADDRESS); r++)
    {
      g_autoptr(GHashTable) record = record_new ();
      const char *type = get (src, BAKEN_SOURCE_ADDRESS, r, "address_type");
      const char *country = get (src, BAKEN_SOURCE_ADDRESS, r, "country");

      set_take (record, "id", export_id (e, "address", get (src, BAKEN_SOURCE_ADDRESS, r, "id")));
      set_take (record, "location_id",
                export_id (e, "location", get (src, BAKEN_SOURCE_ADDRESS, r, "location_id")));
      copy_fields (e, record, BAKEN_SOURCE_ADDRESS, r, columns);
      set (record, "state_province", region != NULL ? region : get (src, BAKEN_SOURCE_ADDRESS, r, "city"));
      set (record, "country", country != NULL ? country : "NL");
      set (record, "address_type", type != NULL ? type : "physical");
      if (get (src, BAKEN_SOURCE_ADDRESS, r, "postal_code") == NULL)
        add_note (e->notes, "addresses.csv:%u: %s has no postal_code, which HSDS requires; "
                  "the package is not valid HSDS until it is filled in",
                  line_of (src, BAKEN_SOURCE_ADDRESS, r), get (src, BAKEN_SOURCE_ADDRESS, r, "id"));
      out_table_add (t, record, NULL);
    }
}

static void
export_service_at_location (Export *e)
{
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "service_at_location");
  BakenSourceTable table = BAKEN_SOURCE_SERVICE_AT_LOCATION;

  for (guint r = 0; r < baken_content_source_get_n_rows (src, table); r++)
    {
      g_autoptr(GHashTable) record = record_new ();

      set_take (record, "id", export_id (e, "service_at_location", get (src, table, r, "id")));
      set_take (record, "service_id", export_id (e, "service", get (src, table, r, "service_id")));
      set_take (record, "location_id", export_id (e, "location", get (src, table, r, "location_id")));
      set (record, "description", get (src, table, r, "description"));
      out_table_add (t, record, NULL);
    }
}

static void
export_phones (Export *e)
{
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "phone");
  gboolean any_position;
  g_autoptr(GArray) order = rows_by_position (src, BAKEN_SOURCE_PHONE, &any_position);
  guint n_cost_notes = 0, n_staff = 0;

  for (guint i = 0; i < order->len; i++)
    {
      guint r = g_array_index (order, guint, i);
      g_autoptr(GHashTable) record = record_new ();
      const char *id = get (src, BAKEN_SOURCE_PHONE, r, "id");

      if (g_strcmp0 (get (src, BAKEN_SOURCE_PHONE, r, "audience"), "staff") == 0)
        {
          if (!e->options->include_staff)
            {
              add_note (e->notes, "phones.csv:%u: %s not exported: it is for staff only "
                        "(--include-staff exports it)", line_of (src, BAKEN_SOURCE_PHONE, r), id);
              continue;
            }
          n_staff++;
        }
      if (get (src, BAKEN_SOURCE_PHONE, r, "cost_note") != NULL)
        n_cost_notes++;

      set_take (record, "id", export_id (e, "phone", id));
      set_take (record, "service_id", export_id (e, "service", get (src, BAKEN_SOURCE_PHONE, r, "service_id")));
      set_take (record, "location_id", export_id (e, "location", get (src, BAKEN_SOURCE_PHONE, r, "location_id")));
      set (record, "number", get (src, BAKEN_SOURCE_PHONE, r, "number"));
      set (record, "type", get (src, BAKEN_SOURCE_PHONE, r, "type"));
      set (record, "description", get (src, BAKEN_SOURCE_PHONE, r, "description"));
      out_table_add (t, record, NULL);
    }

  if (n_staff > 0)
    add_note (e->notes, "phones.csv: %u staff-only phones exported (--include-staff); HSDS "
              "cannot mark them as staff-only, so do not publish this package", n_staff);
  if (n_cost_notes > 0)
    add_note (e->notes, "phones.csv: %u %s not exported: HSDS has no cost note for a phone",
              n_cost_notes, n_cost_notes == 1 ? "cost note" : "cost notes");
  if (any_position)
    add_note (e->notes, "phones.csv: position not exported; the phones are written in that "
              "order instead");
}

static void
export_schedules (Export *e)
{
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "schedule");
  BakenSourceTable table = BAKEN_SOURCE_SCHEDULE;

  for (guint r = 0; r < baken_content_source_get_n_rows (src, table); r++)
    {
      g_autoptr(GHashTable) record = record_new ();
      const char *id = get (src, table, r, "id");
      const char *byday = get (src, table, r, "byday");
      int opens, closes;

      if (get (src, table, r, "channel_id") != NULL)
        {
          add_note (e->notes, "schedules.csv:%u: %s not exported: hours of a phone or channel "
                    "(HSDS has hours for a service, a location or a service at a location only)",
                    line_of (src, table, r), id);
          continue;
        }

      if (!baken_parse_time (get (src, table, r, "opens_at"), &opens) ||
          !baken_parse_time (get (src, table, r, "closes_at"), &closes))
        g_assert_not_reached ();   /* the source has no problems */

      set_take (record, "id", export_id (e, "schedule", id));
      set_take (record, "service_id", export_id (e, "service", get (src, table, r, "service_id")));
      set_take (record, "location_id", export_id (e, "location", get (src, table, r, "location_id")));
      set_take (record, "service_at_location_id",
                export_id (e, "service_at_location", get (src, table, r, "service_at_location_id")));
      set (record, "freq", "WEEKLY");
      set (record, "byday", byday != NULL ? byday : ALL_DAYS);
      set_take (record, "opens_at", format_minutes (opens, TRUE));
      set_take (record, "closes_at", format_minutes (closes % BAKEN_MINUTES_PER_DAY, TRUE));
      set (record, "valid_from", get (src, table, r, "valid_from"));
      set (record, "valid_to", get (src, table, r, "valid_to"));
      set (record, "description", get (src, table, r, "description"));
      out_table_add (t, record, NULL);
    }
}

static void
export_required_documents (Export *e)
{
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "required_document");
  gboolean any_position;
  g_autoptr(GArray) order = rows_by_position (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, &any_position);

  for (guint i = 0; i < order->len; i++)
    {
      guint r = g_array_index (order, guint, i);
      g_autoptr(GHashTable) record = record_new ();

      set_take (record, "id", export_id (e, "required_document",
                                         get (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, r, "id")));
      set_take (record, "service_id", export_id (e, "service",
                                                 get (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, r, "service_id")));
      set (record, "document", get (src, BAKEN_SOURCE_REQUIRED_DOCUMENT, r, "document"));
      out_table_add (t, record, NULL);
    }
}

static void
export_languages (Export *e)
{
  static const char *const columns[] = { "code", "name", "note", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "language");

  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_LANGUAGE); r++)
    {
      g_autoptr(GHashTable) record = record_new ();

      set_take (record, "id", export_id (e, "language", get (src, BAKEN_SOURCE_LANGUAGE, r, "id")));
      set_take (record, "service_id", export_id (e, "service", get (src, BAKEN_SOURCE_LANGUAGE, r, "service_id")));
      copy_fields (e, record, BAKEN_SOURCE_LANGUAGE, r, columns);
      out_table_add (t, record, NULL);
    }
}

static void
export_accessibility (Export *e)
{
  static const char *const columns[] = { "description", "details", NULL };
  BakenContentSource *src = e->src;
  OutTable *t = export_table (e, "accessibility");

  for (guint r = 0; r < baken_content_source_get_n_rows (src, BAKEN_SOURCE_ACCESSIBILITY); r++)
    {
      g_autoptr(GHashTable) record = record_new ();

      set_take (record, "id", export_id (e, "accessibility", get (src, BAKEN_SOURCE_ACCESSIBILITY, r, "id")));
      set_take (record, "location_id",
                export_id (e, "location", get (src, BAKEN_SOURCE_ACCESSIBILITY, r, "location_id")));
      copy_fields (e, record, BAKEN_SOURCE_ACCESSIBILITY, r, columns);
      out_table_add (t, record, NULL);
    }
}

static void
note_dropped_table (Export           *e,
                    BakenSourceTable  table,
                    const char       *why)
{
  guint n = baken_content_source_get_n_rows (e->src, table);

  if (n > 0)
    add_note (e->notes, "%s: %u %s not exported: %s", baken_content_source_table_file (table),
              n, n == 1 ? "row" : "rows", why);
}

static JsonNode *
export_datapackage (Export *e)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *publisher = baken_content_source_get_publisher (e->src);
  g_autofree char *title = g_strdup_printf ("%s (HSDS 3.0 export of Baken content)",
                                            publisher != NULL ? publisher : "Baken");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "baken-hsds-export");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, "tabular-data-package");
  if (publisher != NULL)
    {
      json_builder_set_member_name (builder, "contributors");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, publisher);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, "publisher");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder,
    "Human Services Data Specification 3.0.0 tabular data package, exported by "
    "baken-bundle export-hsds. The resource definitions (schemas) are copied from the "
    "official HSDS 3.0.0 datapackage.json, (c) the Open Referral project "
    "(docs.openreferral.org), licensed under Creative Commons Attribution-ShareAlike 4.0 "
    "(https://creativecommons.org/licenses/by-sa/4.0/).");
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "Human Services Data Specification 3.0.0, Open "
                                 "Referral, CC BY-SA 4.0 (resource schemas)");
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, "http://docs.openreferral.org");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < e->tables->len; i++)
    {
      OutTable *t = g_ptr_array_index (e->tables, i);
      JsonObject *official = g_hash_table_lookup (e->official, t->resource);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, official);
      json_builder_add_value (builder, json_node_copy (node));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gboolean
baken_hsds_export (const char                   *src_dir,
                   const char                   *out_dir,
                   const BakenHsdsExportOptions *options,
                   GPtrArray                    *notes,
                   GPtrArray                    *problems,
                   GError                      **error)
{
  static const BakenHsdsExportOptions default_options = { FALSE, FALSE };
  g_autoptr(BakenContentSource) src = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) official = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) out_table_free);
  g_autoptr(GPtrArray) langs = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *tmp_dir = NULL;
  GPtrArray *source_problems;
  Export e = { 0, };

  g_return_val_if_fail (src_dir != NULL && out_dir != NULL, FALSE);

  if (options == NULL)
    options = &default_options;

  src = baken_content_source_load (src_dir, &local_error);
  if (src == NULL)
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE, "%s", local_error->message);
      return FALSE;
    }

  source_problems = baken_content_source_get_problems (src);
  if (source_problems->len > 0)
    {
      for (guint i = 0; problems != NULL && i < source_problems->len; i++)
        g_ptr_array_add (problems, g_strdup (g_ptr_array_index (source_problems, i)));
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE,
                   "the content source has %u %s; fix %s first (baken-bundle build shows "
                   "the same), nothing was written", source_problems->len,
                   source_problems->len == 1 ? "problem" : "problems",
                   source_problems->len == 1 ? "it" : "them");
      return FALSE;
    }

  if (!check_out_dir (out_dir, error))
    return FALSE;

  official = load_official (&parser);
  e.src = src;
  e.options = options;
  e.official = official;
  e.notes = notes;
  e.tables = tables;

  export_organizations (&e);
  export_services (&e);
  export_locations (&e);
  export_addresses (&e);
  export_service_at_location (&e);
  export_phones (&e);
  export_schedules (&e);
  export_required_documents (&e);
  export_languages (&e);
  export_accessibility (&e);

  note_dropped_table (&e, BAKEN_SOURCE_LIFE_EVENT, "HSDS has no life events (the menu)");
  note_dropped_table (&e, BAKEN_SOURCE_LIFE_EVENT_SERVICE, "HSDS has no life events (the menu)");
  note_dropped_table (&e, BAKEN_SOURCE_SYNONYM, "HSDS has no search synonyms");
  note_dropped_table (&e, BAKEN_SOURCE_SCHEDULE_EXCEPTION,
                      "HSDS tabular has no exceptions to the weekly hours");
  langs = baken_content_source_get_languages (src);
  if (baken_content_source_get_n_rows (src, BAKEN_SOURCE_TRANSLATION) > 0)
    {
      g_autoptr(GString) others = g_string_new (NULL);

      for (guint i = 0; i < langs->len; i++)
        if (strcmp (g_ptr_array_index (langs, i), "nl") != 0)
          g_string_append_printf (others, "%s%s", others->len > 0 ? ", " : "",
                                  (const char *) g_ptr_array_index (langs, i));
      add_note (notes, "translations.csv: %u translations (%s) not exported: an HSDS tabular "
                "package holds one language, and this one holds the Dutch texts",
                baken_content_source_get_n_rows (src, BAKEN_SOURCE_TRANSLATION), others->str);
    }

  root = export_datapackage (&e);

  tmp_dir = make_tmp_dir (out_dir, error);
  if (tmp_dir == NULL)
    return FALSE;

  if (!write_tables (tmp_dir, tables, error) ||
      !write_json (tmp_dir, root, error) ||
      !move_into_place (tmp_dir, out_dir, error))
    {
      remove_tree (tmp_dir);
      return FALSE;
    }

  return TRUE;
}

/* Import */

typedef struct
{
  guint   line;
  char  **fields;     /* n_header strings; "" when empty, NULL when unreadable */
  guint  *lines;
} HRow;

typedef struct
{
  char       *resource;
  char       *file;       /* relative to the package folder */
  JsonObject *official;   /* the official resource, NULL when HSDS has no such resource */
  GPtrArray  *header;     /* (element-type utf8) */
  GHashTable *columns;    /* name → index + 1 */
  GPtrArray  *rows;       /* of HRow */
  GHashTable *by_id;      /* id → HRow */
  GHashTable *kept;       /* ids written to the output */
} HTable;

static void
hrow_free (HRow *row)
{
  g_strfreev (row->fields);
  g_free (row->lines);
  g_free (row);
}

static void
htable_free (HTable *t)
{
  g_free (t->resource);
  g_free (t->file);
  g_clear_pointer (&t->header, g_ptr_array_unref);
  g_hash_table_unref (t->columns);
  g_ptr_array_unref (t->rows);
  g_hash_table_unref (t->by_id);
  g_hash_table_unref (t->kept);
  g_free (t);
}

typedef struct
{
  const char *path;
  GHashTable *official;     /* resource → JsonObject */
  GPtrArray  *tables;       /* of HTable, in package order */
  GHashTable *by_resource;  /* resource → HTable */
  GPtrArray  *notes;
  GPtrArray  *problems;
  char       *title;        /* of the package, or NULL */
  char       *publisher;    /* its contributor with the role publisher, or NULL */
  GPtrArray  *out;          /* of OutTable */
} Import;

/* The HSDS fields import reads, per resource; any other field is reported as not kept. */
typedef struct
{
  const char        *resource;
  const char *const  fields[20];
} Mapped;

static const Mapped mapped[] = {
  { "organization", { "id", "name", "alternate_name", "description", "email", "website", NULL } },
  { "service", { "id", "organization_id", "name", "alternate_name", "description", "url",
                 "email", "status", "application_process", "fees_description",
                 "eligibility_description", "assured_date", "alert", NULL } },
  { "location", { "id", "location_type", "organization_id", "name", "description",
                  "transportation", "latitude", "longitude", NULL } },
  { "address", { "id", "location_id", "address_1", "address_2", "city", "state_province",
                 "postal_code", "country", "address_type", NULL } },
  { "service_at_location", { "id", "service_id", "location_id", "description", NULL } },
  { "phone", { "id", "service_id", "location_id", "service_at_location_id", "number", "type",
               "description", NULL } },
  { "schedule", { "id", "service_id", "location_id", "service_at_location_id", "valid_from",
                  "valid_to", "dtstart", "until", "count", "freq", "interval", "byday",
                  "byweekno", "bymonthday", "byyearday", "description", "opens_at",
                  "closes_at", NULL } },
  { "required_document", { "id", "service_id", "document", NULL } },
  { "language", { "id", "service_id", "name", "code", "note", NULL } },
  { "accessibility", { "id", "location_id", "description", "details", NULL } },
};

static const Mapped *
find_mapped (const char *resource)
{
  for (guint i = 0; i < G_N_ELEMENTS (mapped); i++)
    if (strcmp (mapped[i].resource, resource) == 0)
      return &mapped[i];

  return NULL;
}

static gboolean
is_mapped_field (const Mapped *m,
                 const char   *field)
{
  for (guint i = 0; m->fields[i] != NULL; i++)
    if (strcmp (m->fields[i], field) == 0)
      return TRUE;

  return FALSE;
}

static int
hcolumn (HTable     *t,
         const char *name)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (t->columns, name)) - 1;
}

static const char *
hget (HTable     *t,
      HRow       *row,
      const char *name)
{
  int col = hcolumn (t, name);
  const char *text;

  if (col < 0)
    return NULL;
  text = row->fields[col];
  return text != NULL && *text != '\0' ? text : NULL;
}

static void
hposition (HTable     *t,
           HRow       *row,
           const char *name,
           guint      *line,
           guint      *column)
{
  int col = hcolumn (t, name);

  *line = col >= 0 ? row->lines[col] : row->line;
  *column = col >= 0 ? (guint) col + 1 : t->header->len + 1;
}

static void problem (Import     *imp,
                     const char *file,
                     guint       line,
                     guint       column,
                     const char *format,
                     ...) G_GNUC_PRINTF (5, 6);

static void
problem (Import     *imp,
         const char *file,
         guint       line,
         guint       column,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (imp->problems, g_strdup_printf ("%s:%u:%u: %s", file, line, column, message));
}

static void field_problem (Import     *imp,
                           HTable     *t,
                           HRow       *row,
                           const char *name,
                           const char *format,
                           ...) G_GNUC_PRINTF (5, 6);

static void
field_problem (Import     *imp,
               HTable     *t,
               HRow       *row,
               const char *name,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  hposition (t, row, name, &line, &column);
  problem (imp, t->file, line, column, "%s", message);
}

static void dropped (Import     *imp,
                     HTable     *t,
                     HRow       *row,
                     const char *format,
                     ...) G_GNUC_PRINTF (4, 5);

static void
dropped (Import     *imp,
         HTable     *t,
         HRow       *row,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  add_note (imp->notes, "%s:%u: dropped: %s", t->file, row->line, message);
}

static gboolean
is_safe_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path[0] == '\0' || g_path_is_absolute (path) || strchr (path, '\\') != NULL)
    return FALSE;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0 || parts[i][0] == '\0')
      return FALSE;

  return TRUE;
}

static HTable *
read_table (Import     *imp,
            const char *resource,
            const char *file)
{
  g_autofree char *full = g_build_filename (imp->path, file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenCsvReader) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  HTable *t;
  gsize length;
  BakenCsvRead result;

  if (!g_file_get_contents (full, &contents, &length, &error))
    {
      problem (imp, "datapackage.json", 1, 1, "resource %s: cannot read %s: %s", resource, file,
               error->message);
      return NULL;
    }

  t = g_new0 (HTable, 1);
  t->resource = g_strdup (resource);
  t->file = g_strdup (file);
  t->official = g_hash_table_lookup (imp->official, resource);
  t->columns = g_hash_table_new (g_str_hash, g_str_equal);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) hrow_free);
  t->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  t->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  reader = baken_csv_reader_new (bytes);
  while ((result = baken_csv_reader_read (reader, &error)) != BAKEN_CSV_READ_END)
    {
      guint n = baken_csv_reader_get_n_fields (reader);
      HRow *row;

      if (result == BAKEN_CSV_READ_ERROR)
        {
          guint line, column;

          baken_csv_reader_get_error_position (reader, &line, &column);
          problem (imp, file, line, column, "%s", error->message);
          g_clear_error (&error);
          if (t->header == NULL)
            break;
          continue;
        }

      if (t->header == NULL)
        {
          t->header = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < n; i++)
            {
              const char *name = baken_csv_reader_get_field (reader, i);

              g_ptr_array_add (t->header, g_strdup (name));
              if (g_hash_table_contains (t->columns, name))
                problem (imp, file, baken_csv_reader_get_field_line (reader, i), i + 1,
                         "column %s appears twice; remove one of them", name);
              else
                g_hash_table_insert (t->columns, g_ptr_array_index (t->header, i),
                                     GUINT_TO_POINTER (i + 1));
            }
          continue;
        }

      row = g_new0 (HRow, 1);
      row->line = baken_csv_reader_get_line (reader);
      row->fields = g_new0 (char *, n + 1);
      row->lines = g_new0 (guint, n);
      for (guint i = 0; i < n; i++)
        {
          row->fields[i] = g_strdup (baken_csv_reader_get_field (reader, i));
          row->lines[i] = baken_csv_reader_get_field_line (reader, i);
        }
      g_ptr_array_add (t->rows, row);
    }

  if (t->header == NULL)
    {
      t->header = g_ptr_array_new_with_free_func (g_free);
      problem (imp, file, 1, 1, "the file is empty; the first line must name the columns");
    }

  if (hcolumn (t, "id") >= 0)
    for (guint r = 0; r < t->rows->len; r++)
      {
        HRow *row = g_ptr_array_index (t->rows, r);
        const char *id = hget (t, row, "id");
        HRow *first;

        if (id == NULL)
          continue;
        first = g_hash_table_lookup (t->by_id, id);
        if (first != NULL)
          field_problem (imp, t, row, "id", "id \"%s\" is already used on line %u; ids must "
                         "be unique", id, first->line);
        else
          g_hash_table_insert (t->by_id, (gpointer) id, row);
      }

  g_ptr_array_add (imp->tables, t);
  g_hash_table_insert (imp->by_resource, t->resource, t);
  return t;
}

/* Reads datapackage.json (or, without one, the standard file names) and every table. */
static gboolean
read_package (Import  *imp,
              GError **error)
{
  g_autofree char *dp_path = g_build_filename (imp->path, "datapackage.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *resources;

  if (!g_file_test (imp->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE,
                   "%s is not a folder; give the folder of an HSDS tabular package "
                   "(datapackage.json and CSV files)", imp->path);
      return FALSE;
    }

  if (!g_file_test (dp_path, G_FILE_TEST_EXISTS))
    {
      GHashTableIter iter;
      gpointer key, value;
      g_autoptr(GList) names = NULL;

      add_note (imp->notes, "datapackage.json: not found; reading the standard HSDS file names");
      g_hash_table_iter_init (&iter, imp->official);
      while (g_hash_table_iter_next (&iter, &key, &value))
        names = g_list_prepend (names, key);
      names = g_list_sort (names, (GCompareFunc) strcmp);
      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *file = json_object_get_string_member (g_hash_table_lookup (imp->official,
                                                                                 l->data), "path");
          g_autofree char *full = g_build_filename (imp->path, file, NULL);

          if (g_file_test (full, G_FILE_TEST_EXISTS))
            read_table (imp, l->data, file);
        }
      return TRUE;
    }

  if (!json_parser_load_from_file (parser, dp_path, &local_error))
    {
      problem (imp, "datapackage.json", 1, 1, "not valid JSON: %s", local_error->message);
      return TRUE;
    }

  root = json_parser_get_root (parser);
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  resources = object != NULL && json_object_has_member (object, "resources") &&
              JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "resources"))
              ? json_object_get_array_member (object, "resources") : NULL;
  if (resources == NULL)
    {
      problem (imp, "datapackage.json", 1, 1, "there is no \"resources\" list; a tabular data "
               "package lists its CSV files there");
      return TRUE;
    }

  if (json_object_has_member (object, "contributors") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "contributors")))
    {
      JsonArray *contributors = json_object_get_array_member (object, "contributors");

      for (guint i = 0; i < json_array_get_length (contributors) && imp->publisher == NULL; i++)
        {
          JsonNode *node = json_array_get_element (contributors, i);
          JsonObject *contributor = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

          if (contributor != NULL &&
              g_strcmp0 (json_object_get_string_member_with_default (contributor, "role", ""),
                         "publisher") == 0 &&
              json_object_get_string_member_with_default (contributor, "title", NULL) != NULL)
            imp->publisher = g_strdup (json_object_get_string_member (contributor, "title"));
        }
    }

  if (json_object_has_member (object, "title") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "title")))
    imp->title = g_strdup (json_object_get_string_member (object, "title"));

  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonNode *node = json_array_get_element (resources, i);
      JsonObject *resource = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *name = resource != NULL ? json_object_get_member (resource, "name") : NULL;
      JsonNode *path = resource != NULL ? json_object_get_member (resource, "path") : NULL;
      const char *name_text, *path_text;

      if (name == NULL || json_node_get_value_type (name) != G_TYPE_STRING ||
          path == NULL || json_node_get_value_type (path) != G_TYPE_STRING)
        {
          problem (imp, "datapackage.json", 1, 1, "resource %u has no \"name\" or no \"path\" "
                   "(a single file name); each resource names one CSV file", i + 1);
          continue;
        }
      name_text = json_node_get_string (name);
      path_text = json_node_get_string (path);
      if (!is_safe_path (path_text))
        {
          problem (imp, "datapackage.json", 1, 1, "resource %s: path \"%s\" is not a file inside "
                   "the package folder", name_text, path_text);
          continue;
        }
      if (g_hash_table_contains (imp->by_resource, name_text))
        {
          problem (imp, "datapackage.json", 1, 1, "resource %s is listed twice", name_text);
          continue;
        }
      read_table (imp, name_text, path_text);
    }

  return TRUE;
}

static gboolean
is_number (const char *text)
{
  char *end = NULL;

  errno = 0;
  g_ascii_strtod (text, &end);
  return errno == 0 && end != text && *end == '\0';
}

static gboolean
is_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) atoi (text);
  month = (guint) atoi (text + 5);
  day = (guint) atoi (text + 8);
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
check_enum (Import     *imp,
            HTable     *t,
            HRow       *row,
            const char *name,
            const char *text,
            JsonArray  *values)
{
  g_autoptr(GString) allowed = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      const char *v = json_array_get_string_element (values, i);

      if (strcmp (v, text) == 0)
        return;
      g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", v);
    }

  field_problem (imp, t, row, name, "%s \"%s\" is not one of the values HSDS allows: %s",
                 name, text, allowed->str);
}

/* Required fields, types of the fields import reads, and references. */
static void
check_table (Import *imp,
             HTable *t)
{
  const Mapped *m = find_mapped (t->resource);
  JsonObject *schema = json_object_get_object_member (t->official, "schema");
  JsonArray *fields = json_object_get_array_member (schema, "fields");
  JsonArray *keys = json_object_has_member (schema, "foreignKeys")
                    ? json_object_get_array_member (schema, "foreignKeys") : NULL;

  for (guint f = 0; f < json_array_get_length (fields); f++)
    {
      JsonObject *field = json_array_get_object_element (fields, f);
      const char *name = json_object_get_string_member (field, "name");
      const char *type = json_object_get_string_member_with_default (field, "type", "string");
      JsonObject *constraints = json_object_has_member (field, "constraints")
                                ? json_object_get_object_member (field, "constraints") : NULL;
      gboolean required = constraints != NULL &&
                          json_object_get_boolean_member_with_default (constraints, "required", FALSE);
      JsonArray *values = constraints != NULL && json_object_has_member (constraints, "enum")
                          ? json_object_get_array_member (constraints, "enum") : NULL;

      if (required && hcolumn (t, name) < 0)
        {
          problem (imp, t->file, 1, t->header->len + 1, "column %s is missing; HSDS requires it "
                   "in %s", name, t->file);
          continue;
        }
      if (hcolumn (t, name) < 0)
        continue;

      for (guint r = 0; r < t->rows->len; r++)
        {
          HRow *row = g_ptr_array_index (t->rows, r);
          const char *text = hget (t, row, name);

          if (text == NULL)
            {
              if (required)
                field_problem (imp, t, row, name, "%s is empty; HSDS requires it", name);
              continue;
            }
          if (!is_mapped_field (m, name))
            continue;

          if (strcmp (type, "number") == 0 && !is_number (text))
            field_problem (imp, t, row, name, "%s \"%s\" is not a number", name, text);
          else if (strcmp (type, "date") == 0 && !is_date (text))
            field_problem (imp, t, row, name, "%s \"%s\" is not a date (YYYY-MM-DD)", name, text);
          else if (strcmp (type, "time") == 0)
            {
              int minutes;
              gboolean exact;

              if (!parse_hsds_time (text, &minutes, &exact))
                field_problem (imp, t, row, name, "%s \"%s\" is not a time (HH:MM:SS)", name, text);
            }
          else if (values != NULL)
            check_enum (imp, t, row, name, text, values);
        }
    }

  for (guint k = 0; keys != NULL && k < json_array_get_length (keys); k++)
    {
      JsonObject *key = json_array_get_object_element (keys, k);
      const char *name = json_object_get_string_member (key, "fields");
      const char *target = json_object_get_string_member (json_object_get_object_member (key, "reference"),
                                                          "resource");
      HTable *other = g_hash_table_lookup (imp->by_resource, target);

      if (hcolumn (t, name) < 0)
        continue;

      for (guint r = 0; r < t->rows->len; r++)
        {
          HRow *row = g_ptr_array_index (t->rows, r);
          const char *ref = hget (t, row, name);

          if (ref == NULL || (other != NULL && g_hash_table_contains (other->by_id, ref)))
            continue;
          if (other == NULL)
            field_problem (imp, t, row, name, "%s \"%s\" refers to a %s, but the package has no "
                           "%s resource", name, ref, target, target);
          else
            field_problem (imp, t, row, name, "%s \"%s\" is not an id in %s; fix the reference "
                           "or add the %s", name, ref, other->file, target);
        }
    }
}

/* Reports the resources import does not read, and the fields it does not keep. */
static void
note_unread (Import *imp)
{
  for (guint i = 0; i < imp->tables->len; i++)
    {
      HTable *t = g_ptr_array_index (imp->tables, i);
      const Mapped *m = find_mapped (t->resource);

      if (m == NULL)
        {
          if (t->official != NULL)
            add_note (imp->notes, "%s: dropped all %u %s: Baken does not use the HSDS %s "
                      "resource", t->file, t->rows->len, t->rows->len == 1 ? "row" : "rows",
                      t->resource);
          else
            add_note (imp->notes, "%s: dropped all %u %s: %s is not an HSDS 3.0 resource",
                      t->file, t->rows->len, t->rows->len == 1 ? "row" : "rows", t->resource);
          continue;
        }

      for (guint c = 0; c < t->header->len; c++)
        {
          const char *name = g_ptr_array_index (t->header, c);
          gboolean official = FALSE;
          JsonArray *fields = official_fields (t->official);
          guint n = 0;

          if (is_mapped_field (m, name))
            continue;
          for (guint f = 0; f < json_array_get_length (fields); f++)
            if (strcmp (json_object_get_string_member (json_array_get_object_element (fields, f),
                                                       "name"), name) == 0)
              official = TRUE;
          for (guint r = 0; r < t->rows->len; r++)
            if (hget (t, g_ptr_array_index (t->rows, r), name) != NULL)
              n++;

          if (!official)
            add_note (imp->notes, "%s: column %s is not an HSDS field; not kept (%u %s a "
                      "value)", t->file, name, n, n == 1 ? "row has" : "rows have");
          else if (n > 0)
            add_note (imp->notes, "%s: field %s not kept: Baken has no place for it (%u %s a "
                      "value)", t->file, name, n, n == 1 ? "row has" : "rows have");
        }
    }
}

static HTable *
table_of (Import     *imp,
          const char *resource)
{
  return g_hash_table_lookup (imp->by_resource, resource);
}

static gboolean
is_kept (Import     *imp,
         const char *resource,
         const char *id)
{
  HTable *t = table_of (imp, resource);

  return id != NULL && t != NULL && g_hash_table_contains (t->kept, id);
}

static OutTable *
import_out (Import            *imp,
            const char        *file,
            const char        *resource,
            const char *const *columns)
{
  OutTable *t = out_table_new (file, resource, columns, NULL);

  g_ptr_array_add (imp->out, t);
  return t;
}

static void
import_add (Import     *imp,
            OutTable   *out,
            HTable     *t,
            HRow       *row,
            GHashTable *record)
{
  Origin origin = { t->file, row->line, t, row, 0 };

  out_table_add (out, record, &origin);
  g_hash_table_add (t->kept, g_strdup (hget (t, row, "id")));
  (void) imp;
}

static void
copy_hsds (GHashTable        *record,
           HTable            *t,
           HRow              *row,
           const char *const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    set (record, columns[i], hget (t, row, columns[i]));
}

static void
import_organizations (Import *imp)
{
  static const char *const columns[] = { "id", "name", "description", "alternate_name", "email",
                                         "website", NULL };
  OutTable *out = import_out (imp, "organizations.csv", "organization", columns);
  HTable *t = table_of (imp, "organization");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();

      copy_hsds (record, t, row, columns);
      import_add (imp, out, t, row, record);
    }
}

/* The address to name a location after: its physical address, or its first one. */
static HRow *
address_of (Import     *imp,
            const char *location_id)
{
  HTable *t = table_of (imp, "address");
  HRow *first = NULL;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);

      if (g_strcmp0 (hget (t, row, "location_id"), location_id) != 0)
        continue;
      if (g_strcmp0 (hget (t, row, "address_type"), "physical") == 0)
        return row;
      if (first == NULL)
        first = row;
    }

  return first;
}

static void
import_locations (Import *imp)
{
  static const char *const columns[] = { "id", "name", "organization_id", "description",
                                         "transportation", "latitude", "longitude",
                                         "location_type", NULL };
  OutTable *out = import_out (imp, "locations.csv", "location", columns);
  HTable *t = table_of (imp, "location");
  HTable *organizations = table_of (imp, "organization");
  HTable *addresses = table_of (imp, "address");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();
      const char *id = hget (t, row, "id");
      const char *organization_id = hget (t, row, "organization_id");

      copy_hsds (record, t, row, columns);
      if (hget (t, row, "name") == NULL)
        {
          HRow *address = address_of (imp, id);
          HRow *organization = organization_id != NULL
                               ? g_hash_table_lookup (organizations->by_id, organization_id) : NULL;
          const char *name = address != NULL ? hget (addresses, address, "address_1")
                             : organization != NULL ? hget (organizations, organization, "name")
                             : NULL;

          if (name == NULL)
            {
              dropped (imp, t, row, "location %s has no name, no address and no organisation "
                       "to name it after", id);
              continue;
            }
          set (record, "name", name);
          add_note (imp->notes, "%s:%u: location %s has no name; named it \"%s\" after its %s",
                    t->file, row->line, id, name, address != NULL ? "address" : "organisation");
        }
      import_add (imp, out, t, row, record);
    }
}

static void
import_addresses (Import *imp)
{
  static const char *const columns[] = { "id", "location_id", "address_1", "address_2",
                                         "postal_code", "city", "country", "address_type", NULL };
  OutTable *out = import_out (imp, "addresses.csv", "address", columns);
  HTable *t = table_of (imp, "address");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();
      const char *location_id = hget (t, row, "location_id");

      if (location_id == NULL)
        {
          dropped (imp, t, row, "address %s belongs to no location", hget (t, row, "id"));
          continue;
        }
      if (!is_kept (imp, "location", location_id))
        {
          dropped (imp, t, row, "address %s: its location %s was dropped", hget (t, row, "id"),
                   location_id);
          continue;
        }
      if (g_strcmp0 (hget (t, row, "address_type"), "virtual") == 0)
        {
          dropped (imp, t, row, "address %s is virtual; Baken shows street addresses",
                   hget (t, row, "id"));
          continue;
        }
      copy_hsds (record, t, row, columns);
      import_add (imp, out, t, row, record);
    }
}

static void
import_services (Import *imp)
{
  static const char *const columns[] = { "id", "organization_id", "name", "status",
                                         "alternate_name", "description", "url", "email",
                                         "application_process", "fees_description",
                                         "eligibility_description", "assured_date", "alert",
                                         NULL };
  static const char *const channel_columns[] = { "id", "service_id", "kind", "value", NULL };
  static const char *const kinds[][2] = { { "url", "website" }, { "email", "email" } };
  OutTable *out = import_out (imp, "services.csv", "service", columns);
  OutTable *channels = import_out (imp, "channels.csv", "channel", channel_columns);
  HTable *t = table_of (imp, "service");
  guint n_channels = 0;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();
      const char *id = hget (t, row, "id");

      copy_hsds (record, t, row, columns);

      /* A resident reaches a service through its channels: the url and the e-mail address
       * become a website and an e-mail channel. */
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autoptr(GHashTable) channel = record_new ();
          Origin origin = { t->file, row->line, t, row, 0 };

          if (hget (t, row, kinds[k][0]) == NULL)
            continue;
          set_take (channel, "id", g_strdup_printf ("%s-%s", id, kinds[k][1]));
          set (channel, "service_id", id);
          set (channel, "kind", kinds[k][1]);
          set (channel, "value", hget (t, row, kinds[k][0]));
          out_table_add (channels, channel, &origin);
          set (record, kinds[k][0], NULL);
          n_channels++;
        }

      import_add (imp, out, t, row, record);
    }

  if (n_channels > 0)
    add_note (imp->notes, "%s: the url and email of services became %u website and e-mail "
              "channels (channels.csv), so residents see them as ways to reach the service",
              t->file, n_channels);
}

static void
import_service_at_location (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "location_id", "description", NULL };
  OutTable *out = import_out (imp, "service_at_location.csv", "service_at_location", columns);
  HTable *t = table_of (imp, "service_at_location");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();

      if (!is_kept (imp, "location", hget (t, row, "location_id")))
        {
          dropped (imp, t, row, "%s: its location %s was dropped", hget (t, row, "id"),
                   hget (t, row, "location_id"));
          continue;
        }
      copy_hsds (record, t, row, columns);
      import_add (imp, out, t, row, record);
    }
}

static void
import_phones (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "location_id", "number", "type",
                                         "description", NULL };
  OutTable *out = import_out (imp, "phones.csv", "phone", columns);
  HTable *t = table_of (imp, "phone");
  HTable *sal = table_of (imp, "service_at_location");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();
      const char *service_id = hget (t, row, "service_id");
      const char *location_id = hget (t, row, "location_id");
      const char *sal_id = hget (t, row, "service_at_location_id");

      if (sal_id != NULL && is_kept (imp, "service_at_location", sal_id))
        {
          HRow *link = g_hash_table_lookup (sal->by_id, sal_id);

          if (service_id == NULL)
            service_id = hget (sal, link, "service_id");
          if (location_id == NULL)
            location_id = hget (sal, link, "location_id");
        }

      if (service_id == NULL)
        {
          dropped (imp, t, row, "phone %s is not tied to a service (Baken shows a phone with "
                   "the service it belongs to)", hget (t, row, "id"));
          continue;
        }

      copy_hsds (record, t, row, columns);
      set (record, "service_id", service_id);
      set (record, "location_id", is_kept (imp, "location", location_id) ? location_id : NULL);
      import_add (imp, out, t, row, record);
    }
}

/* The service at location of service_id at location_id, or NULL. */
static const char *
find_sal (Import     *imp,
          const char *service_id,
          const char *location_id)
{
  HTable *t = table_of (imp, "service_at_location");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);

      if (g_strcmp0 (hget (t, row, "service_id"), service_id) == 0 &&
          g_strcmp0 (hget (t, row, "location_id"), location_id) == 0 &&
          is_kept (imp, "service_at_location", hget (t, row, "id")))
        return hget (t, row, "id");
    }

  return NULL;
}

static void
import_schedules (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "service_at_location_id", "byday",
                                         "opens_at", "closes_at", "valid_from", "valid_to",
                                         "description", NULL };
  static const char *const restrictions[] = { "bymonthday", "byyearday", "byweekno", "count",
                                              NULL };
  OutTable *out = import_out (imp, "schedules.csv", "schedule", columns);
  HTable *t = table_of (imp, "schedule");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();
      const char *id = hget (t, row, "id");
      const char *freq = hget (t, row, "freq");
      const char *interval = hget (t, row, "interval");
      const char *service_id = hget (t, row, "service_id");
      const char *location_id = hget (t, row, "location_id");
      const char *sal_id = hget (t, row, "service_at_location_id");
      const char *opens_at = hget (t, row, "opens_at");
      const char *closes_at = hget (t, row, "closes_at");
      const char *restriction = NULL;
      g_autofree char *byday = g_ascii_strup (hget (t, row, "byday") != NULL
                                              ? hget (t, row, "byday") : "", -1);
      int opens, closes;
      gboolean exact_opens, exact_closes;
      guint mask;

      for (guint i = 0; restrictions[i] != NULL && restriction == NULL; i++)
        if (hget (t, row, restrictions[i]) != NULL)
          restriction = restrictions[i];

      g_strdelimit (byday, " ", ',');
      if (freq != NULL && strcmp (freq, "WEEKLY") != 0)
        {
          dropped (imp, t, row, "schedule %s: freq %s; Baken shows weekly hours only", id, freq);
          continue;
        }
      if (interval != NULL && g_ascii_strtod (interval, NULL) != 1.0)
        {
          dropped (imp, t, row, "schedule %s: interval %s (every %s weeks); Baken shows hours "
                   "that repeat every week", id, interval, interval);
          continue;
        }
      if (restriction != NULL)
        {
          dropped (imp, t, row, "schedule %s: limited by %s %s, which Baken cannot show", id,
                   restriction, hget (t, row, restriction));
          continue;
        }
      if (opens_at == NULL || closes_at == NULL)
        {
          dropped (imp, t, row, "schedule %s has no %s", id,
                   opens_at == NULL && closes_at == NULL ? "opens_at and closes_at"
                   : opens_at == NULL ? "opens_at" : "closes_at");
          continue;
        }
      if (*byday != '\0' && !baken_content_source_parse_byday (byday, &mask))
        {
          dropped (imp, t, row, "schedule %s: byday \"%s\" is not a list of week days (such "
                   "as MO,TU,FR)", id, hget (t, row, "byday"));
          continue;
        }
      if (!parse_hsds_time (opens_at, &opens, &exact_opens) ||
          !parse_hsds_time (closes_at, &closes, &exact_closes))
        g_assert_not_reached ();   /* checked with the types */
      if (!exact_opens || !exact_closes)
        {
          dropped (imp, t, row, "schedule %s: times to the second (%s–%s); Baken shows hours "
                   "and minutes", id, opens_at, closes_at);
          continue;
        }
      if (closes == 0)
        closes = BAKEN_MINUTES_PER_DAY;
      if (opens == closes)
        {
          dropped (imp, t, row, "schedule %s opens and closes at the same time", id);
          continue;
        }

      if (sal_id != NULL)
        {
          if (!is_kept (imp, "service_at_location", sal_id))
            {
              dropped (imp, t, row, "schedule %s: its service at location %s was dropped", id,
                       sal_id);
              continue;
            }
          service_id = NULL;
        }
      else if (service_id != NULL && location_id != NULL &&
               (sal_id = find_sal (imp, service_id, location_id)) != NULL)
        {
          service_id = NULL;
        }
      else if (service_id == NULL)
        {
          dropped (imp, t, row, "schedule %s is for a location only; Baken keeps hours per "
                   "service, or per service at a location", id);
          continue;
        }
      else if (location_id != NULL)
        {
          add_note (imp->notes, "%s:%u: schedule %s: service %s is not at location %s in "
                    "service_at_location.csv; kept as hours of the service", t->file,
                    row->line, id, service_id, location_id);
        }

      set (record, "id", id);
      set (record, "service_id", service_id);
      set (record, "service_at_location_id", sal_id);
      set (record, "byday", byday);
      set_take (record, "opens_at", format_minutes (opens, FALSE));
      set_take (record, "closes_at", format_minutes (closes, FALSE));
      set (record, "valid_from", hget (t, row, "valid_from") != NULL ? hget (t, row, "valid_from")
                                                                     : hget (t, row, "dtstart"));
      set (record, "valid_to", hget (t, row, "valid_to") != NULL ? hget (t, row, "valid_to")
                                                                 : hget (t, row, "until"));
      set (record, "description", hget (t, row, "description"));
      import_add (imp, out, t, row, record);
    }
}

static void
import_required_documents (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "document", NULL };
  OutTable *out = import_out (imp, "required_documents.csv", "required_document", columns);
  HTable *t = table_of (imp, "required_document");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();

      if (hget (t, row, "service_id") == NULL || hget (t, row, "document") == NULL)
        {
          dropped (imp, t, row, "required document %s has no %s", hget (t, row, "id"),
                   hget (t, row, "service_id") == NULL ? "service_id" : "document");
          continue;
        }
      copy_hsds (record, t, row, columns);
      import_add (imp, out, t, row, record);
    }
}

static void
import_languages (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "code", "name", "note", NULL };
  OutTable *out = import_out (imp, "languages.csv", "language", columns);
  HTable *t = table_of (imp, "language");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();
      const char *code = hget (t, row, "code");
      g_autofree char *lower = NULL;
      char *dash;

      if (hget (t, row, "service_id") == NULL)
        {
          dropped (imp, t, row, "language %s is for a location or phone; Baken keeps the "
                   "languages of a service", hget (t, row, "id"));
          continue;
        }
      if (code == NULL)
        {
          dropped (imp, t, row, "language %s has no code", hget (t, row, "id"));
          continue;
        }
      lower = g_ascii_strdown (code, -1);
      dash = strpbrk (lower, "-_");
      if (dash != NULL)
        *dash = '\0';
      copy_hsds (record, t, row, columns);
      set (record, "code", lower);
      import_add (imp, out, t, row, record);
    }
}

static void
import_accessibility (Import *imp)
{
  static const char *const columns[] = { "id", "location_id", "description", "details", NULL };
  OutTable *out = import_out (imp, "accessibility.csv", "accessibility", columns);
  HTable *t = table_of (imp, "accessibility");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = record_new ();
      const char *location_id = hget (t, row, "location_id");

      if (!is_kept (imp, "location", location_id))
        {
          dropped (imp, t, row, "accessibility %s %s", hget (t, row, "id"),
                   location_id == NULL ? "belongs to no location" : "belongs to a dropped location");
          continue;
        }
      copy_hsds (record, t, row, columns);
      if (hget (t, row, "description") == NULL)
        {
          if (hget (t, row, "details") == NULL)
            {
              dropped (imp, t, row, "accessibility %s has no description", hget (t, row, "id"));
              continue;
            }
          set (record, "description", hget (t, row, "details"));
          set (record, "details", NULL);
        }
      import_add (imp, out, t, row, record);
    }
}

static void
import_life_event (Import *imp)
{
  static const char *const event_columns[] = { "id", "parent_id", "position", "icon", "title",
                                               "summary", "question", "body", NULL };
  static const char *const link_columns[] = { "life_event_id", "service_id", "position",
                                              "note", NULL };
  OutTable *events = import_out (imp, "life_events.csv", "life_event", event_columns);
  OutTable *links = import_out (imp, "life_event_services.csv", "life_event_service", link_columns);
  g_autoptr(GHashTable) event = record_new ();
  HTable *t = table_of (imp, "service");
  guint position = 0;

  /* HSDS has no menu: the editor builds the real one from this. */
  set (event, "id", ALL_EVENT_ID);
  set (event, "position", "1");
  set (event, "icon", ALL_EVENT_ICON);
  set (event, "title", "Alle diensten");
  set (event, "summary", "Alle hulp en diensten op een rij.");
  out_table_add (events, event, NULL);

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) link = record_new ();

      if (!is_kept (imp, "service", hget (t, row, "id")))
        continue;
      set (link, "life_event_id", ALL_EVENT_ID);
      set (link, "service_id", hget (t, row, "id"));
      set_take (link, "position", g_strdup_printf ("%u", ++position));
      out_table_add (links, link, NULL);
    }

}

/* The most common value of field in the kept rows of table, or NULL. */
static const char *
most_common (Import     *imp,
             const char *resource,
             const char *field)
{
  HTable *t = table_of (imp, resource);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      const char *text = hget (t, row, field);
      guint n;

      if (text == NULL || !g_hash_table_contains (t->kept, hget (t, row, "id")))
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, text)) + 1;
      g_hash_table_insert (counts, (gpointer) text, GUINT_TO_POINTER (n));
      if (n > best_count)
        {
          best = text;
          best_count = n;
        }
    }

  return best;
}

static JsonNode *
import_datapackage (Import *imp)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  HTable *organizations = table_of (imp, "organization");
  const char *publisher = imp->publisher != NULL ? imp->publisher : imp->title;
  const char *region = most_common (imp, "address", "state_province");

  if (publisher == NULL && organizations != NULL && organizations->rows->len > 0)
    publisher = hget (organizations, g_ptr_array_index (organizations->rows, 0), "name");
  if (publisher == NULL)
    publisher = "Onbekend";
  if (region == NULL)
    region = most_common (imp, "address", "city");
  if (region == NULL)
    region = "Onbekend";
  add_note (imp->notes, "datapackage.json: baken.publisher of the content source is \"%s\" "
            "and baken.region \"%s\"; check them", publisher, region);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "hsds-import");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, imp->title != NULL ? imp->title : "Imported from HSDS");
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, "tabular-data-package");
  json_builder_set_member_name (builder, "baken");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, BAKEN_SOURCE_FORMAT);
  json_builder_set_member_name (builder, "publisher");
  json_builder_add_string_value (builder, publisher);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, region);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < imp->out->len; i++)
    {
      OutTable *t = g_ptr_array_index (imp->out, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, t->resource);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, t->file);
      json_builder_set_member_name (builder, "profile");
      json_builder_add_string_value (builder, "tabular-data-resource");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Turns a problem of the written source ("FILE:LINE:COLUMN: MESSAGE") into one at the
 * HSDS record it came from. */
static char *
map_back (Import     *imp,
          const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 4);
  OutTable *out = NULL;
  const Origin *origin = NULL;
  guint64 line, column;
  const char *message;

  if (g_strv_length (parts) < 4 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &line, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, G_MAXUINT, &column, NULL))
    return g_strdup_printf ("(imported source) %s", text);
  message = parts[3][0] == ' ' ? parts[3] + 1 : parts[3];

  for (guint i = 0; i < imp->out->len; i++)
    if (strcmp (((OutTable *) g_ptr_array_index (imp->out, i))->file, parts[0]) == 0)
      out = g_ptr_array_index (imp->out, i);
  for (guint i = 0; out != NULL && i < out->origins->len; i++)
    if (g_array_index (out->origins, Origin, i).out_line <= line)
      origin = &g_array_index (out->origins, Origin, i);

  if (origin != NULL)
    {
      HTable *t = origin->table;
      HRow *row = origin->row;
      const char *name = column <= out->columns->len ? g_ptr_array_index (out->columns, column - 1) : "";
      guint hsds_line, hsds_column;

      if (hcolumn (t, name) >= 0)
        hposition (t, row, name, &hsds_line, &hsds_column);
      else
        {
          hsds_line = row->line;
          hsds_column = 1;
        }
      return g_strdup_printf ("%s:%u:%u: %s (Baken cannot take this value)", t->file,
                              hsds_line, hsds_column, message);
    }

  return g_strdup_printf ("(imported %s):%s:%s: %s", parts[0], parts[1], parts[2], message);
}

gboolean
baken_hsds_import (const char  *path,
                   const char  *out_dir,
                   GPtrArray   *notes,
                   GPtrArray   *problems,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) official = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func ((GDestroyNotify) htable_free);
  g_autoptr(GHashTable) by_resource = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) own_problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) out_table_free);
  g_autoptr(GPtrArray) own_notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) icon = NULL;
  g_autoptr(BakenContentSource) check = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *icons_dir = NULL;
  g_autofree char *title = NULL;
  g_autofree char *publisher = NULL;
  GPtrArray *check_problems;
  Import imp = { 0, };
  gsize icon_size;
  const char *icon_data;

  g_return_val_if_fail (path != NULL && out_dir != NULL, FALSE);

  official = load_official (&parser);
  imp.path = path;
  imp.official = official;
  imp.tables = tables;
  imp.by_resource = by_resource;
  imp.notes = notes != NULL ? notes : own_notes;
  imp.problems = own_problems;
  imp.out = out;

  if (!read_package (&imp, error))
    return FALSE;
  title = imp.title;
  publisher = imp.publisher;

  for (guint i = 0; i < tables->len; i++)
    {
      HTable *t = g_ptr_array_index (tables, i);

      if (find_mapped (t->resource) != NULL)
        check_table (&imp, t);
    }
  if (table_of (&imp, "organization") == NULL || table_of (&imp, "service") == NULL)
    problem (&imp, "datapackage.json", 1, 1, "the package has no %s resource; Baken needs "
             "organizations and services", table_of (&imp, "organization") == NULL
             ? "organization" : "service");

  if (own_problems->len > 0)
    goto failed;

  if (!check_out_dir (out_dir, error))
    return FALSE;

  note_unread (&imp);
  import_organizations (&imp);
  import_locations (&imp);
  import_addresses (&imp);
  import_services (&imp);
  import_service_at_location (&imp);
  import_phones (&imp);
  import_schedules (&imp);
  import_required_documents (&imp);
  import_languages (&imp);
  import_accessibility (&imp);
  import_life_event (&imp);
  root = import_datapackage (&imp);

  tmp_dir = make_tmp_dir (out_dir, error);
  if (tmp_dir == NULL)
    return FALSE;

  icons_dir = g_build_filename (tmp_dir, "icons", NULL);
  icon = g_resources_lookup_data (ICON_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (icon != NULL);
  icon_data = g_bytes_get_data (icon, &icon_size);
  if (g_mkdir (icons_dir, 0755) != 0 ||
      !write_file (icons_dir, ALL_EVENT_ICON ".svg", icon_data, icon_size, error) ||
      !write_tables (tmp_dir, out, error) ||
      !write_json (tmp_dir, root, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
                     "cannot create %s", icons_dir);
      remove_tree (tmp_dir);
      return FALSE;
    }

  /* What the build would refuse fails the import. */
  check = baken_content_source_load (tmp_dir, NULL);
  check_problems = check != NULL ? baken_content_source_get_problems (check) : NULL;
  /* Those at an HSDS record first, then those in what import made itself. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; check_problems != NULL && i < check_problems->len; i++)
      {
        g_autofree char *mapped_problem = map_back (&imp, g_ptr_array_index (check_problems, i));

        if ((mapped_problem[0] != '(') == (pass == 0))
          g_ptr_array_add (own_problems, g_steal_pointer (&mapped_problem));
      }
  if (check == NULL || own_problems->len > 0)
    {
      remove_tree (tmp_dir);
      if (check == NULL)
        {
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_WRITE,
                       "cannot read back %s", tmp_dir);
          return FALSE;
        }
      goto failed;
    }

  if (!move_into_place (tmp_dir, out_dir, error))
    {
      remove_tree (tmp_dir);
      return FALSE;
    }

  return TRUE;

failed:
  for (guint i = 0; problems != NULL && i < own_problems->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (own_problems, i)));
  g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE,
               "the HSDS package has %u %s; nothing was written", own_problems->len,
               own_problems->len == 1 ? "problem" : "problems");
  return FALSE;
}
