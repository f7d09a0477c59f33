/* baken-hsds-json-doc.h: a JSON document from outside, with where each thing is in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsed with the bounded reader of trust (its nesting is checked first). While it
 * parses, the parser's signals say where each object starts and where it was after each
 * member's value; the text itself says where that value begins. Lines and columns are
 * 1-based, columns in characters.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint line;
  guint column;
} BakenJsonPos;

typedef struct _BakenHsdsJsonDoc BakenHsdsJsonDoc;

/* The parsed document named what, or NULL with *message (a sentence) and *at where the
 * text stops being JSON of at most BAKEN_JSON_MAX_DEPTH levels, or is not UTF-8. */
BakenHsdsJsonDoc *baken_hsds_json_doc_parse      (const char        *what,
                                                  const char        *data,
                                                  gsize              length,
                                                  char             **message,
                                                  BakenJsonPos      *at);
void              baken_hsds_json_doc_free       (BakenHsdsJsonDoc  *self);

JsonNode         *baken_hsds_json_doc_get_root   (BakenHsdsJsonDoc  *self);
/* Where object (of this document) starts: its '{'. */
BakenJsonPos      baken_hsds_json_doc_object_pos (BakenHsdsJsonDoc  *self,
                                                  JsonObject        *object);
/* Where the value of the member name of object begins (0:0 when unknown). */
BakenJsonPos      baken_hsds_json_doc_member_pos (BakenHsdsJsonDoc  *self,
                                                  JsonObject        *object,
                                                  const char        *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenHsdsJsonDoc, baken_hsds_json_doc_free)

G_END_DECLS
