/* baken-event-page.h: one question and the situations to choose from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-context.h"
#include "baken-page.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_EVENT_PAGE (baken_event_page_get_type ())

G_DECLARE_FINAL_TYPE (BakenEventPage, baken_event_page, BAKEN, EVENT_PAGE, BakenPage)

GtkWidget *baken_event_page_new (BakenContext *context,
                                 const char   *language,
                                 const char   *event_id);

G_END_DECLS
