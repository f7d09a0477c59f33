/* baken-screen-frame.h: the window's whole content, as large as the screen it is on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_SCREEN_FRAME (baken_screen_frame_get_type ())

G_DECLARE_FINAL_TYPE (BakenScreenFrame, baken_screen_frame, BAKEN, SCREEN_FRAME, GtkWidget)

GtkWidget *baken_screen_frame_new       (void);
GtkWidget *baken_screen_frame_get_child (BakenScreenFrame *self);
void       baken_screen_frame_set_child (BakenScreenFrame *self,
                                         GtkWidget        *child);

G_END_DECLS
