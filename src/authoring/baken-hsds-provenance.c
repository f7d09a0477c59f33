/* baken-hsds-provenance.c: what the last import wrote, for the next one (--into)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-provenance.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-file.h"
#include "baken-hsds-out-dir.h"
#include "baken-json.h"

typedef struct
{
  GPtrArray  *columns;    /* (element-type utf8) */
  GHashTable *rows;       /* id → hash */
} Written;

struct _BakenHsdsProvenance
{
  GHashTable *tables;     /* file → Written */
  GHashTable *kept;       /* file → RawTable of rows kept for the next import */
};

static void
written_free (Written *w)
{
  g_ptr_array_unref (w->columns);
  g_hash_table_unref (w->rows);
  g_free (w);
}

static Written *
written_new (void)
{
  Written *w = g_new0 (Written, 1);

  w->columns = g_ptr_array_new_with_free_func (g_free);
  w->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return w;
}

BakenHsdsProvenance *
baken_hsds_provenance_new (void)
{
  BakenHsdsProvenance *self = g_new0 (BakenHsdsProvenance, 1);

  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) written_free);
  self->kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) baken_raw_table_free);
  return self;
}

void
baken_hsds_provenance_free (BakenHsdsProvenance *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->tables);
  g_hash_table_unref (self->kept);
  g_free (self);
}

/* SHA-1 of the values of columns in row of t ("" for a column t does not have). */
static char *
hash_row (RawTable  *t,
          guint      row,
          GPtrArray *columns)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

  for (guint c = 0; c < columns->len; c++)
    {
      const char *value = baken_raw_table_get (t, row, g_ptr_array_index (columns, c));

      g_checksum_update (checksum, (const guchar *) (value != NULL ? value : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

void
baken_hsds_provenance_add (BakenHsdsProvenance *self,
                           RawTable            *t)
{
  Written *w;

  if (baken_raw_table_column (t, "id") < 0)
    return;

  w = written_new ();
  for (guint c = 0; c < t->header->len; c++)
    g_ptr_array_add (w->columns, g_strdup (g_ptr_array_index (t->header, c)));
  for (guint r = 0; r < t->rows->len; r++)
    if (baken_raw_table_get (t, r, "id") != NULL)
      g_hash_table_insert (w->rows, g_strdup (baken_raw_table_get (t, r, "id")),
                           hash_row (t, r, w->columns));
  g_hash_table_insert (self->tables, g_strdup (t->file), w);
}

/* "kept": { FILE: { "columns": […], "rows": [[…], …] } } */
static gboolean
read_kept (BakenHsdsProvenance *self,
           JsonNode            *kept)
{
  g_autoptr(GList) files = NULL;

  if (kept == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (kept))
    return FALSE;
  files = json_object_get_members (json_node_get_object (kept));
  for (GList *l = files; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (json_node_get_object (kept), l->data);
      JsonObject *table = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *columns = table != NULL ? json_object_get_member (table, "columns") : NULL;
      JsonNode *rows = table != NULL ? json_object_get_member (table, "rows") : NULL;
      g_autoptr(GPtrArray) header = g_ptr_array_new ();
      RawTable *t;

      if (columns == NULL || !JSON_NODE_HOLDS_ARRAY (columns) ||
          rows == NULL || !JSON_NODE_HOLDS_ARRAY (rows))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (columns)); i++)
        {
          const char *name = json_array_get_string_element (json_node_get_array (columns), i);

          if (name == NULL)
            return FALSE;
          g_ptr_array_add (header, (gpointer) name);
        }
      t = baken_raw_table_new (l->data, header);
      g_hash_table_insert (self->kept, g_strdup (l->data), t);
      for (guint r = 0; r < json_array_get_length (json_node_get_array (rows)); r++)
        {
          JsonNode *row = json_array_get_element (json_node_get_array (rows), r);
          g_autoptr(GPtrArray) fields = g_ptr_array_new ();

          if (!JSON_NODE_HOLDS_ARRAY (row) ||
              json_array_get_length (json_node_get_array (row)) != header->len)
            return FALSE;
          for (guint c = 0; c < header->len; c++)
            {
              const char *value = json_array_get_string_element (json_node_get_array (row), c);

              if (value == NULL)
                return FALSE;
              g_ptr_array_add (fields, (gpointer) value);
            }
          baken_raw_table_add (t, (const char *const *) fields->pdata, 0);
        }
    }

  return TRUE;
}

BakenHsdsProvenance *
baken_hsds_provenance_load (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, BAKEN_HSDS_PROVENANCE_FILE, NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(BakenHsdsProvenance) self = NULL;
  JsonNode *root, *tables;
  gsize length;

  if (!baken_file_read (path, BAKEN_FILE_MAX_JSON, &text, &length, NULL) ||
      (parser = baken_json_parse (BAKEN_HSDS_PROVENANCE_FILE, text, length, NULL)) == NULL)
    return NULL;
  root = json_parser_get_root (parser);
  tables = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
           ? json_object_get_member (json_node_get_object (root), "tables") : NULL;
  if (tables == NULL || !JSON_NODE_HOLDS_OBJECT (tables))
    return NULL;

  self = baken_hsds_provenance_new ();
  {
    g_autoptr(GList) files = json_object_get_members (json_node_get_object (tables));

    for (GList *l = files; l != NULL; l = l->next)
      {
        JsonNode *node = json_object_get_member (json_node_get_object (tables), l->data);
        JsonObject *table = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
        JsonNode *columns = table != NULL ? json_object_get_member (table, "columns") : NULL;
        JsonNode *rows = table != NULL ? json_object_get_member (table, "rows") : NULL;
        g_autoptr(GList) ids = NULL;
        Written *w;

        if (columns == NULL || !JSON_NODE_HOLDS_ARRAY (columns) ||
            rows == NULL || !JSON_NODE_HOLDS_OBJECT (rows))
          return NULL;
        w = written_new ();
        g_hash_table_insert (self->tables, g_strdup (l->data), w);
        for (guint i = 0; i < json_array_get_length (json_node_get_array (columns)); i++)
          {
            JsonNode *name = json_array_get_element (json_node_get_array (columns), i);

            if (!JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
              return NULL;
            g_ptr_array_add (w->columns, g_strdup (json_node_get_string (name)));
          }
        ids = json_object_get_members (json_node_get_object (rows));
        for (GList *i = ids; i != NULL; i = i->next)
          {
            JsonNode *hash = json_object_get_member (json_node_get_object (rows), i->data);

            if (!JSON_NODE_HOLDS_VALUE (hash) || json_node_get_value_type (hash) != G_TYPE_STRING)
              return NULL;
            g_hash_table_insert (w->rows, g_strdup (i->data), g_strdup (json_node_get_string (hash)));
          }
      }
  }

  if (!read_kept (self, json_object_get_member (json_node_get_object (root), "kept")))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
baken_hsds_provenance_write (BakenHsdsProvenance  *self,
                             const char           *dir,
                             GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) files = g_list_sort (g_hash_table_get_keys (self->tables),
                                        (GCompareFunc) strcmp);
  g_autofree char *text = NULL;
  g_autofree char *with_newline = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, "What baken-bundle import-hsds wrote, for the next "
                                          "import with --into. Do not edit.");
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (GList *l = files; l != NULL; l = l->next)
    {
      Written *w = g_hash_table_lookup (self->tables, l->data);
      g_autoptr(GList) ids = g_list_sort (g_hash_table_get_keys (w->rows), (GCompareFunc) strcmp);

      json_builder_set_member_name (builder, l->data);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);
      for (guint c = 0; c < w->columns->len; c++)
        json_builder_add_string_value (builder, g_ptr_array_index (w->columns, c));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_object (builder);
      for (GList *i = ids; i != NULL; i = i->next)
        {
          json_builder_set_member_name (builder, i->data);
          json_builder_add_string_value (builder, g_hash_table_lookup (w->rows, i->data));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "kept");
  json_builder_begin_object (builder);
  {
    g_autoptr(GList) kept = g_list_sort (g_hash_table_get_keys (self->kept),
                                         (GCompareFunc) strcmp);

    for (GList *l = kept; l != NULL; l = l->next)
      {
        RawTable *t = g_hash_table_lookup (self->kept, l->data);

        json_builder_set_member_name (builder, l->data);
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "columns");
        json_builder_begin_array (builder);
        for (guint c = 0; c < t->header->len; c++)
          json_builder_add_string_value (builder, g_ptr_array_index (t->header, c));
        json_builder_end_array (builder);
        json_builder_set_member_name (builder, "rows");
        json_builder_begin_array (builder);
        for (guint r = 0; r < t->rows->len; r++)
          {
            json_builder_begin_array (builder);
            for (guint c = 0; c < t->header->len; c++)
              json_builder_add_string_value (builder,
                                             ((char **) g_ptr_array_index (t->rows, r))[c]);
            json_builder_end_array (builder);
          }
        json_builder_end_array (builder);
        json_builder_end_object (builder);
      }
  }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  with_newline = g_strconcat (text, "\n", NULL);
  return baken_hsds_write_file (dir, BAKEN_HSDS_PROVENANCE_FILE, with_newline,
                                strlen (with_newline), error);
}

gboolean
baken_hsds_provenance_has (BakenHsdsProvenance *self,
                           const char          *file,
                           const char          *id)
{
  Written *w = g_hash_table_lookup (self->tables, file);

  return w != NULL && id != NULL && g_hash_table_contains (w->rows, id);
}

gboolean
baken_hsds_provenance_same (BakenHsdsProvenance *self,
                            RawTable            *t,
                            guint                row)
{
  Written *w = g_hash_table_lookup (self->tables, t->file);
  const char *id = baken_raw_table_get (t, row, "id");
  const char *written = w != NULL && id != NULL ? g_hash_table_lookup (w->rows, id) : NULL;
  g_autofree char *now = NULL;

  if (written == NULL)
    return FALSE;
  now = hash_row (t, row, w->columns);
  return strcmp (now, written) == 0;
}

void
baken_hsds_provenance_keep_row (BakenHsdsProvenance *self,
                                RawTable            *t,
                                guint                row)
{
  RawTable *kept = g_hash_table_lookup (self->kept, t->file);

  if (kept == NULL)
    {
      kept = baken_raw_table_new (t->file, t->header);
      g_hash_table_insert (self->kept, g_strdup (t->file), kept);
    }
  baken_raw_table_add (kept, (const char *const *) g_ptr_array_index (t->rows, row), 0);
}

RawTable *
baken_hsds_provenance_get_kept (BakenHsdsProvenance *self,
                                const char          *file)
{
  return g_hash_table_lookup (self->kept, file);
}
