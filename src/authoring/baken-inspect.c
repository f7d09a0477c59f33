/* baken-inspect.c: a human summary of a bundle or content DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything comes from the content DB (opened read-only like the kiosk does) and, for a
 * bundle folder, from manifest.json.
 */
#define G_LOG_DOMAIN "baken-inspect"

#include "config.h"

#include "baken-inspect.h"

#include <string.h>
#include <time.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "baken-file.h"
#include "baken-content.h"
#include "baken-manifest.h"

#define DEFAULT_MAX_AGE  365
#define DEFAULT_MAX_IDS  5

/* A record table and its text table. */
typedef struct
{
  const char        *table;
  const char        *text_table;
  const char        *key;        /* SQL expression for the record key in the text table */
  const char        *same;       /* SQL: text rows l and n are of the same record */
  const char *const  fields[7];
} TextTable;

static const TextTable text_tables[] = {
  { "life_event", "life_event_text", "life_event_id", "l.life_event_id = n.life_event_id",
    { "title", "summary", "question", "body", NULL } },
  { "organization", "organization_text", "organization_id", "l.organization_id = n.organization_id", { "name", "description", NULL } },
  { "service", "service_text", "service_id", "l.service_id = n.service_id",
    { "name", "description", "what_to_expect", "cost", "eligibility", "alert", NULL } },
  { "location", "location_text", "location_id", "l.location_id = n.location_id",
    { "name", "description", "transportation", "accessibility", NULL } },
  { "channel", "channel_text", "channel_id", "l.channel_id = n.channel_id", { "label", "cost_note", NULL } },
  { "required_document", "required_document_text", "required_document_id",
    "l.required_document_id = n.required_document_id",
    { "document", NULL } },
  { "life_event_service", "life_event_service_text", "n.life_event_id || '/' || n.service_id",
    "l.life_event_id = n.life_event_id AND l.service_id = n.service_id", { "note", NULL } },
  { "schedule_exception", "schedule_exception_text", "schedule_exception_id",
    "l.schedule_exception_id = n.schedule_exception_id", { "note", NULL } },
};

static const char *const count_tables[] = {
  "life_event", "life_event_service", "organization", "service", "location",
  "service_at_location", "channel", "schedule", "schedule_exception", "required_document",
  "service_language", "synonym", "icon",
};

static gboolean
query_fail (sqlite3     *db,
            GError     **error)
{
  g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
               "Cannot read the content DB: %s", sqlite3_errmsg (db));
  return FALSE;
}

/* Runs sql (with an optional text parameter) and returns the rows, each column joined
 * with '\t'. */
static GPtrArray *
query_rows (sqlite3     *db,
            const char  *sql,
            const char  *param,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      query_fail (db, error);
      return NULL;
    }
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          if (c > 0)
            g_string_append_c (row, '\t');
          g_string_append (row, text != NULL ? text : "");
        }
      g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
    }
  if (rc != SQLITE_DONE)
    {
      query_fail (db, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static char *
query_value (sqlite3     *db,
             const char  *sql,
             const char  *param,
             GError     **error)
{
  g_autoptr(GPtrArray) rows = query_rows (db, sql, param, error);

  if (rows == NULL)
    return NULL;

  return g_strdup (rows->len > 0 ? g_ptr_array_index (rows, 0) : "");
}

/* "a, b, c, … (12 in all)" of the first column of rows. */
static void
append_ids (GString   *out,
            GPtrArray *rows,
            guint      max_ids)
{
  for (guint i = 0; i < rows->len && i < max_ids; i++)
    {
      const char *row = g_ptr_array_index (rows, i);
      const char *tab = strchr (row, '\t');

      g_string_append_printf (out, "%s%.*s", i > 0 ? ", " : "",
                              tab != NULL ? (int) (tab - row) : (int) strlen (row), row);
    }
  if (rows->len > max_ids)
    g_string_append (out, ", …");
}

/* Finds the content DB of a bundle folder and reads its manifest. */
static char *
find_content (const char     *dir,
              BakenManifest **manifest,
              GError        **error)
{
  g_autofree char *manifest_path = g_build_filename (dir, "manifest.json", NULL);
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (g_file_test (manifest_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *data = NULL;
      gsize length;

      if (!baken_file_read (manifest_path, BAKEN_MANIFEST_MAX_SIZE, &data, &length, error))
        return NULL;
      *manifest = baken_manifest_parse (data, length, error);
      if (*manifest == NULL)
        {
          g_prefix_error (error, "%s: ", manifest_path);
          return NULL;
        }
      for (guint i = 0; i < (*manifest)->files->len; i++)
        {
          BakenManifestFile *file = g_ptr_array_index ((*manifest)->files, i);

          if (g_str_has_suffix (file->name, ".sqlite"))
            return g_build_filename (dir, file->name, NULL);
        }
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                   "%s names no content DB (*.sqlite)", manifest_path);
      return NULL;
    }

  folder = g_dir_open (dir, 0, error);
  if (folder == NULL)
    return NULL;
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, "content-") && g_str_has_suffix (name, ".sqlite"))
      g_ptr_array_add (found, g_strdup (name));

  if (found->len != 1)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                   found->len == 0 ? "%s has no manifest.json and no content-SERIAL.sqlite"
                                   : "%s has no manifest.json and more than one content-*.sqlite; "
                                     "name the file", dir);
      return NULL;
    }

  return g_build_filename (dir, g_ptr_array_index (found, 0), NULL);
}

char *
baken_inspect_find_content_db (const char  *path,
                               GError     **error)
{
  g_autoptr(BakenManifest) manifest = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return find_content (path, &manifest, error);
  return g_strdup (path);
}

static gboolean
append_counts (GString  *out,
               sqlite3  *db,
               GError  **error)
{
  g_string_append (out, "\nRecords:\n");
  for (guint i = 0; i < G_N_ELEMENTS (count_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", count_tables[i]);
      g_autofree char *count = query_value (db, sql, NULL, error);

      if (count == NULL)
        return FALSE;
      g_string_append_printf (out, "  %-20s %s\n", count_tables[i], count);
    }

  return TRUE;
}

static gboolean
append_languages (GString    *out,
                  sqlite3    *db,
                  GPtrArray  *langs,
                  guint       max_ids,
                  GError    **error)
{
  g_string_append (out, "\nTexts per language (records with a text row):\n");
  g_string_append_printf (out, "  %-20s", "");
  for (guint l = 0; l < langs->len; l++)
    g_string_append_printf (out, " %6s", (const char *) g_ptr_array_index (langs, l));
  g_string_append_c (out, '\n');

  for (guint t = 0; t < G_N_ELEMENTS (text_tables); t++)
    {
      g_string_append_printf (out, "  %-20s", text_tables[t].table);
      for (guint l = 0; l < langs->len; l++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE lang = ?",
                                                  text_tables[t].text_table);
          g_autofree char *count = query_value (db, sql, g_ptr_array_index (langs, l), error);

          if (count == NULL)
            return FALSE;
          g_string_append_printf (out, " %6s", count);
        }
      g_string_append_c (out, '\n');
    }

  /* Per language other than Dutch: texts that show in Dutch because they have no
   * translation (the whole record, or single fields). */
  g_string_append (out, "\nMissing translations (shown in Dutch):\n");
  if (langs->len == 1)
    g_string_append (out, "  none: the content is in Dutch only\n");

  for (guint l = 1; l < langs->len; l++)
    {
      const char *lang = g_ptr_array_index (langs, l);
      g_autoptr(GString) detail = g_string_new (NULL);
      guint total = 0, all = 0;

      for (guint t = 0; t < G_N_ELEMENTS (text_tables); t++)
        {
          const TextTable *tt = &text_tables[t];
          g_autoptr(GString) missing = g_string_new (NULL);
          g_autofree char *sql = NULL;
          g_autoptr(GPtrArray) rows = NULL;
          g_autofree char *count_sql = NULL;
          g_autofree char *count = NULL;

          /* One row per Dutch text without a translation: "key\tfield". */
          for (guint f = 0; tt->fields[f] != NULL; f++)
            g_string_append_printf (missing,
                                    "%sSELECT %s AS k, '%s' AS f FROM %s n WHERE n.lang = 'nl' "
                                    "AND n.%s IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s l "
                                    "WHERE l.lang = ?1 AND %s AND l.%s IS NOT NULL)",
                                    f > 0 ? " UNION ALL " : "", tt->key, tt->fields[f],
                                    tt->text_table, tt->fields[f], tt->text_table, tt->same,
                                    tt->fields[f]);
          sql = g_strdup_printf ("SELECT k, group_concat (f, ' ') FROM (%s) GROUP BY k ORDER BY k",
                                 missing->str);
          rows = query_rows (db, sql, lang, error);
          if (rows == NULL)
            return FALSE;

          count_sql = g_strdup_printf ("SELECT count(*) FROM (%s)", missing->str);
          count = query_value (db, count_sql, lang, error);
          if (count == NULL)
            return FALSE;

          total += g_ascii_strtoull (count, NULL, 10);
          if (rows->len == 0)
            continue;
          all += rows->len;
          g_string_append_printf (detail, "    %s: %u %s (", tt->table, rows->len,
                                  rows->len == 1 ? "record" : "records");
          append_ids (detail, rows, max_ids);
          g_string_append (detail, ")\n");
        }

      if (total == 0)
        g_string_append_printf (out, "  %s: none, every text is translated\n", lang);
      else
        g_string_append_printf (out, "  %s: %u %s in %u %s fall back to Dutch\n%s", lang, total,
                                total == 1 ? "text" : "texts", all,
                                all == 1 ? "record" : "records", detail->str);
    }

  return TRUE;
}

static gboolean
append_owner_list (GString    *out,
                   sqlite3    *db,
                   const char *title,
                   const char *sql,
                   guint       max_ids,
                   GError    **error)
{
  g_autoptr(GPtrArray) rows = query_rows (db, sql, NULL, error);

  if (rows == NULL)
    return FALSE;
  g_string_append_printf (out, "%s: %u\n", title, rows->len);
  if (rows->len > 0)
    {
      g_string_append (out, "  ");
      append_ids (out, rows, max_ids);
      g_string_append_c (out, '\n');
    }

  return TRUE;
}

/* What a public holiday does to the hours (PH in byday is bit 7 of schedule.days): who
 * keeps their hours, who has hours for holidays only, and who is open day and night
 * all week yet closes on a holiday (a crisis line that reads "closed" at Christmas). */
static gboolean
append_holidays (GString  *out,
                 sqlite3  *db,
                 guint     max_ids,
                 GError  **error)
{
  return append_owner_list (out, db, "Hours that hold on public holidays (PH)",
                            "SELECT DISTINCT owner_id FROM schedule "
                            "WHERE days & 128 AND days & 127 ORDER BY owner_id",
                            max_ids, error) &&
         append_owner_list (out, db, "Hours for public holidays only",
                            "SELECT DISTINCT owner_id FROM schedule "
                            "WHERE days = 128 ORDER BY owner_id", max_ids, error) &&
         append_owner_list (out, db, "Open day and night, but closed on public holidays",
                            "SELECT owner_id FROM schedule GROUP BY owner_kind, owner_id "
                            "HAVING max (days & 128) = 0 AND sum (opens = 0 AND closes = 1440 "
                            "AND days & 127 = 127) > 0 ORDER BY owner_id", max_ids, error);
}

static gboolean
append_findings (GString    *out,
                 sqlite3    *db,
                 const char *cutoff,
                 guint       max_age,
                 guint       max_ids,
                 GError    **error)
{
  g_autoptr(GPtrArray) no_channel = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) unknown = NULL;

  no_channel = query_rows (db,
                           "SELECT id FROM service s WHERE status = 'active' AND NOT EXISTS "
                           "(SELECT 1 FROM channel c WHERE c.service_id = s.id AND "
                           "c.audience = 'public') ORDER BY id", NULL, error);
  if (no_channel == NULL)
    return FALSE;
  g_string_append_printf (out, "\nActive services without a public channel: %u\n", no_channel->len);
  if (no_channel->len > 0)
    {
      g_string_append (out, "  ");
      append_ids (out, no_channel, max_ids);
      g_string_append_c (out, '\n');
    }

  old = query_rows (db,
                    "SELECT id, assured_date FROM service WHERE assured_date < ? "
                    "ORDER BY assured_date, id", cutoff, error);
  if (old == NULL)
    return FALSE;
  g_string_append_printf (out, "Services last checked more than %u days ago: %u\n", max_age,
                          old->len);
  for (guint i = 0; i < old->len && i < max_ids; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (old, i), "\t", 2);

      g_string_append_printf (out, "  %s (assured_date %s)\n", parts[0], parts[1]);
    }
  if (old->len > max_ids)
    g_string_append_printf (out, "  … and %u more\n", old->len - max_ids);

  if (!append_holidays (out, db, max_ids, error))
    return FALSE;

  /* For desk staff: what the receiving organisation needs at a warm handover. */
  unknown = query_rows (db, "SELECT id FROM service WHERE status = 'active' AND "
                        "(handover IS NULL OR handover = '') ORDER BY id", NULL, error);
  if (unknown == NULL)
    return FALSE;
  g_string_append_printf (out, "Active services without a handover text for staff: %u\n",
                          unknown->len);
  if (unknown->len > 0)
    {
      g_string_append (out, "  ");
      append_ids (out, unknown, max_ids);
      g_string_append_c (out, '\n');
    }
  g_clear_pointer (&unknown, g_ptr_array_unref);

  unknown = query_rows (db, "SELECT id FROM service WHERE assured_date IS NULL ORDER BY id",
                        NULL, error);
  if (unknown == NULL)
    return FALSE;
  g_string_append_printf (out, "Services never checked (no assured_date): %u\n", unknown->len);
  if (unknown->len > 0)
    {
      g_string_append (out, "  ");
      append_ids (out, unknown, max_ids);
      g_string_append_c (out, '\n');
    }

  return TRUE;
}

char *
baken_inspect (const char                *path,
               const BakenInspectOptions *options,
               GError                   **error)
{
  g_autoptr(BakenManifest) manifest = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) meta = NULL;
  g_autoptr(GPtrArray) lang_rows = NULL;
  g_autoptr(GPtrArray) langs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) meta_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint max_age = options != NULL && options->max_age_days > 0 ? options->max_age_days : DEFAULT_MAX_AGE;
  guint max_ids = options != NULL && options->max_ids > 0 ? options->max_ids : DEFAULT_MAX_IDS;
  char cutoff[16];
  GDate date;
  GStatBuf st;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  g_date_clear (&date, 1);
  if (options != NULL && options->today != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (options->today, "-", 3);
      guint64 y = 0, m = 0, d = 0;

      if (g_strv_length (parts) == 3 &&
          g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &y, NULL) &&
          g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) &&
          g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) &&
          g_date_valid_dmy (d, m, y))
        g_date_set_dmy (&date, d, m, y);
      if (!g_date_valid (&date))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "\"%s\" is not a date; write YYYY-MM-DD", options->today);
          return NULL;
        }
    }
  else
    {
      g_date_set_time_t (&date, time (NULL));
    }
  g_date_subtract_days (&date, max_age);
  g_date_strftime (cutoff, sizeof cutoff, "%Y-%m-%d", &date);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    db_path = find_content (path, &manifest, error);
  else
    db_path = g_strdup (path);
  if (db_path == NULL)
    return NULL;

  db = baken_content_open_file (db_path, error);
  if (db == NULL)
    return NULL;

  meta = query_rows (db, "SELECT key, value FROM meta", NULL, error);
  lang_rows = meta != NULL ? query_rows (db, "SELECT DISTINCT lang FROM search ORDER BY lang != 'nl', lang",
                                         NULL, error) : NULL;
  if (meta == NULL || lang_rows == NULL)
    {
      sqlite3_close (db);
      return NULL;
    }
  for (guint i = 0; i < meta->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (meta, i), "\t", 2);

      g_hash_table_insert (meta_values, g_strdup (parts[0]), g_strdup (parts[1] ?: ""));
    }
  for (guint i = 0; i < lang_rows->len; i++)
    g_ptr_array_add (langs, g_strdup (g_ptr_array_index (lang_rows, i)));
  if (langs->len == 0)
    g_ptr_array_add (langs, g_strdup ("nl"));

  if (manifest != NULL)
    {
      g_autofree char *created = baken_manifest_format_time (manifest->created);
      g_autofree char *expires = baken_manifest_format_time (manifest->expires);
      const char *db_serial = g_hash_table_lookup (meta_values, "serial");
      g_autofree char *serial = g_strdup_printf ("%" G_GUINT64_FORMAT, manifest->serial);

      g_string_append_printf (out, "Bundle: %s\n", path);
      g_string_append_printf (out, "Serial: %s%s\n", serial,
                              g_strcmp0 (db_serial, serial) != 0 ? " (the content DB says otherwise!)" : "");
      g_string_append_printf (out, "Created: %s\n", created);
      g_string_append_printf (out, "Expires: %s\n", expires);
      g_string_append_printf (out, "Key id: %s\n", manifest->key_id != NULL ? manifest->key_id : "none (not signed yet)");
      g_string_append_printf (out, "Minimum app version: %s\n", manifest->min_app_version);
    }
  else
    {
      const char *expires = g_hash_table_lookup (meta_values, "expires");

      g_string_append_printf (out, "Content DB: %s (no manifest)\n", path);
      g_string_append_printf (out, "Serial: %s\n", (char *) g_hash_table_lookup (meta_values, "serial") ?: "?");
      g_string_append_printf (out, "Created: %s\n", (char *) g_hash_table_lookup (meta_values, "created") ?: "?");
      g_string_append_printf (out, "Expires: %s\n", expires != NULL ? expires : "never");
      g_string_append (out, "Key id: none (no manifest)\n");
    }
  g_string_append_printf (out, "Content file: %s", db_path);
  if (g_stat (db_path, &st) == 0)
    g_string_append_printf (out, " (%" G_GINT64_FORMAT " bytes)", (gint64) st.st_size);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "Schema version: %s\n", (char *) g_hash_table_lookup (meta_values, "schema_version") ?: "?");
  g_string_append_printf (out, "Publisher: %s\n", (char *) g_hash_table_lookup (meta_values, "publisher") ?: "?");
  g_string_append_printf (out, "Region: %s\n", (char *) g_hash_table_lookup (meta_values, "region") ?: "?");
  g_string_append (out, "Languages:");
  for (guint l = 0; l < langs->len; l++)
    g_string_append_printf (out, " %s", (const char *) g_ptr_array_index (langs, l));
  g_string_append_c (out, '\n');

  ok = append_counts (out, db, error) &&
       append_languages (out, db, langs, max_ids, error) &&
       append_findings (out, db, cutoff, max_age, max_ids, error);
  sqlite3_close (db);

  if (!ok)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}
