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

/* A step of --open, once its kind is known. */
typedef enum {
  BAKEN_OPEN_STEP_LOCATION,        /* a page: baken_navigator_open () */
  BAKEN_OPEN_STEP_LANGUAGE,        /* lang:CODE, a language of [kiosk] languages */
  BAKEN_OPEN_STEP_A11Y,            /* a11y:WHAT */
  BAKEN_OPEN_STEP_IDLE_PROMPT,     /* idle:prompt */
} BakenOpenStep;

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
/* What the --open step asks; argument is the part after "KIND:" (a language, an a11y
 * setting), or NULL for a location. Fails for a language the kiosk does not offer. */
gboolean          baken_open_step_parse       (const char                   *step,
                                               const char * const           *languages,
                                               BakenOpenStep                *kind,
                                               const char                  **argument,
                                               GError                      **error);

G_END_DECLS
