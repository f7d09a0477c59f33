/* baken-manifest-private.h: the checks of manifest values that reading and writing share
 * (baken-manifest.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-manifest.h"

G_BEGIN_DECLS

#define BAKEN_MANIFEST_MAX_VERSION_LENGTH  32
#define BAKEN_MANIFEST_MAX_NAME_LENGTH     128

/* Sets a BAKEN_MANIFEST_ERROR_INVALID error "manifest.json: …"; returns FALSE. */
gboolean _baken_manifest_invalid      (GError     **error,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (2, 3);
/* A plain file name: letters, digits, '.', '_' and '-', not starting with '.'. */
gboolean _baken_manifest_is_file_name (const char  *name);
/* 64 lower-case hex digits. */
gboolean _baken_manifest_is_sha256    (const char  *text);
/* 16 upper-case hex digits. */
gboolean _baken_manifest_is_key_id    (const char  *text);

G_END_DECLS
