/* baken-slip-picture.c: the slip's pictures as textures for the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The slip renderer draws into cairo image surfaces; the print page shows textures.
 * This turns one into the other, and draws the slip's QR code large and sharp.
 */
#define G_LOG_DOMAIN "baken-slip-picture"

#include "config.h"

#include "baken-slip-picture.h"

#include "baken-slip-render.h"

/* cairo's ARGB32 layout is GDK_MEMORY_DEFAULT. The texture shows the surface's own
 * pixels and keeps the surface: a copy of a slip's preview (640 × 3444, 8.8 MB) took the
 * main thread a few milliseconds, most of them faulting in the new pages. */
GdkTexture *
baken_slip_picture_texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32);

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

GdkTexture *
baken_slip_picture_render_qr (const char  *url,
                              int          target_px,
                              int          min_module_px,
                              GError     **error)
{
  cairo_surface_t *probe;
  cairo_surface_t *surface;
  GdkTexture *texture;
  int modules;

  g_return_val_if_fail (url != NULL, NULL);

  probe = baken_slip_render_qr_image (url, 1, error);
  if (probe == NULL)
    return NULL;
  modules = cairo_image_surface_get_width (probe);
  cairo_surface_destroy (probe);

  surface = baken_slip_render_qr_image (url, MAX (min_module_px, target_px / modules),
                                        error);
  if (surface == NULL)
    return NULL;
  texture = baken_slip_picture_texture_for_surface (surface);
  cairo_surface_destroy (surface);

  return texture;
}
