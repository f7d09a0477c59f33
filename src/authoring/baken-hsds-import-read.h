/* baken-hsds-import-read.h: read an HSDS package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "baken-hsds-import-tables.h"

G_BEGIN_DECLS

/* Reads datapackage.json (or, without one, the standard file names) and every table
 * into imp->tables. FALSE (BAKEN_HSDS_ERROR_PACKAGE) only when imp->path is not a folder;
 * what is wrong inside it is a problem of imp. */
gboolean baken_hsds_read_package (Import  *imp,
                                  GError **error);

G_END_DECLS
