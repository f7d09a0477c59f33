/* baken-hsds-import-check.h: check an HSDS package against the official schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "baken-hsds-import-tables.h"

G_BEGIN_DECLS

/* Whether import reads the HSDS resource (and so checks and maps it). */
gboolean baken_hsds_import_reads (const char *resource);
/* Required fields, the types of the fields import reads, and references of table t. */
void     baken_hsds_check_table  (Import     *imp,
                                  HTable     *t);
/* Notes the resources import does not read, and the fields it does not keep. */
void     baken_hsds_note_unread  (Import     *imp);

G_END_DECLS
