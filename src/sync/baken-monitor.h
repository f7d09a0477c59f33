/* baken-monitor.h: what the kiosk counts, and its daily reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI counts (baken_monitor_count ()); a count costs a hash table update on the
 * caller's thread, never a disk write. The counts are kept in memory and flushed to the
 * state DB (baken-state-counts.h) from a thread of the monitor's own every
 * BAKEN_MONITOR_FLUSH_S seconds, at an idle reset (baken_monitor_flush ()) and at exit
 * (baken_monitor_flush_sync ()): a kiosk that is killed loses at most that many seconds
 * of counts. Each flush also writes the reports of the days that are over
 * (baken-report.h); the upload (baken-report-upload.h) runs after the sync's window,
 * in a thread too, with back-off after a failure.
 *
 * Used from the main thread.
 */
#pragma once

#include <gio/gio.h>

#include "baken-catalog.h"
#include "baken-clock.h"
#include "baken-monitor-settings.h"
#include "baken-report.h"
#include "baken-state-counts.h"
#include "baken-sync-policy.h"

G_BEGIN_DECLS

#define BAKEN_MONITOR_FLUSH_S 60

#define BAKEN_TYPE_MONITOR (baken_monitor_get_type ())

G_DECLARE_FINAL_TYPE (BakenMonitor, baken_monitor, BAKEN, MONITOR, GObject)

/* state_dir: the sync's folder (the state DB is state.sqlite there, the reports in
 * reports/); languages: the kiosk's (their word lists decide which search terms may
 * be kept); clock: the kiosk's (the day and hour of a count). */
BakenMonitor *baken_monitor_new               (const BakenMonitorSettings *settings,
                                               const BakenSyncSettings    *sync,
                                               const char                 *state_dir,
                                               const char * const         *languages,
                                               BakenClock                 *clock);
/* Counts a start of the kiosk and starts the timers. */
void          baken_monitor_start             (BakenMonitor          *self);

/* One more of kind/key/detail today (see BakenCountKind for the keys); anything
 * baken_count_check () refuses is dropped. */
void          baken_monitor_count             (BakenMonitor          *self,
                                               BakenCountKind         kind,
                                               const char            *key,
                                               const char            *detail);
/* A visit began now: counted in the hour of the day it began. */
void          baken_monitor_count_visit       (BakenMonitor          *self);
/* A search ended (the resident left it) with results (found) or none: counts it, and
 * for none, the term when baken-count-terms.h allows it (checked against catalog's
 * index now, and against the word lists at the next flush). text is never written
 * anywhere else. */
void          baken_monitor_count_search      (BakenMonitor          *self,
                                               BakenCatalog          *catalog,
                                               const char            *text,
                                               gboolean               found);

/* What the reports say about the kiosk (content, printer); kiosk_id is the settings',
 * started the monitor's own (when it was made). */
void          baken_monitor_set_status        (BakenMonitor          *self,
                                               const BakenReportStatus *status);

/* Writes the counts so far, in the monitor's thread. */
void          baken_monitor_flush             (BakenMonitor          *self);
/* The same, and waits until they are written (at exit, and in tests). */
void          baken_monitor_flush_sync        (BakenMonitor          *self);

/* Sends the pending reports now, whatever the schedule says. FALSE when no upload-url
 * is configured or an upload is running. */
gboolean      baken_monitor_upload_now        (BakenMonitor          *self);
gboolean      baken_monitor_get_uploading     (BakenMonitor          *self);
/* The last upload (for the status screen); "upload-changed" tells when it changes. */
const BakenUploadStatus *baken_monitor_get_upload_status (BakenMonitor *self);
const BakenMonitorSettings *baken_monitor_get_settings  (BakenMonitor *self);

/* Flushes, writes the reports that are due and copies every pending report and today's
 * so far into dest/KIOSK-ID/ (baken_report_export ()), in the monitor's thread. */
void          baken_monitor_export_async      (BakenMonitor          *self,
                                               const char            *dest,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
/* How many files were written; 0 with error on failure. */
guint         baken_monitor_export_finish     (BakenMonitor          *self,
                                               GAsyncResult          *result,
                                               GError               **error);

G_END_DECLS
