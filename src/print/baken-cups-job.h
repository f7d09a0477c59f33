/* baken-cups-job.h: one print job (or printer check) against cupsd (baken-cups-job.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Copied on the calling thread: the worker never touches the printer object's fields. */
typedef struct
{
  char    *printer;   /* (nullable) NULL: the default destination */
  char    *server;    /* (nullable) NULL: CUPS_SERVER, client.conf or the local socket */
  guint    timeout;   /* seconds for all of it */
  GBytes  *pdf;       /* (nullable) NULL for a check */
  /* (element-type BakenPrinterMarker): the supplies the printer reported, filled by
   * the run (also when it fails after asking the printer) */
  GPtrArray *markers;
} BakenCupsJob;

void     baken_cups_job_free (BakenCupsJob  *job);

/* Blocking, on a worker thread: checks the printer and prints pdf (when set) within
 * timeout seconds. A BAKEN_PRINT_ERROR says what went wrong; cancellable cancels. */
gboolean baken_cups_job_run  (BakenCupsJob  *job,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
