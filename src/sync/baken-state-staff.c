/* baken-state-staff.c: what the desk needs from the state DB — the staff PIN lock and
 * the print log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PIN lock is how many wrong PINs came in a row and until when entry is locked: no
 * PIN, no attempt times. The print log is when a slip was printed, on which paper, and
 * whether it came out (or the printer's reason): never what was printed, never a note.
 */
#define G_LOG_DOMAIN "baken-state"

#include "config.h"

#include <sqlite3.h>

#include "baken-state.h"
#include "baken-state-private.h"

void
baken_print_log_entry_free (BakenPrintLogEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->paper);
  g_free (entry->outcome);
  g_free (entry);
}

gboolean
baken_state_get_staff_lock (BakenState  *self,
                            guint       *failures,
                            gint64      *locked_until,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);
  g_return_val_if_fail (failures != NULL && locked_until != NULL, FALSE);

  stmt = _baken_state_prepare (self, "SELECT failures, locked_until FROM staff_lock "
                               "WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _baken_state_query_error (self, error, "reading the staff PIN lock");

  *failures = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  *locked_until = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

gboolean
baken_state_set_staff_lock (BakenState  *self,
                            guint        failures,
                            gint64       locked_until,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);

  stmt = _baken_state_prepare (self, "UPDATE staff_lock SET failures = ?, locked_until = ? "
                               "WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, failures);
  sqlite3_bind_int64 (stmt, 2, locked_until);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _baken_state_query_error (self, error, "keeping the staff PIN lock");
  return TRUE;
}

gboolean
baken_state_record_print (BakenState  *self,
                          gint64       time,
                          const char  *paper,
                          const char  *outcome,
                          gboolean     handover,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) prune = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);
  g_return_val_if_fail (paper != NULL && outcome != NULL, FALSE);

  if (!_baken_state_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  insert = _baken_state_prepare (self, "INSERT INTO print_log (time, paper, outcome, handover) "
                                 "VALUES (?, ?, ?, ?)", error);
  prune = _baken_state_prepare (self, "DELETE FROM print_log WHERE id <= "
                                "(SELECT max(id) FROM print_log) - ?", error);
  if (insert == NULL || prune == NULL)
    goto rollback;

  sqlite3_bind_int64 (insert, 1, time);
  sqlite3_bind_text (insert, 2, paper, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, handover != FALSE);
  sqlite3_bind_int (prune, 1, BAKEN_STATE_PRINT_LOG_MAX);
  if (sqlite3_step (insert) != SQLITE_DONE || sqlite3_step (prune) != SQLITE_DONE)
    {
      _baken_state_query_error (self, error, "writing the print log");
      goto rollback;
    }
  return _baken_state_exec (self, "COMMIT", error);

rollback:
  _baken_state_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

GPtrArray *
baken_state_get_print_log (BakenState  *self,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (BAKEN_IS_STATE (self), NULL);

  stmt = _baken_state_prepare (self, "SELECT time, paper, outcome, handover FROM print_log "
                               "ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (sqlite3_int64) limit : -1);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_print_log_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BakenPrintLogEntry *entry = g_new0 (BakenPrintLogEntry, 1);

      entry->time = sqlite3_column_int64 (stmt, 0);
      entry->paper = _baken_state_column_strdup (stmt, 1);
      entry->outcome = _baken_state_column_strdup (stmt, 2);
      entry->handover = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      _baken_state_query_error (self, error, "reading the print log");
      return NULL;
    }
  return g_steal_pointer (&entries);
}
