/* baken-hsds-notes.h: what export and import leave out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends a note, "FILE[:LINE]: MESSAGE", to notes (which may be NULL: then nothing). */
void baken_hsds_add_note (GPtrArray  *notes,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
