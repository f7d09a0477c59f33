/* baken-scroll-content.c: what the content of a scrolled page need not measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's GtkScrolledWindow, asked for its height, asks the content it scrolls for
 * its height without a width and uses the answer only when it propagates its natural
 * height or never scrolls (gtk_scrolled_window_measure); the pages do neither: their
 * height comes from the window. A container answers "height without a width" with its
 * children's heights at their natural widths, so every text of a page was laid out on
 * one line, a width it is never shown at, each time the page was laid out afresh.
 */
#define G_LOG_DOMAIN "baken-scroll-content"

#include "config.h"

#include "baken-scroll-content.h"

gboolean
baken_scroll_content_answer_unused (GtkWidget      *widget,
                                    GtkOrientation  orientation,
                                    int             for_size)
{
  GtkWidget *viewport;
  GtkWidget *scrolled;
  GtkPolicyType vertical = GTK_POLICY_NEVER;

  if (orientation != GTK_ORIENTATION_VERTICAL || for_size >= 0)
    return FALSE;

  viewport = gtk_widget_get_parent (widget);
  if (!GTK_IS_VIEWPORT (viewport))
    return FALSE;

  scrolled = gtk_widget_get_parent (viewport);
  if (!GTK_IS_SCROLLED_WINDOW (scrolled))
    return FALSE;

  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scrolled), NULL, &vertical);

  return vertical != GTK_POLICY_NEVER &&
         !gtk_scrolled_window_get_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled));
}
