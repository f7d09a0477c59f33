/* baken-monitor-settings.c: kiosk.conf's [monitor], as the monitor takes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-monitor"

#include "config.h"

#include <string.h>

#include "baken-monitor-settings.h"

#define TOKEN_MAX 4096

static void
wipe (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

BakenMonitorSettings *
baken_monitor_settings_copy (const BakenMonitorSettings *settings)
{
  BakenMonitorSettings *copy = g_new0 (BakenMonitorSettings, 1);

  copy->kiosk_id = g_strdup (settings->kiosk_id);
  copy->upload_url = g_strdup (settings->upload_url);
  copy->upload_token = g_strdup (settings->upload_token);

  return copy;
}

void
baken_monitor_settings_clear (BakenMonitorSettings *settings)
{
  g_clear_pointer (&settings->kiosk_id, g_free);
  g_clear_pointer (&settings->upload_url, g_free);
  g_clear_pointer (&settings->upload_token, wipe);
}

void
baken_monitor_settings_free (BakenMonitorSettings *settings)
{
  if (settings == NULL)
    return;

  baken_monitor_settings_clear (settings);
  g_free (settings);
}

gboolean
baken_monitor_check_kiosk_id (const char *id)
{
  gsize length = id != NULL ? strlen (id) : 0;

  if (length == 0 || length > 128 || !g_ascii_isalnum (id[0]))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '.' && id[i] != '_' && id[i] != '-')
      return FALSE;

  return TRUE;
}

char *
baken_monitor_default_kiosk_id (void)
{
  g_autofree char *id = g_ascii_strdown (g_get_host_name (), -1);

  for (char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      *p = '-';
  if (strlen (id) > 128)
    id[128] = '\0';

  return baken_monitor_check_kiosk_id (id) ? g_steal_pointer (&id) : g_strdup ("kiosk");
}

gboolean
baken_monitor_check_token (const char  *token,
                           GError     **error)
{
  gsize length = token != NULL ? strlen (token) : 0;

  if (length == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the token is empty");
      return FALSE;
    }
  if (length > TOKEN_MAX)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the token is longer than %d characters", TOKEN_MAX);
      return FALSE;
    }
  for (gsize i = 0; i < length; i++)
    if (token[i] <= ' ' || token[i] > '~')
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "the token has a space, a line break or a character that is not "
                     "printable ASCII at position %" G_GSIZE_FORMAT, i + 1);
        return FALSE;
      }

  return TRUE;
}
