/* baken-deadline.h: a wall-clock deadline that cancels, whatever the work is doing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A check of the time between reads only works while reads return: a server that
 * trickles its headers, or accepts and never answers, keeps a read (or a TLS handshake,
 * or a DNS lookup) waiting, and every byte restarts a stall timeout. A BakenDeadline
 * cancels its GCancellable at a monotonic time from a thread of its own, so the blocking
 * call that takes the cancellable returns at the deadline. It also cancels when the
 * caller's cancellable does.
 *
 * Thread-safe. Free it when the work is over: that stops the timer.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _BakenDeadline BakenDeadline;

/* Cancels at end (g_get_monotonic_time () µs), or when parent (nullable) is cancelled. */
BakenDeadline *baken_deadline_new             (gint64         end,
                                               GCancellable  *parent);
void           baken_deadline_free            (BakenDeadline *self);

/* The cancellable to hand to the work (transfer none). */
GCancellable  *baken_deadline_get_cancellable (BakenDeadline *self);
/* The end it was made with, in monotonic µs. */
gint64         baken_deadline_get_end         (BakenDeadline *self);
/* Whether the deadline (not the parent) cancelled it. */
gboolean       baken_deadline_has_expired     (BakenDeadline *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenDeadline, baken_deadline_free)

G_END_DECLS
