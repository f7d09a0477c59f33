/* baken-language-switch.c: the languages in the top bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Language names are in their own language, so the switch is built once; only the
 * picker button's label follows the language. The picker button is the language
 * control a resident looks for whatever language the screen is in: a globe and the
 * current language in its own script ("العربية"), and for a screen reader "choose
 * language" in the current language and in English.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-language-switch.h"

#include <glib/gi18n.h>

#include "baken-icon.h"
#include "baken-languages.h"

/* Never translated: the part a reader of English finds in every language. */
#define CHOOSE_LANGUAGE_EN "Choose language"
#define CHOOSE_LANGUAGE_DESCRIPTION_EN "Choose the language of the screen here"

static GtkLabel *
add_picker_button (GtkBox *box)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (button, "language");
  gtk_widget_add_css_class (button, "language-control");
  gtk_box_append (GTK_BOX (content), baken_icon_new ("language", 40));
  gtk_box_append (GTK_BOX (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "a11y.choose-language");
  gtk_box_append (box, button);

  return GTK_LABEL (label);
}

/* "Taal kiezen, nu Nederlands / Choose language"; English alone in English. */
static char *
dup_with_english (const char *text,
                  const char *english,
                  const char *language)
{
  if (g_str_equal (language, "en"))
    return g_strdup (text);

  return g_strdup_printf ("%s / %s", text, english);
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
  GtkWidget *button;
  PangoAttrList *attrs;
  g_autofree char *local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (language != NULL);

  button = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON);
  g_return_if_fail (button != NULL);

  /* "العربية" on the button, marked as Arabic whatever the screen's language. */
  gtk_label_set_label (label, baken_language_get_native_name (language));
  attrs = baken_language_new_attributes (language);
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);

  /* Translators: what a screen reader says for the language button in the top bar,
   * with the current language in its own script: "Taal kiezen, nu Nederlands". The
   * English "Choose language" follows it in every language. */
  local = g_strdup_printf (_("Taal kiezen, nu %s"), baken_language_get_native_name (language));
  name = dup_with_english (local, CHOOSE_LANGUAGE_EN, language);
  description = dup_with_english (/* Translators: what a screen reader says after the
                                   * name of the language button in the top bar; the
                                   * English follows it in every language */
                                  _("Kies hier de taal van het scherm"),
                                  CHOOSE_LANGUAGE_DESCRIPTION_EN, language);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}
