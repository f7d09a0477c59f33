/* baken-hsds-import-json.c: read HSDS 3.0 JSON into the tables of an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each document is parsed with its positions (baken-hsds-json-doc.c). The objects are walked
 * by the JSON Schemas of HSDS (baken-hsds-json-schema.c): a member that is a list of
 * phones gives phone records, one that is an organization an organization record. Every
 * record is kept as text fields, as a CSV row would be, and the tables are made at the
 * end, when every member of every record is known.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-json.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-hsds-json-doc.h"
#include "baken-hsds-json-schema.h"
#include "baken-hsds-notes.h"

/* Objects that many records name, and so appear many times in an API's answers. */
static const char *const shared_resources[] = {
  "organization", "location", "taxonomy_term", "taxonomy", "program", NULL
};

typedef BakenJsonPos Pos;

/* A record read, before its table exists. */
typedef struct
{
  const char *file;       /* interned in imp->strings */
  Pos         at;
  GPtrArray  *names;      /* (element-type utf8) */
  GPtrArray  *values;     /* (element-type utf8) */
  GArray     *positions;  /* of Pos, 0:0 for a value import filled in */
} Record;

struct _BakenHsdsJson
{
  Import               *imp;
  BakenHsdsJsonSchemas *schemas;
  GHashTable           *records;    /* resource → GPtrArray of Record */
  GPtrArray            *order;      /* resources in the order first seen */
  GHashTable           *seen;       /* "resource\tid" of shared records */
  GHashTable           *unknown;    /* "resource\tmember" of non-scalar unknowns noted */
};

static void
record_free (Record *r)
{
  g_ptr_array_unref (r->names);
  g_ptr_array_unref (r->values);
  g_array_unref (r->positions);
  g_free (r);
}

/* Records */

static void
add_field (Record     *r,
           const char *name,
           char       *value,
           Pos         pos)
{
  g_ptr_array_add (r->names, g_strdup (name));
  g_ptr_array_add (r->values, value);
  g_array_append_val (r->positions, pos);
}

static const char *
field (Record     *r,
       const char *name)
{
  for (guint i = 0; i < r->names->len; i++)
    if (strcmp (g_ptr_array_index (r->names, i), name) == 0)
      return g_ptr_array_index (r->values, i);

  return NULL;
}

/* A value as CSV would hold it; NULL for an array or object. */
static char *
scalar_text (JsonNode *node)
{
  GType type;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  {
    char buffer[G_ASCII_DTOSTR_BUF_SIZE];

    /* 15 digits: 5.12 stays 5.12. */
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g",
                                      json_node_get_double (node)));
  }
}

static void warn (BakenHsdsJson *self,
                  const char    *file,
                  Pos            pos,
                  const char    *format,
                  ...) G_GNUC_PRINTF (4, 5);

static void
warn (BakenHsdsJson *self,
      const char    *file,
      Pos            pos,
      const char    *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->imp->warnings,
                   g_strdup_printf ("%s:%u:%u: %s", file, pos.line, pos.column, message));
}

static gboolean
is_shared (const char *resource)
{
  return g_strv_contains (shared_resources, resource);
}

static void walk (BakenHsdsJson *self,
                  BakenHsdsJsonDoc *doc,
                  const char    *file,
                  const char    *resource,
                  JsonObject    *object,
                  const char    *parent_resource,
                  const char    *parent_id);

/* The members of object that hold other objects. */
static void
walk_nested (BakenHsdsJson *self,
             BakenHsdsJsonDoc *doc,
             const char    *file,
             const char    *resource,
             JsonObject    *object,
             Record        *r)
{
  g_autoptr(GList) members = json_object_get_members (object);
  const char *id = field (r, "id");

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);
      const char *child = NULL;
      BakenHsdsMember kind = baken_hsds_json_schemas_member (self->schemas, resource, name,
                                                             &child);

      if (kind == BAKEN_HSDS_MEMBER_LIST && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_OBJECT (element))
                walk (self, doc, file, child, json_node_get_object (element), resource, id);
              else
                warn (self, file, baken_hsds_json_doc_member_pos (doc, object, name),
                      "%s: item %u is not an object (a %s); dropped it", name, i + 1, child);
            }
        }
      else if (kind == BAKEN_HSDS_MEMBER_OBJECT && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *nested = json_node_get_object (node);
          g_autofree char *link = g_strdup_printf ("%s_id", name);
          JsonNode *nested_id = json_object_get_member (nested, "id");

          walk (self, doc, file, child, nested, resource, id);
          /* A service's organization is its organization_id. */
          if (field (r, link) == NULL &&
              baken_hsds_json_schemas_member (self->schemas, resource, link, NULL) ==
              BAKEN_HSDS_MEMBER_SCALAR &&
              nested_id != NULL && JSON_NODE_HOLDS_VALUE (nested_id))
            add_field (r, link, scalar_text (nested_id), (Pos) { 0, 0 });
        }
      else if ((kind == BAKEN_HSDS_MEMBER_LIST || kind == BAKEN_HSDS_MEMBER_OBJECT) &&
               !JSON_NODE_HOLDS_NULL (node))
        {
          warn (self, file, baken_hsds_json_doc_member_pos (doc, object, name),
                "%s is not %s; dropped it", name,
                kind == BAKEN_HSDS_MEMBER_LIST ? "a list of objects" : "an object");
        }
    }
}

static void
walk (BakenHsdsJson *self,
      BakenHsdsJsonDoc *doc,
      const char    *file,
      const char    *resource,
      JsonObject    *object,
      const char    *parent_resource,
      const char    *parent_id)
{
  g_autoptr(GList) members = json_object_get_members (object);
  Record *r = g_new0 (Record, 1);
  GPtrArray *records = g_hash_table_lookup (self->records, resource);
  g_autofree char *link = parent_resource != NULL
                          ? g_strdup_printf ("%s_id", parent_resource) : NULL;
  const char *id;

  r->file = file;
  r->at = baken_hsds_json_doc_object_pos (doc, object);
  r->names = g_ptr_array_new_with_free_func (g_free);
  r->values = g_ptr_array_new_with_free_func (g_free);
  r->positions = g_array_new (FALSE, FALSE, sizeof (Pos));

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);
      BakenHsdsMember kind = baken_hsds_json_schemas_member (self->schemas, resource, name,
                                                             NULL);
      char *text;

      if (kind == BAKEN_HSDS_MEMBER_LIST || kind == BAKEN_HSDS_MEMBER_OBJECT)
        continue;
      text = scalar_text (node);
      if (text == NULL && kind == BAKEN_HSDS_MEMBER_SCALAR)
        {
          warn (self, file, baken_hsds_json_doc_member_pos (doc, object, name),
                "%s is %s, not a %s; dropped it", name,
                JSON_NODE_HOLDS_ARRAY (node) ? "a list" : "an object",
                baken_hsds_json_schemas_type (self->schemas, resource, name));
          continue;
        }
      if (text == NULL)
        {
          g_autofree char *key = g_strdup_printf ("%s\t%s", resource, name);

          if (g_hash_table_add (self->unknown, g_steal_pointer (&key)))
            baken_hsds_add_note (self->imp->notes, "%s: member %s of %s objects is not HSDS; "
                                 "not kept", file, name, resource);
          continue;
        }
      add_field (r, name, text, baken_hsds_json_doc_member_pos (doc, object, name));
    }

  /* Nested in a service, a phone is the service's phone. */
  if (link != NULL && field (r, link) == NULL &&
      baken_hsds_json_schemas_member (self->schemas, resource, link, NULL) ==
      BAKEN_HSDS_MEMBER_SCALAR)
    add_field (r, link, g_strdup (parent_id != NULL ? parent_id : ""), (Pos) { 0, 0 });
  if (strcmp (resource, "attribute") == 0 && parent_resource != NULL &&
      field (r, "link_id") == NULL)
    {
      add_field (r, "link_id", g_strdup (parent_id != NULL ? parent_id : ""), (Pos) { 0, 0 });
      if (field (r, "link_entity") == NULL)
        add_field (r, "link_entity", g_strdup (parent_resource), (Pos) { 0, 0 });
    }

  walk_nested (self, doc, file, resource, object, r);

  /* The same organisation in every service it offers: read once. */
  id = field (r, "id");
  if (is_shared (resource) && id != NULL && *id != '\0')
    {
      g_autofree char *key = g_strdup_printf ("%s\t%s", resource, id);

      if (!g_hash_table_add (self->seen, g_steal_pointer (&key)))
        {
          record_free (r);
          return;
        }
    }

  if (records == NULL)
    {
      records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
      g_hash_table_insert (self->records, (gpointer) resource, records);
      g_ptr_array_add (self->order, (gpointer) resource);
    }
  g_ptr_array_add (records, r);
}

/* Public API */

BakenHsdsJson *
baken_hsds_json_new (Import *imp)
{
  BakenHsdsJson *self = g_new0 (BakenHsdsJson, 1);

  self->imp = imp;
  self->schemas = baken_hsds_json_schemas_load ();
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->order = g_ptr_array_new ();
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
baken_hsds_json_free (BakenHsdsJson *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->unknown);
  g_hash_table_unref (self->seen);
  g_ptr_array_unref (self->order);
  g_hash_table_unref (self->records);
  baken_hsds_json_schemas_free (self->schemas);
  g_free (self);
}

void
baken_hsds_json_page_clear (BakenHsdsJsonPage *page)
{
  g_clear_pointer (&page->compact, g_ptr_array_unref);
  memset (page, 0, sizeof *page);
}

static void
read_service (BakenHsdsJson     *self,
              BakenHsdsJsonDoc  *doc,
              const char        *file,
              JsonNode          *node,
              guint              index,
              gboolean           defer_compact,
              BakenHsdsJsonPage *page)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *id = object != NULL ? json_object_get_member (object, "id") : NULL;

  if (object == NULL)
    {
      g_ptr_array_add (self->imp->errors,
                       g_strdup_printf ("%s:1:1: item %u of the list is not a service object; "
                                        "the record is left out", file, index + 1));
      return;
    }
  page->n_services++;
  if (defer_compact && !json_object_has_member (object, "organization") &&
      id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
    {
      g_ptr_array_add (page->compact, g_strdup (json_node_get_string (id)));
      return;
    }
  walk (self, doc, file, "service", object, NULL, NULL);
}

gboolean
baken_hsds_json_read (BakenHsdsJson     *self,
                      const char        *what,
                      const char        *data,
                      gsize              length,
                      gboolean           defer_compact,
                      BakenHsdsJsonPage *page)
{
  const char *file = g_string_chunk_insert_const (self->imp->strings, what);
  g_autoptr(BakenHsdsJsonDoc) doc = NULL;
  g_autofree char *message = NULL;
  BakenJsonPos at;
  JsonNode *root;
  JsonObject *object;
  JsonArray *array = NULL;

  memset (page, 0, sizeof *page);
  page->compact = g_ptr_array_new_with_free_func (g_free);

  doc = baken_hsds_json_doc_parse (file, data, length, &message, &at);
  if (doc == NULL)
    {
      baken_hsds_import_document_error (self->imp, file, at.line, at.column,
                                        "this is not valid JSON (%s); its records are not "
                                        "read", message);
      return FALSE;
    }

  root = baken_hsds_json_doc_get_root (doc);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object != NULL && json_object_has_member (object, "contents"))
    {
      JsonNode *contents = json_object_get_member (object, "contents");

      page->is_page = TRUE;
      page->last_page = json_object_get_boolean_member_with_default (object, "last_page",
                                                                     FALSE);
      page->total_pages = json_object_get_int_member_with_default (object, "total_pages", 0);
      if (!JSON_NODE_HOLDS_ARRAY (contents))
        {
          baken_hsds_import_document_error (self->imp, file, 1, 1,
                                            "\"contents\" of the page is not a list of "
                                            "services; its records are not read");
          return FALSE;
        }
      array = json_node_get_array (contents);
      page->last_page |= json_array_get_length (array) == 0;
    }
  else if (object != NULL)
    {
      read_service (self, doc, file, root, 0, FALSE, page);
      return TRUE;
    }
  else if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      array = json_node_get_array (root);
    }
  else
    {
      baken_hsds_import_document_error (self->imp, file, 1, 1,
                                        "this is not an HSDS service, a page of services "
                                        "({\"contents\": […]}) or a list of services; its "
                                        "records are not read");
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    read_service (self, doc, file, json_array_get_element (array, i), i, defer_compact, page);
  return TRUE;
}

void
baken_hsds_json_finish (BakenHsdsJson *self)
{
  Import *imp = self->imp;

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *resource = g_ptr_array_index (self->order, i);
      GPtrArray *records = g_hash_table_lookup (self->records, resource);
      JsonObject *official = g_hash_table_lookup (imp->official, resource);
      g_autofree char *file = g_strdup_printf ("%s records", resource);
      HTable *t;

      if (official == NULL)
        {
          baken_hsds_add_note (imp->notes, "%s: dropped all %u: %s is not an HSDS 3.0 "
                               "resource", file, records->len, resource);
          continue;
        }

      t = baken_hsds_htable_new (resource, file, official);
      t->header = g_ptr_array_new_with_free_func (g_free);
      /* The columns: every member any record has, in the order first seen. */
      for (guint r = 0; r < records->len; r++)
        {
          Record *record = g_ptr_array_index (records, r);

          for (guint f = 0; f < record->names->len; f++)
            {
              const char *name = g_ptr_array_index (record->names, f);

              if (!g_hash_table_contains (t->columns, name))
                {
                  g_ptr_array_add (t->header, g_strdup (name));
                  g_hash_table_insert (t->columns, g_ptr_array_index (t->header, t->header->len - 1),
                                       GUINT_TO_POINTER (t->header->len));
                }
            }
        }

      for (guint r = 0; r < records->len; r++)
        {
          Record *record = g_ptr_array_index (records, r);
          HRow *row = g_new0 (HRow, 1);
          guint n = t->header->len;

          row->line = record->at.line;
          row->column = record->at.column;
          row->file = record->file;
          row->fields = g_new0 (char *, n + 1);
          row->lines = g_new0 (guint, n);
          row->columns = g_new0 (guint, n);
          for (guint c = 0; c < n; c++)
            row->fields[c] = g_strdup ("");
          for (guint f = 0; f < record->names->len; f++)
            {
              int c = baken_hsds_hcolumn (t, g_ptr_array_index (record->names, f));
              Pos pos = g_array_index (record->positions, Pos, f);

              g_free (row->fields[c]);
              row->fields[c] = g_strdup (g_ptr_array_index (record->values, f));
              row->lines[c] = pos.line;
              row->columns[c] = pos.column;
            }
          g_ptr_array_add (t->rows, row);
        }

      baken_hsds_import_add_table (imp, t);
    }
}
