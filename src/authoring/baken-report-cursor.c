/* baken-report-cursor.c: where in a report document the parser is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-cursor.h"

#include <string.h>

static const BakenReportField document = {
  "", BAKEN_REPORT_FIELD_OBJECT, 0, 0, NULL, NULL
};

void
baken_report_cursor_init (BakenReportCursor *self,
                          BakenReportDoc    *doc,
                          GStringChunk      *strings)
{
  self->doc = doc;
  self->strings = strings;
  self->depth = 0;
}

static BakenReportFrame *
top (BakenReportCursor *self)
{
  g_assert (self->depth > 0);
  return &self->stack[self->depth - 1];
}

const BakenReportField *
baken_report_cursor_next (BakenReportCursor  *self,
                          GError            **error)
{
  BakenReportFrame *frame;

  if (self->depth == 0)
    return &document;
  frame = top (self);
  if (frame->shape == NULL)
    {
      /* An item of visits_by_hour. */
      if (frame->n == 24)
        {
          g_set_error_literal (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                               "more than 24 hours");
          return NULL;
        }
      frame->next = (BakenReportField) { "", BAKEN_REPORT_FIELD_COUNT,
                                         frame->n * sizeof (guint64), 0, NULL, NULL };
      frame->next_base = frame->base;
      frame->n++;
    }
  return &frame->next;
}

guint8 *
baken_report_cursor_base (BakenReportCursor *self)
{
  return self->depth == 0 ? (guint8 *) self->doc : top (self)->next_base;
}

void
baken_report_cursor_open (BakenReportCursor      *self,
                          const BakenReportField *field)
{
  BakenReportFrame *frame;
  guint8 *base = baken_report_cursor_base (self);

  g_assert (field->kind == BAKEN_REPORT_FIELD_OBJECT || field->kind == BAKEN_REPORT_FIELD_HOURS);
  g_assert (self->depth < BAKEN_REPORT_CURSOR_FRAMES);

  frame = &self->stack[self->depth++];
  *frame = (BakenReportFrame) { 0, };
  if (field->kind == BAKEN_REPORT_FIELD_HOURS)
    frame->base = base + field->offset;
  else
    {
      frame->shape = field == &document ? baken_report_schema_root () : field->shape;
      frame->base = base;
    }
}

gboolean
baken_report_cursor_key (BakenReportCursor  *self,
                         const char         *key,
                         gsize               length,
                         GError            **error)
{
  BakenReportFrame *frame = top (self);
  const BakenReportShape *shape = frame->shape;
  GArray *entries;
  BakenReportEntry *entry;

  g_assert (shape != NULL);
  frame->key = NULL;
  if (shape->fields != NULL)
    {
      const BakenReportField *field = baken_report_schema_field (shape, key, length);
      guint32 bit;

      if (field == NULL)
        {
          g_autofree char *quoted = baken_report_quote (key, length);

          g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                       "unknown field %s", quoted);
          return FALSE;
        }
      frame->key = field->name;
      bit = 1u << (field - shape->fields);
      if (frame->seen & bit)
        {
          g_set_error_literal (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                               "the field appears twice");
          return FALSE;
        }
      frame->seen |= bit;
      frame->next = *field;
      frame->next_base = frame->base;
      return TRUE;
    }

  /* A key of a map. */
  if (!baken_report_check_key (shape->key_kind, key, length, error))
    return FALSE;
  if (frame->n == shape->max_keys)
    {
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "more than %u keys", shape->max_keys);
      return FALSE;
    }
  frame->n++;
  entries = self->doc->maps[shape->map];
  g_array_set_size (entries, entries->len + 1);
  entry = &g_array_index (entries, BakenReportEntry, entries->len - 1);
  entry->key = g_string_chunk_insert_len (self->strings, key, (gssize) length);
  frame->key = entry->key;
  frame->next = (BakenReportField) {
    "", shape->entry_shape != NULL ? BAKEN_REPORT_FIELD_OBJECT : BAKEN_REPORT_FIELD_COUNT,
    0, 0, NULL, shape->entry_shape
  };
  /* Valid until the next key: only then can the array move. */
  frame->next_base = (guint8 *) entry->counts;
  return TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const BakenReportEntry *) a)->key, ((const BakenReportEntry *) b)->key);
}

gboolean
baken_report_cursor_close (BakenReportCursor  *self,
                           GError            **error)
{
  BakenReportFrame *frame = top (self);
  const BakenReportShape *shape = frame->shape;

  frame->key = NULL;
  if (shape == NULL)
    {
      if (frame->n != 24)
        {
          g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                       "%u hours instead of 24", frame->n);
          /* The path of the message is the list's, not its last item's. */
          frame->n = 0;
          return FALSE;
        }
    }
  else if (shape->fields != NULL)
    {
      for (guint i = 0; i < shape->n_fields; i++)
        if (!(frame->seen & (1u << i)))
          {
            g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                         "the field \"%s\" is missing", shape->fields[i].name);
            return FALSE;
          }
    }
  else
    {
      GArray *entries = self->doc->maps[shape->map];

      gboolean sorted = TRUE;

      /* Sorted, each key once: the tally needs no check of its own. A kiosk that writes
       * its keys in order is spared the sort. */
      for (guint i = 1; sorted && i < entries->len; i++)
        sorted = compare_entries (&g_array_index (entries, BakenReportEntry, i - 1),
                                  &g_array_index (entries, BakenReportEntry, i)) < 0;
      if (!sorted)
        g_array_sort (entries, compare_entries);
      for (guint i = 1; !sorted && i < entries->len; i++)
        {
          const char *key = g_array_index (entries, BakenReportEntry, i).key;

          if (strcmp (g_array_index (entries, BakenReportEntry, i - 1).key, key) == 0)
            {
              g_autofree char *quoted = baken_report_quote (key, strlen (key));

              g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                           "the key %s appears twice", quoted);
              return FALSE;
            }
        }
    }
  self->depth--;
  return TRUE;
}

char *
baken_report_cursor_path (BakenReportCursor *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->depth; i++)
    {
      BakenReportFrame *frame = &self->stack[i];

      if (frame->shape == NULL)
        {
          if (frame->n > 0)
            g_string_append_printf (out, "[%u]", frame->n - 1);
          continue;
        }
      if (frame->key == NULL)
        break;
      if (out->len > 0)
        g_string_append_c (out, '.');
      if (frame->shape->fields == NULL && frame->shape->key_kind == BAKEN_REPORT_KEY_TERM)
        {
          g_autofree char *quoted = baken_report_quote (frame->key, strlen (frame->key));

          g_string_append (out, quoted);
        }
      else
        {
          g_string_append (out, frame->key);
        }
    }
  return g_string_free (out, FALSE);
}
