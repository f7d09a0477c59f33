/* baken-tile-grid.c: tiles in as many columns as make them largest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no breakpoints. The home screen must show every tile without scrolling
 * in portrait (1080 × 1920) and landscape (1920 × 1080), so the grid picks its columns
 * at allocation time from the space it gets: 3 × 4 in portrait, 6 × 2 in landscape for
 * twelve tiles. Every cell is the same size; children fill their cell. It never cuts a
 * tile's words: when no layout fits (the largest text, long words), it asks its
 * scroller for the height of the lowest layout that does.
 */
#define G_LOG_DOMAIN "baken-tile-grid"

#include "config.h"

#include "baken-tile-grid.h"

#include "baken-scroll-content.h"

struct _BakenTileGrid
{
  GtkWidget parent_instance;

  int       spacing;
  guint     columns;  /* of the last allocation */
};

G_DEFINE_FINAL_TYPE (BakenTileGrid, baken_tile_grid, GTK_TYPE_WIDGET)

#define DEFAULT_SPACING 24

static guint
count_children (BakenTileGrid *self)
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

/* The largest minimum width of the children. */
static int
children_min_width (BakenTileGrid *self)
{
  int min_width = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int w;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &w, NULL, NULL, NULL);
      min_width = MAX (min_width, w);
    }

  return min_width;
}

/* The largest minimum height of the children in cells cell_width wide, which is at
 * least their minimum width: GTK 4.8 keeps no measure below a widget's minimum, so
 * asking one would lay its text out anew each time. */
static int
children_min_height (BakenTileGrid *self,
                     int            cell_width)
{
  int min_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int h;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, cell_width, &h, NULL, NULL, NULL);
      min_height = MAX (min_height, h);
    }

  return min_height;
}

static int
cell_size (int   total,
           guint count,
           int   spacing)
{
  return (total - (int) (count - 1) * spacing) / (int) count;
}

/* The height of the lowest layout at @width where every tile gets its minimum (labels
 * wrap in narrow cells, so a tile's minimum height depends on the width), or of the
 * one-column layout when even that is too narrow. */
static int
fitting_height (BakenTileGrid *self,
                guint          n,
                int            width)
{
  int lowest = G_MAXINT;
  int min_w = children_min_width (self);

  for (guint c = 1; c <= n; c++)
    {
      guint r = (n + c - 1) / c;
      int cw = cell_size (width, c, self->spacing);

      if (cw < min_w)
        break;  /* more columns are narrower still */
      lowest = MIN (lowest, (int) r * children_min_height (self, cw) +
                            (int) (r - 1) * self->spacing);
    }

  if (lowest == G_MAXINT)
    lowest = (int) n * children_min_height (self, MAX (width, min_w)) +
             (int) (n - 1) * self->spacing;

  return lowest;
}

/* Height for width. Baken keeps the grid in a vertical scroller: GtkWindow takes its
 * minimum height at its minimum width, where one column of tiles would be taller than
 * a landscape screen. The scroller's minimum is small, and the grid gets at least the
 * height of a layout that shows every tile whole; only when no layout fits the screen
 * (very large text with long words) does the page scroll, never to the side. */
static void
baken_tile_grid_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  BakenTileGrid *self = BAKEN_TILE_GRID (widget);
  guint n = count_children (self);
  guint per_line = MIN (n, 3);
  int child_min = 0, child_nat = 0;

  *minimum = *natural = 0;
  if (n == 0 || baken_scroll_content_answer_unused (widget, orientation, for_size))
    return;

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    {
      *minimum = *natural = fitting_height (self, n, for_size);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (child, orientation, -1, &min, &nat, NULL, NULL);
        }
      else
        {
          int width;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
          gtk_widget_measure (child, orientation, width, &min, &nat, NULL, NULL);
        }

      child_min = MAX (child_min, min);
      child_nat = MAX (child_nat, nat);
    }

  *minimum = child_min;
  *natural = per_line * child_nat + (per_line - 1) * self->spacing;
}

static void
baken_tile_grid_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  BakenTileGrid *self = BAKEN_TILE_GRID (widget);
  guint n = count_children (self);
  guint cols = 0, rows, i = 0;
  int best_icon = G_MININT;
  int least_overflow = G_MAXINT;
  guint least_overflow_cols = 1;
  int min_w, cell_w, cell_h;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (n == 0)
    return;

  /* Of the column counts where every tile gets at least its minimum (labels wrap in
   * narrow cells, so the minimum height depends on the width), take the one that
   * leaves the icons the most room. */
  min_w = children_min_width (self);
  for (guint c = 1; c <= n; c++)
    {
      guint r = (n + c - 1) / c;
      int cw = cell_size (width, c, self->spacing);
      int ch = cell_size (height, r, self->spacing);
      int min_h, icon;

      if (cw < min_w)
        break;  /* more columns are narrower still */
      min_h = children_min_height (self, cw);
      if (ch < min_h)
        {
          if (min_h - ch < least_overflow)
            {
              least_overflow = min_h - ch;
              least_overflow_cols = c;
            }
          continue;
        }

      /* The icon grows into the height the tile has beyond its minimum (label,
       * padding, smallest icon) and is square, so it is also bound by the width. */
      icon = MIN (cw, ch - min_h);
      if (icon > best_icon)
        {
          best_icon = icon;
          cols = c;
        }
    }

  /* Smaller than any window Baken runs in: squeeze the layout that overflows least. */
  if (cols == 0)
    cols = least_overflow_cols;

  self->columns = cols;
  rows = (n + cols - 1) / cols;
  cell_w = cell_size (width, cols, self->spacing);
  cell_h = cell_size (height, rows, self->spacing);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation alloc;
      guint row, col;

      if (!gtk_widget_should_layout (child))
        continue;

      row = i / cols;
      col = i % cols;
      /* Right to left (Arabic): the first tile at the right, like the text. */
      if (rtl)
        col = cols - 1 - col;
      alloc.x = col * (cell_w + self->spacing);
      alloc.y = row * (cell_h + self->spacing);
      alloc.width = cell_w;
      alloc.height = cell_h;
      gtk_widget_size_allocate (child, &alloc, -1);
      i++;
    }
}

static GtkSizeRequestMode
baken_tile_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
baken_tile_grid_dispose (GObject *object)
{
  baken_tile_grid_remove_all (BAKEN_TILE_GRID (object));

  G_OBJECT_CLASS (baken_tile_grid_parent_class)->dispose (object);
}

static void
baken_tile_grid_class_init (BakenTileGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_tile_grid_dispose;

  widget_class->measure = baken_tile_grid_measure;
  widget_class->size_allocate = baken_tile_grid_size_allocate;
  widget_class->get_request_mode = baken_tile_grid_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "tilegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baken_tile_grid_init (BakenTileGrid *self)
{
  self->spacing = DEFAULT_SPACING;
}

GtkWidget *
baken_tile_grid_new (void)
{
  return g_object_new (BAKEN_TYPE_TILE_GRID, NULL);
}

void
baken_tile_grid_append (BakenTileGrid *self,
                        GtkWidget     *child)
{
  g_return_if_fail (BAKEN_IS_TILE_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
baken_tile_grid_remove_all (BakenTileGrid *self)
{
  GtkWidget *child;

  g_return_if_fail (BAKEN_IS_TILE_GRID (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
}

guint
baken_tile_grid_get_columns (BakenTileGrid *self)
{
  g_return_val_if_fail (BAKEN_IS_TILE_GRID (self), 0);

  return self->columns;
}
