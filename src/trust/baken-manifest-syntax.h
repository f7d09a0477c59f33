/* baken-manifest-syntax.h: the strict JSON syntax of manifest.json and keys.json
 * (baken-manifest-syntax.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-manifest.h"

G_BEGIN_DECLS

/* TRUE when data is at most BAKEN_MANIFEST_MAX_SIZE bytes of UTF-8 holding one RFC 8259
 * JSON object, without duplicate members or numbers out of range; otherwise a
 * BAKEN_MANIFEST_ERROR_SYNTAX error with the line and column. */
gboolean _baken_manifest_check_syntax (const char  *data,
                                       gsize        length,
                                       GError     **error);

/* The same check for any signed document: name is the file in messages, max_size its cap.
 * Errors are BAKEN_MANIFEST_ERROR_SYNTAX ("NAME:LINE:COLUMN: …"). */
gboolean _baken_json_check_strict     (const char  *name,
                                       const char  *data,
                                       gsize        length,
                                       gsize        max_size,
                                       GError     **error);

G_END_DECLS
