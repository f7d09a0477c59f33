/* baken-page.h: the base of the kiosk's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_PAGE (baken_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (BakenPage, baken_page, BAKEN, PAGE, GtkWidget)

struct _BakenPageClass
{
  GtkWidgetClass parent_class;
};

BakenContext *baken_page_get_context  (BakenPage *self);
const char   *baken_page_get_language (BakenPage *self);

/* A label of page text: wrapped, start-aligned, numbers and addresses kept left to right
 * in right-to-left text (baken-bidi.h), with css_class (nullable). */
GtkWidget    *baken_page_label_new    (const char *text,
                                       const char *css_class);
/* A card with a title at the end of parent, for the staff screens; returns the card. */
GtkWidget    *baken_page_section_new  (GtkBox     *parent,
                                       const char *title);

G_END_DECLS
