/* baken-sync-opening.c: which content the kiosk opens, counting the opens that fail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include "baken-sync-opening.h"

#include "baken-store-reconcile.h"
#include "baken-sync.h"

gboolean
baken_sync_opening_begin (BakenStore      *store,
                          BakenState      *state,
                          GPtrArray       *keys,
                          const char      *state_dir,
                          gint64           now,
                          BakenInstalled  *installed,
                          char           **path,
                          GError         **error)
{
  g_autoptr(GError) count_error = NULL;

  g_return_val_if_fail (BAKEN_IS_STORE (store), FALSE);
  g_return_val_if_fail (BAKEN_IS_STATE (state), FALSE);
  g_return_val_if_fail (installed != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  *path = NULL;
  if (!baken_state_get_installed (state, installed, error))
    return FALSE;

  if (installed->serial != 0 && installed->open_failures >= BAKEN_SYNC_MAX_OPEN_FAILURES)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *reason = NULL;
      guint64 failed = installed->serial;

      if (!baken_store_fall_back (store, &local_error))
        {
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* Nothing to fall back to: the configured or embedded content. */
          return TRUE;
        }

      baken_installed_clear (installed);
      if (!baken_store_reconcile (store, state, keys, error) ||
          !baken_state_get_installed (state, installed, error))
        return FALSE;

      reason = g_strdup_printf ("Bundle %" G_GUINT64_FORMAT " failed to open, or had a "
                                "content query cut off by its time budget, %d times in a "
                                "row; back to bundle %" G_GUINT64_FORMAT, failed,
                                BAKEN_SYNC_MAX_OPEN_FAILURES, installed->serial);
      if (!baken_state_record_sync (state, now, state_dir,
                                    BAKEN_SYNC_RESULT_FALLBACK, installed->serial, reason,
                                    NULL, NULL, error))
        return FALSE;
    }

  if (installed->serial == 0)
    return TRUE;

  /* Counted before it is tried. A state DB that cannot be written (a full disk) loses
   * the count, never the content: the bundle is opened all the same. */
  installed->open_failures++;
  if (!baken_state_set_installed (state, installed, &count_error))
    g_message ("Cannot count this open of bundle %" G_GUINT64_FORMAT " (%s); it is opened "
               "all the same", installed->serial, count_error->message);

  *path = baken_store_get_content_path (store, installed->serial);
  return TRUE;
}

gboolean
baken_sync_opening_succeeded (BakenState     *state,
                              BakenInstalled *installed)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (state), FALSE);
  g_return_val_if_fail (installed != NULL, FALSE);

  if (!baken_state_get_installed (state, installed, &error))
    {
      g_debug ("Reading the installed content: %s", error->message);
      return FALSE;
    }
  if (installed->open_failures == 0)
    return FALSE;

  installed->open_failures = 0;
  if (!baken_state_set_installed (state, installed, &error))
    g_debug ("Recording a successful open: %s", error->message);
  return TRUE;
}

gboolean
baken_sync_opening_cut_off (BakenState     *state,
                            guint64         serial,
                            BakenInstalled *installed)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BAKEN_IS_STATE (state), FALSE);
  g_return_val_if_fail (installed != NULL, FALSE);

  if (!baken_state_get_installed (state, installed, &error))
    {
      g_debug ("Reading the installed content: %s", error->message);
      return FALSE;
    }
  if (installed->serial == 0 || installed->serial != serial)
    return FALSE;
  /* Without a previous bundle the kiosk would have nothing to show: a page that is not
   * available now is better than none. */
  if (installed->previous_serial == 0)
    {
      g_message ("A content query of bundle %" G_GUINT64_FORMAT " was cut off by its time "
                 "budget; there is no previous bundle to go back to, so it stays", serial);
      return FALSE;
    }

  installed->open_failures++;
  if (!baken_state_set_installed (state, installed, &error))
    {
      g_debug ("Counting a cut-off query: %s", error->message);
      return FALSE;
    }
  g_message ("A content query of bundle %" G_GUINT64_FORMAT " was cut off by its time budget "
             "(%u of %d before the previous bundle %" G_GUINT64_FORMAT " comes back)",
             serial, installed->open_failures, BAKEN_SYNC_MAX_OPEN_FAILURES,
             installed->previous_serial);
  return TRUE;
}
