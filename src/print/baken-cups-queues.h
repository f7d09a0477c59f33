/* baken-cups-queues.h: the print queues a cupsd offers, for the desk to choose from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of the module baken-print-cups (libcups); the kiosk reaches it through
 * baken_printer_loader_list_queues_async ().
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Queues at most listed: a cupsd may answer with any number. */
#define BAKEN_CUPS_QUEUES_MAX 64

/* Blocking, on a worker thread: the names of the queues of cupsd at server (nullable:
 * what libcups would use), sorted, within timeout seconds whatever the server does;
 * *default_queue (nullable) gets the CUPS default or NULL. A name that is not a valid
 * queue name (UTF-8, at most 127 bytes, no space, "/" or "#", no control character) is
 * left out. A BAKEN_PRINT_ERROR says what went wrong. */
GStrv baken_cups_list_queues (const char    *server,
                              guint          timeout,
                              GCancellable  *cancellable,
                              char         **default_queue,
                              GError       **error);

G_END_DECLS
