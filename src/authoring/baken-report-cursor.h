/* baken-report-cursor.h: where in a report document the parser is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The structure of a report, followed token by token: which object of which shape (or
 * the visits_by_hour list) is open, which field or map key came last, and so what the
 * next value must be and where it goes. The cursor checks the structure itself — no
 * unknown field, none twice, none missing when an object closes, map keys of their kind
 * and number, each key once, 24 hours — and leaves the values to the parser.
 */
#pragma once

#include <glib.h>

#include "baken-report-schema.h"

G_BEGIN_DECLS

#define BAKEN_REPORT_CURSOR_FRAMES (BAKEN_REPORT_MAX_DEPTH + 1)

typedef struct
{
  const BakenReportShape *shape;     /* NULL: the visits_by_hour list */
  guint8                 *base;      /* what the offsets of shape's fields count from */
  guint32                 seen;      /* fields of a fixed object read so far */
  guint                   n;         /* keys of a map, items of the list */
  const char             *key;       /* (nullable) the last good key */
  BakenReportField        next;      /* what the next value must be */
  guint8                 *next_base; /* and what next.offset counts from */
} BakenReportFrame;

typedef struct
{
  BakenReportDoc   *doc;
  GStringChunk     *strings;         /* the document's texts: map keys go here */
  BakenReportFrame  stack[BAKEN_REPORT_CURSOR_FRAMES];
  guint             depth;           /* open objects and lists */
} BakenReportCursor;

/* Starts before the first token of a document that fills doc. */
void                    baken_report_cursor_init  (BakenReportCursor  *self,
                                                   BakenReportDoc     *doc,
                                                   GStringChunk       *strings);

/* The field the next value fills (before the document: the whole document, an object);
 * NULL with error for a value the structure has no room for. */
const BakenReportField *baken_report_cursor_next  (BakenReportCursor  *self,
                                                   GError            **error);
/* Where the offset of the field baken_report_cursor_next () returned counts from. */
guint8                 *baken_report_cursor_base  (BakenReportCursor  *self);

/* Opens the object or list of field, the one baken_report_cursor_next () returned. */
void                    baken_report_cursor_open  (BakenReportCursor       *self,
                                                   const BakenReportField  *field);
/* A key in the open object. */
gboolean                baken_report_cursor_key   (BakenReportCursor  *self,
                                                   const char         *key,
                                                   gsize               length,
                                                   GError            **error);
/* Closes the open object or list. On error it stays open. */
gboolean                baken_report_cursor_close (BakenReportCursor  *self,
                                                   GError            **error);

/* The path of the value at hand, such as "counts.services.svc-1" or
 * "counts.visits_by_hour[3]"; "" at the top. */
char                   *baken_report_cursor_path  (BakenReportCursor  *self);

G_END_DECLS
