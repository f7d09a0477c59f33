/* baken-content-build.c: compile a content source folder into a content DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The source is loaded and checked by baken-content-source.c. Writing happens only when
 * no problem was found: a fresh SQLite file next to the output, one transaction, then
 * renamed into place.
 */
#define G_LOG_DOMAIN "baken-content-build"

#include "config.h"

#include "baken-content-build.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "baken-content.h"
#include "baken-content-source-format.h"
#include "baken-content-source-model.h"
#include "baken-content-source-translations.h"
#include "baken-content-source-values.h"
#include "baken-hours.h"
#include "baken-search-numbers.h"

/* Writing */

static gboolean
sql_fail (sqlite3     *db,
          const char  *what,
          GError     **error)
{
  g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
               "Cannot write the content DB (%s): %s", what, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sql_fail (db, sql, error);

  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_fail (db, sql, error);
      return NULL;
    }

  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static gboolean
run (sqlite3       *db,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sql_fail (db, sqlite3_sql (stmt), error);

  return TRUE;
}

static gint64
position_or (Row    *row,
             guint   col,
             gint64  fallback)
{
  gint64 position;

  if (value (row, col) != NULL && baken_source_parse_position (value (row, col), &position))
    return position;

  return fallback;
}

static int
minutes_of (const char *text)
{
  int minutes = 0;

  if (!baken_parse_time (text, &minutes))
    g_assert_not_reached ();

  return minutes;
}

static const char *
text_or_dutch (Source     *b,
               TableId     tid,
               const char *id,
               Row        *row,
               guint       col,
               const char *lang)
{
  return baken_source_text_in (b, tid, id, row, col, lang) ?: value (row, col);
}

/* Inserts one row per language of a record into a *_text table. The statement's first
 * parameters are the key (n_keys of them), then lang, then the text columns. */
static gboolean
insert_texts (Source            *b,
              sqlite3           *db,
              sqlite3_stmt      *stmt,
              TableId            tid,
              const char        *id,
              Row               *row,
              const char *const *keys,
              guint              n_keys,
              const guint       *cols,
              guint              n_cols,
              GError           **error)
{
  g_autoptr(GPtrArray) langs = baken_source_record_langs (b, baken_source_table_spec (tid)->resource, id);

  for (guint l = 0; l < langs->len; l++)
    {
      const char *lang = g_ptr_array_index (langs, l);

      for (guint k = 0; k < n_keys; k++)
        bind_text (stmt, k + 1, keys[k]);
      bind_text (stmt, n_keys + 1, lang);
      for (guint c = 0; c < n_cols; c++)
        bind_text (stmt, n_keys + 2 + c, baken_source_text_in (b, tid, id, row, cols[c], lang));
      if (!run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_meta (Source     *b,
            sqlite3    *db,
            guint64     serial,
            const char *created,
            const char *expires,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "INSERT INTO meta (key, value) VALUES (?, ?)", error);
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
      bind_text (stmt, 1, rows[i][0]);
      bind_text (stmt, 2, rows[i][1]);
      if (!run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_icons (Source  *b,
             sqlite3 *db,
             GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "INSERT INTO icon (name, svg) VALUES (?, ?)", error);
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

      bind_text (stmt, 1, name);
      sqlite3_bind_blob (stmt, 2, data, size, SQLITE_STATIC);
      if (!run (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_life_events (Source  *b,
                   sqlite3 *db,
                   GError **error)
{
  Table *t = &b->tables[T_LIFE_EVENT];
  Table *les = &b->tables[T_LIFE_EVENT_SERVICE];
  Table *syn = &b->tables[T_SYNONYM];
  g_autoptr(sqlite3_stmt) event = prepare (db, "INSERT INTO life_event (id, parent_id, position, icon, depth) VALUES (?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = prepare (db, "INSERT INTO life_event_text (life_event_id, lang, title, summary, question, body) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) link = prepare (db, "INSERT INTO life_event_service (life_event_id, service_id, position) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) link_text = prepare (db, "INSERT INTO life_event_service_text (life_event_id, service_id, lang, note) VALUES (?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) synonym = prepare (db, "INSERT INTO synonym (term, lang, life_event_id) VALUES (?, ?, ?)", error);
  static const guint text_cols[] = { LE_TITLE, LE_SUMMARY, LE_QUESTION, LE_BODY };
  static const guint note_cols[] = { LES_NOTE };

  if (event == NULL || text == NULL || link == NULL || link_text == NULL || synonym == NULL)
    return FALSE;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *id = value (row, LE_ID);
      const char *keys[] = { id };

      bind_text (event, 1, id);
      bind_text (event, 2, value (row, LE_PARENT_ID));
      sqlite3_bind_int64 (event, 3, position_or (row, LE_POSITION, 0));
      bind_text (event, 4, value (row, LE_ICON));
      sqlite3_bind_int (event, 5, GPOINTER_TO_INT (g_hash_table_lookup (b->depth, id)) - 1);
      if (!run (db, event, error) ||
          !insert_texts (b, db, text, T_LIFE_EVENT, id, row, keys, 1, text_cols,
                         G_N_ELEMENTS (text_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < les->rows->len; r++)
    {
      Row *row = g_ptr_array_index (les->rows, r);
      const char *keys[] = { value (row, LES_LIFE_EVENT_ID), value (row, LES_SERVICE_ID) };
      g_autofree char *id = g_strdup_printf ("%s/%s", keys[0], keys[1]);

      bind_text (link, 1, keys[0]);
      bind_text (link, 2, keys[1]);
      sqlite3_bind_int64 (link, 3, position_or (row, LES_POSITION, 0));
      if (!run (db, link, error) ||
          !insert_texts (b, db, link_text, T_LIFE_EVENT_SERVICE, id, row, keys, 2, note_cols,
                         G_N_ELEMENTS (note_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < syn->rows->len; r++)
    {
      Row *row = g_ptr_array_index (syn->rows, r);

      bind_text (synonym, 1, value (row, SYN_TERM));
      bind_text (synonym, 2, value (row, SYN_LANG) ?: "nl");
      bind_text (synonym, 3, value (row, SYN_LIFE_EVENT_ID));
      if (!run (db, synonym, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_organizations (Source  *b,
                     sqlite3 *db,
                     GError **error)
{
  Table *t = &b->tables[T_ORGANIZATION];
  g_autoptr(sqlite3_stmt) org = prepare (db, "INSERT INTO organization (id, website, email) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = prepare (db, "INSERT INTO organization_text (organization_id, lang, name, description) VALUES (?, ?, ?, ?)", error);
  static const guint text_cols[] = { ORG_NAME, ORG_DESCRIPTION };

  if (org == NULL || text == NULL)
    return FALSE;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *id = value (row, ORG_ID);
      const char *keys[] = { id };

      bind_text (org, 1, id);
      bind_text (org, 2, value (row, ORG_WEBSITE));
      bind_text (org, 3, value (row, ORG_EMAIL));
      if (!run (db, org, error) ||
          !insert_texts (b, db, text, T_ORGANIZATION, id, row, keys, 1, text_cols,
                         G_N_ELEMENTS (text_cols), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_services (Source  *b,
                sqlite3 *db,
                GError **error)
{
  Table *t = &b->tables[T_SERVICE];
  Table *docs = &b->tables[T_REQUIRED_DOCUMENT];
  Table *languages = &b->tables[T_LANGUAGE];
  g_autoptr(sqlite3_stmt) service = prepare (db, "INSERT INTO service (id, organization_id, url, email, status, assured_date) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = prepare (db, "INSERT INTO service_text (service_id, lang, name, description, what_to_expect, cost, eligibility, alert) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) doc = prepare (db, "INSERT INTO required_document (id, service_id, position) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) doc_text = prepare (db, "INSERT INTO required_document_text (required_document_id, lang, document) VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) language = prepare (db, "INSERT INTO service_language (service_id, code) VALUES (?, ?)", error);
  static const guint text_cols[] = { SVC_NAME, SVC_DESCRIPTION, SVC_APPLICATION_PROCESS,
                                     SVC_FEES_DESCRIPTION, SVC_ELIGIBILITY_DESCRIPTION, SVC_ALERT };
  static const guint doc_cols[] = { DOC_DOCUMENT };

  if (service == NULL || text == NULL || doc == NULL || doc_text == NULL || language == NULL)
    return FALSE;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *id = value (row, SVC_ID);
      const char *keys[] = { id };

      bind_text (service, 1, id);
      bind_text (service, 2, value (row, SVC_ORGANIZATION_ID));
      bind_text (service, 3, value (row, SVC_URL));
      bind_text (service, 4, value (row, SVC_EMAIL));
      bind_text (service, 5, value (row, SVC_STATUS));
      bind_text (service, 6, value (row, SVC_ASSURED_DATE));
      if (!run (db, service, error) ||
          !insert_texts (b, db, text, T_SERVICE, id, row, keys, 1, text_cols,
                         G_N_ELEMENTS (text_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < docs->rows->len; r++)
    {
      Row *row = g_ptr_array_index (docs->rows, r);
      const char *id = value (row, DOC_ID);
      const char *keys[] = { id };

      bind_text (doc, 1, id);
      bind_text (doc, 2, value (row, DOC_SERVICE_ID));
      sqlite3_bind_int64 (doc, 3, position_or (row, DOC_POSITION, row->ordinal));
      if (!run (db, doc, error) ||
          !insert_texts (b, db, doc_text, T_REQUIRED_DOCUMENT, id, row, keys, 1, doc_cols,
                         G_N_ELEMENTS (doc_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < languages->rows->len; r++)
    {
      Row *row = g_ptr_array_index (languages->rows, r);

      bind_text (language, 1, value (row, LNG_SERVICE_ID));
      bind_text (language, 2, value (row, LNG_CODE));
      if (!run (db, language, error))
        return FALSE;
    }

  return TRUE;
}

/* The accessibility text of a location in lang: all its descriptions joined with "; "
 * (or a space after a full stop).
 * In another language than Dutch only when every one of them is translated (otherwise
 * NULL, so readers show the Dutch text whole rather than a mix). */
static char *
accessibility_text (Source     *b,
                    const char *location,
                    const char *lang)
{
  GPtrArray *rows = g_hash_table_lookup (b->accessibility, location);
  g_autoptr(GString) out = NULL;

  if (rows == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      const char *text = baken_source_text_in (b, T_ACCESSIBILITY, value (row, ACC_ID), row,
                                  ACC_DESCRIPTION, lang);

      if (text == NULL)
        return NULL;
      /* "Rolstoeltoegankelijk; Lift aanwezig", but "Lift aanwezig. Ringleiding". */
      if (out->len > 0)
        g_string_append (out, strchr (".!?", out->str[out->len - 1]) != NULL ? " " : "; ");
      g_string_append (out, text);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_locations (Source  *b,
                 sqlite3 *db,
                 GError **error)
{
  Table *t = &b->tables[T_LOCATION];
  Table *sal = &b->tables[T_SERVICE_AT_LOCATION];
  g_autoptr(sqlite3_stmt) location = prepare (db, "INSERT INTO location (id, latitude, longitude, address_1, address_2, postal_code, city) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = prepare (db, "INSERT INTO location_text (location_id, lang, name, description, transportation, accessibility) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) at = prepare (db, "INSERT INTO service_at_location (id, service_id, location_id) VALUES (?, ?, ?)", error);

  if (location == NULL || text == NULL || at == NULL)
    return FALSE;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *id = value (row, LOC_ID);
      Row *address = g_hash_table_lookup (b->address, id);
      g_autoptr(GPtrArray) langs = baken_source_record_langs (b, "location", id);
      double degrees;

      bind_text (location, 1, id);
      if (value (row, LOC_LATITUDE) != NULL && baken_source_parse_degrees (value (row, LOC_LATITUDE), 90, &degrees))
        sqlite3_bind_double (location, 2, degrees);
      if (value (row, LOC_LONGITUDE) != NULL && baken_source_parse_degrees (value (row, LOC_LONGITUDE), 180, &degrees))
        sqlite3_bind_double (location, 3, degrees);
      if (address != NULL)
        {
          bind_text (location, 4, value (address, ADR_ADDRESS_1));
          bind_text (location, 5, value (address, ADR_ADDRESS_2));
          bind_text (location, 6, value (address, ADR_POSTAL_CODE));
          bind_text (location, 7, value (address, ADR_CITY));
        }
      if (!run (db, location, error))
        return FALSE;

      for (guint l = 0; l < langs->len; l++)
        {
          const char *lang = g_ptr_array_index (langs, l);
          g_autofree char *accessibility = accessibility_text (b, id, lang);

          bind_text (text, 1, id);
          bind_text (text, 2, lang);
          bind_text (text, 3, baken_source_text_in (b, T_LOCATION, id, row, LOC_NAME, lang));
          bind_text (text, 4, baken_source_text_in (b, T_LOCATION, id, row, LOC_DESCRIPTION, lang));
          bind_text (text, 5, baken_source_text_in (b, T_LOCATION, id, row, LOC_TRANSPORTATION, lang));
          bind_text (text, 6, accessibility);
          if (!run (db, text, error))
            return FALSE;
        }
    }

  for (guint r = 0; r < sal->rows->len; r++)
    {
      Row *row = g_ptr_array_index (sal->rows, r);

      bind_text (at, 1, value (row, SAL_ID));
      bind_text (at, 2, value (row, SAL_SERVICE_ID));
      bind_text (at, 3, value (row, SAL_LOCATION_ID));
      if (!run (db, at, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_channels (Source  *b,
                sqlite3 *db,
                GError **error)
{
  Table *phones = &b->tables[T_PHONE];
  Table *channels = &b->tables[T_CHANNEL];
  g_autoptr(sqlite3_stmt) channel = prepare (db, "INSERT INTO channel (id, service_id, kind, value, audience, location_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = prepare (db, "INSERT INTO channel_text (channel_id, lang, label, cost_note) VALUES (?, ?, ?, ?)", error);
  static const guint phone_cols[] = { PH_DESCRIPTION, PH_COST_NOTE };
  static const guint channel_cols[] = { CH_LABEL, CH_COST_NOTE };

  if (channel == NULL || text == NULL)
    return FALSE;

  for (guint r = 0; r < phones->rows->len; r++)
    {
      Row *row = g_ptr_array_index (phones->rows, r);
      const char *id = value (row, PH_ID);
      const char *keys[] = { id };

      bind_text (channel, 1, id);
      bind_text (channel, 2, value (row, PH_SERVICE_ID));
      bind_text (channel, 3, "phone");
      bind_text (channel, 4, value (row, PH_NUMBER));
      bind_text (channel, 5, value (row, PH_AUDIENCE) ?: "public");
      bind_text (channel, 6, value (row, PH_LOCATION_ID));
      sqlite3_bind_int64 (channel, 7, position_or (row, PH_POSITION, row->ordinal));
      if (!run (db, channel, error) ||
          !insert_texts (b, db, text, T_PHONE, id, row, keys, 1, phone_cols,
                         G_N_ELEMENTS (phone_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < channels->rows->len; r++)
    {
      Row *row = g_ptr_array_index (channels->rows, r);
      const char *id = value (row, CH_ID);
      const char *keys[] = { id };

      bind_text (channel, 1, id);
      bind_text (channel, 2, value (row, CH_SERVICE_ID));
      bind_text (channel, 3, value (row, CH_KIND));
      bind_text (channel, 4, value (row, CH_VALUE));
      bind_text (channel, 5, value (row, CH_AUDIENCE) ?: "public");
      bind_text (channel, 6, value (row, CH_LOCATION_ID));
      sqlite3_bind_int64 (channel, 7, position_or (row, CH_POSITION,
                                                   phones->rows->len + row->ordinal));
      if (!run (db, channel, error) ||
          !insert_texts (b, db, text, T_CHANNEL, id, row, keys, 1, channel_cols,
                         G_N_ELEMENTS (channel_cols), error))
        return FALSE;
    }

  return TRUE;
}

static void
bind_owner (sqlite3_stmt *stmt,
            Row          *row,
            guint         channel_col,
            guint         sal_col,
            guint         service_col)
{
  if (value (row, channel_col) != NULL)
    {
      bind_text (stmt, 2, "channel");
      bind_text (stmt, 3, value (row, channel_col));
    }
  else if (value (row, sal_col) != NULL)
    {
      bind_text (stmt, 2, "service_at_location");
      bind_text (stmt, 3, value (row, sal_col));
    }
  else
    {
      bind_text (stmt, 2, "service");
      bind_text (stmt, 3, value (row, service_col));
    }
}

static gboolean
write_schedules (Source  *b,
                 sqlite3 *db,
                 GError **error)
{
  Table *schedules = &b->tables[T_SCHEDULE];
  Table *exceptions = &b->tables[T_SCHEDULE_EXCEPTION];
  g_autoptr(sqlite3_stmt) slot = prepare (db, "INSERT INTO schedule (id, owner_kind, owner_id, days, opens, closes, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) exception = prepare (db, "INSERT INTO schedule_exception (id, owner_kind, owner_id, date, closed, opens, closes) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = prepare (db, "INSERT INTO schedule_exception_text (schedule_exception_id, lang, note) VALUES (?, ?, ?)", error);
  static const guint note_cols[] = { EXC_NOTE };

  if (slot == NULL || exception == NULL || text == NULL)
    return FALSE;

  for (guint r = 0; r < schedules->rows->len; r++)
    {
      Row *row = g_ptr_array_index (schedules->rows, r);
      guint days = BAKEN_DAY_ALL;

      if (value (row, SCH_BYDAY) != NULL &&
          !baken_content_source_parse_byday (value (row, SCH_BYDAY), &days))
        g_assert_not_reached ();

      bind_text (slot, 1, value (row, SCH_ID));
      bind_owner (slot, row, SCH_CHANNEL_ID, SCH_SERVICE_AT_LOCATION_ID, SCH_SERVICE_ID);
      sqlite3_bind_int (slot, 4, days);
      sqlite3_bind_int (slot, 5, minutes_of (value (row, SCH_OPENS_AT)));
      sqlite3_bind_int (slot, 6, minutes_of (value (row, SCH_CLOSES_AT)));
      bind_text (slot, 7, value (row, SCH_VALID_FROM));
      bind_text (slot, 8, value (row, SCH_VALID_TO));
      if (!run (db, slot, error))
        return FALSE;
    }

  for (guint r = 0; r < exceptions->rows->len; r++)
    {
      Row *row = g_ptr_array_index (exceptions->rows, r);
      const char *id = value (row, EXC_ID);
      const char *keys[] = { id };
      gboolean closed = FALSE;

      if (value (row, EXC_CLOSED) != NULL)
        baken_source_parse_bool (value (row, EXC_CLOSED), &closed);

      bind_text (exception, 1, id);
      bind_owner (exception, row, EXC_CHANNEL_ID, EXC_SERVICE_AT_LOCATION_ID, EXC_SERVICE_ID);
      bind_text (exception, 4, value (row, EXC_DATE));
      sqlite3_bind_int (exception, 5, closed ? 1 : 0);
      if (!closed)
        {
          sqlite3_bind_int (exception, 6, minutes_of (value (row, EXC_OPENS_AT)));
          sqlite3_bind_int (exception, 7, minutes_of (value (row, EXC_CLOSES_AT)));
        }
      if (!run (db, exception, error) ||
          !insert_texts (b, db, text, T_SCHEDULE_EXCEPTION, id, row, keys, 1, note_cols,
                         G_N_ELEMENTS (note_cols), error))
        return FALSE;
    }

  return TRUE;
}

static char *
join_texts (const char *a,
            const char *b)
{
  if (a == NULL)
    return g_strdup (b);
  if (b == NULL)
    return g_strdup (a);

  return g_strconcat (a, "\n", b, NULL);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Whether a line of text starts with number followed by a space or the line's end. */
static gboolean
has_line (const char *text,
          const char *number)
{
  gsize length = strlen (number);

  for (const char *line = text; line != NULL; line = strchr (line, '\n'))
    {
      if (*line == '\n')
        line++;
      if (strncmp (line, number, length) == 0 &&
          (line[length] == '\0' || line[length] == '\n' || line[length] == ' '))
        return TRUE;
    }

  return FALSE;
}

static void
add_number (GHashTable *numbers,
            const char *service_id,
            const char *number)
{
  g_autofree char *joined = NULL;
  GString *words;

  if (service_id == NULL || number == NULL)
    return;

  words = g_hash_table_lookup (numbers, service_id);
  if (words == NULL)
    {
      words = g_string_new (NULL);
      g_hash_table_insert (numbers, (gpointer) service_id, words);
    }
  else if (has_line (words->str, number))
    return;  /* a postcode both of a walk-in channel and of a service at location */

  /* As written, and as one word ("030 555 01 23 0305550123"), so that search finds it
   * either way (baken-search-numbers.h). */
  joined = baken_search_numbers_join (number);
  g_string_append_printf (words, "%s%s", words->len > 0 ? "\n" : "", number);
  if (!g_str_equal (joined, number))
    g_string_append_printf (words, " %s", joined);
}

static void
add_postcode (Source     *b,
              GHashTable *numbers,
              const char *service_id,
              const char *location_id)
{
  Row *address = location_id != NULL ? g_hash_table_lookup (b->address, location_id) : NULL;

  if (address != NULL)
    add_number (numbers, service_id, value (address, ADR_POSTAL_CODE));
}

static gboolean
is_public (const char *audience)
{
  return audience == NULL || g_str_equal (audience, "public");
}

/* Per service id, the numbers residents may search it by: its public phone numbers and
 * the postcodes of its locations. Never a staff-only number. */
static GHashTable *
collect_numbers (Source *b)
{
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               string_free);
  Table *phones = &b->tables[T_PHONE];
  Table *channels = &b->tables[T_CHANNEL];
  Table *sals = &b->tables[T_SERVICE_AT_LOCATION];

  for (guint r = 0; r < phones->rows->len; r++)
    {
      Row *row = g_ptr_array_index (phones->rows, r);

      if (is_public (value (row, PH_AUDIENCE)))
        add_number (numbers, value (row, PH_SERVICE_ID), value (row, PH_NUMBER));
    }

  for (guint r = 0; r < channels->rows->len; r++)
    {
      Row *row = g_ptr_array_index (channels->rows, r);

      if (!is_public (value (row, CH_AUDIENCE)))
        continue;
      if (g_strcmp0 (value (row, CH_KIND), "phone") == 0)
        add_number (numbers, value (row, CH_SERVICE_ID), value (row, CH_VALUE));
      add_postcode (b, numbers, value (row, CH_SERVICE_ID), value (row, CH_LOCATION_ID));
    }

  for (guint r = 0; r < sals->rows->len; r++)
    {
      Row *row = g_ptr_array_index (sals->rows, r);

      add_postcode (b, numbers, value (row, SAL_SERVICE_ID), value (row, SAL_LOCATION_ID));
    }

  return numbers;
}

/* The search index: one row per record and content language, each field falling back to
 * Dutch, so a search in any language finds every record. A service's terms hold its
 * numbers too. */
static gboolean
write_search (Source  *b,
              sqlite3 *db,
              GError **error)
{
  Table *events = &b->tables[T_LIFE_EVENT];
  Table *services = &b->tables[T_SERVICE];
  Table *orgs = &b->tables[T_ORGANIZATION];
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "INSERT INTO search (kind, id, lang, title, body, terms) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(GPtrArray) langs = baken_source_sorted_langs (b);
  g_autoptr(GHashTable) numbers = NULL;

  if (stmt == NULL)
    return FALSE;

  numbers = collect_numbers (b);

  for (guint r = 0; r < events->rows->len; r++)
    {
      Row *row = g_ptr_array_index (events->rows, r);
      const char *id = value (row, LE_ID);
      g_autofree char *nl_key = g_strdup_printf ("%s\tnl", id);
      GString *nl_terms = g_hash_table_lookup (b->synonyms, nl_key);

      for (guint l = 0; l < langs->len; l++)
        {
          const char *lang = g_ptr_array_index (langs, l);
          g_autofree char *key = g_strdup_printf ("%s\t%s", id, lang);
          GString *terms = strcmp (lang, "nl") != 0 ? g_hash_table_lookup (b->synonyms, key) : NULL;
          g_autofree char *body = join_texts (text_or_dutch (b, T_LIFE_EVENT, id, row, LE_SUMMARY, lang),
                                              text_or_dutch (b, T_LIFE_EVENT, id, row, LE_BODY, lang));
          g_autofree char *all_terms = join_texts (terms != NULL ? terms->str : NULL,
                                                   nl_terms != NULL ? nl_terms->str : NULL);

          bind_text (stmt, 1, "life_event");
          bind_text (stmt, 2, id);
          bind_text (stmt, 3, lang);
          bind_text (stmt, 4, text_or_dutch (b, T_LIFE_EVENT, id, row, LE_TITLE, lang));
          bind_text (stmt, 5, body);
          bind_text (stmt, 6, all_terms);
          if (!run (db, stmt, error))
            return FALSE;
        }
    }

  for (guint r = 0; r < services->rows->len; r++)
    {
      Row *row = g_ptr_array_index (services->rows, r);
      const char *id = value (row, SVC_ID);
      const char *org_id = value (row, SVC_ORGANIZATION_ID);
      Row *org = g_hash_table_lookup (orgs->by_id, org_id);
      GString *service_numbers = g_hash_table_lookup (numbers, id);
      g_autofree char *terms = join_texts (value (row, SVC_ALTERNATE_NAME),
                                           service_numbers != NULL ? service_numbers->str : NULL);

      for (guint l = 0; l < langs->len; l++)
        {
          const char *lang = g_ptr_array_index (langs, l);
          g_autofree char *body = join_texts (text_or_dutch (b, T_SERVICE, id, row, SVC_DESCRIPTION, lang),
                                              text_or_dutch (b, T_ORGANIZATION, org_id, org, ORG_NAME, lang));

          bind_text (stmt, 1, "service");
          bind_text (stmt, 2, id);
          bind_text (stmt, 3, lang);
          bind_text (stmt, 4, text_or_dutch (b, T_SERVICE, id, row, SVC_NAME, lang));
          bind_text (stmt, 5, body);
          bind_text (stmt, 6, terms);
          if (!run (db, stmt, error))
            return FALSE;
        }
    }

  for (guint r = 0; r < orgs->rows->len; r++)
    {
      Row *row = g_ptr_array_index (orgs->rows, r);
      const char *id = value (row, ORG_ID);

      for (guint l = 0; l < langs->len; l++)
        {
          const char *lang = g_ptr_array_index (langs, l);

          bind_text (stmt, 1, "organization");
          bind_text (stmt, 2, id);
          bind_text (stmt, 3, lang);
          bind_text (stmt, 4, text_or_dutch (b, T_ORGANIZATION, id, row, ORG_NAME, lang));
          bind_text (stmt, 5, text_or_dutch (b, T_ORGANIZATION, id, row, ORG_DESCRIPTION, lang));
          bind_text (stmt, 6, value (row, ORG_ALTERNATE_NAME));
          if (!run (db, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_db (sqlite3  *db,
          GError  **error)
{
  g_autoptr(sqlite3_stmt) integrity = prepare (db, "PRAGMA integrity_check", error);
  g_autoptr(sqlite3_stmt) keys = NULL;
  const char *result;

  if (integrity == NULL)
    return FALSE;
  if (sqlite3_step (integrity) != SQLITE_ROW)
    return sql_fail (db, "PRAGMA integrity_check", error);
  result = (const char *) sqlite3_column_text (integrity, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "The new content DB fails its integrity check: %s", result);
      return FALSE;
    }

  keys = prepare (db, "PRAGMA foreign_key_check", error);
  if (keys == NULL)
    return FALSE;
  if (sqlite3_step (keys) == SQLITE_ROW)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "The new content DB has a broken reference in table %s (a bug in "
                   "baken-bundle)", sqlite3_column_text (keys, 0));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_db (Source     *b,
          const char *path,
          guint64     serial,
          const char *created,
          const char *expires,
          GError    **error)
{
  sqlite3 *db = NULL;
  g_autofree char *version = g_strdup_printf ("PRAGMA user_version = %d", BAKEN_SCHEMA_VERSION);
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot create the content DB %s: %s", path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return FALSE;
    }

  ok = exec (db, "PRAGMA journal_mode = OFF", error) &&
       exec (db, "PRAGMA synchronous = OFF", error) &&
       exec (db, "PRAGMA foreign_keys = ON", error) &&
       exec (db, baken_content_schema_sql (), error) &&
       exec (db, "BEGIN", error) &&
       exec (db, "PRAGMA defer_foreign_keys = ON", error) &&
       write_meta (b, db, serial, created, expires, error) &&
       write_icons (b, db, error) &&
       write_organizations (b, db, error) &&
       write_services (b, db, error) &&
       write_locations (b, db, error) &&
       write_channels (b, db, error) &&
       write_schedules (b, db, error) &&
       write_life_events (b, db, error) &&
       write_search (b, db, error) &&
       exec (db, "COMMIT", error) &&
       exec (db, "INSERT INTO search (search) VALUES ('optimize')", error) &&
       exec (db, version, error) &&
       check_db (db, error) &&
       exec (db, "VACUUM", error);

  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot close the content DB %s", path);
      ok = FALSE;
    }

  return ok;
}

static gboolean
sync_path (const char  *path,
           int          flags,
           GError     **error)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);
  int saved;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot sync %s to disk: %s", path, g_strerror (saved));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Options */

static char *
normalize_time (const char  *text,
                const char  *what,
                GDateTime  **out,
                GError     **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, utc);
  g_autoptr(GDateTime) in_utc = NULL;

  if (parsed == NULL)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                   "%s \"%s\" is not an ISO 8601 date and time; write it like "
                   "2025-03-31T12:00:00Z", what, text);
      return NULL;
    }

  in_utc = g_date_time_to_utc (parsed);
  if (out != NULL)
    *out = g_date_time_ref (in_utc);

  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
baken_content_build (const char              *src_dir,
                     const char              *out_path,
                     const BakenBuildOptions *options,
                     GPtrArray               *problems,
                     GError                 **error)
{
  g_autoptr(BakenContentSource) source = NULL;
  GPtrArray *source_problems;
  g_autofree char *created = NULL;
  g_autofree char *expires = NULL;
  g_autoptr(GDateTime) created_time = NULL;
  g_autoptr(GDateTime) expires_time = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  guint64 serial;
  int fd;

  g_return_val_if_fail (src_dir != NULL, FALSE);
  g_return_val_if_fail (out_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options != NULL && options->created != NULL)
    {
      created = normalize_time (options->created, "created", &created_time, error);
      if (created == NULL)
        return FALSE;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      created_time = g_date_time_new_utc (g_date_time_get_year (now),
                                          g_date_time_get_month (now),
                                          g_date_time_get_day_of_month (now),
                                          g_date_time_get_hour (now),
                                          g_date_time_get_minute (now),
                                          g_date_time_get_second (now));
      created = g_date_time_format (created_time, "%Y-%m-%dT%H:%M:%SZ");
    }

  if (options != NULL && options->expires != NULL)
    {
      expires = normalize_time (options->expires, "expires", &expires_time, error);
      if (expires == NULL)
        return FALSE;
      if (g_date_time_compare (expires_time, created_time) <= 0)
        {
          g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                       "expires (%s) is not after created (%s); pick a later date",
                       expires, created);
          return FALSE;
        }
    }

  serial = options != NULL ? options->serial : 0;
  if (serial == 0)
    {
      g_autofree char *digits = g_date_time_format (created_time, "%Y%m%d%H%M%S");

      serial = g_ascii_strtoull (digits, NULL, 10);
    }

  source = baken_content_source_load (src_dir, error);
  if (source == NULL)
    return FALSE;

  source_problems = baken_content_source_get_problems (source);
  if (source_problems->len > 0)
    {
      if (problems != NULL)
        for (guint i = 0; i < source_problems->len; i++)
          g_ptr_array_add (problems, g_strdup (g_ptr_array_index (source_problems, i)));
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                   "%u %s in %s; nothing was written", source_problems->len,
                   source_problems->len == 1 ? "problem" : "problems", src_dir);
      return FALSE;
    }

  dir = g_path_get_dirname (out_path);
  tmp_path = g_strdup_printf ("%s.tmp-XXXXXX", out_path);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot create a file in %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (!write_db (source, tmp_path, serial, created, expires, error) ||
      !sync_path (tmp_path, O_RDONLY, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, out_path) != 0)
    {
      int saved = errno;

      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_WRITE,
                   "Cannot move the content DB into place at %s: %s", out_path,
                   g_strerror (saved));
      g_unlink (tmp_path);
      return FALSE;
    }

  return sync_path (dir, O_RDONLY | O_DIRECTORY, error);
}
