/* baken-cups-printer.h: print slips through libcups, never a dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call runs in a GTask thread with its own connection to cupsd:
 *
 * 1. connect probe: httpConnect2 to the server with a short timeout, so a cupsd that is
 *    down says so (otherwise it looks like a missing queue);
 * 2. the destination: the configured queue, or the CUPS default;
 * 3. printer-state, printer-is-accepting-jobs and printer-state-reasons (with or without
 *    -error/-warning/-report), see baken_print_state_from_reasons ();
 * 4. submit only: Create-Job + Send-Document (application/pdf, job name "Baken"), then
 *    Get-Job-Attributes and the printer's state until the job is completed. A printer
 *    fault while waiting, the timeout or the GCancellable cancel the job, so a stale
 *    slip never prints later for the next person;
 * 5. every job of ours that ended (completed, or cancelled by us or by cupsd) is purged
 *    (Cancel-Job with purge-job), so the slip's PDF and the job's record never stay in
 *    the spool, whatever PreserveJobFiles and PreserveJobHistory say. The job name is
 *    always "Baken": nothing a resident or a clerk typed reaches the queue.
 *
 * The timeout bounds the whole call, every libcups call in it included, whatever the
 * server does (a cupsd, or anything listening at its address, that trickles its answer
 * or never answers): see baken-cups-deadline.h.
 *
 * The server is the one libcups would use (CUPS_SERVER, client.conf, the local socket)
 * unless one is given ("host:port" or a socket path).
 */
#pragma once

#include "baken-printer.h"

G_BEGIN_DECLS

/* From submitting to completed; a receipt printer needs a few seconds. */
#define BAKEN_CUPS_PRINTER_DEFAULT_TIMEOUT 30

#define BAKEN_TYPE_CUPS_PRINTER (baken_cups_printer_get_type ())
G_DECLARE_FINAL_TYPE (BakenCupsPrinter, baken_cups_printer, BAKEN, CUPS_PRINTER, GObject)

/* printer (nullable): a queue name, NULL for the CUPS default. server (nullable): see
 * above. timeout: seconds from the start of a check or a submit until it must be done,
 * for a submit until the job is completed (≥ 1). */
BakenPrinter *baken_cups_printer_new          (const char       *printer,
                                               const char       *server,
                                               guint             timeout);
const char   *baken_cups_printer_get_printer  (BakenCupsPrinter *self);
const char   *baken_cups_printer_get_server   (BakenCupsPrinter *self);
guint         baken_cups_printer_get_timeout  (BakenCupsPrinter *self);

G_END_DECLS
