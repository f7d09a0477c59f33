/* baken-file.c: reading a file that may be hostile, with a size cap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-file"

#include "config.h"

#include "baken-file.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

static char *
format_size (gsize size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

gboolean
baken_file_read (const char  *path,
                 gsize        max_size,
                 char       **contents,
                 gsize       *length,
                 GError     **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize used = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: cannot open it (%s)", path, g_strerror (saved));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   "%s is not a regular file (a directory, FIFO or device?); give the path "
                   "of a file", path);
      close (fd);
      return FALSE;
    }

  if ((guint64) st.st_size > max_size)
    {
      g_autofree char *size = format_size ((gsize) st.st_size);
      g_autofree char *cap = format_size (max_size);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   "%s is %s; a file of this kind may be at most %s", path, size, cap);
      close (fd);
      return FALSE;
    }

  /* The size may change while we read: never read past the cap. */
  buffer = g_malloc ((gsize) st.st_size + 2);
  for (;;)
    {
      gsize room = (gsize) st.st_size + 1 - used;
      gssize got;

      if (room == 0)
        break;
      got = read (fd, buffer + used, room);
      if (got < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (got < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "%s: cannot read it (%s)", path, g_strerror (saved));
          close (fd);
          return FALSE;
        }
      if (got == 0)
        break;
      used += (gsize) got;
    }
  close (fd);

  if (used > (gsize) st.st_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   "%s grew while it was read; try again when it is complete", path);
      return FALSE;
    }

  buffer[used] = '\0';
  if (length != NULL)
    *length = used;
  *contents = g_steal_pointer (&buffer);

  return TRUE;
}
