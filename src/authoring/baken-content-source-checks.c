/* baken-content-source-checks.c: the checks that span rows and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After every table is loaded: references to ids in other tables, phones and channels,
 * the target and times of schedules and exceptions, one physical address per location
 * and rows listed twice. The tree of life events is checked in
 * baken-content-source-life-events.c. Also collects the synonyms and the accessibility
 * rows of each location for the writer.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source-checks.h"

#include "baken-content-source.h"
#include "baken-content-source-format.h"
#include "baken-content-source-report.h"
#include "baken-content-source-values.h"

#include <string.h>

#include "baken-hours.h"

/* Checks */

void
baken_source_check_references (Source *b)
{
  Table *phones = &b->tables[T_PHONE];
  Table *channels = &b->tables[T_CHANNEL];

  for (guint tid = 0; tid < N_TABLES; tid++)
    {
      Table *t = &b->tables[tid];

      for (guint r = 0; r < t->rows->len; r++)
        {
          Row *row = g_ptr_array_index (t->rows, r);

          for (guint c = 0; c < t->spec->n_columns; c++)
            {
              const ColumnSpec *cs = &t->spec->columns[c];
              const char *ref = value (row, c);

              if (ref == NULL)
                continue;

              if (cs->type == V_REF &&
                  !g_hash_table_contains (b->tables[cs->ref].by_id, ref))
                {
                  const TableSpec *target = baken_source_table_spec (cs->ref);

                  baken_source_report_field (b->report, t, row, c,
                                             "%s \"%s\" does not exist in %s; use one of "
                                             "its ids or add the %s", cs->name, ref,
                                             target->file, target->noun);
                  mark_bad (row, c);
                }
              else if (cs->type == V_CHANNEL_REF &&
                       !g_hash_table_contains (phones->by_id, ref) &&
                       !g_hash_table_contains (channels->by_id, ref))
                {
                  baken_source_report_field (b->report, t, row, c,
                                             "%s \"%s\" is neither in phones.csv nor in "
                                             "channels.csv; use one of their ids or add "
                                             "the phone or channel", cs->name, ref);
                  mark_bad (row, c);
                }
            }
        }
    }

  /* Phones and channels share one table in the DB, so one set of ids. */
  for (guint r = 0; r < channels->rows->len; r++)
    {
      Row *row = g_ptr_array_index (channels->rows, r);
      const char *id = value (row, CH_ID);
      Row *phone = id != NULL ? g_hash_table_lookup (phones->by_id, id) : NULL;

      if (phone != NULL)
        baken_source_report_field (b->report, channels, row, CH_ID,
                                   "id \"%s\" is already used in phones.csv (line %u); "
                                   "phones and channels share one list of ids, so give "
                                   "this channel another id", id, phone->line);
    }
}

void
baken_source_check_phones (Source *b)
{
  Table *t = &b->tables[T_PHONE];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);

      if (!is_set (row, PH_SERVICE_ID))
        baken_source_report_field (b->report, t, row, PH_SERVICE_ID,
                                   "phone \"%s\" has no service_id; a phone must belong "
                                   "to a service, so fill in its id",
                                   value (row, PH_ID) ?: "");
    }
}

void
baken_source_check_channels (Source *b)
{
  Table *t = &b->tables[T_CHANNEL];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *kind = value (row, CH_KIND);
      const char *val = value (row, CH_VALUE);

      if (kind == NULL)
        continue;

      if (strcmp (kind, "walk_in") == 0)
        {
          if (!is_set (row, CH_LOCATION_ID))
            baken_source_report_field (b->report, t, row, CH_LOCATION_ID,
                                       "a walk_in channel needs location_id (where "
                                       "people can come in); fill in the id of a "
                                       "location");
        }
      else if (val == NULL)
        {
          if (!is_set (row, CH_VALUE))
            baken_source_report_field (b->report, t, row, CH_VALUE,
                                       "a %s channel needs a value; fill in the %s", kind,
                                       strcmp (kind, "email") == 0
                                         ? "e-mail address"
                                         : "web address (https://…)");
        }
      else if (strcmp (kind, "email") == 0 ? !baken_source_is_valid_email (val)
                                           : !baken_source_is_valid_url (val))
        {
          baken_source_report_field (b->report, t, row, CH_VALUE,
                                     strcmp (kind, "email") == 0
                                       ? "value \"%s\" is not an e-mail address; write "
                                         "it as name@example.nl"
                                       : "value \"%s\" is not a web address; write it "
                                         "in full, starting with https://",
                                     val);
          mark_bad (row, CH_VALUE);
        }
    }
}

/* Exactly one of channel_id, service_at_location_id and service_id. */
static void
check_target (Source *b,
              Table  *t,
              Row    *row,
              guint   channel_col,
              guint   sal_col,
              guint   service_col)
{
  const guint cols[] = { channel_col, sal_col, service_col };
  guint n_set = 0;
  guint first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      if (!is_set (row, cols[i]))
        continue;
      if (n_set == 0)
        first = cols[i];
      else
        baken_source_report_field (b->report, t, row, cols[i],
                                   "both %s and %s are filled in; a row is for exactly "
                                   "one of channel_id, service_at_location_id or "
                                   "service_id, so keep one", t->spec->columns[first].name,
                                   t->spec->columns[cols[i]].name);
      n_set++;
    }

  if (n_set == 0)
    baken_source_report_field (b->report, t, row,
                               t->file_column[channel_col] != 0 ? channel_col :
                               t->file_column[sal_col] != 0 ? sal_col : service_col,
                               "the row is for nothing; fill in exactly one of "
                               "channel_id (a phone or channel), service_at_location_id "
                               "(walk-in hours) or service_id");
}

void
baken_source_check_schedules (Source *b)
{
  Table *t = &b->tables[T_SCHEDULE];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *opens_at = value (row, SCH_OPENS_AT);
      const char *closes_at = value (row, SCH_CLOSES_AT);
      const char *from = value (row, SCH_VALID_FROM);
      const char *to = value (row, SCH_VALID_TO);
      int opens, closes;

      check_target (b, t, row, SCH_CHANNEL_ID, SCH_SERVICE_AT_LOCATION_ID, SCH_SERVICE_ID);

      if (opens_at != NULL && closes_at != NULL &&
          baken_parse_time (opens_at, &opens) && baken_parse_time (closes_at, &closes))
        {
          if (opens == BAKEN_MINUTES_PER_DAY)
            baken_source_report_field (b->report, t, row, SCH_OPENS_AT,
                                       "opens_at 24:00 is the end of the day; a slot "
                                       "opens at 00:00 or later and 24:00 is only a "
                                       "closing time");
          else if (opens == closes)
            baken_source_report_field (b->report, t, row, SCH_CLOSES_AT,
                                       "closes_at is the same as opens_at (%s), so the "
                                       "slot is empty; for a whole day write 00:00 to "
                                       "24:00", opens_at);
        }

      if (from != NULL && to != NULL && strcmp (from, to) > 0)
        baken_source_report_field (b->report, t, row, SCH_VALID_TO,
                                   "valid_to %s is before valid_from %s; swap them or "
                                   "fix the date", to, from);
    }
}

void
baken_source_check_exceptions (Source *b)
{
  Table *t = &b->tables[T_SCHEDULE_EXCEPTION];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      gboolean closed = FALSE;
      int opens, closes;

      check_target (b, t, row, EXC_CHANNEL_ID, EXC_SERVICE_AT_LOCATION_ID, EXC_SERVICE_ID);

      if (value (row, EXC_CLOSED) != NULL)
        baken_source_parse_bool (value (row, EXC_CLOSED), &closed);
      else if (is_set (row, EXC_CLOSED))
        continue;

      if (closed)
        {
          if (is_set (row, EXC_OPENS_AT) || is_set (row, EXC_CLOSES_AT))
            baken_source_report_field (b->report, t, row,
                                       is_set (row, EXC_OPENS_AT) ? EXC_OPENS_AT
                                                                  : EXC_CLOSES_AT,
                                       "closed is true, so opens_at and closes_at must "
                                       "be empty; remove the times or set closed to "
                                       "false");
          continue;
        }

      if (!is_set (row, EXC_OPENS_AT))
        baken_source_report_field (b->report, t, row, EXC_OPENS_AT,
                                   "opens_at is empty; an exception that is not a "
                                   "closure needs opens_at and closes_at (or set closed "
                                   "to true)");
      if (!is_set (row, EXC_CLOSES_AT))
        baken_source_report_field (b->report, t, row, EXC_CLOSES_AT,
                                   "closes_at is empty; an exception that is not a "
                                   "closure needs opens_at and closes_at (or set closed "
                                   "to true)");

      if (value (row, EXC_OPENS_AT) != NULL && value (row, EXC_CLOSES_AT) != NULL &&
          baken_parse_time (value (row, EXC_OPENS_AT), &opens) &&
          baken_parse_time (value (row, EXC_CLOSES_AT), &closes))
        {
          if (opens == BAKEN_MINUTES_PER_DAY)
            baken_source_report_field (b->report, t, row, EXC_OPENS_AT,
                                       "opens_at 24:00 is the end of the day; 24:00 is "
                                       "only a closing time");
          else if (opens == closes)
            baken_source_report_field (b->report, t, row, EXC_CLOSES_AT,
                                       "closes_at is the same as opens_at, so the "
                                       "opening is empty; fix the times or set closed "
                                       "to true");
        }
    }
}

void
baken_source_check_addresses (Source *b)
{
  Table *t = &b->tables[T_ADDRESS];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *location = value (row, ADR_LOCATION_ID);
      const char *type = value (row, ADR_ADDRESS_TYPE);
      Row *first;

      if (location == NULL || (is_set (row, ADR_ADDRESS_TYPE) && g_strcmp0 (type, "physical") != 0))
        continue;

      first = g_hash_table_lookup (b->address, location);
      if (first != NULL)
        baken_source_report_field (b->report, t, row, ADR_LOCATION_ID,
                                   "location \"%s\" already has a physical address (line "
                                   "%u); set address_type to postal or remove one",
                                   location, first->line);
      else
        g_hash_table_insert (b->address, (gpointer) location, row);
    }
}

void
baken_source_check_ages (Source *b)
{
  Table *t = &b->tables[T_SERVICE];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *minimum = value (row, SVC_MINIMUM_AGE);
      const char *maximum = value (row, SVC_MAXIMUM_AGE);

      if (minimum != NULL && maximum != NULL &&
          g_ascii_strtoll (minimum, NULL, 10) > g_ascii_strtoll (maximum, NULL, 10))
        {
          baken_source_report_field (b->report, t, row, SVC_MAXIMUM_AGE,
                                     "maximum_age %s is lower than minimum_age %s; swap them "
                                     "or fix one", maximum, minimum);
          mark_bad (row, SVC_MAXIMUM_AGE);
        }
    }
}

void
baken_source_check_unique_pairs (Source     *b,
                                 TableId     tid,
                                 guint       col_a,
                                 guint       col_b,
                                 int         col_c,
                                 const char *what)
{
  Table *t = &b->tables[tid];
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *c_value = col_c >= 0 ? value (row, col_c) : "";
      char *key;
      Row *first;

      if (value (row, col_a) == NULL || value (row, col_b) == NULL)
        continue;
      if (col_c >= 0 && c_value == NULL)
        c_value = "nl";

      key = g_strjoin ("\t", value (row, col_a), value (row, col_b), c_value, NULL);
      first = g_hash_table_lookup (seen, key);
      if (first != NULL)
        {
          baken_source_report_field (b->report, t, row, col_b,
                                     "%s (first on line %u); remove one of the rows", what,
                                     first->line);
          g_free (key);
        }
      else
        {
          g_hash_table_insert (seen, key, row);
        }
    }
}

void
baken_source_check_life_event_services (Source *b)
{
  Table *t = &b->tables[T_LIFE_EVENT_SERVICE];
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *event = value (row, LES_LIFE_EVENT_ID);
      const char *service = value (row, LES_SERVICE_ID);
      g_autofree char *key = NULL;
      Row *first;

      if (event == NULL || service == NULL)
        continue;

      key = g_strdup_printf ("%s/%s", event, service);
      first = g_hash_table_lookup (t->by_id, key);
      if (first != NULL)
        baken_source_report_field (b->report, t, row, LES_SERVICE_ID,
                                   "service \"%s\" is listed twice for life event \"%s\" "
                                   "(first on line %u); remove one of the rows", service,
                                   event, first->line);
      else
        g_hash_table_insert (t->by_id, (gpointer) baken_source_intern (b, key), row);
    }
}

/* For the writer */

void
baken_source_collect_synonyms (Source *b)
{
  Table *t = &b->tables[T_SYNONYM];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *term = value (row, SYN_TERM);
      const char *event = value (row, SYN_LIFE_EVENT_ID);
      const char *lang = value (row, SYN_LANG) ?: "nl";
      g_autofree char *key = NULL;
      GString *terms;

      if (term == NULL || event == NULL || (row->bad & (1u << SYN_LANG)))
        continue;

      key = g_strdup_printf ("%s\t%s", event, lang);
      terms = g_hash_table_lookup (b->synonyms, key);
      if (terms == NULL)
        {
          terms = g_string_new (NULL);
          g_hash_table_insert (b->synonyms, g_steal_pointer (&key), terms);
        }
      if (terms->len > 0)
        g_string_append_c (terms, ' ');
      g_string_append (terms, term);
      g_hash_table_add (b->langs, (gpointer) baken_source_intern (b, lang));
    }
}

void
baken_source_collect_accessibility (Source *b)
{
  Table *t = &b->tables[T_ACCESSIBILITY];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *location = value (row, ACC_LOCATION_ID);
      GPtrArray *rows;

      if (location == NULL || value (row, ACC_DESCRIPTION) == NULL)
        continue;

      rows = g_hash_table_lookup (b->accessibility, location);
      if (rows == NULL)
        {
          rows = g_ptr_array_new ();
          g_hash_table_insert (b->accessibility, (gpointer) location, rows);
        }
      g_ptr_array_add (rows, row);
    }
}
