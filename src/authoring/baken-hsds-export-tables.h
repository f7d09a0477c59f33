/* baken-hsds-export-tables.h: write the tables of a content source as HSDS tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source.h"
#include "baken-hsds.h"

G_BEGIN_DECLS

typedef struct
{
  BakenContentSource           *src;
  const BakenHsdsExportOptions *options;
  GHashTable                   *official;
  GPtrArray                    *notes;
  GPtrArray                    *tables;     /* of OutTable */
} Export;

/* Appends to e->tables the HSDS tables organization, service, location, address,
 * service_at_location, phone, schedule, required_document, language and accessibility. */
void baken_hsds_export_tables (Export *e);

G_END_DECLS
