/* baken-slip-layout.h: where every block of a slip goes, for the renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "baken-slip.h"
#include "baken-slip-paper.h"

G_BEGIN_DECLS

/* Page size in points and the number of pages; a receipt's height is its content's. */
void _baken_slip_layout_measure (BakenSlip  *slip,
                                 BakenPaper  paper,
                                 double     *width,
                                 double     *height,
                                 guint      *n_pages);
/* Draws page `page` (0-based) into cr, user space in points, black on what is there. */
void _baken_slip_layout_draw    (BakenSlip  *slip,
                                 BakenPaper  paper,
                                 cairo_t    *cr,
                                 guint       page);

G_END_DECLS
