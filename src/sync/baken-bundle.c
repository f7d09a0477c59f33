/* baken-bundle.c: verifying a signed content bundle before anything uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks run in the order of the design (DESIGN.md, "Bundle and trust"): nothing
 * that is not yet authenticated is parsed more than needed to authenticate it. The
 * content file is mapped once and everything after the hash check works on exactly
 * the bytes that were hashed: the DB is opened from that memory (sqlite3_deserialize,
 * read-only), and the catalog keeps a reference to it.
 *
 * This file reads the files and checks the signature, the manifest and the dates; the
 * DB checks are baken-bundle-db.c's, the icon check baken-bundle-icons.c's. Each step
 * reports through a BakenBundleReport (baken-bundle-report.c).
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "baken-bundle-db.h"
#include "baken-bundle-icons.h"
#include "baken-bundle-report.h"
#include "baken-content.h"
#include "baken-manifest.h"
#include "baken-minisign.h"

typedef struct
{
  const char        *dir;            /* a folder, or */
  const char        *resource_path;  /* a GResource folder */
  const char        *icon_cache_dir; /* (nullable) passed icon checks */
  BakenBundleReport  report;
} Source;

/* Helpers */

/* Every step reports its pass or failure to the caller (baken-bundle-report.h). */
#define fail(source, ...) baken_bundle_report_fail (&(source)->report, __VA_ARGS__)
#define pass(source, ...) baken_bundle_report_pass (&(source)->report, __VA_ARGS__)

/* Reads a file of the bundle, refusing more than max_size bytes (code too_large). With
 * expected_size ≥ 0, a file of another size is refused (BAKEN_BUNDLE_ERROR_SIZE) before
 * it is read. Folder files are mapped, not copied. */
static GBytes *
load (Source      *source,
      const char  *check,
      const char  *name,
      guint64      max_size,
      gint64       expected_size,
      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  guint64 size;
  struct stat st;
  int fd;

  if (source->resource_path != NULL)
    {
      g_autofree char *path = g_build_path ("/", source->resource_path, name, NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         NULL);

      if (bytes == NULL)
        return fail (source, check, error, BAKEN_BUNDLE_ERROR_MISSING,
                     "%s is missing from the bundle", name), NULL;
      size = g_bytes_get_size (bytes);
      if (expected_size >= 0 && size != (guint64) expected_size)
        return fail (source, check, error, BAKEN_BUNDLE_ERROR_SIZE,
                     "%s is %" G_GUINT64_FORMAT " bytes; the manifest says %" G_GINT64_FORMAT,
                     name, size, expected_size), NULL;
      if (size > max_size)
        return fail (source, check, error, expected_size >= 0 ? BAKEN_BUNDLE_ERROR_SIZE
                                                              : BAKEN_BUNDLE_ERROR_MISSING,
                     "%s is %" G_GUINT64_FORMAT " bytes; at most %" G_GUINT64_FORMAT
                     " are allowed", name, size, max_size), NULL;
      return g_steal_pointer (&bytes);
    }

  {
    g_autofree char *path = g_build_filename (source->dir, name, NULL);

    fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0);
    if (fd < 0)
      {
        int saved_errno = errno;

        return fail (source, check, error, BAKEN_BUNDLE_ERROR_MISSING,
                     saved_errno == ENOENT ? "%s is missing from the bundle (%s)"
                                           : "%s cannot be opened (%s)",
                     name, g_strerror (saved_errno)), NULL;
      }
  }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return fail (source, check, error, BAKEN_BUNDLE_ERROR_MISSING,
                   "%s is not a regular file", name), NULL;
    }
  size = (guint64) st.st_size;
  if (expected_size >= 0 && size != (guint64) expected_size)
    {
      close (fd);
      return fail (source, check, error, BAKEN_BUNDLE_ERROR_SIZE,
                   "%s is %" G_GUINT64_FORMAT " bytes; the manifest says %" G_GINT64_FORMAT
                   " (a truncated download, or a file from another bundle)",
                   name, size, expected_size), NULL;
    }
  if (size > max_size)
    {
      close (fd);
      return fail (source, check, error, expected_size >= 0 ? BAKEN_BUNDLE_ERROR_SIZE
                                                            : BAKEN_BUNDLE_ERROR_MISSING,
                   "%s is %" G_GUINT64_FORMAT " bytes; at most %" G_GUINT64_FORMAT
                   " are allowed", name, size, max_size), NULL;
    }

  if (size == 0)
    {
      close (fd);
      return g_bytes_new (NULL, 0);
    }
  mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
  close (fd);
  if (mapped == NULL)
    return fail (source, check, error, BAKEN_BUNDLE_ERROR_MISSING,
                 "%s cannot be read: %s", name, local_error->message), NULL;
  return g_mapped_file_get_bytes (mapped);
}

/* The value of "serial:" in a tab-separated trusted comment, or NULL. */
static char *
comment_field (const char *comment,
               const char *key)
{
  g_auto(GStrv) fields = g_strsplit (comment, "\t", -1);
  gsize key_len = strlen (key);

  for (guint i = 0; fields[i] != NULL; i++)
    if (strncmp (fields[i], key, key_len) == 0 && fields[i][key_len] == ':')
      return g_strdup (fields[i] + key_len + 1);
  return NULL;
}

/* Steps */

static BakenMinisignPublicKey *
check_signature (Source                  *source,
                 GBytes                  *manifest_bytes,
                 GBytes                  *signature_bytes,
                 GPtrArray               *keys,
                 BakenMinisignSignature **out_signature,
                 GError                 **error)
{
  g_autoptr(BakenMinisignSignature) signature = NULL;
  g_autoptr(GError) local_error = NULL;
  BakenMinisignPublicKey *key;
  int code;

  if (keys->len == 0)
    return fail (source, "signature", error, BAKEN_BUNDLE_ERROR_NO_KEYS,
                 "No public key is trusted, so no bundle can be accepted"), NULL;

  signature = baken_minisign_signature_new_from_data (g_bytes_get_data (signature_bytes, NULL),
                                                      g_bytes_get_size (signature_bytes),
                                                      &local_error);
  if (signature != NULL)
    {
      key = baken_minisign_signature_verify (signature, keys,
                                             g_bytes_get_data (manifest_bytes, NULL),
                                             g_bytes_get_size (manifest_bytes), &local_error);
      if (key != NULL)
        {
          pass (source, "signature", "signed by trusted key %s",
                baken_minisign_public_key_get_id_string (key));
          *out_signature = g_steal_pointer (&signature);
          return key;
        }
    }

  switch ((BakenMinisignError) local_error->code)
    {
    case BAKEN_MINISIGN_ERROR_ALGORITHM:
      code = BAKEN_BUNDLE_ERROR_LEGACY_SIGNATURE;
      break;
    case BAKEN_MINISIGN_ERROR_UNKNOWN_KEY:
      code = BAKEN_BUNDLE_ERROR_UNTRUSTED_KEY;
      break;
    case BAKEN_MINISIGN_ERROR_BAD_SIGNATURE:
      code = BAKEN_BUNDLE_ERROR_BAD_SIGNATURE;
      break;
    case BAKEN_MINISIGN_ERROR_BAD_COMMENT:
      code = BAKEN_BUNDLE_ERROR_BAD_TRUSTED_COMMENT;
      break;
    case BAKEN_MINISIGN_ERROR_FORMAT:
    case BAKEN_MINISIGN_ERROR_NEED_PASSWORD:
    case BAKEN_MINISIGN_ERROR_WRONG_PASSWORD:
    case BAKEN_MINISIGN_ERROR_KEY_DAMAGED:
    case BAKEN_MINISIGN_ERROR_LIMITS:
    case BAKEN_MINISIGN_ERROR_FAILED:
    default:
      code = BAKEN_BUNDLE_ERROR_SIGNATURE_FORMAT;
      break;
    }
  return fail (source, "signature", error, code, BAKEN_BUNDLE_SIGNATURE_NAME ": %s",
               local_error->message), NULL;
}

static BakenManifest *
check_manifest (Source                 *source,
                GBytes                 *manifest_bytes,
                BakenMinisignPublicKey *key,
                BakenMinisignSignature *signature,
                GError                **error)
{
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *comment_serial = NULL;

  manifest = baken_manifest_parse (g_bytes_get_data (manifest_bytes, NULL),
                                   g_bytes_get_size (manifest_bytes), &local_error);
  if (manifest == NULL)
    return fail (source, "manifest", error,
                 local_error->code == BAKEN_MANIFEST_ERROR_FORMAT ? BAKEN_BUNDLE_ERROR_FORMAT
                                                                  : BAKEN_BUNDLE_ERROR_MANIFEST,
                 "%s", local_error->message), NULL;

  comment_serial = comment_field (baken_minisign_signature_get_trusted_comment (signature),
                                  "serial");
  if (comment_serial != NULL)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (comment_serial, 10, 1, G_MAXUINT64, &value, NULL) ||
          value != manifest->serial)
        return fail (source, "manifest", error, BAKEN_BUNDLE_ERROR_BAD_TRUSTED_COMMENT,
                     "The signature's trusted comment names serial %s, but the manifest "
                     "has serial %" G_GUINT64_FORMAT, comment_serial, manifest->serial), NULL;
    }

  if (manifest->key_id == NULL)
    return fail (source, "manifest", error, BAKEN_BUNDLE_ERROR_KEY_MISMATCH,
                 "manifest.json names no signing key (\"key_id\": null); build the bundle "
                 "with --pubkey, or sign it with baken-bundle sign"), NULL;
  if (strcmp (manifest->key_id, baken_minisign_public_key_get_id_string (key)) != 0)
    return fail (source, "manifest", error, BAKEN_BUNDLE_ERROR_KEY_MISMATCH,
                 "manifest.json names key %s, but it was signed with key %s",
                 manifest->key_id, baken_minisign_public_key_get_id_string (key)), NULL;

  if (baken_manifest_compare_versions (manifest->min_app_version, PACKAGE_VERSION) > 0)
    return fail (source, "manifest", error, BAKEN_BUNDLE_ERROR_APP_TOO_OLD,
                 "The bundle needs Baken %s or newer; this is Baken %s",
                 manifest->min_app_version, PACKAGE_VERSION), NULL;
  if (manifest->schema_version != BAKEN_SCHEMA_VERSION)
    return fail (source, "manifest", error, BAKEN_BUNDLE_ERROR_SCHEMA,
                 "The bundle has content schema version %u; this kiosk reads version %d",
                 manifest->schema_version, BAKEN_SCHEMA_VERSION), NULL;

  pass (source, "manifest", "format %u, serial %" G_GUINT64_FORMAT ", %u file(s)",
        manifest->format, manifest->serial, manifest->files->len);
  return g_steal_pointer (&manifest);
}

/* A created time in the future only says that this clock runs behind the build
 * machine's: it guards against nothing that expiry and the serial floor do not, and
 * refusing it would take a kiosk with a dead clock battery out of service. Expiry is
 * judged at the later of now and created. */
static gboolean
check_dates (Source         *source,
             BakenManifest  *manifest,
             GDateTime      *now,
             gint64         *clock_behind,
             GError        **error)
{
  g_autofree char *created = baken_manifest_format_time (manifest->created);
  g_autofree char *expires = baken_manifest_format_time (manifest->expires);
  g_autofree char *now_text = baken_manifest_format_time (now);
  gint64 behind = g_date_time_to_unix (manifest->created) - g_date_time_to_unix (now);
  GDateTime *judged_at = behind > 0 ? manifest->created : now;

  if (g_date_time_compare (manifest->expires, judged_at) <= 0)
    return fail (source, "dates", error, BAKEN_BUNDLE_ERROR_EXPIRED,
                 "The bundle expired at %s (now %s); publish a new one", expires, now_text);

  *clock_behind = behind > BAKEN_BUNDLE_CLOCK_SKEW ? behind : 0;
  if (*clock_behind > 0)
    pass (source, "dates", "created %s, expires %s; the clock here (%s) runs %" G_GINT64_FORMAT
          " min behind the build machine's: check its time sync", created, expires, now_text,
          *clock_behind / 60);
  else
    pass (source, "dates", "created %s, expires %s", created, expires);
  return TRUE;
}

static GBytes *
check_content_file (Source         *source,
                    BakenManifest  *manifest,
                    char          **out_name,
                    char          **out_sha256,
                    GError        **error)
{
  g_autofree char *name = g_strdup_printf (BAKEN_BUNDLE_CONTENT_PATTERN, manifest->serial);
  const BakenManifestFile *file = baken_manifest_find_file (manifest, name);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;

  if (file == NULL || manifest->files->len != 1)
    return fail (source, "files", error, BAKEN_BUNDLE_ERROR_FILES,
                 "The manifest must list exactly one file, %s", name), NULL;
  if (file->size > BAKEN_BUNDLE_MAX_CONTENT_SIZE)
    return fail (source, "size", error, BAKEN_BUNDLE_ERROR_SIZE,
                 "%s is declared as %" G_GUINT64_FORMAT " bytes; at most %" G_GUINT64_FORMAT
                 " are allowed", name, file->size, BAKEN_BUNDLE_MAX_CONTENT_SIZE), NULL;

  bytes = load (source, "size", name, BAKEN_BUNDLE_MAX_CONTENT_SIZE, (gint64) file->size, error);
  if (bytes == NULL)
    return NULL;
  pass (source, "size", "%s is %" G_GUINT64_FORMAT " bytes, as declared", name, file->size);

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (strcmp (sha256, file->sha256) != 0)
    return fail (source, "sha256", error, BAKEN_BUNDLE_ERROR_HASH,
                 "%s has sha256 %s; the manifest says %s (the file was changed or belongs to "
                 "another bundle)", name, sha256, file->sha256), NULL;
  pass (source, "sha256", "%s matches", name);

  *out_name = g_steal_pointer (&name);
  *out_sha256 = g_steal_pointer (&sha256);
  return g_steal_pointer (&bytes);
}

/* Public API */

void
baken_verified_bundle_free (BakenVerifiedBundle *bundle)
{
  if (bundle == NULL)
    return;

  g_clear_object (&bundle->catalog);
  g_clear_pointer (&bundle->created, g_date_time_unref);
  g_clear_pointer (&bundle->expires, g_date_time_unref);
  g_free (bundle->key_id);
  g_free (bundle->trusted_comment);
  g_free (bundle->content_name);
  g_free (bundle->content_sha256);
  g_free (bundle);
}

GPtrArray *
baken_bundle_trusted_keys (GPtrArray *configured)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_minisign_public_key_unref);

  if (configured != NULL && configured->len > 0)
    {
      for (guint i = 0; i < configured->len; i++)
        g_ptr_array_add (keys, baken_minisign_public_key_ref (g_ptr_array_index (configured, i)));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      BakenMinisignPublicKey *demo;

      demo = baken_minisign_public_key_new_from_base64 (BAKEN_BUNDLE_DEMO_PUBLIC_KEY, &error);
      g_assert_no_error (error);
      g_ptr_array_add (keys, demo);
    }

  return keys;
}

static BakenVerifiedBundle *
verify (Source     *source,
        GPtrArray  *keys,
        GDateTime  *now,
        GError    **error)
{
  g_autoptr(GBytes) manifest_bytes = NULL;
  g_autoptr(GBytes) signature_bytes = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(BakenMinisignSignature) signature = NULL;
  g_autoptr(BakenManifest) manifest = NULL;
  g_autoptr(BakenVerifiedBundle) bundle = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *content_name = NULL;
  g_autofree char *content_sha256 = NULL;
  BakenMinisignPublicKey *key;
  sqlite3 *db;
  gint64 clock_behind = 0;
  gboolean ok;

  if (!(manifest_bytes = load (source, "files", BAKEN_BUNDLE_MANIFEST_NAME,
                               BAKEN_MANIFEST_MAX_SIZE, -1, error)) ||
      !(signature_bytes = load (source, "files", BAKEN_BUNDLE_SIGNATURE_NAME,
                                BAKEN_MINISIGN_MAX_FILE_SIZE, -1, error)))
    return NULL;
  pass (source, "files", BAKEN_BUNDLE_MANIFEST_NAME " and " BAKEN_BUNDLE_SIGNATURE_NAME
        " present");

  if (!(key = check_signature (source, manifest_bytes, signature_bytes, keys, &signature, error)) ||
      !(manifest = check_manifest (source, manifest_bytes, key, signature, error)) ||
      !check_dates (source, manifest, now, &clock_behind, error) ||
      !(content = check_content_file (source, manifest, &content_name, &content_sha256, error)))
    return NULL;

  if (!(db = baken_bundle_db_open (&source->report, content, content_name, error)))
    return NULL;
  ok = baken_bundle_db_check (&source->report, db, manifest, content_name, error) &&
       baken_bundle_icons_check (&source->report, db, source->icon_cache_dir, content_sha256,
                                 error);
  sqlite3_close (db);
  if (!ok)
    return NULL;

  bundle = g_new0 (BakenVerifiedBundle, 1);
  bundle->catalog = baken_catalog_new_for_bytes (content, &local_error);
  if (bundle->catalog == NULL)
    {
      fail (source, "database", error, BAKEN_BUNDLE_ERROR_NOT_DATABASE,
            "%s cannot be opened: %s", content_name, local_error->message);
      return NULL;
    }
  bundle->serial = manifest->serial;
  bundle->created = g_date_time_ref (manifest->created);
  bundle->expires = g_date_time_ref (manifest->expires);
  bundle->key_id = g_strdup (baken_minisign_public_key_get_id_string (key));
  bundle->trusted_comment = g_strdup (baken_minisign_signature_get_trusted_comment (signature));
  bundle->content_name = g_steal_pointer (&content_name);
  bundle->content_sha256 = g_steal_pointer (&content_sha256);
  bundle->root_version = manifest->root_version;
  bundle->clock_behind = clock_behind;
  return g_steal_pointer (&bundle);
}

BakenVerifiedBundle *
baken_bundle_verify (const char            *dir,
                     GPtrArray             *keys,
                     GDateTime             *now,
                     BakenBundleCheckFunc   check_func,
                     gpointer               user_data,
                     GError               **error)
{
  return baken_bundle_verify_cached (dir, keys, now, NULL, check_func, user_data, error);
}

BakenVerifiedBundle *
baken_bundle_verify_cached (const char            *dir,
                            GPtrArray             *keys,
                            GDateTime             *now,
                            const char            *icon_cache_dir,
                            BakenBundleCheckFunc   check_func,
                            gpointer               user_data,
                            GError               **error)
{
  Source source = { dir, NULL, icon_cache_dir, { check_func, user_data } };

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (keys != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return verify (&source, keys, now, error);
}

BakenVerifiedBundle *
baken_bundle_verify_resource (const char            *resource_path,
                              GPtrArray             *keys,
                              GDateTime             *now,
                              BakenBundleCheckFunc   check_func,
                              gpointer               user_data,
                              GError               **error)
{
  return baken_bundle_verify_resource_cached (resource_path, keys, now, NULL, check_func,
                                              user_data, error);
}

BakenVerifiedBundle *
baken_bundle_verify_resource_cached (const char            *resource_path,
                                     GPtrArray             *keys,
                                     GDateTime             *now,
                                     const char            *icon_cache_dir,
                                     BakenBundleCheckFunc   check_func,
                                     gpointer               user_data,
                                     GError               **error)
{
  Source source = { NULL, resource_path, icon_cache_dir, { check_func, user_data } };

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (keys != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return verify (&source, keys, now, error);
}

BakenVerifiedBundle *
baken_bundle_open_verified (const char  *dir,
                            GPtrArray   *configured_keys,
                            GDateTime   *now,
                            GError     **error)
{
  g_autoptr(GPtrArray) keys = NULL;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  keys = baken_bundle_trusted_keys (configured_keys);
  return baken_bundle_verify (dir, keys, now, NULL, NULL, error);
}
