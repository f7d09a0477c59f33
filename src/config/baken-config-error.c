/* baken-config-error.c: errors about kiosk.conf that say FILE:LINE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-config"

#include "config.h"

#include "baken-config-error.h"

#include <string.h>

G_DEFINE_QUARK (baken-config-error-quark, baken_config_error)

/* GKeyFile does not keep line numbers; find them for our messages. */
static guint
find_line (const char *contents,
           const char *group,
           const char *key)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autofree char *current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] == '[')
        {
          char *end = strchr (line, ']');

          g_free (current);
          current = g_strndup (line + 1, end != NULL ? (gsize) (end - line - 1) : strlen (line + 1));
          if (key == NULL && g_strcmp0 (current, group) == 0)
            return i + 1;
        }
      else if (key != NULL && g_strcmp0 (current, group) == 0)
        {
          char *eq = strchr (line, '=');

          if (eq != NULL)
            {
              g_autofree char *name = g_strstrip (g_strndup (line, eq - line));

              if (g_strcmp0 (name, key) == 0)
                return i + 1;
            }
        }
    }

  return 0;
}

gboolean
_baken_config_fail (GError           **error,
                    BakenConfigError   code,
                    const char        *path,
                    const char        *contents,
                    const char        *group,
                    const char        *key,
                    const char        *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BAKEN_CONFIG_ERROR, code, "%s:%u: %s", path,
               find_line (contents, group, key), message);
  return FALSE;
}
