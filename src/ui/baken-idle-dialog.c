/* baken-idle-dialog.c: "Bent u er nog?" with a countdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Covers the whole window (a dimmed scrim) with a card in the middle. Only shows; the
 * window's idle logic decides when and counts down.
 */
#define G_LOG_DOMAIN "baken-idle-dialog"

#include "config.h"

#include "baken-idle-dialog.h"

#include <glib/gi18n.h>

#include "baken-icon.h"

struct _BakenIdleDialog
{
  GtkWidget  parent_instance;

  guint      seconds;

  /* Template children */
  GtkLabel  *number;
  GtkLabel  *countdown;
  GtkWidget *more_time;
};

G_DEFINE_FINAL_TYPE (BakenIdleDialog, baken_idle_dialog, GTK_TYPE_WIDGET)

static void
baken_idle_dialog_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BAKEN_TYPE_IDLE_DIALOG);
  /* Unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_idle_dialog_parent_class)->dispose (object);
}

static void
baken_idle_dialog_class_init (BakenIdleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_idle_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-idle-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenIdleDialog, number);
  gtk_widget_class_bind_template_child (widget_class, BakenIdleDialog, countdown);
  gtk_widget_class_bind_template_child (widget_class, BakenIdleDialog, more_time);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "idledialog");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT_DIALOG);
}

static void
baken_idle_dialog_init (BakenIdleDialog *self)
{
  g_type_ensure (BAKEN_TYPE_ICON);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
baken_idle_dialog_new (void)
{
  return g_object_new (BAKEN_TYPE_IDLE_DIALOG, NULL);
}

void
baken_idle_dialog_set_seconds (BakenIdleDialog *self,
                               guint            seconds)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (BAKEN_IS_IDLE_DIALOG (self));

  if (self->seconds == seconds && *gtk_label_get_label (self->number) != '\0')
    return;

  self->seconds = seconds;
  number = g_strdup_printf ("%u", seconds);
  text = g_strdup_printf (ngettext ("Over %u seconde gaat het scherm terug naar het begin.",
                                    "Over %u seconden gaat het scherm terug naar het begin.",
                                    seconds),
                          seconds);
  gtk_label_set_label (self->number, number);
  gtk_label_set_label (self->countdown, text);
}

guint
baken_idle_dialog_get_seconds (BakenIdleDialog *self)
{
  g_return_val_if_fail (BAKEN_IS_IDLE_DIALOG (self), 0);

  return self->seconds;
}

void
baken_idle_dialog_grab_focus (BakenIdleDialog *self)
{
  g_return_if_fail (BAKEN_IS_IDLE_DIALOG (self));

  gtk_widget_grab_focus (self->more_time);
}
