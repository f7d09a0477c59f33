/* baken-search-index.c: what search keeps per catalog, in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on the first search and kept as object data of the catalog:
 *
 * - the FTS5 unicode61 tokenizer the search table uses, so query terms are folded
 *   exactly like the indexed words (case, Latin diacritics; the letters of
 *   baken-search-fold.h are folded before it, here and when the bundle is built);
 * - the sorted word list of the index (fts5vocab) with the rows per word, and its
 *   trigram map for typo matching (baken-search-typo.c);
 * - the synonyms, by their first word;
 * - the search rows, and the SQL functions that keep and rank them for the query being
 *   stepped (baken-search-rows.c).
 */
#define G_LOG_DOMAIN "baken-search"

#include "config.h"

#include <string.h>

#include "baken-search-private.h"
#include "baken-search-fold.h"
#include "baken-catalog-private.h"
#include "baken-content.h"

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

  BakenSearchRows        *rows;        /* (owned) the search rows and SQL functions */
};

static GQuark index_quark;

static const char sql_vocab_create[] =
  "CREATE VIRTUAL TABLE IF NOT EXISTS temp.baken_search_vocab "
  "USING fts5vocab (main, 'search', 'row')";

static const char sql_vocab[] = "SELECT term, doc FROM temp.baken_search_vocab";

static const char sql_synonyms[] = "SELECT term, lang, life_event_id FROM synonym";

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
  g_clear_pointer (&index->rows, _baken_search_rows_free);
  g_clear_pointer (&index->synonyms, g_hash_table_unref);
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
      g_autofree char *term = baken_search_fold ((const char *) sqlite3_column_text (stmt, 0));
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

  if (!load_tokenizer (index, api, error) ||
      !load_words (index, db, error) ||
      !load_synonyms (index, db, error) ||
      !(index->rows = _baken_search_rows_new (db, api, error)))
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

  return MIN (rows, _baken_search_rows_get_n_rows (index->rows));
}

guint
_baken_search_index_get_n_rows (BakenSearchIndex *index)
{
  return _baken_search_rows_get_n_rows (index->rows);
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
  return _baken_search_rows_find_lang (index->rows, lang);
}

const char *
_baken_search_index_get_lang_name (BakenSearchIndex *index,
                                   guint             lang)
{
  return _baken_search_rows_get_lang_name (index->rows, lang);
}

gboolean
_baken_search_index_get_row (BakenSearchIndex  *index,
                             sqlite3_int64      rowid,
                             BakenSearchKind   *kind,
                             const char       **id)
{
  return _baken_search_rows_get_row (index->rows, rowid, kind, id);
}

void
_baken_search_index_set_query (BakenSearchIndex       *index,
                               const BakenSearchQuery *query)
{
  _baken_search_rows_set_query (index->rows, query);
}
