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
 *
 * When its scroll bar comes and goes, GtkScrolledWindow first asks for the content's
 * height at its full width, to see whether the content fits without the bar
 * (gtk_scrolled_window_size_allocate), and if not, lays it out again at the width left
 * beside the bar: every text of a page taller than the screen was laid out at both
 * widths. The content keeps the bar's room free instead, as CSS's
 * `scrollbar-gutter: stable` does: it is laid out beside the bar whether the bar shows
 * or not, so at one width, and it does not move when the bar comes.
 */
#define G_LOG_DOMAIN "baken-scroll-content"

#include "config.h"

#include "baken-scroll-content.h"

/* The scrolled window widget is directly in the viewport of, or NULL. */
static GtkScrolledWindow *
scrolled_window_of (GtkWidget *widget)
{
  GtkWidget *viewport = gtk_widget_get_parent (widget);
  GtkWidget *scrolled = viewport != NULL ? gtk_widget_get_parent (viewport) : NULL;

  if (!GTK_IS_VIEWPORT (viewport) || !GTK_IS_SCROLLED_WINDOW (scrolled))
    return NULL;
  return GTK_SCROLLED_WINDOW (scrolled);
}

gboolean
baken_scroll_content_answer_unused (GtkWidget      *widget,
                                    GtkOrientation  orientation,
                                    int             for_size)
{
  GtkScrolledWindow *scrolled;
  GtkPolicyType vertical = GTK_POLICY_NEVER;

  if (orientation != GTK_ORIENTATION_VERTICAL || for_size >= 0)
    return FALSE;

  scrolled = scrolled_window_of (widget);
  if (scrolled == NULL)
    return FALSE;

  gtk_scrolled_window_get_policy (scrolled, NULL, &vertical);

  return vertical != GTK_POLICY_NEVER &&
         !gtk_scrolled_window_get_propagate_natural_height (scrolled);
}

int
baken_scroll_content_gutter (GtkWidget *widget,
                             int        width)
{
  GtkScrolledWindow *scrolled = scrolled_window_of (widget);
  GtkPolicyType horizontal = GTK_POLICY_ALWAYS, vertical = GTK_POLICY_NEVER;
  int bar = 0;

  /* Shown at the scrolled window's full width: the bar is not there (or not yet). */
  if (scrolled == NULL || width <= 0 || width != gtk_widget_get_width (GTK_WIDGET (scrolled)))
    return 0;

  gtk_scrolled_window_get_policy (scrolled, &horizontal, &vertical);
  if (vertical != GTK_POLICY_AUTOMATIC || horizontal != GTK_POLICY_NEVER ||
      gtk_scrolled_window_get_overlay_scrolling (scrolled))
    return 0;

  gtk_widget_measure (gtk_scrolled_window_get_vscrollbar (scrolled),
                      GTK_ORIENTATION_HORIZONTAL, -1, &bar, NULL, NULL, NULL);

  return bar < width ? bar : 0;
}
