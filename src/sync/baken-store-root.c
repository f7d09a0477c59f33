/* baken-store-root.c: the root keys documents this kiosk took, on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-store"

#include "config.h"

#include "baken-store-root.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "baken-file.h"

#define NEW_NAME ".new"

static gboolean
errno_error (GError     **error,
             int          saved_errno,
             const char  *what,
             const char  *path)
{
  g_set_error (error, BAKEN_STORE_ERROR,
               saved_errno == ENOSPC || saved_errno == EFBIG || saved_errno == EDQUOT
               ? BAKEN_STORE_ERROR_NO_SPACE : BAKEN_STORE_ERROR_IO,
               "Cannot %s %s: %s", what, path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
sync_dir (const char  *path,
          GError     **error)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved_errno;

  if (fd < 0)
    return errno_error (error, errno, "open", path);
  if (fsync (fd) < 0)
    {
      saved_errno = errno;
      close (fd);
      return errno_error (error, saved_errno, "sync", path);
    }
  close (fd);
  return TRUE;
}

/* Writes bytes to dir/name and fsyncs it. */
static gboolean
write_synced (const char  *dir,
              const char  *name,
              GBytes      *bytes,
              GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize length, done = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  int fd, saved_errno;

  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0)
    return errno_error (error, errno, "create", path);
  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed;
      done += n;
    }
  if (fsync (fd) < 0)
    goto failed;
  close (fd);
  return TRUE;

failed:
  saved_errno = errno;
  close (fd);
  g_unlink (path);
  return errno_error (error, saved_errno, "write", path);
}

/* Removes a folder of plain files (a root's), never following a symlink. */
static gboolean
remove_folder (const char  *path,
               GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return !g_file_test (path, G_FILE_TEST_EXISTS) || g_unlink (path) == 0 ||
           errno_error (error, errno, "remove", path);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_unlink (child) < 0 && errno != ENOENT)
        return errno_error (error, errno, "remove", child);
    }
  if (g_rmdir (path) < 0 && errno != ENOENT)
    return errno_error (error, errno, "remove", path);
  return TRUE;
}

/* The root stored in dir; NULL without error when dir holds no keys.json. */
static BakenRoot *
read_root (const char  *dir,
           GError     **error)
{
  g_autofree char *path = g_build_filename (dir, BAKEN_ROOT_NAME, NULL);
  g_autofree char *sig_path = g_build_filename (dir, BAKEN_ROOT_SIGNATURES_NAME, NULL);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) signatures = NULL;
  char *text = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
    return NULL;
  if (!baken_file_read (path, BAKEN_ROOT_MAX_SIZE, &text, &length, error))
    return NULL;
  data = g_bytes_new_take (text, length);
  if (!baken_file_read (sig_path, BAKEN_ROOT_MAX_SIGNATURES_SIZE, &text, &length, error))
    return NULL;
  signatures = g_bytes_new_take (text, length);

  return baken_root_verify_stored (path, data, signatures, error);
}

/* The newest root that verifies among the folders in parent (all of them, or only
 * those named by a number). */
static void
find_newest (const char  *parent,
             BakenRoot  **best,
             char       **best_dir)
{
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BakenRoot) root = NULL;

      if (name[0] == '.')
        continue;
      path = g_build_filename (parent, name, NULL);
      root = read_root (path, &error);
      if (root == NULL)
        {
          if (error != NULL)
            g_message ("A stored root keys document is not used: %s", error->message);
          continue;
        }
      if (*best == NULL || root->version > (*best)->version)
        {
          g_clear_pointer (best, baken_root_unref);
          g_free (*best_dir);
          *best = g_steal_pointer (&root);
          *best_dir = g_steal_pointer (&path);
        }
    }
}

/* Public API */

gboolean
baken_store_write_root_files (const char  *dir,
                              BakenRoot   *root,
                              GError     **error)
{
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (root != NULL, FALSE);

  if (root->version == 0)
    return TRUE;
  g_return_val_if_fail (root->data != NULL && root->signatures != NULL, FALSE);

  return write_synced (dir, BAKEN_ROOT_NAME, root->data, error) &&
         write_synced (dir, BAKEN_ROOT_SIGNATURES_NAME, root->signatures, error);
}

BakenRoot *
baken_store_load_root (BakenStore  *self,
                       BakenRoot   *anchor,
                       GError     **error)
{
  g_autofree char *roots = NULL;
  g_autofree char *bundles = NULL;
  g_autoptr(BakenRoot) stored = NULL;
  g_autoptr(BakenRoot) copy = NULL;
  g_autofree char *stored_dir = NULL;
  g_autofree char *copy_dir = NULL;

  g_return_val_if_fail (BAKEN_IS_STORE (self), NULL);
  g_return_val_if_fail (anchor != NULL, NULL);

  roots = g_build_filename (baken_store_get_dir (self), BAKEN_STORE_ROOTS_NAME, NULL);
  bundles = g_build_filename (baken_store_get_dir (self), "bundles", NULL);
  find_newest (roots, &stored, &stored_dir);
  find_newest (bundles, &copy, &copy_dir);

  if (copy != NULL && (stored == NULL || copy->version > stored->version))
    {
      g_message ("The root keys document version %u is missing or damaged in %s; it is "
                 "taken again from %s", copy->version, roots, copy_dir);
      if (!baken_store_save_root (self, copy, error))
        return NULL;
      return g_steal_pointer (&copy);
    }
  if (stored != NULL)
    return g_steal_pointer (&stored);

  return baken_root_ref (anchor);
}

gboolean
baken_store_save_root (BakenStore  *self,
                       BakenRoot   *root,
                       GError     **error)
{
  g_autofree char *roots = NULL;
  g_autofree char *staged = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (root != NULL && root->version > 0, FALSE);

  roots = g_build_filename (baken_store_get_dir (self), BAKEN_STORE_ROOTS_NAME, NULL);
  staged = g_build_filename (roots, NEW_NAME, NULL);
  name = g_strdup_printf ("%u", root->version);
  dest = g_build_filename (roots, name, NULL);

  if (g_mkdir_with_parents (roots, 0755) < 0)
    return errno_error (error, errno, "create", roots);
  if (!remove_folder (staged, error))
    return FALSE;
  if (g_mkdir (staged, 0755) < 0)
    return errno_error (error, errno, "create", staged);
  if (!baken_store_write_root_files (staged, root, error) || !sync_dir (staged, error))
    return FALSE;
  baken_fault_point ("root staged");

  /* A damaged copy of the same version is replaced. */
  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      if (!remove_folder (dest, error) || !sync_dir (roots, error))
        return FALSE;
      baken_fault_point ("damaged root removed");
    }
  if (g_rename (staged, dest) < 0)
    return errno_error (error, errno, "move the new root keys document to", dest);
  if (!sync_dir (roots, error))
    return FALSE;
  baken_fault_point ("root saved");

  /* The older versions are not needed: the newest is signed by its own root keys. */
  dir = g_dir_open (roots, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      guint64 version;

      if (g_ascii_string_to_unsigned (entry, 10, 0, G_MAXUINT, &version, NULL) &&
          version < root->version)
        {
          g_autofree char *old = g_build_filename (roots, entry, NULL);

          if (!remove_folder (old, error))
            return FALSE;
          baken_fault_point ("old root removed");
        }
    }

  return sync_dir (roots, error);
}
