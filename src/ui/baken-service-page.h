/* baken-service-page.h: everything about one service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"
#include "baken-page.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_SERVICE_PAGE (baken_service_page_get_type ())

G_DECLARE_FINAL_TYPE (BakenServicePage, baken_service_page, BAKEN, SERVICE_PAGE, BakenPage)

GtkWidget *baken_service_page_new (BakenContext *context,
                                   const char   *language,
                                   const char   *service_id);
/* Whether the page is as it was built: no feedback question answered or opened on it
 * (a page that is not may not be shown again to the next visit). */
gboolean   baken_service_page_is_untouched (BakenServicePage *self);

G_END_DECLS
