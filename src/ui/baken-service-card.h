/* baken-service-card.h: one service in the list of who can help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-catalog.h"
#include "baken-clock.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_SERVICE_CARD (baken_service_card_get_type ())

G_DECLARE_FINAL_TYPE (BakenServiceCard, baken_service_card, BAKEN, SERVICE_CARD, GtkButton)

/* Organisation, name, one plain line, the open badge and the public channels (as
 * information: the kiosk cannot call). Activates kiosk.open-service. */
GtkWidget *baken_service_card_new (const BakenService *service,
                                   BakenClock         *clock,
                                   BakenHolidayFlags   holidays);

/* The text a channel shows in short: the number, the address, or what it is. */
char      *baken_channel_dup_short_text (const BakenChannel *channel);
/* The value as people read it: the number, the e-mail address, or the web address
 * without "https://" and "www."; NULL when the channel has no value. */
char      *baken_channel_dup_value_text (const BakenChannel *channel);
/* The icon name (assets/icons) of a channel kind. */
const char *baken_channel_kind_get_icon_name (BakenChannelKind kind);

G_END_DECLS
