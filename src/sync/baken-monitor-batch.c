/* baken-monitor-batch.c: counts waiting in memory for the next flush
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-monitor"

#include "config.h"

#include "baken-count-terms.h"
#include "baken-monitor-batch.h"

typedef struct
{
  char     *day;
  char     *term;
  GStrv     unknown;   /* words to find in a word list */
} PendingTerm;

struct _BakenMonitorBatch
{
  GHashTable *counts;   /* (owned) "DAY\nKIND\nKEY\nDETAIL" → count */
  GPtrArray  *terms;    /* (owned) PendingTerm */
};

static void
pending_term_free (PendingTerm *term)
{
  g_free (term->day);
  g_free (term->term);
  g_strfreev (term->unknown);
  g_free (term);
}

BakenMonitorBatch *
baken_monitor_batch_new (void)
{
  BakenMonitorBatch *self = g_new0 (BakenMonitorBatch, 1);

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_term_free);

  return self;
}

void
baken_monitor_batch_free (BakenMonitorBatch *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->counts);
  g_ptr_array_unref (self->terms);
  g_free (self);
}

gboolean
baken_monitor_batch_add (BakenMonitorBatch *self,
                         const char        *day,
                         BakenCountKind     kind,
                         const char        *key,
                         const char        *detail)
{
  g_autofree char *name = NULL;
  gpointer old;

  if (!baken_count_check (kind, key, detail))
    {
      g_debug ("A %s count with an unexpected key is dropped",
               baken_count_kind_to_string (kind));
      return FALSE;
    }
  name = g_strdup_printf ("%s\n%u\n%s\n%s", day, kind, key != NULL ? key : "",
                          detail != NULL ? detail : "");
  old = g_hash_table_lookup (self->counts, name);
  g_hash_table_replace (self->counts, g_steal_pointer (&name),
                        GUINT_TO_POINTER (MIN (GPOINTER_TO_UINT (old) + 1, G_MAXUINT32)));

  return TRUE;
}

gboolean
baken_monitor_batch_add_term (BakenMonitorBatch *self,
                              const char        *day,
                              const char        *term,
                              GStrv              unknown)
{
  PendingTerm *pending;

  if (self->terms->len >= BAKEN_MONITOR_BATCH_MAX_TERMS)
    {
      g_strfreev (unknown);
      return FALSE;
    }
  pending = g_new0 (PendingTerm, 1);
  pending->day = g_strdup (day);
  pending->term = g_strdup (term);
  pending->unknown = unknown;
  g_ptr_array_add (self->terms, pending);

  return TRUE;
}

static GPtrArray *
rows_of_day (GHashTable *rows_by_day,
             const char *day)
{
  GPtrArray *rows = g_hash_table_lookup (rows_by_day, day);

  if (rows == NULL)
    {
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_count_row_free);
      g_hash_table_insert (rows_by_day, g_strdup (day), rows);
    }

  return rows;
}

/* The terms whose every word is known (to the index, or to a word list) as rows. */
static void
add_kept_terms (BakenMonitorBatch  *self,
                const char * const *word_lists,
                GHashTable         *rows_by_day)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      PendingTerm *term = g_ptr_array_index (self->terms, i);

      for (guint w = 0; term->unknown[w] != NULL; w++)
        g_hash_table_insert (words, g_strdup (term->unknown[w]), NULL);
    }
  if (g_hash_table_size (words) > 0)
    baken_count_terms_find (words, word_lists);

  for (guint i = 0; i < self->terms->len; i++)
    {
      PendingTerm *term = g_ptr_array_index (self->terms, i);
      gboolean keep = TRUE;
      BakenCountRow *row;

      for (guint w = 0; term->unknown[w] != NULL; w++)
        keep = keep && g_hash_table_lookup (words, term->unknown[w]) != NULL;
      if (!keep)
        continue;
      row = g_new0 (BakenCountRow, 1);
      row->kind = BAKEN_COUNT_TERM;
      row->key = g_strdup (term->term);
      row->n = 1;
      g_ptr_array_add (rows_of_day (rows_by_day, term->day), row);
    }
}

void
baken_monitor_batch_write (BakenMonitorBatch  *self,
                           BakenState         *state,
                           const char * const *word_lists)
{
  g_autoptr(GHashTable) rows_by_day = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\n", 4);
      BakenCountRow *row = g_new0 (BakenCountRow, 1);

      row->kind = (BakenCountKind) g_ascii_strtoull (parts[1], NULL, 10);
      row->key = g_strdup (parts[2]);
      row->detail = g_strdup (parts[3]);
      row->n = GPOINTER_TO_UINT (value);
      g_ptr_array_add (rows_of_day (rows_by_day, parts[0]), row);
    }
  add_kept_terms (self, word_lists, rows_by_day);

  g_hash_table_iter_init (&iter, rows_by_day);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) error = NULL;

      if (!baken_state_add_counts (state, key, value, &error))
        g_message ("Counts of %s lost: %s", (const char *) key, error->message);
    }
}
