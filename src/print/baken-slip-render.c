/* baken-slip-render.c: draw a referral slip to PDF (printer) or an image (preview)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is in baken-slip-layout.c; this file makes the surfaces: it measures the
 * slip, creates a PDF or image surface of the right size and draws every page into it.
 */
#define G_LOG_DOMAIN "baken-slip-render"

#include "config.h"

#include "baken-slip-render.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <qrencode.h>

#include "baken-slip-layout.h"

G_DEFINE_QUARK (baken-slip-render-error-quark, baken_slip_render_error)

static gboolean
check_cairo (cairo_status_t   status,
             const char      *what,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, BAKEN_SLIP_RENDER_ERROR,
               status == CAIRO_STATUS_WRITE_ERROR ? BAKEN_SLIP_RENDER_ERROR_WRITE
                                                  : BAKEN_SLIP_RENDER_ERROR_DRAW,
               "Cannot draw the slip (%s): %s", what, cairo_status_to_string (status));
  return FALSE;
}

gboolean
baken_slip_render_measure (BakenSlip   *slip,
                           BakenPaper   paper,
                           double      *width_pt,
                           double      *height_pt,
                           guint       *n_pages,
                           GError     **error)
{
  double width, height;
  guint pages;

  g_return_val_if_fail (slip != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _baken_slip_layout_measure (slip, paper, &width, &height, &pages);
  if (width_pt != NULL)
    *width_pt = width;
  if (height_pt != NULL)
    *height_pt = height;
  if (n_pages != NULL)
    *n_pages = pages;

  return TRUE;
}

gboolean
baken_slip_render_draw_page (BakenSlip   *slip,
                             BakenPaper   paper,
                             cairo_t     *cr,
                             guint        page,
                             GError     **error)
{
  g_return_val_if_fail (slip != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _baken_slip_layout_draw (slip, paper, cr, page);

  return check_cairo (cairo_status (cr), "drawing", error);
}

static cairo_status_t
write_to_array_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render_pdf_surface (BakenSlip        *slip,
                    BakenPaper        paper,
                    cairo_surface_t  *(*create) (gpointer, double, double),
                    gpointer          data,
                    GError          **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint pages;
  gboolean ok = TRUE;

  /* Measure first: a receipt page is exactly as long as its content. */
  _baken_slip_layout_measure (slip, paper, &width, &height, &pages);
  surface = create (data, width, height);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  /* A generic title: nothing on the slip's outside says what the resident needs. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Baken");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Baken " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint page = 0; ok && page < pages; page++)
    {
      ok = baken_slip_render_draw_page (slip, paper, cr, page, error);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_cairo (cairo_surface_status (surface), "PDF", error);
  cairo_surface_destroy (surface);

  return ok;
}

static cairo_surface_t *
create_pdf_stream (gpointer data,
                   double   width,
                   double   height)
{
  return cairo_pdf_surface_create_for_stream (write_to_array_cb, data, width, height);
}

static cairo_surface_t *
create_pdf_file (gpointer data,
                 double   width,
                 double   height)
{
  return cairo_pdf_surface_create (data, width, height);
}

GBytes *
baken_slip_render_pdf (BakenSlip   *slip,
                       BakenPaper   paper,
                       GError     **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();

  g_return_val_if_fail (slip != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!render_pdf_surface (slip, paper, create_pdf_stream, pdf, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

gboolean
baken_slip_render_pdf_file (BakenSlip   *slip,
                            BakenPaper   paper,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (slip != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!render_pdf_surface (slip, paper, create_pdf_file, (gpointer) path, &local_error))
    {
      g_set_error (error, BAKEN_SLIP_RENDER_ERROR, local_error->code,
                   "Cannot write the slip to %s: %s", path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

cairo_surface_t *
baken_slip_render_image (BakenSlip   *slip,
                         BakenPaper   paper,
                         double       pixels_per_mm,
                         GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale, gap = BAKEN_MM_TO_PT (4);
  guint pages;
  int width_px, page_px, height_px;
  gboolean ok = TRUE;

  g_return_val_if_fail (slip != NULL, NULL);
  g_return_val_if_fail (pixels_per_mm > 0 && pixels_per_mm <= 50, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _baken_slip_layout_measure (slip, paper, &width, &height, &pages);
  scale = pixels_per_mm * 25.4 / 72.0;
  width_px = (int) ceil (width * scale);
  page_px = (int) ceil (height * scale);
  height_px = (int) ceil ((height * pages + gap * (pages - 1)) * scale);
  if (height_px > 32767 || width_px > 32767)
    {
      g_set_error (error, BAKEN_SLIP_RENDER_ERROR, BAKEN_SLIP_RENDER_ERROR_DRAW,
                   "Cannot draw the slip: %d × %d pixels is too large", width_px, height_px);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width_px, height_px);
  cr = cairo_create (surface);
  for (guint page = 0; ok && page < pages; page++)
    {
      double top = page * (height + gap) * scale;

      cairo_save (cr);
      cairo_rectangle (cr, 0, floor (top), width_px, page_px);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      cairo_translate (cr, 0, floor (top));
      cairo_scale (cr, scale, scale);
      ok = baken_slip_render_draw_page (slip, paper, cr, page, error);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (ok && !check_cairo (cairo_surface_status (surface), "image", error))
    ok = FALSE;
  if (!ok)
    g_clear_pointer (&surface, cairo_surface_destroy);

  return surface;
}

gboolean
baken_slip_render_png (BakenSlip   *slip,
                       BakenPaper   paper,
                       double       pixels_per_mm,
                       const char  *path,
                       GError     **error)
{
  cairo_surface_t *surface = baken_slip_render_image (slip, paper, pixels_per_mm, error);
  cairo_status_t status;

  if (surface == NULL)
    return FALSE;

  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BAKEN_SLIP_RENDER_ERROR, BAKEN_SLIP_RENDER_ERROR_WRITE,
                   "Cannot write the slip to %s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

cairo_surface_t *
baken_slip_render_qr_image (const char  *text,
                            int          module_px,
                            GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  QRcode *qr;
  int quiet = 4, side;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (module_px > 0 && module_px <= 64, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* As on the slip: medium error correction. */
  qr = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == NULL)
    {
      g_set_error (error, BAKEN_SLIP_RENDER_ERROR, BAKEN_SLIP_RENDER_ERROR_DRAW,
                   "Cannot make a QR code of %" G_GSIZE_FORMAT " bytes", strlen (text));
      return NULL;
    }

  side = (qr->width + 2 * quiet) * module_px;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, side, side);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < qr->width; row++)
    for (int col = 0; col < qr->width; col++)
      if (qr->data[row * qr->width + col] & 1)
        cairo_rectangle (cr, (col + quiet) * module_px, (row + quiet) * module_px,
                         module_px, module_px);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  QRcode_free (qr);

  if (!check_cairo (cairo_surface_status (surface), "QR code", error))
    g_clear_pointer (&surface, cairo_surface_destroy);

  return surface;
}

typedef struct
{
  BakenSlip  *slip;           /* (owned) */
  BakenPaper  paper;
  double      pixels_per_mm;
  gboolean    image;          /* an image for the preview, else a PDF */
} RenderData;

static void
render_data_free (RenderData *data)
{
  baken_slip_unref (data->slip);
  g_free (data);
}

static void
render_task (GTask      *task,
             RenderData *data)
{
  g_autoptr(GError) error = NULL;

  if (data->image)
    {
      cairo_surface_t *surface = baken_slip_render_image (data->slip, data->paper,
                                                          data->pixels_per_mm, &error);

      if (surface == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
    }
  else
    {
      GBytes *pdf = baken_slip_render_pdf (data->slip, data->paper, &error);

      if (pdf == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
    }
}

/* The thread of slip_queue (): draws each task it is given, in turn, for ever. */
static gpointer
slip_thread (gpointer data)
{
  GAsyncQueue *queue = data;

  for (;;)
    {
      g_autoptr(GTask) task = g_async_queue_pop (queue);

      if (!g_task_return_error_if_cancelled (task))
        render_task (task, g_task_get_task_data (task));
    }

  return NULL;
}

/* Slips are drawn on one thread, "baken-slip", that lives as long as the process, one
 * after the other. Pango gives each thread a font map of its own
 * (pango_cairo_font_map_get_default ()), and GLib's shared pool of GTask threads starts
 * and ends threads all the time (hundreds in a few dozen rounds of bench/soak): each
 * slip drawn on a new thread loaded its fonts anew, and part of what fontconfig,
 * HarfBuzz and cairo made for them stayed, some 1 KB per slip (heaptrack over
 * bench/soak). */
static GAsyncQueue *
slip_queue (void)
{
  static GAsyncQueue *queue;

  if (g_once_init_enter (&queue))
    {
      GAsyncQueue *new_queue = g_async_queue_new ();

      /* Never joined: it waits on the queue until the process ends. */
      g_thread_unref (g_thread_new ("baken-slip", slip_thread, new_queue));
      g_once_init_leave (&queue, new_queue);
    }

  return queue;
}

static void
start_render (BakenSlip           *slip,
              BakenPaper           paper,
              double               pixels_per_mm,
              gpointer             source_tag,
              gboolean             image,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderData *data = g_new0 (RenderData, 1);

  data->slip = baken_slip_ref (slip);
  data->paper = paper;
  data->pixels_per_mm = pixels_per_mm;
  data->image = image;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_async_queue_push (slip_queue (), g_steal_pointer (&task));
}

void
baken_slip_render_pdf_async (BakenSlip           *slip,
                             BakenPaper           paper,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (slip != NULL);

  start_render (slip, paper, 0, baken_slip_render_pdf_async, FALSE,
                cancellable, callback, user_data);
}

GBytes *
baken_slip_render_pdf_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == baken_slip_render_pdf_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
baken_slip_render_image_async (BakenSlip           *slip,
                               BakenPaper           paper,
                               double               pixels_per_mm,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (slip != NULL);
  g_return_if_fail (pixels_per_mm > 0 && pixels_per_mm <= 50);

  start_render (slip, paper, pixels_per_mm, baken_slip_render_image_async, TRUE,
                cancellable, callback, user_data);
}

cairo_surface_t *
baken_slip_render_image_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == baken_slip_render_image_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
