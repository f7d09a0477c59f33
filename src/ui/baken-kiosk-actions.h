/* baken-kiosk-actions.h: the kiosk.* actions of the pages and bars, and --open steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"
#include "baken-navigator.h"

G_BEGIN_DECLS

/* What the window still has to do after baken_kiosk_actions_run (). */
typedef enum {
  BAKEN_KIOSK_REQUEST_NONE,        /* done (or nothing to do): it was input */
  BAKEN_KIOSK_REQUEST_FAILED,      /* it went nowhere (logged) */
  BAKEN_KIOSK_REQUEST_STAFF_ENTER, /* open the staff PIN pad */
  BAKEN_KIOSK_REQUEST_STAFF_DONE,  /* end staff mode: the reset between residents */
} BakenKioskRequest;

/* Installs the kiosk.* actions on widget_class, all activating activate, and the
 * property action "kiosk.language" of the property "language". */
void              baken_kiosk_actions_install (GtkWidgetClass               *widget_class,
                                               GtkWidgetActionActivateFunc   activate);
/* Goes where the action action_name ("kiosk.…") with parameter (nullable) says, through
 * navigator; the staff screens only while context's audience is staff. */
BakenKioskRequest baken_kiosk_actions_run     (BakenNavigator               *navigator,
                                               BakenContext                 *context,
                                               const char                   *action_name,
                                               GVariant                     *parameter);

G_END_DECLS
