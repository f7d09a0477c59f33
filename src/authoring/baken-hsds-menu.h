/* baken-hsds-menu.h: the editor's menu that import-hsds fills from a social map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a content source folder (import-hsds --menu DIR, or --into SOURCE): its life
 * events, the mapping of the social map's taxonomy terms to them (taxonomy_menu.csv),
 * the synonyms and translations of the life events, the icons, and the publisher and
 * region of its datapackage.json. Read as text (baken-raw-table.h), written again as it
 * was by the import.
 */
#pragma once

#include <glib.h>

#include "baken-hsds-provenance.h"
#include "baken-raw-table.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  RawTable   *life_events;    /* life_events.csv */
  RawTable   *mapping;        /* taxonomy_menu.csv (maybe no header) */
  RawTable   *links;          /* life_event_services.csv: the editor's places of services */
  RawTable   *synonyms;       /* synonyms.csv (maybe no header) */
  RawTable   *translations;   /* translations.csv (maybe no header) */
  GHashTable *icons;          /* "NAME.svg" → GBytes, every file of icons/ */
  char       *title;          /* (nullable) of its datapackage.json */
  char       *publisher;      /* (nullable) baken.publisher */
  char       *region;         /* (nullable) baken.region */
  GHashTable *used_icons;     /* (nullable) names the life events kept use (set by import) */
  GHashTable *left_out;       /* (nullable) ids of life events no service reached (by import) */
} BakenHsdsMenu;

/* Reads the menu of the content source folder dir. NULL with error
 * (BAKEN_HSDS_ERROR_SOURCE, "DIR/FILE:LINE:COLUMN: …") when life_events.csv (or, with
 * need_mapping, taxonomy_menu.csv) is missing or a file cannot be read. */
BakenHsdsMenu *baken_hsds_menu_load        (const char     *dir,
                                            gboolean        need_mapping,
                                            GError        **error);
void           baken_hsds_menu_free        (BakenHsdsMenu  *menu);

/* Puts back the life events (with their synonyms and translations) that the last import
 * left out because no service reached them (provenance, nullable), while taxonomy_menu.csv
 * still names them or a situation under them. */
void           baken_hsds_menu_restore     (BakenHsdsMenu       *menu,
                                            BakenHsdsProvenance *provenance);
/* Keeps in provenance the rows of the life events left out (menu->left_out). */
void           baken_hsds_menu_keep_left_out (BakenHsdsMenu       *menu,
                                              BakenHsdsProvenance *provenance);

/* Writes the icons to the folder icons_dir: those in used_icons (all when it is NULL). */
gboolean       baken_hsds_menu_write_icons (BakenHsdsMenu  *menu,
                                            const char     *icons_dir,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenHsdsMenu, baken_hsds_menu_free)

G_END_DECLS
