/* baken-columns.c: one column in portrait, more side by side when there is room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Children fill a grid row by row, as many columns as fit at min-column-width (at most
 * max-columns); every row is as tall as its tallest child. GtkFlowBox decides from the
 * children's natural widths, which for wrapping text is a whole paragraph on one line,
 * so it never puts two text columns side by side; this decides from a fixed width.
 */
#define G_LOG_DOMAIN "baken-columns"

#include "config.h"

#include "baken-columns.h"

struct _BakenColumns
{
  GtkWidget parent_instance;

  int       min_column_width;
  guint     max_columns;
  int       column_spacing;
  int       row_spacing;

  guint     columns;  /* of the last allocation */
};

static void baken_columns_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BakenColumns, baken_columns, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      baken_columns_buildable_init))

enum {
  PROP_0,
  PROP_MIN_COLUMN_WIDTH,
  PROP_MAX_COLUMNS,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

static guint
count_children (BakenColumns *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_should_layout (child))
        n++;
    }

  return n;
}

static guint
columns_for_width (BakenColumns *self,
                   int           width,
                   guint         n)
{
  guint columns = 1;

  if (width < 0 || n == 0)
    return 1;

  while (columns < MIN (n, self->max_columns) &&
         (int) (columns + 1) * self->min_column_width + (int) columns * self->column_spacing
         <= width)
    columns++;

  return columns;
}

static int
column_width (BakenColumns *self,
              int           width,
              guint         columns)
{
  return (width - (int) (columns - 1) * self->column_spacing) / (int) columns;
}

/* Heights of the rows for a width; returns the total. */
static int
measure_rows (BakenColumns *self,
              int           width,
              guint         columns,
              gboolean      natural,
              GArray       *row_heights)
{
  int total = 0, row_height = 0;
  int child_width = width < 0 ? -1 : column_width (self, width, columns);
  guint i = 0, rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, &min, &nat,
                          NULL, NULL);
      row_height = MAX (row_height, natural ? nat : min);

      if (++i % columns == 0)
        {
          if (row_heights != NULL)
            g_array_append_val (row_heights, row_height);
          total += row_height;
          rows++;
          row_height = 0;
        }
    }

  if (i % columns != 0)
    {
      if (row_heights != NULL)
        g_array_append_val (row_heights, row_height);
      total += row_height;
      rows++;
    }

  if (rows > 1)
    total += (int) (rows - 1) * self->row_spacing;

  return total;
}

static void
baken_columns_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  BakenColumns *self = BAKEN_COLUMNS (widget);
  guint n = count_children (self);

  *minimum = *natural = 0;
  if (n == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint columns = MIN (n, self->max_columns);

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int min, nat;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }

      /* Ask for room for all columns; accept one. */
      *natural = MAX (*natural, self->min_column_width);
      *natural = (int) columns * *natural + (int) (columns - 1) * self->column_spacing;
    }
  else
    {
      guint columns = columns_for_width (self, for_size, n);

      *minimum = measure_rows (self, for_size, columns, FALSE, NULL);
      *natural = measure_rows (self, for_size, columns, TRUE, NULL);
    }
}

static void
baken_columns_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BakenColumns *self = BAKEN_COLUMNS (widget);
  guint n = count_children (self);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));
  guint columns, i = 0;
  int child_width, y = 0;

  if (n == 0)
    return;

  columns = columns_for_width (self, width, n);
  self->columns = columns;
  child_width = column_width (self, width, columns);
  measure_rows (self, width, columns, TRUE, rows);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation alloc;
      guint row, column;

      if (!gtk_widget_should_layout (child))
        continue;

      row = i / columns;
      column = i % columns;
      if (column == 0 && row > 0)
        y += g_array_index (rows, int, row - 1) + self->row_spacing;

      alloc.x = column * (child_width + self->column_spacing);
      alloc.y = y;
      alloc.width = child_width;
      alloc.height = g_array_index (rows, int, row);
      gtk_widget_size_allocate (child, &alloc, -1);
      i++;
    }
}

static GtkSizeRequestMode
baken_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
baken_columns_buildable_add_child (GtkBuildable *buildable,
                                   GtkBuilder   *builder,
                                   GObject      *child,
                                   const char   *type)
{
  if (GTK_IS_WIDGET (child))
    baken_columns_append (BAKEN_COLUMNS (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
baken_columns_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = baken_columns_buildable_add_child;
}

static void
baken_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_columns_parent_class)->dispose (object);
}

static void
baken_columns_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BakenColumns *self = BAKEN_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      g_value_set_int (value, self->min_column_width);
      break;

    case PROP_MAX_COLUMNS:
      g_value_set_uint (value, self->max_columns);
      break;

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
set_int (BakenColumns *self,
         int          *field,
         int           value,
         guint         prop_id)
{
  if (*field == value)
    return;

  *field = value;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
baken_columns_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BakenColumns *self = BAKEN_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      baken_columns_set_min_column_width (self, g_value_get_int (value));
      break;

    case PROP_MAX_COLUMNS:
      baken_columns_set_max_columns (self, g_value_get_uint (value));
      break;

    case PROP_COLUMN_SPACING:
      set_int (self, &self->column_spacing, g_value_get_int (value), prop_id);
      break;

    case PROP_ROW_SPACING:
      set_int (self, &self->row_spacing, g_value_get_int (value), prop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_columns_class_init (BakenColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_columns_dispose;
  object_class->get_property = baken_columns_get_property;
  object_class->set_property = baken_columns_set_property;

  widget_class->measure = baken_columns_measure;
  widget_class->size_allocate = baken_columns_size_allocate;
  widget_class->get_request_mode = baken_columns_get_request_mode;

  properties[PROP_MIN_COLUMN_WIDTH] =
    g_param_spec_int ("min-column-width", NULL, NULL,
                      1, G_MAXINT, 600,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_MAX_COLUMNS] =
    g_param_spec_uint ("max-columns", NULL, NULL,
                       1, 16, 2,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL,
                      0, G_MAXINT, 24,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL,
                      0, G_MAXINT, 24,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "columns");
}

static void
baken_columns_init (BakenColumns *self)
{
  self->min_column_width = 600;
  self->max_columns = 2;
  self->column_spacing = 24;
  self->row_spacing = 24;
}

GtkWidget *
baken_columns_new (void)
{
  return g_object_new (BAKEN_TYPE_COLUMNS, NULL);
}

void
baken_columns_append (BakenColumns *self,
                      GtkWidget    *child)
{
  g_return_if_fail (BAKEN_IS_COLUMNS (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

int
baken_columns_get_min_column_width (BakenColumns *self)
{
  g_return_val_if_fail (BAKEN_IS_COLUMNS (self), 0);

  return self->min_column_width;
}

void
baken_columns_set_min_column_width (BakenColumns *self,
                                    int           width)
{
  g_return_if_fail (BAKEN_IS_COLUMNS (self));
  g_return_if_fail (width > 0);

  set_int (self, &self->min_column_width, width, PROP_MIN_COLUMN_WIDTH);
}

guint
baken_columns_get_max_columns (BakenColumns *self)
{
  g_return_val_if_fail (BAKEN_IS_COLUMNS (self), 0);

  return self->max_columns;
}

void
baken_columns_set_max_columns (BakenColumns *self,
                               guint         max_columns)
{
  g_return_if_fail (BAKEN_IS_COLUMNS (self));
  g_return_if_fail (max_columns > 0);

  if (self->max_columns == max_columns)
    return;

  self->max_columns = max_columns;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_COLUMNS]);
}

guint
baken_columns_get_columns (BakenColumns *self)
{
  g_return_val_if_fail (BAKEN_IS_COLUMNS (self), 0);

  return self->columns;
}
