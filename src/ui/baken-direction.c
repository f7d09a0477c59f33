/* baken-direction.c: a part keeps the direction of the language it was built for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-direction"

#include "config.h"

#include "baken-direction.h"

static void
hold (GtkWidget        *widget,
      GtkTextDirection  direction)
{
  /* The same direction as the default: GTK emits nothing, restyles nothing. */
  if (gtk_widget_get_direction (widget) == direction)
    gtk_widget_set_direction (widget, direction);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hold (child, direction);
}

void
baken_direction_hold (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  hold (widget, gtk_widget_get_default_direction ());
}
