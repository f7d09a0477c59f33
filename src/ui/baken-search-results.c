/* baken-search-results.c: the buttons and notes of the search page's results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A result is a big button, as on the other pages: the life event's icon from the
 * catalog (the UI's "search" icon when it has none; the "service" icon for a service),
 * the title, and under it the subtitle (for a service, its organisation's name).
 */
#define G_LOG_DOMAIN "baken-search-page"

#include "config.h"

#include "baken-search-results.h"

#include "baken-icon.h"
#include "baken-line.h"

static GtkWidget *
create_result_button (BakenCatalog *catalog,
                      const char   *css_class,
                      const char   *icon,
                      const char   *ui_icon,
                      const char   *title,
                      const char   *subtitle,
                      const char   *action,
                      const char   *target)
{
  g_autoptr(GBytes) svg = NULL;
  GtkWidget *button, *box, *text, *label, *image;

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "choice");
  gtk_widget_add_css_class (button, css_class);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);

  /* Icon and text centred in the row by the row, not by their valign
   * (baken-line-layout.c). */
  box = baken_line_new (GTK_ORIENTATION_HORIZONTAL, 24);
  g_object_set (box, "center", TRUE, NULL);
  gtk_button_set_child (GTK_BUTTON (button), box);

  if (icon != NULL && (svg = baken_catalog_get_icon (catalog, icon)) != NULL)
    image = baken_icon_new_for_svg (svg, 72);
  else
    image = baken_icon_new (ui_icon, 72);
  baken_line_append (BAKEN_LINE (box), image);

  text = baken_line_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text, TRUE);
  baken_line_append (BAKEN_LINE (box), text);

  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "choice-title");
  baken_line_append (BAKEN_LINE (text), label);

  if (subtitle != NULL && *subtitle != '\0')
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "choice-summary");
      baken_line_append (BAKEN_LINE (text), label);
    }

  /* A button with a box inside has no accessible name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (subtitle != NULL && *subtitle != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);

  return button;
}

GtkWidget *
baken_search_results_new_button (BakenCatalog            *catalog,
                                 const BakenSearchResult *result,
                                 const char              *css_class)
{
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (css_class != NULL, NULL);

  if (result->kind == BAKEN_SEARCH_LIFE_EVENT)
    return create_result_button (catalog, css_class, result->icon, "search", result->title,
                                 result->subtitle, "kiosk.open-event", result->id);

  g_assert (result->kind == BAKEN_SEARCH_SERVICE);

  return create_result_button (catalog, css_class, NULL, "service", result->title,
                               result->subtitle, "kiosk.open-service", result->id);
}

GtkWidget *
baken_search_results_new_note (const char *text,
                               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

GPtrArray *
baken_search_results_order (GPtrArray *results)
{
  GPtrArray *ordered;

  g_return_val_if_fail (results != NULL, NULL);

  ordered = g_ptr_array_new ();

  for (guint i = 0; i < results->len; i++)
    {
      BakenSearchResult *result = g_ptr_array_index (results, i);

      if (result->kind == BAKEN_SEARCH_LIFE_EVENT)
        g_ptr_array_add (ordered, result);
    }

  for (guint i = 0; i < results->len; i++)
    {
      BakenSearchResult *result = g_ptr_array_index (results, i);

      if (result->kind == BAKEN_SEARCH_SERVICE)
        g_ptr_array_add (ordered, result);
    }

  return ordered;
}
