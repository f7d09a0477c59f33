/* baken-search.c: search as you type over life events, services and organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A keystroke: the terms of the text, their typo alternatives and synonym hits, and
 * the FTS5 expression (baken-search-terms.c), then one FTS5 query that keeps only the
 * rows of the language (baken_search_keep) and ranks them (baken_search_rank), and a row
 * lookup per result shown. See baken-search-index.c for what is kept in memory.
 */
#define G_LOG_DOMAIN "baken-search"

#include "config.h"

#include <string.h>

#include "baken-search.h"
#include "baken-search-private.h"
#include "baken-search-terms.h"
#include "baken-catalog-private.h"
#include "baken-content.h"

static const char sql_search[] =
  "SELECT rowid, baken_search_rank (search) AS score FROM search "
  "WHERE search MATCH ?1 AND baken_search_keep (rowid) "
  "ORDER BY score DESC, rowid LIMIT ?2";

static const char sql_life_event[] =
  "WITH RECURSIVE up (depth, parent_id, icon) AS ("
  "  SELECT 0, parent_id, icon FROM life_event WHERE id = ?2 "
  "  UNION ALL SELECT up.depth + 1, le.parent_id, le.icon "
  "  FROM life_event le JOIN up ON le.id = up.parent_id "
  "  WHERE up.icon IS NULL AND up.depth < 32) "
  "SELECT (SELECT parent_id FROM life_event WHERE id = ?2), "
  " (SELECT COALESCE(t.summary, nl.summary) FROM life_event_text nl "
  "  LEFT JOIN life_event_text t ON t.life_event_id = nl.life_event_id AND t.lang = ?1 "
  "  WHERE nl.life_event_id = ?2 AND nl.lang = 'nl'), "
  " (SELECT icon FROM up WHERE icon IS NOT NULL ORDER BY depth LIMIT 1), "
  " (SELECT COALESCE(t.title, nl.title) FROM life_event_text nl "
  "  LEFT JOIN life_event_text t ON t.life_event_id = nl.life_event_id AND t.lang = ?1 "
  "  WHERE nl.life_event_id = ?2 AND nl.lang = 'nl')";

static const char sql_service[] =
  "SELECT s.organization_id, COALESCE(ot.name, onl.name), NULL, COALESCE(t.name, nl.name) "
  "FROM service s "
  "LEFT JOIN organization_text onl ON onl.organization_id = s.organization_id "
  "  AND onl.lang = 'nl' "
  "LEFT JOIN organization_text ot ON ot.organization_id = s.organization_id "
  "  AND ot.lang = ?1 "
  "LEFT JOIN service_text nl ON nl.service_id = s.id AND nl.lang = 'nl' "
  "LEFT JOIN service_text t ON t.service_id = s.id AND t.lang = ?1 "
  "WHERE s.id = ?2";

static const char sql_organization[] =
  "SELECT NULL, COALESCE(t.description, nl.description), NULL, COALESCE(t.name, nl.name) "
  "FROM organization_text nl "
  "LEFT JOIN organization_text t ON t.organization_id = nl.organization_id "
  "  AND t.lang = ?1 "
  "WHERE nl.organization_id = ?2 AND nl.lang = 'nl'";

static const char sql_home[] =
  "SELECT le.id, COALESCE(t.title, nl.title) FROM life_event le "
  "JOIN life_event_text nl ON nl.life_event_id = le.id AND nl.lang = 'nl' "
  "LEFT JOIN life_event_text t ON t.life_event_id = le.id AND t.lang = ?1 "
  "WHERE le.parent_id IS NULL ORDER BY le.position, le.id LIMIT ?2";

void
baken_search_result_free (BakenSearchResult *result)
{
  if (result == NULL)
    return;

  g_free (result->id);
  g_free (result->title);
  g_free (result->subtitle);
  g_free (result->parent_id);
  g_free (result->icon);
  g_free (result);
}

static gboolean
query_error (sqlite3  *db,
             GError  **error)
{
  g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
               "Search query failed: %s", sqlite3_errmsg (db));
  return FALSE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      query_error (db, error);
      return NULL;
    }

  return stmt;
}

/* Search */

static gboolean
run_match (BakenSearchIndex  *index,
           sqlite3           *db,
           const char        *match,
           BakenSearchQuery  *query,
           guint              limit,
           GPtrArray         *results,
           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = prepare (db, sql_search, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, MIN (limit, G_MAXINT));

  _baken_search_index_set_query (index, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 rowid = sqlite3_column_int64 (stmt, 0);
      BakenSearchResult *result;
      BakenSearchKind kind;
      const char *id;

      if (!_baken_search_index_get_row (index, rowid, &kind, &id))
        continue;

      result = g_new0 (BakenSearchResult, 1);
      result->kind = kind;
      result->id = g_strdup (id);
      result->score = sqlite3_column_double (stmt, 1);
      result->synonym_hit = result->score >= BAKEN_SEARCH_HIT_BONUS;
      if (result->synonym_hit)
        result->score -= BAKEN_SEARCH_HIT_BONUS;
      g_ptr_array_add (results, result);
    }
  _baken_search_index_set_query (index, NULL);
  if (rc != SQLITE_DONE)
    return query_error (db, error);

  return TRUE;
}

static char *
first_sentence (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\n'))
        return g_strndup (text, p - text + 1);
    }

  return g_strdup (text);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* Title, subtitle, parent and icon of each result, in lang with Dutch per field: from
 * the records, not from the search table, whose texts are folded for finding
 * (baken-search-fold.h). */
static gboolean
add_details (sqlite3     *db,
             GPtrArray   *results,
             const char  *lang,
             GError     **error)
{
  const char *sql[] = {
    [BAKEN_SEARCH_LIFE_EVENT] = sql_life_event,
    [BAKEN_SEARCH_SERVICE] = sql_service,
    [BAKEN_SEARCH_ORGANIZATION] = sql_organization,
  };
  sqlite3_stmt *stmts[G_N_ELEMENTS (sql)] = { NULL, };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < results->len; i++)
    {
      BakenSearchResult *result = g_ptr_array_index (results, i);
      sqlite3_stmt *stmt;
      int rc;

      if (stmts[result->kind] == NULL &&
          !(stmts[result->kind] = prepare (db, sql[result->kind], error)))
        {
          ok = FALSE;
          break;
        }
      stmt = stmts[result->kind];
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, result->id, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          result->parent_id = column_dup (stmt, 0);
          if (result->kind == BAKEN_SEARCH_ORGANIZATION)
            result->subtitle = first_sentence ((const char *) sqlite3_column_text (stmt, 1));
          else
            result->subtitle = column_dup (stmt, 1);
          if (result->kind == BAKEN_SEARCH_LIFE_EVENT)
            result->icon = column_dup (stmt, 2);
          if (result->title == NULL)
            result->title = column_dup (stmt, 3);
        }
      else if (rc != SQLITE_DONE)
        ok = query_error (db, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    sqlite3_finalize (stmts[i]);

  return ok;
}

static gboolean
contains_result (GPtrArray         *results,
                 BakenSearchResult *result)
{
  for (guint i = 0; i < results->len; i++)
    {
      BakenSearchResult *other = g_ptr_array_index (results, i);

      if (other->kind == result->kind && g_str_equal (other->id, result->id))
        return TRUE;
    }

  return FALSE;
}

/* Synonym hits first; otherwise the order stays (the sort is stable). */
static int
compare_synonym_hits (gconstpointer a,
                      gconstpointer b)
{
  const BakenSearchResult *x = *(const BakenSearchResult * const *) a;
  const BakenSearchResult *y = *(const BakenSearchResult * const *) b;

  return (y->synonym_hit != 0) - (x->synonym_hit != 0);
}

gboolean
baken_search_prepare (BakenCatalog  *catalog,
                      GError       **error)
{
  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _baken_search_index_get (catalog, error) != NULL;
}

gboolean
baken_search_knows_word (BakenCatalog  *catalog,
                         const char    *word,
                         gboolean      *known,
                         GError       **error)
{
  g_autoptr(GPtrArray) tokens = NULL;
  BakenSearchIndex *index;
  int end = 0;

  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (word != NULL && known != NULL, FALSE);

  *known = FALSE;
  if (!(index = _baken_search_index_get (catalog, error)))
    return FALSE;
  tokens = _baken_search_index_tokenize (index, word, &end);
  *known = tokens->len == 1 &&
           _baken_search_index_has_word (index, g_ptr_array_index (tokens, 0), FALSE);

  return TRUE;
}

static GPtrArray *
search_run (BakenCatalog  *catalog,
            const char    *text,
            const char    *lang,
            guint          limit,
            GError       **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GHashTable) hits = NULL;
  g_autofree char *match = NULL;
  BakenSearchQuery query = { .kind = -1 };
  BakenSearchIndex *index;
  gboolean all_common;
  guint n_searched = 0;
  sqlite3 *db;

  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_search_result_free);
  if (text == NULL || limit == 0)
    return g_steal_pointer (&results);

  if (!(index = _baken_search_index_get (catalog, error)))
    return NULL;
  db = _baken_catalog_get_db (catalog);
  _baken_catalog_begin_query (catalog);
  query.lang = _baken_search_index_find_lang (index, lang);
  lang = _baken_search_index_get_lang_name (index, query.lang);

  terms = _baken_search_terms_parse (index, text);
  if (terms->len == 0)
    return g_steal_pointer (&results);
  all_common = _baken_search_terms_correct (index, terms, FALSE);
  hits = _baken_search_terms_find_synonym_hits (index, terms, lang);
  query.hits = hits;

  match = _baken_search_terms_match (index, terms, " AND ", FALSE, &query, &n_searched);

  /* Only words that are everywhere ("hulp" in a big bundle): the records that have them
   * in a title or synonym come first anyway and are plenty, so look there first. */
  if (all_common)
    {
      g_autofree char *scoped = g_strdup_printf ("{title terms} : (%s)", match);

      if (!run_match (index, db, scoped, &query, limit, results, error))
        return NULL;
      if (results->len < limit)
        g_ptr_array_set_size (results, 0);
    }

  if (results->len == 0 && !run_match (index, db, match, &query, limit, results, error))
    return NULL;

  /* Too few records have every term: then those with some of them, after those (but
   * synonym hits first). */
  if (results->len < limit && n_searched > 1)
    {
      g_autoptr(GPtrArray) some = NULL;

      some = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_search_result_free);

      g_free (match);
      match = _baken_search_terms_match (index, terms, " OR ", TRUE, &query, &n_searched);
      if (n_searched > 0 && !run_match (index, db, match, &query, limit, some, error))
        return NULL;
      for (guint i = 0; i < some->len; i++)
        {
          BakenSearchResult *result = g_ptr_array_index (some, i);

          if (!contains_result (results, result))
            g_ptr_array_add (results, g_ptr_array_steal_index (some, i--));
        }
      g_ptr_array_sort (results, compare_synonym_hits);
      if (results->len > limit)
        g_ptr_array_set_size (results, limit);
    }

  if (!add_details (db, results, lang, error))
    return NULL;

  return g_steal_pointer (&results);
}

static GPtrArray *
search_suggest_closest (BakenCatalog  *catalog,
                        const char    *text,
                        const char    *lang,
                        guint          limit,
                        GError       **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  BakenSearchIndex *index;
  sqlite3 *db;
  guint lang_number;

  g_return_val_if_fail (BAKEN_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_search_result_free);
  if (limit == 0)
    return g_steal_pointer (&results);

  if (!(index = _baken_search_index_get (catalog, error)))
    return NULL;
  db = _baken_catalog_get_db (catalog);
  _baken_catalog_begin_query (catalog);
  lang_number = _baken_search_index_find_lang (index, lang);
  lang = _baken_search_index_get_lang_name (index, lang_number);

  terms = _baken_search_terms_parse (index, text != NULL ? text : "");
  if (terms->len > 0)
    {
      g_autoptr(GHashTable) hits = NULL;
      g_autofree char *match = NULL;
      BakenSearchQuery query = { .lang = lang_number, .kind = BAKEN_SEARCH_LIFE_EVENT };
      guint n_searched = 0;

      _baken_search_terms_correct (index, terms, TRUE);
      hits = _baken_search_terms_find_synonym_hits (index, terms, lang);
      query.hits = hits;
      match = _baken_search_terms_match (index, terms, " OR ", TRUE, &query, &n_searched);
      if (n_searched > 0 && !run_match (index, db, match, &query, limit, results, error))
        return NULL;
    }

  /* Nothing close: the life events of the Home screen. */
  if (results->len == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (!(stmt = prepare (db, sql_home, error)))
        return NULL;
      sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, MIN (limit, G_MAXINT));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          BakenSearchResult *result = g_new0 (BakenSearchResult, 1);

          result->kind = BAKEN_SEARCH_LIFE_EVENT;
          result->id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          result->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_ptr_array_add (results, result);
        }
      if (rc != SQLITE_DONE)
        return query_error (db, error), NULL;
    }

  if (!add_details (db, results, lang, error))
    return NULL;

  return g_steal_pointer (&results);
}

/* A search cut off by the query budget is reported as the catalog's other queries are. */
static GPtrArray *
checked (BakenCatalog *catalog,
         GPtrArray    *results)
{
  if (results == NULL && sqlite3_errcode (_baken_catalog_get_db (catalog)) == SQLITE_INTERRUPT)
    _baken_catalog_note_cut_off (catalog);
  return results;
}

GPtrArray *
baken_search_run (BakenCatalog  *catalog,
                  const char    *text,
                  const char    *lang,
                  guint          limit,
                  GError       **error)
{
  return checked (catalog, search_run (catalog, text, lang, limit, error));
}

GPtrArray *
baken_search_suggest_closest (BakenCatalog  *catalog,
                              const char    *text,
                              const char    *lang,
                              guint          limit,
                              GError       **error)
{
  return checked (catalog, search_suggest_closest (catalog, text, lang, limit, error));
}
