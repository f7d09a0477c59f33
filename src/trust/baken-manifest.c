/* baken-manifest.c: manifest.json of a content bundle, and the values in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manifest in memory, its times and versions, and the checks of its values that
 * reading (baken-manifest-parse.c) and writing (baken-manifest-write.c) share.
 */
#define G_LOG_DOMAIN "baken-manifest"

#include "config.h"

#include "baken-manifest.h"
#include "baken-manifest-private.h"

#include <string.h>

G_DEFINE_QUARK (baken-manifest-error-quark, baken_manifest_error)

/* Private API */

gboolean
_baken_manifest_invalid (GError     **error,
                         const char  *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BAKEN_MANIFEST_ERROR, BAKEN_MANIFEST_ERROR_INVALID,
               "manifest.json: %s", message);
  return FALSE;
}

gboolean
_baken_manifest_is_file_name (const char *name)
{
  if (name[0] == '\0' || name[0] == '.' || strlen (name) > BAKEN_MANIFEST_MAX_NAME_LENGTH)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

gboolean
_baken_manifest_is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

gboolean
_baken_manifest_is_key_id (const char *text)
{
  if (strlen (text) != 16)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'A' && *p <= 'F'))
      return FALSE;
  return TRUE;
}

/* Public API */

BakenManifest *
baken_manifest_new (void)
{
  BakenManifest *self = g_new0 (BakenManifest, 1);

  self->format = BAKEN_MANIFEST_FORMAT;
  self->files = g_ptr_array_new ();
  return self;
}

static void
manifest_file_free (BakenManifestFile *file)
{
  g_free (file->name);
  g_free (file->sha256);
  g_free (file);
}

void
baken_manifest_free (BakenManifest *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->expires, g_date_time_unref);
  g_free (self->key_id);
  g_free (self->min_app_version);
  g_ptr_array_foreach (self->files, (GFunc) manifest_file_free, NULL);
  g_ptr_array_unref (self->files);
  g_free (self);
}

void
baken_manifest_add_file (BakenManifest *self,
                         const char    *name,
                         guint64        size,
                         const char    *sha256)
{
  BakenManifestFile *file;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL && sha256 != NULL);

  file = g_new0 (BakenManifestFile, 1);
  file->name = g_strdup (name);
  file->size = size;
  file->sha256 = g_strdup (sha256);
  g_ptr_array_add (self->files, file);
}

const BakenManifestFile *
baken_manifest_find_file (BakenManifest *self,
                          const char    *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->files->len; i++)
    {
      BakenManifestFile *file = g_ptr_array_index (self->files, i);

      if (strcmp (file->name, name) == 0)
        return file;
    }
  return NULL;
}

char *
baken_manifest_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  /* Not g_date_time_format (): its %Y does not pad a year before 1000 to four digits. */
  utc = g_date_time_to_utc (time);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

GDateTime *
baken_manifest_parse_time (const char *text)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  g_autoptr(GTimeZone) utc = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) != strlen (pattern))
    return NULL;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return NULL;

  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}

static gboolean
split_version (const char *text,
               guint64     parts[4])
{
  g_auto(GStrv) split = NULL;
  guint n;

  if (text == NULL || text[0] == '\0' || strlen (text) > BAKEN_MANIFEST_MAX_VERSION_LENGTH)
    return FALSE;
  split = g_strsplit (text, ".", -1);
  n = g_strv_length (split);
  if (n > 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      parts[i] = 0;
      if (i < n && (split[i][0] == '\0' || split[i][0] == '+' || split[i][0] == '-' ||
                    !g_ascii_string_to_unsigned (split[i], 10, 0, G_MAXUINT32, &parts[i], NULL)))
        return FALSE;
    }
  return TRUE;
}

int
baken_manifest_compare_versions (const char *a,
                                 const char *b)
{
  guint64 pa[4], pb[4];

  if (!split_version (a, pa) || !split_version (b, pb))
    return -2;
  for (guint i = 0; i < 4; i++)
    if (pa[i] != pb[i])
      return pa[i] < pb[i] ? -1 : 1;
  return 0;
}
