/* baken-report.h: the daily report of a kiosk (docs/report-schema.json, version 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON document per kiosk per local day: the day's counts from the state DB and
 * the kiosk's status (content, last sync, printer, uptime, restarts, fallbacks). A day's
 * report is written once the day is over, into REPORTS/pending/DAY.json; an upload
 * that the server took moves it to REPORTS/sent/. Both are kept
 * BAKEN_STATE_COUNTS_DAYS days, like the counts; a day with a file in either folder is
 * never written again. docs/privacy.md says what each field is and why no person can
 * be recognised in it.
 */
#pragma once

#include <gio/gio.h>

#include "baken-state.h"

G_BEGIN_DECLS

#define BAKEN_REPORT_FORMAT  "baken-report"
#define BAKEN_REPORT_VERSION 1

/* What the report says about the kiosk besides its counts; the UI knows it. */
typedef struct
{
  char    *kiosk_id;           /* [monitor] kiosk-id */
  char    *kiosk_name;         /* [kiosk] name */
  guint64  content_serial;     /* the bundle shown; 0 none */
  gint64   content_published;  /* its created time, Unix seconds; 0 unknown */
  char    *content_key_id;     /* (nullable) hex id of the key that signed it */
  char    *content_source;     /* "bundle", "demo" or "none" */
  char    *printer_state;      /* "ready", "busy", "problem" or "none" */
  char    *printer_reason;     /* (nullable) the BakenPrintState nick of a problem */
  gint64   started;            /* when the kiosk process started (Unix seconds); 0 when
                                * no kiosk is running (a command writes the report) */
} BakenReportStatus;

BakenReportStatus *baken_report_status_copy (const BakenReportStatus *status);
void               baken_report_status_free (BakenReportStatus       *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenReportStatus, baken_report_status_free)

/* The local day ("YYYY-MM-DD", Europe/Amsterdam) of a Unix time, and the day days
 * later (negative: earlier). */
char     *baken_report_day_of         (gint64                    time);
char     *baken_report_day_add        (const char               *day,
                                       int                       days);

/* The document of day, at now (Unix seconds). NULL (with error) when the state DB
 * cannot be read. */
char     *baken_report_build          (BakenState               *state,
                                       const char               *day,
                                       const BakenReportStatus  *status,
                                       gint64                    now,
                                       GError                  **error);

/* REPORTS/pending and REPORTS/sent, made when missing. */
gboolean  baken_report_dirs_ensure    (const char               *reports_dir,
                                       GError                  **error);
/* Writes the reports of the days before today that have counts but no report yet,
 * then forgets the counts and reports older than BAKEN_STATE_COUNTS_DAYS days.
 * *written (nullable): how many were written. */
gboolean  baken_report_write_due      (BakenState               *state,
                                       const char               *reports_dir,
                                       const BakenReportStatus  *status,
                                       gint64                    now,
                                       guint                    *written,
                                       GError                  **error);
/* (transfer full) the days of the reports in REPORTS/pending, oldest first. */
GStrv     baken_report_list_pending   (const char               *reports_dir);
/* Writes path as a whole (a temporary file, fsync, rename): a reader never sees half. */
gboolean  baken_report_write_file     (const char               *path,
                                       const char               *text,
                                       GError                  **error);

/* (baken-report-export.c) Writes the reports that are due, then copies every pending
 * report and writes today's report so far (at now) into dest/KIOSK-ID/DAY.json.
 * dest must be a folder. *exported: how many files. The reports stay pending. */
gboolean  baken_report_export         (BakenState               *state,
                                       const char               *reports_dir,
                                       const BakenReportStatus  *status,
                                       gint64                    now,
                                       const char               *dest,
                                       guint                    *exported,
                                       GError                  **error);

G_END_DECLS
