/* baken-bundle-db.c: the content DB of a bundle, checked after its hash (steps 6 and 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Works on exactly the bytes that were hashed: the DB is opened from that memory
 * (sqlite3_deserialize, read-only, defensive, trusted_schema off) and asked whether it
 * is whole, has Baken's schema and the manifest's serial, and whether its references
 * resolve.
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-db.h"

#include "baken-content.h"

/* Short names for the report, as in the other steps of the verification. */
#define fail baken_bundle_report_fail
#define pass baken_bundle_report_pass

static gboolean
check_integrity (BakenBundleReport  *report,
                 sqlite3            *db,
                 const char         *name,
                 GError            **error)
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
    return fail (report, "database", error, BAKEN_BUNDLE_ERROR_NOT_DATABASE,
                 "%s is not an SQLite database", name);
  if (rc != SQLITE_OK)
    return fail (report, "integrity", error, BAKEN_BUNDLE_ERROR_INTEGRITY,
                 "%s is damaged: %s", name, sqlite3_errmsg (db));
  if (problems->len > 0)
    return fail (report, "integrity", error, BAKEN_BUNDLE_ERROR_INTEGRITY,
                 "%s is damaged (integrity_check: %.400s)", name, problems->str);

  pass (report, "database", "%s is an SQLite database", name);
  pass (report, "integrity", "integrity_check ok");
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
check_schema_and_serial (BakenBundleReport  *report,
                         sqlite3            *db,
                         BakenManifest      *manifest,
                         const char         *name,
                         GError            **error)
{
  gboolean failed = FALSE;
  g_autofree char *version = query_text (db, "PRAGMA user_version", NULL, &failed);
  g_autofree char *serial = NULL;
  guint64 value;

  if (version == NULL || g_strcmp0 (version, G_STRINGIFY (BAKEN_SCHEMA_VERSION)) != 0)
    return fail (report, "schema", error, BAKEN_BUNDLE_ERROR_SCHEMA,
                 "%s has content schema version %s; this kiosk reads version %d",
                 name, version ?: "(none)", BAKEN_SCHEMA_VERSION);
  {
    g_autoptr(GError) schema_error = NULL;

    if (!baken_content_check_schema_exact (db, name, &schema_error))
      return fail (report, "schema", error, BAKEN_BUNDLE_ERROR_SCHEMA, "%s",
                   schema_error->message);
  }
  pass (report, "schema", "version %s, exactly Baken's tables and indexes", version);

  serial = query_text (db, "SELECT value FROM meta WHERE key = ?1", "serial", &failed);
  if (serial == NULL ||
      !g_ascii_string_to_unsigned (serial, 10, 1, G_MAXUINT64, &value, NULL) ||
      value != manifest->serial)
    return fail (report, "serial", error, BAKEN_BUNDLE_ERROR_SERIAL_MISMATCH,
                 "%s holds serial %s, but the manifest has serial %" G_GUINT64_FORMAT
                 " (files of two bundles were mixed)", name, serial ?: "(none)",
                 manifest->serial);
  pass (report, "serial", "the content DB has serial %s", serial);
  return TRUE;
}

static gboolean
check_references (BakenBundleReport  *report,
                  sqlite3            *db,
                  GError            **error)
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
        return fail (report, "references", error, BAKEN_BUNDLE_ERROR_REFERENCES,
                     "The content DB cannot be checked: %s", sqlite3_errmsg (db));
      if (hit != NULL)
        return fail (report, "references", error, BAKEN_BUNDLE_ERROR_REFERENCES,
                     "The content DB is inconsistent: %s (%s)", checks[i].what, hit);
    }

  pass (report, "references", "every reference resolves");
  return TRUE;
}

/* Public API */

sqlite3 *
baken_bundle_db_open (BakenBundleReport  *report,
                      GBytes             *bytes,
                      const char         *name,
                      GError            **error)
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
      fail (report, "database", error, BAKEN_BUNDLE_ERROR_NOT_DATABASE,
            "%s cannot be opened as a database: %s", name,
            db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

gboolean
baken_bundle_db_check (BakenBundleReport  *report,
                       sqlite3            *db,
                       BakenManifest      *manifest,
                       const char         *name,
                       GError            **error)
{
  return check_integrity (report, db, name, error) &&
         check_schema_and_serial (report, db, manifest, name, error) &&
         check_references (report, db, error);
}
