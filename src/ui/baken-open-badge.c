/* baken-open-badge.c: "Nu open tot 17:00", in words and colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-open-badge"

#include "config.h"

#include "baken-open-badge.h"

#include "baken-icon.h"

struct _BakenOpenBadge
{
  GtkWidget       parent_instance;

  BakenOpenState  state;
  GtkWidget      *label;  /* (unowned) child */
};

G_DEFINE_FINAL_TYPE (BakenOpenBadge, baken_open_badge, GTK_TYPE_WIDGET)

static void
baken_open_badge_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_open_badge_parent_class)->dispose (object);
}

static void
baken_open_badge_class_init (BakenOpenBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_open_badge_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "openbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
baken_open_badge_init (BakenOpenBadge *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *icon;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  icon = baken_icon_new ("clock", 32);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (icon, GTK_WIDGET (self));

  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
baken_open_badge_new (BakenSchedule     *schedule,
                      GDateTime         *now,
                      BakenHolidayFlags  holidays)
{
  g_auto(BakenOpenStatus) status = { 0, };
  g_autofree char *text = NULL;
  BakenOpenBadge *self;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_OPEN_BADGE, NULL);

  baken_schedule_get_status (schedule, now, holidays, &status);
  text = baken_open_status_format (&status, now);
  self->state = status.state;

  gtk_label_set_label (GTK_LABEL (self->label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  switch (status.state)
    {
    case BAKEN_OPEN_NOW:
      gtk_widget_add_css_class (GTK_WIDGET (self), "open");
      break;

    case BAKEN_OPEN_LATER:
    case BAKEN_OPEN_NOT_SOON:
      gtk_widget_add_css_class (GTK_WIDGET (self), "closed");
      break;

    case BAKEN_OPEN_UNKNOWN:
    default:
      gtk_widget_add_css_class (GTK_WIDGET (self), "unknown");
      break;
    }

  return GTK_WIDGET (self);
}

BakenOpenState
baken_open_badge_get_state (BakenOpenBadge *self)
{
  g_return_val_if_fail (BAKEN_IS_OPEN_BADGE (self), BAKEN_OPEN_UNKNOWN);

  return self->state;
}

const char *
baken_open_badge_get_text (BakenOpenBadge *self)
{
  g_return_val_if_fail (BAKEN_IS_OPEN_BADGE (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}
