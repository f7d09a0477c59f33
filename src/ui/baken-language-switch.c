/* baken-language-switch.c: the languages in the top bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Language names are in their own language, so the switch is built once; only the
 * picker button's label follows the language.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-language-switch.h"

#include "baken-languages.h"

static GtkLabel *
add_picker_button (GtkBox *box)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (button, "language");
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "a11y.choose-language");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_box_append (box, button);

  return GTK_LABEL (label);
}

GtkLabel *
baken_language_switch_fill (GtkBox             *box,
                            const char * const *languages,
                            const char         *language)
{
  GtkWidget *group = NULL;

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  /* More than two do not fit as buttons: one button opens the language picker. */
  if (languages != NULL && g_strv_length ((char **) languages) > 2)
    {
      GtkLabel *label = add_picker_button (box);

      baken_language_switch_set_language (label, language);
      return label;
    }

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      const char *code = languages[i];
      GtkWidget *button = gtk_toggle_button_new_with_label (baken_language_get_native_name (code));

      gtk_widget_add_css_class (button, "language");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", code);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
      else
        group = button;

      gtk_box_append (box, button);
    }

  return NULL;
}

void
baken_language_switch_set_language (GtkLabel   *label,
                                    const char *language)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (language != NULL);

  /* "العربية" on the button, "Taal: Arabisch" for a screen reader. */
  gtk_label_set_label (label, baken_language_get_native_name (language));
  name = baken_language_dup_name (language);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (label))),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name,
                                  -1);
}
