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

/* Takes NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID out of the environment and keeps
 * them for this process alone. Call it first thing in main (): a child started later
 * (a D-Bus daemon the session autolaunches, espeak, the icon checker) would otherwise
 * inherit them, and with NotifyAccess=all systemd believes its READY=1. */
void     baken_notify_take_environment (void);

/* Sends state ("READY=1", "WATCHDOG=1", "STATUS=…") when $NOTIFY_SOCKET is (or was, see
 * baken_notify_take_environment ()) set. FALSE (and nothing sent) when it is not set or
 * the send failed. */
gboolean baken_notify          (const char *state);

/* How often to ping the watchdog: half of $WATCHDOG_USEC when that is set for this
 * process ($WATCHDOG_PID absent, ours, or our parent's: the compositor that started
 * us), else 0. In milliseconds. */
guint    baken_notify_watchdog_interval_ms (void);

G_END_DECLS
