/* baken-cups-deadline.h: one deadline over every libcups call of a print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcups gives up on a request only after a stretch without any byte (httpSetTimeout),
 * so a server that trickles its headers keeps a call waiting for ever. A
 * BakenCupsDeadline has a thread of its own that, at the deadline or when the
 * GCancellable fires, trips: it cancels a connect in progress (httpConnect2's cancel
 * flag) and shuts the watched connection's socket down, so the libcups call that waits
 * on it fails at once, whatever the server does. After a trip, every call on the
 * connection fails until baken_cups_deadline_rearm () gives a new end (to cancel the
 * job that was created, say).
 *
 * Connect and reconnect through it, so it knows the connection and its socket; forget
 * the connection before closing it. A reconnect that libcups makes by itself inside a
 * request (after "Connection: close") is not seen: a trip during it may shut down a
 * socket number in the instant between its close and the new connect.
 */
#pragma once

#include <cups/cups.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  BAKEN_CUPS_TRIP_NONE,
  BAKEN_CUPS_TRIP_DEADLINE,
  BAKEN_CUPS_TRIP_CANCELLED,
} BakenCupsTrip;

typedef struct _BakenCupsDeadline BakenCupsDeadline;

/* Trips at end (g_get_monotonic_time () µs), or when cancellable (nullable) fires. */
BakenCupsDeadline *baken_cups_deadline_new       (gint64              end,
                                                  GCancellable       *cancellable);
void               baken_cups_deadline_free      (BakenCupsDeadline  *self);

/* httpConnect2 within at most connect_ms and the time left; the connection is watched.
 * NULL when it fails or the deadline has tripped (cupsLastErrorString () says why). */
http_t            *baken_cups_deadline_connect   (BakenCupsDeadline  *self,
                                                  const char         *host,
                                                  int                 port,
                                                  int                 connect_ms);
/* httpReconnect2 of the watched connection, within at most connect_ms and the time left. */
gboolean           baken_cups_deadline_reconnect (BakenCupsDeadline  *self,
                                                  int                 connect_ms);
/* Stops watching the connection (before httpClose). */
void               baken_cups_deadline_forget    (BakenCupsDeadline  *self);

/* What tripped it, or BAKEN_CUPS_TRIP_NONE. */
BakenCupsTrip      baken_cups_deadline_get_trip  (BakenCupsDeadline  *self);
/* Untrips it, with a new end. */
void               baken_cups_deadline_rearm     (BakenCupsDeadline  *self,
                                                  gint64              end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenCupsDeadline, baken_cups_deadline_free)

G_END_DECLS
