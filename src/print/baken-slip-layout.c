/* baken-slip-layout.c: where everything on a slip goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The slip is laid out as a column of blocks by one function (draw_slip). It runs with a
 * Pen that knows the page geometry: to measure (no cairo context: nothing is drawn, the
 * pen only advances) and to draw one page (blocks on other pages are skipped). Text is
 * laid out in a PangoContext of our own with hinted metrics off and a resolution of 72,
 * so one point is one user unit and the layout is the same on a PDF surface and on an
 * image surface at any scale.
 */
#define G_LOG_DOMAIN "baken-slip-layout"

#include "config.h"

#include "baken-slip-render-private.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>
#include <qrencode.h>

#include "baken-icon-render.h"

#define FONT_FAMILY "Noto Sans, DejaVu Sans, sans-serif"
#define NO_PAGE G_MAXUINT
/* White space around the QR symbol: its quiet zone (4 modules of a small symbol). */
#define QR_QUIET BAKEN_MM_TO_PT (3)

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
} Style;

typedef struct
{
  cairo_t          *cr;       /* (unowned) (nullable) NULL when measuring */
  PangoContext     *context;  /* (unowned) */
  const Style      *style;
  double            left;
  double            width;
  double            top;
  double            bottom;   /* of the printable area; G_MAXDOUBLE for a receipt */
  double            y;
  guint             page;
  guint             target;   /* the page being drawn, NO_PAGE when measuring */
} Pen;

static void
style_for_paper (BakenPaper  paper,
                 Style      *style)
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

static PangoContext *
create_context (void)
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
  cairo_font_options_destroy (options);

  return context;
}

static gboolean
drawing (const Pen *pen)
{
  return pen->cr != NULL && pen->page == pen->target;
}

/* Where a block of this height goes: on this page when it fits, else at the top of the
 * next one (a block taller than a page starts a page and runs over its bottom margin,
 * which only happens for absurd content). */
static double
place (Pen    *pen,
       double  height)
{
  if (pen->y + height > pen->bottom && pen->y > pen->top)
    {
      pen->page++;
      pen->y = pen->top;
    }

  return pen->y;
}

static PangoLayout *
text_layout (Pen        *pen,
             const char *text,
             double      size,
             PangoWeight weight,
             double      width)
{
  PangoLayout *layout = pango_layout_new (pen->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Content is plain text: never markup. */
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

static void
show_layout (Pen         *pen,
             PangoLayout *layout,
             double       x,
             double       y)
{
  if (!drawing (pen))
    return;

  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, layout);
}

/* A paragraph, kept together, followed by `after` points of space. */
static void
paragraph (Pen        *pen,
           const char *text,
           double      size,
           PangoWeight weight,
           double      indent,
           double      after)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height, y;

  if (text == NULL)
    return;

  layout = text_layout (pen, text, size, weight, pen->width - indent);
  height = layout_height (layout);
  y = place (pen, height);
  show_layout (pen, layout, pen->left + indent, y);
  pen->y = y + height + after;
}

static void
rule (Pen    *pen,
      double  thickness,
      double  after)
{
  double y = place (pen, thickness);

  if (drawing (pen))
    {
      cairo_rectangle (pen->cr, pen->left, y, pen->width, thickness);
      cairo_fill (pen->cr);
    }
  pen->y = y + thickness + after;
}

/* A section heading with a short bar in front, kept with the first `next` points of what
 * follows it. */
static void
heading (Pen        *pen,
         const char *text,
         double      next)
{
  const Style *style = pen->style;
  double bar = style->heading * 0.3;
  g_autoptr(PangoLayout) layout = text_layout (pen, text, style->heading, PANGO_WEIGHT_BOLD,
                                               pen->width - bar * 2.2);
  double height = layout_height (layout);
  double y = place (pen, height + next);

  if (drawing (pen))
    {
      cairo_rectangle (pen->cr, pen->left, y + height * 0.18, bar, height * 0.64);
      cairo_fill (pen->cr);
    }
  show_layout (pen, layout, pen->left + bar * 2.2, y);
  pen->y = y + height + style->body * 0.3;
}

static double
first_line_height (Pen        *pen,
                   const char *text,
                   double      size)
{
  g_autoptr(PangoLayout) layout = text_layout (pen, text != NULL ? text : "M", size,
                                               PANGO_WEIGHT_NORMAL, pen->width);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* The hours of the coming days as a two-column table; a row is never split. */
static void
day_table (Pen       *pen,
           GPtrArray *days,
           double     indent)
{
  const Style *style = pen->style;
  double day_width = 0, gap = BAKEN_MM_TO_PT (2.5), column;

  for (guint i = 0; i < days->len; i++)
    {
      BakenSlipDay *day = g_ptr_array_index (days, i);
      g_autoptr(PangoLayout) layout = text_layout (pen, day->day, style->small,
                                                   PANGO_WEIGHT_NORMAL, -1);

      day_width = MAX (day_width, layout_width (layout));
    }
  column = MIN (day_width, (pen->width - indent) * 0.55);

  for (guint i = 0; i < days->len; i++)
    {
      BakenSlipDay *day = g_ptr_array_index (days, i);
      PangoWeight weight = day->is_open ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL;
      /* "9:00 – 12:00, 13:00 – 16:30" breaks after the comma, never inside a range. */
      g_autoptr(GString) text = g_string_new (day->hours);
      g_autoptr(PangoLayout) name = text_layout (pen, day->day, style->small,
                                                 PANGO_WEIGHT_NORMAL, column);
      g_autoptr(PangoLayout) hours = NULL;
      double height, y;

      g_string_replace (text, " – ", "\u00a0–\u2060\u00a0", 0);
      hours = text_layout (pen, text->str, style->small, weight,
                           pen->width - indent - column - gap);
      height = MAX (layout_height (name), layout_height (hours));
      y = place (pen, height);

      show_layout (pen, name, pen->left + indent, y);
      show_layout (pen, hours, pen->left + indent + column + gap, y);
      pen->y = y + height + style->small * 0.12;
    }
}

static void
draw_icon (Pen    *pen,
           GBytes *svg,
           double  x,
           double  y,
           double  size)
{
  g_autoptr(BakenIconRender) icon = NULL;

  if (!drawing (pen) || svg == NULL)
    return;

  /* Icons are checked when the bundle is built; one that still fails is left out. */
  icon = baken_icon_render_new (svg, NULL);
  if (icon != NULL)
    baken_icon_render_draw (icon, pen->cr, x, y, size, NULL);
}

static void
draw_qr (Pen        *pen,
         const char *url,
         double      x,
         double      y,
         double      size)
{
  QRcode *qr;
  double module;

  if (!drawing (pen))
    return;

  /* Medium error correction: still readable with a crease or a smudge. */
  qr = QRcode_encodeString (url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == NULL)
    return;

  /* The symbol fills the square; its quiet zone is the white space around it. */
  module = size / qr->width;
  cairo_save (pen->cr);
  cairo_set_antialias (pen->cr, CAIRO_ANTIALIAS_NONE);
  for (int row = 0; row < qr->width; row++)
    for (int col = 0; col < qr->width; col++)
      if (qr->data[row * qr->width + col] & 1)
        cairo_rectangle (pen->cr, x + col * module, y + row * module, module, module);
  cairo_fill (pen->cr);
  cairo_restore (pen->cr);
  QRcode_free (qr);
}

/* QR code, caption and the address written out, for a column of `width` at x. */
static double
qr_block_height (Pen       *pen,
                 BakenSlip *slip,
                 double     width)
{
  const Style *style = pen->style;
  g_autoptr(PangoLayout) caption = text_layout (pen, slip->qr_caption, style->small,
                                                PANGO_WEIGHT_NORMAL, width);
  g_autoptr(PangoLayout) address = text_layout (pen, slip->qr_url, style->small,
                                                PANGO_WEIGHT_SEMIBOLD, width);

  return style->qr_size + 2 * QR_QUIET + layout_height (caption) + layout_height (address);
}

static double
qr_block (Pen        *pen,
          BakenSlip  *slip,
          double      x,
          double      y,
          double      width)
{
  const Style *style = pen->style;
  g_autoptr(PangoLayout) caption = text_layout (pen, slip->qr_caption, style->small,
                                                PANGO_WEIGHT_NORMAL, width);
  g_autoptr(PangoLayout) address = text_layout (pen, slip->qr_url, style->small,
                                                PANGO_WEIGHT_SEMIBOLD, width);
  double qr_x = x + (width - style->qr_size) / 2;

  pango_layout_set_alignment (caption, PANGO_ALIGN_CENTER);
  pango_layout_set_alignment (address, PANGO_ALIGN_CENTER);
  draw_qr (pen, slip->qr_url, qr_x, y + QR_QUIET, style->qr_size);
  y += style->qr_size + 2 * QR_QUIET;
  show_layout (pen, caption, x, y);
  y += layout_height (caption);
  show_layout (pen, address, x, y);
  y += layout_height (address);

  return y;
}

static void
header (Pen       *pen,
        BakenSlip *slip)
{
  const Style *style = pen->style;
  gboolean qr = style->qr_in_header && slip->qr_url != NULL;
  double qr_width = qr ? style->qr_size + 2 * QR_QUIET : 0;
  double full_width = pen->width, start = pen->y, text_end;

  /* The title column leaves room for the QR code on pages. */
  pen->width = full_width - (qr ? qr_width + BAKEN_MM_TO_PT (4) : 0);

  if (slip->life_event != NULL)
    {
      double icon = slip->icon != NULL ? style->icon_size : 0;
      double indent = icon > 0 ? icon + BAKEN_MM_TO_PT (2.5) : 0;
      g_autoptr(PangoLayout) event = text_layout (pen, slip->life_event, style->heading,
                                                  PANGO_WEIGHT_BOLD, pen->width - indent);
      double height = MAX (icon, layout_height (event));
      double y = place (pen, height);

      draw_icon (pen, slip->icon, pen->left, y + (height - icon) / 2, icon);
      show_layout (pen, event, pen->left + indent, y + (height - layout_height (event)) / 2);
      pen->y = y + height + BAKEN_MM_TO_PT (1.5);
    }

  paragraph (pen, slip->service, style->title, PANGO_WEIGHT_BOLD, 0, style->body * 0.2);
  paragraph (pen, slip->organization, style->heading, PANGO_WEIGHT_NORMAL, 0, 0);
  text_end = pen->y;
  pen->width = full_width;

  if (qr)
    {
      double bottom = qr_block (pen, slip, pen->left + full_width - qr_width, start, qr_width);

      pen->y = MAX (text_end, bottom);
    }

  pen->y += style->gap * 0.5;
  rule (pen, 1.5, style->gap * 0.7);
}

/* A box with a thick left border around a paragraph: alerts and the handover note. */
static void
boxed (Pen        *pen,
       const char *title,
       const char *text)
{
  const Style *style = pen->style;
  double pad = BAKEN_MM_TO_PT (2), border = 2.5;
  double inner = pen->width - border - 2 * pad;
  g_autoptr(PangoLayout) head = title != NULL ?
    text_layout (pen, title, style->body, PANGO_WEIGHT_BOLD, inner) : NULL;
  g_autoptr(PangoLayout) body = text_layout (pen, text, style->body, PANGO_WEIGHT_NORMAL, inner);
  double head_height = head != NULL ? layout_height (head) : 0;
  double height = 2 * pad + head_height + layout_height (body);
  double y = place (pen, height);

  if (drawing (pen))
    {
      cairo_rectangle (pen->cr, pen->left, y, border, height);
      cairo_fill (pen->cr);
      cairo_set_line_width (pen->cr, 0.75);
      cairo_rectangle (pen->cr, pen->left + border, y + 0.375,
                       pen->width - border - 0.375, height - 0.75);
      cairo_stroke (pen->cr);
    }
  if (head != NULL)
    show_layout (pen, head, pen->left + border + pad, y + pad);
  show_layout (pen, body, pen->left + border + pad, y + pad + head_height);
  pen->y = y + height + style->gap;
}

typedef void (*InfoFunc) (Pen *pen, gconstpointer data);

/* Information about a channel or address with its hours: below it, or on wide paper in a
 * column to the right; kept together then. */
static void
info_with_hours (Pen           *pen,
                 InfoFunc       info,
                 gconstpointer  data,
                 GPtrArray     *days)
{
  const Style *style = pen->style;
  double split = pen->width * 0.5, gutter = BAKEN_MM_TO_PT (6), height, y;
  Pen left = *pen, right = *pen;

  if (!style->hours_beside || days->len == 0)
    {
      info (pen, data);
      day_table (pen, days, 0);
      pen->y += style->gap * 0.6;
      return;
    }

  /* Measure both columns, place them as one block, then draw them. */
  left.width = split - gutter;
  right.left = pen->left + split;
  right.width = pen->width - split;
  left.cr = right.cr = NULL;
  left.bottom = right.bottom = G_MAXDOUBLE;
  left.y = right.y = 0;
  info (&left, data);
  day_table (&right, days, 0);
  height = MAX (left.y, right.y);

  y = place (pen, height);
  left.cr = right.cr = pen->cr;
  left.page = right.page = pen->page;
  left.y = right.y = y;
  info (&left, data);
  day_table (&right, days, 0);
  pen->y = y + height + style->gap * 0.6;
}

static void
channel_info (Pen           *pen,
              gconstpointer  data)
{
  const BakenSlipChannel *channel = data;
  const Style *style = pen->style;
  gboolean big = channel->kind == BAKEN_CHANNEL_PHONE;
  g_autofree char *notes = NULL;
  g_autoptr(PangoLayout) title = text_layout (pen, channel->title, style->small,
                                              PANGO_WEIGHT_BOLD, pen->width);
  g_autoptr(PangoLayout) value = NULL;
  double y;

  /* The phone number is what most residents use: large. Addresses wrap anywhere. */
  if (channel->value != NULL)
    value = text_layout (pen, channel->value, big ? style->value : style->body,
                         PANGO_WEIGHT_BOLD, pen->width);

  y = place (pen, layout_height (title) + (value != NULL ? layout_height (value) : 0) +
             first_line_height (pen, NULL, style->small));
  show_layout (pen, title, pen->left, y);
  y += layout_height (title);
  if (value != NULL)
    {
      show_layout (pen, value, pen->left, y);
      y += layout_height (value);
    }
  pen->y = y;

  if (channel->label != NULL && channel->cost_note != NULL)
    notes = g_strdup_printf ("%s · %s", channel->label, channel->cost_note);
  else
    notes = g_strdup (channel->label != NULL ? channel->label : channel->cost_note);
  paragraph (pen, notes, style->small, PANGO_WEIGHT_NORMAL, 0, style->small * 0.3);
  paragraph (pen, channel->hours_note, style->small, PANGO_WEIGHT_NORMAL, 0, 0);
}

static void
address_info (Pen           *pen,
              gconstpointer  data)
{
  const BakenSlipAddress *address = data;
  const Style *style = pen->style;

  paragraph (pen, address->name, style->body, PANGO_WEIGHT_BOLD, 0, 0);
  paragraph (pen, address->street, style->body, PANGO_WEIGHT_NORMAL, 0, 0);
  paragraph (pen, address->city, style->body, PANGO_WEIGHT_NORMAL, 0, style->small * 0.3);
  paragraph (pen, address->walk, style->small, PANGO_WEIGHT_SEMIBOLD, 0, 0);
  paragraph (pen, address->accessibility, style->small, PANGO_WEIGHT_NORMAL, 0, 0);
  paragraph (pen, address->cost_note, style->small, PANGO_WEIGHT_NORMAL, 0, 0);
  pen->y += style->small * 0.3;
  paragraph (pen, address->hours_note, style->small, PANGO_WEIGHT_NORMAL, 0, 0);
}

static void
tick_list (Pen         *pen,
           const GStrv  items)
{
  const Style *style = pen->style;
  double box = style->body * 0.85, indent = box + BAKEN_MM_TO_PT (2.5);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (pen, items[i], style->body,
                                                   PANGO_WEIGHT_NORMAL, pen->width - indent);
      double height = layout_height (layout);
      double first = first_line_height (pen, items[i], style->body);
      double y = place (pen, height);

      if (drawing (pen))
        {
          cairo_set_line_width (pen->cr, 1);
          cairo_rectangle (pen->cr, pen->left + 0.5, y + (first - box) / 2 + 0.5,
                           box - 1, box - 1);
          cairo_stroke (pen->cr);
        }
      show_layout (pen, layout, pen->left + indent, y);
      pen->y = y + height + style->body * 0.25;
    }
}

static void
footer (Pen       *pen,
        BakenSlip *slip)
{
  const Style *style = pen->style;
  /* On wide paper two lines; on a receipt one fact per line. */
  const char *separator = style->page_height > 0 ? " · " : "\n";
  g_autoptr(GString) text = g_string_new (slip->printed_at);
  g_autoptr(PangoLayout) layout = NULL;
  double height, y;

  if (slip->footer_kiosk != NULL)
    g_string_append_printf (text, "%s%s", separator, slip->footer_kiosk);
  g_string_append_c (text, '\n');
  if (slip->footer_serial != NULL)
    g_string_append_printf (text, "%s · ", slip->footer_serial);
  g_string_append_printf (text, "%s%s%s", slip->footer_reference, separator,
                          slip->footer_privacy);
  layout = text_layout (pen, text->str, style->small, PANGO_WEIGHT_NORMAL, pen->width);

  height = layout_height (layout);
  y = place (pen, 0.75 + BAKEN_MM_TO_PT (1.5) + height);
  pen->y = y;
  rule (pen, 0.75, BAKEN_MM_TO_PT (1.5));
  show_layout (pen, layout, pen->left, pen->y);
  pen->y += height;
}

/* The one layout of a slip; see the comment at the top. */
static void
draw_slip (Pen       *pen,
           BakenSlip *slip)
{
  const Style *style = pen->style;
  double first = first_line_height (pen, NULL, style->body) * 2;

  if (pen->cr != NULL)
    cairo_set_source_rgb (pen->cr, 0, 0, 0);

  header (pen, slip);

  if (slip->alert != NULL)
    boxed (pen, NULL, slip->alert);

  if (slip->help != NULL)
    {
      heading (pen, slip->heading_help, first);
      paragraph (pen, slip->help, style->body, PANGO_WEIGHT_NORMAL, 0, style->gap);
    }

  if (slip->channels->len > 0)
    {
      heading (pen, slip->heading_contact, style->value * 2.5);
      for (guint i = 0; i < slip->channels->len; i++)
        {
          BakenSlipChannel *channel = g_ptr_array_index (slip->channels, i);

          info_with_hours (pen, channel_info, channel, channel->days);
        }
      pen->y += style->gap * 0.4;
    }

  if (slip->addresses->len > 0)
    {
      heading (pen, slip->heading_visit, first * 1.5);
      for (guint i = 0; i < slip->addresses->len; i++)
        {
          BakenSlipAddress *address = g_ptr_array_index (slip->addresses, i);

          info_with_hours (pen, address_info, address, address->days);
        }
      pen->y += style->gap * 0.4;
    }

  if (slip->what_to_expect != NULL)
    {
      heading (pen, slip->heading_expect, first);
      paragraph (pen, slip->what_to_expect, style->body, PANGO_WEIGHT_NORMAL, 0, style->gap);
    }

  if (slip->what_to_bring[0] != NULL)
    {
      heading (pen, slip->heading_bring, first);
      tick_list (pen, slip->what_to_bring);
      pen->y += style->gap * 0.75;
    }

  if (slip->cost != NULL)
    {
      heading (pen, slip->heading_cost, first);
      paragraph (pen, slip->cost, style->body, PANGO_WEIGHT_NORMAL, 0, style->gap);
    }

  if (slip->note != NULL)
    boxed (pen, slip->heading_note, slip->note);

  if (!style->qr_in_header && slip->qr_url != NULL)
    {
      double y = place (pen, qr_block_height (pen, slip, pen->width));

      pen->y = qr_block (pen, slip, pen->left, y, pen->width) + style->gap;
    }

  footer (pen, slip);
}

static void
pen_init (Pen          *pen,
          const Style  *style,
          PangoContext *context,
          cairo_t      *cr,
          guint         target)
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
}

void
_baken_slip_layout_measure (BakenSlip  *slip,
                            BakenPaper  paper,
                            double     *width,
                            double     *height,
                            guint      *n_pages)
{
  PangoContext *context = create_context ();
  Style style;
  Pen pen;

  style_for_paper (paper, &style);
  pen_init (&pen, &style, context, NULL, NO_PAGE);
  draw_slip (&pen, slip);
  g_object_unref (context);

  *width = style.page_width;
  *n_pages = pen.page + 1;
  *height = style.page_height > 0 ? style.page_height : ceil (pen.y + style.margin_bottom);
}

void
_baken_slip_layout_draw (BakenSlip  *slip,
                         BakenPaper  paper,
                         cairo_t    *cr,
                         guint       page)
{
  PangoContext *context = create_context ();
  Style style;
  Pen pen;

  style_for_paper (paper, &style);
  pen_init (&pen, &style, context, cr, page);
  cairo_save (cr);
  draw_slip (&pen, slip);
  cairo_restore (cr);
  g_object_unref (context);
}
