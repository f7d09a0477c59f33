/* baken-notify.h: telling the service manager that the kiosk is up and alive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sd_notify protocol without libsystemd: one datagram per message to the socket in
 * $NOTIFY_SOCKET. The kiosk unit runs Baken with WatchdogSec: the main loop sends
 * "WATCHDOG=1" on a timer, so a main loop that hangs (a frozen query, a deadlock, a
 * stuck driver) stops pinging and systemd restarts the kiosk.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sends state ("READY=1", "WATCHDOG=1", "STATUS=…") when $NOTIFY_SOCKET is set. FALSE
 * (and nothing sent) when it is not set or the send failed. */
gboolean baken_notify          (const char *state);

/* How often to ping the watchdog: half of $WATCHDOG_USEC when that is set for this
 * process ($WATCHDOG_PID absent, ours, or our parent's: the compositor that started
 * us), else 0. In milliseconds. */
guint    baken_notify_watchdog_interval_ms (void);

G_END_DECLS
