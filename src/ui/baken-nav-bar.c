/* baken-nav-bar.c: Back and Home, always in the same place low on the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between the two buttons: "Vraag het aan de medewerker bij de balie", so every screen
 * has a way to a person, also those without a phone number or address; not at the desk,
 * where that person is the one using the screen.
 */
#define G_LOG_DOMAIN "baken-nav-bar"

#include "config.h"

#include "baken-nav-bar.h"

#include "baken-desk-hint.h"
#include "baken-icon.h"
#include "baken-line-layout.h"

struct _BakenNavBar
{
  GtkWidget  parent_instance;

  GtkWidget *back_button;
  GtkWidget *desk_hint;
};

G_DEFINE_FINAL_TYPE (BakenNavBar, baken_nav_bar, GTK_TYPE_WIDGET)

static void
baken_nav_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BAKEN_TYPE_NAV_BAR);
  /* Unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_nav_bar_parent_class)->dispose (object);
}

static void
baken_nav_bar_class_init (BakenNavBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_nav_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-nav-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenNavBar, back_button);
  gtk_widget_class_bind_template_child (widget_class, BakenNavBar, desk_hint);
  gtk_widget_class_set_layout_manager_type (widget_class, BAKEN_TYPE_LINE_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "navbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
baken_nav_bar_init (BakenNavBar *self)
{
  g_type_ensure (BAKEN_TYPE_DESK_HINT);
  g_type_ensure (BAKEN_TYPE_ICON);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
baken_nav_bar_new (gboolean at_desk)
{
  BakenNavBar *self = g_object_new (BAKEN_TYPE_NAV_BAR, NULL);

  /* The clerk is the person to ask: Back keeps the space, Home stays on the right. */
  if (at_desk)
    {
      gtk_widget_set_visible (self->desk_hint, FALSE);
      gtk_widget_set_hexpand (self->back_button, TRUE);
      gtk_widget_set_halign (self->back_button, GTK_ALIGN_START);
    }

  return GTK_WIDGET (self);
}
