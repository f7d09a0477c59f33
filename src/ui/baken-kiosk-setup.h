/* baken-kiosk-setup.h: where the kiosk's config and sync store come from, and the display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-config.h"
#include "baken-sync.h"

G_BEGIN_DECLS

/* kiosk.conf when no --config is given (SYSCONFDIR is in config.h). */
#define BAKEN_SYSTEM_CONFIG_PATH SYSCONFDIR "/baken/kiosk.conf"

/* path (nullable): else BAKEN_SYSTEM_CONFIG_PATH when it exists, else the defaults. */
BakenConfig *baken_kiosk_setup_load_config (const char   *path,
                                            GError      **error);
/* The sync of state_dir (nullable: baken_sync_dup_default_state_dir ()), or NULL with
 * a warning when the folder cannot be used. */
BakenSync   *baken_kiosk_setup_open_sync   (BakenConfig  *config,
                                            const char   *state_dir);

/* Opens GTK's display before libadwaita starts (call it in startup, before chaining up).
 * GTK parses its own Default theme when it opens the display (~80 million
 * instructions, a tenth of the work before the first frame), and libadwaita throws it
 * away at once for its stylesheet and the empty theme "Adwaita-empty". GTK opened with
 * that theme named skips the parse. The name is taken back before libadwaita starts: it
 * reads GTK_THEME to decide whether to load its stylesheet at all. An admin's GTK_THEME
 * is left alone; without a display this does nothing, and GTK reports it as before. */
void         baken_kiosk_setup_open_display (void);

G_END_DECLS
