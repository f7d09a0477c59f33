/* baken-language-picker.c: every offered language as a big button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Six languages do not fit in the top bar as buttons a finger can hit, so the bar has
 * one language button that opens this card. The names are never translated: someone
 * who cannot read Dutch finds "العربية" or "Українська" in its own script. Two columns,
 * buttons 120 px high; the current language is marked.
 */
#define G_LOG_DOMAIN "baken-language-picker"

#include "config.h"

#include "baken-language-picker.h"

#include <glib/gi18n.h>

#include "baken-icon.h"
#include "baken-languages.h"

struct _BakenLanguagePicker
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (BakenLanguagePicker, baken_language_picker, GTK_TYPE_WIDGET)

static void
baken_language_picker_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_language_picker_parent_class)->dispose (object);
}

static void
baken_language_picker_class_init (BakenLanguagePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_language_picker_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "languagepicker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
baken_language_picker_init (BakenLanguagePicker *self)
{
}

static GtkWidget *
create_language_button (const char *code)
{
  const char *native = baken_language_get_native_name (code);
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = gtk_label_new (native);
  g_autofree char *name = baken_language_dup_name (code);
  PangoAttrList *attrs = baken_language_new_attributes (code);

  /* Set in that language's fonts and shaping, whatever the screen's language. */
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  pango_attr_list_unref (attrs);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "language-choice");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.language");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", code);

  /* Screen readers say the name in its own script, so that a resident hears their own
   * language (GTK 4.8 has no language per accessible object: the name is not
   * lang-tagged); the description says it in the current language ("Arabisch"). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, native,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name,
                                  -1);

  return button;
}

GtkWidget *
baken_language_picker_new (const char * const *codes)
{
  BakenLanguagePicker *self;
  GtkWidget *card, *heading, *title, *grid, *close, *close_box, *close_label;
  guint n;

  g_return_val_if_fail (codes != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_LANGUAGE_PICKER, NULL);
  n = g_strv_length ((char **) codes);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_add_css_class (card, "language-card");
  gtk_widget_set_halign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (card, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (card, GTK_WIDGET (self));

  heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_box_append (GTK_BOX (heading), baken_icon_new ("language", 56));
  /* Translators: title of the language picker */
  title = gtk_label_new (_("Kies uw taal"));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "page-title");
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (card), heading);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 20);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 20);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < n; i++)
    gtk_grid_attach (GTK_GRID (grid), create_language_button (codes[i]),
                     (int) (i % 2), (int) (i / 2), 1, 1);
  gtk_box_append (GTK_BOX (card), grid);

  close = gtk_button_new ();
  gtk_widget_add_css_class (close, "nav");
  gtk_widget_set_halign (close, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "a11y.close-languages");
  close_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_box_append (GTK_BOX (close_box), baken_icon_new ("back", 48));
  /* Translators: closes the language picker without changing the language */
  close_label = gtk_label_new (_("Terug"));
  gtk_box_append (GTK_BOX (close_box), close_label);
  gtk_button_set_child (GTK_BUTTON (close), close_box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (close),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, close_label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (card), close);

  return GTK_WIDGET (self);
}
