/* baken-report-scan.h: reading a folder tree of reports into a tally (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The upload stores a kiosk's report as KIOSK-ID/DATE.json, a USB export as a flat
 * folder; the scanner takes any tree. A walk (baken-report-walk.h) reads the files in a
 * thread of its own, in name order, so two runs over the same tree give the same report;
 * the scanner parses each and adds it to the tally, one document at a time. A link loop,
 * a FIFO, a file over BAKEN_REPORT_MAX_SIZE, a file that is not a good report: each is
 * left out with a message naming it and what is wrong, and the scan goes on.
 */
#pragma once

#include <glib.h>

#include "baken-report-tally.h"

G_BEGIN_DECLS

/* Told of each file or folder left out; message names it ("PATH: …" or "PATH:LINE:COL:
 * …"). */
typedef void (*BakenReportSkipFunc) (const char *path,
                                     const char *message,
                                     gpointer    user_data);

typedef struct _BakenReportScanner BakenReportScanner;

BakenReportScanner *baken_report_scanner_new     (BakenReportTally    *tally,
                                                  BakenReportSkipFunc  skip,
                                                  gpointer             user_data);
void                baken_report_scanner_free    (BakenReportScanner  *self);

/* Reads the reports under path, a folder or one report file. FALSE (error set) only
 * when path itself cannot be read. */
gboolean            baken_report_scanner_scan    (BakenReportScanner  *self,
                                                  const char          *path,
                                                  GError             **error);

/* Files that were reports but were left out; files read, counted or not. */
guint               baken_report_scanner_get_n_skipped (BakenReportScanner *self);
guint               baken_report_scanner_get_n_files   (BakenReportScanner *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenReportScanner, baken_report_scanner_free)

G_END_DECLS
