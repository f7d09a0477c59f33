/* baken-icon-render.c: SVG icons drawn at their exact pixel size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-icon-render"

#include "config.h"

#include "baken-icon-render.h"

#include <librsvg/rsvg.h>
#include <string.h>

struct _BakenIconRender
{
  gatomicrefcount  ref_count;

  RsvgHandle      *handle;  /* (owned) */
};

G_DEFINE_QUARK (baken-icon-render-error-quark, baken_icon_render_error)

G_DEFINE_BOXED_TYPE (BakenIconRender, baken_icon_render,
                     baken_icon_render_ref, baken_icon_render_unref)

static gboolean
check_size (double   size,
            GError **error)
{
  if (!(size > 0) || size > BAKEN_ICON_RENDER_MAX_SIZE)
    {
      g_set_error (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_SIZE,
                   "An icon cannot be drawn at %g pixels (allowed: 1 to %d)",
                   size, BAKEN_ICON_RENDER_MAX_SIZE);
      return FALSE;
    }

  return TRUE;
}

/**
 * baken_icon_render_new:
 * @svg: SVG document bytes
 * @error: return location for a #GError
 *
 * Parses @svg once. librsvg never loads external files or URLs for a handle that
 * has no base file, so an icon cannot reach outside its own bytes.
 *
 * Returns: (transfer full): the icon, or %NULL with @error set
 *   (%BAKEN_ICON_RENDER_ERROR_INVALID)
 */
BakenIconRender *
baken_icon_render_new (GBytes  *svg,
                       GError **error)
{
  g_autoptr(GError) local_error = NULL;
  RsvgHandle *handle;
  BakenIconRender *self;
  gboolean has_width, has_height, has_viewbox;
  RsvgLength width, height;
  RsvgRectangle viewbox;
  const guint8 *data;
  gsize len;

  g_return_val_if_fail (svg != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (svg, &len);
  if (len == 0)
    {
      g_set_error_literal (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_INVALID,
                           "The SVG icon is empty");
      return NULL;
    }

  handle = rsvg_handle_new_from_data (data, len, &local_error);
  if (handle == NULL)
    {
      g_set_error (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_INVALID,
                   "Not a readable SVG icon: %s", local_error->message);
      return NULL;
    }

  rsvg_handle_get_intrinsic_dimensions (handle, &has_width, &width, &has_height,
                                        &height, &has_viewbox, &viewbox);
  if (!has_viewbox && !(has_width && has_height))
    {
      g_set_error_literal (error, BAKEN_ICON_RENDER_ERROR,
                           BAKEN_ICON_RENDER_ERROR_INVALID,
                           "The SVG icon has neither a viewBox nor a width and height");
      g_object_unref (handle);
      return NULL;
    }

  self = g_new0 (BakenIconRender, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->handle = handle;  /* (transfer full) */

  return self;
}

/**
 * baken_icon_render_set_stylesheet:
 * @css: (nullable): a CSS style sheet, or %NULL for the icon's own colours
 *
 * Applies @css on top of the icon's own styles (librsvg 2.48+), e.g. to recolour it for
 * high contrast. Rules win over presentation attributes such as stroke="#1a1a2e".
 */
gboolean
baken_icon_render_set_stylesheet (BakenIconRender  *self,
                                  const char       *css,
                                  GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text = css != NULL ? css : "";

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!rsvg_handle_set_stylesheet (self->handle, (const guint8 *) text, strlen (text),
                                   &local_error))
    {
      g_set_error (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_INVALID,
                   "The icon style sheet is not valid CSS: %s", local_error->message);
      return FALSE;
    }

  return TRUE;
}

BakenIconRender *
baken_icon_render_ref (BakenIconRender *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
baken_icon_render_unref (BakenIconRender *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_object (&self->handle);
      g_free (self);
    }
}

/**
 * baken_icon_render_draw:
 *
 * Renders the document with librsvg directly into the square, so the vector data is
 * rasterised at the final pixel size.
 */
gboolean
baken_icon_render_draw (BakenIconRender  *self,
                        cairo_t          *cr,
                        double            x,
                        double            y,
                        double            size,
                        GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  RsvgRectangle viewport = { x, y, size, size };
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_size (size, error))
    return FALSE;

  if (!rsvg_handle_render_document (self->handle, cr, &viewport, &local_error))
    {
      g_set_error (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_DRAW,
                   "Could not draw the icon: %s", local_error->message);
      return FALSE;
    }

  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_DRAW,
                   "Could not draw the icon: %s", cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * baken_icon_render_to_surface:
 *
 * Returns: (transfer full): an image surface of exactly @size × @size pixels, or
 *   %NULL with @error set
 */
cairo_surface_t *
baken_icon_render_to_surface (BakenIconRender  *self,
                              int               size,
                              GError          **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_size (size, error))
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_DRAW,
                   "Could not create a %d × %d surface: %s", size, size,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  ok = baken_icon_render_draw (self, cr, 0, 0, size, error);
  cairo_destroy (cr);

  if (!ok)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_flush (surface);

  return surface;
}

cairo_surface_t *
baken_icon_render_data (GBytes  *svg,
                        int      size,
                        GError **error)
{
  g_autoptr(BakenIconRender) icon = NULL;

  g_return_val_if_fail (svg != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  icon = baken_icon_render_new (svg, error);
  if (icon == NULL)
    return NULL;

  return baken_icon_render_to_surface (icon, size, error);
}
