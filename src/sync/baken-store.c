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

/* Reads what the state needs to know from an installed bundle's manifest. */
static gboolean
read_installed_manifest (BakenStore      *self,
                         guint64          serial,
                         BakenInstalled  *installed,
                         GError         **error)
{
  g_autofree char *dir = baken_store_get_bundle_dir (self, serial);
  g_autofree char *path = g_build_filename (dir, "manifest.json", NULL);
  g_autofree char *content = g_strdup_printf ("content-%" G_GUINT64_FORMAT ".sqlite", serial);
  g_autoptr(BakenManifest) manifest = NULL;
  g_autofree char *data = NULL;
  const BakenManifestFile *file;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  manifest = baken_manifest_parse (data, length, error);
  if (manifest == NULL)
    return FALSE;
  file = baken_manifest_find_file (manifest, content);
  if (manifest->serial != serial || file == NULL)
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT,
                   "%s does not describe bundle %" G_GUINT64_FORMAT, path, serial);
      return FALSE;
    }

  installed->serial = serial;
  g_free (installed->sha256);
  installed->sha256 = g_strdup (file->sha256);
  installed->created = g_date_time_to_unix (manifest->created);
  installed->expires = g_date_time_to_unix (manifest->expires);

  return TRUE;
}

static int
compare_serials_descending (gconstpointer a,
                            gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* The pointer is unreadable, but the bundles it pointed to may be intact: they are the
 * truth. The newest that verifies becomes current, the next one previous; a bundle that
 * does not verify is left for baken_store_clean_up (). */
static gboolean
rebuild_pointer (BakenStore  *self,
                 GPtrArray   *keys,
                 GError     **error)
{
  g_autoptr(GArray) serials = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GDir) dir = g_dir_open (self->bundles_dir, 0, NULL);
  guint64 found[2] = { 0, 0 };
  guint n_found = 0;
  const char *name;

  if (dir == NULL)
    return set_errno_error (error, errno, "read", self->bundles_dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      guint64 serial;

      if (parse_serial (name, &serial) && serial != 0)
        g_array_append_val (serials, serial);
    }
  g_array_sort (serials, compare_serials_descending);

  for (guint i = 0; i < serials->len && n_found < G_N_ELEMENTS (found); i++)
    {
      guint64 serial = g_array_index (serials, guint64, i);
      g_autoptr(BakenVerifiedBundle) bundle = NULL;
      g_autoptr(GError) local_error = NULL;

      bundle = baken_store_verify_bundle (self, serial, keys, &local_error);
      if (bundle == NULL)
        {
          g_message ("Rebuilding the pointer: %s", local_error->message);
          continue;
        }
      found[n_found++] = serial;
    }

  g_message ("The pointer %s was damaged; rebuilt from the bundles that verify: current %"
             G_GUINT64_FORMAT ", previous %" G_GUINT64_FORMAT,
             self->pointer_path, found[0], found[1]);

  return write_pointer (self, found[0], found[1], error);
}

/* Raises the floors to the bundle serial (the current or previous one) when it is
 * higher, from its manifest. */
static gboolean
raise_floor (BakenStore      *self,
             guint64          serial,
             BakenInstalled  *installed,
             GError         **error)
{
  g_auto(BakenInstalled) bundle = { 0 };

  if (serial == 0 || serial <= installed->floor_serial)
    return TRUE;
  if (!read_installed_manifest (self, serial, &bundle, error))
    return FALSE;

  installed->floor_serial = serial;
  g_free (installed->floor_sha256);
  installed->floor_sha256 = g_steal_pointer (&bundle.sha256);
  installed->floor_created = MAX (installed->floor_created, bundle.created);

  return TRUE;
}

BakenVerifiedBundle *
baken_store_verify_bundle (BakenStore  *self,
                           guint64      serial,
                           GPtrArray   *keys,
                           GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *icon_cache = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(BakenInstalled) described = { 0 };
  BakenVerifiedBundle *bundle;

  g_return_val_if_fail (BAKEN_IS_STORE (self), NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  /* The manifest is only read for the time to verify at; the verification checks its
   * signature. Freshness was judged when the bundle was installed: an installed bundle
   * stays valid after it expired (the staff see the stale notice). */
  dir = baken_store_get_bundle_dir (self, serial);
  if (!read_installed_manifest (self, serial, &described, &local_error))
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT,
                   "Bundle %" G_GUINT64_FORMAT " does not verify: %s", serial,
                   local_error->message);
      return NULL;
    }
  at = g_date_time_new_from_unix_utc (MAX (described.expires - 1, described.created));
  icon_cache = g_build_filename (self->dir, BAKEN_BUNDLE_ICON_CACHE_NAME, NULL);

  bundle = baken_bundle_verify_cached (dir, keys, at, icon_cache, NULL, NULL, &local_error);
  if (bundle == NULL)
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT,
                   "Bundle %" G_GUINT64_FORMAT " does not verify: %s", serial,
                   local_error->message);
      return NULL;
    }
  if (bundle->serial != serial)
    {
      g_set_error (error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT,
                   "bundles/%" G_GUINT64_FORMAT " holds bundle %" G_GUINT64_FORMAT,
                   serial, bundle->serial);
      baken_verified_bundle_free (bundle);
      return NULL;
    }

  return bundle;
}

gboolean
baken_store_reconcile (BakenStore  *self,
                       BakenState  *state,
                       GPtrArray   *keys,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(BakenInstalled) installed = { 0 };
  guint64 current, previous;

  g_return_val_if_fail (BAKEN_IS_STORE (self), FALSE);
  g_return_val_if_fail (BAKEN_IS_STATE (state), FALSE);
  g_return_val_if_fail (keys != NULL, FALSE);

  if (!baken_store_clear_staging (self, error))
    return FALSE;

  if (!baken_store_read_pointer (self, &current, &previous, &local_error))
    {
      if (!g_error_matches (local_error, BAKEN_STORE_ERROR, BAKEN_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Cannot happen with an atomic rename; a damaged disk can. The pointer is only a
       * cache of which bundles are installed: rebuild it from them. */
      g_clear_error (&local_error);
      if (!rebuild_pointer (self, keys, error) ||
          !baken_store_read_pointer (self, &current, &previous, error))
        return FALSE;
    }

  /* A pointer to a bundle that is gone: fall back to what is there. */
  {
    g_autofree char *prev_path = previous ? baken_store_get_content_path (self, previous) : NULL;
    g_autofree char *cur_path = current ? baken_store_get_content_path (self, current) : NULL;

    guint64 was_current = current, was_previous = previous;

    if (previous != 0 && !g_file_test (prev_path, G_FILE_TEST_IS_REGULAR))
      previous = 0;
    if (current != 0 && !g_file_test (cur_path, G_FILE_TEST_IS_REGULAR))
      {
        current = previous;
        previous = 0;
      }
    if ((current != was_current || previous != was_previous) &&
        !write_pointer (self, current, previous, error))
      return FALSE;
  }

  if (!baken_store_clean_up (self, error))
    return FALSE;

  if (!baken_state_get_installed (state, &installed, error))
    return FALSE;
  if (installed.serial == current && installed.previous_serial == previous &&
      installed.floor_serial >= MAX (current, previous))
    return TRUE;

  /* A crash between the pointer swap and recording it (or a fallback): the pointer wins. */
  if (current == 0)
    {
      installed.serial = 0;
      g_clear_pointer (&installed.sha256, g_free);
      installed.created = installed.expires = 0;
    }
  else if (installed.serial != current &&
           !read_installed_manifest (self, current, &installed, error))
    return FALSE;

  installed.previous_serial = previous;
  installed.open_failures = 0;
  /* A new state DB (the old one was damaged) knows no floor: the installed bundles say
   * what this kiosk accepted, so a rollback stays refused. */
  if (!raise_floor (self, current, &installed, error) ||
      !raise_floor (self, previous, &installed, error))
    return FALSE;
  installed.floor_created = MAX (installed.floor_created, installed.created);

  return baken_state_set_installed (state, &installed, error);
}
