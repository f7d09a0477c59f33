/* baken-page-cache.h: pages kept in the stack for the next visit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _BakenPageCache BakenPageCache;

/* Keeps at most max_pages pages of stack, the least recently shown dropped first. */
BakenPageCache *baken_page_cache_new      (GtkStack       *stack,
                                           guint           max_pages);
void            baken_page_cache_free     (BakenPageCache *self);

/* The page kept under key (unowned, a hidden child of the stack), scrolled to its top as
 * a new page would be, or NULL. It counts as just shown. */
GtkWidget      *baken_page_cache_lookup   (BakenPageCache *self,
                                           const char     *key);
/* Keeps page (a child of the stack) under key; may drop the least recently shown other
 * page from the stack. */
void            baken_page_cache_keep     (BakenPageCache *self,
                                           const char     *key,
                                           GtkWidget      *page);
gboolean        baken_page_cache_contains (BakenPageCache *self,
                                           GtkWidget      *page);
/* Forgets page (kept or not) and takes it out of the stack. */
void            baken_page_cache_forget   (BakenPageCache *self,
                                           GtkWidget      *page);
/* Forgets every page; each is taken out of the stack, but for shown (nullable), the
 * page on screen, which its owner takes out when it shows the next. */
void            baken_page_cache_drop     (BakenPageCache *self,
                                           GtkWidget      *shown);
guint           baken_page_cache_get_size (BakenPageCache *self);

G_END_DECLS
