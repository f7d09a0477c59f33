/* baken-services-page.h: who can help with a situation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"
#include "baken-page.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_SERVICES_PAGE (baken_services_page_get_type ())

G_DECLARE_FINAL_TYPE (BakenServicesPage, baken_services_page, BAKEN, SERVICES_PAGE, BakenPage)

GtkWidget *baken_services_page_new (BakenContext *context,
                                    const char   *language,
                                    const char   *event_id);

G_END_DECLS
