/* baken-config-monitor.c: the [monitor] section of kiosk.conf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk's id in its daily reports, and where they are sent: upload-url (https, or
 * plain http to this computer for tests, like [sync] url) and the bearer token, given
 * as the value or as file:PATH (a file only root and the kiosk user read, so the token
 * is not in kiosk.conf). The token never appears in a message or a log.
 */
#define G_LOG_DOMAIN "baken-config"

#include "config.h"

#include <string.h>

#include "baken-config-monitor.h"
#include "baken-config-error.h"
#include "baken-file.h"
#include "baken-sync-policy.h"

static void
wipe (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

void
_baken_config_monitor_set_defaults (BakenConfig *self)
{
  self->monitor.kiosk_id = baken_monitor_default_kiosk_id ();
}

/* The token of "file:PATH" or the value itself; NULL with a message that names the
 * file, never the token. */
static char *
read_token (const char  *value,
            GError     **error)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) read_error = NULL;
  char *token = NULL;

  if (g_str_has_prefix (value, "file:"))
    {
      const char *file = value + strlen ("file:");
      char *contents = NULL;

      if (!g_path_is_absolute (file))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                       "file:%s is not an absolute path; give file:/etc/baken/upload-token",
                       file);
          return NULL;
        }
      if (!baken_file_read (file, BAKEN_FILE_MAX_KEY, &contents, NULL, &read_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", read_error->message);
          return NULL;
        }
      token = g_strdup (g_strstrip (contents));
      wipe (contents);
      if (!baken_monitor_check_token (token, &check_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "the token in %s is not usable: %s", file, check_error->message);
          wipe (token);
          return NULL;
        }
      return token;
    }

  if (!baken_monitor_check_token (value, &check_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the value is not usable: %s",
                   check_error->message);
      return NULL;
    }

  return g_strdup (value);
}

gboolean
_baken_config_monitor_read (BakenConfig  *self,
                            GKeyFile     *file,
                            const char   *key,
                            const char   *help,
                            const char   *path,
                            const char   *contents,
                            GError      **error)
{
  g_autofree char *value = g_key_file_get_string (file, "monitor", key, NULL);

  if (value != NULL)
    g_strstrip (value);

#define BAD_VALUE(...) \
  _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents, "monitor", key, \
                      __VA_ARGS__)

  if (g_str_equal (key, "kiosk-id"))
    {
      if (!baken_monitor_check_kiosk_id (value))
        return BAD_VALUE ("[monitor] kiosk-id = \"%s\" is not an id; give %s",
                          value != NULL ? value : "", help);
      g_free (self->monitor.kiosk_id);
      self->monitor.kiosk_id = g_steal_pointer (&value);
    }
  else if (g_str_equal (key, "upload-url"))
    {
      g_autoptr(GError) url_error = NULL;

      if (value == NULL || !baken_sync_check_url (value, &url_error))
        return BAD_VALUE ("[monitor] upload-url = \"%s\": %s; give %s", value != NULL ? value : "",
                          url_error != NULL ? url_error->message : "empty", help);
      if (strchr (value, '?') != NULL || strchr (value, '#') != NULL)
        return BAD_VALUE ("[monitor] upload-url = \"%s\" has a query or a fragment; give %s",
                          value, help);
      g_free (self->monitor.upload_url);
      self->monitor.upload_url = g_steal_pointer (&value);
    }
  else if (g_str_equal (key, "upload-token"))
    {
      g_autoptr(GError) token_error = NULL;
      char *token = read_token (value != NULL ? value : "", &token_error);

      if (value != NULL)
        memset (value, 0, strlen (value));
      if (token == NULL)
        return BAD_VALUE ("[monitor] upload-token: %s; give %s", token_error->message, help);
      wipe (self->monitor.upload_token);
      self->monitor.upload_token = token;
    }
  else
    g_assert_not_reached ();

#undef BAD_VALUE

  return TRUE;
}

gboolean
_baken_config_monitor_check (BakenConfig  *self,
                             const char   *path,
                             const char   *contents,
                             GError      **error)
{
  if (self->monitor.upload_url != NULL && self->monitor.upload_token == NULL)
    return _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents, "monitor",
                               "upload-url", "[monitor] upload-url needs upload-token: the "
                               "server must know which kiosk sends");
  if (self->monitor.upload_token != NULL && self->monitor.upload_url == NULL)
    return _baken_config_fail (error, BAKEN_CONFIG_ERROR_BAD_VALUE, path, contents, "monitor",
                               "upload-token", "[monitor] upload-token without upload-url: "
                               "give the URL the reports go to, or remove the token");

  return TRUE;
}
