/* baken-catalog-reach.h: sibling-only loaders of how to reach a service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For baken-catalog-services.c: the channels, locations and hours of one service, in
 * the requested language with Dutch where it has none.
 */
#pragma once

#include "baken-catalog-private.h"
#include "baken-catalog-services.h"

G_BEGIN_DECLS

/* The weekly hours and the exceptions on dates of one owner ("service", "channel",
 * "service_at_location"), or NULL with error set. */
BakenSchedule *_baken_catalog_load_schedule  (BakenCatalog  *self,
                                              const char    *owner_kind,
                                              const char    *owner_id,
                                              GError       **error);
/* The channels of service_id that audience may see, with their hours. */
GPtrArray     *_baken_catalog_load_channels  (BakenCatalog  *self,
                                              const char    *service_id,
                                              const char    *lang,
                                              BakenAudience  audience,
                                              GError       **error);
/* The locations of service_id with their hours, plus the location a public walk-in
 * channel of channels names. */
GPtrArray     *_baken_catalog_load_locations (BakenCatalog  *self,
                                              const char    *service_id,
                                              const char    *lang,
                                              GPtrArray     *channels,
                                              GError       **error);

G_END_DECLS
