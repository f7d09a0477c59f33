/* baken-flow.c: small items side by side, wrapping to a new line like words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The channel chips of a service card ("Bellen: 030 555 01 23", "Langskomen: Stadhuis"):
 * each at its natural width, left to right (right to left in Arabic), on a new line when
 * the next one does not fit; one wider than a whole line gets the line and wraps its own
 * text. Every line is as tall as its tallest item.
 *
 * GtkFlowBox did this job first, but it measures each child at many widths for every
 * width it is asked about (it tries each number of children per line), and a wrapping
 * label lays its text out anew for each width: a list of service cards cost ~100 ms of
 * layout per first visit, six frames. This asks each child for its width once and for
 * its height at the one width it gets.
 */
#define G_LOG_DOMAIN "baken-flow"

#include "config.h"

#include "baken-flow.h"

struct _BakenFlow
{
  GtkWidget parent_instance;

  int       column_spacing;
  int       row_spacing;

  guint     lines;  /* of the last allocation */
};

static void baken_flow_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BakenFlow, baken_flow, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      baken_flow_buildable_init))

enum {
  PROP_0,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

/* Where one child goes: x from the start of its line (left in LTR), its width, its line. */
typedef struct
{
  int   x;
  int   width;
  guint line;
} Slot;

/* Places the children for a width (-1: unbounded, all on one line); returns the total
 * height. slots gets one Slot per child that takes part in layout, line_heights one
 * height per line; either may be NULL. */
static int
place (BakenFlow *self,
       int        width,
       gboolean   natural,
       GArray    *slots,
       GArray    *line_heights)
{
  int x = 0, line_height = 0, total = 0;
  guint line = 0, in_line = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_width, nat_width, min_height, nat_height, child_width;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width,
                          NULL, NULL);
      child_width = width < 0 ? nat_width : MAX (MIN (nat_width, width), min_width);

      if (in_line > 0 && width >= 0 && x + self->column_spacing + child_width > width)
        {
          if (line_heights != NULL)
            g_array_append_val (line_heights, line_height);
          total += line_height + self->row_spacing;
          line++;
          x = 0;
          line_height = 0;
          in_line = 0;
        }
      if (in_line > 0)
        x += self->column_spacing;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, &min_height,
                          &nat_height, NULL, NULL);
      line_height = MAX (line_height, natural ? nat_height : min_height);
      if (slots != NULL)
        g_array_append_val (slots, ((Slot) { x, child_width, line }));
      x += child_width;
      in_line++;
    }

  if (in_line == 0)
    return 0;
  if (line_heights != NULL)
    g_array_append_val (line_heights, line_height);

  return total + line_height;
}

static void
baken_flow_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  BakenFlow *self = BAKEN_FLOW (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n = 0;

      /* At least the widest item's minimum; naturally all of them on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural += nat;
          n++;
        }
      if (n > 1)
        *natural += (int) (n - 1) * self->column_spacing;
      *natural = MAX (*natural, *minimum);
    }
  else
    {
      *minimum = place (self, for_size, FALSE, NULL, NULL);
      *natural = place (self, for_size, TRUE, NULL, NULL);
    }
}

static void
baken_flow_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  BakenFlow *self = BAKEN_FLOW (widget);
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  g_autoptr(GArray) line_heights = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint i = 0, line = 0;
  int y = 0;

  place (self, width, TRUE, slots, line_heights);
  self->lines = line_heights->len;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const Slot *slot;

      if (!gtk_widget_should_layout (child))
        continue;

      slot = &g_array_index (slots, Slot, i++);
      for (; line < slot->line; line++)
        y += g_array_index (line_heights, int, line) + self->row_spacing;

      gtk_widget_size_allocate (child,
                                &(GtkAllocation) {
                                  rtl ? width - slot->x - slot->width : slot->x,
                                  y,
                                  slot->width,
                                  g_array_index (line_heights, int, slot->line),
                                },
                                -1);
    }
}

static GtkSizeRequestMode
baken_flow_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
baken_flow_buildable_add_child (GtkBuildable *buildable,
                                GtkBuilder   *builder,
                                GObject      *child,
                                const char   *type)
{
  if (GTK_IS_WIDGET (child))
    baken_flow_append (BAKEN_FLOW (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
baken_flow_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = baken_flow_buildable_add_child;
}

static void
baken_flow_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_flow_parent_class)->dispose (object);
}

static void
baken_flow_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BakenFlow *self = BAKEN_FLOW (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;

    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_flow_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BakenFlow *self = BAKEN_FLOW (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      baken_flow_set_column_spacing (self, g_value_get_int (value));
      break;

    case PROP_ROW_SPACING:
      baken_flow_set_row_spacing (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_flow_class_init (BakenFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_flow_dispose;
  object_class->get_property = baken_flow_get_property;
  object_class->set_property = baken_flow_set_property;

  widget_class->measure = baken_flow_measure;
  widget_class->size_allocate = baken_flow_size_allocate;
  widget_class->get_request_mode = baken_flow_get_request_mode;

  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL,
                      0, G_MAXINT, 24,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL,
                      0, G_MAXINT, 8,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "flow");
  /* A group of facts, not a grid of controls as GtkFlowBox was: nothing here takes the
   * focus, so Tab never stops on it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baken_flow_init (BakenFlow *self)
{
  self->column_spacing = 24;
  self->row_spacing = 8;
}

GtkWidget *
baken_flow_new (void)
{
  return g_object_new (BAKEN_TYPE_FLOW, NULL);
}

void
baken_flow_append (BakenFlow *self,
                   GtkWidget *child)
{
  g_return_if_fail (BAKEN_IS_FLOW (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

int
baken_flow_get_column_spacing (BakenFlow *self)
{
  g_return_val_if_fail (BAKEN_IS_FLOW (self), 0);

  return self->column_spacing;
}

void
baken_flow_set_column_spacing (BakenFlow *self,
                               int        spacing)
{
  g_return_if_fail (BAKEN_IS_FLOW (self));
  g_return_if_fail (spacing >= 0);

  if (self->column_spacing == spacing)
    return;

  self->column_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_SPACING]);
}

int
baken_flow_get_row_spacing (BakenFlow *self)
{
  g_return_val_if_fail (BAKEN_IS_FLOW (self), 0);

  return self->row_spacing;
}

void
baken_flow_set_row_spacing (BakenFlow *self,
                            int        spacing)
{
  g_return_if_fail (BAKEN_IS_FLOW (self));
  g_return_if_fail (spacing >= 0);

  if (self->row_spacing == spacing)
    return;

  self->row_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_SPACING]);
}

guint
baken_flow_get_lines (BakenFlow *self)
{
  g_return_val_if_fail (BAKEN_IS_FLOW (self), 0);

  return self->lines;
}
