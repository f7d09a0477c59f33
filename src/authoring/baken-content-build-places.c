/* baken-content-build-places.c: write where and when: locations, channels, schedules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Locations with their address and accessibility text, phones and channels in one
 * table, and the weekly hours and their exceptions of a channel, a service at a location
 * or a service.
 */
#define G_LOG_DOMAIN "baken-content-build"

#include "config.h"

#include "baken-content-build-places.h"

#include <string.h>

#include "baken-content.h"
#include "baken-content-build-sql.h"
#include "baken-content-build-texts.h"
#include "baken-content-source.h"
#include "baken-content-source-translations.h"
#include "baken-content-source-values.h"
#include "baken-hours.h"

static int
minutes_of (const char *text)
{
  int minutes = 0;

  if (!baken_parse_time (text, &minutes))
    g_assert_not_reached ();

  return minutes;
}

/* What separates the parts of a list in lang: Arabic script has its own comma. */
static const char *
list_separator (const char *lang)
{
  static const char * const arabic_script[] = { "ar", "fa", "ur", "ps", "ckb", NULL };

  return g_strv_contains (arabic_script, lang) ? "\u060c " : "; ";
}

/* The accessibility text of a location in lang: all its descriptions joined with "; "
 * ("، " in Arabic), or a space after a full stop.
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
        g_string_append (out, strchr (".!?", out->str[out->len - 1]) != NULL
                              ? " " : list_separator (lang));
      g_string_append (out, text);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
baken_build_write_locations (Source  *b,
                             sqlite3 *db,
                             GError **error)
{
  Table *t = &b->tables[T_LOCATION];
  Table *sal = &b->tables[T_SERVICE_AT_LOCATION];
  g_autoptr(sqlite3_stmt) location = baken_build_sql_prepare (db, "INSERT INTO location (id, latitude, longitude, address_1, address_2, postal_code, city) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = baken_build_sql_prepare (db, "INSERT INTO location_text (location_id, lang, name, description, transportation, accessibility) VALUES (?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) at = baken_build_sql_prepare (db, "INSERT INTO service_at_location (id, service_id, location_id) VALUES (?, ?, ?)", error);

  if (location == NULL || text == NULL || at == NULL)
    return FALSE;

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *id = value (row, LOC_ID);
      Row *address = g_hash_table_lookup (b->address, id);
      g_autoptr(GPtrArray) langs = baken_source_record_langs (b, "location", id);
      double degrees;

      baken_build_sql_bind_text (location, 1, id);
      if (value (row, LOC_LATITUDE) != NULL &&
          baken_source_parse_degrees (value (row, LOC_LATITUDE), 90, &degrees))
        sqlite3_bind_double (location, 2, degrees);
      if (value (row, LOC_LONGITUDE) != NULL &&
          baken_source_parse_degrees (value (row, LOC_LONGITUDE), 180, &degrees))
        sqlite3_bind_double (location, 3, degrees);
      if (address != NULL)
        {
          baken_build_sql_bind_text (location, 4, value (address, ADR_ADDRESS_1));
          baken_build_sql_bind_text (location, 5, value (address, ADR_ADDRESS_2));
          baken_build_sql_bind_text (location, 6, value (address, ADR_POSTAL_CODE));
          baken_build_sql_bind_text (location, 7, value (address, ADR_CITY));
        }
      if (!baken_build_sql_run (db, location, error))
        return FALSE;

      for (guint l = 0; l < langs->len; l++)
        {
          const char *lang = g_ptr_array_index (langs, l);
          g_autofree char *accessibility = accessibility_text (b, id, lang);

          baken_build_sql_bind_text (text, 1, id);
          baken_build_sql_bind_text (text, 2, lang);
          baken_build_sql_bind_text (text, 3,
                                     baken_source_text_in (b, T_LOCATION, id, row, LOC_NAME, lang));
          baken_build_sql_bind_text (text, 4,
                                     baken_source_text_in (b, T_LOCATION, id, row, LOC_DESCRIPTION,
                                                           lang));
          baken_build_sql_bind_text (text, 5,
                                     baken_source_text_in (b, T_LOCATION, id, row,
                                                           LOC_TRANSPORTATION, lang));
          baken_build_sql_bind_text (text, 6, accessibility);
          if (!baken_build_sql_run (db, text, error))
            return FALSE;
        }
    }

  for (guint r = 0; r < sal->rows->len; r++)
    {
      Row *row = g_ptr_array_index (sal->rows, r);

      baken_build_sql_bind_text (at, 1, value (row, SAL_ID));
      baken_build_sql_bind_text (at, 2, value (row, SAL_SERVICE_ID));
      baken_build_sql_bind_text (at, 3, value (row, SAL_LOCATION_ID));
      if (!baken_build_sql_run (db, at, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
baken_build_write_channels (Source  *b,
                            sqlite3 *db,
                            GError **error)
{
  Table *phones = &b->tables[T_PHONE];
  Table *channels = &b->tables[T_CHANNEL];
  g_autoptr(sqlite3_stmt) channel = baken_build_sql_prepare (db, "INSERT INTO channel (id, service_id, kind, value, audience, location_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = baken_build_sql_prepare (db, "INSERT INTO channel_text (channel_id, lang, label, cost_note) VALUES (?, ?, ?, ?)", error);
  static const guint phone_cols[] = { PH_DESCRIPTION, PH_COST_NOTE };
  static const guint channel_cols[] = { CH_LABEL, CH_COST_NOTE };

  if (channel == NULL || text == NULL)
    return FALSE;

  for (guint r = 0; r < phones->rows->len; r++)
    {
      Row *row = g_ptr_array_index (phones->rows, r);
      const char *id = value (row, PH_ID);
      const char *keys[] = { id };

      baken_build_sql_bind_text (channel, 1, id);
      baken_build_sql_bind_text (channel, 2, value (row, PH_SERVICE_ID));
      baken_build_sql_bind_text (channel, 3, "phone");
      baken_build_sql_bind_text (channel, 4, value (row, PH_NUMBER));
      baken_build_sql_bind_text (channel, 5, value (row, PH_AUDIENCE) ?: "public");
      baken_build_sql_bind_text (channel, 6, value (row, PH_LOCATION_ID));
      sqlite3_bind_int64 (channel, 7, baken_source_position_or (row, PH_POSITION, row->ordinal));
      if (!baken_build_sql_run (db, channel, error) ||
          !baken_build_insert_texts (b, db, text, T_PHONE, id, row, keys, 1, phone_cols,
                                     G_N_ELEMENTS (phone_cols), error))
        return FALSE;
    }

  for (guint r = 0; r < channels->rows->len; r++)
    {
      Row *row = g_ptr_array_index (channels->rows, r);
      const char *id = value (row, CH_ID);
      const char *keys[] = { id };

      baken_build_sql_bind_text (channel, 1, id);
      baken_build_sql_bind_text (channel, 2, value (row, CH_SERVICE_ID));
      baken_build_sql_bind_text (channel, 3, value (row, CH_KIND));
      baken_build_sql_bind_text (channel, 4, value (row, CH_VALUE));
      baken_build_sql_bind_text (channel, 5, value (row, CH_AUDIENCE) ?: "public");
      baken_build_sql_bind_text (channel, 6, value (row, CH_LOCATION_ID));
      sqlite3_bind_int64 (channel, 7, baken_source_position_or (row, CH_POSITION,
                                                                phones->rows->len + row->ordinal));
      if (!baken_build_sql_run (db, channel, error) ||
          !baken_build_insert_texts (b, db, text, T_CHANNEL, id, row, keys, 1, channel_cols,
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
      baken_build_sql_bind_text (stmt, 2, "channel");
      baken_build_sql_bind_text (stmt, 3, value (row, channel_col));
    }
  else if (value (row, sal_col) != NULL)
    {
      baken_build_sql_bind_text (stmt, 2, "service_at_location");
      baken_build_sql_bind_text (stmt, 3, value (row, sal_col));
    }
  else
    {
      baken_build_sql_bind_text (stmt, 2, "service");
      baken_build_sql_bind_text (stmt, 3, value (row, service_col));
    }
}

gboolean
baken_build_write_schedules (Source  *b,
                             sqlite3 *db,
                             GError **error)
{
  Table *schedules = &b->tables[T_SCHEDULE];
  Table *exceptions = &b->tables[T_SCHEDULE_EXCEPTION];
  g_autoptr(sqlite3_stmt) slot = baken_build_sql_prepare (db, "INSERT INTO schedule (id, owner_kind, owner_id, days, opens, closes, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) exception = baken_build_sql_prepare (db, "INSERT INTO schedule_exception (id, owner_kind, owner_id, date, closed, opens, closes) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) text = baken_build_sql_prepare (db, "INSERT INTO schedule_exception_text (schedule_exception_id, lang, note) VALUES (?, ?, ?)", error);
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

      baken_build_sql_bind_text (slot, 1, value (row, SCH_ID));
      bind_owner (slot, row, SCH_CHANNEL_ID, SCH_SERVICE_AT_LOCATION_ID, SCH_SERVICE_ID);
      sqlite3_bind_int (slot, 4, days);
      sqlite3_bind_int (slot, 5, minutes_of (value (row, SCH_OPENS_AT)));
      sqlite3_bind_int (slot, 6, minutes_of (value (row, SCH_CLOSES_AT)));
      baken_build_sql_bind_text (slot, 7, value (row, SCH_VALID_FROM));
      baken_build_sql_bind_text (slot, 8, value (row, SCH_VALID_TO));
      if (!baken_build_sql_run (db, slot, error))
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

      baken_build_sql_bind_text (exception, 1, id);
      bind_owner (exception, row, EXC_CHANNEL_ID, EXC_SERVICE_AT_LOCATION_ID, EXC_SERVICE_ID);
      baken_build_sql_bind_text (exception, 4, value (row, EXC_DATE));
      sqlite3_bind_int (exception, 5, closed ? 1 : 0);
      if (!closed)
        {
          sqlite3_bind_int (exception, 6, minutes_of (value (row, EXC_OPENS_AT)));
          sqlite3_bind_int (exception, 7, minutes_of (value (row, EXC_CLOSES_AT)));
        }
      if (!baken_build_sql_run (db, exception, error) ||
          !baken_build_insert_texts (b, db, text, T_SCHEDULE_EXCEPTION, id, row, keys, 1, note_cols,
                                     G_N_ELEMENTS (note_cols), error))
        return FALSE;
    }

  return TRUE;
}
