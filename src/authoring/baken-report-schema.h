/* baken-report-schema.h: docs/report-schema.json as tables, and its value checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shape of a report document: each object of the schema is a BakenReportShape, a
 * list of fields (all of them required, as in the schema) or a map from keys of one kind
 * to counts or to objects of one shape. Each field says where its value goes in a
 * BakenReportDoc (or, inside a map's object, in the entry's counts). The checks turn a
 * JSON value into that value or an error that says what is wrong with it. Used by the
 * streaming parser (baken-report-parse.c); nothing here knows about JSON syntax.
 */
#pragma once

#include <glib.h>

#include "baken-report-parse.h"

G_BEGIN_DECLS

typedef enum {
  BAKEN_REPORT_FIELD_COUNT,          /* integer 0 … BAKEN_REPORT_MAX_COUNT (guint64) */
  BAKEN_REPORT_FIELD_SERIAL,         /* integer ≥ 0 (guint64) */
  BAKEN_REPORT_FIELD_STRING,         /* string of at most max_length characters */
  BAKEN_REPORT_FIELD_ID,             /* string of the id pattern */
  BAKEN_REPORT_FIELD_DATE,           /* YYYY-MM-DD, a real date (guint32 Julian day) */
  BAKEN_REPORT_FIELD_TIME,           /* RFC 3339 date-time */
  BAKEN_REPORT_FIELD_TIME_OR_NULL,   /* the same, or null (stored as NULL) */
  BAKEN_REPORT_FIELD_CHOICE,         /* one of choices (stored as the table's string) */
  BAKEN_REPORT_FIELD_FORMAT,         /* the string "baken-report" */
  BAKEN_REPORT_FIELD_VERSION,        /* the integer BAKEN_REPORT_VERSION */
  BAKEN_REPORT_FIELD_OBJECT,         /* an object of shape */
  BAKEN_REPORT_FIELD_HOURS,          /* an array of 24 counts (guint64[24]) */
} BakenReportFieldKind;

typedef enum {
  BAKEN_REPORT_KEY_ID,               /* a content id */
  BAKEN_REPORT_KEY_LANGUAGE,         /* 2 or 3 lower-case letters */
  BAKEN_REPORT_KEY_TERM,             /* a search term of at most 64 characters */
} BakenReportKeyKind;

typedef struct _BakenReportShape BakenReportShape;

typedef struct
{
  const char               *name;
  BakenReportFieldKind      kind;
  gsize                     offset;      /* in BakenReportDoc, or in the entry's counts */
  guint                     max_length;  /* STRING */
  const char * const       *choices;     /* CHOICE: NULL-terminated */
  const BakenReportShape   *shape;       /* OBJECT */
} BakenReportField;

struct _BakenReportShape
{
  /* A fixed object: every field required, no other. */
  const BakenReportField   *fields;
  guint                     n_fields;
  /* Or a map (fields NULL): keys of key_kind, at most max_keys, collected in
   * doc->maps[map]; each value a count (entry_shape NULL, in counts[0]) or an object of
   * entry_shape whose fields are offsets in the entry's counts. */
  BakenReportKeyKind        key_kind;
  guint                     max_keys;
  BakenReportMap            map;
  const BakenReportShape   *entry_shape;
};

/* The shape of a whole document. */
const BakenReportShape *baken_report_schema_root   (void);

/* The field of shape called name (length bytes), or NULL. */
const BakenReportField *baken_report_schema_field  (const BakenReportShape *shape,
                                                    const char             *name,
                                                    gsize                   length);

/* Whether value is a count (0 … BAKEN_REPORT_MAX_COUNT). */
gboolean baken_report_check_count    (long long            value,
                                      GError             **error);
/* Checks a string value (UTF-8, length bytes) for a STRING, ID, DATE, TIME, TIME_OR_NULL,
 * CHOICE or FORMAT field. On success *choice is the table's string for a CHOICE field
 * (else NULL) and *julian the day of a DATE field (else 0). */
gboolean baken_report_check_string   (const BakenReportField  *field,
                                      const char              *value,
                                      gsize                    length,
                                      const char             **choice,
                                      guint32                 *julian,
                                      GError                 **error);
/* Checks a key of a map. */
gboolean baken_report_check_key      (BakenReportKeyKind       kind,
                                      const char              *key,
                                      gsize                    length,
                                      GError                 **error);

/* A piece of hostile text fit for a message: at most 40 characters, control characters
 * and invalid UTF-8 shown as U+FFFD, in double quotes. */
char    *baken_report_quote          (const char              *text,
                                      gsize                    length);

G_END_DECLS
