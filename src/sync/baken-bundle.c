/* baken-bundle.c: verifying a signed content bundle before anything uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks run in the order of the design (DESIGN.md, "Bundle and trust"): nothing
 * that is not yet authenticated is parsed more than needed to authenticate it. The
 * content file is mapped once and everything after the hash check works on exactly
 * the bytes that were hashed: the DB is opened from that memory (sqlite3_deserialize,
 * read-only), and the catalog keeps a reference to it.
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "baken-content.h"
#include "baken-manifest.h"
#include "baken-minisign.h"

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

/* Limits of the icon check child. */
#define ICON_CHECK_CPU_SECONDS   10
#define ICON_CHECK_ADDRESS_SPACE (G_GUINT64_CONSTANT (1024) * 1024 * 1024)
#define ICON_CHECK_MAX_OUTPUT    (1024 * 1024)


typedef struct
{
  const char           *dir;            /* a folder, or */
  const char           *resource_path;  /* a GResource folder */
  const char           *icon_cache_dir; /* (nullable) passed icon checks */
  BakenBundleCheckFunc  check_func;
  gpointer              user_data;
} Source;

/* Helpers */

static gboolean G_GNUC_PRINTF (5, 6)
fail (Source      *source,
      const char  *check,
      GError     **error,
      int          code,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (source->check_func != NULL)
    source->check_func (check, FALSE, message, source->user_data);
  g_set_error_literal (error, BAKEN_BUNDLE_ERROR, code, message);
  return FALSE;
}

static void G_GNUC_PRINTF (3, 4)
pass (Source     *source,
      const char *check,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (source->check_func == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  source->check_func (check, TRUE, message, source->user_data);
}

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

/* SQLite */

static sqlite3 *
open_db (Source       *source,
         GBytes       *bytes,
         const char   *name,
         GError      **error)
{
  sqlite3 *db = NULL;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int enabled = 0;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_deserialize (db, "main", (unsigned char *) data, size, size,
                              SQLITE_DESERIALIZE_READONLY);
  if (rc == SQLITE_OK &&
      (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled) != SQLITE_OK ||
       sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled) != SQLITE_OK))
    rc = SQLITE_ERROR;
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA trusted_schema=OFF; PRAGMA query_only=ON;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      fail (source, "database", error, BAKEN_BUNDLE_ERROR_NOT_DATABASE,
            "%s cannot be opened as a database: %s", name,
            db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
check_integrity (Source      *source,
                 sqlite3     *db,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(20)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (line, "ok") != 0)
            g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }

  if (rc == SQLITE_NOTADB || (rc != SQLITE_OK && sqlite3_extended_errcode (db) == SQLITE_NOTADB))
    return fail (source, "database", error, BAKEN_BUNDLE_ERROR_NOT_DATABASE,
                 "%s is not an SQLite database", name);
  if (rc != SQLITE_OK)
    return fail (source, "integrity", error, BAKEN_BUNDLE_ERROR_INTEGRITY,
                 "%s is damaged: %s", name, sqlite3_errmsg (db));
  if (problems->len > 0)
    return fail (source, "integrity", error, BAKEN_BUNDLE_ERROR_INTEGRITY,
                 "%s is damaged (integrity_check: %.400s)", name, problems->str);

  pass (source, "database", "%s is an SQLite database", name);
  pass (source, "integrity", "integrity_check ok");
  return TRUE;
}

/* The first column of the first row of sql (with text bound to ?1 when not NULL), or
 * NULL; *failed is set on an SQL error. */
static char *
query_text (sqlite3     *db,
            const char  *sql,
            const char  *text,
            gboolean    *failed)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      *failed = TRUE;
      return NULL;
    }
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0) ?: "");
  if (rc != SQLITE_DONE)
    *failed = TRUE;
  return NULL;
}

static gboolean
check_schema_and_serial (Source         *source,
                         sqlite3        *db,
                         BakenManifest  *manifest,
                         const char     *name,
                         GError        **error)
{
  gboolean failed = FALSE;
  g_autofree char *version = query_text (db, "PRAGMA user_version", NULL, &failed);
  g_autofree char *serial = NULL;
  guint64 value;

  if (version == NULL || g_strcmp0 (version, G_STRINGIFY (BAKEN_SCHEMA_VERSION)) != 0)
    return fail (source, "schema", error, BAKEN_BUNDLE_ERROR_SCHEMA,
                 "%s has content schema version %s; this kiosk reads version %d",
                 name, version ?: "(none)", BAKEN_SCHEMA_VERSION);
  {
    g_autoptr(GError) schema_error = NULL;

    if (!baken_content_check_schema_exact (db, name, &schema_error))
      return fail (source, "schema", error, BAKEN_BUNDLE_ERROR_SCHEMA, "%s",
                   schema_error->message);
  }
  pass (source, "schema", "version %s, exactly Baken's tables and indexes", version);

  serial = query_text (db, "SELECT value FROM meta WHERE key = ?1", "serial", &failed);
  if (serial == NULL ||
      !g_ascii_string_to_unsigned (serial, 10, 1, G_MAXUINT64, &value, NULL) ||
      value != manifest->serial)
    return fail (source, "serial", error, BAKEN_BUNDLE_ERROR_SERIAL_MISMATCH,
                 "%s holds serial %s, but the manifest has serial %" G_GUINT64_FORMAT
                 " (files of two bundles were mixed)", name, serial ?: "(none)",
                 manifest->serial);
  pass (source, "serial", "the content DB has serial %s", serial);
  return TRUE;
}

static gboolean
check_references (Source      *source,
                  sqlite3     *db,
                  GError     **error)
{
  static const struct { const char *sql; const char *what; } checks[] = {
    { "SELECT \"table\" || ' → ' || parent FROM pragma_foreign_key_check LIMIT 1",
      "a row refers to a missing record" },
    { "SELECT 'no ' || k.key FROM (SELECT 'serial' AS key UNION ALL SELECT 'created' "
      "UNION ALL SELECT 'format') k WHERE k.key NOT IN (SELECT key FROM meta) LIMIT 1",
      "the meta table is incomplete" },
    { "SELECT id FROM life_event WHERE id NOT IN (SELECT life_event_id FROM life_event_text "
      "WHERE lang = 'nl' AND title IS NOT NULL) LIMIT 1",
      "a life event has no Dutch title" },
    { "SELECT id FROM service WHERE id NOT IN (SELECT service_id FROM service_text "
      "WHERE lang = 'nl' AND name IS NOT NULL) LIMIT 1",
      "a service has no Dutch name" },
    { "SELECT id FROM organization WHERE id NOT IN (SELECT organization_id FROM "
      "organization_text WHERE lang = 'nl' AND name IS NOT NULL) LIMIT 1",
      "an organisation has no Dutch name" },
    { "SELECT id FROM life_event WHERE depth NOT BETWEEN 0 AND 2 "
      "OR (parent_id IS NULL) != (depth = 0) LIMIT 1",
      "a life event is nested too deep or at the wrong level" },
    { "SELECT c.id FROM life_event c JOIN life_event p ON c.parent_id = p.id "
      "WHERE c.depth != p.depth + 1 LIMIT 1",
      "the life events do not form a tree" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      gboolean failed = FALSE;
      g_autofree char *hit = query_text (db, checks[i].sql, NULL, &failed);

      if (failed)
        return fail (source, "references", error, BAKEN_BUNDLE_ERROR_REFERENCES,
                     "The content DB cannot be checked: %s", sqlite3_errmsg (db));
      if (hit != NULL)
        return fail (source, "references", error, BAKEN_BUNDLE_ERROR_REFERENCES,
                     "The content DB is inconsistent: %s (%s)", checks[i].what, hit);
    }

  pass (source, "references", "every reference resolves");
  return TRUE;
}

/* Icons */

typedef struct
{
  GMutex       mutex;
  GCond        cond;
  gboolean     done;
  gboolean     timed_out;
  GSubprocess *process;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *watchdog = data;
  gint64 deadline = g_get_monotonic_time () +
                    BAKEN_BUNDLE_ICON_CHECK_TIMEOUT * G_TIME_SPAN_SECOND;

  g_mutex_lock (&watchdog->mutex);
  while (!watchdog->done)
    if (!g_cond_wait_until (&watchdog->cond, &watchdog->mutex, deadline))
      {
        if (!watchdog->done)
          {
            watchdog->timed_out = TRUE;
            g_subprocess_force_exit (watchdog->process);
          }
        break;
      }
  g_mutex_unlock (&watchdog->mutex);
  return NULL;
}

/* Runs in the child between fork and exec: only async-signal-safe calls. */
static void
limit_child (gpointer data)
{
  struct rlimit cpu = { ICON_CHECK_CPU_SECONDS, ICON_CHECK_CPU_SECONDS + 1 };
  struct rlimit none = { 0, 0 };
  struct rlimit files = { 32, 32 };
#ifndef UNDER_ASAN
  /* AddressSanitizer reserves terabytes of address space: no limit under ASan. */
  struct rlimit memory = { ICON_CHECK_ADDRESS_SPACE, ICON_CHECK_ADDRESS_SPACE };

  setrlimit (RLIMIT_AS, &memory);
#endif
  setrlimit (RLIMIT_CPU, &cpu);
  setrlimit (RLIMIT_CORE, &none);
  setrlimit (RLIMIT_FSIZE, &none);
  setrlimit (RLIMIT_NOFILE, &files);
  /* A write past RLIMIT_FSIZE fails instead of killing (SIG_IGN survives exec). */
  signal (SIGXFSZ, SIG_IGN);
}

char *
baken_bundle_dup_icon_checker_path (void)
{
  const char *env = g_getenv ("BAKEN_ICON_CHECK");
  const char *installed = LIBEXECDIR G_DIR_SEPARATOR_S "baken-icon-check";

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
#ifdef BAKEN_BUILD_ICON_CHECK
  /* Not installed: the one in the build dir (meson option build-dir-fallback). */
  if (!g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (BAKEN_BUILD_ICON_CHECK);
#endif
  return g_strdup (installed);
}

static gboolean
check_icons (Source      *source,
             sqlite3     *db,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) input = g_byte_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input_bytes = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GBytes) errors = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *checker = baken_bundle_dup_icon_checker_path ();
  g_autofree char *report = NULL;
  g_auto(GStrv) lines = NULL;
  Watchdog watchdog = { 0, };
  GThread *thread;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name, svg FROM icon ORDER BY name", -1, &stmt, NULL)
      != SQLITE_OK)
    return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_REFERENCES,
                 "The icon table cannot be read: %s", sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const void *svg = sqlite3_column_blob (stmt, 1);
      int length = sqlite3_column_bytes (stmt, 1);
      g_autofree char *header = NULL;

      if (names->len >= BAKEN_ICON_CHECK_MAX_ICONS)
        return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_ICON,
                     "The bundle has more than %d icons", BAKEN_ICON_CHECK_MAX_ICONS);
      header = g_strdup_printf ("icon %u %d\n", names->len, length);
      g_byte_array_append (input, (const guint8 *) header, strlen (header));
      if (length > 0)
        g_byte_array_append (input, svg, (guint) length);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  if (rc != SQLITE_DONE)
    return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_REFERENCES,
                 "The icon table cannot be read: %s", sqlite3_errmsg (db));
  if (names->len == 0)
    {
      pass (source, "icons", "no icons");
      return TRUE;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, limit_child, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &local_error, checker, NULL);
  if (process == NULL)
    return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                 "The icon check (%s) cannot start: %s", checker, local_error->message);

  g_mutex_init (&watchdog.mutex);
  g_cond_init (&watchdog.cond);
  watchdog.process = process;
  thread = g_thread_new ("baken-icon-watchdog", watchdog_thread, &watchdog);

  input_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&input));
  {
    /* A child that exits before reading all its input must not kill us with SIGPIPE:
     * block it in this thread (the writes happen here), then discard it if pending. */
    sigset_t pipe_set, old_set, pending;
    struct timespec no_wait = { 0, 0 };

    sigemptyset (&pipe_set);
    sigaddset (&pipe_set, SIGPIPE);
    pthread_sigmask (SIG_BLOCK, &pipe_set, &old_set);
    g_subprocess_communicate (process, input_bytes, NULL, &output, &errors, &local_error);
    /* The child stopped reading (it exited): its status and report decide below. */
    if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
      g_clear_error (&local_error);
    if (local_error == NULL)
      g_subprocess_wait (process, NULL, &local_error);
    if (sigpending (&pending) == 0 && sigismember (&pending, SIGPIPE))
      sigtimedwait (&pipe_set, NULL, &no_wait);
    pthread_sigmask (SIG_SETMASK, &old_set, NULL);
  }

  g_mutex_lock (&watchdog.mutex);
  watchdog.done = TRUE;
  g_cond_signal (&watchdog.cond);
  g_mutex_unlock (&watchdog.mutex);
  g_thread_join (thread);
  g_mutex_clear (&watchdog.mutex);
  g_cond_clear (&watchdog.cond);

  if (watchdog.timed_out)
    return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_ICON,
                 "The icon check took longer than %d seconds; an icon is too costly to draw",
                 BAKEN_BUNDLE_ICON_CHECK_TIMEOUT);
  if (local_error != NULL && !g_subprocess_get_if_signaled (process))
    return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                 "The icon check failed: %s", local_error->message);
  if (g_subprocess_get_if_signaled (process))
    {
      int sig = g_subprocess_get_term_sig (process);

      return fail (source, "icons", error,
                   sig == SIGXCPU || sig == SIGKILL || sig == SIGSEGV || sig == SIGABRT
                   ? BAKEN_BUNDLE_ERROR_ICON : BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                   "The icon check was stopped by signal %d (%s); an icon is too costly or "
                   "malformed", sig, g_strsignal (sig));
    }

  report = output != NULL && g_bytes_get_size (output) > 0 ? g_strndup (g_bytes_get_data (output, NULL),
                                       MIN (g_bytes_get_size (output), ICON_CHECK_MAX_OUTPUT))
                          : g_strdup ("");
  lines = g_strsplit (report, "\n", -1);

  if (g_subprocess_get_exit_status (process) == 1)
    {
      for (guint i = 0; lines[i] != NULL; i++)
        {
          guint64 index;
          char *end = NULL;

          if (!g_str_has_prefix (lines[i], "refused "))
            continue;
          index = g_ascii_strtoull (lines[i] + 8, &end, 10);
          if (end == lines[i] + 8 || *end != ' ' || index >= names->len)
            break;
          return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_ICON,
                       "Icon \"%s\" is refused: %.300s",
                       (const char *) g_ptr_array_index (names, index), end + 1);
        }
      return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                   "The icon check refused an icon but did not say which");
    }
  if (g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *message = errors != NULL && g_bytes_get_size (errors) > 0
                                 ? g_strndup (g_bytes_get_data (errors, NULL),
                                              MIN (g_bytes_get_size (errors), 300))
                                 : g_strdup ("");

      g_strdelimit (message, "\r\n", ' ');
      return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                   "The icon check failed with exit status %d %s",
                   g_subprocess_get_exit_status (process), g_strstrip (message));
    }

  /* Exit status 0 and one "ok INDEX" per icon, in order: nothing else counts. */
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("ok %u", i);

      if (g_strv_length (lines) <= i || strcmp (lines[i], expected) != 0)
        return fail (source, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                     "The icon check did not report on every icon");
    }

  pass (source, "icons", "%u icon(s) drawn within limits", names->len);
  return TRUE;
}

/* The icon check cache: a passed check is remembered as the file CACHE_DIR/SHA256 (the
 * content DB's sha256, which the signed manifest vouches for), holding the version of
 * this program. A marker of another version does not count: a newer checker or librsvg
 * may judge differently. Only the ICON_CACHE_KEEP newest markers are kept. */

#define ICON_CACHE_MARKER "baken-icon-check " PACKAGE_VERSION "\n"
#define ICON_CACHE_KEEP   8

static gboolean
icon_check_cached (const char *cache_dir,
                   const char *sha256)
{
  g_autofree char *path = g_build_filename (cache_dir, sha256, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) &&
         length == strlen (ICON_CACHE_MARKER) &&
         memcmp (contents, ICON_CACHE_MARKER, length) == 0;
}

typedef struct
{
  char   *path;
  gint64  mtime;
} Marker;

static int
marker_newer_first (gconstpointer a,
                    gconstpointer b)
{
  const Marker *ma = a;
  const Marker *mb = b;

  return ma->mtime < mb->mtime ? 1 : ma->mtime > mb->mtime ? -1 : 0;
}

/* Removes all but the ICON_CACHE_KEEP newest markers; keep is never removed. */
static void
prune_icon_cache (const char *cache_dir,
                  const char *keep)
{
  g_autoptr(GDir) dir = g_dir_open (cache_dir, 0, NULL);
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      Marker marker;
      struct stat st;

      /* Markers only: 64 hex digits. Temporary files of a writer are left alone. */
      if (strlen (name) != 64 || strspn (name, "0123456789abcdef") != 64 ||
          strcmp (name, keep) == 0)
        continue;
      marker.path = g_build_filename (cache_dir, name, NULL);
      if (g_lstat (marker.path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_free (marker.path);
          continue;
        }
      marker.mtime = (gint64) st.st_mtime;
      g_array_append_val (markers, marker);
    }

  g_array_sort (markers, marker_newer_first);
  for (guint i = 0; i < markers->len; i++)
    {
      Marker *marker = &g_array_index (markers, Marker, i);

      /* keep itself is the newest */
      if (i + 1 >= ICON_CACHE_KEEP)
        g_unlink (marker->path);
      g_free (marker->path);
    }
}

/* Best effort: a cache that cannot be written only costs the next start the check. */
static void
remember_icon_check (const char *cache_dir,
                     const char *sha256)
{
  g_autofree char *path = g_build_filename (cache_dir, sha256, NULL);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (cache_dir, 0700) != 0)
    {
      g_debug ("Cannot create the icon check cache %s: %s", cache_dir, g_strerror (errno));
      return;
    }
  /* Written to a temporary file and renamed: a reader sees all of it or nothing. */
  if (!g_file_set_contents_full (path, ICON_CACHE_MARKER, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_debug ("Cannot remember the icon check: %s", error->message);
      return;
    }
  prune_icon_cache (cache_dir, sha256);
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

  if (!(db = open_db (source, content, content_name, error)))
    return NULL;
  ok = check_integrity (source, db, content_name, error) &&
       check_schema_and_serial (source, db, manifest, content_name, error) &&
       check_references (source, db, error);
  if (ok && source->icon_cache_dir != NULL &&
      icon_check_cached (source->icon_cache_dir, content_sha256))
    pass (source, "icons", "checked before, for this content (%s)", source->icon_cache_dir);
  else if (ok)
    {
      ok = check_icons (source, db, error);
      if (ok && source->icon_cache_dir != NULL)
        remember_icon_check (source->icon_cache_dir, content_sha256);
    }
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
  Source source = { dir, NULL, icon_cache_dir, check_func, user_data };

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
  Source source = { NULL, resource_path, icon_cache_dir, check_func, user_data };

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
