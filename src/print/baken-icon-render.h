/* baken-icon-render.h: SVG icons drawn at their exact pixel size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An icon is parsed once (baken_icon_render_new) and then drawn with librsvg straight
 * into the target size: the cairo context of a widget or a slip, or an image surface of
 * exactly size × size pixels. A bitmap is never scaled.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define BAKEN_ICON_RENDER_ERROR (baken_icon_render_error_quark ())

typedef enum {
  BAKEN_ICON_RENDER_ERROR_INVALID,  /* not an SVG librsvg can read */
  BAKEN_ICON_RENDER_ERROR_SIZE,     /* a size ≤ 0 or larger than BAKEN_ICON_RENDER_MAX_SIZE */
  BAKEN_ICON_RENDER_ERROR_DRAW,     /* librsvg or cairo failed while drawing */
} BakenIconRenderError;

GQuark baken_icon_render_error_quark (void);

/* Larger than any screen or slip needs; guards against huge surfaces. */
#define BAKEN_ICON_RENDER_MAX_SIZE 4096

typedef struct _BakenIconRender BakenIconRender;

GType            baken_icon_render_get_type       (void) G_GNUC_CONST;
/* Parses SVG data once. External files and URLs are never loaded. */
BakenIconRender *baken_icon_render_new            (GBytes           *svg,
                                                   GError          **error);
BakenIconRender *baken_icon_render_ref            (BakenIconRender  *self);
void             baken_icon_render_unref          (BakenIconRender  *self);

/* A CSS style sheet applied on top of the icon's own styles (NULL: none), e.g. to
 * recolour it for high contrast. */
gboolean         baken_icon_render_set_stylesheet (BakenIconRender  *self,
                                                   const char       *css,
                                                   GError          **error);

/* Draws the icon into the square (x, y, size, size) of cr, keeping its aspect ratio
 * and centring it. */
gboolean         baken_icon_render_draw           (BakenIconRender  *self,
                                                   cairo_t          *cr,
                                                   double            x,
                                                   double            y,
                                                   double            size,
                                                   GError          **error);
/* A new ARGB32 image surface of exactly size × size pixels with the icon drawn in it. */
cairo_surface_t *baken_icon_render_to_surface     (BakenIconRender  *self,
                                                   int               size,
                                                   GError          **error);

/* Parses and renders in one go (one-off use: validation, tests). */
cairo_surface_t *baken_icon_render_data           (GBytes           *svg,
                                                   int               size,
                                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenIconRender, baken_icon_render_unref)

G_END_DECLS
