/* baken-preparing-page.c: "Deze kiosk wordt klaargemaakt"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-preparing-page"

#include "config.h"

#include "baken-preparing-page.h"

#include "baken-icon.h"

struct _BakenPreparingPage
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (BakenPreparingPage, baken_preparing_page, GTK_TYPE_WIDGET)

static void
baken_preparing_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BAKEN_TYPE_PREPARING_PAGE);
  /* Unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_preparing_page_parent_class)->dispose (object);
}

static void
baken_preparing_page_class_init (BakenPreparingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_preparing_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-preparing-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "preparingpage");
}

static void
baken_preparing_page_init (BakenPreparingPage *self)
{
  g_type_ensure (BAKEN_TYPE_ICON);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
baken_preparing_page_new (void)
{
  return g_object_new (BAKEN_TYPE_PREPARING_PAGE, NULL);
}
