/* baken-staff-controller.h: the way into staff mode, and the banner while it is on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baken-context.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_STAFF_CONTROLLER (baken_staff_controller_get_type ())

G_DECLARE_FINAL_TYPE (BakenStaffController, baken_staff_controller, BAKEN, STAFF_CONTROLLER,
                      GObject)

/* Where the parts go in the window. */
typedef struct
{
  GtkWidget *window;       /* its keys go to the PIN pad while it is open */
  GtkWidget *kiosk_name;   /* a 3-second press here opens the PIN pad */
  AdwBin    *banner_slot;  /* the banner while staff mode is on */
  AdwBin    *pad_slot;     /* an overlay for the PIN pad */
} BakenStaffLayout;

/* Signals: "changed" when staff mode starts or ends (the page is built again for the
 * new audience), "activity" on every PIN key (input, for the idle timer), "pad-shown"
 * when the PIN pad opens. */
BakenStaffController *baken_staff_controller_new      (const BakenStaffLayout *layout,
                                                       BakenContext           *context);
/* The PIN pad (kiosk.staff-enter); says so when entry is locked or not configured. */
void                  baken_staff_controller_open_pad (BakenStaffController   *self);
gboolean              baken_staff_controller_get_pad_visible (BakenStaffController *self);
/* Ends staff mode and closes the pad: "Klaar" and every idle reset. */
void                  baken_staff_controller_end      (BakenStaffController   *self);
/* The gettext language changed: the banner and the pad in the new language. */
void                  baken_staff_controller_relabel  (BakenStaffController   *self);

G_END_DECLS
