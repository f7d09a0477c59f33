/* baken-content-source-values.h: the syntax of one value of a content source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* Whether text is an id: 1 to 64 letters, digits, "-", "_" or ".". */
gboolean baken_source_is_valid_id    (const char *text);
/* Whether text is a full http:// or https:// address without blanks. */
gboolean baken_source_is_valid_url   (const char *text);
gboolean baken_source_is_valid_email (const char *text);
/* Whether text holds nothing but white space. */
gboolean baken_source_is_blank       (const char *text);

/* A position: a whole number from 0 to 999999. */
gboolean baken_source_parse_position (const char *text,
                                      gint64     *out);
/* Decimal degrees between -limit and limit. */
gboolean baken_source_parse_degrees  (const char *text,
                                      double      limit,
                                      double     *out);
/* true or false, in any case. */
gboolean baken_source_parse_bool     (const char *text,
                                      gboolean   *out);
/* The position in column col of row, or fallback when it is empty. */
gint64   baken_source_position_or    (Row        *row,
                                      guint       col,
                                      gint64      fallback);

/* Checks the syntax of one non-empty value of a loaded row against the type of its
 * column; reports and marks it bad when it is wrong, so that it reads as NULL. */
void     baken_source_check_value    (Source     *b,
                                      Table      *t,
                                      Row        *row,
                                      guint       col);

G_END_DECLS
