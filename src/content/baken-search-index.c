/* baken-search-index.c: what search keeps per catalog, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on the first search and kept as object data of the catalog:
 *
 * - the FTS5 unicode61 tokenizer the search table uses, so query terms are folded
 *   exactly like the indexed words (case, Latin diacritics);
 * - the sorted word list of the index (fts5vocab) with the rows per word, and its
 *   trigram map for typo matching (baken-search-typo.c);
 * - the synonyms, by their first word;
 * - per search row: language, kind, record and whether the service is active, so a
 *   query never reads the content table of rows it does not show.
 *
 * Two SQL functions on the catalog's connection serve the query being stepped:
 * baken_search_keep (rowid) keeps the rows of the requested language (and kind) that
 * can be shown, and the FTS5 function baken_search_rank (search) scores a row.
 */
#define G_LOG_DOMAIN "baken-search"

#include "config.h"

#include <string.h>

#include "baken-search-private.h"
#include "baken-catalog-private.h"
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

struct _BakenSearchIndex
{
  fts5_tokenizer          api;
  Fts5Tokenizer          *tokenizer;   /* (owned) unicode61 remove_diacritics 2 */

  /* Words */
  char                  **words;       /* (owned) every word of the index, by strcmp */
  guint                  *docs;        /* rows having words[i] */
  guint                   n_words;
  BakenSearchTypos       *typos;       /* (owned) trigram map of the words */

  GHashTable             *synonyms;    /* (owned) first word → GPtrArray of Synonym */

  /* Rows */
  Row                    *rows;        /* (owned) by rowid */
  guint                   n_rows;      /* largest rowid + 1 */
  guint                   n_documents; /* rows present */
  GPtrArray              *records;     /* (owned) ids, by record number */
  GPtrArray              *langs;       /* (owned) language codes, by number */

  const BakenSearchQuery *query;       /* (nullable) served by the SQL functions */
};

static GQuark index_quark;

static const char sql_vocab_create[] =
  "CREATE VIRTUAL TABLE IF NOT EXISTS temp.baken_search_vocab "
  "USING fts5vocab (main, 'search', 'row')";

static const char sql_vocab[] = "SELECT term, doc FROM temp.baken_search_vocab";

static const char sql_synonyms[] = "SELECT term, lang, life_event_id FROM synonym";

static const char sql_rows[] = "SELECT rowid, kind, id, lang FROM search";

static const char sql_inactive[] = "SELECT id FROM service WHERE status <> 'active'";

void
_baken_search_alternative_free (BakenSearchAlternative *alternative)
{
  g_free (alternative->word);
  g_free (alternative);
}

static void
synonym_free (BakenSearchSynonym *synonym)
{
  g_strfreev (synonym->tokens);
  g_free (synonym->lang);
  g_free (synonym->event_id);
  g_free (synonym);
}

static void
index_free (BakenSearchIndex *index)
{
  if (index->tokenizer != NULL)
    index->api.xDelete (index->tokenizer);
  for (guint i = 0; i < index->n_words; i++)
    g_free (index->words[i]);
  g_free (index->words);
  g_free (index->docs);
  g_clear_pointer (&index->typos, _baken_search_typos_free);
  g_free (index->rows);
  g_clear_pointer (&index->synonyms, g_hash_table_unref);
  g_clear_pointer (&index->records, g_ptr_array_unref);
  g_clear_pointer (&index->langs, g_ptr_array_unref);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSearchIndex, index_free)

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

/* Tokenizer */

typedef struct
{
  GPtrArray *tokens;  /* (element-type utf8) */
  int        end;     /* byte offset after the last token */
} Tokens;

static int
token_cb (void       *data,
          int         flags,
          const char *token,
          int         n_token,
          int         start,
          int         end)
{
  Tokens *tokens = data;

  /* unicode61 never reports colocated tokens (synonyms of the previous one). */
  if ((flags & FTS5_TOKEN_COLOCATED) == 0 && n_token > 0)
    {
      g_ptr_array_add (tokens->tokens, g_strndup (token, n_token));
      tokens->end = end;
    }

  return SQLITE_OK;
}

GPtrArray *
_baken_search_index_tokenize (BakenSearchIndex *index,
                              const char       *text,
                              int              *end)
{
  Tokens tokens = { g_ptr_array_new_with_free_func (g_free), 0 };

  index->api.xTokenize (index->tokenizer, &tokens, FTS5_TOKENIZE_QUERY, text,
                        strlen (text), token_cb);
  if (end != NULL)
    *end = tokens.end;

  return tokens.tokens;
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);

  return api;
}

static gboolean
load_tokenizer (BakenSearchIndex  *index,
                fts5_api          *api,
                GError           **error)
{
  /* As in baken-schema.sql: tokenize = 'unicode61 remove_diacritics 2'. */
  const char *args[] = { "remove_diacritics", "2" };
  void *context = NULL;

  if (api->xFindTokenizer (api, "unicode61", &context, &index->api) != SQLITE_OK ||
      index->api.xCreate (context, args, G_N_ELEMENTS (args), &index->tokenizer) != SQLITE_OK)
    {
      index->tokenizer = NULL;
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
                   "SQLite has no FTS5 unicode61 tokenizer");
      return FALSE;
    }

  return TRUE;
}

/* Words */

static gboolean
load_words (BakenSearchIndex  *index,
            sqlite3           *db,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GArray) docs = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean query_only = TRUE;
  gboolean created;
  int rc;

  /* fts5vocab is a virtual table over the index; creating it in the temp schema is the
   * only write this connection ever makes, so query_only is lifted for just that. */
  if (!(stmt = prepare (db, "PRAGMA query_only", error)))
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    query_only = sqlite3_column_int (stmt, 0) != 0;
  g_clear_pointer (&stmt, sqlite3_finalize);

  sqlite3_exec (db, "PRAGMA query_only = OFF", NULL, NULL, NULL);
  created = sqlite3_exec (db, sql_vocab_create, NULL, NULL, NULL) == SQLITE_OK;
  if (!created)
    query_error (db, error);
  if (query_only)
    sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);
  if (!created)
    return FALSE;

  if (!(stmt = prepare (db, sql_vocab, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *word = (const char *) sqlite3_column_text (stmt, 0);
      guint doc = sqlite3_column_int (stmt, 1);

      /* fts5vocab lists words in memcmp order, which is strcmp order. */
      if (word == NULL ||
          (words->len > 0 && strcmp (g_ptr_array_index (words, words->len - 1), word) >= 0))
        continue;
      g_ptr_array_add (words, g_strdup (word));
      g_array_append_val (docs, doc);
    }
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_set_free_func (words, g_free);
      return query_error (db, error);
    }

  index->n_words = words->len;
  index->words = (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
  index->docs = (guint *) (gpointer) g_array_free (g_steal_pointer (&docs), FALSE);
  index->typos = _baken_search_typos_new ((const char * const *) index->words, index->docs,
                                          index->n_words);

  return TRUE;
}

static gboolean
load_synonyms (BakenSearchIndex  *index,
               sqlite3           *db,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = prepare (db, sql_synonyms, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *term = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GPtrArray) tokens = _baken_search_index_tokenize (index, term ? term : "", NULL);
      BakenSearchSynonym *synonym;
      GPtrArray *list;

      if (tokens->len == 0)
        continue;

      synonym = g_new0 (BakenSearchSynonym, 1);
      synonym->n_tokens = tokens->len - 1;
      synonym->tokens = g_new0 (char *, tokens->len);
      for (guint i = 1; i < tokens->len; i++)
        synonym->tokens[i - 1] = g_strdup (g_ptr_array_index (tokens, i));
      synonym->lang = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      synonym->event_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));

      list = g_hash_table_lookup (index->synonyms, g_ptr_array_index (tokens, 0));
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) synonym_free);
          g_hash_table_insert (index->synonyms, g_strdup (g_ptr_array_index (tokens, 0)), list);
        }
      g_ptr_array_add (list, synonym);
    }
  if (rc != SQLITE_DONE)
    return query_error (db, error);

  return TRUE;
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
intern_record (BakenSearchIndex *index,
               GHashTable       *record_ids,
               BakenSearchKind   kind,
               const char       *id)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", kind, id);
  gpointer value = g_hash_table_lookup (record_ids, key);

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  g_ptr_array_add (index->records, g_strdup (id));
  g_hash_table_insert (record_ids, g_steal_pointer (&key),
                       GUINT_TO_POINTER (index->records->len));

  return index->records->len - 1;
}

static guint
intern_lang (BakenSearchIndex *index,
             const char       *lang)
{
  for (guint i = 0; i < index->langs->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (index->langs, i), lang))
        return i;
    }
  g_ptr_array_add (index->langs, g_strdup (lang));

  return index->langs->len - 1;
}

static gboolean
load_rows (BakenSearchIndex  *index,
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
  intern_lang (index, "nl");

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
          index->langs->len > G_MAXUINT8)
        continue;
      if ((guint) rowid >= rows->len)
        g_array_set_size (rows, rowid + 1);

      row = &g_array_index (rows, Row, rowid);
      row->record = intern_record (index, record_ids, kind, id);
      row->lang = intern_lang (index, lang);
      row->kind = kind;
      row->present = TRUE;
      row->active = kind != BAKEN_SEARCH_SERVICE || !g_hash_table_contains (inactive, id);
      index->n_documents++;
    }
  if (rc != SQLITE_DONE)
    return query_error (db, error);

  index->n_rows = rows->len;
  index->rows = (Row *) (gpointer) g_array_free (g_steal_pointer (&rows), FALSE);

  return TRUE;
}

/* SQL functions */

static void
keep_cb (sqlite3_context  *context,
         int               n_args,
         sqlite3_value   **args)
{
  BakenSearchIndex *index = sqlite3_user_data (context);
  const BakenSearchQuery *query = index->query;
  sqlite3_int64 rowid = sqlite3_value_int64 (args[0]);
  const Row *row;

  if (query == NULL || rowid < 0 || rowid >= index->n_rows)
    {
      sqlite3_result_int (context, 0);
      return;
    }

  row = &index->rows[rowid];
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
  BakenSearchIndex *index = api->xUserData (fts);
  const BakenSearchQuery *query = index->query;
  sqlite3_int64 rowid = api->xRowid (fts);
  double counts[BAKEN_SEARCH_MAX_PHRASES][G_N_ELEMENTS (column_weights)] = { { 0 } };
  int n_phrases = MIN (api->xPhraseCount (fts), BAKEN_SEARCH_MAX_PHRASES);
  guint32 terms_matched = 0;
  int n_matches = 0;
  double score = 0.0;
  const Row *row;

  if (query == NULL || rowid < 0 || rowid >= index->n_rows ||
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

  row = &index->rows[rowid];
  score *= kind_weights[row->kind];
  if (query->hits != NULL && row->kind == BAKEN_SEARCH_LIFE_EVENT &&
      g_hash_table_contains (query->hits, g_ptr_array_index (index->records, row->record)))
    score += BAKEN_SEARCH_HIT_BONUS;

  sqlite3_result_double (context, score);
}

static gboolean
register_functions (BakenSearchIndex  *index,
                    sqlite3           *db,
                    fts5_api          *api,
                    GError           **error)
{
  if (sqlite3_create_function_v2 (db, "baken_search_keep", 1,
                                  SQLITE_UTF8 | SQLITE_DIRECTONLY, index, keep_cb,
                                  NULL, NULL, NULL) != SQLITE_OK)
    return query_error (db, error);

  if (api->xCreateFunction (api, "baken_search_rank", index, rank_cb, NULL) != SQLITE_OK)
    {
      sqlite3_create_function_v2 (db, "baken_search_keep", 1, SQLITE_UTF8, NULL,
                                  NULL, NULL, NULL, NULL);
      return query_error (db, error);
    }

  return TRUE;
}

/* Private API */

BakenSearchIndex *
_baken_search_index_get (BakenCatalog  *catalog,
                         GError       **error)
{
  sqlite3 *db = _baken_catalog_get_db (catalog);
  g_autoptr(BakenSearchIndex) index = NULL;
  BakenSearchIndex *cached;
  fts5_api *api;

  if (index_quark == 0)
    index_quark = g_quark_from_static_string ("baken-search-index");

  cached = g_object_get_qdata (G_OBJECT (catalog), index_quark);
  if (cached != NULL)
    return cached;

  if (!(api = get_fts5_api (db)))
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
                   "SQLite has no FTS5");
      return NULL;
    }

  index = g_new0 (BakenSearchIndex, 1);
  index->synonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  index->records = g_ptr_array_new_with_free_func (g_free);
  index->langs = g_ptr_array_new_with_free_func (g_free);

  if (!load_tokenizer (index, api, error) ||
      !load_words (index, db, error) ||
      !load_synonyms (index, db, error) ||
      !load_rows (index, db, error) ||
      !register_functions (index, db, api, error))
    return NULL;

  /* The functions point at the index: it lives as long as the connection. The catalog
   * closes the connection in finalize, before its object data is freed. */
  cached = g_steal_pointer (&index);
  g_object_set_qdata_full (G_OBJECT (catalog), index_quark, cached,
                           (GDestroyNotify) index_free);

  return cached;
}

/* The first word ≥ word. */
static guint
lower_bound (BakenSearchIndex *index,
             const char       *word)
{
  guint lo = 0, hi = index->n_words;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (index->words[mid], word) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gboolean
_baken_search_index_has_word (BakenSearchIndex *index,
                              const char       *word,
                              gboolean          prefix)
{
  guint i = lower_bound (index, word);

  if (i == index->n_words)
    return FALSE;

  return prefix ? g_str_has_prefix (index->words[i], word)
                : strcmp (index->words[i], word) == 0;
}

guint
_baken_search_index_count_rows (BakenSearchIndex *index,
                                const char       *word,
                                gboolean          prefix)
{
  guint64 rows = 0;

  for (guint i = lower_bound (index, word); i < index->n_words; i++)
    {
      if (prefix ? !g_str_has_prefix (index->words[i], word)
                 : strcmp (index->words[i], word) != 0)
        break;
      rows += index->docs[i];
    }

  return MIN (rows, index->n_documents);
}

guint
_baken_search_index_get_n_rows (BakenSearchIndex *index)
{
  return index->n_documents;
}

GPtrArray *
_baken_search_index_find_similar (BakenSearchIndex *index,
                                  const char       *word,
                                  gboolean          prefix,
                                  gboolean          loose)
{
  return _baken_search_typos_find (index->typos, word, prefix, loose);
}

GPtrArray *
_baken_search_index_lookup_synonyms (BakenSearchIndex *index,
                                     const char       *word)
{
  return g_hash_table_lookup (index->synonyms, word);
}

guint
_baken_search_index_find_lang (BakenSearchIndex *index,
                               const char       *lang)
{
  for (guint i = 0; lang != NULL && i < index->langs->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (index->langs, i), lang))
        return i;
    }

  return 0;
}

const char *
_baken_search_index_get_lang_name (BakenSearchIndex *index,
                                   guint             lang)
{
  g_return_val_if_fail (lang < index->langs->len, "nl");

  return g_ptr_array_index (index->langs, lang);
}

gboolean
_baken_search_index_get_row (BakenSearchIndex  *index,
                             sqlite3_int64      rowid,
                             BakenSearchKind   *kind,
                             const char       **id)
{
  const Row *row;

  if (rowid < 0 || rowid >= index->n_rows || !index->rows[rowid].present)
    return FALSE;

  row = &index->rows[rowid];
  *kind = row->kind;
  *id = g_ptr_array_index (index->records, row->record);

  return TRUE;
}

void
_baken_search_index_set_query (BakenSearchIndex       *index,
                               const BakenSearchQuery *query)
{
  index->query = query;
}
