/* baken-icon.c: an SVG icon drawn at its exact pixel size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SVG is parsed once per process, and drawn by librsvg straight into a surface of
 * the allocated square (times the scale factor) once per size and style, shared by
 * every icon that shows it (baken-icon-cache.c): a page built again costs no drawing.
 * A bitmap is never scaled, so edges stay sharp at every tile size.
 *
 * Under a window with the class .high-contrast ("Meer contrast") the icon is drawn
 * with HIGH_CONTRAST_CSS on top of its own styles (librsvg's user style sheet): dark
 * lines and fills turn white and white fills black, for the black background; other
 * colours stay, so a tile keeps its recognisable colour.
 */
#define G_LOG_DOMAIN "baken-icon"

#include "config.h"

#include "baken-icon.h"

#include "baken-icon-cache.h"

struct _BakenIcon
{
  GtkWidget        parent_instance;

  /* Source */
  char            *icon_name;     /* (owned) (nullable) */
  GBytes          *svg;           /* (owned) (nullable) */
  GBytes          *source;        /* (owned) (nullable) the SVG shown, if readable */
  gboolean         high_contrast; /* surface has HIGH_CONTRAST_CSS */

  /* Layout */
  int              pixel_size;    /* requested size (minimum and natural) */
  gboolean         fill;          /* grow to the largest square of the allocation */

  /* The surface of the last drawn size, shared through the icon cache */
  cairo_surface_t *surface;       /* (owned) (nullable) a reference */
  int              surface_size;  /* in device pixels */
};

G_DEFINE_FINAL_TYPE (BakenIcon, baken_icon, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ICON_NAME,
  PROP_SVG,
  PROP_PIXEL_SIZE,
  PROP_FILL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define HIGH_CONTRAST_CLASS "high-contrast"

static const char HIGH_CONTRAST_CSS[] =
  "svg { fill: #ffffff; }\n"
  "[stroke]:not([stroke=\"none\"]) { stroke: #ffffff; }\n"
  "[fill=\"#ffffff\"], [fill=\"#fff\"], [fill=\"white\"] { fill: #000000; }\n"
  "[fill=\"#1a1a2e\"], [fill=\"#000000\"], [fill=\"#000\"], [fill=\"black\"] "
  "{ fill: #ffffff; }\n";

static void
clear_surface (BakenIcon *self)
{
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  self->surface_size = 0;
}

static void
load (BakenIcon *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  clear_surface (self);
  g_clear_pointer (&self->source, g_bytes_unref);

  if (self->svg != NULL)
    {
      bytes = g_bytes_ref (self->svg);
    }
  else if (self->icon_name != NULL)
    {
      g_autofree char *path = g_strconcat (BAKEN_ICON_RESOURCE_PATH, self->icon_name,
                                           ".svg", NULL);

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      /* Our own icons are compiled in: a missing one is a programming error. */
      if (bytes == NULL)
        g_critical ("No icon “%s”: %s", self->icon_name, error->message);
    }

  if (bytes != NULL)
    {
      self->high_contrast = FALSE;
      /* Bundle icons were validated when the bundle was built; the label next to the
       * icon still says everything, so an unreadable one is left out. */
      if (baken_icon_cache_check (bytes, &error))
        self->source = g_steal_pointer (&bytes);
      else
        g_debug ("Icon not shown: %s", error->message);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static int
drawn_size (BakenIcon *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int size = MIN (width, height);

  if (!self->fill)
    size = MIN (size, self->pixel_size);

  return size;
}

static void
baken_icon_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  BakenIcon *self = BAKEN_ICON (widget);

  *minimum = *natural = self->pixel_size;
}

static void
baken_icon_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  BakenIcon *self = BAKEN_ICON (widget);
  g_autoptr(GError) error = NULL;
  int size, scale, device_size;
  graphene_rect_t bounds;
  double x, y;
  cairo_t *cr;

  if (self->source == NULL)
    return;

  if (baken_icon_is_high_contrast (self) != self->high_contrast)
    {
      self->high_contrast = !self->high_contrast;
      clear_surface (self);
    }

  size = drawn_size (self);
  if (size <= 0)
    return;

  scale = gtk_widget_get_scale_factor (widget);
  device_size = size * scale;

  if (self->surface == NULL || self->surface_size != device_size)
    {
      clear_surface (self);
      self->surface = baken_icon_cache_lookup (self->source, device_size,
                                               self->high_contrast ? HIGH_CONTRAST_CSS : NULL,
                                               &error);
      if (self->surface == NULL)
        {
          g_debug ("Icon not drawn: %s", error->message);
          return;
        }
      cairo_surface_set_device_scale (self->surface, scale, scale);
      self->surface_size = device_size;
    }

  /* Whole pixels, so the surface lands 1:1 on the screen. */
  x = (gtk_widget_get_width (widget) - size) / 2;
  y = (gtk_widget_get_height (widget) - size) / 2;
  graphene_rect_init (&bounds, x, y, size, size);

  /* An arrow points the way the text reads: mirrored right-to-left (Arabic). */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL &&
      g_strcmp0 (self->icon_name, "back") == 0)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (2 * x + size, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_source_surface (cr, self->surface, x, y);
  cairo_paint (cr);
  cairo_destroy (cr);

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL &&
      g_strcmp0 (self->icon_name, "back") == 0)
    gtk_snapshot_restore (snapshot);
}

static void
baken_icon_dispose (GObject *object)
{
  BakenIcon *self = BAKEN_ICON (object);

  clear_surface (self);
  g_clear_pointer (&self->source, g_bytes_unref);
  g_clear_pointer (&self->svg, g_bytes_unref);

  G_OBJECT_CLASS (baken_icon_parent_class)->dispose (object);
}

static void
baken_icon_finalize (GObject *object)
{
  BakenIcon *self = BAKEN_ICON (object);

  g_free (self->icon_name);

  G_OBJECT_CLASS (baken_icon_parent_class)->finalize (object);
}

static void
baken_icon_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BakenIcon *self = BAKEN_ICON (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      g_value_set_string (value, baken_icon_get_icon_name (self));
      break;

    case PROP_SVG:
      g_value_set_boxed (value, baken_icon_get_svg (self));
      break;

    case PROP_PIXEL_SIZE:
      g_value_set_int (value, baken_icon_get_pixel_size (self));
      break;

    case PROP_FILL:
      g_value_set_boolean (value, baken_icon_get_fill (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_icon_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BakenIcon *self = BAKEN_ICON (object);

  switch (prop_id)
    {
    case PROP_ICON_NAME:
      baken_icon_set_icon_name (self, g_value_get_string (value));
      break;

    case PROP_SVG:
      baken_icon_set_svg (self, g_value_get_boxed (value));
      break;

    case PROP_PIXEL_SIZE:
      baken_icon_set_pixel_size (self, g_value_get_int (value));
      break;

    case PROP_FILL:
      baken_icon_set_fill (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_icon_class_init (BakenIconClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_icon_dispose;
  object_class->finalize = baken_icon_finalize;
  object_class->get_property = baken_icon_get_property;
  object_class->set_property = baken_icon_set_property;

  widget_class->measure = baken_icon_measure;
  widget_class->snapshot = baken_icon_snapshot;

  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SVG] =
    g_param_spec_boxed ("svg", NULL, NULL,
                        G_TYPE_BYTES,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_PIXEL_SIZE] =
    g_param_spec_int ("pixel-size", NULL, NULL,
                      1, 1024, 48,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_FILL] =
    g_param_spec_boolean ("fill", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "bakenicon");
  /* Icons go with a text that says the same: decorative for assistive technology. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
baken_icon_init (BakenIcon *self)
{
  self->pixel_size = 48;
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
baken_icon_new (const char *icon_name,
                int         pixel_size)
{
  return g_object_new (BAKEN_TYPE_ICON,
                       "icon-name", icon_name,
                       "pixel-size", pixel_size,
                       NULL);
}

GtkWidget *
baken_icon_new_for_svg (GBytes *svg,
                        int     pixel_size)
{
  return g_object_new (BAKEN_TYPE_ICON,
                       "svg", svg,
                       "pixel-size", pixel_size,
                       NULL);
}

const char *
baken_icon_get_icon_name (BakenIcon *self)
{
  g_return_val_if_fail (BAKEN_IS_ICON (self), NULL);

  return self->icon_name;
}

void
baken_icon_set_icon_name (BakenIcon  *self,
                          const char *icon_name)
{
  g_return_if_fail (BAKEN_IS_ICON (self));

  if (g_strcmp0 (self->icon_name, icon_name) == 0)
    return;

  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
}

GBytes *
baken_icon_get_svg (BakenIcon *self)
{
  g_return_val_if_fail (BAKEN_IS_ICON (self), NULL);

  return self->svg;
}

void
baken_icon_set_svg (BakenIcon *self,
                    GBytes    *svg)
{
  g_return_if_fail (BAKEN_IS_ICON (self));

  if (self->svg == svg)
    return;

  g_clear_pointer (&self->svg, g_bytes_unref);
  if (svg != NULL)
    self->svg = g_bytes_ref (svg);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SVG]);
}

int
baken_icon_get_pixel_size (BakenIcon *self)
{
  g_return_val_if_fail (BAKEN_IS_ICON (self), 0);

  return self->pixel_size;
}

void
baken_icon_set_pixel_size (BakenIcon *self,
                           int        pixel_size)
{
  g_return_if_fail (BAKEN_IS_ICON (self));
  g_return_if_fail (pixel_size > 0);

  if (self->pixel_size == pixel_size)
    return;

  self->pixel_size = pixel_size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIXEL_SIZE]);
}

gboolean
baken_icon_get_fill (BakenIcon *self)
{
  g_return_val_if_fail (BAKEN_IS_ICON (self), FALSE);

  return self->fill;
}

void
baken_icon_set_fill (BakenIcon *self,
                     gboolean   fill)
{
  g_return_if_fail (BAKEN_IS_ICON (self));

  fill = !!fill;
  if (self->fill == fill)
    return;

  self->fill = fill;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILL]);
}

gboolean
baken_icon_is_high_contrast (BakenIcon *self)
{
  GtkRoot *root;

  g_return_val_if_fail (BAKEN_IS_ICON (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), HIGH_CONTRAST_CLASS);
}

gboolean
baken_icon_get_drawn_high_contrast (BakenIcon *self)
{
  g_return_val_if_fail (BAKEN_IS_ICON (self), FALSE);

  return self->high_contrast;
}

int
baken_icon_get_rendered_size (BakenIcon *self)
{
  g_return_val_if_fail (BAKEN_IS_ICON (self), 0);

  return self->surface_size;
}
