/* baken-icon-cache.h: each SVG icon parsed once, and drawn once per size and style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The drawn icons kept, at most (the surfaces asked for longest ago go first). */
#define BAKEN_ICON_CACHE_MAX_BYTES ((gsize) 48 * 1024 * 1024)

/* Whether svg can be drawn (parsed once per distinct SVG); sets error when not. */
gboolean         baken_icon_cache_check     (GBytes      *svg,
                                             GError     **error);
/* The icon drawn at exactly size × size device pixels, with stylesheet (NULL: none) on
 * top of its own styles: a new reference to a surface shared by every icon of the same
 * SVG, size and style sheet (which must be a static string). NULL with error set when
 * it cannot be drawn. */
cairo_surface_t *baken_icon_cache_lookup    (GBytes      *svg,
                                             int          size,
                                             const char  *stylesheet,
                                             GError     **error);
/* Bytes of drawn icons kept now (tests). */
gsize            baken_icon_cache_get_bytes (void);
/* Forgets everything (tests; memory is bounded without it). */
void             baken_icon_cache_clear     (void);

G_END_DECLS
