/* baken-idle-dialog.h: "Bent u er nog?" with a countdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_IDLE_DIALOG (baken_idle_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BakenIdleDialog, baken_idle_dialog, BAKEN, IDLE_DIALOG, GtkWidget)

/* Its button activates kiosk.more-time. */
GtkWidget *baken_idle_dialog_new         (void);
void       baken_idle_dialog_set_seconds (BakenIdleDialog *self,
                                          guint            seconds);
guint      baken_idle_dialog_get_seconds (BakenIdleDialog *self);

/* The focus on "Ja, ik wil meer tijd". */
void       baken_idle_dialog_grab_focus  (BakenIdleDialog *self);

G_END_DECLS
