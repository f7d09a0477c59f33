/* baken-monitor-settings.h: kiosk.conf's [monitor], as the monitor takes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Immutable once loaded. */
typedef struct
{
  char *kiosk_id;      /* the id in the reports and their upload path; never NULL once
                        * loaded (default: baken_monitor_default_kiosk_id ()) */
  char *upload_url;    /* (nullable) reports go to UPLOAD-URL/KIOSK-ID/DAY.json; NULL:
                        * they stay on the kiosk for staff to export */
  char *upload_token;  /* (nullable) the bearer token; set whenever upload_url is.
                        * Never logged, never in an error message */
} BakenMonitorSettings;

BakenMonitorSettings *baken_monitor_settings_copy (const BakenMonitorSettings *settings);
void                  baken_monitor_settings_free (BakenMonitorSettings       *settings);
/* Frees the members of settings (a struct inside another), wiping the token. */
void                  baken_monitor_settings_clear (BakenMonitorSettings      *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenMonitorSettings, baken_monitor_settings_free)

/* Whether id is a kiosk id: a letter or digit, then up to 127 letters, digits, '.',
 * '_' or '-' (it is a folder name on the server). */
gboolean baken_monitor_check_kiosk_id     (const char  *id);
/* This computer's host name made into a kiosk id, else "kiosk". */
char    *baken_monitor_default_kiosk_id   (void);
/* Whether token can go into an Authorization header: 1 to 4096 printable ASCII
 * characters without spaces. The message never repeats the token. */
gboolean baken_monitor_check_token        (const char  *token,
                                           GError     **error);

G_END_DECLS
