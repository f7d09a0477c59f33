/* baken-page-cache.c: pages kept in the stack for the next visit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a page (its widgets, its text laid out, its icons) costs several frames;
 * showing one that is already built costs less than one. So the navigator keeps the
 * pages it built as hidden children of its stack, under a key that says everything the
 * page was built from (location, language, audience, content), and shows them again.
 * The navigator drops them all whenever what a page shows may belong to someone
 * (the reset between residents, staff mode starting or ending).
 *
 * Kept pages are invisible, so GTK neither lays them out nor styles them, and assistive
 * technology does not see them.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-page-cache.h"

typedef struct
{
  char      *key;   /* (owned) */
  GtkWidget *page;  /* (owned) a ref; a child of stack */
} Entry;

struct _BakenPageCache
{
  GtkStack  *stack;       /* (unowned) */
  guint      max_pages;
  GQueue     entries;     /* (element-type Entry) most recently shown first */
};

static void
entry_free (Entry   *entry,
            GtkStack *stack)
{
  if (stack != NULL && gtk_widget_get_parent (entry->page) == GTK_WIDGET (stack))
    gtk_stack_remove (stack, entry->page);
  g_object_unref (entry->page);
  g_free (entry->key);
  g_free (entry);
}

BakenPageCache *
baken_page_cache_new (GtkStack *stack,
                      guint     max_pages)
{
  BakenPageCache *self;

  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);

  self = g_new0 (BakenPageCache, 1);
  self->stack = stack;
  self->max_pages = max_pages;
  g_queue_init (&self->entries);

  return self;
}

void
baken_page_cache_free (BakenPageCache *self)
{
  Entry *entry;

  if (self == NULL)
    return;
  /* The stack goes with the window; its children go with it. */
  while ((entry = g_queue_pop_head (&self->entries)) != NULL)
    entry_free (entry, NULL);
  g_free (self);
}

static void
scroll_to_top (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (widget);
      GtkAdjustment *adjustments[] = { gtk_scrolled_window_get_vadjustment (scrolled),
                                       gtk_scrolled_window_get_hadjustment (scrolled) };

      for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
        gtk_adjustment_set_value (adjustments[i], gtk_adjustment_get_lower (adjustments[i]));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scroll_to_top (child);
}

GtkWidget *
baken_page_cache_lookup (BakenPageCache *self,
                         const char     *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (g_str_equal (entry->key, key))
        {
          g_queue_unlink (&self->entries, l);
          g_queue_push_head_link (&self->entries, l);
          /* As a page built fresh: at its top. */
          scroll_to_top (entry->page);
          return entry->page;
        }
    }

  return NULL;
}

gboolean
baken_page_cache_contains (BakenPageCache *self,
                           GtkWidget      *page)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    if (((Entry *) l->data)->page == page)
      return TRUE;

  return FALSE;
}

void
baken_page_cache_forget (BakenPageCache *self,
                         GtkWidget      *page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    if (((Entry *) l->data)->page == page)
      {
        Entry *entry = l->data;

        g_queue_delete_link (&self->entries, l);
        entry_free (entry, self->stack);
        return;
      }
  if (gtk_widget_get_parent (page) == GTK_WIDGET (self->stack))
    gtk_stack_remove (self->stack, page);
}

void
baken_page_cache_keep (BakenPageCache *self,
                       const char     *key,
                       GtkWidget      *page)
{
  Entry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);
  g_return_if_fail (gtk_widget_get_parent (page) == GTK_WIDGET (self->stack));

  entry = g_new0 (Entry, 1);
  entry->key = g_strdup (key);
  entry->page = g_object_ref (page);
  g_queue_push_head (&self->entries, entry);

  /* The least recently shown go; never the one just kept. */
  while (self->entries.length > self->max_pages)
    entry_free (g_queue_pop_tail (&self->entries), self->stack);
}

void
baken_page_cache_drop (BakenPageCache *self,
                       GtkWidget      *shown)
{
  Entry *entry;

  g_return_if_fail (self != NULL);

  while ((entry = g_queue_pop_head (&self->entries)) != NULL)
    {
      if (entry->page == shown)
        {
          g_object_unref (entry->page);
          g_free (entry->key);
          g_free (entry);
          continue;
        }
      entry_free (entry, self->stack);
    }
}

guint
baken_page_cache_get_size (BakenPageCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries.length;
}
