/* baken-facts-box.c: who a service is for, what it costs, how long the wait is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the service page, right under what the service helps with: "Voor mensen van 18
 * jaar en ouder", "Kosten: gratis", "Wachttijd: ongeveer 2 weken". The words come from
 * the content layer, so the slip says the same.
 */
#define G_LOG_DOMAIN "baken-service-page"

#include "config.h"

#include "baken-facts-box.h"

#include "baken-page.h"
#include "baken-service-facts.h"

GtkWidget *
baken_facts_box_new (const BakenService *service)
{
  g_auto(GStrv) facts = NULL;
  GtkWidget *box;

  g_return_val_if_fail (service != NULL, NULL);

  facts = baken_service_facts (service);
  if (facts[0] == NULL)
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "section");
  gtk_widget_add_css_class (box, "facts");
  for (guint i = 0; facts[i] != NULL; i++)
    {
      GtkWidget *label = baken_page_label_new (facts[i], "body");
      PangoAttrList *bold = pango_attr_list_new ();

      /* Bold in the size of the page's text: they decide whether to go at all. */
      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), bold);
      pango_attr_list_unref (bold);
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}
