/* baken-content-switch.h: new content between residents, and the staff notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baken-kiosk-content.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_CONTENT_SWITCH (baken_content_switch_get_type ())

G_DECLARE_FINAL_TYPE (BakenContentSwitch, baken_content_switch, BAKEN, CONTENT_SWITCH, GObject)

/* Follows content for window: the staff notice in status_slot, the report that new
 * content is on screen once window drew it. The signal "update-waiting" says a new
 * bundle waits: switch (apply ()) when nobody is on a path. */
BakenContentSwitch *baken_content_switch_new         (GtkWidget          *window,
                                                      AdwBin             *status_slot,
                                                      BakenKioskContent  *content);

/* Emits "update-waiting" now when a bundle already waits. */
void                baken_content_switch_start       (BakenContentSwitch *self);
/* Between residents: switches to a bundle that waits, if any. */
void                baken_content_switch_apply       (BakenContentSwitch *self);
/* Builds the staff notice again, in the current language. */
void                baken_content_switch_update_mark (BakenContentSwitch *self);

G_END_DECLS
