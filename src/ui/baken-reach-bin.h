/* baken-reach-bin.h: keeps its child in the lower part of the screen on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_REACH_BIN (baken_reach_bin_get_type ())

G_DECLARE_FINAL_TYPE (BakenReachBin, baken_reach_bin, BAKEN, REACH_BIN, GtkWidget)

GtkWidget *baken_reach_bin_new        (void);
GtkWidget *baken_reach_bin_get_child  (BakenReachBin *self);
void       baken_reach_bin_set_child  (BakenReachBin *self,
                                       GtkWidget     *child);
gboolean   baken_reach_bin_get_active (BakenReachBin *self);
/* Active: the child gets the lower two thirds of the bin's height (less when it needs
 * more); the top stays empty, out of reach for nobody. */
void       baken_reach_bin_set_active (BakenReachBin *self,
                                       gboolean       active);
/* The y where the child starts in the last allocation, for tests. */
int        baken_reach_bin_get_offset (BakenReachBin *self);

G_END_DECLS
