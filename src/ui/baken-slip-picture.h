/* baken-slip-picture.h: the slip's pictures as textures for the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An ARGB32 image surface as a texture of its own pixels, no copy: the texture keeps a
 * reference to the surface, which must not be drawn on again. */
GdkTexture *baken_slip_picture_texture_for_surface (cairo_surface_t  *surface);
/* The QR code of url at a whole number of pixels per module, about target_px wide and
 * at least min_module_px per module. */
GdkTexture *baken_slip_picture_render_qr           (const char       *url,
                                                    int               target_px,
                                                    int               min_module_px,
                                                    GError          **error);

G_END_DECLS
