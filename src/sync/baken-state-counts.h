/* baken-state-counts.h: the monitor's counts and report upload status in the state DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the network of organisations learns from a kiosk, never who: one number per
 * local day, kind, key and detail ("2026-12-07", service, "svc-schuldhulp", "") — no
 * sessions, no sequence of screens, no time finer than the hour (the visit counts are
 * per hour of the day). docs/privacy.md lists every kind. Kept BAKEN_STATE_COUNTS_DAYS
 * days. The UI never writes here directly: BakenMonitor batches its counts in memory
 * and flushes them from a thread of its own (baken-monitor.h).
 */
#pragma once

#include "baken-state.h"

G_BEGIN_DECLS

/* The migration of the state DB that adds these tables (baken-state.c's list). Its
 * number there is only its place in that list. */
#define BAKEN_STATE_COUNTS_MIGRATION \
  "CREATE TABLE counts (" \
  "  day     TEXT NOT NULL," \
  "  kind    TEXT NOT NULL," \
  "  key     TEXT NOT NULL DEFAULT ''," \
  "  detail  TEXT NOT NULL DEFAULT ''," \
  "  n       INTEGER NOT NULL DEFAULT 0," \
  "  PRIMARY KEY (day, kind, key, detail)" \
  ") WITHOUT ROWID;" \
  "CREATE TABLE report_upload (" \
  "  id            INTEGER PRIMARY KEY CHECK (id = 1)," \
  "  last_attempt  INTEGER NOT NULL DEFAULT 0," \
  "  last_success  INTEGER NOT NULL DEFAULT 0," \
  "  failures      INTEGER NOT NULL DEFAULT 0," \
  "  last_result   TEXT" \
  ");" \
  "INSERT INTO report_upload (id) VALUES (1);"

/* How long counts (and the reports made of them) are kept. */
#define BAKEN_STATE_COUNTS_DAYS 60

/* What is counted; the report's "counts" (docs/report-schema.json) is made of these. */
typedef enum {
  BAKEN_COUNT_LIFE_EVENT,     /* key: the life event's id */
  BAKEN_COUNT_SITUATION,      /* key: the situation's id */
  BAKEN_COUNT_SERVICE,        /* key: the service's id */
  BAKEN_COUNT_CHANNEL,        /* key: phone, chat, appointment, walk_in, website */
  BAKEN_COUNT_SLIP,           /* key: resident, handover */
  BAKEN_COUNT_READ_ALOUD,
  BAKEN_COUNT_SPEECH_MODE,
  BAKEN_COUNT_LANGUAGE,       /* key: the language chosen ("en") */
  BAKEN_COUNT_TEXT_SIZE,      /* key: large, very_large */
  BAKEN_COUNT_HIGH_CONTRAST,
  BAKEN_COUNT_IDLE_RESET,
  BAKEN_COUNT_VISIT,          /* key: the hour the visit began, "00" to "23" */
  BAKEN_COUNT_SEARCH,
  BAKEN_COUNT_SEARCH_EMPTY,
  BAKEN_COUNT_TERM,           /* key: a search term without a result that may be kept
                               * (baken-count-terms.h) */
  BAKEN_COUNT_HELPED,         /* key: the service's id; detail: yes, a_little, no */
  BAKEN_COUNT_WRONG,          /* key: the service's id; detail: phone, address, hours,
                               * gone, other */
  BAKEN_COUNT_RESTART,        /* a start of the kiosk process */
  BAKEN_COUNT_N_KINDS
} BakenCountKind;

/* The kind's name in the DB ("service"); NULL for an unknown kind. */
const char *baken_count_kind_to_string   (BakenCountKind  kind);
/* Whether key and detail (nullable: "") are what kind takes: an id of the content, one
 * of the words its comment lists, nothing for a plain count. Anything else is never
 * stored. */
gboolean    baken_count_check            (BakenCountKind  kind,
                                          const char     *key,
                                          const char     *detail);
/* How many different keys a kind keeps per day (the report's limits); a count of a new
 * key past it is dropped. */
guint       baken_count_kind_max_keys    (BakenCountKind  kind);

typedef struct
{
  BakenCountKind  kind;
  char           *key;
  char           *detail;
  guint64         n;
} BakenCountRow;

void baken_count_row_free (BakenCountRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenCountRow, baken_count_row_free)

/* Adds rows (element-type BakenCountRow; day: "YYYY-MM-DD") in one transaction. Rows
 * that baken_count_check () refuses, or that pass a kind's limit of keys, are left
 * out; a count stops at 1,000,000,000. */
gboolean    baken_state_add_counts       (BakenState     *self,
                                          const char     *day,
                                          GPtrArray      *rows,
                                          GError        **error);
/* (element-type BakenCountRow) the counts of day, by kind then by count (highest
 * first). */
GPtrArray  *baken_state_get_counts       (BakenState     *self,
                                          const char     *day,
                                          GError        **error);
/* (transfer full) the days that have counts, oldest first. */
GStrv       baken_state_list_count_days  (BakenState     *self,
                                          GError        **error);
/* Forgets the counts of the days before oldest ("YYYY-MM-DD"). */
gboolean    baken_state_prune_counts     (BakenState     *self,
                                          const char     *oldest,
                                          GError        **error);
/* The fallbacks the sync log holds between from and to (Unix seconds, to excluded). */
gboolean    baken_state_count_fallbacks  (BakenState     *self,
                                          gint64          from,
                                          gint64          to,
                                          guint          *fallbacks,
                                          GError        **error);

/* The newest line of the sync log before before (Unix seconds) that is not a fallback:
 * FALSE in *found when there is none. result and reason (nullable) are set when found. */
gboolean    baken_state_last_sync_before (BakenState      *self,
                                          gint64           before,
                                          gboolean        *found,
                                          gint64          *time,
                                          BakenSyncResult *result,
                                          char           **reason,
                                          GError         **error);

/* The last upload of reports: when, whether it worked, and what it said ("ok", "HTTP
 * 401 Unauthorized: …"): for the staff status screen. Never the token. */
typedef struct
{
  gint64  last_attempt;   /* Unix seconds; 0 never */
  gint64  last_success;
  guint   failures;       /* failed attempts since the last success */
  char   *last_result;    /* (nullable) */
} BakenUploadStatus;

void baken_upload_status_clear (BakenUploadStatus *status);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BakenUploadStatus, baken_upload_status_clear)

gboolean    baken_state_get_upload_status (BakenState        *self,
                                           BakenUploadStatus *status,
                                           GError           **error);
/* Records an attempt at time: ok resets failures and sets last_success. */
gboolean    baken_state_record_upload     (BakenState        *self,
                                           gint64             time,
                                           gboolean           ok,
                                           const char        *result,
                                           GError           **error);

G_END_DECLS
