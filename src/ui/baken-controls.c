/* baken-controls.c: the controls a person moves between, and what to say about one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no getter for an accessible name, so a control is named by the labels
 * drawn inside it (as a sighted person reads it), else by its tooltip. A label in another
 * language than the screen's (content that fell back to Dutch) is said in the voice of
 * its own (baken-speech-span.h).
 */
#define G_LOG_DOMAIN "baken-controls"

#include "config.h"

#include "baken-controls.h"

#include <glib/gi18n.h>

#include "baken-speech-span.h"

/* The language of a label's text when it is not the screen's. */
#define LANGUAGE_KEY "baken-controls-language"

static void
collect (GtkWidget *widget,
         GtkWidget *skip,
         GPtrArray *controls)
{
  if (widget == skip || !gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return;

  /* Of a stack, the page shown: the one going away in a crossfade is not there. */
  if (GTK_IS_STACK (widget))
    {
      GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (widget));

      if (shown != NULL)
        collect (shown, skip, controls);
      return;
    }

  /* A scroller takes the focus only to scroll: what is in it are the controls. */
  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
      !GTK_IS_SCROLLED_WINDOW (widget) && !GTK_IS_VIEWPORT (widget))
    {
      g_ptr_array_add (controls, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, skip, controls);
}

GPtrArray *
baken_controls_collect (GtkWidget *root,
                        GtkWidget *skip)
{
  GPtrArray *controls = g_ptr_array_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (root), controls);

  collect (root, skip, controls);

  return controls;
}

static void
append_labels (GtkWidget *widget,
               GString   *name)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
      const char *language = g_object_get_data (G_OBJECT (widget), LANGUAGE_KEY);
      g_autofree char *said = baken_speech_span_mark (text, language != NULL ? language : "",
                                                      language != NULL);

      if (*text != '\0')
        g_string_append_printf (name, "%s%s", name->len > 0 ? ", " : "", said);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_labels (child, name);
}

static void
append_part (GString    *speech,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;

  g_string_append_printf (speech, "%s%s", speech->len > 0 ? ", " : "", part);
}

char *
baken_controls_describe (GtkWidget *control,
                         guint      position,
                         guint      n)
{
  g_autoptr(GString) name = g_string_new (NULL);
  GString *speech = g_string_new (NULL);
  GtkAccessibleRole role;

  g_return_val_if_fail (GTK_IS_WIDGET (control), NULL);

  append_labels (control, name);
  if (name->len == 0 && gtk_widget_get_tooltip_text (control) != NULL)
    g_string_append (name, gtk_widget_get_tooltip_text (control));
  append_part (speech, name->str);

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (control));
  if (GTK_IS_TOGGLE_BUTTON (control))
    {
      /* Translators: spoken after the name of a button that stays pressed */
      append_part (speech, _("schakelknop"));
      append_part (speech, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (control))
                           /* Translators: the state of a switch, spoken */
                           ? _("aan") : _("uit"));
    }
  else if (GTK_IS_CHECK_BUTTON (control) || GTK_IS_SWITCH (control))
    {
      gboolean active = GTK_IS_SWITCH (control)
                        ? gtk_switch_get_active (GTK_SWITCH (control))
                        : gtk_check_button_get_active (GTK_CHECK_BUTTON (control));

      /* Translators: spoken after the name of a switch or check box */
      append_part (speech, _("schakelaar"));
      append_part (speech, active ? _("aan") : _("uit"));
    }
  else if (role == GTK_ACCESSIBLE_ROLE_BUTTON)
    {
      /* Translators: spoken after the name of a button: "Wonen en huur, knop, 3 van 11" */
      append_part (speech, _("knop"));
    }
  else if (role == GTK_ACCESSIBLE_ROLE_TEXT_BOX || role == GTK_ACCESSIBLE_ROLE_SEARCH_BOX)
    {
      /* Translators: spoken for a field to type in */
      append_part (speech, _("invoerveld"));
    }
  else if (role == GTK_ACCESSIBLE_ROLE_LINK)
    {
      /* Translators: spoken after the name of a link */
      append_part (speech, _("link"));
    }

  if (n > 0)
    {
      /* Translators: the place of a control among the controls of its part of the
       * screen, spoken: "3 van 11" */
      g_autofree char *place = g_strdup_printf (_("%u van %u"), position, n);

      append_part (speech, place);
    }

  return g_string_free (speech, FALSE);
}

void
baken_controls_set_language (GtkWidget  *label,
                             const char *language)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  g_object_set_data_full (G_OBJECT (label), LANGUAGE_KEY, g_strdup (language), g_free);
}
