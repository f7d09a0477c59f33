/* baken-notify.c: telling the service manager that the kiosk is up and alive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-notify"

#include "config.h"

#include "baken-notify.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* What baken_notify_take_environment () took; read once, then never written. */
static char *taken_socket;
static char *taken_usec;
static char *taken_pid;
static gboolean taken;

void
baken_notify_take_environment (void)
{
  taken_socket = g_strdup (g_getenv ("NOTIFY_SOCKET"));
  taken_usec = g_strdup (g_getenv ("WATCHDOG_USEC"));
  taken_pid = g_strdup (g_getenv ("WATCHDOG_PID"));
  taken = TRUE;
  g_unsetenv ("NOTIFY_SOCKET");
  g_unsetenv ("WATCHDOG_USEC");
  g_unsetenv ("WATCHDOG_PID");
}

static const char *
get_variable (const char *name,
              const char *taken_value)
{
  return taken ? taken_value : g_getenv (name);
}

gboolean
baken_notify (const char *state)
{
  const char *path = get_variable ("NOTIFY_SOCKET", taken_socket);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  socklen_t length;
  gsize path_length;
  gssize sent;
  int fd;

  g_return_val_if_fail (state != NULL, FALSE);

  if (path == NULL || (path[0] != '/' && path[0] != '@'))
    return FALSE;
  path_length = strlen (path);
  if (path_length >= sizeof (address.sun_path))
    return FALSE;

  memcpy (address.sun_path, path, path_length);
  /* "@name" is a socket in the abstract namespace. */
  if (path[0] == '@')
    address.sun_path[0] = '\0';
  length = (socklen_t) (offsetof (struct sockaddr_un, sun_path) + path_length);

  fd = socket (AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;
  sent = sendto (fd, state, strlen (state), MSG_NOSIGNAL,
                 (const struct sockaddr *) &address, length);
  close (fd);

  return sent == (gssize) strlen (state);
}

guint
baken_notify_watchdog_interval_ms (void)
{
  const char *usec = get_variable ("WATCHDOG_USEC", taken_usec);
  const char *pid = get_variable ("WATCHDOG_PID", taken_pid);
  guint64 value;

  if (usec == NULL || !g_ascii_string_to_unsigned (usec, 10, 1, G_MAXUINT64, &value, NULL))
    return 0;
  /* Meant for us, or for the compositor that started us (cage is the unit's main
   * process and Baken its child; the unit says NotifyAccess=all). */
  if (pid != NULL && g_ascii_strtoull (pid, NULL, 10) != (guint64) getpid () &&
      g_ascii_strtoull (pid, NULL, 10) != (guint64) getppid ())
    return 0;

  /* Twice per period, as sd_watchdog_enabled (3) advises. */
  return (guint) MIN (value / 2000, G_MAXUINT);
}
