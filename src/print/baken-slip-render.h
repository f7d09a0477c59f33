/* baken-slip-render.h: draw a referral slip to PDF (printer) or an image (preview)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One code path draws a BakenSlip into a cairo context in points (1/72 inch); the PDF
 * for the printer and the image for the on-screen preview both come from it, so the
 * preview shows exactly what prints.
 *
 * Layouts (BakenPaper; kiosk.conf's [print] paper):
 * - BAKEN_PAPER_RECEIPT_80MM: 80 mm wide, 72 mm printable (4 mm margins), one page whose
 *   height follows the content: the slip is measured first, then the page is made.
 * - BAKEN_PAPER_A4, BAKEN_PAPER_A5: portrait pages; a block that does not fit on a page
 *   starts the next one.
 * Text wraps at word boundaries and, for words wider than the column, between letters
 * (PANGO_WRAP_WORD_CHAR): nothing runs off the paper. Content text is never parsed as
 * markup.
 *
 * The functions are thread-safe for different slips and for the same slip (it is not
 * changed). The _async variants run on one worker thread of their own, one slip after
 * the other.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "baken-slip.h"
#include "baken-slip-paper.h"

G_BEGIN_DECLS

#define BAKEN_SLIP_RENDER_ERROR (baken_slip_render_error_quark ())

typedef enum {
  BAKEN_SLIP_RENDER_ERROR_DRAW,   /* cairo failed (out of memory, a surface too large) */
  BAKEN_SLIP_RENDER_ERROR_WRITE,  /* the PDF or PNG file could not be written */
} BakenSlipRenderError;

GQuark baken_slip_render_error_quark (void);

/* The size of one page and the number of pages. For a receipt there is one page and
 * height_pt is what the content needs. */
gboolean         baken_slip_render_measure    (BakenSlip            *slip,
                                               BakenPaper            paper,
                                               double               *width_pt,
                                               double               *height_pt,
                                               guint                *n_pages,
                                               GError              **error);

/* Draws page `page` (0-based) of the slip into cr, whose user space is in points with
 * the page's top left corner at (0, 0). The background is left as it is. */
gboolean         baken_slip_render_draw_page  (BakenSlip            *slip,
                                               BakenPaper            paper,
                                               cairo_t              *cr,
                                               guint                 page,
                                               GError              **error);

/* The whole slip as PDF data or a PDF file. */
GBytes          *baken_slip_render_pdf        (BakenSlip            *slip,
                                               BakenPaper            paper,
                                               GError              **error);
gboolean         baken_slip_render_pdf_file   (BakenSlip            *slip,
                                               BakenPaper            paper,
                                               const char           *path,
                                               GError              **error);

/* An ARGB32 image of the slip on white paper at pixels_per_mm (4–20 is sensible: a
 * receipt at 6 px/mm is 480 px wide). Pages are stacked top to bottom with a gap of
 * 4 mm of transparent pixels between them. */
cairo_surface_t *baken_slip_render_image      (BakenSlip            *slip,
                                               BakenPaper            paper,
                                               double                pixels_per_mm,
                                               GError              **error);
gboolean         baken_slip_render_png        (BakenSlip            *slip,
                                               BakenPaper            paper,
                                               double                pixels_per_mm,
                                               const char           *path,
                                               GError              **error);

/* The QR code of a slip (slip->qr_url) alone, for the screen that offers it instead of
 * a slip that could not print: black modules of module_px × module_px pixels on white,
 * with a quiet zone of 4 modules. NULL and BAKEN_SLIP_RENDER_ERROR_DRAW when the text
 * does not fit in a QR code. */
cairo_surface_t *baken_slip_render_qr_image   (const char           *text,
                                               int                   module_px,
                                               GError              **error);

/* The same in a worker thread: the UI thread never draws a slip itself. */
void             baken_slip_render_pdf_async    (BakenSlip           *slip,
                                                 BakenPaper           paper,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GBytes          *baken_slip_render_pdf_finish   (GAsyncResult        *result,
                                                 GError             **error);
void             baken_slip_render_image_async  (BakenSlip           *slip,
                                                 BakenPaper           paper,
                                                 double               pixels_per_mm,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* (transfer full): cairo_surface_destroy () it. */
cairo_surface_t *baken_slip_render_image_finish (GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
