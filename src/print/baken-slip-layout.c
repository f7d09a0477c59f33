/* baken-slip-layout.c: where everything on a slip goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The slip is laid out as a column of blocks by one function (draw_slip). It runs with a
 * BakenSlipPen that knows the page geometry: to measure (no cairo context: nothing is drawn, the
 * pen only advances) and to draw one page (blocks on other pages are skipped). Text is
 * laid out in a PangoContext of our own with hinted metrics off and a resolution of 72,
 * so one point is one user unit and the layout is the same on a PDF surface and on an
 * image surface at any scale.
 *
 * A slip in a language written right to left is the mirror image: draw_slip places
 * every block as for left to right and the pen (baken-slip-pen.c) mirrors it, so the
 * hours table has the day on the right, section bars and tick boxes stand on the right,
 * and every line is flush right.
 */
#define G_LOG_DOMAIN "baken-slip-layout"

#include "config.h"

#include "baken-slip-layout.h"
#include "baken-slip-pen.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>
#include <qrencode.h>

#include "baken-icon-render.h"

/* White space around the QR symbol: its quiet zone (4 modules of a small symbol). */
#define QR_QUIET BAKEN_MM_TO_PT (3)

/* The hours of the coming days as a two-column table; a row is never split. */
static void
day_table (BakenSlipPen *pen,
           GPtrArray    *days,
           double        indent)
{
  const BakenSlipStyle *style = pen->style;
  double day_width = 0, gap = BAKEN_MM_TO_PT (2.5), column;

  for (guint i = 0; i < days->len; i++)
    {
      BakenSlipDay *day = g_ptr_array_index (days, i);
      g_autoptr(PangoLayout) layout = baken_slip_pen_text (pen, day->day, style->small,
                                                           PANGO_WEIGHT_NORMAL, -1);

      day_width = MAX (day_width, baken_slip_layout_width (layout));
    }
  column = MIN (day_width, (pen->width - indent) * 0.55);

  for (guint i = 0; i < days->len; i++)
    {
      BakenSlipDay *day = g_ptr_array_index (days, i);
      PangoWeight weight = day->is_open ? PANGO_WEIGHT_SEMIBOLD : PANGO_WEIGHT_NORMAL;
      /* "9:00 – 12:00, 13:00 – 16:30" breaks after the comma, never inside a range. */
      g_autoptr(GString) text = g_string_new (day->hours);
      g_autoptr(PangoLayout) name = baken_slip_pen_text (pen, day->day, style->small,
                                                         PANGO_WEIGHT_NORMAL, column);
      g_autoptr(PangoLayout) hours = NULL;
      double height, y, name_dy, hours_dy, baseline;

      g_string_replace (text, " – ", "\u00a0–\u2060\u00a0", 0);
      hours = baken_slip_pen_text (pen, text->str, style->small, weight,
                                   pen->width - indent - column - gap);
      /* On one baseline: "9:00 – 17:00" has Latin line metrics beside an Arabic day. */
      baseline = MAX (pango_layout_get_baseline (name), pango_layout_get_baseline (hours));
      name_dy = (baseline - pango_layout_get_baseline (name)) / PANGO_SCALE;
      hours_dy = (baseline - pango_layout_get_baseline (hours)) / PANGO_SCALE;
      height = MAX (name_dy + baken_slip_layout_height (name),
                    hours_dy + baken_slip_layout_height (hours));
      y = baken_slip_pen_place (pen, height);

      baken_slip_pen_show (pen, name, pen->left + indent, y + name_dy);
      baken_slip_pen_show (pen, hours, pen->left + indent + column + gap, y + hours_dy);
      pen->y = y + height + style->small * 0.12;
    }
}

static void
draw_icon (BakenSlipPen *pen,
           GBytes       *svg,
           double        x,
           double        y,
           double        size)
{
  g_autoptr(BakenIconRender) icon = NULL;

  if (!baken_slip_pen_is_drawing (pen) || svg == NULL)
    return;

  /* Icons are checked when the bundle is built; one that still fails is left out. */
  icon = baken_icon_render_new (svg, NULL);
  if (icon != NULL)
    baken_icon_render_draw (icon, pen->cr, baken_slip_pen_x (pen, x, size), y, size, NULL);
}

static void
draw_qr (BakenSlipPen *pen,
         const char   *url,
         double        x,
         double        y,
         double        size)
{
  QRcode *qr;
  double module;

  if (!baken_slip_pen_is_drawing (pen))
    return;

  /* Medium error correction: still readable with a crease or a smudge. */
  qr = QRcode_encodeString (url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == NULL)
    return;

  /* The symbol fills the square; its quiet zone is the white space around it. A
   * right-to-left page moves it, never mirrors it. */
  module = size / qr->width;
  x = baken_slip_pen_x (pen, x, size);
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
qr_block_height (BakenSlipPen *pen,
                 BakenSlip    *slip,
                 double        width)
{
  const BakenSlipStyle *style = pen->style;
  g_autoptr(PangoLayout) caption = baken_slip_pen_text (pen, slip->qr_caption, style->small,
                                                        PANGO_WEIGHT_NORMAL, width);
  g_autoptr(PangoLayout) address = baken_slip_pen_value (pen, slip->qr_url, style->small,
                                                         PANGO_WEIGHT_SEMIBOLD, width);

  return style->qr_size + 2 * QR_QUIET + baken_slip_layout_height (caption) +
         baken_slip_layout_height (address);
}

static double
qr_block (BakenSlipPen *pen,
          BakenSlip    *slip,
          double        x,
          double        y,
          double        width)
{
  const BakenSlipStyle *style = pen->style;
  g_autoptr(PangoLayout) caption = baken_slip_pen_text (pen, slip->qr_caption, style->small,
                                                        PANGO_WEIGHT_NORMAL, width);
  g_autoptr(PangoLayout) address = baken_slip_pen_value (pen, slip->qr_url, style->small,
                                                         PANGO_WEIGHT_SEMIBOLD, width);
  double qr_x = x + (width - style->qr_size) / 2;

  pango_layout_set_alignment (caption, PANGO_ALIGN_CENTER);
  pango_layout_set_alignment (address, PANGO_ALIGN_CENTER);
  draw_qr (pen, slip->qr_url, qr_x, y + QR_QUIET, style->qr_size);
  y += style->qr_size + 2 * QR_QUIET;
  baken_slip_pen_show (pen, caption, x, y);
  y += baken_slip_layout_height (caption);
  baken_slip_pen_show (pen, address, x, y);
  y += baken_slip_layout_height (address);

  return y;
}

static void
header (BakenSlipPen *pen,
        BakenSlip    *slip)
{
  const BakenSlipStyle *style = pen->style;
  gboolean qr = style->qr_in_header && slip->qr_url != NULL;
  double qr_width = qr ? style->qr_size + 2 * QR_QUIET : 0;
  double full_width = pen->width, start = pen->y, text_end;

  /* The title column leaves room for the QR code on pages. */
  pen->width = full_width - (qr ? qr_width + BAKEN_MM_TO_PT (4) : 0);

  if (slip->life_event != NULL)
    {
      double icon = slip->icon != NULL ? style->icon_size : 0;
      double indent = icon > 0 ? icon + BAKEN_MM_TO_PT (2.5) : 0;
      g_autoptr(PangoLayout) event = baken_slip_pen_text (pen, slip->life_event, style->heading,
                                                          PANGO_WEIGHT_BOLD, pen->width - indent);
      double height = MAX (icon, baken_slip_layout_height (event));
      double y = baken_slip_pen_place (pen, height);

      draw_icon (pen, slip->icon, pen->left, y + (height - icon) / 2, icon);
      baken_slip_pen_show (pen, event, pen->left + indent,
                           y + (height - baken_slip_layout_height (event)) / 2);
      pen->y = y + height + BAKEN_MM_TO_PT (1.5);
    }

  baken_slip_pen_paragraph (pen, slip->service, style->title, PANGO_WEIGHT_BOLD, 0,
                            style->body * 0.2);
  baken_slip_pen_paragraph (pen, slip->organization, style->heading, PANGO_WEIGHT_NORMAL, 0, 0);
  text_end = pen->y;
  pen->width = full_width;

  if (qr)
    {
      double bottom = qr_block (pen, slip, pen->left + full_width - qr_width, start, qr_width);

      pen->y = MAX (text_end, bottom);
    }

  pen->y += style->gap * 0.5;
  baken_slip_pen_rule (pen, 1.5, style->gap * 0.7);
}

/* A box with a thick left border around a paragraph: alerts and the handover note. */
static void
boxed (BakenSlipPen *pen,
       const char   *title,
       const char   *text)
{
  const BakenSlipStyle *style = pen->style;
  double pad = BAKEN_MM_TO_PT (2), border = 2.5;
  double inner = pen->width - border - 2 * pad;
  g_autoptr(PangoLayout) head = title != NULL ?
    baken_slip_pen_text (pen, title, style->body, PANGO_WEIGHT_BOLD, inner) : NULL;
  g_autoptr(PangoLayout) body = baken_slip_pen_text (pen, text, style->body,
                                                     PANGO_WEIGHT_NORMAL, inner);
  double head_height = head != NULL ? baken_slip_layout_height (head) : 0;
  double height = 2 * pad + head_height + baken_slip_layout_height (body);
  double y = baken_slip_pen_place (pen, height);

  if (baken_slip_pen_is_drawing (pen))
    {
      baken_slip_pen_rectangle (pen, pen->left, y, border, height);
      cairo_fill (pen->cr);
      cairo_set_line_width (pen->cr, 0.75);
      baken_slip_pen_rectangle (pen, pen->left + border, y + 0.375,
                                pen->width - border - 0.375, height - 0.75);
      cairo_stroke (pen->cr);
    }
  if (head != NULL)
    baken_slip_pen_show (pen, head, pen->left + border + pad, y + pad);
  baken_slip_pen_show (pen, body, pen->left + border + pad, y + pad + head_height);
  pen->y = y + height + style->gap;
}

typedef void (*InfoFunc) (BakenSlipPen *pen, gconstpointer data);

/* Information about a channel or address with its hours: below it, or on wide paper in a
 * column to the right; kept together then. */
static void
info_with_hours (BakenSlipPen  *pen,
                 InfoFunc       info,
                 gconstpointer  data,
                 GPtrArray     *days)
{
  const BakenSlipStyle *style = pen->style;
  double split = pen->width * 0.5, gutter = BAKEN_MM_TO_PT (6), height, y;
  BakenSlipPen left = *pen, right = *pen;

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

  y = baken_slip_pen_place (pen, height);
  left.cr = right.cr = pen->cr;
  left.page = right.page = pen->page;
  left.y = right.y = y;
  info (&left, data);
  day_table (&right, days, 0);
  pen->y = y + height + style->gap * 0.6;
}

static void
channel_info (BakenSlipPen  *pen,
              gconstpointer  data)
{
  const BakenSlipChannel *channel = data;
  const BakenSlipStyle *style = pen->style;
  gboolean big = channel->kind == BAKEN_CHANNEL_PHONE;
  g_autofree char *notes = NULL;
  g_autoptr(PangoLayout) title = baken_slip_pen_text (pen, channel->title, style->small,
                                                      PANGO_WEIGHT_BOLD, pen->width);
  g_autoptr(PangoLayout) value = NULL;
  double y;

  /* The phone number is what most residents use: large. Addresses wrap anywhere. */
  if (channel->value != NULL)
    value = baken_slip_pen_value (pen, channel->value, big ? style->value : style->body,
                                  PANGO_WEIGHT_BOLD, pen->width);

  y = baken_slip_pen_place (pen, baken_slip_layout_height (title) +
                                 (value != NULL ? baken_slip_layout_height (value) : 0) +
                                 baken_slip_pen_first_line_height (pen, NULL, style->small));
  baken_slip_pen_show (pen, title, pen->left, y);
  y += baken_slip_layout_height (title);
  if (value != NULL)
    {
      baken_slip_pen_show (pen, value, pen->left, y);
      y += baken_slip_layout_height (value);
    }
  pen->y = y;

  if (channel->label != NULL && channel->cost_note != NULL)
    notes = g_strdup_printf ("%s · %s", channel->label, channel->cost_note);
  else
    notes = g_strdup (channel->label != NULL ? channel->label : channel->cost_note);
  baken_slip_pen_paragraph (pen, notes, style->small, PANGO_WEIGHT_NORMAL, 0, style->small * 0.3);
  baken_slip_pen_paragraph (pen, channel->hours_note, style->small, PANGO_WEIGHT_NORMAL, 0, 0);
}

static void
address_info (BakenSlipPen  *pen,
              gconstpointer  data)
{
  const BakenSlipAddress *address = data;
  const BakenSlipStyle *style = pen->style;

  baken_slip_pen_paragraph (pen, address->name, style->body, PANGO_WEIGHT_BOLD, 0, 0);
  baken_slip_pen_value_paragraph (pen, address->street, style->body, PANGO_WEIGHT_NORMAL, 0);
  baken_slip_pen_value_paragraph (pen, address->city, style->body, PANGO_WEIGHT_NORMAL,
                                  style->small * 0.3);
  baken_slip_pen_paragraph (pen, address->walk, style->small, PANGO_WEIGHT_SEMIBOLD, 0, 0);
  baken_slip_pen_paragraph (pen, address->accessibility, style->small, PANGO_WEIGHT_NORMAL, 0, 0);
  baken_slip_pen_paragraph (pen, address->cost_note, style->small, PANGO_WEIGHT_NORMAL, 0, 0);
  pen->y += style->small * 0.3;
  baken_slip_pen_paragraph (pen, address->hours_note, style->small, PANGO_WEIGHT_NORMAL, 0, 0);
}

static void
tick_list (BakenSlipPen *pen,
           const GStrv   items)
{
  const BakenSlipStyle *style = pen->style;
  double box = style->body * 0.85, indent = box + BAKEN_MM_TO_PT (2.5);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = baken_slip_pen_text (pen, items[i], style->body,
                                                           PANGO_WEIGHT_NORMAL,
                                                           pen->width - indent);
      double height = baken_slip_layout_height (layout);
      double first = baken_slip_pen_first_line_height (pen, items[i], style->body);
      double y = baken_slip_pen_place (pen, height);

      if (baken_slip_pen_is_drawing (pen))
        {
          cairo_set_line_width (pen->cr, 1);
          baken_slip_pen_rectangle (pen, pen->left + 0.5, y + (first - box) / 2 + 0.5,
                                    box - 1, box - 1);
          cairo_stroke (pen->cr);
        }
      baken_slip_pen_show (pen, layout, pen->left + indent, y);
      pen->y = y + height + style->body * 0.25;
    }
}

static void
footer (BakenSlipPen *pen,
        BakenSlip    *slip)
{
  const BakenSlipStyle *style = pen->style;
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
  layout = baken_slip_pen_text (pen, text->str, style->small, PANGO_WEIGHT_NORMAL, pen->width);

  height = baken_slip_layout_height (layout);
  y = baken_slip_pen_place (pen, 0.75 + BAKEN_MM_TO_PT (1.5) + height);
  pen->y = y;
  baken_slip_pen_rule (pen, 0.75, BAKEN_MM_TO_PT (1.5));
  baken_slip_pen_show (pen, layout, pen->left, pen->y);
  pen->y += height;
}

/* The one layout of a slip; see the comment at the top. */
static void
draw_slip (BakenSlipPen *pen,
           BakenSlip    *slip)
{
  const BakenSlipStyle *style = pen->style;
  double first = baken_slip_pen_first_line_height (pen, NULL, style->body) * 2;

  if (pen->cr != NULL)
    cairo_set_source_rgb (pen->cr, 0, 0, 0);

  header (pen, slip);

  if (slip->alert != NULL)
    boxed (pen, NULL, slip->alert);

  if (slip->help != NULL)
    {
      baken_slip_pen_heading (pen, slip->heading_help, first);
      baken_slip_pen_paragraph (pen, slip->help, style->body, PANGO_WEIGHT_NORMAL, 0, style->gap);
    }

  /* Who it is for, what it costs, the wait: they decide whether to go at all. */
  for (guint i = 0; slip->facts != NULL && slip->facts[i] != NULL; i++)
    baken_slip_pen_paragraph (pen, slip->facts[i], style->body, PANGO_WEIGHT_BOLD, 0,
                              slip->facts[i + 1] == NULL ? style->gap : style->gap * 0.25);

  if (slip->channels->len > 0)
    {
      baken_slip_pen_heading (pen, slip->heading_contact, style->value * 2.5);
      for (guint i = 0; i < slip->channels->len; i++)
        {
          BakenSlipChannel *channel = g_ptr_array_index (slip->channels, i);

          info_with_hours (pen, channel_info, channel, channel->days);
        }
      pen->y += style->gap * 0.4;
    }

  if (slip->addresses->len > 0)
    {
      baken_slip_pen_heading (pen, slip->heading_visit, first * 1.5);
      for (guint i = 0; i < slip->addresses->len; i++)
        {
          BakenSlipAddress *address = g_ptr_array_index (slip->addresses, i);

          info_with_hours (pen, address_info, address, address->days);
        }
      pen->y += style->gap * 0.4;
    }

  if (slip->what_to_expect != NULL)
    {
      baken_slip_pen_heading (pen, slip->heading_expect, first);
      baken_slip_pen_paragraph (pen, slip->what_to_expect, style->body, PANGO_WEIGHT_NORMAL, 0,
                                style->gap);
    }

  if (slip->what_to_bring[0] != NULL)
    {
      baken_slip_pen_heading (pen, slip->heading_bring, first);
      tick_list (pen, slip->what_to_bring);
      pen->y += style->gap * 0.75;
    }

  if (slip->cost != NULL)
    {
      baken_slip_pen_heading (pen, slip->heading_cost, first);
      baken_slip_pen_paragraph (pen, slip->cost, style->body, PANGO_WEIGHT_NORMAL, 0, style->gap);
    }

  if (slip->note != NULL)
    boxed (pen, slip->heading_note, slip->note);

  if (!style->qr_in_header && slip->qr_url != NULL)
    {
      double y = baken_slip_pen_place (pen, qr_block_height (pen, slip, pen->width));

      pen->y = qr_block (pen, slip, pen->left, y, pen->width) + style->gap;
    }

  footer (pen, slip);
}

void
_baken_slip_layout_measure (BakenSlip  *slip,
                            BakenPaper  paper,
                            double     *width,
                            double     *height,
                            guint      *n_pages)
{
  PangoContext *context = baken_slip_pen_create_context (slip->rtl);
  BakenSlipStyle style;
  BakenSlipPen pen;

  baken_slip_style_for_paper (paper, &style);
  baken_slip_pen_init (&pen, &style, context, NULL, BAKEN_SLIP_PEN_NO_PAGE, slip->rtl);
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
  PangoContext *context = baken_slip_pen_create_context (slip->rtl);
  BakenSlipStyle style;
  BakenSlipPen pen;

  baken_slip_style_for_paper (paper, &style);
  baken_slip_pen_init (&pen, &style, context, cr, page, slip->rtl);
  cairo_save (cr);
  draw_slip (&pen, slip);
  cairo_restore (cr);
  g_object_unref (context);
}
