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
/* Required fields and the types of the fields import reads of table t: a record that
 * lacks a required value is left out, a wrong optional value dropped. */
void     baken_hsds_check_table  (Import     *imp,
                                  HTable     *t);
/* The references of every table import reads, until each one resolves: a record whose
 * needed reference leads nowhere (or to a record left out) is left out, an optional one
 * is dropped. Then moves the records left out to their table's left_out. */
void     baken_hsds_resolve_references (Import *imp);
/* Notes the resources import does not read, and the fields it does not keep. */
void     baken_hsds_note_unread  (Import     *imp);

G_END_DECLS
