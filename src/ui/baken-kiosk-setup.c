/* baken-kiosk-setup.c: where the kiosk's config and sync store come from, and the display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the kiosk's start and by `baken --sync-from DIR` with no kiosk running:
 * both read the same kiosk.conf and use the same state folder.
 */
#define G_LOG_DOMAIN "baken-application"

#include "config.h"

#include "baken-kiosk-setup.h"

#include <gtk/gtk.h>

BakenConfig *
baken_kiosk_setup_load_config (const char  *path,
                               GError     **error)
{
  if (path != NULL)
    return baken_config_load (path, error);

  if (g_file_test (BAKEN_SYSTEM_CONFIG_PATH, G_FILE_TEST_EXISTS))
    return baken_config_load (BAKEN_SYSTEM_CONFIG_PATH, error);

  return baken_config_new ();
}

BakenSync *
baken_kiosk_setup_open_sync (BakenConfig *config,
                             const char  *state_dir)
{
  g_autofree char *dir = state_dir != NULL ? g_strdup (state_dir)
                                           : baken_sync_dup_default_state_dir ();
  g_autoptr(GError) error = NULL;
  BakenSync *sync;

  sync = baken_sync_new (&config->sync, dir, &error);
  if (sync == NULL)
    g_warning ("No sync: cannot use the state folder %s: %s", dir, error->message);

  return sync;
}

void
baken_kiosk_setup_open_display (void)
{
  if (g_getenv ("GTK_THEME") != NULL)
    return;

  g_setenv ("GTK_THEME", BAKEN_GTK_THEME, TRUE);
  /* The display's settings load the theme when they are made. */
  if (gtk_init_check ())
    gtk_settings_get_default ();
}
