/* baken-staff-banner.c: the bar that says staff mode is on, on every screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A strong colour across the whole width, so nobody mistakes a staff screen for a
 * resident's, and one tap on "Klaar" ends it.
 */
#define G_LOG_DOMAIN "baken-staff-banner"

#include "config.h"

#include "baken-staff-banner.h"

#include <glib/gi18n.h>

struct _BakenStaffBanner
{
  GtkWidget  parent_instance;

  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (BakenStaffBanner, baken_staff_banner, GTK_TYPE_WIDGET)

static GtkWidget *
action_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "staff-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
baken_staff_banner_dispose (GObject *object)
{
  BakenStaffBanner *self = BAKEN_STAFF_BANNER (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (baken_staff_banner_parent_class)->dispose (object);
}

static void
baken_staff_banner_class_init (BakenStaffBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_staff_banner_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "staffbanner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baken_staff_banner_init (BakenStaffBanner *self)
{
  GtkWidget *label;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  label = gtk_label_new (_("Medewerkersmodus: u ziet ook de nummers voor medewerkers."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "staff-banner-text");
  gtk_box_append (GTK_BOX (self->box), label);

  gtk_box_append (GTK_BOX (self->box), action_button (_("Status"), "kiosk.open-status"));
  gtk_box_append (GTK_BOX (self->box), action_button (_("Klaar"), "kiosk.staff-done"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Medewerkersmodus"), -1);
}

GtkWidget *
baken_staff_banner_new (void)
{
  return g_object_new (BAKEN_TYPE_STAFF_BANNER, NULL);
}
