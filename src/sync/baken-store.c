/* baken-store.c: the bundles on disk, and the atomic switch between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "baken-store.h"
#include "baken-bundle.h"
#include "baken-manifest.h"

G_DEFINE_QUARK (baken-store-error-quark, baken_store_error)

struct _BakenStore
{
  GObject  parent_instance;

  char    *dir;           /* (owned) */
  char    *staging_dir;   /* (owned) */
  char    *bundles_dir;   /* (owned) */
  char    *pointer_path;  /* (owned) */
  char    *pointer_tmp;   /* (owned) */
};

G_DEFINE_FINAL_TYPE (BakenStore, baken_store, G_TYPE_OBJECT)

#ifdef BAKEN_FAULT_INJECTION
void
baken_fault_point (const char *step)
{
  static gint count = 0;
  static gint target = -1;
  static gsize initialised = 0;
  gint n;

  if (g_once_init_enter (&initialised))
    {
      const char *value = g_getenv ("BAKEN_FAULT_POINT");

      target = value != NULL ? atoi (value) : -1;
      g_once_init_leave (&initialised, 1);
    }

  n = g_atomic_int_add (&count, 1) + 1;
  if (g_getenv ("BAKEN_FAULT_TRACE") != NULL)
    g_printerr ("fault point %d: %s\n", n, step);
  if (n == target)
    {
      raise (SIGKILL);
      _exit (137);
    }
}
#else
void
baken_fault_point (const char *step)
{
}
#endif

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what,
                 const char  *path)
{
  BakenStoreError code = (saved_errno == ENOSPC || saved_errno == EFBIG ||
                          saved_errno == EDQUOT) ? BAKEN_STORE_ERROR_NO_SPACE
                                                 : BAKEN_STORE_ERROR_IO;

  g_set_error (error, BAKEN_STORE_ERROR, code, "Cannot %s %s: %s",
               what, path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
  int saved_errno;

  if (fd < 0)
    return set_errno_error (error, errno, "open", path);
  if (fsync (fd) < 0)
    {
      saved_errno = errno;
      close (fd);
      return set_errno_error (error, saved_errno, "sync", path);
    }
  close (fd);

  return TRUE;
}

/* Removes path and, for a folder, everything in it, never following a symlink. */
static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  struct stat st;

  if (lstat (path, &st) < 0)
    {
      if (errno == ENOENT)
        return TRUE;
      return set_errno_error (error, errno, "inspect", path);
    }

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir == NULL)
        return set_errno_error (error, errno, "read", path);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!remove_tree (child, error))
            return FALSE;
        }
      if (rmdir (path) < 0)
        return set_errno_error (error, errno, "remove", path);
    }
  else if (unlink (path) < 0 && errno != ENOENT)
    return set_errno_error (error, errno, "remove", path);

  return TRUE;
}

static gboolean
make_dir (const char  *path,
          GError     **error)
{
  if (g_mkdir_with_parents (path, 0755) < 0)
    return set_errno_error (error, errno, "create", path);

  return TRUE;
}

static gboolean
parse_serial (const char *text,
              guint64    *serial)
{
  return g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, serial, NULL);
}

static int
compare_serials_descending (gconstpointer a,
                            gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* fsyncs every regular file directly in dir, then dir itself. */
static gboolean
sync_folder (const char  *path,
             GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return set_errno_error (error, errno, "read", path);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!fsync_path (child, FALSE, error))
        return FALSE;
    }

  return fsync_path (path, TRUE, error);
}

static gboolean
write_pointer (BakenStore  *self,
               guint64      current,
               guint64      previous,
               GError     **error)
{
  g_autofree char *text = NULL;
  gsize length, done = 0;
  int fd;

  if (current == 0)
    {
      /* Nothing installed: no pointer at all. */
      if (unlink (self->pointer_path) < 0 && errno != ENOENT)
        return set_errno_error (error, errno, "remove", self->pointer_path);
      return fsync_path (self->dir, TRUE, error);
    }

  text = g_strdup_printf ("current %" G_GUINT64_FORMAT "\nprevious %" G_GUINT64_FORMAT "\n",
                          current, previous);
  length = strlen (text);

  fd = open (self->pointer_tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_errno_error (error, errno, "create", self->pointer_tmp);
  while (done < length)
    {
      gssize n = write (fd, text + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          unlink (self->pointer_tmp);
          return set_errno_error (error, saved_errno, "write", self->pointer_tmp);
        }
      done += n;
    }
  baken_fault_point ("pointer written");
  if (fsync (fd) < 0)
    {
      int saved_errno = errno;

      close (fd);
      unlink (self->pointer_tmp);
      return set_errno_error (error, saved_errno, "sync", self->pointer_tmp);
    }
  close (fd);
  baken_fault_point ("pointer synced");

  if (rename (self->pointer_tmp, self->pointer_path) < 0)
    {
      int saved_errno = errno;

      unlink (self->pointer_tmp);
      return set_errno_error (error, saved_errno, "replace", self->pointer_path);
    }
  baken_fault_point ("pointer renamed");

  if (!fsync_path (self->dir, TRUE, error))
    return FALSE;
  baken_fault_point ("pointer folder synced");

  return TRUE;
}

static void
baken_store_finalize (GObject *object)
{
  BakenStore *self = BAKEN_STORE (object);

  g_free (self->dir);
  g_free (self->staging_dir);
  g_free (self->bundles_dir);
  g_free (self->pointer_path);
  g_free (self->pointer_tmp);

  G_OBJECT_CLASS (baken_store_parent_class)->finalize (object);
}

static void
baken_store_class_init (BakenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = baken_store_finalize;
}

static void
baken_store_init (BakenStore *self)
{
}

BakenStore *
baken_store_new (const char  *dir,
                 GError     **error)
{
  g_autoptr(BakenStore) self = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  self = g_object_new (BAKEN_TYPE_STORE, NULL);
  self->dir = g_canonicalize_filename (dir, NULL);
  self->staging_dir = g_build_filename (self->dir, "staging", NULL);
  self->bundles_dir = g_build_filename (self->dir, "bundles", NULL);
  self->pointer_path = g_build_filename (self->dir, "current", NULL);
  self->pointer_tmp = g_build_filename (self->dir, "current.tmp", NULL);

  if (!make_dir (self->staging_dir, error) || !make_dir (self->bundles_dir, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
baken_store_get_dir (BakenStore *self)
{
  g_return_val_if_fail (BAKEN_IS_STORE (self), NULL);

  return self->dir;
}

const char *
baken_store_get_staging_dir (BakenStore *self)
{
  g_return_val_if_fail (BAKEN_IS_STORE (self), NULL);

  return self->staging_dir;
}

char *
baken_store_get_state_path (BakenStore *self)
{
  g_return_val_if_fail (BAKEN_IS_STORE (self), NULL);

  return g_build_filename (self->dir, "state.sqlite", NULL);
}

char *
baken_store_get_bundle_dir (BakenStore *self,
                            guint64     serial)
{
  g_autofree char *name = g_strdup_printf ("%" G_GUINT64_FORMAT, serial);

  g_return_val_if_fail (BAKEN_IS_STORE (self), NULL);

  return g_build_filename (self->bundles_dir, name, NULL);
}

char *
baken_store_get_content_path (BakenStore *self,
                              guint64     serial)
{
  g_autofree char *dir = baken_store_get_bundle_dir (self, serial);
  g_autofree char *name = g_strdup_printf ("content-%" G_GUINT64_FORMAT ".sqlite", serial);

  return g_build_filename (dir, name, NULL);
}

gboolean
baken_store_read_pointer (BakenStore  *self,
                          guint64     *current,
                          guint64     *previous,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint64 cur, prev;

  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);

  *current = *previous = 0;
  if (!g_file_get_contents (self->pointer_path, &text, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_IO,
                   "Cannot read %s: %s", self->pointer_path, local_error->message);
      return FALSE;
    }

  lines = g_strsplit (text, "\n", -1);
  if (g_strv_length (lines) != 3 || lines[2][0] != '\0' ||
      !g_str_has_prefix (lines[0], "current ") || !g_str_has_prefix (lines[1], "previous ") ||
      !parse_serial (lines[0] + strlen ("current "), &cur) || cur == 0 ||
      !parse_serial (lines[1] + strlen ("previous "), &prev) || prev == cur)
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT,
                   "%s is damaged", self->pointer_path);
      return FALSE;
    }

  *current = cur;
  *previous = prev;
  return TRUE;
}

gboolean
baken_store_clear_staging (BakenStore  *self,
                           GError     **error)
{
  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);

  return remove_tree (self->staging_dir, error) && make_dir (self->staging_dir, error);
}

gboolean
baken_store_install (BakenStore  *self,
                     guint64      serial,
                     GError     **error)
{
  g_autofree char *dest = NULL;
  guint64 current, previous;

  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (serial > 0, FALSE);

  if (!baken_store_read_pointer (self, &current, &previous, error))
    return FALSE;
  if (serial == previous)
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_IO,
                   "Bundle %" G_GUINT64_FORMAT " is already installed", serial);
      return FALSE;
    }

  if (!sync_folder (self->staging_dir, error))
    return FALSE;
  baken_fault_point ("staging synced");

  /* A leftover of a crash before the pointer changed (never current, safe to replace), or
   * the current bundle taken again because it no longer verifies: a crash before the
   * rename below leaves a pointer to a missing bundle, which reconcile falls back from. */
  dest = baken_store_get_bundle_dir (self, serial);
  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      if (!remove_tree (dest, error) || !fsync_path (self->bundles_dir, TRUE, error))
        return FALSE;
      baken_fault_point ("leftover removed");
    }

  if (rename (self->staging_dir, dest) < 0)
    return set_errno_error (error, errno, "move the staged bundle to", dest);
  baken_fault_point ("bundle moved");

  if (!fsync_path (self->bundles_dir, TRUE, error))
    return FALSE;
  baken_fault_point ("bundles synced");

  if (!write_pointer (self, serial, serial == current ? previous : current, error))
    return FALSE;

  if (!make_dir (self->staging_dir, error))
    return FALSE;
  baken_fault_point ("staging recreated");

  return TRUE;
}

gboolean
baken_store_fall_back (BakenStore  *self,
                       GError     **error)
{
  guint64 current, previous;

  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);

  if (!baken_store_read_pointer (self, &current, &previous, error))
    return FALSE;
  if (previous == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "There is no previous bundle to fall back to");
      return FALSE;
    }

  return write_pointer (self, previous, 0, error);
}

gboolean
baken_store_clean_up (BakenStore  *self,
                      GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  guint64 current, previous;
  const char *name;
  gboolean removed = FALSE;

  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);

  if (!baken_store_read_pointer (self, &current, &previous, error))
    return FALSE;

  if (unlink (self->pointer_tmp) < 0 && errno != ENOENT)
    return set_errno_error (error, errno, "remove", self->pointer_tmp);

  dir = g_dir_open (self->bundles_dir, 0, NULL);
  if (dir == NULL)
    return set_errno_error (error, errno, "read", self->bundles_dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      guint64 serial;

      if (parse_serial (name, &serial) && serial != 0 &&
          (serial == current || serial == previous))
        continue;

      {
        g_autofree char *path = g_build_filename (self->bundles_dir, name, NULL);

        if (!remove_tree (path, error))
          return FALSE;
        removed = TRUE;
        baken_fault_point ("old bundle removed");
      }
    }

  return !removed || fsync_path (self->bundles_dir, TRUE, error);
}

GArray *
baken_store_list_bundles (BakenStore  *self,
                          GError     **error)
{
  g_autoptr(GArray) serials = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (BAKEN_IS_STORE (self), NULL);

  dir = g_dir_open (self->bundles_dir, 0, NULL);
  if (dir == NULL)
    return set_errno_error (error, errno, "read", self->bundles_dir), NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      guint64 serial;

      if (parse_serial (name, &serial) && serial != 0)
        g_array_append_val (serials, serial);
    }
  g_array_sort (serials, compare_serials_descending);

  return g_steal_pointer (&serials);
}

const char *
baken_store_get_pointer_path (BakenStore *self)
{
  g_return_val_if_fail (BAKEN_IS_STORE (self), NULL);

  return self->pointer_path;
}

gboolean
baken_store_write_pointer (BakenStore  *self,
                           guint64      current,
                           guint64      previous,
                           GError     **error)
{
  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);

  return write_pointer (self, current, previous, error);
}
