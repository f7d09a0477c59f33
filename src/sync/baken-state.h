/* baken-state.h: the kiosk's own state DB — sync log, installed content, staff PIN lock, print log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A writable SQLite DB in WAL mode under the state folder, next to (never inside) the
 * content bundles, so it survives every content swap. The monitor's daily counts are
 * in it too (baken-state-counts.h). Its schema is versioned with
 * PRAGMA user_version and migrated step by step on open. It never holds anything that
 * identifies a person: no names, numbers, addresses or text typed by a resident.
 *
 * One BakenState is one connection: use it from one thread at a time. A worker thread
 * opens its own (baken_state_open on the same path); WAL lets them share the file.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BAKEN_STATE_ERROR (baken_state_error_quark ())

typedef enum {
  BAKEN_STATE_ERROR_OPEN,     /* cannot open or create the DB */
  BAKEN_STATE_ERROR_SCHEMA,   /* written by a newer version, or a migration failed */
  BAKEN_STATE_ERROR_QUERY,    /* an SQL error while reading or writing */
  BAKEN_STATE_ERROR_DAMAGED,  /* not an SQLite DB, malformed, fails integrity_check, or
                               * lacks the tables of its version */
} BakenStateError;

GQuark baken_state_error_quark (void);

/* PRAGMA user_version of the state DB this build writes. */
#define BAKEN_STATE_SCHEMA_VERSION 4

/* How a sync attempt ended; the sync log's result column holds the nick. */
typedef enum {
  BAKEN_SYNC_RESULT_INSTALLED,  /* "installed": a new bundle is current */
  BAKEN_SYNC_RESULT_UNCHANGED,  /* "unchanged": 304, or the same serial and hash */
  BAKEN_SYNC_RESULT_FAILED,     /* "failed": network, server or disk; retried with back-off */
  BAKEN_SYNC_RESULT_REFUSED,    /* "refused": the bundle does not verify, or is a rollback
                                 * or replay: an alarm for IT */
  BAKEN_SYNC_RESULT_FALLBACK,   /* "fallback": the current bundle failed to open and the
                                 * previous one is current again */
} BakenSyncResult;

const char *baken_sync_result_to_string (BakenSyncResult result);

/* The installed content and the floors that protect against rollback. The floors only
 * ever rise: after a fallback to the previous bundle they stay at the newer one. They
 * belong to the root version: a new root keys document (a key rotation) starts them
 * again, and root_version itself never goes down. */
typedef struct
{
  guint64  serial;           /* the current bundle; 0: nothing installed */
  char    *sha256;           /* (nullable) of its content file */
  gint64   created;          /* Unix seconds; 0 unknown */
  gint64   expires;          /* Unix seconds; 0 none */
  guint64  previous_serial;  /* kept for fallback; 0: none */
  guint64  floor_serial;     /* the highest serial ever accepted */
  char    *floor_sha256;     /* (nullable) the content hash of floor_serial */
  gint64   floor_created;    /* the newest created ever accepted */
  guint    open_failures;    /* times in a row the current bundle failed to open */
  guint    root_version;     /* the root keys document in force; 0: the configured keys */
} BakenInstalled;

void baken_installed_clear (BakenInstalled *installed);
/* Clears to, then copies from into it. */
void baken_installed_copy  (BakenInstalled       *to,
                            const BakenInstalled *from);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BakenInstalled, baken_installed_clear)

/* What the scheduler needs to decide when to sync next. */
typedef struct
{
  gint64   last_attempt;   /* Unix seconds; 0 never */
  gint64   last_success;   /* Unix seconds of the last installed or unchanged result */
  guint    failures;       /* failed or refused attempts since the last success */
  char    *etag;           /* (nullable) of the last manifest that verified */
  char    *etag_url;       /* (nullable) the URL that etag belongs to */
} BakenSyncStatus;

void baken_sync_status_clear (BakenSyncStatus *status);
/* Clears to, then copies from into it. */
void baken_sync_status_copy  (BakenSyncStatus       *to,
                              const BakenSyncStatus *from);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BakenSyncStatus, baken_sync_status_clear)

typedef struct
{
  gint64           time;
  char            *source;   /* the URL or folder synced from */
  BakenSyncResult  result;
  guint64          serial;   /* 0 when unknown */
  char            *reason;   /* (nullable) */
} BakenSyncLogEntry;

void baken_sync_log_entry_free (BakenSyncLogEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSyncLogEntry, baken_sync_log_entry_free)

#define BAKEN_TYPE_STATE (baken_state_get_type ())

G_DECLARE_FINAL_TYPE (BakenState, baken_state, BAKEN, STATE, GObject)

/* Opens (creating when missing) the state DB at path, checks it (integrity_check) and
 * migrates it to BAKEN_STATE_SCHEMA_VERSION. */
BakenState *baken_state_open               (const char         *path,
                                            GError            **error);
/* (baken-state-rebuild.c) As baken_state_open (), but a DB that is damaged or has a schema this build cannot use
 * (BAKEN_STATE_ERROR_DAMAGED or _SCHEMA) is moved aside, with its WAL, as
 * "PATH.damaged-YYYYMMDDTHHMMSSZ" (kept for the technician, and logged) and a new one is
 * made. *rebuilt (nullable) tells. The state is a cache of the installed bundles: call
 * baken_store_reconcile () next, which restores the installed record and the rollback
 * floors from them. A DB that is only busy or unreadable is never moved. */
BakenState *baken_state_open_or_rebuild    (const char         *path,
                                            gboolean           *rebuilt,
                                            GError            **error);
const char *baken_state_get_path           (BakenState         *self);

gboolean    baken_state_get_installed      (BakenState         *self,
                                            BakenInstalled     *installed,
                                            GError            **error);
gboolean    baken_state_set_installed      (BakenState         *self,
                                            const BakenInstalled *installed,
                                            GError            **error);

/* The sync log and status (baken-state-log.c). */
gboolean    baken_state_get_sync_status    (BakenState         *self,
                                            BakenSyncStatus    *status,
                                            GError            **error);
/* Appends one line to the sync log and updates the sync status to match, in one
 * transaction: last_attempt = time; on INSTALLED or UNCHANGED last_success = time and
 * failures = 0; on FAILED or REFUSED failures + 1; FALLBACK leaves the status alone.
 * etag/etag_url (nullable) replace the stored ones when the result is INSTALLED or
 * UNCHANGED. The log keeps the last BAKEN_STATE_SYNC_LOG_MAX lines. */
#define BAKEN_STATE_SYNC_LOG_MAX 2000
gboolean    baken_state_record_sync        (BakenState         *self,
                                            gint64              time,
                                            const char         *source,
                                            BakenSyncResult     result,
                                            guint64             serial,
                                            const char         *reason,
                                            const char         *etag,
                                            const char         *etag_url,
                                            GError            **error);
/* The newest lines first, at most limit (0: all). (element-type BakenSyncLogEntry) */
GPtrArray  *baken_state_get_sync_log       (BakenState         *self,
                                            guint               limit,
                                            GError            **error);

/* The staff PIN lock (baken-state-staff.c): wrong PINs in a row, and until when entry is
 * locked (Unix seconds; 0: not locked). Never a PIN, never when each try was. */
gboolean    baken_state_get_staff_lock     (BakenState         *self,
                                            guint              *failures,
                                            gint64             *locked_until,
                                            GError            **error);
gboolean    baken_state_set_staff_lock     (BakenState         *self,
                                            guint               failures,
                                            gint64              locked_until,
                                            GError            **error);

/* One line of the print log: when, on which paper, and how it ended. Never what was
 * printed, never a handover note. */
typedef struct
{
  gint64    time;
  char     *paper;     /* "receipt-80mm", "a4", "a5", or "folder" (tests) */
  char     *outcome;   /* "ok", or the BakenPrintState nick ("media-empty", …) */
  gboolean  handover;  /* printed by staff with "Doorverwijzen" */
} BakenPrintLogEntry;

void baken_print_log_entry_free (BakenPrintLogEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenPrintLogEntry, baken_print_log_entry_free)

/* The print log keeps the last BAKEN_STATE_PRINT_LOG_MAX lines. */
#define BAKEN_STATE_PRINT_LOG_MAX 500
gboolean    baken_state_record_print       (BakenState         *self,
                                            gint64              time,
                                            const char         *paper,
                                            const char         *outcome,
                                            gboolean            handover,
                                            GError            **error);
/* The newest lines first, at most limit (0: all). (element-type BakenPrintLogEntry) */
GPtrArray  *baken_state_get_print_log      (BakenState         *self,
                                            guint               limit,
                                            GError            **error);

G_END_DECLS
