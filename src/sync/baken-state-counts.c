/* baken-state-counts.c: the monitor's counts and report upload status in the state DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A count is one row per day, kind, key and detail; adding is an upsert that never
 * lets a kind grow past its limit of keys per day, so a flood of ids or terms cannot
 * grow the DB (or the report) without bound.
 */
#define G_LOG_DOMAIN "baken-state"

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "baken-state-counts.h"
#include "baken-state-private.h"

#define COUNT_MAX G_GUINT64_CONSTANT (1000000000)
#define TERM_MAX_CHARS 64

static const char * const kind_names[BAKEN_COUNT_N_KINDS] = {
  [BAKEN_COUNT_LIFE_EVENT] = "life_event",
  [BAKEN_COUNT_SITUATION] = "situation",
  [BAKEN_COUNT_SERVICE] = "service",
  [BAKEN_COUNT_CHANNEL] = "channel",
  [BAKEN_COUNT_SLIP] = "slip",
  [BAKEN_COUNT_READ_ALOUD] = "read_aloud",
  [BAKEN_COUNT_SPEECH_MODE] = "speech_mode",
  [BAKEN_COUNT_LANGUAGE] = "language",
  [BAKEN_COUNT_TEXT_SIZE] = "text_size",
  [BAKEN_COUNT_HIGH_CONTRAST] = "high_contrast",
  [BAKEN_COUNT_IDLE_RESET] = "idle_reset",
  [BAKEN_COUNT_VISIT] = "visit",
  [BAKEN_COUNT_SEARCH] = "search",
  [BAKEN_COUNT_SEARCH_EMPTY] = "search_empty",
  [BAKEN_COUNT_TERM] = "term",
  [BAKEN_COUNT_HELPED] = "helped",
  [BAKEN_COUNT_WRONG] = "wrong",
  [BAKEN_COUNT_RESTART] = "restart",
};

static const char * const channel_keys[] = { "phone", "chat", "appointment", "walk_in",
                                             "website", NULL };
static const char * const slip_keys[] = { "resident", "handover", NULL };
static const char * const text_size_keys[] = { "large", "very_large", NULL };
static const char * const helped_details[] = { "yes", "a_little", "no", NULL };
static const char * const wrong_details[] = { "phone", "address", "hours", "gone", "other",
                                              NULL };

const char *
baken_count_kind_to_string (BakenCountKind kind)
{
  return kind < BAKEN_COUNT_N_KINDS ? kind_names[kind] : NULL;
}

static gboolean
kind_from_string (const char     *name,
                  BakenCountKind *kind)
{
  for (guint i = 0; i < BAKEN_COUNT_N_KINDS; i++)
    if (g_strcmp0 (kind_names[i], name) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

guint
baken_count_kind_max_keys (BakenCountKind kind)
{
  switch (kind)
    {
    case BAKEN_COUNT_LIFE_EVENT:
    case BAKEN_COUNT_SITUATION:
    case BAKEN_COUNT_SERVICE:
      return 5000;
    case BAKEN_COUNT_HELPED:
      return 5000 * 3;
    case BAKEN_COUNT_WRONG:
      return 5000 * 5;
    case BAKEN_COUNT_TERM:
      return 200;
    case BAKEN_COUNT_LANGUAGE:
      return 32;
    case BAKEN_COUNT_VISIT:
      return 24;
    case BAKEN_COUNT_CHANNEL:
    case BAKEN_COUNT_SLIP:
    case BAKEN_COUNT_TEXT_SIZE:
      return 5;
    case BAKEN_COUNT_READ_ALOUD:
    case BAKEN_COUNT_SPEECH_MODE:
    case BAKEN_COUNT_HIGH_CONTRAST:
    case BAKEN_COUNT_IDLE_RESET:
    case BAKEN_COUNT_SEARCH:
    case BAKEN_COUNT_SEARCH_EMPTY:
    case BAKEN_COUNT_RESTART:
    case BAKEN_COUNT_N_KINDS:
    default:
      return 1;
    }
}

/* ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$, the report's id. */
static gboolean
is_id (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > 128 || !g_ascii_isalnum (text[0]))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '.' && text[i] != '_' && text[i] != '-')
      return FALSE;

  return TRUE;
}

/* Lower-case words of letters (a hyphen or apostrophe inside), one space between:
 * never a digit, never anything a number or an address is written with. */
static gboolean
is_term (const char *text)
{
  gboolean space_ok = FALSE;
  glong chars = 0;

  if (!g_utf8_validate (text, -1, NULL) || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (++chars > TERM_MAX_CHARS)
        return FALSE;
      if (c == ' ')
        {
          if (!space_ok)
            return FALSE;
          space_ok = FALSE;
          continue;
        }
      if (g_unichar_isalpha (c) && !g_unichar_isupper (c))
        space_ok = TRUE;
      else if ((c == '-' || c == '\'') && space_ok)
        space_ok = FALSE;
      else
        return FALSE;
    }

  return space_ok;
}

static gboolean
is_lang (const char *text)
{
  gsize length = strlen (text);

  if (length < 2 || length > 3)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_islower (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
is_hour (const char *text)
{
  guint64 hour;

  return strlen (text) == 2 && g_ascii_string_to_unsigned (text, 10, 0, 23, &hour, NULL);
}

gboolean
baken_count_check (BakenCountKind  kind,
                   const char     *key,
                   const char     *detail)
{
  if (key == NULL)
    key = "";
  if (detail == NULL)
    detail = "";

  switch (kind)
    {
    case BAKEN_COUNT_LIFE_EVENT:
    case BAKEN_COUNT_SITUATION:
    case BAKEN_COUNT_SERVICE:
      return is_id (key) && *detail == '\0';
    case BAKEN_COUNT_CHANNEL:
      return g_strv_contains (channel_keys, key) && *detail == '\0';
    case BAKEN_COUNT_SLIP:
      return g_strv_contains (slip_keys, key) && *detail == '\0';
    case BAKEN_COUNT_TEXT_SIZE:
      return g_strv_contains (text_size_keys, key) && *detail == '\0';
    case BAKEN_COUNT_LANGUAGE:
      return is_lang (key) && *detail == '\0';
    case BAKEN_COUNT_VISIT:
      return is_hour (key) && *detail == '\0';
    case BAKEN_COUNT_TERM:
      return is_term (key) && *detail == '\0';
    case BAKEN_COUNT_HELPED:
      return is_id (key) && g_strv_contains (helped_details, detail);
    case BAKEN_COUNT_WRONG:
      return is_id (key) && g_strv_contains (wrong_details, detail);
    case BAKEN_COUNT_READ_ALOUD:
    case BAKEN_COUNT_SPEECH_MODE:
    case BAKEN_COUNT_HIGH_CONTRAST:
    case BAKEN_COUNT_IDLE_RESET:
    case BAKEN_COUNT_SEARCH:
    case BAKEN_COUNT_SEARCH_EMPTY:
    case BAKEN_COUNT_RESTART:
      return *key == '\0' && *detail == '\0';
    case BAKEN_COUNT_N_KINDS:
    default:
      return FALSE;
    }
}

void
baken_count_row_free (BakenCountRow *row)
{
  if (row == NULL)
    return;

  g_free (row->key);
  g_free (row->detail);
  g_free (row);
}

void
baken_upload_status_clear (BakenUploadStatus *status)
{
  g_clear_pointer (&status->last_result, g_free);
}

gboolean
baken_state_add_counts (BakenState  *self,
                        const char  *day,
                        GPtrArray   *rows,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) upsert = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);
  g_return_val_if_fail (day != NULL && rows != NULL, FALSE);

  if (!_baken_state_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* A new key only while the kind has room for it that day. */
  upsert = _baken_state_prepare (self,
    "INSERT INTO counts (day, kind, key, detail, n) SELECT ?1, ?2, ?3, ?4, min(?5, ?7) "
    "WHERE EXISTS (SELECT 1 FROM counts WHERE day = ?1 AND kind = ?2 AND key = ?3 "
    "              AND detail = ?4) "
    "   OR (SELECT count(*) FROM counts WHERE day = ?1 AND kind = ?2) < ?6 "
    "ON CONFLICT (day, kind, key, detail) DO UPDATE SET n = min(n + excluded.n, ?7)",
    error);
  if (upsert == NULL)
    goto rollback;

  for (guint i = 0; i < rows->len; i++)
    {
      const BakenCountRow *row = g_ptr_array_index (rows, i);

      if (row->n == 0 || !baken_count_check (row->kind, row->key, row->detail))
        {
          g_debug ("A %s count that is not what the kind takes is left out",
                   baken_count_kind_to_string (row->kind));
          continue;
        }
      sqlite3_reset (upsert);
      sqlite3_bind_text (upsert, 1, day, -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 2, kind_names[row->kind], -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 3, row->key != NULL ? row->key : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 4, row->detail != NULL ? row->detail : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (upsert, 5, (sqlite3_int64) MIN (row->n, COUNT_MAX));
      sqlite3_bind_int64 (upsert, 6, baken_count_kind_max_keys (row->kind));
      sqlite3_bind_int64 (upsert, 7, (sqlite3_int64) COUNT_MAX);
      if (sqlite3_step (upsert) != SQLITE_DONE)
        {
          _baken_state_query_error (self, error, "adding counts");
          goto rollback;
        }
    }

  return _baken_state_exec (self, "COMMIT", error);

rollback:
  _baken_state_exec (self, "ROLLBACK", NULL);
  return FALSE;
}

GPtrArray *
baken_state_get_counts (BakenState  *self,
                        const char  *day,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (BAKEN_IS_STATE (self), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  stmt = _baken_state_prepare (self, "SELECT kind, key, detail, n FROM counts WHERE day = ? "
                               "ORDER BY kind, n DESC, key, detail", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_count_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BakenCountKind kind;
      BakenCountRow *row;

      /* A row this version does not know (a newer kiosk wrote it): not reported. */
      if (!kind_from_string ((const char *) sqlite3_column_text (stmt, 0), &kind))
        continue;
      row = g_new0 (BakenCountRow, 1);
      row->kind = kind;
      row->key = _baken_state_column_strdup (stmt, 1);
      row->detail = _baken_state_column_strdup (stmt, 2);
      row->n = (guint64) CLAMP (sqlite3_column_int64 (stmt, 3), 0, (sqlite3_int64) COUNT_MAX);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      _baken_state_query_error (self, error, "reading counts");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

GStrv
baken_state_list_count_days (BakenState  *self,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) days = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (BAKEN_IS_STATE (self), NULL);

  stmt = _baken_state_prepare (self, "SELECT DISTINCT day FROM counts ORDER BY day", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (days, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _baken_state_query_error (self, error, "reading the days with counts");
      return NULL;
    }

  return g_strv_builder_end (days);
}

gboolean
baken_state_prune_counts (BakenState  *self,
                          const char  *oldest,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);

  stmt = _baken_state_prepare (self, "DELETE FROM counts WHERE day < ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, oldest, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _baken_state_query_error (self, error, "forgetting old counts");

  return TRUE;
}

gboolean
baken_state_count_fallbacks (BakenState  *self,
                             gint64       from,
                             gint64       to,
                             guint       *fallbacks,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);

  stmt = _baken_state_prepare (self, "SELECT count(*) FROM sync_log WHERE result = 'fallback' "
                               "AND time >= ? AND time < ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _baken_state_query_error (self, error, "counting fallbacks");
  *fallbacks = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);

  return TRUE;
}

gboolean
baken_state_get_upload_status (BakenState         *self,
                               BakenUploadStatus  *status,
                               GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  stmt = _baken_state_prepare (self, "SELECT last_attempt, last_success, failures, "
                               "last_result FROM report_upload WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _baken_state_query_error (self, error, "reading the report upload status");

  status->last_attempt = sqlite3_column_int64 (stmt, 0);
  status->last_success = sqlite3_column_int64 (stmt, 1);
  status->failures = (guint) CLAMP (sqlite3_column_int64 (stmt, 2), 0, G_MAXUINT);
  status->last_result = _baken_state_column_strdup (stmt, 3);

  return TRUE;
}

gboolean
baken_state_record_upload (BakenState  *self,
                           gint64       time,
                           gboolean     ok,
                           const char  *result,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);

  stmt = _baken_state_prepare (self,
    "UPDATE report_upload SET last_attempt = ?1, last_result = ?2, "
    "last_success = CASE WHEN ?3 THEN ?1 ELSE last_success END, "
    "failures = CASE WHEN ?3 THEN 0 ELSE failures + 1 END WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, time);
  _baken_state_bind_text_or_null (stmt, 2, result);
  sqlite3_bind_int (stmt, 3, ok != FALSE);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _baken_state_query_error (self, error, "recording the report upload");

  return TRUE;
}

gboolean
baken_state_last_sync_before (BakenState       *self,
                              gint64            before,
                              gboolean         *found,
                              gint64           *time,
                              BakenSyncResult  *result,
                              char            **reason,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *name;
  int rc;

  g_return_val_if_fail (BAKEN_IS_STATE (self), FALSE);

  *found = FALSE;
  stmt = _baken_state_prepare (self, "SELECT time, result, reason FROM sync_log "
                               "WHERE time < ? AND result != 'fallback' "
                               "ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, before);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _baken_state_query_error (self, error, "reading the sync log");

  name = (const char *) sqlite3_column_text (stmt, 1);
  *found = TRUE;
  *time = sqlite3_column_int64 (stmt, 0);
  *result = g_strcmp0 (name, "installed") == 0 ? BAKEN_SYNC_RESULT_INSTALLED
            : g_strcmp0 (name, "unchanged") == 0 ? BAKEN_SYNC_RESULT_UNCHANGED
            : g_strcmp0 (name, "refused") == 0 ? BAKEN_SYNC_RESULT_REFUSED
            : BAKEN_SYNC_RESULT_FAILED;
  *reason = _baken_state_column_strdup (stmt, 2);

  return TRUE;
}
