/* baken-content-source-checks.c: the checks that span rows and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After every table is loaded: references to ids in other tables, phones and channels,
 * the target and times of schedules and exceptions, one physical address per location,
 * rows listed twice, and the life-event tree (its depth, cycles, icons, titles and
 * events that lead nowhere). Also collects the synonyms and the accessibility rows
 * of each location for the writer.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source.h"
#include "baken-content-source-private.h"

#include <string.h>

#include "baken-hours.h"

#define MAX_DEPTH         3
#define MAX_TITLE_WORDS   5

/* Checks */

void
_baken_content_source_check_references (Source *b)
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

                  _baken_content_source_report_field (b, t, row, c,
                                                      "%s \"%s\" does not exist in %s; use one of "
                                                      "its ids or add the %s", cs->name, ref,
                                                      target->file, target->noun);
                  mark_bad (row, c);
                }
              else if (cs->type == V_CHANNEL_REF &&
                       !g_hash_table_contains (phones->by_id, ref) &&
                       !g_hash_table_contains (channels->by_id, ref))
                {
                  _baken_content_source_report_field (b, t, row, c,
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
        _baken_content_source_report_field (b, channels, row, CH_ID,
                                            "id \"%s\" is already used in phones.csv (line %u); "
                                            "phones and channels share one list of ids, so give "
                                            "this channel another id", id, phone->line);
    }
}

void
_baken_content_source_check_phones (Source *b)
{
  Table *t = &b->tables[T_PHONE];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);

      if (!is_set (row, PH_SERVICE_ID))
        _baken_content_source_report_field (b, t, row, PH_SERVICE_ID,
                                            "phone \"%s\" has no service_id; a phone must belong "
                                            "to a service, so fill in its id",
                                            value (row, PH_ID) ?: "");
    }
}

void
_baken_content_source_check_channels (Source *b)
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
            _baken_content_source_report_field (b, t, row, CH_LOCATION_ID,
                                                "a walk_in channel needs location_id (where "
                                                "people can come in); fill in the id of a "
                                                "location");
        }
      else if (val == NULL)
        {
          if (!is_set (row, CH_VALUE))
            _baken_content_source_report_field (b, t, row, CH_VALUE,
                                                "a %s channel needs a value; fill in the %s", kind,
                                                strcmp (kind, "email") == 0
                                                  ? "e-mail address"
                                                  : "web address (https://…)");
        }
      else if (strcmp (kind, "email") == 0 ? !_baken_content_source_is_valid_email (val)
                                           : !_baken_content_source_is_valid_url (val))
        {
          _baken_content_source_report_field (b, t, row, CH_VALUE,
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
        _baken_content_source_report_field (b, t, row, cols[i],
                                            "both %s and %s are filled in; a row is for exactly "
                                            "one of channel_id, service_at_location_id or "
                                            "service_id, so keep one", t->spec->columns[first].name,
                                            t->spec->columns[cols[i]].name);
      n_set++;
    }

  if (n_set == 0)
    _baken_content_source_report_field (b, t, row,
                                        t->file_column[channel_col] != 0 ? channel_col :
                                        t->file_column[sal_col] != 0 ? sal_col : service_col,
                                        "the row is for nothing; fill in exactly one of "
                                        "channel_id (a phone or channel), service_at_location_id "
                                        "(walk-in hours) or service_id");
}

void
_baken_content_source_check_schedules (Source *b)
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
            _baken_content_source_report_field (b, t, row, SCH_OPENS_AT,
                                                "opens_at 24:00 is the end of the day; a slot "
                                                "opens at 00:00 or later and 24:00 is only a "
                                                "closing time");
          else if (opens == closes)
            _baken_content_source_report_field (b, t, row, SCH_CLOSES_AT,
                                                "closes_at is the same as opens_at (%s), so the "
                                                "slot is empty; for a whole day write 00:00 to "
                                                "24:00", opens_at);
        }

      if (from != NULL && to != NULL && strcmp (from, to) > 0)
        _baken_content_source_report_field (b, t, row, SCH_VALID_TO,
                                            "valid_to %s is before valid_from %s; swap them or "
                                            "fix the date", to, from);
    }
}

void
_baken_content_source_check_exceptions (Source *b)
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
            _baken_content_source_report_field (b, t, row,
                                                is_set (row, EXC_OPENS_AT) ? EXC_OPENS_AT
                                                                           : EXC_CLOSES_AT,
                                                "closed is true, so opens_at and closes_at must "
                                                "be empty; remove the times or set closed to "
                                                "false");
          continue;
        }

      if (!is_set (row, EXC_OPENS_AT))
        _baken_content_source_report_field (b, t, row, EXC_OPENS_AT,
                                            "opens_at is empty; an exception that is not a "
                                            "closure needs opens_at and closes_at (or set closed "
                                            "to true)");
      if (!is_set (row, EXC_CLOSES_AT))
        _baken_content_source_report_field (b, t, row, EXC_CLOSES_AT,
                                            "closes_at is empty; an exception that is not a "
                                            "closure needs opens_at and closes_at (or set closed "
                                            "to true)");

      if (value (row, EXC_OPENS_AT) != NULL && value (row, EXC_CLOSES_AT) != NULL &&
          baken_parse_time (value (row, EXC_OPENS_AT), &opens) &&
          baken_parse_time (value (row, EXC_CLOSES_AT), &closes))
        {
          if (opens == BAKEN_MINUTES_PER_DAY)
            _baken_content_source_report_field (b, t, row, EXC_OPENS_AT,
                                                "opens_at 24:00 is the end of the day; 24:00 is "
                                                "only a closing time");
          else if (opens == closes)
            _baken_content_source_report_field (b, t, row, EXC_CLOSES_AT,
                                                "closes_at is the same as opens_at, so the "
                                                "opening is empty; fix the times or set closed "
                                                "to true");
        }
    }
}

void
_baken_content_source_check_addresses (Source *b)
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
        _baken_content_source_report_field (b, t, row, ADR_LOCATION_ID,
                                            "location \"%s\" already has a physical address (line "
                                            "%u); set address_type to postal or remove one",
                                            location, first->line);
      else
        g_hash_table_insert (b->address, (gpointer) location, row);
    }
}

void
_baken_content_source_check_unique_pairs (Source     *b,
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
          _baken_content_source_report_field (b, t, row, col_b,
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
_baken_content_source_check_life_event_services (Source *b)
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
        _baken_content_source_report_field (b, t, row, LES_SERVICE_ID,
                                            "service \"%s\" is listed twice for life event \"%s\" "
                                            "(first on line %u); remove one of the rows", service,
                                            event, first->line);
      else
        g_hash_table_insert (t->by_id, (gpointer) _baken_content_source_intern (b, key), row);
    }
}

/* Life events */

static gboolean
count_words_ok (const char *text,
                guint      *n_words)
{
  gboolean in_word = FALSE;

  *n_words = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
        }
      else if (!in_word)
        {
          in_word = TRUE;
          (*n_words)++;
        }
    }

  return *n_words <= MAX_TITLE_WORDS;
}

void
_baken_content_source_check_life_events (Source *b)
{
  Table *t = &b->tables[T_LIFE_EVENT];
  Table *les = &b->tables[T_LIFE_EVENT_SERVICE];
  guint n = t->rows->len;
  g_autofree guint8 *state = g_new0 (guint8, n);     /* 0 new, 1 on the path, 2 done */
  g_autofree int *depth = g_new0 (int, n);           /* -1: broken chain */
  g_autoptr(GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) has_children = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) has_services = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) checked_icons = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (index, g_ptr_array_index (t->rows, i), GUINT_TO_POINTER (i));

  /* Depth of every event, finding cycles, in one walk up from each event. */
  for (guint i = 0; i < n; i++)
    {
      guint cur = i;
      gpointer found;
      int base;

      g_array_set_size (path, 0);
      for (;;)
        {
          Row *row = g_ptr_array_index (t->rows, cur);
          const char *parent_id = value (row, LE_PARENT_ID);
          Row *parent;

          if (state[cur] == 2)
            {
              base = depth[cur];
              break;
            }
          if (state[cur] == 1)
            {
              /* A cycle: the part of the path from cur on. Report it once, on the first
               * of its events in the file. */
              g_autoptr(GString) chain = g_string_new (NULL);
              guint start = 0, first = cur;

              while (g_array_index (path, guint, start) != cur)
                start++;
              for (guint k = start; k < path->len; k++)
                {
                  guint m = g_array_index (path, guint, k);
                  Row *member = g_ptr_array_index (t->rows, m);

                  g_string_append_printf (chain, "%s → ", value (member, LE_ID));
                  if (m < first)
                    first = m;
                  state[m] = 2;
                  depth[m] = -1;
                }
              g_string_append (chain, value (row, LE_ID));
              {
                Row *first_row = g_ptr_array_index (t->rows, first);

                _baken_content_source_report_field (b, t, first_row, LE_PARENT_ID,
                                                    "life event \"%s\" is part of a cycle (%s); "
                                                    "give one of these events another parent_id",
                                                    value (first_row, LE_ID), chain->str);
              }
              base = -1;
              break;
            }

          state[cur] = 1;
          g_array_append_val (path, cur);

          if (parent_id == NULL)
            {
              if (is_set (row, LE_PARENT_ID))
                {
                  /* A bad parent_id, already reported: no depth. */
                  base = -1;
                }
              else
                {
                  /* A top-level event. */
                  g_array_set_size (path, path->len - 1);
                  state[cur] = 2;
                  depth[cur] = 0;
                  base = 0;
                }
              break;
            }

          parent = g_hash_table_lookup (t->by_id, parent_id);
          if (parent == NULL || !g_hash_table_lookup_extended (index, parent, NULL, &found))
            {
              /* Unknown (reported) or unreadable (reported): no depth. */
              base = -1;
              break;
            }
          cur = GPOINTER_TO_UINT (found);
        }

      for (guint k = path->len; k-- > 0;)
        {
          guint m = g_array_index (path, guint, k);

          if (state[m] == 2)
            {
              base = depth[m];
              continue;
            }
          state[m] = 2;
          depth[m] = base < 0 ? -1 : base + 1;
          base = depth[m];
        }
    }

  for (guint i = 0; i < n; i++)
    {
      Row *row = g_ptr_array_index (t->rows, i);
      const char *parent_id = value (row, LE_PARENT_ID);

      if (parent_id != NULL)
        g_hash_table_add (has_children, (gpointer) parent_id);
    }
  for (guint r = 0; r < les->rows->len; r++)
    {
      Row *row = g_ptr_array_index (les->rows, r);

      if (value (row, LES_LIFE_EVENT_ID) != NULL)
        g_hash_table_add (has_services, (gpointer) value (row, LES_LIFE_EVENT_ID));
    }

  for (guint i = 0; i < n; i++)
    {
      Row *row = g_ptr_array_index (t->rows, i);
      const char *id = value (row, LE_ID);
      const char *icon = value (row, LE_ICON);
      const char *title = value (row, LE_TITLE);
      guint n_words;

      if (depth[i] >= MAX_DEPTH)
        _baken_content_source_report_field (b, t, row, LE_PARENT_ID,
                                            "life event \"%s\" is on level %d; the menu has at "
                                            "most %d levels, so attach it to an event higher up",
                                            id ?: "", depth[i] + 1, MAX_DEPTH);
      if (id != NULL && depth[i] >= 0)
        g_hash_table_insert (b->depth, (gpointer) id, GINT_TO_POINTER (depth[i] + 1));

      if (!is_set (row, LE_PARENT_ID) && !is_set (row, LE_ICON))
        _baken_content_source_report_field (b, t, row, LE_ICON,
                                            "life event \"%s\" is on the home screen and needs an "
                                            "icon; fill in the name of an SVG file in icons/ "
                                            "(without .svg)", id ?: "");
      if (icon != NULL)
        _baken_content_source_check_icon (b, t, row, icon, checked_icons);

      if (title != NULL && !count_words_ok (title, &n_words))
        _baken_content_source_report_field (b, t, row, LE_TITLE,
                                            "title \"%s\" has %u words; a tile label has at most "
                                            "%d, so shorten it (the summary can say more)", title,
                                            n_words, MAX_TITLE_WORDS);

      if (id != NULL && !g_hash_table_contains (has_children, id) &&
          !g_hash_table_contains (has_services, id))
        _baken_content_source_report_field (b, t, row, LE_ID,
                                            "life event \"%s\" has no services and no child "
                                            "events, so it leads nowhere; add rows for it to "
                                            "life_event_services.csv", id);
    }
}

void
_baken_content_source_collect_synonyms (Source *b)
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
      g_hash_table_add (b->langs, (gpointer) _baken_content_source_intern (b, lang));
    }
}

void
_baken_content_source_collect_accessibility (Source *b)
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
