/* baken-hsds-import-into.h: the end of an import: what it wrote, and --into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-hsds-menu.h"
#include "baken-hsds-provenance.h"

G_BEGIN_DECLS

/* Writes hsds-import.json of the import in dir (baken-hsds-provenance.h), with the life
 * events of menu (nullable) it left out. */
gboolean baken_hsds_write_provenance (const char          *dir,
                                      BakenHsdsMenu       *menu,
                                      GError             **error);

/* Merges source (what the editor has, provenance: what the last import wrote, nullable)
 * into the import in tmp_dir (baken-hsds-merge.h), checks the result with the build's
 * loader, and writes its files over those of source, one by one. FALSE with the
 * loader's problems in problems (nothing of source changed), or error. */
gboolean baken_hsds_finish_into      (const char          *tmp_dir,
                                      const char          *source,
                                      BakenHsdsProvenance *provenance,
                                      GPtrArray           *conflicts,
                                      GPtrArray           *notes,
                                      GPtrArray           *problems,
                                      GError             **error);

G_END_DECLS
