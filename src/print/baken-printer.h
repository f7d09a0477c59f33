/* baken-printer.h: where slips go — an interface with a CUPS and a folder implementation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A printer takes the PDF of a slip and reports, asynchronously, whether it came out.
 * All the work (connecting, waiting for the job) runs in a GTask thread; the UI thread
 * only starts the call and gets the result. Failures are GErrors in BAKEN_PRINT_ERROR
 * whose code is the BakenPrintState a resident is told about; error->message carries
 * the technical detail for the log and for staff. A cancelled call (GCancellable) ends
 * with G_IO_ERROR_CANCELLED after any job it started was cancelled too.
 */
#pragma once

#include <gio/gio.h>

#include "baken-printer-marker.h"

G_BEGIN_DECLS

/* What went wrong, as a resident and the desk need to know it. */
typedef enum {
  BAKEN_PRINT_STATE_OK,            /* printed (submit) or ready (check) */
  BAKEN_PRINT_STATE_NO_PRINTER,    /* none configured and no default, or no such queue */
  BAKEN_PRINT_STATE_CUPSD_DOWN,    /* the print service does not answer */
  BAKEN_PRINT_STATE_STOPPED,       /* stopped, paused or not accepting jobs */
  BAKEN_PRINT_STATE_MEDIA_EMPTY,   /* media-empty, media-needed: out of paper */
  BAKEN_PRINT_STATE_MEDIA_JAM,     /* media-jam */
  BAKEN_PRINT_STATE_OFFLINE,       /* offline: not connected or switched off */
  BAKEN_PRINT_STATE_COVER_OPEN,    /* cover-open, door-open */
  BAKEN_PRINT_STATE_TIMED_OUT,     /* not printed within the timeout: the job was cancelled */
  BAKEN_PRINT_STATE_FAILED,        /* any other failure (job aborted, refused, I/O) */
} BakenPrintState;

#define BAKEN_PRINT_ERROR (baken_print_error_quark ())

/* Error codes are BakenPrintState values other than BAKEN_PRINT_STATE_OK. */
GQuark           baken_print_error_quark           (void);

/* "ok", "no-printer", "cupsd-down", "stopped", "media-empty", "media-jam", "offline",
 * "cover-open", "timed-out", "failed": for logs and the print log. */
const char      *baken_print_state_to_string       (BakenPrintState  state);
/* One plain sentence for the resident in the current gettext language, such as
 * "Het papier van de printer is op." (the screen adds what to do: ask at the desk, or
 * scan the QR code). NULL for BAKEN_PRINT_STATE_OK. */
const char      *baken_print_state_get_message     (BakenPrintState  state);
/* The state an error stands for: OK for NULL, the code for BAKEN_PRINT_ERROR, FAILED for
 * anything else. */
BakenPrintState  baken_print_state_from_error      (const GError    *error);

/* Matches one IPP printer-state-reasons keyword, with or without its -error, -warning
 * or -report suffix, to the state it causes; BAKEN_PRINT_STATE_OK for reasons that do
 * not stop a slip ("none", "media-low-warning", …). */
BakenPrintState  baken_print_state_from_reason     (const char      *reason);
/* The worst state among several reasons (jam, paper, cover, offline, paused, in that
 * order); OK when none of them stops printing. */
BakenPrintState  baken_print_state_from_reasons    (const char * const *reasons);

#define BAKEN_TYPE_PRINTER (baken_printer_get_type ())
G_DECLARE_INTERFACE (BakenPrinter, baken_printer, BAKEN, PRINTER, GObject)

struct _BakenPrinterInterface
{
  GTypeInterface parent_iface;

  void     (*check_async)   (BakenPrinter         *self,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
  gboolean (*check_finish)  (BakenPrinter         *self,
                             GAsyncResult         *result,
                             GError              **error);
  void     (*submit_async)  (BakenPrinter         *self,
                             GBytes               *pdf,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
  gboolean (*submit_finish) (BakenPrinter         *self,
                             GAsyncResult         *result,
                             GError              **error);
  /* (optional) the supplies a finished check found */
  GPtrArray *(*check_markers) (BakenPrinter       *self,
                               GAsyncResult       *result);
};

/* Is the printer there and ready? Prints nothing. For the "Print" button (show the QR
 * code at once when printing cannot work) and the staff status page. */
void     baken_printer_check_async   (BakenPrinter         *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean baken_printer_check_finish  (BakenPrinter         *self,
                                      GAsyncResult         *result,
                                      GError              **error);
/* After baken_printer_check_finish (), also when the check failed: the printer's
 * supplies as it reported them (element-type BakenPrinterMarker, transfer full), at most
 * BAKEN_PRINTER_MARKERS_MAX; empty when it reports none. */
GPtrArray *baken_printer_check_get_markers (BakenPrinter   *self,
                                            GAsyncResult   *result);

/* Prints the PDF and returns when it has printed (TRUE), or with the reason it did not
 * (then nothing will print later: a job that was started is cancelled). */
void     baken_printer_submit_async  (BakenPrinter         *self,
                                      GBytes               *pdf,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean baken_printer_submit_finish (BakenPrinter         *self,
                                      GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
