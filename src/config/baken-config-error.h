/* baken-config-error.h: errors about kiosk.conf that say FILE:LINE (baken-config-error.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-config.h"

G_BEGIN_DECLS

/* Sets error to "PATH:LINE: message", the line of key in group (of group itself when
 * key is NULL) in contents; returns FALSE. */
gboolean _baken_config_fail (GError           **error,
                             BakenConfigError   code,
                             const char        *path,
                             const char        *contents,
                             const char        *group,
                             const char        *key,
                             const char        *format,
                             ...) G_GNUC_PRINTF (7, 8);

G_END_DECLS
