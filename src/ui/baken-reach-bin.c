/* baken-reach-bin.c: keeps its child in the lower part of the screen on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Alles lager" (low reach, EN 301 549 § 8.3 reach range): someone in a wheelchair or
 * a child cannot reach the top of a portrait kiosk. The window keeps every page in this
 * bin; when active, the page is laid out below the upper third of the window (less
 * when the page cannot be smaller) and scrolls there.
 */
#define G_LOG_DOMAIN "baken-reach-bin"

#include "config.h"

#include "baken-reach-bin.h"

struct _BakenReachBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;   /* (owned by the widget tree) (nullable) */
  gboolean   active;
  int        offset;
};

G_DEFINE_FINAL_TYPE (BakenReachBin, baken_reach_bin, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
baken_reach_bin_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  BakenReachBin *self = BAKEN_REACH_BIN (widget);

  *minimum = *natural = 0;
  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
baken_reach_bin_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  BakenReachBin *self = BAKEN_REACH_BIN (widget);
  int child_min = 0;

  self->offset = 0;
  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    return;

  if (self->active)
    {
      GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
      graphene_point_t top = GRAPHENE_POINT_INIT (0, 0);
      int target = height / 3;

      /* The upper third of the screen, not of the bin: the bin starts below a bar. */
      if (root != NULL &&
          gtk_widget_compute_point (widget, root, &GRAPHENE_POINT_INIT (0, 0), &top))
        target = gtk_widget_get_height (root) / 3 - (int) top.y;

      gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, width, &child_min, NULL,
                          NULL, NULL);
      self->offset = CLAMP (target, 0, MAX (0, height - child_min));
    }

  gtk_widget_size_allocate (self->child,
                            &(GtkAllocation) { 0, self->offset, width, height - self->offset },
                            -1);
}

static void
baken_reach_bin_dispose (GObject *object)
{
  BakenReachBin *self = BAKEN_REACH_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (baken_reach_bin_parent_class)->dispose (object);
}

static void
baken_reach_bin_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BakenReachBin *self = BAKEN_REACH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_reach_bin_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BakenReachBin *self = BAKEN_REACH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      baken_reach_bin_set_child (self, g_value_get_object (value));
      break;

    case PROP_ACTIVE:
      baken_reach_bin_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_reach_bin_class_init (BakenReachBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_reach_bin_dispose;
  object_class->get_property = baken_reach_bin_get_property;
  object_class->set_property = baken_reach_bin_set_property;

  widget_class->measure = baken_reach_bin_measure;
  widget_class->size_allocate = baken_reach_bin_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "reachbin");
}

static void
baken_reach_bin_init (BakenReachBin *self)
{
}

GtkWidget *
baken_reach_bin_new (void)
{
  return g_object_new (BAKEN_TYPE_REACH_BIN, NULL);
}

GtkWidget *
baken_reach_bin_get_child (BakenReachBin *self)
{
  g_return_val_if_fail (BAKEN_IS_REACH_BIN (self), NULL);

  return self->child;
}

void
baken_reach_bin_set_child (BakenReachBin *self,
                           GtkWidget     *child)
{
  g_return_if_fail (BAKEN_IS_REACH_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

gboolean
baken_reach_bin_get_active (BakenReachBin *self)
{
  g_return_val_if_fail (BAKEN_IS_REACH_BIN (self), FALSE);

  return self->active;
}

void
baken_reach_bin_set_active (BakenReachBin *self,
                            gboolean       active)
{
  g_return_if_fail (BAKEN_IS_REACH_BIN (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

int
baken_reach_bin_get_offset (BakenReachBin *self)
{
  g_return_val_if_fail (BAKEN_IS_REACH_BIN (self), 0);

  return self->offset;
}
