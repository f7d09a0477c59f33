/* baken-csv.c: a strict RFC 4180 CSV reader that knows where every field is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-csv"

#include "config.h"

#include "baken-csv.h"

G_DEFINE_QUARK (baken-csv-error-quark, baken_csv_error)

typedef struct
{
  gsize    offset;        /* into record */
  guint    line;
  gboolean bad;           /* invalid UTF-8 or too long: reported as NULL */
} Field;

struct _BakenCsvReader
{
  GBytes      *bytes;      /* (owned) */
  const char  *data;
  gsize        length;
  gsize        pos;
  guint        line;       /* line at pos */

  guint        n_header;   /* fields in the header; 0 until a record was read */

  /* The record just read */
  GString     *record;     /* (owned) field texts, each NUL-terminated */
  GArray      *fields;     /* (owned) of Field */
  guint        record_line;
  gsize        record_start; /* byte offset of the record in the file */
  gsize        record_end;   /* just after its line end */

  /* The first problem of the record just read */
  GError      *problem;    /* (owned) (nullable) */
  guint        problem_line;
  guint        problem_column;
};

static void
set_problem (BakenCsvReader *self,
             guint           line,
             guint           column,
             BakenCsvError   code,
             const char     *format,
             ...) G_GNUC_PRINTF (5, 6);

static void
set_problem (BakenCsvReader *self,
             guint           line,
             guint           column,
             BakenCsvError   code,
             const char     *format,
             ...)
{
  va_list args;

  if (self->problem != NULL)
    return;

  va_start (args, format);
  self->problem = g_error_new_valist (BAKEN_CSV_ERROR, code, format, args);
  va_end (args);
  self->problem_line = line;
  self->problem_column = column;
}

/* Skips to the start of the next physical line, after a syntax error. */
static void
skip_line (BakenCsvReader *self)
{
  const char *nl = memchr (self->data + self->pos, '\n', self->length - self->pos);

  if (nl == NULL)
    {
      self->pos = self->length;
      return;
    }

  self->pos = nl - self->data + 1;
  self->line++;
}

/* Appends the character at pos to the field, checking its encoding and the field length;
 * marks the field bad when either is wrong. pos moves on either way. */
static void
take_char (BakenCsvReader *self,
           Field          *field,
           guint           column,
           gsize           field_bytes)
{
  const guchar c = (guchar) self->data[self->pos];
  gsize n = 1;

  if (c == 0)
    {
      set_problem (self, self->line, column, BAKEN_CSV_ERROR_ENCODING,
                   "the field holds a NUL byte; save the file as UTF-8 text");
      field->bad = TRUE;
      self->pos++;
      return;
    }

  if (c >= 0x80)
    {
      gunichar u = g_utf8_get_char_validated (self->data + self->pos,
                                              self->length - self->pos);

      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          set_problem (self, self->line, column, BAKEN_CSV_ERROR_ENCODING,
                       "invalid UTF-8 (byte 0x%02X); save the file as UTF-8", c);
          field->bad = TRUE;
          self->pos++;
          return;
        }
      n = g_utf8_skip[c];
    }

  if (!field->bad && field_bytes + n > BAKEN_CSV_MAX_FIELD)
    {
      set_problem (self, field->line, column, BAKEN_CSV_ERROR_TOO_LONG,
                   "the field is longer than %u bytes; shorten the text",
                   (guint) BAKEN_CSV_MAX_FIELD);
      field->bad = TRUE;
    }

  if (!field->bad)
    g_string_append_len (self->record, self->data + self->pos, n);
  self->pos += n;
}

/* Reads one field starting at pos. Returns FALSE on a syntax error (pos is then at the
 * start of the next line). */
static gboolean
read_field (BakenCsvReader *self,
            Field          *field,
            guint           column)
{
  gsize start = self->record->len;

  field->offset = start;
  field->line = self->line;
  field->bad = FALSE;

  if (self->pos < self->length && self->data[self->pos] == '"')
    {
      guint open_line = self->line;
      gsize open_pos = self->pos;

      self->pos++;
      for (;;)
        {
          char c;

          if (self->pos >= self->length)
            {
              const char *nl = memchr (self->data + open_pos, '\n', self->length - open_pos);

              set_problem (self, open_line, column, BAKEN_CSV_ERROR_SYNTAX,
                           "the quote that starts this field is never closed; "
                           "add the closing quote");
              /* Most likely a closing quote was forgotten on this line: go on reading
               * at the next line rather than losing the rest of the file. */
              self->pos = nl != NULL ? (gsize) (nl - self->data) + 1 : self->length;
              self->line = open_line + 1;
              return FALSE;
            }

          c = self->data[self->pos];
          if (c == '"')
            {
              if (self->pos + 1 < self->length && self->data[self->pos + 1] == '"')
                {
                  if (!field->bad)
                    g_string_append_c (self->record, '"');
                  self->pos += 2;
                  continue;
                }
              self->pos++;
              break;
            }
          else if (c == '\r' && self->pos + 1 < self->length && self->data[self->pos + 1] == '\n')
            {
              /* A line break inside a field is always stored as "\n". */
              if (!field->bad)
                g_string_append_c (self->record, '\n');
              self->pos += 2;
              self->line++;
            }
          else if (c == '\n')
            {
              if (!field->bad)
                g_string_append_c (self->record, '\n');
              self->pos++;
              self->line++;
            }
          else
            {
              take_char (self, field, column, self->record->len - start);
            }
        }

      if (self->pos < self->length &&
          self->data[self->pos] != ',' &&
          self->data[self->pos] != '\n' &&
          !(self->data[self->pos] == '\r' && self->pos + 1 < self->length &&
            self->data[self->pos + 1] == '\n'))
        {
          set_problem (self, self->line, column, BAKEN_CSV_ERROR_SYNTAX,
                       "text after the closing quote; put the whole field in quotes "
                       "and write a quote inside it as \"\"");
          skip_line (self);
          return FALSE;
        }
    }
  else
    {
      while (self->pos < self->length)
        {
          char c = self->data[self->pos];

          if (c == ',' || c == '\n')
            break;
          if (c == '\r')
            {
              if (self->pos + 1 < self->length && self->data[self->pos + 1] == '\n')
                break;
              set_problem (self, self->line, column, BAKEN_CSV_ERROR_SYNTAX,
                           "a carriage return without a line feed; save the file with "
                           "LF or CRLF line ends");
              skip_line (self);
              return FALSE;
            }
          if (c == '"')
            {
              set_problem (self, self->line, column, BAKEN_CSV_ERROR_SYNTAX,
                           "a quote inside a field that does not start with a quote; "
                           "put the whole field in quotes and write the quote as \"\"");
              skip_line (self);
              return FALSE;
            }
          take_char (self, field, column, self->record->len - start);
        }
    }

  if (field->bad)
    g_string_truncate (self->record, start);
  g_string_append_c (self->record, '\0');
  return TRUE;
}

BakenCsvReader *
baken_csv_reader_new (GBytes *bytes)
{
  BakenCsvReader *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_new0 (BakenCsvReader, 1);
  self->bytes = g_bytes_ref (bytes);
  self->data = g_bytes_get_data (bytes, &self->length);
  self->line = 1;
  self->record = g_string_new (NULL);
  self->fields = g_array_new (FALSE, FALSE, sizeof (Field));

  if (self->length >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

  return self;
}

void
baken_csv_reader_free (BakenCsvReader *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_string_free (self->record, TRUE);
  g_array_unref (self->fields);
  g_clear_error (&self->problem);
  g_free (self);
}

BakenCsvRead
baken_csv_reader_read (BakenCsvReader  *self,
                       GError         **error)
{
  gboolean syntax_error = FALSE;

  g_return_val_if_fail (self != NULL, BAKEN_CSV_READ_END);
  g_return_val_if_fail (error == NULL || *error == NULL, BAKEN_CSV_READ_END);

  g_string_truncate (self->record, 0);
  g_array_set_size (self->fields, 0);
  g_clear_error (&self->problem);

  /* Empty lines carry no record. */
  for (;;)
    {
      if (self->pos < self->length && self->data[self->pos] == '\n')
        {
          self->pos++;
          self->line++;
        }
      else if (self->pos + 1 < self->length &&
               self->data[self->pos] == '\r' && self->data[self->pos + 1] == '\n')
        {
          self->pos += 2;
          self->line++;
        }
      else
        {
          break;
        }
    }

  if (self->pos >= self->length)
    return BAKEN_CSV_READ_END;

  self->record_line = self->line;
  self->record_start = self->pos;

  for (;;)
    {
      Field field;

      if (!read_field (self, &field, self->fields->len + 1))
        {
          syntax_error = TRUE;
          break;
        }
      g_array_append_val (self->fields, field);

      if (self->pos >= self->length)
        break;
      if (self->data[self->pos] == ',')
        {
          self->pos++;
          continue;
        }
      /* A line end: "\n" or "\r\n" (read_field checked). */
      self->pos += self->data[self->pos] == '\r' ? 2 : 1;
      self->line++;
      break;
    }

  self->record_end = self->pos;

  if (self->fields->len > 0 && !syntax_error)
    {
      guint n = self->fields->len;

      if (self->n_header == 0)
        {
          self->n_header = n;
        }
      else if (n != self->n_header)
        {
          g_clear_error (&self->problem);
          if (n > self->n_header)
            set_problem (self, g_array_index (self->fields, Field, self->n_header).line,
                         self->n_header + 1, BAKEN_CSV_ERROR_FIELD_COUNT,
                         "this row has %u fields but the header has %u; remove the extra "
                         "fields or put a field that holds a comma in quotes",
                         n, self->n_header);
          else
            set_problem (self, g_array_index (self->fields, Field, n - 1).line,
                         n + 1, BAKEN_CSV_ERROR_FIELD_COUNT,
                         "this row has %u fields but the header has %u; add the missing "
                         "fields (they may be empty)",
                         n, self->n_header);
        }
    }

  if (self->problem != NULL)
    {
      g_propagate_error (error, g_error_copy (self->problem));
      return BAKEN_CSV_READ_ERROR;
    }

  return BAKEN_CSV_READ_RECORD;
}

guint
baken_csv_reader_get_n_fields (BakenCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

const char *
baken_csv_reader_get_field (BakenCsvReader *self,
                            guint           index)
{
  const Field *field;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);

  field = &g_array_index (self->fields, Field, index);
  if (field->bad)
    return NULL;

  return self->record->str + field->offset;
}

guint
baken_csv_reader_get_field_line (BakenCsvReader *self,
                                 guint           index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->fields->len, 0);

  return g_array_index (self->fields, Field, index).line;
}

guint
baken_csv_reader_get_line (BakenCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

void
baken_csv_reader_get_record_span (BakenCsvReader *self,
                                  gsize          *start,
                                  gsize          *end)
{
  g_return_if_fail (self != NULL);

  *start = self->record_start;
  *end = self->record_end;
}

void
baken_csv_reader_get_error_position (BakenCsvReader *self,
                                     guint          *line,
                                     guint          *column)
{
  g_return_if_fail (self != NULL);

  if (line != NULL)
    *line = self->problem != NULL ? self->problem_line : 0;
  if (column != NULL)
    *column = self->problem != NULL ? self->problem_column : 0;
}
