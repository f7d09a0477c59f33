/* baken-content-build-catalog.c: write meta, icons, organisations, services, life events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One function per part of the schema; each prepares its statements and inserts the rows
 * of the loaded source in file order.
 */
#define G_LOG_DOMAIN "baken-content-build"

#include "config.h"

#include "baken-content-build-catalog.h"

#include "baken-content.h"
#include "baken-content-build-sql.h"
#include "baken-content-build-texts.h"
#include "baken-content-source-values.h"

gboolean
baken_build_write_meta (Source     *b,
                        sqlite3    *db,
                        guint64     serial,
                        const char *created,
                        const char *expires,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = baken_build_sql_prepare (db, "INSERT INTO meta (key, value) VALUES (?, ?)", error);
  g_autofree char *serial_text = g_strdup_printf ("%" G_GUINT64_FORMAT, serial);
  g_autofree char *format_text = g_strdup_printf ("%d", BAKEN_SOURCE_FORMAT);
  g_autofree char *schema_text = g_strdup_printf ("%d", BAKEN_SCHEMA_VERSION);
  const char *rows[][2] = {
    { "created", created },
    { "expires", expires },
    { "format", format_text },
    { "publisher", b->publisher },
    { "region", b->region },
    { "schema_version", schema_text },
    { "serial", serial_text },
  };

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i][1] == NULL)
        continue;
      baken_build_sql_bind_text (stmt, 1, rows[i][0]);
      baken_build_sql_bind_text (stmt, 2, rows[i][1]);
      if (!baken_build_sql_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
baken_build_write_icons (Source  *b,
                         sqlite3 *db,
                         GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = baken_build_sql_prepare (db, "INSERT INTO icon (name, svg) VALUES (?, ?)", error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (stmt == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, b->icons);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, baken_source_compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GBytes *svg = g_hash_table_lookup (b->icons, name);
      gsize size;
      gconstpointer data = g_bytes_get_data (svg, &size);

      baken_build_sql_bind_text (stmt, 1, name);
      sqlite3_bind_blob (stmt, 2, data, size, SQLITE_STATIC);
      if (!baken_build_sql_run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
baken_build_write_life_events (Source  *b,
                               sqlite3 *db,
                               GError **error)
{
  Table *t = &b->tables[T_LIFE_EVENT];
  Table *les = &b->tables[T_LIFE_EVENT_SERVICE];
  Table *syn = &b->tables[T_SYNONYM];
  g_autoptr(sqlite3_stmt) event = baken_build_sql_prepare (db, "INSERT INTO life_event (id, parent_id, position, icon, depth) VALUES (?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = baken_build_sql_prepare (db, "INSERT INTO life_event_text (life_event_id, lang, title, summary, question, body) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) link = baken_build_sql_prepare (db, "INSERT INTO life_event_service (life_event_id, service_id, position) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) link_text = baken_build_sql_prepare (db, "INSERT INTO life_event_service_text (life_event_id, service_id, lang, note) VALUES (?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) synonym = baken_build_sql_prepare (db, "INSERT INTO synonym (term, lang, life_event_id) VALUES (?, ?, ?)", error);
  static const guint text_cols[] = { LE_TITLE, LE_SUMMARY, LE_QUESTION, LE_BODY };
  static const guint note_cols[] = { LES_NOTE };

  if (event == NULL || text == NULL || link == NULL || link_text == NULL || synonym == NULL)
    return FALSE;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *id = value (row, LE_ID);
      const char *keys[] = { id };

      baken_build_sql_bind_text (event, 1, id);
      baken_build_sql_bind_text (event, 2, value (row, LE_PARENT_ID));
      sqlite3_bind_int64 (event, 3, baken_source_position_or (row, LE_POSITION, 0));
      baken_build_sql_bind_text (event, 4, value (row, LE_ICON));
      sqlite3_bind_int (event, 5, GPOINTER_TO_INT (g_hash_table_lookup (b->depth, id)) - 1);
      if (!baken_build_sql_run (db, event, error) ||
          !baken_build_insert_texts (b, db, text, T_LIFE_EVENT, id, row, keys, 1, text_cols,
                                     G_N_ELEMENTS (text_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < les->rows->len; r++)
    {
      Row *row = g_ptr_array_index (les->rows, r);
      const char *keys[] = { value (row, LES_LIFE_EVENT_ID), value (row, LES_SERVICE_ID) };
      g_autofree char *id = g_strdup_printf ("%s/%s", keys[0], keys[1]);

      baken_build_sql_bind_text (link, 1, keys[0]);
      baken_build_sql_bind_text (link, 2, keys[1]);
      sqlite3_bind_int64 (link, 3, baken_source_position_or (row, LES_POSITION, 0));
      if (!baken_build_sql_run (db, link, error) ||
          !baken_build_insert_texts (b, db, link_text, T_LIFE_EVENT_SERVICE, id, row, keys, 2,
                                     note_cols,
                                     G_N_ELEMENTS (note_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < syn->rows->len; r++)
    {
      Row *row = g_ptr_array_index (syn->rows, r);

      baken_build_sql_bind_text (synonym, 1, value (row, SYN_TERM));
      baken_build_sql_bind_text (synonym, 2, value (row, SYN_LANG) ?: "nl");
      baken_build_sql_bind_text (synonym, 3, value (row, SYN_LIFE_EVENT_ID));
      if (!baken_build_sql_run (db, synonym, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
baken_build_write_organizations (Source  *b,
                                 sqlite3 *db,
                                 GError **error)
{
  Table *t = &b->tables[T_ORGANIZATION];
  g_autoptr(sqlite3_stmt) org = baken_build_sql_prepare (db, "INSERT INTO organization (id, website, email) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = baken_build_sql_prepare (db, "INSERT INTO organization_text (organization_id, lang, name, description) VALUES (?, ?, ?, ?)", error);
  static const guint text_cols[] = { ORG_NAME, ORG_DESCRIPTION };

  if (org == NULL || text == NULL)
    return FALSE;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *id = value (row, ORG_ID);
      const char *keys[] = { id };

      baken_build_sql_bind_text (org, 1, id);
      baken_build_sql_bind_text (org, 2, value (row, ORG_WEBSITE));
      baken_build_sql_bind_text (org, 3, value (row, ORG_EMAIL));
      if (!baken_build_sql_run (db, org, error) ||
          !baken_build_insert_texts (b, db, text, T_ORGANIZATION, id, row, keys, 1, text_cols,
                                     G_N_ELEMENTS (text_cols), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
baken_build_write_services (Source  *b,
                            sqlite3 *db,
                            GError **error)
{
  Table *t = &b->tables[T_SERVICE];
  Table *docs = &b->tables[T_REQUIRED_DOCUMENT];
  Table *languages = &b->tables[T_LANGUAGE];
  g_autoptr(sqlite3_stmt) service = baken_build_sql_prepare (db, "INSERT INTO service (id, organization_id, url, email, status, assured_date, handover, minimum_age, maximum_age) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = baken_build_sql_prepare (db, "INSERT INTO service_text (service_id, lang, name, description, what_to_expect, cost, eligibility, alert, fees, wait_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) doc = baken_build_sql_prepare (db, "INSERT INTO required_document (id, service_id, position) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) doc_text = baken_build_sql_prepare (db, "INSERT INTO required_document_text (required_document_id, lang, document) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) language = baken_build_sql_prepare (db, "INSERT INTO service_language (service_id, code) VALUES (?, ?)", error);
  static const guint text_cols[] = { SVC_NAME, SVC_DESCRIPTION, SVC_APPLICATION_PROCESS,
                                     SVC_FEES_DESCRIPTION, SVC_ELIGIBILITY_DESCRIPTION, SVC_ALERT,
                                     SVC_FEES, SVC_WAIT_TIME };
  static const guint doc_cols[] = { DOC_DOCUMENT };

  if (service == NULL || text == NULL || doc == NULL || doc_text == NULL || language == NULL)
    return FALSE;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *id = value (row, SVC_ID);
      const char *keys[] = { id };

      baken_build_sql_bind_text (service, 1, id);
      baken_build_sql_bind_text (service, 2, value (row, SVC_ORGANIZATION_ID));
      baken_build_sql_bind_text (service, 3, value (row, SVC_URL));
      baken_build_sql_bind_text (service, 4, value (row, SVC_EMAIL));
      baken_build_sql_bind_text (service, 5, value (row, SVC_STATUS));
      baken_build_sql_bind_text (service, 6, value (row, SVC_ASSURED_DATE));
      baken_build_sql_bind_text (service, 7, value (row, SVC_HANDOVER));
      for (guint i = 0; i < 2; i++)
        {
          const char *age = value (row, i == 0 ? SVC_MINIMUM_AGE : SVC_MAXIMUM_AGE);

          if (age != NULL)
            sqlite3_bind_int64 (service, 8 + i, g_ascii_strtoll (age, NULL, 10));
          else
            sqlite3_bind_null (service, 8 + i);
        }
      if (!baken_build_sql_run (db, service, error) ||
          !baken_build_insert_texts (b, db, text, T_SERVICE, id, row, keys, 1, text_cols,
                                     G_N_ELEMENTS (text_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < docs->rows->len; r++)
    {
      Row *row = g_ptr_array_index (docs->rows, r);
      const char *id = value (row, DOC_ID);
      const char *keys[] = { id };

      baken_build_sql_bind_text (doc, 1, id);
      baken_build_sql_bind_text (doc, 2, value (row, DOC_SERVICE_ID));
      sqlite3_bind_int64 (doc, 3, baken_source_position_or (row, DOC_POSITION, row->ordinal));
      if (!baken_build_sql_run (db, doc, error) ||
          !baken_build_insert_texts (b, db, doc_text, T_REQUIRED_DOCUMENT, id, row, keys, 1,
                                     doc_cols,
                                     G_N_ELEMENTS (doc_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < languages->rows->len; r++)
    {
      Row *row = g_ptr_array_index (languages->rows, r);

      baken_build_sql_bind_text (language, 1, value (row, LNG_SERVICE_ID));
      baken_build_sql_bind_text (language, 2, value (row, LNG_CODE));
      if (!baken_build_sql_run (db, language, error))
        return FALSE;
    }

  return TRUE;
}
