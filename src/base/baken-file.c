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
  return baken_file_read_at (AT_FDCWD, path, path, max_size, contents, length, error);
}

gboolean
baken_file_read_at (int          dir_fd,
                    const char  *name,
                    const char  *path,
                    gsize        max_size,
                    char       **contents,
                    gsize       *length,
                    GError     **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize used = 0;
  int fd;

  g_return_val_if_fail (name != NULL && path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
  do
    fd = openat (dir_fd, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  while (fd < 0 && errno == EINTR);
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
      used += (gsize) got;
      /* A regular file reads short only at its end: no second call to learn that. */
      if (got == 0 || (gsize) got < room)
        break;
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
