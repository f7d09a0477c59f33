/* baken-clamp.c: a page's content, at most so wide, centred
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AdwClamp with its tightening threshold at its maximum size, as the pages used it,
 * less one layout of the whole page per page shown: asked for its height without a
 * width by the scrolled window it is in, which throws the answer away, AdwClamp laid
 * the page out at its maximum width, a width the kiosk never shows it at; this clamp
 * answers 0 then (baken-scroll-content.h), and anywhere else as AdwClamp. It keeps the
 * scroll bar's room free when the bar is not shown (baken_scroll_content_gutter ()), so
 * a page is laid out at one width, with or without the bar.
 */
#define G_LOG_DOMAIN "baken-clamp"

#include "config.h"

#include "baken-clamp.h"

#include "baken-scroll-content.h"

struct _BakenClamp
{
  AdwBin parent_instance;

  int    maximum_size;
};

G_DEFINE_FINAL_TYPE (BakenClamp, baken_clamp, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MAXIMUM_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The child's width when the clamp is width wide (-1: as wide as it likes). */
static int
child_width (BakenClamp *self,
             GtkWidget  *child,
             int         width)
{
  int min = 0, nat = 0, widest;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  widest = MAX (self->maximum_size, min);

  return width < 0 ? MIN (nat, widest) : MIN (width, widest);
}

static void
baken_clamp_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  BakenClamp *self = BAKEN_CLAMP (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (child, orientation, -1, minimum, natural, NULL, NULL);
      *natural = MAX (self->maximum_size, *minimum);
    }
  else if (!baken_scroll_content_answer_unused (widget, orientation, for_size))
    {
      int gutter = baken_scroll_content_gutter (widget, for_size);

      gtk_widget_measure (child, orientation, child_width (self, child, for_size - gutter),
                          minimum, natural, NULL, NULL);
    }
}

static void
baken_clamp_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  BakenClamp *self = BAKEN_CLAMP (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (self));
  int gutter, inner, x;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  gutter = baken_scroll_content_gutter (widget, width);
  inner = child_width (self, child, width - gutter);
  /* The bar's room is on its side: the right, the left right-to-left. */
  x = (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? gutter : 0) +
      (width - gutter - inner) / 2;
  gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, inner, height }, baseline);
}

static GtkSizeRequestMode
baken_clamp_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
baken_clamp_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BakenClamp *self = BAKEN_CLAMP (object);

  switch (prop_id)
    {
    case PROP_MAXIMUM_SIZE:
      g_value_set_int (value, self->maximum_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_clamp_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BakenClamp *self = BAKEN_CLAMP (object);

  switch (prop_id)
    {
    case PROP_MAXIMUM_SIZE:
      baken_clamp_set_maximum_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_clamp_class_init (BakenClampClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = baken_clamp_get_property;
  object_class->set_property = baken_clamp_set_property;

  widget_class->measure = baken_clamp_measure;
  widget_class->size_allocate = baken_clamp_size_allocate;
  widget_class->get_request_mode = baken_clamp_get_request_mode;

  properties[PROP_MAXIMUM_SIZE] =
    g_param_spec_int ("maximum-size", NULL, NULL,
                      0, G_MAXINT, 1500,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* As AdwClamp: the same node for the CSS and the same role for assistive technology. */
  gtk_widget_class_set_css_name (widget_class, "clamp");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baken_clamp_init (BakenClamp *self)
{
  self->maximum_size = 1500;
  /* Laid out by measure and size_allocate above, not by AdwBin's GtkBinLayout. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
}

GtkWidget *
baken_clamp_new (void)
{
  return g_object_new (BAKEN_TYPE_CLAMP, NULL);
}

int
baken_clamp_get_maximum_size (BakenClamp *self)
{
  g_return_val_if_fail (BAKEN_IS_CLAMP (self), 0);

  return self->maximum_size;
}

void
baken_clamp_set_maximum_size (BakenClamp *self,
                              int         maximum_size)
{
  g_return_if_fail (BAKEN_IS_CLAMP (self));
  g_return_if_fail (maximum_size >= 0);

  if (self->maximum_size == maximum_size)
    return;

  self->maximum_size = maximum_size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM_SIZE]);
}
