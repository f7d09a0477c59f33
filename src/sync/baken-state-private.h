/* baken-state-private.h: the statements of the state DB, for the files of BakenState
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Defined in baken-state.c, which owns the connection; used by baken-state-log.c.
 * Errors are BAKEN_STATE_ERROR, DAMAGED when SQLite says the file is bad.
 */
#pragma once

#include <sqlite3.h>

#include "baken-state.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Sets error from the connection's last error ("PATH: what: message"). Returns FALSE. */
gboolean      _baken_state_query_error       (BakenState    *self,
                                              GError       **error,
                                              const char    *what);
gboolean      _baken_state_exec              (BakenState    *self,
                                              const char    *sql,
                                              GError       **error);
/* NULL (with error) when sql does not compile. */
sqlite3_stmt *_baken_state_prepare           (BakenState    *self,
                                              const char    *sql,
                                              GError       **error);
char         *_baken_state_column_strdup     (sqlite3_stmt  *stmt,
                                              int            column);
void          _baken_state_bind_text_or_null (sqlite3_stmt  *stmt,
                                              int            index,
                                              const char    *text);

G_END_DECLS
