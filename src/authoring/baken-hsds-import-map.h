/* baken-hsds-import-map.h: map the records of an HSDS package to a content source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "baken-hsds-import-tables.h"

G_BEGIN_DECLS

/* The icon of the one life event import makes (icons/NAME.svg). */
#define BAKEN_HSDS_ALL_EVENT_ICON "alle-diensten"

void baken_hsds_import_organizations       (Import *imp);
void baken_hsds_import_locations           (Import *imp);
void baken_hsds_import_addresses           (Import *imp);
void baken_hsds_import_services            (Import *imp);
void baken_hsds_import_service_at_location (Import *imp);
void baken_hsds_import_phones              (Import *imp);
void baken_hsds_import_required_documents  (Import *imp);
void baken_hsds_import_languages           (Import *imp);
void baken_hsds_import_accessibility       (Import *imp);
/* HSDS has no menu: one life event, "Alle diensten", that lists every kept service. */
void baken_hsds_import_life_event          (Import *imp);

G_END_DECLS
