/* enospc-shim.c: a full disk on cue, for the tests that need one (LD_PRELOAD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No real part of the system runs out of disk space at a chosen byte, so this shim
 * does. Files are watched when their path (as opened) contains BAKEN_ENOSPC_MATCH; once
 * the process has written BAKEN_ENOSPC_AFTER bytes to watched files, the next write is
 * cut short and every later write, pwrite, writev, fsync and fdatasync on a watched file
 * fails with ENOSPC, as on a full file system. Without both variables it does nothing.
 * A test process that is itself preloaded sets the limit with baken_enospc_set ()
 * (looked up with dlsym), so only the calls it means run out of space.
 */
/* Both the plain and the 64-bit names are defined here, so the headers must not map
 * one onto the other. */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_FDS 4096

static unsigned char watched[MAX_FDS];
static char match[1024];
static long long budget = -1;   /* bytes left; -1: no limit */
static int initialised;

void baken_enospc_set (const char *pattern,
                       long long   after);

void
baken_enospc_set (const char *pattern,
                  long long   after)
{
  initialised = 1;
  if (pattern == NULL || after < 0)
    {
      budget = -1;
      match[0] = '\0';
      return;
    }
  strncpy (match, pattern, sizeof match - 1);
  match[sizeof match - 1] = '\0';
  budget = after;
}

static void
init (void)
{
  const char *pattern, *after;

  if (initialised)
    return;
  initialised = 1;
  pattern = getenv ("BAKEN_ENOSPC_MATCH");
  after = getenv ("BAKEN_ENOSPC_AFTER");
  if (pattern != NULL && after != NULL)
    baken_enospc_set (pattern, atoll (after));
}

static int
opened (int         fd,
        const char *path)
{
  init ();
  if (fd >= 0 && fd < MAX_FDS)
    {
      size_t length = path != NULL ? strlen (path) : 0;

      watched[fd] = budget >= 0 && path != NULL && match[0] != '\0' &&
                    strstr (path, match) != NULL &&
                    !(length > 4 && strcmp (path + length - 4, "-shm") == 0);
    }
  return fd;
}

static int
is_watched (int fd)
{
  init ();
  return budget >= 0 && fd >= 0 && fd < MAX_FDS && watched[fd];
}

/* How much of n may be written: all of it, part of it (the disk fills up), or nothing
 * (-1 with errno ENOSPC). */
static ssize_t
allow (int    fd,
       size_t n)
{
  if (!is_watched (fd) || n == 0)
    return (ssize_t) n;
  if (budget == 0)
    {
      errno = ENOSPC;
      return -1;
    }
  if ((long long) n > budget)
    n = (size_t) budget;
  budget -= (long long) n;
  return (ssize_t) n;
}

#define REAL(name) \
  static __typeof__ (name) *real; \
  if (real == NULL) \
    real = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

static mode_t
mode_of (int    flags,
         va_list args)
{
  return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? va_arg (args, mode_t) : 0;
}

int
open (const char *path,
      int         flags,
      ...)
{
  va_list args;
  mode_t mode;
  REAL (open);

  va_start (args, flags);
  mode = mode_of (flags, args);
  va_end (args);
  return opened (real (path, flags, mode), path);
}

int
open64 (const char *path,
        int         flags,
        ...)
{
  va_list args;
  mode_t mode;
  REAL (open64);

  va_start (args, flags);
  mode = mode_of (flags, args);
  va_end (args);
  return opened (real (path, flags, mode), path);
}

int
openat (int         dir,
        const char *path,
        int         flags,
        ...)
{
  va_list args;
  mode_t mode;
  REAL (openat);

  va_start (args, flags);
  mode = mode_of (flags, args);
  va_end (args);
  return opened (real (dir, path, flags, mode), path);
}

int
openat64 (int         dir,
          const char *path,
          int         flags,
          ...)
{
  va_list args;
  mode_t mode;
  REAL (openat64);

  va_start (args, flags);
  mode = mode_of (flags, args);
  va_end (args);
  return opened (real (dir, path, flags, mode), path);
}

int
close (int fd)
{
  REAL (close);

  if (fd >= 0 && fd < MAX_FDS)
    watched[fd] = 0;
  return real (fd);
}

ssize_t
write (int         fd,
       const void *data,
       size_t      n)
{
  ssize_t allowed = allow (fd, n);
  REAL (write);

  return allowed < 0 ? -1 : real (fd, data, (size_t) allowed);
}

ssize_t
pwrite (int         fd,
        const void *data,
        size_t      n,
        off_t       offset)
{
  ssize_t allowed = allow (fd, n);
  REAL (pwrite);

  return allowed < 0 ? -1 : real (fd, data, (size_t) allowed, offset);
}

ssize_t
pwrite64 (int         fd,
          const void *data,
          size_t      n,
          off64_t     offset)
{
  ssize_t allowed = allow (fd, n);
  REAL (pwrite64);

  return allowed < 0 ? -1 : real (fd, data, (size_t) allowed, offset);
}

ssize_t
writev (int                 fd,
        const struct iovec *iov,
        int                 count)
{
  size_t total = 0;
  REAL (writev);

  for (int i = 0; i < count; i++)
    total += iov[i].iov_len;
  /* All or nothing: GLib and SQLite write single buffers; a partial vector is not
   * worth the code. */
  if (is_watched (fd) && (long long) total > budget)
    {
      budget = 0;
      errno = ENOSPC;
      return -1;
    }
  if (is_watched (fd))
    budget -= (long long) total;
  return real (fd, iov, count);
}

int
fsync (int fd)
{
  REAL (fsync);

  if (is_watched (fd) && budget == 0)
    {
      errno = ENOSPC;
      return -1;
    }
  return real (fd);
}

int
fdatasync (int fd)
{
  REAL (fdatasync);

  if (is_watched (fd) && budget == 0)
    {
      errno = ENOSPC;
      return -1;
    }
  return real (fd);
}
