/* baken-printer-loader.h: the CUPS printer, loaded when the first slip needs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BakenCupsPrinter links libcups, which pulls in gnutls, krb5 and avahi: linked into
 * the kiosk they would cost every start time before the first frame, for a printer
 * that most residents never use. It lives in the module baken-print-cups instead
 * (baken-module.h). A BakenPrinterLoader is the kiosk's printer from the start: its
 * first check or submit loads the module and makes the BakenCupsPrinter (on the calling
 * thread, in a few milliseconds), and every call goes on to that printer.
 *
 * When the module cannot be loaded, every call fails with BAKEN_PRINT_STATE_FAILED and
 * a message that names the file and what the loader said; the next call tries again.
 */
#pragma once

#include "baken-printer.h"

G_BEGIN_DECLS

#define BAKEN_PRINTER_MODULE "baken-print-cups"

#define BAKEN_TYPE_PRINTER_LOADER (baken_printer_loader_get_type ())
G_DECLARE_FINAL_TYPE (BakenPrinterLoader, baken_printer_loader, BAKEN, PRINTER_LOADER, GObject)

/* What baken_cups_printer_new () takes: printer (nullable) a queue, NULL for the CUPS
 * default; server (nullable) "host:port" or a socket, NULL for what libcups would use;
 * timeout in seconds (≥ 1). */
BakenPrinter *baken_printer_loader_new_cups (const char *printer,
                                             const char *server,
                                             guint       timeout);

/* The queues cupsd offers, sorted, for the desk to choose from, within the printer's
 * timeout; *default_queue (nullable) gets the CUPS default or NULL. */
void          baken_printer_loader_list_queues_async  (BakenPrinterLoader  *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GStrv         baken_printer_loader_list_queues_finish (BakenPrinterLoader  *self,
                                                       GAsyncResult        *result,
                                                       char               **default_queue,
                                                       GError             **error);
/* The queue slips go to (nullable: the CUPS default). */
char         *baken_printer_loader_dup_queue          (BakenPrinterLoader  *self);
/* Slips go to queue (nullable: the CUPS default) from the next check or print on; not
 * kept over a restart: [print] printer in kiosk.conf is the kiosk's own. */
void          baken_printer_loader_set_queue          (BakenPrinterLoader  *self,
                                                       const char          *queue);

G_END_DECLS
