/* baken-content-build-places.h: write where and when: locations, channels, schedules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content.h"
#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* Locations with their physical address and texts (accessibility.csv joined into one
 * text per language), and the services at each location. */
gboolean baken_build_write_locations (Source   *b,
                                      sqlite3  *db,
                                      GError  **error);
/* Phones and channels, into one table: a phone's position defaults to its row number, a
 * channel's to the number of phones plus its row number. */
gboolean baken_build_write_channels  (Source   *b,
                                      sqlite3  *db,
                                      GError  **error);
/* Weekly slots and exceptions, each owned by a channel, a service at a location or a
 * service. */
gboolean baken_build_write_schedules (Source   *b,
                                      sqlite3  *db,
                                      GError  **error);

G_END_DECLS
