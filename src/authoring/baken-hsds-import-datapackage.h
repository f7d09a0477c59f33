/* baken-hsds-import-datapackage.h: the datapackage.json of the imported source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "baken-hsds-import-tables.h"

G_BEGIN_DECLS

/* The datapackage.json of the written source, listing imp->out; notes its publisher and
 * region. */
JsonNode *baken_hsds_import_datapackage (Import *imp);

G_END_DECLS
