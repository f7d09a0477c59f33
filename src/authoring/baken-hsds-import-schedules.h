/* baken-hsds-import-schedules.h: map HSDS schedules to weekly slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "baken-hsds-import-tables.h"

G_BEGIN_DECLS

/* schedules.csv from the kept weekly schedules of services and services at locations. */
void baken_hsds_import_schedules (Import *imp);

G_END_DECLS
