/* baken-slip-pen.h: measuring text and placing blocks on the pages of a slip
 * (baken-slip-pen.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "baken-slip.h"
#include "baken-slip-paper.h"

G_BEGIN_DECLS

/* Arabic letters are not in Noto Sans: Noto Sans Arabic sets them, not DejaVu. */
#define BAKEN_SLIP_FONT_FAMILY "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif"
#define BAKEN_SLIP_PEN_NO_PAGE G_MAXUINT

/* Page geometry and type sizes of one paper. */
typedef struct
{
  double   page_width;      /* pt */
  double   page_height;     /* pt; 0: a receipt, as long as the content */
  double   margin_side;
  double   margin_top;
  double   margin_bottom;
  double   title;           /* font sizes, pt */
  double   value;
  double   heading;
  double   body;
  double   small;
  double   gap;             /* between sections */
  double   qr_size;         /* QR code with its quiet zone */
  double   icon_size;
  gboolean qr_in_header;    /* beside the title (pages) or at the end (receipt) */
  gboolean hours_beside;    /* the hours table right of a channel or address (A4) */
} BakenSlipStyle;

/* Where the next block goes; read and advanced by the layout. */
typedef struct
{
  cairo_t              *cr;       /* (unowned) (nullable) NULL when measuring */
  PangoContext         *context;  /* (unowned) */
  const BakenSlipStyle *style;
  double                left;
  double                width;
  double                top;
  double                bottom;   /* of the printable area; G_MAXDOUBLE for a receipt */
  double                y;
  guint                 page;
  guint                 target;   /* the page being drawn, BAKEN_SLIP_PEN_NO_PAGE when
                                   * measuring */
  gboolean              rtl;      /* right to left: every block is placed as in a mirror
                                   * (x counts from the right edge of the page) and text is
                                   * right-aligned in a right-to-left paragraph */
} BakenSlipPen;


void          baken_slip_style_for_paper       (BakenPaper            paper,
                                                BakenSlipStyle       *style);
/* Our own PangoContext: unhinted metrics, 72 dpi (one point is one user unit); its
 * paragraphs run right to left when rtl. */
PangoContext *baken_slip_pen_create_context    (gboolean              rtl);
/* At the top of the first page; cr NULL measures, else page target is drawn. rtl: the
 * page is laid out as in a mirror (baken_slip_pen_x ()). */
void          baken_slip_pen_init              (BakenSlipPen         *pen,
                                                const BakenSlipStyle *style,
                                                PangoContext         *context,
                                                cairo_t              *cr,
                                                guint                 target,
                                                gboolean              rtl);
/* Where a block of `width` that the layout puts at x really goes: x itself, or on a
 * right-to-left page its mirror image. */
double        baken_slip_pen_x                 (const BakenSlipPen   *pen,
                                                double                x,
                                                double                width);
/* cairo_rectangle () of a box the layout puts at x, mirrored on a right-to-left page. */
void          baken_slip_pen_rectangle         (BakenSlipPen         *pen,
                                                double                x,
                                                double                y,
                                                double                width,
                                                double                height);
/* TRUE when what is placed now is drawn (not measuring, on the page being drawn). */
gboolean      baken_slip_pen_is_drawing        (const BakenSlipPen   *pen);
/* Where a block of this height goes: on this page when it fits, else at the top of the
 * next one (a block taller than a page starts a page and runs over its bottom margin,
 * which only happens for absurd content). */
double        baken_slip_pen_place             (BakenSlipPen         *pen,
                                                double                height);
/* Plain text (never markup) in the slip's font, wrapped at width (-1: not wrapped). On a
 * right-to-left page every number in it is isolated left to right. */
PangoLayout  *baken_slip_pen_text              (BakenSlipPen         *pen,
                                                const char           *text,
                                                double                size,
                                                PangoWeight           weight,
                                                double                width);
/* The same for a value read left to right as a whole (a phone number, an address, a
 * web address): isolated whole on a right-to-left page. */
PangoLayout  *baken_slip_pen_value             (BakenSlipPen         *pen,
                                                const char           *text,
                                                double                size,
                                                PangoWeight           weight,
                                                double                width);
double        baken_slip_layout_height         (PangoLayout          *layout);
double        baken_slip_layout_width          (PangoLayout          *layout);
/* Shows layout at x, y when drawing (mirrored on a right-to-left page). */
void          baken_slip_pen_show              (BakenSlipPen         *pen,
                                                PangoLayout          *layout,
                                                double                x,
                                                double                y);
/* A paragraph, kept together, followed by `after` points of space. */
void          baken_slip_pen_paragraph         (BakenSlipPen         *pen,
                                                const char           *text,
                                                double                size,
                                                PangoWeight           weight,
                                                double                indent,
                                                double                after);
/* The same for a value (see baken_slip_pen_value ()). */
void          baken_slip_pen_value_paragraph   (BakenSlipPen         *pen,
                                                const char           *text,
                                                double                size,
                                                PangoWeight           weight,
                                                double                after);
/* A line across the column. */
void          baken_slip_pen_rule              (BakenSlipPen         *pen,
                                                double                thickness,
                                                double                after);
/* A section heading with a short bar in front, kept with the first `next` points of what
 * follows it. */
void          baken_slip_pen_heading           (BakenSlipPen         *pen,
                                                const char           *text,
                                                double                next);
/* Height of the first line of text (of "M" for NULL) at size. */
double        baken_slip_pen_first_line_height (BakenSlipPen         *pen,
                                                const char           *text,
                                                double                size);

G_END_DECLS
