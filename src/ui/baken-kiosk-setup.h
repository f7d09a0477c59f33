/* baken-kiosk-setup.h: where the kiosk's config and sync store come from
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

G_END_DECLS
