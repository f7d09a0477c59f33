/* baken-config-monitor.h: the [monitor] section of kiosk.conf (baken-config-monitor.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-config.h"

G_BEGIN_DECLS

/* kiosk-id: this computer's host name made into an id; no upload. */
void     _baken_config_monitor_set_defaults (BakenConfig  *self);
/* Reads [monitor] key from file (help: what a good value looks like). The token is
 * never part of a message. */
gboolean _baken_config_monitor_read         (BakenConfig  *self,
                                             GKeyFile     *file,
                                             const char   *key,
                                             const char   *help,
                                             const char   *path,
                                             const char   *contents,
                                             GError      **error);
/* upload-url and upload-token come together. */
gboolean _baken_config_monitor_check        (BakenConfig  *self,
                                             const char   *path,
                                             const char   *contents,
                                             GError      **error);

G_END_DECLS
