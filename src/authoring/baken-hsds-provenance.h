/* baken-hsds-provenance.h: what the last import wrote, for the next one (--into)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hsds-import.json in a content source made by import-hsds: for each table it wrote, its
 * columns and, per record id, a hash of the values it wrote. The next import with
 * --into tells from it a record the social map removed from one an editor added, and a
 * value the editor changed since from one the social map changed. The build does not
 * read it.
 */
#pragma once

#include <glib.h>

#include "baken-raw-table.h"

G_BEGIN_DECLS

#define BAKEN_HSDS_PROVENANCE_FILE "hsds-import.json"

typedef struct _BakenHsdsProvenance BakenHsdsProvenance;

/* An empty record of what an import wrote. */
BakenHsdsProvenance *baken_hsds_provenance_new    (void);
/* dir/hsds-import.json; NULL when there is none or it cannot be read (then every record
 * of the source counts as the editor's). */
BakenHsdsProvenance *baken_hsds_provenance_load   (const char          *dir);
void                 baken_hsds_provenance_free   (BakenHsdsProvenance *self);

/* Notes every record of t (by its "id") as written by this import. */
void                 baken_hsds_provenance_add    (BakenHsdsProvenance *self,
                                                   RawTable            *t);
gboolean             baken_hsds_provenance_write  (BakenHsdsProvenance *self,
                                                   const char          *dir,
                                                   GError             **error);

/* Keeps row of t (a table of the menu) for the next import: a life event the import left
 * out because no service reached it, and its synonyms and translations. */
void                 baken_hsds_provenance_keep_row (BakenHsdsProvenance *self,
                                                     RawTable            *t,
                                                     guint                row);
/* The rows of file kept by the last import, or NULL. */
RawTable            *baken_hsds_provenance_get_kept (BakenHsdsProvenance *self,
                                                     const char          *file);

/* Whether the import recorded in self wrote record id of file. */
gboolean             baken_hsds_provenance_has    (BakenHsdsProvenance *self,
                                                   const char          *file,
                                                   const char          *id);
/* Whether row of t still holds what that import wrote (FALSE: edited since, or not
 * written by it). */
gboolean             baken_hsds_provenance_same   (BakenHsdsProvenance *self,
                                                   RawTable            *t,
                                                   guint                row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenHsdsProvenance, baken_hsds_provenance_free)

G_END_DECLS
