/* baken-content-source-package.h: read and check datapackage.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* Reads datapackage.json of the source folder into b->publisher and b->region, and
 * reports what is wrong with it: the profile, the baken object, resources that are not
 * tables of the format or have no file, and CSV files that are not listed. */
void baken_source_load_datapackage (Source *b);

G_END_DECLS
