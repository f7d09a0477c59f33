/* baken-catalog.c: typed, per-language queries over the content DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-catalog"

#include "config.h"

#include "baken-catalog.h"
#include "baken-catalog-private.h"
#include "baken-content.h"

struct _BakenCatalog
{
  GObject     parent_instance;

  sqlite3    *db;          /* (owned) read-only, immutable */
  GBytes     *bytes;       /* (owned) (nullable) backing store of an in-memory DB */
  GHashTable *statements;  /* (owned) static SQL text → sqlite3_stmt, prepared once */

  /* Query budget: a query still running at deadline_us is cut off (progress_cb). */
  gint64      deadline_us; /* monotonic; 0: no limit */
  guint       budget_ms;
};

/* How long one query of a page may take. Queries take well under 5 ms on 10,000
 * services; this is for a damaged or hostile DB, never a slow machine. */
#define DEFAULT_QUERY_BUDGET_MS 500
/* SQLite calls the progress handler every this many virtual-machine steps. */
#define PROGRESS_STEPS 1000

G_DEFINE_FINAL_TYPE (BakenCatalog, baken_catalog, G_TYPE_OBJECT)

enum {
  QUERY_CUT_OFF,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char sql_meta[] = "SELECT value FROM meta WHERE key = ?1";

static const char sql_all_languages[] =
  "SELECT DISTINCT lang FROM life_event_text ORDER BY lang = 'nl' DESC, lang";

static const char sql_icon[] = "SELECT svg FROM icon WHERE name = ?1";
/* What a resident of that language reads first: the life events' titles and the active
 * services' names. */
static const char sql_coverage[] =
  "SELECT (SELECT count(*) FROM life_event_text WHERE lang = ?1 AND title IS NOT NULL "
  "        AND title != '') + "
  "       (SELECT count(*) FROM service_text t JOIN service s ON s.id = t.service_id "
  "        WHERE t.lang = ?1 AND s.status = 'active' AND t.name IS NOT NULL "
  "        AND t.name != ''), "
  "       (SELECT count(*) FROM life_event) + "
  "       (SELECT count(*) FROM service WHERE status = 'active')";

void
_baken_catalog_note_cut_off (BakenCatalog *self)
{
  g_message ("A content query ran longer than %u ms and was stopped; the content DB "
             "may be damaged", self->budget_ms);
  g_signal_emit (self, signals[QUERY_CUT_OFF], 0);
}

gboolean
_baken_catalog_query_error (BakenCatalog  *self,
                            GError       **error)
{
  if (sqlite3_errcode (self->db) == SQLITE_INTERRUPT)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
                   "Content query stopped after %u ms", self->budget_ms);
      _baken_catalog_note_cut_off (self);
      return FALSE;
    }

  g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
               "Content query failed: %s", sqlite3_errmsg (self->db));
  return FALSE;
}

/* Cuts off a query that runs past its deadline: the UI thread never hangs on content. */
static int
progress_cb (void *data)
{
  BakenCatalog *self = data;

  return self->deadline_us != 0 && g_get_monotonic_time () > self->deadline_us;
}

static void
arm_budget (BakenCatalog *self)
{
  self->deadline_us = self->budget_ms > 0
                      ? g_get_monotonic_time () + (gint64) self->budget_ms * 1000 : 0;
}

static BakenCatalog *
catalog_new_for_db (sqlite3 *db,
                    GBytes  *bytes)
{
  BakenCatalog *self = g_object_new (BAKEN_TYPE_CATALOG, NULL);

  self->db = db;
  self->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  sqlite3_progress_handler (db, PROGRESS_STEPS, progress_cb, self);

  return self;
}

sqlite3_stmt *
_baken_catalog_statement (BakenCatalog  *self,
                          const char    *sql,
                          GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        {
          _baken_catalog_query_error (self, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

static void
baken_catalog_finalize (GObject *object)
{
  BakenCatalog *self = (BakenCatalog *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (baken_catalog_parent_class)->finalize (object);
}

static void
baken_catalog_class_init (BakenCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = baken_catalog_finalize;

  /**
   * BakenCatalog::query-cut-off:
   *
   * A query ran past its time budget and was stopped (the caller got an error). A
   * content DB whose queries are cut off is damaged or hostile: its owner may stop
   * showing it. Emitted in the thread that ran the query.
   */
  signals[QUERY_CUT_OFF] =
    g_signal_new ("query-cut-off", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baken_catalog_init (BakenCatalog *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->budget_ms = DEFAULT_QUERY_BUDGET_MS;
}

/* Public API */

BakenCatalog *
baken_catalog_new_for_path (const char  *path,
                            GError     **error)
{
  BakenCatalog *self;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(db = baken_content_open_file (path, error)))
    return NULL;

  self = catalog_new_for_db (db, NULL);

  return self;
}

BakenCatalog *
baken_catalog_new_for_bytes (GBytes  *bytes,
                             GError **error)
{
  BakenCatalog *self;
  sqlite3 *db;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!(db = baken_content_open_bytes (bytes, error)))
    return NULL;

  self = catalog_new_for_db (db, bytes);

  return self;
}

char *
baken_catalog_dup_meta (BakenCatalog *self,
                        const char   *key)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* One budget for the whole call, however many statements it runs. */
  arm_budget (self);

  if (!(stmt = _baken_catalog_statement (self, sql_meta, NULL)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return baken_catalog_column_dup (stmt, 0);
}

GStrv
baken_catalog_dup_languages (BakenCatalog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);

  /* One budget for the whole call, however many statements it runs. */
  arm_budget (self);

  if ((stmt = _baken_catalog_statement (self, sql_all_languages, NULL)))
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
}

double
baken_catalog_get_language_coverage (BakenCatalog *self,
                                     const char   *lang)
{
  sqlite3_stmt *stmt;
  gint64 translated, total;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), 0.0);
  g_return_val_if_fail (lang != NULL, 0.0);

  arm_budget (self);

  if (!(stmt = _baken_catalog_statement (self, sql_coverage, NULL)))
    return 0.0;
  baken_catalog_bind_text (stmt, 1, lang);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0.0;
  translated = sqlite3_column_int64 (stmt, 0);
  total = sqlite3_column_int64 (stmt, 1);

  return total > 0 ? (double) MIN (translated, total) / (double) total : 0.0;
}

GBytes *
baken_catalog_get_icon (BakenCatalog *self,
                        const char   *name)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);

  /* One budget for the whole call, however many statements it runs. */
  arm_budget (self);

  if (name == NULL || !(stmt = _baken_catalog_statement (self, sql_icon, NULL)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

sqlite3 *
_baken_catalog_get_db (BakenCatalog *self)
{
  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);

  /* Building the search index reads everything once: no budget for that. */
  self->deadline_us = 0;

  return self->db;
}

void
_baken_catalog_begin_query (BakenCatalog *self)
{
  g_return_if_fail (BAKEN_IS_CATALOG (self));

  arm_budget (self);
}

void
baken_catalog_set_query_budget (BakenCatalog *self,
                                guint         budget_ms)
{
  g_return_if_fail (BAKEN_IS_CATALOG (self));

  self->budget_ms = budget_ms;
}
