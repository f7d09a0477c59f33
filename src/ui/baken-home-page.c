/* baken-home-page.c: "Waar kunt u hulp bij gebruiken?" and the life events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One tile per top-level life event: its icon drawn to fill the tile and a label of a
 * few words. A tile activates kiosk.open-event; the window decides what comes next.
 */
#define G_LOG_DOMAIN "baken-home-page"

#include "config.h"

#include "baken-home-page.h"

#include <glib/gi18n.h>

#include "baken-controls.h"
#include "baken-icon.h"
#include "baken-tile-grid.h"

struct _BakenHomePage
{
  BakenPage      parent_instance;

  /* Template children */
  GtkLabel      *title;
  BakenTileGrid *grid;

  /* Every tile label as high as the highest, so every icon is the same size. */
  GtkSizeGroup  *labels;    /* (owned) */
};

G_DEFINE_FINAL_TYPE (BakenHomePage, baken_home_page, BAKEN_TYPE_PAGE)

static GtkWidget *
create_tile (BakenHomePage  *self,
             BakenCatalog   *catalog,
             BakenLifeEvent *event)
{
  g_autoptr(GBytes) svg = NULL;
  GtkWidget *button, *box, *label;

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "tile");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.open-event");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", event->id);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_button_set_child (GTK_BUTTON (button), box);

  if (event->icon != NULL && (svg = baken_catalog_get_icon (catalog, event->icon)))
    {
      /* 40 px at least; it fills the tile. Small only at the largest text in landscape,
       * where every tile must still fit the screen. */
      GtkWidget *icon = baken_icon_new_for_svg (svg, 40);

      baken_icon_set_fill (BAKEN_ICON (icon), TRUE);
      gtk_widget_set_vexpand (icon, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
    }

  label = gtk_label_new (event->title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Whole words only: the grid picks fewer columns rather than break a word. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_add_css_class (label, "tile-label");
  if (event->dutch & BAKEN_LIFE_EVENT_DUTCH_TITLE)
    baken_controls_set_language (label, "nl");
  gtk_size_group_add_widget (self->labels, label);
  gtk_box_append (GTK_BOX (box), label);

  /* A button with a box inside has no accessible name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, event->title,
                                  -1);
  if (event->summary != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, event->summary,
                                    -1);

  return button;
}

static void
fill (BakenHomePage *self)
{
  BakenPage *page = BAKEN_PAGE (self);
  BakenCatalog *catalog = baken_context_get_catalog (baken_page_get_context (page));
  const char *language = baken_page_get_language (page);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = baken_catalog_get_life_events (catalog, NULL, language, &error);
  if (events == NULL)
    {
      g_warning ("Cannot show the life events: %s", error->message);
      gtk_label_set_label (self->title,
                           _("Dit kan nu niet worden getoond. Vraag het aan de medewerker "
                             "bij de balie."));
      return;
    }

  for (guint i = 0; i < events->len; i++)
    baken_tile_grid_append (self->grid,
                            create_tile (self, catalog, g_ptr_array_index (events, i)));
}

static void
baken_home_page_constructed (GObject *object)
{
  BakenHomePage *self = BAKEN_HOME_PAGE (object);

  G_OBJECT_CLASS (baken_home_page_parent_class)->constructed (object);

  fill (self);
}

static void
baken_home_page_dispose (GObject *object)
{
  BakenHomePage *self = BAKEN_HOME_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_HOME_PAGE);
  /* Unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (baken_home_page_parent_class)->dispose (object);
}

static void
baken_home_page_class_init (BakenHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_home_page_constructed;
  object_class->dispose = baken_home_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenHomePage, title);
  gtk_widget_class_bind_template_child (widget_class, BakenHomePage, grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "homepage");
}

static void
baken_home_page_init (BakenHomePage *self)
{
  g_type_ensure (BAKEN_TYPE_TILE_GRID);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->labels = gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL);
}

GtkWidget *
baken_home_page_new (BakenContext *context,
                     const char   *language)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return g_object_new (BAKEN_TYPE_HOME_PAGE,
                       "context", context,
                       "language", language,
                       NULL);
}
