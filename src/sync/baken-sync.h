/* baken-sync.h: fetch, verify and install content bundles, on a schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One attempt ("a sync") reads manifest.json (a conditional GET: an unchanged bundle
 * costs one request), then manifest.json.minisig, checks the signature and the policy
 * (the serial must rise, created must not go back, expires in the future of the later
 * of now and created: a clock that runs behind is logged, not refused), then downloads content-<serial>.sqlite into staging/ with its size
 * capped at the declared size, verifies the whole bundle (baken_bundle_verify) and
 * installs it with baken-store: the pointer swap is atomic and the state is recorded
 * after it. Whatever goes wrong, the installed content stays current and nothing
 * outside staging/ is written; every attempt lands in the sync log of the state DB.
 *
 * The source is the configured URL or a folder (a USB stick) with the same three files
 * and the same checks.
 *
 * BakenSync is used from the main thread; the attempts run in a worker thread (GTask)
 * with their own SQLite connection and HTTP session. The application:
 *
 *   sync = baken_sync_new (&config->sync, state_dir, &error);    reconciles the store
 *   path = baken_sync_begin_open (sync, &error);           the content DB to open, or NULL
 *   …open it; when it works:  baken_sync_open_succeeded (sync);
 *   baken_sync_start (sync);                               the scheduler
 *   "content-ready" → at the next idle reset: begin_open, open, open_succeeded
 *   baken_sync_sync_now (sync);                            `baken --sync-now`
 *   baken_sync_sync_from_async (sync, dir, …);             `baken --sync-from DIR`
 *   baken_sync_get_stale (sync)  / notify::stale           the staff notice
 */
#pragma once

#include <gio/gio.h>

#include "baken-state.h"
#include "baken-sync-policy.h"

G_BEGIN_DECLS

#define BAKEN_SYNC_ERROR (baken_sync_error_quark ())

/* The codes up to BAKEN_SYNC_ERROR_CANCELLED are transient (the result is FAILED and the
 * scheduler retries with back-off); the rest are refusals (REFUSED): an alarm for IT. */
typedef enum {
  BAKEN_SYNC_ERROR_NOT_CONFIGURED,  /* no [sync] url */
  BAKEN_SYNC_ERROR_NETWORK,         /* cannot connect, the connection broke, TLS failed */
  BAKEN_SYNC_ERROR_HTTP,            /* a status other than 200 (or 304) */
  BAKEN_SYNC_ERROR_TIMEOUT,         /* the whole sync took too long, or data stalled */
  BAKEN_SYNC_ERROR_DISK,            /* cannot write staging/: disk full, file size limit */
  BAKEN_SYNC_ERROR_MISSING,         /* a file of the bundle is missing from the folder */
  BAKEN_SYNC_ERROR_UNAVAILABLE,     /* the sync's module cannot be loaded (the installation) */
  BAKEN_SYNC_ERROR_CANCELLED,
  BAKEN_SYNC_ERROR_REDIRECT,        /* redirected to a URL that is not https */
  BAKEN_SYNC_ERROR_TOO_LARGE,       /* more bytes than the cap or the declared size */
  BAKEN_SYNC_ERROR_VERIFY,          /* signature, manifest, dates, hash or DB checks */
  BAKEN_SYNC_ERROR_ROLLBACK,        /* a serial lower than installed */
  BAKEN_SYNC_ERROR_REPLAY,          /* the installed serial with other content */
  BAKEN_SYNC_ERROR_OLDER,           /* created before the newest content ever accepted */
  BAKEN_SYNC_ERROR_ROOT,            /* a root keys document that does not chain (a skipped
                                     * version, too few or the wrong signatures, an older
                                     * one played back), or a manifest of another root
                                     * version than the one in force */
} BakenSyncError;

GQuark baken_sync_error_quark (void);

/* How many times in a row the current content may fail to open (or crash the kiosk
 * while opening) before the previous bundle comes back. */
#define BAKEN_SYNC_MAX_OPEN_FAILURES 3

typedef struct
{
  BakenSyncResult  result;
  guint64          serial;       /* of the bundle offered; 0 when unknown */
  char            *source;       /* the URL or folder */
  GError          *error;        /* (nullable) why it failed or was refused */
  /* Figures, for the benchmark and the log. */
  guint            requests;     /* HTTP requests made */
  guint64          bytes;        /* bytes read from the source */
  gint64           download_us;
  gint64           verify_us;
  gint64           install_us;
} BakenSyncOutcome;

void baken_sync_outcome_free (BakenSyncOutcome *outcome);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSyncOutcome, baken_sync_outcome_free)

#define BAKEN_TYPE_SYNC (baken_sync_get_type ())

G_DECLARE_FINAL_TYPE (BakenSync, baken_sync, BAKEN, SYNC, GObject)

/* Opens the store and the state DB under state_dir (creating them) and reconciles them,
 * so that exactly the old or exactly the new content is current after a crash. Blocks
 * briefly (a few file system calls and one small transaction): call at startup. */
BakenSync        *baken_sync_new                (const BakenSyncSettings *settings,
                                                 const char           *state_dir,
                                                 GError              **error);
/* /var/lib/baken when running as the kiosk service (uid of the "baken" system user or
 * root), else $XDG_STATE_HOME/baken. */
char             *baken_sync_dup_default_state_dir (void);

/* The keys a bundle must be signed by now (element-type BakenMinisignPublicKey; do not
 * change it): the content keys of the root keys document in force, or the configured
 * public keys (or the demo key) before any; none while the document of the state's
 * root version is lost. Verify the content to open with these, never with the
 * configuration's: a key rotation revokes those. */
GPtrArray        *baken_sync_dup_keys           (BakenSync            *self);
/* The version of the root keys document in force; 0: the configured keys. */
guint             baken_sync_get_root_version   (BakenSync            *self);

/* The content DB the kiosk should open now: NULL when no bundle is installed (use the
 * configured path or the embedded demo). Counts the attempt first, so an open that
 * crashes the kiosk counts as a failure too; after BAKEN_SYNC_MAX_OPEN_FAILURES
 * attempts without baken_sync_open_succeeded () it falls back to the previous bundle
 * (keeping the rollback floor) and logs it — or returns NULL when there is none. */
char             *baken_sync_begin_open         (BakenSync            *self,
                                                 GError              **error);
/* The content from baken_sync_begin_open () opened and showed Home. */
void              baken_sync_open_succeeded     (BakenSync            *self);
/* A content query of the shown bundle serial was cut off by its time budget
 * (BakenCatalog::query-cut-off): it counts as a failed open of the current bundle when
 * there is a previous one to go back to. TRUE when the count is now
 * BAKEN_SYNC_MAX_OPEN_FAILURES: the bundle is bad, and the next baken_sync_begin_open ()
 * falls back (and logs it); switch at the next idle reset, as after "content-ready". */
gboolean          baken_sync_count_cut_off      (BakenSync            *self,
                                                 guint64               serial);

/* The scheduler: wakes at most every minute and syncs from the configured URL when
 * the policy says so (baken_sync_policy_is_due). Does nothing without a URL. */
void              baken_sync_start              (BakenSync            *self);
void              baken_sync_stop               (BakenSync            *self);
/* A sync from the URL now, whatever the schedule and back-off say (once the running
 * one, if any, finishes). FALSE when no URL is configured. */
gboolean          baken_sync_sync_now           (BakenSync            *self);

/* One attempt in a worker thread: folder NULL for the configured URL. The outcome is
 * also what "finished" reports. Never fails with an error: a failed sync is an
 * outcome; the GError of _finish is only for a cancelled or impossible call. */
void              baken_sync_run_async          (BakenSync            *self,
                                                 const char           *folder,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
BakenSyncOutcome *baken_sync_run_finish         (BakenSync            *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
/* The same attempt, blocking the calling thread, at the wall-clock time now (Unix
 * seconds: tests and tools pass any time). Emits no signals. For tools and tests;
 * never on the UI thread. NULL (with error) only when the state DB or store cannot be
 * opened.
 *
 * The attempt itself is in the module baken-sync-http (it links libsoup), loaded at the
 * first attempt (baken-module.h). When it cannot be loaded, the attempt fails
 * (BAKEN_SYNC_ERROR_UNAVAILABLE, with the file and the loader's message) and is
 * recorded like any failure; the next attempt tries again. */
BakenSyncOutcome *baken_sync_run                (BakenSync            *self,
                                                 const char           *folder,
                                                 gint64                now,
                                                 GCancellable         *cancellable,
                                                 GError              **error);

gboolean          baken_sync_get_busy           (BakenSync            *self);
/* Why the content is stale (for the staff notice), at the last check. */
BakenStaleFlags   baken_sync_get_stale          (BakenSync            *self);
/* A copy of the installed record as last read. */
void              baken_sync_get_installed      (BakenSync            *self,
                                                 BakenInstalled       *installed);
const char       *baken_sync_get_state_dir      (BakenSync            *self);
/* When the scheduler will try next (Unix seconds), for the staff status screen; 0 when
 * it does not run (no [sync] url, or not started). */
gint64            baken_sync_get_next_due       (BakenSync            *self);

G_END_DECLS
