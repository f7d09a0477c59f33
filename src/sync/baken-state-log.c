/* baken-state-log.c: the sync log and the sync status in the state DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every attempt lands in the log, and the status (what the scheduler needs: the last
 * attempt and success, failures in a row, the ETag) moves with it in one transaction.
 */
#define G_LOG_DOMAIN "baken-state"

#include "config.h"

#include <sqlite3.h>

#include "baken-state.h"
#include "baken-state-private.h"

/* The statement helpers of baken-state-private.h, by their short names. */
#define query_error        _baken_state_query_error
#define exec               _baken_state_exec
#define prepare            _baken_state_prepare
#define column_strdup      _baken_state_column_strdup
#define bind_text_or_null  _baken_state_bind_text_or_null

static const char * const result_names[] = {
  [BAKEN_SYNC_RESULT_INSTALLED] = "installed",
  [BAKEN_SYNC_RESULT_UNCHANGED] = "unchanged",
  [BAKEN_SYNC_RESULT_FAILED] = "failed",
  [BAKEN_SYNC_RESULT_REFUSED] = "refused",
  [BAKEN_SYNC_RESULT_FALLBACK] = "fallback",
};

const char *
baken_sync_result_to_string (BakenSyncResult result)
{
  g_return_val_if_fail (result < G_N_ELEMENTS (result_names), NULL);

  return result_names[result];
}

static gboolean
result_from_string (const char      *name,
                    BakenSyncResult *result)
{
  for (guint i = 0; i < G_N_ELEMENTS (result_names); i++)
    if (g_strcmp0 (result_names[i], name) == 0)
      {
        *result = i;
        return TRUE;
      }

  return FALSE;
}

void
baken_sync_status_clear (BakenSyncStatus *status)
{
  g_clear_pointer (&status->etag, g_free);
  g_clear_pointer (&status->etag_url, g_free);
}

void
baken_sync_status_copy (BakenSyncStatus       *to,
                        const BakenSyncStatus *from)
{
  g_return_if_fail (to != NULL && from != NULL);

  baken_sync_status_clear (to);
  *to = *from;
  to->etag = g_strdup (from->etag);
  to->etag_url = g_strdup (from->etag_url);
}

void
baken_sync_log_entry_free (BakenSyncLogEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->source);
  g_free (entry->reason);
  g_free (entry);
}

gboolean
baken_state_get_sync_status (BakenState       *self,
                             BakenSyncStatus  *status,
                             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  stmt = _baken_state_prepare (self, "SELECT last_attempt, last_success, failures, etag, etag_url "
                        "FROM sync_status WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _baken_state_query_error (self, error, "reading the sync status");

  status->last_attempt = sqlite3_column_int64 (stmt, 0);
  status->last_success = sqlite3_column_int64 (stmt, 1);
  status->failures = sqlite3_column_int (stmt, 2);
  status->etag = _baken_state_column_strdup (stmt, 3);
  status->etag_url = _baken_state_column_strdup (stmt, 4);

  return TRUE;
}

gboolean
baken_state_record_sync (BakenState       *self,
                         gint64            time,
                         const char       *source,
                         BakenSyncResult   result,
                         guint64           serial,
                         const char       *reason,
                         const char       *etag,
                         const char       *etag_url,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) prune = NULL;
  const char *update_sql;
  gboolean success = result == BAKEN_SYNC_RESULT_INSTALLED ||
                     result == BAKEN_SYNC_RESULT_UNCHANGED;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (result < G_N_ELEMENTS (result_names), FALSE);

  if (success)
    update_sql = "UPDATE sync_status SET last_attempt = ?1, last_success = ?1, failures = 0, "
                 "etag = ?2, etag_url = ?3 WHERE id = 1";
  else if (result == BAKEN_SYNC_RESULT_FALLBACK)
    update_sql = "UPDATE sync_status SET etag = etag WHERE id = 1";
  else
    update_sql = "UPDATE sync_status SET last_attempt = ?1, failures = failures + 1 "
                 "WHERE id = 1";

  if (!_baken_state_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  insert = _baken_state_prepare (self, "INSERT INTO sync_log (time, source, result, serial, reason) "
                          "VALUES (?, ?, ?, ?, ?)", error);
  update = _baken_state_prepare (self, update_sql, error);
  prune = _baken_state_prepare (self, "DELETE FROM sync_log WHERE id <= "
                         "(SELECT max(id) FROM sync_log) - ?", error);
  if (insert == NULL || update == NULL || prune == NULL)
    goto rollback;

  sqlite3_bind_int64 (insert, 1, time);
  sqlite3_bind_text (insert, 2, source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, result_names[result], -1, SQLITE_STATIC);
  if (serial > 0)
    sqlite3_bind_int64 (insert, 4, serial);
  else
    sqlite3_bind_null (insert, 4);
  _baken_state_bind_text_or_null (insert, 5, reason);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      _baken_state_query_error (self, error, "writing the sync log");
      goto rollback;
    }

  if (result != BAKEN_SYNC_RESULT_FALLBACK)
    sqlite3_bind_int64 (update, 1, time);
  if (success)
    {
      _baken_state_bind_text_or_null (update, 2, etag);
      _baken_state_bind_text_or_null (update, 3, etag != NULL ? etag_url : NULL);
    }
  if (sqlite3_step (update) != SQLITE_DONE)
    {
      _baken_state_query_error (self, error, "writing the sync status");
      goto rollback;
    }

  sqlite3_bind_int (prune, 1, BAKEN_STATE_SYNC_LOG_MAX);
  if (sqlite3_step (prune) != SQLITE_DONE)
    {
      _baken_state_query_error (self, error, "pruning the sync log");
      goto rollback;
    }

  return _baken_state_exec (self, "COMMIT", error);

rollback:
  _baken_state_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

GPtrArray *
baken_state_get_sync_log (BakenState  *self,
                          guint        limit,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int rc;

  g_return_val_if_fail (BAKEN_IS_STATE (self), NULL);

  stmt = _baken_state_prepare (self, "SELECT time, source, result, serial, reason FROM sync_log "
                        "ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (sqlite3_int64) limit : -1);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_sync_log_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(BakenSyncLogEntry) entry = g_new0 (BakenSyncLogEntry, 1);

      entry->time = sqlite3_column_int64 (stmt, 0);
      entry->source = _baken_state_column_strdup (stmt, 1);
      if (!result_from_string ((const char *) sqlite3_column_text (stmt, 2), &entry->result))
        entry->result = BAKEN_SYNC_RESULT_FAILED;
      entry->serial = sqlite3_column_int64 (stmt, 3);
      entry->reason = _baken_state_column_strdup (stmt, 4);
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }
  if (rc != SQLITE_DONE)
    {
      _baken_state_query_error (self, error, "reading the sync log");
      return NULL;
    }

  return g_steal_pointer (&entries);
}
