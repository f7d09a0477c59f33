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

/* Opens GTK's display with the kiosk's own GTK theme, "Baken" (call it in startup,
 * before chaining up): libadwaita's stylesheet cut down to the rules that can style the
 * GTK widgets the kiosk shows (ui/gen-theme.py). GTK parses only that (~3 ms), not its
 * own Default theme (~8 ms) nor, once libadwaita starts, libadwaita's whole stylesheet
 * (~13 ms): libadwaita loads none while GTK_THEME names a theme. GTK_THEME stays set for
 * the process, so a desktop's theme setting cannot swap the theme later. An admin's
 * GTK_THEME is left alone; without a display this does nothing, and GTK reports it as
 * before. */
#define BAKEN_GTK_THEME "Baken"

void         baken_kiosk_setup_open_display (void);

G_END_DECLS
