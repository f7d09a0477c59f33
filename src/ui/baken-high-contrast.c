/* baken-high-contrast.c: white on black, switched on the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The style (style-hc.css) is loaded once per display; its rules only apply under
 * bakenwindow.high-contrast, so the window's class switches it. The icons pick their
 * colours when they draw (baken-icon.c), so they are drawn again.
 */
#define G_LOG_DOMAIN "baken-window-a11y"

#include "config.h"

#include "baken-high-contrast.h"

#include "baken-icon.h"

#define HIGH_CONTRAST_RESOURCE "/nl/baken/Kiosk/a11y/style-hc.css"
#define HIGH_CONTRAST_CLASS "high-contrast"

static void
install (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "baken-high-contrast") != NULL)
    return;

  /* Not at the resource base path: AdwApplication would also load it whenever the
   * desktop asks for high contrast, and the kiosk decides. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, HIGH_CONTRAST_RESOURCE);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);
  g_object_set_data_full (G_OBJECT (display), "baken-high-contrast",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
redraw_icons (GtkWidget *widget)
{
  if (BAKEN_IS_ICON (widget))
    gtk_widget_queue_draw (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    redraw_icons (child);
}

void
baken_high_contrast_apply (GtkWidget *window,
                           gboolean   on)
{
  g_return_if_fail (GTK_IS_WIDGET (window));

  install (gtk_widget_get_display (window));
  if (on)
    gtk_widget_add_css_class (window, HIGH_CONTRAST_CLASS);
  else
    gtk_widget_remove_css_class (window, HIGH_CONTRAST_CLASS);
  redraw_icons (window);
}
