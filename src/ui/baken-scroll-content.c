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
 * beside the bar. A page taller than the screen had every text laid out at both
 * widths. The content may answer that try with its height at the narrower width once
 * that is taller than the view: it is never less than the true answer, so the bar
 * shows exactly when it would have (but for a page that fits only without the bar:
 * it gets the bar), and the content is then shown at the width it was measured at.
 * Which width to try first is learnt per kind of page (the type of the widget the
 * scrolled window is in): a service page is nearly always taller than the screen, a
 * life event's page nearly never, and a short page tried beside the bar first would be
 * laid out twice instead.
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

/* For each kind of page (GType), whether its content last needed the scroll bar. */
static GHashTable *needed_bar;

static gpointer
page_kind (GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = scrolled_window_of (widget);
  GtkWidget *page = scrolled != NULL ? gtk_widget_get_parent (GTK_WIDGET (scrolled)) : NULL;

  return page != NULL ? GSIZE_TO_POINTER (G_OBJECT_TYPE (page)) : NULL;
}

gboolean
baken_scroll_content_expects_bar (GtkWidget *widget)
{
  gpointer kind = page_kind (widget);

  return kind != NULL && needed_bar != NULL &&
         g_hash_table_contains (needed_bar, kind);
}

void
baken_scroll_content_saw_bar (GtkWidget *widget,
                              gboolean   needed)
{
  gpointer kind = page_kind (widget);

  if (kind == NULL)
    return;
  if (needed_bar == NULL)
    needed_bar = g_hash_table_new (NULL, NULL);
  if (needed)
    g_hash_table_add (needed_bar, kind);
  else
    g_hash_table_remove (needed_bar, kind);
}

gboolean
baken_scroll_content_tries_without_bar (GtkWidget      *widget,
                                        GtkOrientation  orientation,
                                        int             for_size,
                                        int            *bar,
                                        int            *view)
{
  GtkScrolledWindow *scrolled;
  GtkPolicyType horizontal = GTK_POLICY_ALWAYS, vertical = GTK_POLICY_NEVER;

  if (orientation != GTK_ORIENTATION_VERTICAL || for_size <= 0)
    return FALSE;

  scrolled = scrolled_window_of (widget);
  if (scrolled == NULL || for_size != gtk_widget_get_width (GTK_WIDGET (scrolled)))
    return FALSE;

  gtk_scrolled_window_get_policy (scrolled, &horizontal, &vertical);
  if (vertical != GTK_POLICY_AUTOMATIC || horizontal != GTK_POLICY_NEVER ||
      gtk_scrolled_window_get_overlay_scrolling (scrolled))
    return FALSE;

  gtk_widget_measure (gtk_scrolled_window_get_vscrollbar (scrolled),
                      GTK_ORIENTATION_HORIZONTAL, -1, bar, NULL, NULL, NULL);
  *view = gtk_widget_get_height (GTK_WIDGET (scrolled));

  return *bar > 0 && *bar < for_size && *view > 0;
}
