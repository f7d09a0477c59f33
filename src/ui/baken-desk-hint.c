/* baken-desk-hint.c: "Vraag het aan de medewerker bij de balie"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-desk-hint"

#include "config.h"

#include "baken-desk-hint.h"

#include "baken-icon.h"
#include "baken-line-layout.h"

struct _BakenDeskHint
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (BakenDeskHint, baken_desk_hint, GTK_TYPE_WIDGET)

static void
baken_desk_hint_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BAKEN_TYPE_DESK_HINT);
  /* Unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_desk_hint_parent_class)->dispose (object);
}

static void
baken_desk_hint_class_init (BakenDeskHintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_desk_hint_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-desk-hint.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, BAKEN_TYPE_LINE_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "deskhint");
}

static void
baken_desk_hint_init (BakenDeskHint *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  g_type_ensure (BAKEN_TYPE_ICON);
  gtk_widget_init_template (GTK_WIDGET (self));
  baken_line_layout_set_spacing (BAKEN_LINE_LAYOUT (layout), 16);
}

GtkWidget *
baken_desk_hint_new (void)
{
  return g_object_new (BAKEN_TYPE_DESK_HINT, NULL);
}
