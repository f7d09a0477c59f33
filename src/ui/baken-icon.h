/* baken-icon.h: an SVG icon drawn at its exact pixel size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BAKEN_TYPE_ICON (baken_icon_get_type ())

G_DECLARE_FINAL_TYPE (BakenIcon, baken_icon, BAKEN, ICON, GtkWidget)

/* Resource folder of the UI icons (assets/icons/NAME.svg). */
#define BAKEN_ICON_RESOURCE_PATH "/nl/baken/Kiosk/icons/"

GtkWidget  *baken_icon_new             (const char *icon_name,
                                        int         pixel_size);
GtkWidget  *baken_icon_new_for_svg     (GBytes     *svg,
                                        int         pixel_size);

const char *baken_icon_get_icon_name   (BakenIcon  *self);
void        baken_icon_set_icon_name   (BakenIcon  *self,
                                        const char *icon_name);
GBytes     *baken_icon_get_svg         (BakenIcon  *self);
void        baken_icon_set_svg         (BakenIcon  *self,
                                        GBytes     *svg);
int         baken_icon_get_pixel_size  (BakenIcon  *self);
void        baken_icon_set_pixel_size  (BakenIcon  *self,
                                        int         pixel_size);
gboolean    baken_icon_get_fill        (BakenIcon  *self);
void        baken_icon_set_fill        (BakenIcon  *self,
                                        gboolean    fill);
/* Whether the icon's window asks for high contrast (the class .high-contrast). */
gboolean    baken_icon_is_high_contrast  (BakenIcon  *self);
/* Whether the icon was last drawn recoloured for high contrast; for tests. */
gboolean    baken_icon_get_drawn_high_contrast (BakenIcon *self);
/* The size in device pixels the icon was last rendered at (0: not yet); for tests. */
int         baken_icon_get_rendered_size (BakenIcon *self);

G_END_DECLS
