/* baken-hsds-merge.h: a new import, with what the editor added on top of the last one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * import-hsds --into SOURCE imports the social map again (into out_dir, with SOURCE's
 * menu) and then takes over from SOURCE what Baken adds to it: the columns HSDS has no
 * place for (handover texts, staff-only audiences, cost notes, positions), records the
 * editor added (a staff number, a chat channel, other hours on a date), an edit of an
 * imported value the social map did not change since, the places of services in the menu
 * and their notes, and the translations. hsds-import.json (baken-hsds-provenance.h) of
 * SOURCE says what the last import wrote. Where the editor and the social map both
 * changed something, the social map's version is taken and the conflict reported.
 */
#pragma once

#include <glib.h>

#include "baken-hsds-provenance.h"

G_BEGIN_DECLS

/* Merges source_dir into the freshly imported out_dir, in place. provenance (nullable)
 * is what the last import into source_dir wrote. Conflicts are "FILE: MESSAGE" lines
 * (FILE of source_dir), notes what was taken over. FALSE with error when a file cannot
 * be read or written. */
gboolean baken_hsds_merge (const char          *out_dir,
                           const char          *source_dir,
                           BakenHsdsProvenance *provenance,
                           GPtrArray           *conflicts,
                           GPtrArray           *notes,
                           GError             **error);

G_END_DECLS
