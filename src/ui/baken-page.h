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

G_END_DECLS
