/* baken-screen-frame.c: the window's whole content, as large as the screen it is on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A kiosk's window is the screen (fullscreen), and at the desk or with --size it has a
 * size of its own from the start: what it holds never sizes it. But GTK asks a window
 * for its minimum and natural size ("compute-size", before the frame) every time
 * anything in it may have changed size: each new page, each language, each search
 * key. Measured through the content, that laid out every wrapping label of a new page
 * and of the bars again at widths the kiosk never shows, 5-15 ms per tap before the
 * frame could start. This frame asks the window for nothing and measures its child in
 * size_allocate, at the size it gets; never smaller than the child's minimum (a desk
 * window made smaller than that cuts the content off at its edge; every page scrolls,
 * so that takes a tiny window).
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-screen-frame.h"

struct _BakenScreenFrame
{
  GtkWidget  parent_instance;

  GtkWidget *child;  /* (owned by the widget tree) (nullable) */
};

static void baken_screen_frame_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BakenScreenFrame, baken_screen_frame, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      baken_screen_frame_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
baken_screen_frame_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = 0;
}

static void
baken_screen_frame_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  BakenScreenFrame *self = BAKEN_SCREEN_FRAME (widget);
  int min_width = 0, min_height = 0;

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                      NULL, NULL);
  width = MAX (width, min_width);
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL,
                      NULL, NULL);
  gtk_widget_size_allocate (self->child,
                            &(GtkAllocation) { 0, 0, width, MAX (height, min_height) }, -1);
}

static void
baken_screen_frame_buildable_add_child (GtkBuildable *buildable,
                                        GtkBuilder   *builder,
                                        GObject      *child,
                                        const char   *type)
{
  if (GTK_IS_WIDGET (child))
    baken_screen_frame_set_child (BAKEN_SCREEN_FRAME (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
baken_screen_frame_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = baken_screen_frame_buildable_add_child;
}

static void
baken_screen_frame_dispose (GObject *object)
{
  BakenScreenFrame *self = BAKEN_SCREEN_FRAME (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (baken_screen_frame_parent_class)->dispose (object);
}

static void
baken_screen_frame_class_init (BakenScreenFrameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_screen_frame_dispose;

  widget_class->measure = baken_screen_frame_measure;
  widget_class->size_allocate = baken_screen_frame_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "screenframe");
}

static void
baken_screen_frame_init (BakenScreenFrame *self)
{
  /* What content too large for the window has past its edge is not drawn. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
baken_screen_frame_new (void)
{
  return g_object_new (BAKEN_TYPE_SCREEN_FRAME, NULL);
}

GtkWidget *
baken_screen_frame_get_child (BakenScreenFrame *self)
{
  g_return_val_if_fail (BAKEN_IS_SCREEN_FRAME (self), NULL);

  return self->child;
}

void
baken_screen_frame_set_child (BakenScreenFrame *self,
                              GtkWidget        *child)
{
  g_return_if_fail (BAKEN_IS_SCREEN_FRAME (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
}
