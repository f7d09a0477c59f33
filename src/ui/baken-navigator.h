/* baken-navigator.h: the pages of the kiosk, one location at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"
#include "baken-history.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_NAVIGATOR (baken_navigator_get_type ())

G_DECLARE_FINAL_TYPE (BakenNavigator, baken_navigator, BAKEN, NAVIGATOR, GObject)

/* Shows the page of the current location in stack, built from context in the current
 * language; the signal "page-shown" follows every new page. The history starts empty:
 * push Home first. */
BakenNavigator    *baken_navigator_new          (GtkStack        *stack,
                                                 BakenContext    *context);

void               baken_navigator_set_language (BakenNavigator  *self,
                                                 const char      *language);
const char        *baken_navigator_get_language (BakenNavigator *self);
/* The page shown (unowned), NULL before the first. */
GtkWidget         *baken_navigator_get_page     (BakenNavigator  *self);
guint              baken_navigator_get_depth    (BakenNavigator  *self);
BakenLocationKind  baken_navigator_get_kind     (BakenNavigator  *self);
/* "home", or "KIND:ID" such as "service:ID". */
char              *baken_navigator_dup_location (BakenNavigator  *self);

/* Shows the page of the current location (again, in a new language): a kept page when
 * there is one for it, else a new one. */
void               baken_navigator_show         (BakenNavigator  *self);
/* Forgets every kept page: the next show of each location builds it fresh. Call it
 * whenever a page may hold something of the last person or of staff mode. The page on
 * screen stays until the next show. */
void               baken_navigator_drop_pages   (BakenNavigator  *self);
guint              baken_navigator_get_kept_pages (BakenNavigator *self);
void               baken_navigator_push         (BakenNavigator  *self,
                                                 BakenLocationKind kind,
                                                 const char      *id);
/* One step back, or back to Home; FALSE (nothing shown) when already at Home. */
gboolean           baken_navigator_back         (BakenNavigator  *self);
gboolean           baken_navigator_home         (BakenNavigator  *self);
/* Back at Home, without showing it yet. */
void               baken_navigator_forget       (BakenNavigator  *self);

/* A life event: its situations, or straight to who can help when it has none. */
gboolean           baken_navigator_open_event   (BakenNavigator  *self,
                                                 const char      *event_id,
                                                 GError         **error);
/* A location of --open: "search", "search:TEXT", "event:ID", "services:ID",
 * "service:ID" or "print:ID", checked against the catalog. */
gboolean           baken_navigator_open         (BakenNavigator  *self,
                                                 const char      *step,
                                                 GError         **error);

G_END_DECLS
