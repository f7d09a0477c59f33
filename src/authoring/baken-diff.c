/* baken-diff.c: what changed between two versions of the content, for an editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens each side (a source is built first, into a temporary file), reads its facts
 * (baken-diff-facts.c) and compares them record by record. The text and HTML forms are
 * baken-diff-format.c. A content DB from elsewhere is opened read-only, defensive, and
 * every query of it runs under a time limit.
 */
#define G_LOG_DOMAIN "baken-diff"

#include "config.h"

#include "baken-diff.h"

#include <string.h>

#include <glib/gstdio.h>

#include "baken-content.h"
#include "baken-content-build.h"
#include "baken-diff-facts.h"
#include "baken-hsds-out-dir.h"

/* The most reading the facts of one side may take. */
#define READ_SECONDS 120

static const char *const kinds[] = { "content", "service", "life event", "organisation",
                                     "location" };

static void
change_free (BakenDiffChange *change)
{
  g_free (change->fact);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static void
record_free (BakenDiffRecord *record)
{
  g_free (record->id);
  g_free (record->label);
  g_ptr_array_unref (record->changes);
  g_free (record);
}

void
baken_diff_free (BakenDiff *diff)
{
  if (diff == NULL)
    return;

  g_free (diff->old_name);
  g_free (diff->new_name);
  g_clear_pointer (&diff->records, g_ptr_array_unref);
  g_free (diff);
}

static int
progress_cb (void *data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* The content DB of path: a .sqlite file, the one content-*.sqlite of a bundle folder,
 * or a source folder built into a file in tmp_dir. */
static char *
content_db_of (const char  *path,
               const char  *tmp_dir,
               const char  *name,
               GPtrArray   *problems,
               GError     **error)
{
  g_autofree char *datapackage = g_build_filename (path, "datapackage.json", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *found = NULL;
  const char *entry;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_strdup (path);

  if (g_file_test (datapackage, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *out = g_strdup_printf ("%s/%s.sqlite", tmp_dir, name);
      g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
      BakenBuildOptions options = { 1, "2000-01-01T00:00:00Z", NULL };

      if (!baken_content_build (path, out, &options, own, error))
        {
          for (guint i = 0; problems != NULL && i < own->len; i++)
            g_ptr_array_add (problems, g_strdup_printf ("%s%s%s", path,
                                                        g_str_has_suffix (path, "/") ? "" : "/",
                                                        (char *) g_ptr_array_index (own, i)));
          return NULL;
        }
      return g_steal_pointer (&out);
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, "content-") && g_str_has_suffix (entry, ".sqlite"))
      {
        if (found != NULL)
          {
            g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                         "%s has more than one content DB; give the .sqlite file to compare",
                         path);
            return NULL;
          }
        found = g_build_filename (path, entry, NULL);
      }
  if (found == NULL)
    g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                 "%s is not a content source (datapackage.json), a bundle (content-*.sqlite) "
                 "or a content DB (.sqlite)", path);
  return g_steal_pointer (&found);
}

static GHashTable *
read_side (const char  *path,
           const char  *tmp_dir,
           const char  *name,
           GPtrArray   *problems,
           GError     **error)
{
  g_autofree char *db_path = content_db_of (path, tmp_dir, name, problems, error);
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  GHashTable *facts = NULL;
  gint64 deadline = g_get_monotonic_time () + READ_SECONDS * G_USEC_PER_SEC;
  int enabled = 0;

  if (db_path == NULL)
    return NULL;

  absolute = g_canonicalize_filename (db_path, NULL);
  uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", absolute);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled) != SQLITE_OK ||
      sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_OPEN,
                   "%s cannot be read as a content DB: %s", db_path,
                   db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_progress_handler (db, 10000, progress_cb, &deadline);
  facts = baken_diff_read_facts (db, error);
  sqlite3_close (db);
  if (facts == NULL && error != NULL && *error != NULL)
    g_prefix_error (error, "%s: ", path);
  return facts;
}

static int
kind_rank (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i], kind) == 0)
      return (int) i;

  return G_N_ELEMENTS (kinds);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const BakenDiffRecord *x = *(BakenDiffRecord *const *) a;
  const BakenDiffRecord *y = *(BakenDiffRecord *const *) b;
  int by_kind = kind_rank (x->kind) - kind_rank (y->kind);
  int by_label;

  if (by_kind != 0)
    return by_kind;
  by_label = g_utf8_collate (x->label != NULL ? x->label : x->id,
                             y->label != NULL ? y->label : y->id);
  return by_label != 0 ? by_label : strcmp (x->id, y->id);
}

static void
add_change (BakenDiffRecord *record,
            const char      *fact,
            const char      *old_value,
            const char      *new_value)
{
  BakenDiffChange *change = g_new0 (BakenDiffChange, 1);

  change->fact = g_strdup (fact);
  change->old_value = g_strdup (old_value);
  change->new_value = g_strdup (new_value);
  g_ptr_array_add (record->changes, change);
}

static BakenDiffRecord *
compare (BakenDiffFacts *old,
         BakenDiffFacts *new)
{
  BakenDiffFacts *any = new != NULL ? new : old;
  BakenDiffRecord *record = g_new0 (BakenDiffRecord, 1);

  record->kind = any->kind;
  record->id = g_strdup (any->id);
  record->label = g_strdup (new != NULL && new->label != NULL ? new->label
                            : old != NULL ? old->label : NULL);
  record->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  record->state = old == NULL ? BAKEN_DIFF_ADDED
                  : new == NULL ? BAKEN_DIFF_REMOVED : BAKEN_DIFF_CHANGED;

  /* In the order of the newer side, then what only the older one has. */
  for (guint i = 0; new != NULL && i < new->order->len; i++)
    {
      const char *fact = g_ptr_array_index (new->order, i);
      const char *now = g_hash_table_lookup (new->facts, fact);
      const char *was = old != NULL ? g_hash_table_lookup (old->facts, fact) : NULL;

      if (g_strcmp0 (was, now) != 0)
        add_change (record, fact, was, now);
    }
  for (guint i = 0; old != NULL && new != NULL && i < old->order->len; i++)
    {
      const char *fact = g_ptr_array_index (old->order, i);

      if (!g_hash_table_contains (new->facts, fact))
        add_change (record, fact, g_hash_table_lookup (old->facts, fact), NULL);
    }

  if (record->state == BAKEN_DIFF_CHANGED && record->changes->len == 0)
    g_clear_pointer (&record, record_free);
  return record;
}

BakenDiff *
baken_diff_new (const char  *old_path,
                const char  *new_path,
                GPtrArray   *problems,
                GError     **error)
{
  g_autoptr(BakenDiff) diff = g_new0 (BakenDiff, 1);
  g_autofree char *tmp_dir = NULL;
  g_autoptr(GHashTable) old = NULL;
  g_autoptr(GHashTable) new = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (old_path != NULL && new_path != NULL, NULL);

  tmp_dir = g_dir_make_tmp ("baken-diff-XXXXXX", error);
  if (tmp_dir == NULL)
    return NULL;
  old = read_side (old_path, tmp_dir, "old", problems, error);
  new = old != NULL ? read_side (new_path, tmp_dir, "new", problems, error) : NULL;
  baken_hsds_remove_tree (tmp_dir);
  if (old == NULL || new == NULL)
    return NULL;

  diff->old_name = g_strdup (old_path);
  diff->new_name = g_strdup (new_path);
  diff->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);

  g_hash_table_iter_init (&iter, new);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BakenDiffRecord *record = compare (g_hash_table_lookup (old, key), value);

      if (record != NULL)
        g_ptr_array_add (diff->records, record);
    }
  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (new, key))
      g_ptr_array_add (diff->records, compare (value, NULL));

  g_ptr_array_sort (diff->records, compare_records);
  return g_steal_pointer (&diff);
}

void
baken_diff_count (BakenDiff *diff,
                  guint     *added,
                  guint     *removed,
                  guint     *changed)
{
  *added = *removed = *changed = 0;
  for (guint i = 0; i < diff->records->len; i++)
    {
      BakenDiffRecord *record = g_ptr_array_index (diff->records, i);

      *added += record->state == BAKEN_DIFF_ADDED;
      *removed += record->state == BAKEN_DIFF_REMOVED;
      *changed += record->state == BAKEN_DIFF_CHANGED;
    }
}
