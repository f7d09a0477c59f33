/* baken-content-source-icons.h: check the SVG icons of the life events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "baken-content-source-model.h"

G_BEGIN_DECLS

/* Checks icons/NAME.svg, once per name (checked is the set of names already seen). A
 * valid icon is kept in b->icons; a missing file is reported at the icon field of row. */
void baken_source_check_icon (Source     *b,
                              Table      *t,
                              Row        *row,
                              const char *name,
                              GHashTable *checked);

G_END_DECLS
