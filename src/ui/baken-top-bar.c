/* baken-top-bar.c: the kiosk's name, "Zoeken" and the languages, across the top
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same on every screen. The languages are a toggle button each, or, for more than
 * two, one button that opens the language picker (baken-language-switch.c); "Zoeken"
 * is built again in each new language. Between the name and "Zoeken" staff see a mark
 * when the content is stale (baken-content-switch.c fills that slot). Staff get in by
 * holding the name (baken-staff-controller.c); "Alles lager" moves the whole bar down
 * (baken-a11y-controller.c). A row (baken-line-layout.c): a long name wraps, and is laid
 * out once per width.
 */
#define G_LOG_DOMAIN "baken-top-bar"

#include "config.h"

#include "baken-top-bar.h"

#include "baken-icon.h"
#include "baken-language-switch.h"
#include "baken-line-layout.h"
#include "baken-search-page.h"

struct _BakenTopBar
{
  GtkWidget  parent_instance;

  /* Template children */
  GtkLabel  *kiosk_name;
  AdwBin    *status_slot;
  AdwBin    *search_slot;
  GtkBox    *language_box;
  GtkWidget *language_icon;

  GtkLabel  *language_label;  /* (unowned) on the picker button, or NULL */
};

G_DEFINE_FINAL_TYPE (BakenTopBar, baken_top_bar, GTK_TYPE_WIDGET)

static void
baken_top_bar_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BAKEN_TYPE_TOP_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_top_bar_parent_class)->dispose (object);
}

static void
baken_top_bar_class_init (BakenTopBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_top_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-top-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenTopBar, kiosk_name);
  gtk_widget_class_bind_template_child (widget_class, BakenTopBar, status_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenTopBar, search_slot);
  gtk_widget_class_bind_template_child (widget_class, BakenTopBar, language_box);
  gtk_widget_class_bind_template_child (widget_class, BakenTopBar, language_icon);
  gtk_widget_class_set_layout_manager_type (widget_class, BAKEN_TYPE_LINE_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baken_top_bar_init (BakenTopBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  g_type_ensure (BAKEN_TYPE_ICON);
  gtk_widget_init_template (GTK_WIDGET (self));
  baken_line_layout_set_spacing (BAKEN_LINE_LAYOUT (layout), 16);
}

void
baken_top_bar_setup (BakenTopBar        *self,
                     const char         *name,
                     const char * const *languages,
                     const char         *language)
{
  g_return_if_fail (BAKEN_IS_TOP_BAR (self));

  gtk_label_set_label (self->kiosk_name, name != NULL ? name : "");
  self->language_label = baken_language_switch_fill (self->language_box, languages, language);
  gtk_widget_set_visible (self->language_icon, self->language_label == NULL);
}

void
baken_top_bar_set_language (BakenTopBar *self,
                            const char  *language)
{
  g_return_if_fail (BAKEN_IS_TOP_BAR (self));
  g_return_if_fail (language != NULL);

  if (self->language_label != NULL)
    baken_language_switch_set_language (self->language_label, language);
  adw_bin_set_child (self->search_slot, baken_search_button_new ());
}

GtkWidget *
baken_top_bar_get_kiosk_name (BakenTopBar *self)
{
  g_return_val_if_fail (BAKEN_IS_TOP_BAR (self), NULL);

  return GTK_WIDGET (self->kiosk_name);
}

GtkWidget *
baken_top_bar_get_language_box (BakenTopBar *self)
{
  g_return_val_if_fail (BAKEN_IS_TOP_BAR (self), NULL);

  return GTK_WIDGET (self->language_box);
}

AdwBin *
baken_top_bar_get_status_slot (BakenTopBar *self)
{
  g_return_val_if_fail (BAKEN_IS_TOP_BAR (self), NULL);

  return self->status_slot;
}
