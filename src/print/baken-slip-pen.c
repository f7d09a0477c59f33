/* baken-slip-pen.c: measuring text and placing blocks on the pages of a slip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pen knows the page geometry and type sizes of the paper. It runs to measure (no
 * cairo context: nothing is drawn, the pen only advances) or to draw one page (blocks
 * on other pages are skipped). A block is kept together: it goes on the page when it
 * fits, else at the top of the next one. Text is laid out in a PangoContext of our own
 * with hinted metrics off and a resolution of 72, so one point is one user unit and the
 * layout is the same on a PDF surface and on an image surface at any scale.
 *
 * A slip in a language written right to left is laid out as the mirror image of the
 * left-to-right one: the layout keeps placing blocks from the left, and the pen draws
 * each at its mirrored place; its text runs right to left and is right-aligned, with
 * numbers and values in left-to-right isolates so they read as they are dialled.
 */
#define G_LOG_DOMAIN "baken-slip-layout"

#include "config.h"

#include "baken-slip-pen.h"

#include <string.h>

#include "baken-bidi-text.h"
#include "baken-slip.h"

void
baken_slip_style_for_paper (BakenPaper      paper,
                            BakenSlipStyle *style)
{
  memset (style, 0, sizeof *style);

  switch (paper)
    {
    case BAKEN_PAPER_A4:
      style->page_width = BAKEN_MM_TO_PT (210);
      style->page_height = BAKEN_MM_TO_PT (297);
      style->margin_side = BAKEN_MM_TO_PT (18);
      style->margin_top = BAKEN_MM_TO_PT (12);
      style->margin_bottom = BAKEN_MM_TO_PT (12);
      style->title = 24;
      style->value = 19;
      style->heading = 13;
      style->body = 11;
      style->small = 9.5;
      style->gap = BAKEN_MM_TO_PT (4.5);
      style->qr_size = BAKEN_MM_TO_PT (32);
      style->icon_size = BAKEN_MM_TO_PT (14);
      style->qr_in_header = TRUE;
      style->hours_beside = TRUE;
      break;

    case BAKEN_PAPER_A5:
      style->page_width = BAKEN_MM_TO_PT (148);
      style->page_height = BAKEN_MM_TO_PT (210);
      style->margin_side = BAKEN_MM_TO_PT (12);
      style->margin_top = BAKEN_MM_TO_PT (11);
      style->margin_bottom = BAKEN_MM_TO_PT (11);
      style->title = 20;
      style->value = 16;
      style->heading = 12;
      style->body = 10;
      style->small = 8.5;
      style->gap = BAKEN_MM_TO_PT (4.5);
      style->qr_size = BAKEN_MM_TO_PT (28);
      style->icon_size = BAKEN_MM_TO_PT (11);
      style->qr_in_header = TRUE;
      break;

    case BAKEN_PAPER_RECEIPT_80MM:
    default:
      style->page_width = BAKEN_MM_TO_PT (BAKEN_SLIP_RECEIPT_WIDTH_MM);
      style->page_height = 0;
      style->margin_side = BAKEN_MM_TO_PT ((BAKEN_SLIP_RECEIPT_WIDTH_MM -
                                           BAKEN_SLIP_RECEIPT_PRINTABLE_MM) / 2);
      style->margin_top = BAKEN_MM_TO_PT (3);
      /* Room for the tear-off edge of the printer. */
      style->margin_bottom = BAKEN_MM_TO_PT (8);
      style->title = 19;
      style->value = 17;
      style->heading = 11.5;
      style->body = 10;
      style->small = 8.5;
      style->gap = BAKEN_MM_TO_PT (4);
      style->qr_size = BAKEN_MM_TO_PT (BAKEN_SLIP_QR_RECEIPT_MM);
      style->icon_size = BAKEN_MM_TO_PT (10);
      style->qr_in_header = FALSE;
      break;
    }
}

PangoContext *
baken_slip_pen_create_context (gboolean rtl)
{
  /* Per thread in Pango: safe in a GTask worker. */
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: text is as wide on the PDF as in the preview at any scale. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  cairo_font_options_destroy (options);

  return context;
}

gboolean
baken_slip_pen_is_drawing (const BakenSlipPen *pen)
{
  return pen->cr != NULL && pen->page == pen->target;
}

double
baken_slip_pen_place (BakenSlipPen *pen,
                      double        height)
{
  if (pen->y + height > pen->bottom && pen->y > pen->top)
    {
      pen->page++;
      pen->y = pen->top;
    }

  return pen->y;
}

double
baken_slip_pen_x (const BakenSlipPen *pen,
                  double              x,
                  double              width)
{
  return pen->rtl ? pen->style->page_width - x - width : x;
}

void
baken_slip_pen_rectangle (BakenSlipPen *pen,
                          double        x,
                          double        y,
                          double        width,
                          double        height)
{
  cairo_rectangle (pen->cr, baken_slip_pen_x (pen, x, width), y, width, height);
}

static PangoLayout *
make_layout (BakenSlipPen *pen,
             const char   *text,
             double        size,
             PangoWeight   weight,
             double        width,
             gboolean      value)
{
  PangoLayout *layout = pango_layout_new (pen->context);
  g_autoptr(PangoFontDescription) font = NULL;

  font = pango_font_description_from_string (BAKEN_SLIP_FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (pen->rtl)
    {
      /* Every paragraph right to left (the context's direction), also one that starts
       * with a Latin name, and flush with the right edge. */
      pango_layout_set_auto_dir (layout, FALSE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
    }
  if (value)
    {
      /* A web or e-mail address broken between letters gets no hyphen: it is not part of
       * the address. */
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  /* Content is plain text: never markup. */
  pango_layout_set_text (layout, text, -1);

  return layout;
}

PangoLayout *
baken_slip_pen_text (BakenSlipPen *pen,
                     const char   *text,
                     double        size,
                     PangoWeight   weight,
                     double        width)
{
  g_autofree char *isolated = NULL;

  if (pen->rtl)
    text = isolated = baken_bidi_isolate_numbers (text);

  return make_layout (pen, text, size, weight, width, FALSE);
}

PangoLayout *
baken_slip_pen_value (BakenSlipPen *pen,
                      const char   *text,
                      double        size,
                      PangoWeight   weight,
                      double        width)
{
  g_autofree char *isolated = NULL;

  if (pen->rtl)
    text = isolated = baken_bidi_isolate_value (text);

  return make_layout (pen, text, size, weight, width, TRUE);
}

double
baken_slip_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
baken_slip_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

void
baken_slip_pen_show (BakenSlipPen *pen,
                     PangoLayout  *layout,
                     double        x,
                     double        y)
{
  double width;

  if (!baken_slip_pen_is_drawing (pen))
    return;

  width = pango_layout_get_width (layout) >= 0
          ? (double) pango_layout_get_width (layout) / PANGO_SCALE
          : baken_slip_layout_width (layout);
  cairo_move_to (pen->cr, baken_slip_pen_x (pen, x, width), y);
  pango_cairo_show_layout (pen->cr, layout);
}

static void
paragraph (BakenSlipPen *pen,
           PangoLayout  *layout,
           double        indent,
           double        after)
{
  double height = baken_slip_layout_height (layout);
  double y = baken_slip_pen_place (pen, height);

  baken_slip_pen_show (pen, layout, pen->left + indent, y);
  pen->y = y + height + after;
}

void
baken_slip_pen_paragraph (BakenSlipPen *pen,
                          const char   *text,
                          double        size,
                          PangoWeight   weight,
                          double        indent,
                          double        after)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL)
    return;

  layout = baken_slip_pen_text (pen, text, size, weight, pen->width - indent);
  paragraph (pen, layout, indent, after);
}

void
baken_slip_pen_value_paragraph (BakenSlipPen *pen,
                                const char   *text,
                                double        size,
                                PangoWeight   weight,
                                double        after)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL)
    return;

  layout = baken_slip_pen_value (pen, text, size, weight, pen->width);
  paragraph (pen, layout, 0, after);
}

void
baken_slip_pen_rule (BakenSlipPen *pen,
                     double        thickness,
                     double        after)
{
  double y = baken_slip_pen_place (pen, thickness);

  if (baken_slip_pen_is_drawing (pen))
    {
      baken_slip_pen_rectangle (pen, pen->left, y, pen->width, thickness);
      cairo_fill (pen->cr);
    }
  pen->y = y + thickness + after;
}

void
baken_slip_pen_heading (BakenSlipPen *pen,
                        const char   *text,
                        double        next)
{
  const BakenSlipStyle *style = pen->style;
  double bar = style->heading * 0.3;
  g_autoptr(PangoLayout) layout = baken_slip_pen_text (pen, text, style->heading, PANGO_WEIGHT_BOLD,
                                                       pen->width - bar * 2.2);
  double height = baken_slip_layout_height (layout);
  double y = baken_slip_pen_place (pen, height + next);

  if (baken_slip_pen_is_drawing (pen))
    {
      baken_slip_pen_rectangle (pen, pen->left, y + height * 0.18, bar, height * 0.64);
      cairo_fill (pen->cr);
    }
  baken_slip_pen_show (pen, layout, pen->left + bar * 2.2, y);
  pen->y = y + height + style->body * 0.3;
}

double
baken_slip_pen_first_line_height (BakenSlipPen *pen,
                                  const char   *text,
                                  double        size)
{
  g_autoptr(PangoLayout) layout = baken_slip_pen_text (pen, text != NULL ? text : "M", size,
                                                       PANGO_WEIGHT_NORMAL, pen->width);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

void
baken_slip_pen_init (BakenSlipPen         *pen,
                     const BakenSlipStyle *style,
                     PangoContext         *context,
                     cairo_t              *cr,
                     guint                 target,
                     gboolean              rtl)
{
  pen->cr = cr;
  pen->context = context;
  pen->style = style;
  pen->left = style->margin_side;
  pen->width = style->page_width - 2 * style->margin_side;
  pen->top = style->margin_top;
  pen->bottom = style->page_height > 0 ? style->page_height - style->margin_bottom : G_MAXDOUBLE;
  pen->y = pen->top;
  pen->page = 0;
  pen->target = target;
  pen->rtl = rtl;
}
