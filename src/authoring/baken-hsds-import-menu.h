/* baken-hsds-import-menu.h: the menu from the social map's own taxonomy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HSDS ties services to taxonomy terms (attributes, each naming a taxonomy_term).
 * taxonomy_menu.csv of the editor's menu (baken-hsds-menu.h) maps a term, by its id or
 * its code, to a life event, or to a situation under it; a term's narrower terms map
 * with it. The import lists each service under every life event its terms reach, keeps
 * the menu as the editor wrote it, and says which services no mapping reaches.
 */
#pragma once

#include <glib.h>

#include "baken-hsds-import-tables.h"

G_BEGIN_DECLS

/* life_events.csv, life_event_services.csv, taxonomy_menu.csv, synonyms.csv and the
 * life events' translations from imp->menu; a life event that ends up with no service
 * and no situation is left out this time (a note). Fills imp->unplaced. */
void baken_hsds_import_menu       (Import *imp);

/* Without a menu: notes the taxonomy terms services have, to write a mapping for. */
void baken_hsds_note_terms        (Import *imp);

G_END_DECLS
