/* baken-report-parse.c: one kiosk's daily report, read and checked (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * yajl calls back for every token. The cursor (baken-report-cursor.c) follows the
 * structure and says what each value must be; the value is checked against the schema
 * table (baken-report-schema.c) the moment it is read and put where the table says.
 * Nothing but the document being read is kept.
 *
 * Which error is reported: a document that is not a Baken report, or is one of another
 * version, says so, even when an unknown field comes before "format" or "version". So
 * after the first error the parser reads on, without checking, until it knows both.
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-parse.h"

#include <string.h>

#include <yajl/yajl_parse.h>

#include "baken-json.h"
#include "baken-report-cursor.h"
#include "baken-report-schema.h"

typedef enum {
  SEEN_NOT,
  SEEN_GOOD,
  SEEN_BAD,
} Seen;

struct _BakenReportParser
{
  BakenReportDoc     doc;
  GStringChunk      *strings;          /* (owned) this document's texts */
  BakenReportCursor  cursor;

  GError            *error;            /* (owned) (nullable) the first problem */
  gboolean           skipping;         /* after an error, until format and version */
  guint              skip_depth;       /* objects and lists open while skipping */
  int                skip_root_key;    /* 1 format, 2 version: the next top value */
  Seen               format;
  Seen               version;
  GError            *format_error;     /* (owned) (nullable) not a Baken report */
  GError            *version_error;    /* (owned) (nullable) another version */
};

/* Records error (a BAKEN_REPORT_PARSE_ERROR) at the cursor; returns whether yajl reads on. */
static int
fail (BakenReportParser *self,
      GError            *error)
{
  g_autofree char *where = baken_report_cursor_path (&self->cursor);

  /* Not a report, or another version: where in it does not matter. */
  if (*where != '\0' && error->code != BAKEN_REPORT_PARSE_ERROR_FORMAT &&
      error->code != BAKEN_REPORT_PARSE_ERROR_VERSION)
    g_prefix_error (&error, "%s: ", where);
  if (error->code == BAKEN_REPORT_PARSE_ERROR_FORMAT)
    {
      self->format = SEEN_BAD;
      if (self->format_error == NULL)
        self->format_error = g_steal_pointer (&error);
    }
  else if (error->code == BAKEN_REPORT_PARSE_ERROR_VERSION)
    {
      if (self->version_error == NULL)
        self->version_error = g_steal_pointer (&error);
    }
  else if (self->error == NULL)
    {
      self->error = g_steal_pointer (&error);
    }
  g_clear_error (&error);

  if (self->format == SEEN_BAD || (self->format == SEEN_GOOD && self->version != SEEN_NOT))
    return 0;
  /* Read on for "format" and "version" at the top. */
  self->skipping = TRUE;
  self->skip_depth = self->cursor.depth;
  self->skip_root_key = 0;
  return 1;
}

static int G_GNUC_PRINTF (2, 3)
fail_printf (BakenReportParser *self,
             const char        *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  return fail (self, g_error_new_literal (BAKEN_REPORT_PARSE_ERROR,
                                          BAKEN_REPORT_PARSE_ERROR_INVALID, message));
}

static const char *
describe (const BakenReportField *field)
{
  switch (field->kind)
    {
    case BAKEN_REPORT_FIELD_COUNT:
      return "a count (a whole number from 0 to 1000000000)";
    case BAKEN_REPORT_FIELD_SERIAL:
      return "a serial (a whole number, 0 or more)";
    case BAKEN_REPORT_FIELD_VERSION:
      return "the version number";
    case BAKEN_REPORT_FIELD_OBJECT:
      return "an object";
    case BAKEN_REPORT_FIELD_HOURS:
      return "a list of 24 counts";
    case BAKEN_REPORT_FIELD_TIME_OR_NULL:
      return "a time or null";
    case BAKEN_REPORT_FIELD_STRING:
    case BAKEN_REPORT_FIELD_ID:
    case BAKEN_REPORT_FIELD_DATE:
    case BAKEN_REPORT_FIELD_TIME:
    case BAKEN_REPORT_FIELD_CHOICE:
    case BAKEN_REPORT_FIELD_FORMAT:
    default:
      return "a text";
    }
}

static int
mismatch (BakenReportParser      *self,
          const BakenReportField *field,
          const char             *found)
{
  if (self->cursor.depth == 0)
    return fail (self, g_error_new (BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_FORMAT,
                                    "not a Baken report: the document is %s, not an object",
                                    found));
  return fail_printf (self, "found %s where %s belongs", found, describe (field));
}

/* The field the next value fills, or NULL after a failure (then return after_fail ()). */
static const BakenReportField *
expect (BakenReportParser *self)
{
  g_autoptr(GError) error = NULL;
  const BakenReportField *field = baken_report_cursor_next (&self->cursor, &error);

  if (field == NULL)
    fail (self, g_steal_pointer (&error));
  return field;
}

/* What a callback returns to yajl after a failed check: go on only to skip. */
static int
after_fail (BakenReportParser *self)
{
  return self->skipping ? 1 : 0;
}

enum { SKIP_VALUE, SKIP_OPEN, SKIP_CLOSE };

static int
skip (BakenReportParser *self,
      int                what)
{
  if (what == SKIP_OPEN)
    self->skip_depth++;
  else if (what == SKIP_CLOSE)
    self->skip_depth--;
  if (what != SKIP_CLOSE)
    self->skip_root_key = 0;
  return 1;
}

static void
check_version (BakenReportParser *self,
               long long          value)
{
  if (value == BAKEN_REPORT_VERSION)
    {
      self->version = SEEN_GOOD;
      return;
    }
  self->version = SEEN_BAD;
  if (self->version_error != NULL)
    return;
  if (value > BAKEN_REPORT_VERSION)
    self->version_error = g_error_new (BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_VERSION,
                                       "report format version %lld is newer than this "
                                       "baken-report reads (%d); update baken-report",
                                       value, BAKEN_REPORT_VERSION);
  else
    self->version_error = g_error_new (BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_VERSION,
                                       "version %lld is not a version of the Baken report "
                                       "format (this baken-report reads %d)",
                                       value, BAKEN_REPORT_VERSION);
}

static void
check_format (BakenReportParser *self,
              const char        *text,
              gsize              length)
{
  g_autoptr(GError) error = NULL;
  const char *choice;
  guint32 julian;

  if (baken_report_check_string (&baken_report_schema_root ()->fields[0], text, length,
                                 &choice, &julian, &error))
    self->format = SEEN_GOOD;
  else
    fail (self, g_steal_pointer (&error));
}

static int
on_null (void *ctx)
{
  BakenReportParser *self = ctx;
  const BakenReportField *field;

  if (self->skipping)
    return skip (self, SKIP_VALUE);
  if ((field = expect (self)) == NULL)
    return after_fail (self);
  if (field->kind != BAKEN_REPORT_FIELD_TIME_OR_NULL)
    return mismatch (self, field, "null");
  G_STRUCT_MEMBER (const char *, baken_report_cursor_base (&self->cursor), field->offset) = NULL;
  return 1;
}

static int
on_boolean (void *ctx,
            int   value)
{
  BakenReportParser *self = ctx;
  const BakenReportField *field;

  if (self->skipping)
    return skip (self, SKIP_VALUE);
  if ((field = expect (self)) == NULL)
    return after_fail (self);
  return mismatch (self, field, value ? "true" : "false");
}

static int
on_integer (void      *ctx,
            long long  value)
{
  BakenReportParser *self = ctx;
  const BakenReportField *field;
  g_autoptr(GError) error = NULL;

  if (self->skipping)
    {
      if (self->skip_root_key == 2 && self->skip_depth == 1)
        check_version (self, value);
      return skip (self, SKIP_VALUE);
    }
  if ((field = expect (self)) == NULL)
    return after_fail (self);
  switch (field->kind)
    {
    case BAKEN_REPORT_FIELD_VERSION:
      check_version (self, value);
      if (self->version == SEEN_BAD)
        return fail (self, g_error_copy (self->version_error));
      return 1;
    case BAKEN_REPORT_FIELD_SERIAL:
      if (value < 0)
        return fail_printf (self, "%lld is not a serial (a whole number, 0 or more)", value);
      break;
    case BAKEN_REPORT_FIELD_COUNT:
      if (!baken_report_check_count (value, &error))
        return fail (self, g_steal_pointer (&error));
      break;
    case BAKEN_REPORT_FIELD_STRING:
    case BAKEN_REPORT_FIELD_ID:
    case BAKEN_REPORT_FIELD_DATE:
    case BAKEN_REPORT_FIELD_TIME:
    case BAKEN_REPORT_FIELD_TIME_OR_NULL:
    case BAKEN_REPORT_FIELD_CHOICE:
    case BAKEN_REPORT_FIELD_FORMAT:
    case BAKEN_REPORT_FIELD_OBJECT:
    case BAKEN_REPORT_FIELD_HOURS:
    default:
      return mismatch (self, field, "a number");
    }
  G_STRUCT_MEMBER (guint64, baken_report_cursor_base (&self->cursor), field->offset) =
    (guint64) value;
  return 1;
}

static int
on_double (void   *ctx,
           double  value)
{
  BakenReportParser *self = ctx;
  const BakenReportField *field;

  if (self->skipping)
    return skip (self, SKIP_VALUE);
  if ((field = expect (self)) == NULL)
    return after_fail (self);
  if (field->kind == BAKEN_REPORT_FIELD_COUNT || field->kind == BAKEN_REPORT_FIELD_SERIAL ||
      field->kind == BAKEN_REPORT_FIELD_VERSION)
    return fail_printf (self, "%g is not a whole number", value);
  return mismatch (self, field, "a number");
}

static int
on_string (void                *ctx,
           const unsigned char *value,
           size_t               length)
{
  BakenReportParser *self = ctx;
  const BakenReportField *field;
  const char *text = (const char *) value;
  const char *choice;
  guint32 julian;
  g_autoptr(GError) error = NULL;
  guint8 *base;

  if (self->skipping)
    {
      if (self->skip_root_key == 1 && self->skip_depth == 1)
        check_format (self, text, length);
      return skip (self, SKIP_VALUE);
    }
  if ((field = expect (self)) == NULL)
    return after_fail (self);
  switch (field->kind)
    {
    case BAKEN_REPORT_FIELD_COUNT:
    case BAKEN_REPORT_FIELD_SERIAL:
    case BAKEN_REPORT_FIELD_VERSION:
    case BAKEN_REPORT_FIELD_OBJECT:
    case BAKEN_REPORT_FIELD_HOURS:
      return mismatch (self, field, "a text");
    case BAKEN_REPORT_FIELD_FORMAT:
      check_format (self, text, length);
      return self->format == SEEN_GOOD ? 1 : 0;
    case BAKEN_REPORT_FIELD_STRING:
    case BAKEN_REPORT_FIELD_ID:
    case BAKEN_REPORT_FIELD_DATE:
    case BAKEN_REPORT_FIELD_TIME:
    case BAKEN_REPORT_FIELD_TIME_OR_NULL:
    case BAKEN_REPORT_FIELD_CHOICE:
    default:
      break;
    }
  if (!baken_report_check_string (field, text, length, &choice, &julian, &error))
    return fail (self, g_steal_pointer (&error));

  base = baken_report_cursor_base (&self->cursor);
  if (field->kind == BAKEN_REPORT_FIELD_DATE)
    G_STRUCT_MEMBER (guint32, base, field->offset) = julian;
  else if (field->kind == BAKEN_REPORT_FIELD_CHOICE)
    G_STRUCT_MEMBER (const char *, base, field->offset) = choice;
  else
    G_STRUCT_MEMBER (const char *, base, field->offset) =
      g_string_chunk_insert_len (self->strings, text, (gssize) length);
  return 1;
}

/* Opens an object or list where field expects one; a failure skips it whole. */
static int
open_container (BakenReportParser    *self,
      BakenReportFieldKind  kind,
      const char           *found)
{
  const BakenReportField *field;

  if (self->skipping)
    return skip (self, SKIP_OPEN);
  if ((field = expect (self)) != NULL && field->kind != kind)
    {
      mismatch (self, field, found);
      field = NULL;
    }
  if (field == NULL)
    {
      if (self->skipping)
        self->skip_depth++;
      return after_fail (self);
    }
  baken_report_cursor_open (&self->cursor, field);
  return 1;
}

static int
close_container (BakenReportParser *self)
{
  g_autoptr(GError) error = NULL;

  if (self->skipping)
    return skip (self, SKIP_CLOSE);
  if (baken_report_cursor_close (&self->cursor, &error))
    return 1;
  fail (self, g_steal_pointer (&error));
  if (self->skipping)
    self->skip_depth--;
  return after_fail (self);
}

static int
on_start_map (void *ctx)
{
  return open_container (ctx, BAKEN_REPORT_FIELD_OBJECT, "an object");
}

static int
on_start_array (void *ctx)
{
  return open_container (ctx, BAKEN_REPORT_FIELD_HOURS, "a list");
}

static int
on_end_map (void *ctx)
{
  return close_container (ctx);
}

static int
on_end_array (void *ctx)
{
  return close_container (ctx);
}

static int
on_map_key (void                *ctx,
            const unsigned char *value,
            size_t               length)
{
  BakenReportParser *self = ctx;
  const char *key = (const char *) value;
  g_autoptr(GError) error = NULL;

  if (self->skipping)
    {
      if (self->skip_depth == 1)
        self->skip_root_key = length == 6 && memcmp (key, "format", 6) == 0 ? 1
                              : length == 7 && memcmp (key, "version", 7) == 0 ? 2 : 0;
      return 1;
    }
  if (!baken_report_cursor_key (&self->cursor, key, length, &error))
    return fail (self, g_steal_pointer (&error));
  return 1;
}

static const yajl_callbacks callbacks = {
  on_null, on_boolean, on_integer, on_double, NULL, on_string,
  on_start_map, on_map_key, on_end_map, on_start_array, on_end_array,
};

BakenReportParser *
baken_report_parser_new (void)
{
  BakenReportParser *self = g_new0 (BakenReportParser, 1);

  self->strings = g_string_chunk_new (4096);
  for (guint i = 0; i < BAKEN_REPORT_N_MAPS; i++)
    self->doc.maps[i] = g_array_new (FALSE, TRUE, sizeof (BakenReportEntry));
  return self;
}

void
baken_report_parser_free (BakenReportParser *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < BAKEN_REPORT_N_MAPS; i++)
    g_array_unref (self->doc.maps[i]);
  g_string_chunk_free (self->strings);
  g_clear_error (&self->error);
  g_clear_error (&self->format_error);
  g_clear_error (&self->version_error);
  g_free (self);
}

static void
reset (BakenReportParser *self)
{
  GArray *maps[BAKEN_REPORT_N_MAPS];

  memcpy (maps, self->doc.maps, sizeof maps);
  memset (&self->doc, 0, sizeof self->doc);
  for (guint i = 0; i < BAKEN_REPORT_N_MAPS; i++)
    {
      g_array_set_size (maps[i], 0);
      self->doc.maps[i] = maps[i];
    }
  g_string_chunk_clear (self->strings);
  baken_report_cursor_init (&self->cursor, &self->doc, self->strings);
  self->skipping = FALSE;
  self->skip_depth = 0;
  self->skip_root_key = 0;
  self->format = SEEN_NOT;
  self->version = SEEN_NOT;
  g_clear_error (&self->error);
  g_clear_error (&self->format_error);
  g_clear_error (&self->version_error);
}

/* yajl's message for a syntax error, as "LINE:COLUMN: …" of the last byte it read. */
static GError *
syntax_error (yajl_handle  handle,
              const char  *data,
              gsize        length)
{
  unsigned char *text = yajl_get_error (handle, 0, (const unsigned char *) data, length);
  gsize at = MIN (yajl_get_bytes_consumed (handle), length);
  g_autofree char *message = g_strstrip (g_strdup ((const char *) text));
  char *what = message;
  guint line = 1, column = 1;

  yajl_free_error (handle, text);
  if (g_str_has_prefix (what, "parse error: "))
    what += strlen ("parse error: ");
  if (g_str_has_prefix (what, "lexical error: "))
    what += strlen ("lexical error: ");
  if (g_str_has_suffix (what, "."))
    what[strlen (what) - 1] = '\0';
  for (gsize i = 0; i + 1 < at; i++)
    {
      column++;
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
    }
  if (strstr (what, "premature EOF") != NULL)
    return g_error_new (BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_SYNTAX,
                        "%u:%u: the JSON ends too early: the file is cut off", line, column);
  return g_error_new (BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_SYNTAX,
                      "%u:%u: not valid JSON (%s)", line, column, what);
}

const BakenReportDoc *
baken_report_parse (BakenReportParser *self,
                    const char        *data,
                    gsize              length,
                    GError           **error)
{
  yajl_handle handle;
  yajl_status status;
  g_autoptr(GError) syntax = NULL;
  guint line = 0, column = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reset (self);
  if (!baken_json_check_depth (data, length, BAKEN_REPORT_MAX_DEPTH, &line, &column))
    {
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_SYNTAX,
                   "%u:%u: objects and lists nest deeper than %d levels; a report nests "
                   "4 deep", line, column, BAKEN_REPORT_MAX_DEPTH);
      return NULL;
    }

  handle = yajl_alloc (&callbacks, NULL, self);
  status = yajl_parse (handle, (const unsigned char *) data, length);
  if (status == yajl_status_ok)
    status = yajl_complete_parse (handle);
  if (status == yajl_status_error)
    syntax = syntax_error (handle, data, length);
  yajl_free (handle);

  /* Reported first: not a report, then another version, then broken JSON, the rest. */
  if (self->format == SEEN_BAD)
    g_propagate_error (error, g_steal_pointer (&self->format_error));
  else if (self->format == SEEN_GOOD && self->version == SEEN_BAD)
    g_propagate_error (error, g_steal_pointer (&self->version_error));
  else if (syntax != NULL)
    g_propagate_error (error, g_steal_pointer (&syntax));
  else if (self->format != SEEN_GOOD)
    g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_FORMAT,
                 "not a Baken report: it has no \"format\": \"baken-report\"");
  else if (self->error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->error));
  else
    return &self->doc;
  return NULL;
}
