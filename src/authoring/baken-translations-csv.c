/* baken-translations-csv.c: writing translations into translations.csv, touching only
 * the rows that change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read as bytes and as CSV records with their byte spans: a record that does
 * not change is copied byte for byte, so a round trip that changes nothing gives the
 * same file and a review shows only the rows that changed.
 */
#define G_LOG_DOMAIN "baken-translations"

#include "config.h"

#include "baken-translations-csv.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "baken-content.h"
#include "baken-csv.h"
#include "baken-file.h"
#include "baken-json.h"

#define HASH_COLUMN "source_hash"

static const char * const new_header[] = { "table", "id", "field", "lang", "text",
                                           HASH_COLUMN, NULL };

typedef struct
{
  gsize      start;
  gsize      end;         /* after the line end */
  GStrv      fields;      /* (owned) */
  char      *rewrite;     /* (owned) (nullable) the record written anew, without line end */
  GPtrArray *after;       /* (owned) new records to write after this one, without line end */
} Record;

static void
record_free (Record *record)
{
  g_strfreev (record->fields);
  g_free (record->rewrite);
  g_ptr_array_unref (record->after);
  g_free (record);
}

/* One field, in quotes when it holds a comma, a quote or a line break. */
static void
append_field (GString    *out,
              const char *field,
              const char *eol)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "\"\"");
      else if (*p == '\n')
        g_string_append (out, eol);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
join_fields (const char * const *fields,
             const char         *eol)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i], eol);
    }

  return g_string_free (out, FALSE);
}

static int
column_of (Record     *header,
           const char *name)
{
  for (guint i = 0; header->fields[i] != NULL; i++)
    if (strcmp (header->fields[i], name) == 0)
      return i;

  return -1;
}

/* Lists translations.csv in datapackage.json (which is written anew, indented by 2). */
static gboolean
add_resource (const char  *src_dir,
              GError     **error)
{
  g_autofree char *path = g_build_filename (src_dir, "datapackage.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *with_newline = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *resource, *package;
  JsonNode *root, *resources;
  gsize length;

  if (!baken_file_read (path, BAKEN_FILE_MAX_JSON, &text, &length, error) ||
      !json_parser_load_from_data (parser, text, (gssize) length, error))
    return FALSE;

  root = json_parser_get_root (parser);
  package = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  resources = package != NULL ? json_object_get_member (package, "resources") : NULL;
  if (resources == NULL || !JSON_NODE_HOLDS_ARRAY (resources))
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                   "%s has no \"resources\" list", path);
      return FALSE;
    }

  resource = json_object_new ();
  json_object_set_string_member (resource, "name", "translation");
  json_object_set_string_member (resource, "path", "translations.csv");
  json_object_set_string_member (resource, "profile", "tabular-data-resource");
  json_array_add_object_element (json_node_get_array (resources), resource);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json = json_generator_to_data (generator, &length);
  with_newline = g_strconcat (json, "\n", NULL);

  return g_file_set_contents (path, with_newline, -1, error);
}

/* A new translations.csv with the updates, in their order. */
static gboolean
create (const char  *src_dir,
        const char  *path,
        GPtrArray   *updates,
        GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *header = join_fields (new_header, "\n");

  g_string_append_printf (out, "%s\n", header);
  for (guint i = 0; i < updates->len; i++)
    {
      const BakenTranslationUpdate *u = g_ptr_array_index (updates, i);
      const char *fields[] = { u->table, u->id, u->field, u->lang, u->text,
                               u->source_hash != NULL ? u->source_hash : "", NULL };
      g_autofree char *line = join_fields (fields, "\n");

      g_string_append_printf (out, "%s\n", line);
    }

  return g_file_set_contents (path, out->str, out->len, error) && add_resource (src_dir, error);
}

/* Reads every record of the file with its span. */
static GPtrArray *
read_records (const char  *path,
              GBytes      *bytes,
              GError     **error)
{
  g_autoptr(BakenCsvReader) reader = baken_csv_reader_new (bytes);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  g_autoptr(GError) local_error = NULL;
  BakenCsvRead read;

  while ((read = baken_csv_reader_read (reader, &local_error)) != BAKEN_CSV_READ_END)
    {
      Record *record;
      GStrvBuilder *fields;

      if (read == BAKEN_CSV_READ_ERROR)
        {
          guint line, column;

          baken_csv_reader_get_error_position (reader, &line, &column);
          g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                       "%s:%u:%u: %s; fix it first", path, line, column, local_error->message);
          return NULL;
        }

      record = g_new0 (Record, 1);
      baken_csv_reader_get_record_span (reader, &record->start, &record->end);
      fields = g_strv_builder_new ();
      for (guint i = 0; i < baken_csv_reader_get_n_fields (reader); i++)
        g_strv_builder_add (fields, baken_csv_reader_get_field (reader, i));
      record->fields = g_strv_builder_end (fields);
      g_strv_builder_unref (fields);
      record->after = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (records, record);
    }

  if (records->len == 0)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                   "%s has no header row; give it the header %s", path,
                   "table,id,field,lang,text," HASH_COLUMN);
      return NULL;
    }

  return g_steal_pointer (&records);
}

static gboolean
field_is (Record     *record,
          int         column,
          const char *text)
{
  return column >= 0 && g_strcmp0 (record->fields[column], text) == 0;
}

/* Where a new row goes: after the last row of the same record and language, else of the
 * same table and language, else of the same language; NULL: at the end. */
static Record *
find_anchor (GPtrArray                    *records,
             const int                    *cols,
             const BakenTranslationUpdate *u)
{
  Record *same_table = NULL, *same_lang = NULL;

  for (guint i = records->len - 1; i > 0; i--)
    {
      Record *r = g_ptr_array_index (records, i);

      if (!field_is (r, cols[3], u->lang))
        continue;
      if (field_is (r, cols[0], u->table) && field_is (r, cols[1], u->id))
        return r;
      if (same_table == NULL && field_is (r, cols[0], u->table))
        same_table = r;
      if (same_lang == NULL)
        same_lang = r;
    }

  return same_table != NULL ? same_table : same_lang;
}

/* The record's bytes without its line end, and the line end it had. */
static void
split_line_end (const char  *data,
                Record      *record,
                gsize       *text_end,
                const char **eol)
{
  gsize end = record->end;

  *eol = "";
  if (end > record->start && data[end - 1] == '\n')
    {
      end--;
      *eol = "\n";
      if (end > record->start && data[end - 1] == '\r')
        {
          end--;
          *eol = "\r\n";
        }
    }
  *text_end = end;
}

gboolean
baken_translations_csv_update (const char  *src_dir,
                               GPtrArray   *updates,
                               GError     **error)
{
  g_autofree char *path = g_build_filename (src_dir, "translations.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) out = NULL;
  Record *header;
  const char *eol;
  gsize length, text_end;
  int cols[6];
  gboolean add_hash;

  g_return_val_if_fail (src_dir != NULL && updates != NULL, FALSE);

  if (updates->len == 0)
    return TRUE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return create (src_dir, path, updates, error);

  if (!baken_file_read (path, BAKEN_FILE_MAX_TABLE, &data, &length, error))
    return FALSE;
  bytes = g_bytes_new_static (data, length);
  if ((records = read_records (path, bytes, error)) == NULL)
    return FALSE;

  header = g_ptr_array_index (records, 0);
  for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
    cols[c] = column_of (header, new_header[c]);
  for (guint c = 0; c < 5; c++)
    if (cols[c] < 0)
      {
        g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                     "%s has no column \"%s\"; fix it first", path, new_header[c]);
        return FALSE;
      }
  split_line_end (data, header, &text_end, &eol);
  if (*eol == '\0')
    eol = "\n";

  /* A file from before source hashes gets the column at the end. */
  add_hash = cols[5] < 0;
  if (add_hash)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **) header->fields);
      g_strv_builder_add (builder, HASH_COLUMN);
      g_strfreev (header->fields);
      header->fields = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      cols[5] = g_strv_length (header->fields) - 1;
      header->rewrite = join_fields ((const char * const *) header->fields, eol);
    }

  for (guint i = 1; i < records->len; i++)
    {
      Record *r = g_ptr_array_index (records, i);

      g_hash_table_insert (by_key, g_strjoin ("\t", r->fields[cols[0]], r->fields[cols[1]],
                                              r->fields[cols[2]], r->fields[cols[3]], NULL), r);
    }

  for (guint i = 0; i < updates->len; i++)
    {
      const BakenTranslationUpdate *u = g_ptr_array_index (updates, i);
      g_autofree char *key = g_strjoin ("\t", u->table, u->id, u->field, u->lang, NULL);
      Record *r = g_hash_table_lookup (by_key, key);
      guint n = g_strv_length (header->fields);
      g_autofree const char **fields = g_new0 (const char *, n + 1);

      for (guint c = 0; c < n; c++)
        fields[c] = r != NULL && r->fields[c] != NULL ? r->fields[c] : "";
      fields[cols[0]] = u->table;
      fields[cols[1]] = u->id;
      fields[cols[2]] = u->field;
      fields[cols[3]] = u->lang;
      fields[cols[4]] = u->text;
      fields[cols[5]] = u->source_hash != NULL ? u->source_hash : "";

      if (r != NULL)
        {
          g_free (r->rewrite);
          r->rewrite = join_fields (fields, eol);
        }
      else
        {
          Record *anchor = find_anchor (records, cols, u);

          if (anchor == NULL)
            anchor = g_ptr_array_index (records, records->len - 1);
          g_ptr_array_add (anchor->after, join_fields (fields, eol));
        }
    }

  /* The file again: unchanged records byte for byte (with an empty source_hash field
   * added when the column is new), and what lies between them. */
  out = g_string_sized_new (length + 1024);
  g_string_append_len (out, data, header->start);
  for (guint i = 0; i < records->len; i++)
    {
      Record *r = g_ptr_array_index (records, i);
      gsize next = i + 1 < records->len ? ((Record *) g_ptr_array_index (records, i + 1))->start
                                        : length;
      const char *own_eol;

      split_line_end (data, r, &text_end, &own_eol);
      if (r->rewrite != NULL)
        g_string_append (out, r->rewrite);
      else
        {
          g_string_append_len (out, data + r->start, text_end - r->start);
          if (add_hash)
            g_string_append_c (out, ',');
        }
      /* The last record may have no line end; rows after it need one. */
      g_string_append (out, *own_eol != '\0' ? own_eol : r->after->len > 0 ? eol : "");
      for (guint a = 0; a < r->after->len; a++)
        g_string_append_printf (out, "%s%s", (const char *) g_ptr_array_index (r->after, a), eol);
      g_string_append_len (out, data + r->end, next - r->end);
    }

  return g_file_set_contents (path, out->str, out->len, error);
}
