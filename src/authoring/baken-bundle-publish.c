/* baken-bundle-publish.c: building and signing bundles (the IT side of baken-bundle.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both functions write temporary files next to their targets and rename them into place
 * only when everything succeeded, so a failed build or sign leaves the folder as it was.
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-publish.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "baken-file.h"
#include "baken-content.h"
#include "baken-manifest.h"

#define DEFAULT_VALID_DAYS 90

static gboolean G_GNUC_PRINTF (3, 4)
write_error (GError     **error,
             int          code,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (BAKEN_BUNDLE_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

/* sha256 and size of a file, streamed. */
static gboolean
hash_file (const char  *path,
           char       **out_sha256,
           guint64     *out_size,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (256 * 1024);
  guint64 size = 0;
  gssize n;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, NULL, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      size += (guint64) n;
    }
  if (n < 0)
    return FALSE;

  *out_sha256 = g_strdup (g_checksum_get_string (checksum));
  *out_size = size;
  return TRUE;
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    return write_error (error, BAKEN_BUNDLE_ERROR_WRITE, "Cannot write %s: %s",
                        path, local_error->message);
  return TRUE;
}

gboolean
baken_bundle_build (const char               *src_dir,
                    const char               *out_dir,
                    const BakenBuildOptions  *options,
                    guint                     valid_days,
                    const char               *key_id,
                    GPtrArray                *problems,
                    GError                  **error)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autoptr(BakenManifest) manifest = NULL;
  g_autofree char *created_text = NULL;
  g_autofree char *expires_text = NULL;
  g_autofree char *content_name = NULL;
  g_autofree char *content_path = NULL;
  g_autofree char *content_tmp = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *manifest_tmp = NULL;
  g_autofree char *signature_path = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *json = NULL;
  BakenBuildOptions build_options;
  guint64 size = 0;
  gsize json_len = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (src_dir != NULL, FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->serial == 0 || options->serial > G_MAXINT64)
    return write_error (error, BAKEN_BUNDLE_ERROR_WRITE,
                        "A bundle needs a serial from 1 to %" G_GINT64_FORMAT, G_MAXINT64);

  if (options->created != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      created = g_date_time_new_from_iso8601 (options->created, utc);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      created = g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
    }
  if (created == NULL)
    return write_error (error, BAKEN_BUNDLE_ERROR_WRITE,
                        "\"%s\" is not an ISO 8601 time", options->created);
  created_text = baken_manifest_format_time (created);

  if (options->expires != NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (options->expires, utc);

      if (parsed == NULL)
        return write_error (error, BAKEN_BUNDLE_ERROR_WRITE,
                            "\"%s\" is not an ISO 8601 time", options->expires);
      /* Whole seconds, as the manifest holds them. */
      expires = g_date_time_new_from_unix_utc (g_date_time_to_unix (parsed));
    }
  else
    {
      expires = g_date_time_add_days (created, valid_days > 0 ? (int) valid_days
                                                              : DEFAULT_VALID_DAYS);
    }
  expires_text = baken_manifest_format_time (expires);
  if (g_date_time_compare (expires, created) <= 0)
    return write_error (error, BAKEN_BUNDLE_ERROR_WRITE,
                        "expires (%s) is not after created (%s); pick a later date",
                        expires_text, created_text);

  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    {
      int saved_errno = errno;

      return write_error (error, BAKEN_BUNDLE_ERROR_WRITE, "Cannot create the folder %s: %s",
                          out_dir, g_strerror (saved_errno));
    }

  content_name = g_strdup_printf (BAKEN_BUNDLE_CONTENT_PATTERN, options->serial);
  content_path = g_build_filename (out_dir, content_name, NULL);
  content_tmp = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.building", out_dir, content_name);
  manifest_path = g_build_filename (out_dir, BAKEN_BUNDLE_MANIFEST_NAME, NULL);
  manifest_tmp = g_build_filename (out_dir, "." BAKEN_BUNDLE_MANIFEST_NAME ".building", NULL);
  signature_path = g_build_filename (out_dir, BAKEN_BUNDLE_SIGNATURE_NAME, NULL);

  build_options = *options;
  build_options.created = created_text;
  build_options.expires = expires_text;
  if (!baken_content_build (src_dir, content_tmp, &build_options, problems, error))
    goto out;

  {
    g_autoptr(GError) local_error = NULL;

    if (!hash_file (content_tmp, &sha256, &size, &local_error))
      {
        write_error (error, BAKEN_BUNDLE_ERROR_WRITE, "Cannot read back %s: %s",
                     content_tmp, local_error->message);
        goto out;
      }
  }

  manifest = baken_manifest_new ();
  manifest->serial = options->serial;
  manifest->created = g_date_time_ref (created);
  manifest->expires = g_date_time_ref (expires);
  manifest->key_id = g_strdup (key_id);
  manifest->min_app_version = g_strdup (PACKAGE_VERSION);
  manifest->schema_version = BAKEN_SCHEMA_VERSION;
  manifest->root_version = options->root_version;
  baken_manifest_add_file (manifest, content_name, size, sha256);
  {
    g_autoptr(GError) local_error = NULL;

    json = baken_manifest_to_data (manifest, &json_len, &local_error);
    if (json == NULL)
      {
        write_error (error, BAKEN_BUNDLE_ERROR_WRITE, "%s", local_error->message);
        goto out;
      }
  }
  if (!write_file (manifest_tmp, json, json_len, error))
    goto out;

  /* An old signature belongs to an old manifest. */
  if (g_unlink (signature_path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      write_error (error, BAKEN_BUNDLE_ERROR_WRITE, "Cannot remove the old signature %s: %s",
                   signature_path, g_strerror (saved_errno));
      goto out;
    }
  if (g_rename (content_tmp, content_path) != 0 || g_rename (manifest_tmp, manifest_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (content_path);
      write_error (error, BAKEN_BUNDLE_ERROR_WRITE, "Cannot move the bundle into %s: %s",
                   out_dir, g_strerror (saved_errno));
      goto out;
    }
  ok = TRUE;

out:
  g_unlink (content_tmp);
  g_unlink (manifest_tmp);
  return ok;
}

gboolean
baken_bundle_sign (const char              *dir,
                   BakenMinisignSecretKey  *key,
                   const char              *trusted_comment,
                   GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BakenManifest) manifest = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *signature_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *default_comment = NULL;
  g_autofree char *created = NULL;
  const char *key_id;
  gboolean changed = FALSE;
  gsize length;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  manifest_path = g_build_filename (dir, BAKEN_BUNDLE_MANIFEST_NAME, NULL);
  signature_path = g_build_filename (dir, BAKEN_BUNDLE_SIGNATURE_NAME, NULL);
  key_id = baken_minisign_public_key_get_id_string (baken_minisign_secret_key_get_public_key (key));

  if (!baken_file_read (manifest_path, BAKEN_MANIFEST_MAX_SIZE, &contents, &length, &local_error))
    return write_error (error, BAKEN_BUNDLE_ERROR_MISSING, "Cannot read %s: %s",
                        manifest_path, local_error->message);
  manifest = baken_manifest_parse (contents, length, &local_error);
  if (manifest == NULL)
    return write_error (error, BAKEN_BUNDLE_ERROR_MANIFEST, "%s", local_error->message);

  for (guint i = 0; i < manifest->files->len; i++)
    {
      BakenManifestFile *file = g_ptr_array_index (manifest->files, i);
      g_autofree char *path = g_build_filename (dir, file->name, NULL);
      g_autofree char *sha256 = NULL;
      guint64 size;

      if (!hash_file (path, &sha256, &size, &local_error))
        return write_error (error, BAKEN_BUNDLE_ERROR_MISSING, "Cannot read %s: %s",
                            path, local_error->message);
      if (size != file->size)
        return write_error (error, BAKEN_BUNDLE_ERROR_SIZE,
                            "%s is %" G_GUINT64_FORMAT " bytes; the manifest says %"
                            G_GUINT64_FORMAT ". Build the bundle again.", path, size, file->size);
      if (strcmp (sha256, file->sha256) != 0)
        return write_error (error, BAKEN_BUNDLE_ERROR_HASH,
                            "%s does not match the sha256 in the manifest. Build the bundle "
                            "again.", path);
    }

  if (manifest->key_id != NULL && strcmp (manifest->key_id, key_id) != 0)
    return write_error (error, BAKEN_BUNDLE_ERROR_KEY_MISMATCH,
                        "The manifest was built for key %s, but this secret key is %s. Sign "
                        "with that key, or build again with --pubkey for this one.",
                        manifest->key_id, key_id);
  if (manifest->key_id == NULL)
    {
      g_free (contents);
      manifest->key_id = g_strdup (key_id);
      contents = baken_manifest_to_data (manifest, &length, &local_error);
      if (contents == NULL)
        return write_error (error, BAKEN_BUNDLE_ERROR_MANIFEST, "%s", local_error->message);
      changed = TRUE;
    }

  created = baken_manifest_format_time (manifest->created);
  default_comment = g_strdup_printf ("serial:%" G_GUINT64_FORMAT "\tcreated:%s\tfile:"
                                     BAKEN_BUNDLE_MANIFEST_NAME, manifest->serial, created);
  signature = baken_minisign_sign (key, (const guint8 *) contents, length,
                                   trusted_comment != NULL ? trusted_comment : default_comment,
                                   NULL, &local_error);
  if (signature == NULL)
    return write_error (error, BAKEN_BUNDLE_ERROR_WRITE, "Cannot sign: %s", local_error->message);

  /* The manifest first (when its key id was filled in), then its signature. */
  if (changed && !write_file (manifest_path, contents, length, error))
    return FALSE;
  return write_file (signature_path, signature, strlen (signature), error);
}
