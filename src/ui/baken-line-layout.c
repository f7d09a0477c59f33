/* baken-line-layout.c: children across or down, each measured once for its width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A box for lines that hold wrapping text: across, an icon beside a label, the buttons
 * of the accessibility bar, or Back, "Vraag het aan de medewerker" and Home; down, the
 * title and description of a choice, centred beside its icon.
 *
 * GTK 4.8's GtkBoxLayout asks the children of such a line for their width at a height.
 * To measure a row's height for a width it searches for the smallest height at which
 * the children fit (halving, up to ~20 steps); to allocate a row it asks each child its
 * width for the row's height; and a column that is centred or aligned (not filled) is
 * asked its width for its height too, which it answers with the same search over its
 * children. A wrapping GtkLabel answers a width-for-height question with a search of
 * its own over widths, laying its text out anew at each: one bar laid out its labels
 * some hundred times, more than half of all text layout in a tap.
 *
 * Here no width depends on a height. Across, each child is asked its width once, the
 * line's width is shared out as GtkBoxLayout does for children without height-for-
 * width (each its minimum, then towards its natural width, then the rest to those that
 * expand) and each child is asked its height at the width it gets; the line's height
 * for a width and its allocation at that width use the same share, so every child gets
 * the width its height was measured for. Down, a line is as wide as its widest child
 * and as tall as its children at its width; extra height goes to those that expand.
 * Right to left, the first child of a row is on the right.
 *
 * With center, the children are centred along the line when they leave some of it
 * (none expands), and each child of a row is as tall as it needs at its width, centred
 * in the row's height: an icon beside a title and a description, or beside a button's
 * label; the two lines of a key. A valign or halign would do that too, but GTK 4.8
 * measures a widget that is aligned, not filled, for its height at no width first
 * (gtk_widget_allocate, gtksizerequest.c), laying its text out on one line, a width it
 * is never shown at.
 *
 * The spacing is a property, not the CSS border-spacing GtkBoxLayout also reads:
 * GTK 4.8 has no public way to read that.
 */
#define G_LOG_DOMAIN "baken-line-layout"

#include "config.h"

#include "baken-line-layout.h"

struct _BakenLineLayout
{
  GtkLayoutManager parent_instance;

  GtkOrientation   orientation;
  int              spacing;
  gboolean         homogeneous;
  gboolean         center;
};

G_DEFINE_FINAL_TYPE (BakenLineLayout, baken_line_layout, GTK_TYPE_LAYOUT_MANAGER)

enum {
  PROP_0,
  PROP_ORIENTATION,
  PROP_SPACING,
  PROP_HOMOGENEOUS,
  PROP_CENTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The children that take part in layout, in order: sizes[i].data, n of them. */
static guint
collect_children (GtkWidget        *widget,
                  GtkRequestedSize *sizes)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      if (sizes != NULL)
        sizes[n] = (GtkRequestedSize) { child, 0, 0 };
      n++;
    }

  return n;
}

/* A child's size along the line: across, its width (for any height); down, its height
 * at the line's width (cross). */
static void
measure_along (BakenLineLayout *self,
               GtkWidget       *child,
               int              cross,
               int             *minimum,
               int             *natural)
{
  gtk_widget_measure (child, self->orientation,
                      self->orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : cross,
                      minimum, natural, NULL, NULL);
}

/* Shares size along the line out among its children: sizes[i].minimum_size becomes
 * what child i gets. cross is the line's size the other way (-1: not known). */
static void
share (BakenLineLayout  *self,
       int               size,
       int               cross,
       GtkRequestedSize *sizes,
       guint             n)
{
  int available = MAX (0, size - (int) (n - 1) * self->spacing);
  guint n_expand = 0;
  int extra, each = 0, rest = 0;

  for (guint i = 0; i < n; i++)
    {
      measure_along (self, sizes[i].data, cross, &sizes[i].minimum_size,
                     &sizes[i].natural_size);
      if (!self->homogeneous)
        available -= sizes[i].minimum_size;
      if (gtk_widget_compute_expand (sizes[i].data, self->orientation))
        n_expand++;
    }

  if (self->homogeneous)
    {
      for (guint i = 0; i < n; i++)
        sizes[i].minimum_size = available / (int) n + ((int) i < available % (int) n ? 1 : 0);
      return;
    }

  /* Less room than the minimums: each keeps its minimum and the line is cut. */
  extra = gtk_distribute_natural_allocation (MAX (0, available), n, sizes);
  if (n_expand > 0)
    {
      each = extra / (int) n_expand;
      rest = extra % (int) n_expand;
    }
  for (guint i = 0; i < n && n_expand > 0; i++)
    {
      if (!gtk_widget_compute_expand (sizes[i].data, self->orientation))
        continue;
      sizes[i].minimum_size += each + (rest > 0 ? 1 : 0);
      rest--;
    }
}

static void
baken_line_layout_measure (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           GtkOrientation    orientation,
                           int               for_size,
                           int              *minimum,
                           int              *natural,
                           int              *minimum_baseline,
                           int              *natural_baseline)
{
  BakenLineLayout *self = BAKEN_LINE_LAYOUT (manager);
  guint n = collect_children (widget, NULL);
  GtkRequestedSize *sizes;
  gboolean shared;

  *minimum = *natural = 0;
  if (n == 0)
    return;

  sizes = g_newa (GtkRequestedSize, n);
  collect_children (widget, sizes);

  /* Along the line: the children's sizes and the spacing between them. */
  if (orientation == self->orientation)
    {
      int largest_min = 0, largest_nat = 0;

      for (guint i = 0; i < n; i++)
        {
          measure_along (self, sizes[i].data, for_size, &sizes[i].minimum_size,
                         &sizes[i].natural_size);
          *minimum += sizes[i].minimum_size;
          *natural += sizes[i].natural_size;
          largest_min = MAX (largest_min, sizes[i].minimum_size);
          largest_nat = MAX (largest_nat, sizes[i].natural_size);
        }
      if (self->homogeneous)
        {
          *minimum = largest_min * (int) n;
          *natural = largest_nat * (int) n;
        }
      *minimum += (int) (n - 1) * self->spacing;
      *natural += (int) (n - 1) * self->spacing;
      return;
    }

  /* Across it: the largest child, a row's at the width each gets; a column's width is
   * the same for any height. */
  shared = self->orientation == GTK_ORIENTATION_HORIZONTAL && for_size >= 0;
  if (shared)
    share (self, for_size, -1, sizes, n);
  for (guint i = 0; i < n; i++)
    {
      int child_min = 0, child_nat = 0;

      gtk_widget_measure (sizes[i].data, orientation, shared ? sizes[i].minimum_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
baken_line_layout_allocate (GtkLayoutManager *manager,
                            GtkWidget        *widget,
                            int               width,
                            int               height,
                            int               baseline)
{
  BakenLineLayout *self = BAKEN_LINE_LAYOUT (manager);
  gboolean across = self->orientation == GTK_ORIENTATION_HORIZONTAL;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n = collect_children (widget, NULL);
  GtkRequestedSize *sizes;
  int position = 0;

  if (n == 0)
    return;

  sizes = g_newa (GtkRequestedSize, n);
  collect_children (widget, sizes);
  share (self, across ? width : height, across ? height : width, sizes, n);

  /* Centred: what the children leave of the line, half before them (the odd pixel
   * after them, on the left in a right-to-left row, as GTK centres). */
  if (self->center)
    {
      int left = across ? width : height;

      for (guint i = 0; i < n; i++)
        left -= sizes[i].minimum_size + (i > 0 ? self->spacing : 0);
      left = MAX (0, left);
      position = across && rtl ? left - left / 2 : left / 2;
    }

  for (guint i = 0; i < n; i++)
    {
      int size = sizes[i].minimum_size;
      GtkAllocation allocation = { 0, position, width, size };

      if (across)
        allocation = (GtkAllocation) { rtl ? width - position - size : position, 0,
                                       size, height };
      if (across && self->center)
        {
          int natural = 0;

          gtk_widget_measure (sizes[i].data, GTK_ORIENTATION_VERTICAL, size, NULL, &natural,
                              NULL, NULL);
          allocation.height = MIN (natural, height);
          allocation.y = (height - allocation.height) / 2;
        }
      gtk_widget_size_allocate (sizes[i].data, &allocation, -1);
      position += size + self->spacing;
    }
}

static void
baken_line_layout_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BakenLineLayout *self = BAKEN_LINE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;

    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;

    case PROP_HOMOGENEOUS:
      g_value_set_boolean (value, self->homogeneous);
      break;

    case PROP_CENTER:
      g_value_set_boolean (value, self->center);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_line_layout_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BakenLineLayout *self = BAKEN_LINE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_ORIENTATION:
      baken_line_layout_set_orientation (self, g_value_get_enum (value));
      break;

    case PROP_SPACING:
      baken_line_layout_set_spacing (self, g_value_get_int (value));
      break;

    case PROP_HOMOGENEOUS:
      baken_line_layout_set_homogeneous (self, g_value_get_boolean (value));
      break;

    case PROP_CENTER:
      baken_line_layout_set_center (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_line_layout_class_init (BakenLineLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->get_property = baken_line_layout_get_property;
  object_class->set_property = baken_line_layout_set_property;

  layout_class->measure = baken_line_layout_measure;
  layout_class->allocate = baken_line_layout_allocate;

  properties[PROP_ORIENTATION] =
    g_param_spec_enum ("orientation", NULL, NULL,
                       GTK_TYPE_ORIENTATION, GTK_ORIENTATION_HORIZONTAL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_HOMOGENEOUS] =
    g_param_spec_boolean ("homogeneous", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CENTER] =
    g_param_spec_boolean ("center", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baken_line_layout_init (BakenLineLayout *self)
{
}

GtkOrientation
baken_line_layout_get_orientation (BakenLineLayout *self)
{
  g_return_val_if_fail (BAKEN_IS_LINE_LAYOUT (self), GTK_ORIENTATION_HORIZONTAL);

  return self->orientation;
}

void
baken_line_layout_set_orientation (BakenLineLayout *self,
                                   GtkOrientation   orientation)
{
  g_return_if_fail (BAKEN_IS_LINE_LAYOUT (self));

  if (self->orientation == orientation)
    return;

  self->orientation = orientation;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIENTATION]);
}

int
baken_line_layout_get_spacing (BakenLineLayout *self)
{
  g_return_val_if_fail (BAKEN_IS_LINE_LAYOUT (self), 0);

  return self->spacing;
}

void
baken_line_layout_set_spacing (BakenLineLayout *self,
                               int              spacing)
{
  g_return_if_fail (BAKEN_IS_LINE_LAYOUT (self));

  spacing = MAX (0, spacing);
  if (self->spacing == spacing)
    return;

  self->spacing = spacing;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

gboolean
baken_line_layout_get_homogeneous (BakenLineLayout *self)
{
  g_return_val_if_fail (BAKEN_IS_LINE_LAYOUT (self), FALSE);

  return self->homogeneous;
}

void
baken_line_layout_set_homogeneous (BakenLineLayout *self,
                                   gboolean         homogeneous)
{
  g_return_if_fail (BAKEN_IS_LINE_LAYOUT (self));

  homogeneous = !!homogeneous;
  if (self->homogeneous == homogeneous)
    return;

  self->homogeneous = homogeneous;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOMOGENEOUS]);
}

gboolean
baken_line_layout_get_center (BakenLineLayout *self)
{
  g_return_val_if_fail (BAKEN_IS_LINE_LAYOUT (self), FALSE);

  return self->center;
}

void
baken_line_layout_set_center (BakenLineLayout *self,
                              gboolean         center)
{
  g_return_if_fail (BAKEN_IS_LINE_LAYOUT (self));

  center = !!center;
  if (self->center == center)
    return;

  self->center = center;
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CENTER]);
}
