/* baken-diff-facts.c: the content of a content DB as facts an editor reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each query gives (record id, fact, value) rows for one kind of record; several rows of
 * one fact make one value, joined with "; " in the query's order. Weekly hours and their
 * exceptions are worded here, as the source writes them (MO,TU 09:00–12:00).
 */
#define G_LOG_DOMAIN "baken-diff"

#include "config.h"

#include "baken-diff-facts.h"

#include <string.h>

#include "baken-content.h"

typedef struct
{
  const char *kind;
  const char *sql;     /* id, fact, value */
} Query;

/* A text column of a *_text table: the Dutch one by its name, a translation as
 * "name [en]". */
#define TEXT_FACT(table, key, column, fact) \
  "SELECT " key ", CASE WHEN lang = 'nl' THEN '" fact "' ELSE '" fact " [' || lang || ']' " \
  "END, " column " FROM " table " WHERE " column " IS NOT NULL ORDER BY lang = 'nl' DESC, lang"

static const Query queries[] = {
  { "content", "SELECT 'meta', key, value FROM meta WHERE key IN ('publisher', 'region')" },

  { "service", TEXT_FACT ("service_text", "service_id", "name", "name") },
  { "service", "SELECT s.id, 'organisation', t.name FROM service s JOIN organization_text t "
               "ON t.organization_id = s.organization_id AND t.lang = 'nl'" },
  { "service", "SELECT id, 'status', status FROM service" },
  { "service", TEXT_FACT ("service_text", "service_id", "description", "description") },
  { "service", TEXT_FACT ("service_text", "service_id", "what_to_expect", "what to expect") },
  { "service", TEXT_FACT ("service_text", "service_id", "eligibility", "eligibility") },
  { "service", "SELECT id, 'minimum age', minimum_age FROM service "
               "WHERE minimum_age IS NOT NULL" },
  { "service", "SELECT id, 'maximum age', maximum_age FROM service "
               "WHERE maximum_age IS NOT NULL" },
  { "service", TEXT_FACT ("service_text", "service_id", "fees", "fees") },
  { "service", TEXT_FACT ("service_text", "service_id", "cost", "cost") },
  { "service", TEXT_FACT ("service_text", "service_id", "wait_time", "wait time") },
  { "service", TEXT_FACT ("service_text", "service_id", "alert", "alert") },
  { "service", "SELECT d.service_id, 'what to bring', t.document FROM required_document d "
               "JOIN required_document_text t ON t.required_document_id = d.id "
               "AND t.lang = 'nl' ORDER BY d.service_id, d.position, d.id" },
  { "service", "SELECT c.service_id, c.kind || ' ' || c.id, COALESCE (c.value, '') || "
               "CASE WHEN c.audience = 'staff' THEN ' (staff only)' ELSE '' END || "
               "COALESCE (' — ' || t.label, '') || COALESCE (' — ' || t.cost_note, '') "
               "FROM channel c LEFT JOIN channel_text t ON t.channel_id = c.id "
               "AND t.lang = 'nl' ORDER BY c.service_id, c.position, c.id" },
  { "service", "SELECT a.service_id, 'places', COALESCE (t.name, a.location_id) "
               "FROM service_at_location a LEFT JOIN location_text t "
               "ON t.location_id = a.location_id AND t.lang = 'nl' ORDER BY 1, 3" },
  { "service", "SELECT l.service_id, 'listed under', COALESCE (t.title, l.life_event_id) || "
               "COALESCE (' — ' || n.note, '') FROM life_event_service l "
               "LEFT JOIN life_event_text t ON t.life_event_id = l.life_event_id "
               "AND t.lang = 'nl' LEFT JOIN life_event_service_text n "
               "ON n.life_event_id = l.life_event_id AND n.service_id = l.service_id "
               "AND n.lang = 'nl' ORDER BY 1, 3" },
  { "service", "SELECT service_id, 'languages', code FROM service_language ORDER BY 1, 3" },
  { "service", "SELECT id, 'web address', url FROM service WHERE url IS NOT NULL" },
  { "service", "SELECT id, 'e-mail', email FROM service WHERE email IS NOT NULL" },
  { "service", "SELECT id, 'last checked', assured_date FROM service "
               "WHERE assured_date IS NOT NULL" },
  { "service", "SELECT id, 'handover (staff)', handover FROM service "
               "WHERE handover IS NOT NULL" },

  { "life event", TEXT_FACT ("life_event_text", "life_event_id", "title", "title") },
  { "life event", "SELECT id, 'under', parent_id FROM life_event WHERE parent_id IS NOT NULL" },
  { "life event", "SELECT id, 'position', position FROM life_event" },
  { "life event", "SELECT id, 'icon', icon FROM life_event WHERE icon IS NOT NULL" },
  { "life event", TEXT_FACT ("life_event_text", "life_event_id", "summary", "summary") },
  { "life event", TEXT_FACT ("life_event_text", "life_event_id", "question", "question") },
  { "life event", TEXT_FACT ("life_event_text", "life_event_id", "body", "body") },
  { "life event", "SELECT life_event_id, 'synonyms', term || CASE WHEN lang = 'nl' THEN '' "
                  "ELSE ' [' || lang || ']' END FROM synonym ORDER BY 1, 3" },

  { "organisation", TEXT_FACT ("organization_text", "organization_id", "name", "name") },
  { "organisation", TEXT_FACT ("organization_text", "organization_id", "description",
                               "description") },
  { "organisation", "SELECT id, 'website', website FROM organization WHERE website IS NOT NULL" },
  { "organisation", "SELECT id, 'e-mail', email FROM organization WHERE email IS NOT NULL" },

  { "location", TEXT_FACT ("location_text", "location_id", "name", "name") },
  { "location", "SELECT id, 'address', address_1 || COALESCE (', ' || address_2, '') || "
                "COALESCE (', ' || postal_code, '') || COALESCE (' ' || city, '') "
                "FROM location WHERE address_1 IS NOT NULL" },
  { "location", "SELECT id, 'map position', latitude || ', ' || longitude FROM location "
                "WHERE latitude IS NOT NULL" },
  { "location", TEXT_FACT ("location_text", "location_id", "description", "description") },
  { "location", TEXT_FACT ("location_text", "location_id", "transportation", "transportation") },
  { "location", TEXT_FACT ("location_text", "location_id", "accessibility", "accessibility") },
};

/* Who the hours are of: the service, and which of its channels or places. */
#define OWNER_SQL \
  "CASE o.owner_kind WHEN 'service' THEN o.owner_id " \
  "WHEN 'channel' THEN (SELECT service_id FROM channel WHERE id = o.owner_id) " \
  "ELSE (SELECT service_id FROM service_at_location WHERE id = o.owner_id) END, " \
  "CASE o.owner_kind WHEN 'service' THEN '%s' " \
  "WHEN 'channel' THEN '%s of ' || (SELECT kind || ' ' || id FROM channel " \
  "WHERE id = o.owner_id) " \
  "ELSE '%s at ' || COALESCE ((SELECT t.name FROM service_at_location a " \
  "JOIN location_text t ON t.location_id = a.location_id AND t.lang = 'nl' " \
  "WHERE a.id = o.owner_id), o.owner_id) END"

void
baken_diff_facts_free (BakenDiffFacts *facts)
{
  g_free (facts->id);
  g_free (facts->label);
  g_hash_table_unref (facts->facts);
  g_ptr_array_unref (facts->order);
  g_free (facts);
}

static void
add_fact (GHashTable *records,
          const char *kind,
          const char *id,
          const char *fact,
          const char *value)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", kind, id);
  BakenDiffFacts *facts = g_hash_table_lookup (records, key);
  const char *old;

  if (facts == NULL)
    {
      facts = g_new0 (BakenDiffFacts, 1);
      facts->kind = kind;
      facts->id = g_strdup (id);
      facts->facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      facts->order = g_ptr_array_new ();
      g_hash_table_insert (records, g_steal_pointer (&key), facts);
    }

  old = g_hash_table_lookup (facts->facts, fact);
  if (old == NULL)
    {
      char *name = g_strdup (fact);

      g_hash_table_insert (facts->facts, name, g_strdup (value));
      g_ptr_array_add (facts->order, name);
    }
  else
    {
      /* insert () keeps the key it has, so the order stays right. */
      g_hash_table_insert (facts->facts, g_strdup (fact), g_strdup_printf ("%s; %s", old, value));
    }

  if (facts->label == NULL && (strcmp (fact, "name") == 0 || strcmp (fact, "title") == 0))
    facts->label = g_strdup (value);
}

/* Runs sql, adding its (id, fact, value) rows; a query db cannot prepare is skipped. */
static gboolean
run (sqlite3     *db,
     GHashTable  *records,
     const char  *kind,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_debug ("not in this content DB: %s (%s)", sql, sqlite3_errmsg (db));
      return TRUE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *fact = (const char *) sqlite3_column_text (stmt, 1);
      const char *value = (const char *) sqlite3_column_text (stmt, 2);

      if (id != NULL && fact != NULL)
        add_fact (records, kind, id, fact, value != NULL ? value : "");
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                   "cannot read the content DB: %s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* "MO,TU,PH" */
static void
append_days (GString *text,
             int      days)
{
  static const char *const names[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU", "PH" };
  gboolean first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (days & (1 << i))
      {
        g_string_append_printf (text, "%s%s", first ? "" : ",", names[i]);
        first = FALSE;
      }
}

static void
append_time (GString *text,
             int      minutes)
{
  g_string_append_printf (text, "%02d:%02d", minutes / 60, minutes % 60);
}

/* Weekly slots and the exceptions on dates, per service and what of it they are of. */
static gboolean
read_hours (sqlite3     *db,
            GHashTable  *records,
            GError     **error)
{
  g_autofree char *weekly = g_strdup_printf ("SELECT " OWNER_SQL ", o.days, o.opens, o.closes, "
                                             "o.valid_from, o.valid_to FROM schedule o "
                                             "ORDER BY 1, 2, o.days & 127 = 0, o.opens, o.days",
                                             "hours", "hours", "hours");
  g_autofree char *dates = g_strdup_printf ("SELECT " OWNER_SQL ", o.date, o.closed, o.opens, "
                                            "o.closes FROM schedule_exception o "
                                            "ORDER BY 1, 2, o.date, o.opens",
                                            "other hours", "other hours", "other hours");
  const char *const sql[] = { weekly, dates };

  for (guint q = 0; q < G_N_ELEMENTS (sql); q++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, sql[q], -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                       "cannot read the hours of the content DB: %s", sqlite3_errmsg (db));
          return FALSE;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *service = (const char *) sqlite3_column_text (stmt, 0);
          const char *fact = (const char *) sqlite3_column_text (stmt, 1);
          g_autoptr(GString) text = g_string_new (NULL);

          if (service == NULL || fact == NULL)
            continue;
          if (q == 0)
            {
              append_days (text, sqlite3_column_int (stmt, 2));
              g_string_append_c (text, ' ');
              append_time (text, sqlite3_column_int (stmt, 3));
              g_string_append (text, "–");
              append_time (text, sqlite3_column_int (stmt, 4));
              if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
                g_string_append_printf (text, " from %s", sqlite3_column_text (stmt, 5));
              if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
                g_string_append_printf (text, " until %s", sqlite3_column_text (stmt, 6));
            }
          else
            {
              g_string_append_printf (text, "%s ", sqlite3_column_text (stmt, 2));
              if (sqlite3_column_int (stmt, 3))
                g_string_append (text, "closed");
              else
                {
                  append_time (text, sqlite3_column_int (stmt, 4));
                  g_string_append (text, "–");
                  append_time (text, sqlite3_column_int (stmt, 5));
                }
            }
          add_fact (records, "service", service, fact, text->str);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                       "cannot read the hours of the content DB: %s", sqlite3_errmsg (db));
          return FALSE;
        }
    }

  return TRUE;
}

GHashTable *
baken_diff_read_facts (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) baken_diff_facts_free);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    if (!run (db, records, queries[i].kind, queries[i].sql, error))
      return NULL;
  if (!read_hours (db, records, error))
    return NULL;

  return g_steal_pointer (&records);
}
