/* baken-line.c: widgets across or down that may wrap their text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a GtkBox is for, laid out by BakenLineLayout (baken-line-layout.c), so a
 * wrapping label in it is laid out once per width instead of some hundred times. Its
 * CSS name is "box" and its role a group, as a GtkBox's, so styles and what a screen
 * reader hears stay the same. Children come from <child> in a template or from
 * baken_line_append ().
 */
#define G_LOG_DOMAIN "baken-line"

#include "config.h"

#include "baken-line.h"

#include "baken-line-layout.h"

struct _BakenLine
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (BakenLine, baken_line, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ORIENTATION,
  PROP_SPACING,
  PROP_HOMOGENEOUS,
  PROP_CENTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static BakenLineLayout *
line_layout (BakenLine *self)
{
  return BAKEN_LINE_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
}

static void
baken_line_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_line_parent_class)->dispose (object);
}

static void
baken_line_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BakenLine *self = BAKEN_LINE (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      g_value_set_enum (value, baken_line_layout_get_orientation (line_layout (self)));
      break;

    case PROP_SPACING:
      g_value_set_int (value, baken_line_layout_get_spacing (line_layout (self)));
      break;

    case PROP_HOMOGENEOUS:
      g_value_set_boolean (value, baken_line_layout_get_homogeneous (line_layout (self)));
      break;

    case PROP_CENTER:
      g_value_set_boolean (value, baken_line_layout_get_center (line_layout (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_line_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BakenLine *self = BAKEN_LINE (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      baken_line_layout_set_orientation (line_layout (self), g_value_get_enum (value));
      break;

    case PROP_SPACING:
      baken_line_layout_set_spacing (line_layout (self), g_value_get_int (value));
      break;

    case PROP_HOMOGENEOUS:
      baken_line_layout_set_homogeneous (line_layout (self), g_value_get_boolean (value));
      break;

    case PROP_CENTER:
      baken_line_layout_set_center (line_layout (self), g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_line_class_init (BakenLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_line_dispose;
  object_class->get_property = baken_line_get_property;
  object_class->set_property = baken_line_set_property;

  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL,
                       GTK_TYPE_ORIENTATION, GTK_ORIENTATION_HORIZONTAL,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties[PROP_HOMOGENEOUS] =
    g_param_spec_boolean ("homogeneous", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CENTER] =
    g_param_spec_boolean ("center", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, BAKEN_TYPE_LINE_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baken_line_init (BakenLine *self)
{
}

GtkWidget *
baken_line_new (GtkOrientation orientation,
                int            spacing)
{
  return g_object_new (BAKEN_TYPE_LINE, "orientation", orientation, "spacing", spacing, NULL);
}

void
baken_line_append (BakenLine *self,
                   GtkWidget *child)
{
  g_return_if_fail (BAKEN_IS_LINE (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
