/* baken-state-rebuild.c: a state DB that cannot be used is moved aside and made again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state is a cache of the installed bundles: a damaged one is kept for the
 * technician and replaced by a new one, which baken_store_reconcile () fills again.
 */
#define G_LOG_DOMAIN "baken-state"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "baken-state.h"
#include "baken-store.h"

/* Moves path (and its WAL, which belongs to it) aside under a name with the time, and
 * removes its shared-memory index. The WAL goes first: a new DB must never meet it. */
static gboolean
move_aside (const char  *path,
            char       **aside_out,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);
  g_autofree char *dir = g_path_get_dirname (path);
  const char * const suffixes[] = { "-wal", "-journal", "" };
  int fd;

  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.damaged-%s-%u", path, stamp, n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_rename (from, to) == 0)
        baken_fault_point ("damaged state moved aside");
      else if (errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_OPEN,
                       "Cannot move the damaged state DB %s aside: %s", from,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  {
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (shm);
  }

  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }

  *aside_out = g_steal_pointer (&aside);
  return TRUE;
}

BakenState *
baken_state_open_or_rebuild (const char  *path,
                             gboolean    *rebuilt,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *aside = NULL;
  BakenState *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (rebuilt != NULL)
    *rebuilt = FALSE;

  self = baken_state_open (path, &local_error);
  if (self != NULL)
    return self;
  if (!g_error_matches (local_error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_DAMAGED) &&
      !g_error_matches (local_error, BAKEN_STATE_ERROR, BAKEN_STATE_ERROR_SCHEMA))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!move_aside (path, &aside, error))
    return NULL;
  /* Not a warning: the kiosk heals and carries on. Staff and ops find the line in the
   * journal, the technician the file. */
  g_message ("The state DB was unusable (%s); it is kept as %s, and a new one is made: "
             "the sync log and counters start again, the installed content and its "
             "rollback floor come back from the bundles", local_error->message, aside);

  self = baken_state_open (path, error);
  if (self != NULL && rebuilt != NULL)
    *rebuilt = TRUE;
  if (self != NULL)
    baken_fault_point ("new state made");

  return self;
}
