/* baken-search-rows.c: the search rows in memory, kept and ranked for one query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per search row: language, kind, record and whether the service is active, so a query
 * never reads the content table of rows it does not show. Two SQL functions on the
 * catalog's connection serve the query being stepped: baken_search_keep (rowid) keeps
 * the rows of the requested language (and kind) that can be shown, and the FTS5
 * function baken_search_rank (search) scores a row.
 */
#define G_LOG_DOMAIN "baken-search"

#include "config.h"

#include <string.h>

#include "baken-search-rows.h"
#include "baken-content.h"

#define MAX_ROWS        (1 << 24)

/* Columns of the search table (baken-schema.sql) and how much a match in each weighs. */
enum { COLUMN_TITLE = 3, COLUMN_BODY, COLUMN_TERMS };
static const double column_weights[] = { 10.0, 1.0, 5.0 };
/* "Equal-ish" scores: life events first, organisations last. */
static const double kind_weights[] = {
  [BAKEN_SEARCH_LIFE_EVENT] = 1.25,
  [BAKEN_SEARCH_SERVICE] = 1.0,
  [BAKEN_SEARCH_ORGANIZATION] = 0.8,
};
#define TF_SATURATION 1.2     /* BM25's k1: the second match of a word adds less */

typedef struct
{
  guint32 record;   /* index into records */
  guint8  lang;     /* index into langs */
  guint8  kind;     /* BakenSearchKind */
  guint8  present;
  guint8  active;   /* not an inactive service */
} Row;

struct _BakenSearchRows
{
  Row                    *rows;        /* (owned) by rowid */
  guint                   n_rows;      /* largest rowid + 1 */
  guint                   n_documents; /* rows present */
  GPtrArray              *records;     /* (owned) ids, by record number */
  GPtrArray              *langs;       /* (owned) language codes, by number */

  const BakenSearchQuery *query;       /* (nullable) served by the SQL functions */
};

static const char sql_rows[] = "SELECT rowid, kind, id, lang FROM search";

static const char sql_inactive[] = "SELECT id FROM service WHERE status <> 'active'";

static gboolean
query_error (sqlite3  *db,
             GError  **error)
{
  g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
               "Cannot build the search index: %s", sqlite3_errmsg (db));
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

/* Rows */

static int
kind_from_string (const char *kind)
{
  if (g_strcmp0 (kind, "life_event") == 0)
    return BAKEN_SEARCH_LIFE_EVENT;
  if (g_strcmp0 (kind, "service") == 0)
    return BAKEN_SEARCH_SERVICE;
  if (g_strcmp0 (kind, "organization") == 0)
    return BAKEN_SEARCH_ORGANIZATION;

  return -1;
}

/* record_ids: "KIND:ID" → record number + 1 */
static guint
intern_record (BakenSearchRows  *self,
               GHashTable       *record_ids,
               BakenSearchKind   kind,
               const char       *id)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", kind, id);
  gpointer value = g_hash_table_lookup (record_ids, key);

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  g_ptr_array_add (self->records, g_strdup (id));
  g_hash_table_insert (record_ids, g_steal_pointer (&key),
                       GUINT_TO_POINTER (self->records->len));

  return self->records->len - 1;
}

static guint
intern_lang (BakenSearchRows  *self,
             const char       *lang)
{
  for (guint i = 0; i < self->langs->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->langs, i), lang))
        return i;
    }
  g_ptr_array_add (self->langs, g_strdup (lang));

  return self->langs->len - 1;
}

static gboolean
load_rows (BakenSearchRows   *self,
           sqlite3           *db,
           GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) inactive = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) record_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  int rc;

  if (!(stmt = prepare (db, sql_inactive, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (inactive, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return query_error (db, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Dutch is always language 0: the fallback. */
  intern_lang (self, "nl");

  if (!(stmt = prepare (db, sql_rows, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 rowid = sqlite3_column_int64 (stmt, 0);
      int kind = kind_from_string ((const char *) sqlite3_column_text (stmt, 1));
      const char *id = (const char *) sqlite3_column_text (stmt, 2);
      const char *lang = (const char *) sqlite3_column_text (stmt, 3);
      Row *row;

      if (rowid < 0 || rowid >= MAX_ROWS || kind < 0 || id == NULL || lang == NULL ||
          self->langs->len > G_MAXUINT8)
        continue;
      if ((guint) rowid >= rows->len)
        g_array_set_size (rows, rowid + 1);

      row = &g_array_index (rows, Row, rowid);
      row->record = intern_record (self, record_ids, kind, id);
      row->lang = intern_lang (self, lang);
      row->kind = kind;
      row->present = TRUE;
      row->active = kind != BAKEN_SEARCH_SERVICE || !g_hash_table_contains (inactive, id);
      self->n_documents++;
    }
  if (rc != SQLITE_DONE)
    return query_error (db, error);

  self->n_rows = rows->len;
  self->rows = (Row *) (gpointer) g_array_free (g_steal_pointer (&rows), FALSE);

  return TRUE;
}

/* SQL functions */

static void
keep_cb (sqlite3_context  *context,
         int               n_args,
         sqlite3_value   **args)
{
  BakenSearchRows *self = sqlite3_user_data (context);
  const BakenSearchQuery *query = self->query;
  sqlite3_int64 rowid = sqlite3_value_int64 (args[0]);
  const Row *row;

  if (query == NULL || rowid < 0 || rowid >= self->n_rows)
    {
      sqlite3_result_int (context, 0);
      return;
    }

  row = &self->rows[rowid];
  sqlite3_result_int (context, row->present && row->active && row->lang == query->lang &&
                               (query->kind < 0 || row->kind == query->kind));
}

static guint
count_bits (guint32 bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;

  return n;
}

/* BM25 without length normalisation (no column-size lookup per row): per phrase, its
 * IDF times the saturated count of its matches in each column, weighted by column; times
 * the share of the terms the row has (for OR); times the kind's weight; synonym hits
 * first. */
static void
rank_cb (const Fts5ExtensionApi  *api,
         Fts5Context             *fts,
         sqlite3_context         *context,
         int                      n_args,
         sqlite3_value          **args)
{
  BakenSearchRows *self = api->xUserData (fts);
  const BakenSearchQuery *query = self->query;
  sqlite3_int64 rowid = api->xRowid (fts);
  double counts[BAKEN_SEARCH_MAX_PHRASES][G_N_ELEMENTS (column_weights)] = { { 0 } };
  int n_phrases = MIN (api->xPhraseCount (fts), BAKEN_SEARCH_MAX_PHRASES);
  guint32 terms_matched = 0;
  int n_matches = 0;
  double score = 0.0;
  const Row *row;

  if (query == NULL || rowid < 0 || rowid >= self->n_rows ||
      api->xInstCount (fts, &n_matches) != SQLITE_OK)
    {
      sqlite3_result_double (context, 0.0);
      return;
    }

  for (int i = 0; i < n_matches; i++)
    {
      int phrase, column, offset;

      if (api->xInst (fts, i, &phrase, &column, &offset) == SQLITE_OK &&
          phrase >= 0 && phrase < n_phrases &&
          column >= COLUMN_TITLE && column <= COLUMN_TERMS)
        counts[phrase][column - COLUMN_TITLE] += 1.0;
    }

  for (int p = 0; p < n_phrases; p++)
    {
      double idf = (guint) p < query->n_phrases ? query->idf[p] : 1.0;
      gboolean matched = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (column_weights); c++)
        {
          double n = counts[p][c];

          if (n > 0.0)
            score += idf * column_weights[c] * n * (TF_SATURATION + 1.0) / (n + TF_SATURATION);
          matched |= n > 0.0;
        }
      if (matched && (guint) p < query->n_phrases && query->term[p] < 32)
        terms_matched |= 1u << query->term[p];
    }

  /* With OR: the more of the terms a row has, the better. */
  if (query->n_terms > 1)
    score *= (double) count_bits (terms_matched) / query->n_terms;

  row = &self->rows[rowid];
  score *= kind_weights[row->kind];
  if (query->hits != NULL && row->kind == BAKEN_SEARCH_LIFE_EVENT &&
      g_hash_table_contains (query->hits, g_ptr_array_index (self->records, row->record)))
    score += BAKEN_SEARCH_HIT_BONUS;

  sqlite3_result_double (context, score);
}

static gboolean
register_functions (BakenSearchRows   *self,
                    sqlite3           *db,
                    fts5_api          *api,
                    GError           **error)
{
  if (sqlite3_create_function_v2 (db, "baken_search_keep", 1,
                                  SQLITE_UTF8 | SQLITE_DIRECTONLY, self, keep_cb,
                                  NULL, NULL, NULL) != SQLITE_OK)
    return query_error (db, error);

  if (api->xCreateFunction (api, "baken_search_rank", self, rank_cb, NULL) != SQLITE_OK)
    {
      sqlite3_create_function_v2 (db, "baken_search_keep", 1, SQLITE_UTF8, NULL,
                                  NULL, NULL, NULL, NULL);
      return query_error (db, error);
    }

  return TRUE;
}

/* Private API */

void
_baken_search_rows_free (BakenSearchRows *self)
{
  g_free (self->rows);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->langs, g_ptr_array_unref);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSearchRows, _baken_search_rows_free)

BakenSearchRows *
_baken_search_rows_new (sqlite3   *db,
                        fts5_api  *api,
                        GError   **error)
{
  g_autoptr(BakenSearchRows) rows = g_new0 (BakenSearchRows, 1);

  rows->records = g_ptr_array_new_with_free_func (g_free);
  rows->langs = g_ptr_array_new_with_free_func (g_free);

  if (!load_rows (rows, db, error) ||
      !register_functions (rows, db, api, error))
    return NULL;

  return g_steal_pointer (&rows);
}

guint
_baken_search_rows_get_n_rows (BakenSearchRows *self)
{
  return self->n_documents;
}

guint
_baken_search_rows_find_lang (BakenSearchRows *self,
                              const char       *lang)
{
  for (guint i = 0; lang != NULL && i < self->langs->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->langs, i), lang))
        return i;
    }

  return 0;
}

const char *
_baken_search_rows_get_lang_name (BakenSearchRows *self,
                                  guint             lang)
{
  g_return_val_if_fail (lang < self->langs->len, "nl");

  return g_ptr_array_index (self->langs, lang);
}

gboolean
_baken_search_rows_get_row (BakenSearchRows   *self,
                            sqlite3_int64      rowid,
                            BakenSearchKind   *kind,
                            const char       **id)
{
  const Row *row;

  if (rowid < 0 || rowid >= self->n_rows || !self->rows[rowid].present)
    return FALSE;

  row = &self->rows[rowid];
  *kind = row->kind;
  *id = g_ptr_array_index (self->records, row->record);

  return TRUE;
}

void
_baken_search_rows_set_query (BakenSearchRows        *self,
                              const BakenSearchQuery *query)
{
  self->query = query;
}
