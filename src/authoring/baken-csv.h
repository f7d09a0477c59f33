/* baken-csv.h: a strict RFC 4180 CSV reader that knows where every field is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader walks a whole file held in memory, one record at a time. Positions are
 * 1-based: the line is the physical line on which a field starts (a quoted field may span
 * lines; CRLF and LF both end a line), the column is the number of the field in its
 * record (column 2 is the second field, as a spreadsheet user counts them).
 *
 * Accepted: a UTF-8 BOM at the start, CRLF or LF line ends, quoted fields holding commas,
 * quotes ("") and line breaks, a last record without a line end, empty lines (skipped).
 * Refused, each with the position of the problem: invalid UTF-8 or a NUL byte, a field
 * longer than BAKEN_CSV_MAX_FIELD bytes, a quote that is never closed, text after a
 * closing quote, a quote inside an unquoted field, a carriage return not followed by a
 * line feed outside quotes, and a record with another number of fields than the first
 * record (the header).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest field, in bytes. */
#define BAKEN_CSV_MAX_FIELD (64 * 1024)

#define BAKEN_CSV_ERROR (baken_csv_error_quark ())

typedef enum {
  BAKEN_CSV_ERROR_ENCODING,     /* invalid UTF-8 or a NUL byte */
  BAKEN_CSV_ERROR_TOO_LONG,     /* a field over BAKEN_CSV_MAX_FIELD bytes */
  BAKEN_CSV_ERROR_SYNTAX,       /* quoting or line-end mistake; the record is unusable */
  BAKEN_CSV_ERROR_FIELD_COUNT,  /* not as many fields as the header; the record is unusable */
} BakenCsvError;

typedef enum {
  BAKEN_CSV_READ_END,           /* no more records */
  BAKEN_CSV_READ_RECORD,        /* a record was read; its fields are available */
  BAKEN_CSV_READ_ERROR,         /* the record has a problem: see error and the position */
} BakenCsvRead;

typedef struct _BakenCsvReader BakenCsvReader;

GQuark          baken_csv_error_quark              (void);

/* The reader keeps a reference to bytes. */
BakenCsvReader *baken_csv_reader_new               (GBytes          *bytes);
void            baken_csv_reader_free              (BakenCsvReader  *self);

/* Reads the next record. After BAKEN_CSV_READ_ERROR (error set to the first problem of
 * the record, its position from baken_csv_reader_get_error_position ()), reading goes on
 * with the next record. For BAKEN_CSV_ERROR_ENCODING and BAKEN_CSV_ERROR_TOO_LONG the
 * fields of the record are still available: the bad ones are NULL. For the other codes
 * the record is unusable, but the fields read before the problem (all of them for
 * BAKEN_CSV_ERROR_FIELD_COUNT) are available, so a caller can tell which record it was.
 * After a quote that is never closed, reading goes on at the line after the quote. */
BakenCsvRead    baken_csv_reader_read              (BakenCsvReader  *self,
                                                    GError         **error);

/* The fields of the record just read. A field is "" when empty, NULL when it was bad.
 * Strings stay valid until the next read. */
guint           baken_csv_reader_get_n_fields      (BakenCsvReader  *self);
const char     *baken_csv_reader_get_field         (BakenCsvReader  *self,
                                                    guint            index);
/* Line on which field index starts (its column is index + 1). */
guint           baken_csv_reader_get_field_line    (BakenCsvReader  *self,
                                                    guint            index);
/* Line of the first field of the record just read. */
guint           baken_csv_reader_get_line          (BakenCsvReader  *self);
/* Where the record just read is in the file: from byte start up to end, which is just
 * after its line end (or the end of the file). A tool that rewrites one record copies
 * the bytes of every other record as they are. */
void            baken_csv_reader_get_record_span   (BakenCsvReader  *self,
                                                    gsize           *start,
                                                    gsize           *end);
/* Where the problem of the last BAKEN_CSV_READ_ERROR is. */
void            baken_csv_reader_get_error_position (BakenCsvReader *self,
                                                     guint          *line,
                                                     guint          *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenCsvReader, baken_csv_reader_free)

G_END_DECLS
