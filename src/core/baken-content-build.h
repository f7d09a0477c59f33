/* baken-content-build.h: compile a content source folder into a content DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64     serial;      /* meta.serial; 0 = derive from the time of the build */
  const char *created;     /* ISO 8601 UTC; NULL = now */
  const char *expires;     /* ISO 8601 UTC; NULL = none */
} BakenBuildOptions;

/* Reads every file of the source folder src_dir, checks it, and writes the content DB to
 * out_path (via a temporary file in the same folder, renamed into place only when
 * everything succeeded: a failed build writes nothing).
 *
 * On failure returns FALSE, sets error (BAKEN_CONTENT_ERROR_SOURCE) to a summary and, when
 * problems is not NULL, appends to it one "file:line:column: message" string per problem
 * found (all of them, not just the first). */
gboolean baken_content_build (const char              *src_dir,
                              const char              *out_path,
                              const BakenBuildOptions *options,
                              GPtrArray               *problems,
                              GError                 **error);

G_END_DECLS
