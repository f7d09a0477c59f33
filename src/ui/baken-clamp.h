/* baken-clamp.h: a page's content, at most so wide, centred
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_CLAMP (baken_clamp_get_type ())

/* An AdwBin: its child is adw_bin_get_child () and the "child" property. */
G_DECLARE_FINAL_TYPE (BakenClamp, baken_clamp, BAKEN, CLAMP, AdwBin)

GtkWidget *baken_clamp_new              (void);
int        baken_clamp_get_maximum_size (BakenClamp *self);
/* The widest the child gets, in pixels (unless its minimum is wider). */
void       baken_clamp_set_maximum_size (BakenClamp *self,
                                         int         maximum_size);

G_END_DECLS
