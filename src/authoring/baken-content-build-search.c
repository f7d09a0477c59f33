/* baken-content-build-search.c: write the search index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per record (life event, service, organisation) and content language, each
 * field falling back to Dutch. A service is also found by its public phone numbers and
 * the postcodes of its locations. Every text is folded as search folds what residents
 * type (baken-search-fold.h): the index is for finding, what is shown comes from the
 * record's own texts.
 */
#define G_LOG_DOMAIN "baken-content-build"

#include "config.h"

#include "baken-content-build-search.h"

#include <string.h>

#include "baken-content-build-sql.h"
#include "baken-content-build-texts.h"
#include "baken-content-source-translations.h"
#include "baken-search-fold.h"
#include "baken-search-numbers.h"

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

/* Binds text as the index takes it: folded (a copy SQLite keeps until the step). */
static void
bind_folded (sqlite3_stmt *stmt,
             int           index,
             const char   *text)
{
  g_autofree char *folded = baken_search_fold (text);

  if (folded == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, folded, -1, SQLITE_TRANSIENT);
}

/* The search index: one row per record and content language, each field falling back to
 * Dutch, so a search in any language finds every record. A service's terms hold its
 * numbers too. */
gboolean
baken_build_write_search (Source  *b,
                          sqlite3 *db,
                          GError **error)
{
  Table *events = &b->tables[T_LIFE_EVENT];
  Table *services = &b->tables[T_SERVICE];
  Table *orgs = &b->tables[T_ORGANIZATION];
  g_autoptr(sqlite3_stmt) stmt = baken_build_sql_prepare (db, "INSERT INTO search (kind, id, lang, title, body, terms) VALUES (?, ?, ?, ?, ?, ?)", error);
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
          g_autofree char *body = join_texts (baken_build_text_or_dutch (b, T_LIFE_EVENT, id, row,
                                                                         LE_SUMMARY, lang),
                                              baken_build_text_or_dutch (b, T_LIFE_EVENT, id, row,
                                                                         LE_BODY, lang));
          g_autofree char *all_terms = join_texts (terms != NULL ? terms->str : NULL,
                                                   nl_terms != NULL ? nl_terms->str : NULL);

          baken_build_sql_bind_text (stmt, 1, "life_event");
          baken_build_sql_bind_text (stmt, 2, id);
          baken_build_sql_bind_text (stmt, 3, lang);
          bind_folded (stmt, 4,
                                     baken_build_text_or_dutch (b, T_LIFE_EVENT, id, row, LE_TITLE,
                                                                lang));
          bind_folded (stmt, 5, body);
          bind_folded (stmt, 6, all_terms);
          if (!baken_build_sql_run (db, stmt, error))
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
          g_autofree char *body = join_texts (baken_build_text_or_dutch (b, T_SERVICE, id, row,
                                                                         SVC_DESCRIPTION, lang),
                                              baken_build_text_or_dutch (b, T_ORGANIZATION, org_id,
                                                                         org, ORG_NAME, lang));

          baken_build_sql_bind_text (stmt, 1, "service");
          baken_build_sql_bind_text (stmt, 2, id);
          baken_build_sql_bind_text (stmt, 3, lang);
          bind_folded (stmt, 4,
                                     baken_build_text_or_dutch (b, T_SERVICE, id, row, SVC_NAME,
                                                                lang));
          bind_folded (stmt, 5, body);
          bind_folded (stmt, 6, terms);
          if (!baken_build_sql_run (db, stmt, error))
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

          baken_build_sql_bind_text (stmt, 1, "organization");
          baken_build_sql_bind_text (stmt, 2, id);
          baken_build_sql_bind_text (stmt, 3, lang);
          bind_folded (stmt, 4,
                                     baken_build_text_or_dutch (b, T_ORGANIZATION, id, row,
                                                                ORG_NAME, lang));
          bind_folded (stmt, 5,
                                     baken_build_text_or_dutch (b, T_ORGANIZATION, id, row,
                                                                ORG_DESCRIPTION, lang));
          bind_folded (stmt, 6, value (row, ORG_ALTERNATE_NAME));
          if (!baken_build_sql_run (db, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}
