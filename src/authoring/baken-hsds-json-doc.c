/* baken-hsds-json-doc.c: a JSON document from outside, with where each thing is in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-json-doc.h"

#include <stdio.h>
#include <string.h>

#include "baken-json.h"

struct _BakenHsdsJsonDoc
{
  JsonParser *parser;        /* (owned) */
  const char *data;          /* (owned by the caller, who keeps it while the doc lives) */
  gsize       length;
  GArray     *line_starts;   /* of gsize */
  GArray     *starts;        /* of BakenJsonPos: a stack, the objects being parsed */
  GHashTable *objects;       /* JsonObject * → BakenJsonPos of its '{' */
  GHashTable *members;       /* "%p/NAME" → BakenJsonPos the parser was at after its value */
};

static void
object_start_cb (JsonParser       *parser,
                 BakenHsdsJsonDoc *doc)
{
  BakenJsonPos pos = { json_parser_get_current_line (parser),
                       json_parser_get_current_pos (parser) };

  g_array_append_val (doc->starts, pos);
}

static void
object_end_cb (JsonParser       *parser,
               JsonObject       *object,
               BakenHsdsJsonDoc *doc)
{
  BakenJsonPos *pos = g_new (BakenJsonPos, 1);

  g_assert (doc->starts->len > 0);
  *pos = g_array_index (doc->starts, BakenJsonPos, doc->starts->len - 1);
  g_array_set_size (doc->starts, doc->starts->len - 1);
  g_hash_table_insert (doc->objects, object, pos);
}

static void
object_member_cb (JsonParser       *parser,
                  JsonObject       *object,
                  const char       *name,
                  BakenHsdsJsonDoc *doc)
{
  BakenJsonPos *pos = g_new (BakenJsonPos, 1);

  pos->line = json_parser_get_current_line (parser);
  pos->column = json_parser_get_current_pos (parser);
  g_hash_table_insert (doc->members, g_strdup_printf ("%p/%s", (void *) object, name), pos);
}

/* The line and character column of a byte offset. */
static BakenJsonPos
pos_of_offset (BakenHsdsJsonDoc *doc,
               gsize             offset)
{
  guint line = 1;
  gsize start;

  while (line < doc->line_starts->len && g_array_index (doc->line_starts, gsize, line) <= offset)
    line++;
  start = g_array_index (doc->line_starts, gsize, line - 1);

  return (BakenJsonPos) { line,
                          (guint) g_utf8_strlen (doc->data + start, (gssize) (offset - start)) + 1 };
}

/* Where the value of member name of object begins: the parser knows where it was after
 * the value; the member's "name": is the nearest one before that. */
BakenJsonPos
baken_hsds_json_doc_member_pos (BakenHsdsJsonDoc *doc,
                                JsonObject       *object,
                                const char       *name)
{
  g_autofree char *key = g_strdup_printf ("%p/%s", (void *) object, name);
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", name);
  BakenJsonPos *after = g_hash_table_lookup (doc->members, key);
  gsize n = strlen (quoted);
  gsize offset;

  if (after == NULL || after->line == 0 || after->line > doc->line_starts->len)
    return (BakenJsonPos) { 0, 0 };
  offset = g_array_index (doc->line_starts, gsize, after->line - 1) + after->column;
  offset = MIN (offset, doc->length);

  for (gsize i = offset; i >= n; i--)
    {
      gsize p = i - n;

      if (memcmp (doc->data + p, quoted, n) != 0 || (p > 0 && doc->data[p - 1] == '\\'))
        continue;
      p += n;
      while (p < doc->length && g_ascii_isspace (doc->data[p]))
        p++;
      if (p >= doc->length || doc->data[p] != ':')
        continue;
      p++;
      while (p < doc->length && g_ascii_isspace (doc->data[p]))
        p++;
      return pos_of_offset (doc, p);
    }

  return *after;
}

BakenJsonPos
baken_hsds_json_doc_object_pos (BakenHsdsJsonDoc *doc,
                                JsonObject       *object)
{
  BakenJsonPos *pos = g_hash_table_lookup (doc->objects, object);

  return pos != NULL ? *pos : (BakenJsonPos) { 1, 1 };
}

BakenHsdsJsonDoc *
baken_hsds_json_doc_parse (const char    *what,
                           const char    *data,
                           gsize          length,
                           char         **message,
                           BakenJsonPos  *at)
{
  g_autoptr(BakenHsdsJsonDoc) doc = g_new0 (BakenHsdsJsonDoc, 1);
  g_autoptr(GError) error = NULL;
  gsize zero = 0;
  gboolean ok;

  *at = (BakenJsonPos) { 1, 1 };
  if (!g_utf8_validate (data, (gssize) length, NULL))
    {
      *message = g_strdup ("the document is not UTF-8 text");
      return NULL;
    }

  doc->data = data;
  doc->length = length;
  doc->parser = json_parser_new ();
  doc->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  doc->starts = g_array_new (FALSE, FALSE, sizeof (BakenJsonPos));
  doc->objects = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  doc->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_array_append_val (doc->line_starts, zero);
  for (gsize i = 0; i < length; i++)
    if (data[i] == '\n')
      {
        gsize next = i + 1;

        g_array_append_val (doc->line_starts, next);
      }

  g_signal_connect (doc->parser, "object-start", G_CALLBACK (object_start_cb), doc);
  g_signal_connect (doc->parser, "object-end", G_CALLBACK (object_end_cb), doc);
  g_signal_connect (doc->parser, "object-member", G_CALLBACK (object_member_cb), doc);
  ok = baken_json_load (doc->parser, what, data, length, &error);
  g_signal_handlers_disconnect_by_data (doc->parser, doc);
  if (!ok)
    {
      const char *text = error->message;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; the depth check says
       * "WHAT:LINE:COLUMN: …". */
      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_isdigit (p[0]) && p > error->message && p[-1] == ':' &&
            sscanf (p, "%u:%u: ", &at->line, &at->column) == 2)
          {
            text = strstr (p, ": ") != NULL ? strstr (p, ": ") + 2 : text;
            break;
          }
      *message = g_strdup (text);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

void
baken_hsds_json_doc_free (BakenHsdsJsonDoc *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->parser);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_free (self);
}

JsonNode *
baken_hsds_json_doc_get_root (BakenHsdsJsonDoc *self)
{
  return json_parser_get_root (self->parser);
}
