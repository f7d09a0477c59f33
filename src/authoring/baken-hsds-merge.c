/* baken-hsds-merge.c: a new import, with what the editor added on top of the last one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Per table with ids: the records of the new import (theirs) and of SOURCE (mine), keyed
 * by id; the columns are theirs and then the ones only mine has. A record of mine that
 * the last import did not write is the editor's and is kept; one it wrote that the
 * social map dropped is gone. The editor's records that now refer to a record that is
 * gone are left out (a required reference) or lose the reference. The menu's links keep
 * the editor's order and notes; translations stay while their record does.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-merge.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-content-source.h"
#include "baken-hsds.h"
#include "baken-hsds-out-dir.h"
#include "baken-hsds-out-table.h"
#include "baken-raw-table.h"

typedef struct
{
  const char          *out_dir;
  const char          *source_dir;
  BakenHsdsProvenance *provenance;
  GPtrArray           *conflicts;
  GPtrArray           *notes;
  RawTable            *merged[BAKEN_SOURCE_N_TABLES];   /* (owned) (nullable) */
  GHashTable          *own[BAKEN_SOURCE_N_TABLES];      /* (owned) ids of the editor's rows */
} Merge;

static void conflict (Merge      *m,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static void
conflict (Merge      *m,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (m->conflicts, g_strdup_vprintf (format, args));
  va_end (args);
}

static RawTable *
read_raw (const char  *dir,
          const char  *file,
          gboolean    *exists,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  RawTable *t = baken_raw_table_read (dir, file, exists, &local_error);

  if (t == NULL)
    g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE, "%s/%s", dir,
                 local_error->message);
  return t;
}

static int
row_of (RawTable   *t,
        const char *column,
        const char *value)
{
  for (guint r = 0; value != NULL && r < t->rows->len; r++)
    if (g_strcmp0 (baken_raw_table_get (t, r, column), value) == 0)
      return (int) r;

  return -1;
}

/* fields of a row of `to` from row r of `from`, by column name; "" for a column `from`
 * lacks or leaves empty (as the table stores it), so that no NULL ends the vector early
 * for g_strfreev (). */
static GStrv
fields_from (RawTable *to,
             RawTable *from,
             guint     r)
{
  GStrv fields = g_new0 (char *, to->header->len + 1);

  for (guint c = 0; c < to->header->len; c++)
    {
      const char *text = baken_raw_table_get (from, r, g_ptr_array_index (to->header, c));

      fields[c] = g_strdup (text != NULL ? text : "");
    }
  return fields;
}

/* One table with ids: theirs, with mine's own columns, records and kept edits. */
static void
merge_table (Merge    *m,
             guint     table,
             RawTable *theirs,
             RawTable *mine)
{
  const char *file = theirs->file;
  g_autoptr(RawTable) merged = baken_raw_table_new (file, theirs->header);
  guint n_kept_edits = 0;

  for (guint c = 0; c < mine->header->len; c++)
    if (baken_raw_table_column (merged, g_ptr_array_index (mine->header, c)) < 0)
      g_ptr_array_add (merged->header, g_strdup (g_ptr_array_index (mine->header, c)));
  m->own[table] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < theirs->rows->len; r++)
    {
      const char *id = baken_raw_table_get (theirs, r, "id");
      int mr = row_of (mine, "id", id);
      g_auto(GStrv) fields = fields_from (merged, theirs, r);

      if (mr >= 0)
        {
          g_auto(GStrv) mine_fields = fields_from (merged, mine, (guint) mr);
          gboolean edited = m->provenance != NULL &&
                            baken_hsds_provenance_has (m->provenance, file, id) &&
                            !baken_hsds_provenance_same (m->provenance, mine, (guint) mr);
          gboolean unchanged = m->provenance != NULL &&
                               baken_hsds_provenance_same (m->provenance, theirs, r);

          for (guint c = 0; c < merged->header->len; c++)
            {
              gboolean theirs_column = baken_raw_table_column (theirs, g_ptr_array_index (merged->header, c)) >= 0;

              /* What HSDS has no place for is the editor's; an edit of what it has
               * stays while the social map does not change that record. */
              if (!theirs_column || (edited && unchanged))
                {
                  g_free (fields[c]);
                  fields[c] = g_strdup (mine_fields[c]);
                }
            }
          if (edited && unchanged)
            n_kept_edits++;
          else if (edited)
            conflict (m, "%s:%u: %s was changed here after the last import, and the social "
                      "map changed it too; the social map's version is taken (compare with "
                      "baken-bundle diff)", file, g_array_index (mine->lines, guint, mr), id);
        }
      baken_raw_table_add (merged, (const char *const *) fields, 0);
    }

  for (guint r = 0; r < mine->rows->len; r++)
    {
      const char *id = baken_raw_table_get (mine, r, "id");
      g_auto(GStrv) fields = NULL;

      if (id == NULL || row_of (theirs, "id", id) >= 0)
        continue;
      if (m->provenance != NULL && baken_hsds_provenance_has (m->provenance, file, id))
        {
          /* The social map dropped it. */
          if (!baken_hsds_provenance_same (m->provenance, mine, r))
            conflict (m, "%s:%u: %s was changed here after the last import, but the social "
                      "map no longer has it; it is gone", file,
                      g_array_index (mine->lines, guint, r), id);
          continue;
        }
      fields = fields_from (merged, mine, r);
      baken_raw_table_add (merged, (const char *const *) fields, 0);
      g_hash_table_add (m->own[table], g_strdup (id));
    }

  if (n_kept_edits > 0)
    g_ptr_array_add (m->notes, g_strdup_printf ("%s: kept the editor's changes to %u %s the "
                                                "social map did not change", file, n_kept_edits,
                                                n_kept_edits == 1 ? "record" : "records"));
  m->merged[table] = g_steal_pointer (&merged);
}

static gboolean
has_id (Merge      *m,
        guint       table,
        const char *id)
{
  return m->merged[table] != NULL && row_of (m->merged[table], "id", id) >= 0;
}

/* The editor's records whose references lead nowhere now: left out, or without it. */
static void
settle_references (Merge *m)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint table = 0; table < BAKEN_SOURCE_N_TABLES; table++)
        {
          RawTable *t = m->merged[table];

          for (guint r = 0; t != NULL && m->own[table] != NULL && r < t->rows->len; r++)
            {
              const char *id = baken_raw_table_get (t, r, "id");

              if (!g_hash_table_contains (m->own[table], id))
                continue;
              for (guint c = 0; c < baken_content_source_table_n_columns (table); c++)
                {
                  const char *name = baken_content_source_column_name (table, c);
                  const char *ref = baken_raw_table_get (t, r, name);
                  int target = baken_content_source_column_ref (table, c);
                  gboolean ok;

                  if (ref == NULL)
                    continue;
                  if (strcmp (name, "channel_id") == 0)
                    ok = has_id (m, BAKEN_SOURCE_PHONE, ref) || has_id (m, BAKEN_SOURCE_CHANNEL, ref);
                  else if (target >= 0)
                    ok = has_id (m, (guint) target, ref);
                  else
                    continue;
                  if (ok)
                    continue;

                  /* A phone must belong to a service, though its column may be empty
                   * in HSDS. */
                  if (baken_content_source_column_is_required (table, c) ||
                      strcmp (name, "channel_id") == 0 ||
                      (table == BAKEN_SOURCE_PHONE && strcmp (name, "service_id") == 0))
                    {
                      conflict (m, "%s: %s was added here, but %s %s is no longer in the "
                                "social map; it is gone", t->file, id, name, ref);
                      g_hash_table_remove (m->own[table], id);
                      g_ptr_array_remove_index (t->rows, r);
                      g_array_remove_index (t->lines, r);
                      r--;
                      changed = TRUE;
                      break;
                    }
                  conflict (m, "%s: %s was added here; %s %s is no longer in the social map, "
                            "so it is kept without it", t->file, id, name, ref);
                  g_free (((char **) g_ptr_array_index (t->rows, r))[baken_raw_table_column (t, name)]);
                  ((char **) g_ptr_array_index (t->rows, r))[baken_raw_table_column (t, name)] = g_strdup ("");
                }
            }
        }
    }
}

/* The editor's places of services in the menu, then the new ones of the mapping. */
static gboolean
merge_links (Merge   *m,
             GError **error)
{
  gboolean exists;
  g_autoptr(RawTable) theirs = read_raw (m->out_dir, "life_event_services.csv", &exists, error);
  g_autoptr(RawTable) mine = NULL;
  g_autoptr(RawTable) events = NULL;
  g_autoptr(RawTable) merged = NULL;
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (theirs == NULL || (mine = read_raw (m->source_dir, "life_event_services.csv", &exists,
                                          error)) == NULL ||
      (events = read_raw (m->out_dir, "life_events.csv", &exists, error)) == NULL)
    return FALSE;
  merged = baken_raw_table_new ("life_event_services.csv", theirs->header);
  for (guint c = 0; c < mine->header->len; c++)
    if (baken_raw_table_column (merged, g_ptr_array_index (mine->header, c)) < 0)
      g_ptr_array_add (merged->header, g_strdup (g_ptr_array_index (mine->header, c)));

  for (guint pass = 0; pass < 2; pass++)
    {
      RawTable *from = pass == 0 ? mine : theirs;

      for (guint r = 0; r < from->rows->len; r++)
        {
          const char *event = baken_raw_table_get (from, r, "life_event_id");
          const char *service = baken_raw_table_get (from, r, "service_id");
          g_auto(GStrv) fields = NULL;
          gboolean there = FALSE;
          guint position;

          if (row_of (events, "id", event) < 0)
            continue;
          if (!has_id (m, BAKEN_SOURCE_SERVICE, service))
            {
              if (pass == 0)
                conflict (m, "life_event_services.csv:%u: %s is no longer in the social map, "
                          "so its place under %s is gone", g_array_index (mine->lines, guint, r),
                          service, event);
              continue;
            }
          for (guint k = 0; k < merged->rows->len && !there; k++)
            there = g_strcmp0 (baken_raw_table_get (merged, k, "life_event_id"), event) == 0 &&
                    g_strcmp0 (baken_raw_table_get (merged, k, "service_id"), service) == 0;
          if (there)
            continue;
          fields = fields_from (merged, from, r);
          /* A new place comes after the editor's. */
          position = MAX (GPOINTER_TO_UINT (g_hash_table_lookup (next, event)),
                          (guint) g_ascii_strtoull (baken_raw_table_get (from, r, "position") ?: "0",
                                                    NULL, 10) * (pass == 0));
          if (pass == 1)
            {
              int c = baken_raw_table_column (merged, "position");

              position++;
              g_free (fields[c]);
              fields[c] = g_strdup_printf ("%u", position);
            }
          g_hash_table_insert (next, g_strdup (event), GUINT_TO_POINTER (position));
          baken_raw_table_add (merged, (const char *const *) fields, 0);
        }
    }

  m->merged[BAKEN_SOURCE_LIFE_EVENT_SERVICE] = g_steal_pointer (&merged);
  return TRUE;
}

/* The translations of records that are still there; a changed Dutch text is said. */
static gboolean
merge_translations (Merge   *m,
                    GError **error)
{
  gboolean exists;
  g_autoptr(RawTable) mine = read_raw (m->source_dir, "translations.csv", &exists, error);
  g_autoptr(RawTable) old_texts = NULL;
  g_autoptr(RawTable) merged = NULL;
  g_autoptr(GHashTable) said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (mine == NULL)
    return FALSE;
  if (!exists)
    return TRUE;
  merged = baken_raw_table_new ("translations.csv", mine->header);

  for (guint r = 0; r < mine->rows->len; r++)
    {
      const char *resource = baken_raw_table_get (mine, r, "table");
      const char *id = baken_raw_table_get (mine, r, "id");
      const char *field = baken_raw_table_get (mine, r, "field");
      g_auto(GStrv) fields = NULL;
      int table = -1;
      RawTable *now;
      int now_row;

      for (guint t = 0; t < BAKEN_SOURCE_N_TABLES; t++)
        if (g_strcmp0 (baken_content_source_table_resource (t), resource) == 0)
          table = (int) t;
      if (table < 0 || id == NULL || field == NULL)
        continue;

      now = m->merged[table];
      if (table == BAKEN_SOURCE_LIFE_EVENT_SERVICE && now != NULL)
        {
          g_auto(GStrv) pair = g_strsplit (id, "/", 2);

          now_row = -1;
          for (guint k = 0; pair[0] != NULL && pair[1] != NULL && k < now->rows->len; k++)
            if (g_strcmp0 (baken_raw_table_get (now, k, "life_event_id"), pair[0]) == 0 &&
                g_strcmp0 (baken_raw_table_get (now, k, "service_id"), pair[1]) == 0)
              now_row = (int) k;
        }
      else
        now_row = now != NULL ? row_of (now, "id", id) : -1;
      if (now_row < 0)
        continue;

      /* The Dutch text it translates changed: say so once per text. */
      g_clear_pointer (&old_texts, baken_raw_table_free);
      old_texts = read_raw (m->source_dir, now->file, &exists, NULL);
      if (old_texts != NULL && exists)
        {
          int old_row = table == BAKEN_SOURCE_LIFE_EVENT_SERVICE ? -1 : row_of (old_texts, "id", id);
          g_autofree char *key = g_strdup_printf ("%s\t%s\t%s", resource, id, field);

          if (old_row >= 0 &&
              g_strcmp0 (baken_raw_table_get (old_texts, (guint) old_row, field),
                         baken_raw_table_get (now, (guint) now_row, field)) != 0 &&
              g_hash_table_add (said, g_steal_pointer (&key)))
            conflict (m, "translations.csv:%u: the Dutch %s of %s changed in the social map; "
                      "check its translations", g_array_index (mine->lines, guint, r), field,
                      id);
        }
      fields = fields_from (merged, mine, r);
      baken_raw_table_add (merged, (const char *const *) fields, 0);
    }

  m->merged[BAKEN_SOURCE_TRANSLATION] = g_steal_pointer (&merged);
  return TRUE;
}

static gboolean
write_raw (const char  *dir,
           RawTable    *t,
           const char  *resource,
           GError     **error)
{
  g_autoptr(OutTable) out = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();

  g_ptr_array_add (t->header, NULL);
  out = baken_hsds_out_table_new (t->file, resource, (const char *const *) t->header->pdata,
                                  NULL);
  g_ptr_array_set_size (t->header, t->header->len - 1);
  for (guint r = 0; r < t->rows->len; r++)
    {
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      for (guint c = 0; c < t->header->len; c++)
        baken_hsds_set (record, g_ptr_array_index (t->header, c),
                        ((char **) g_ptr_array_index (t->rows, r))[c]);
      baken_hsds_out_table_add (out, record, NULL);
    }
  g_ptr_array_add (tables, out);
  return baken_hsds_write_tables (dir, tables, error);
}

/* datapackage.json lists every table out_dir now has. */
static gboolean
list_resources (const char  *out_dir,
                GError     **error)
{
  g_autofree char *path = g_build_filename (out_dir, "datapackage.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonArray) resources = json_array_new ();
  JsonObject *root;

  if (!json_parser_load_from_file (parser, path, error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint table = 0; table < BAKEN_SOURCE_N_TABLES; table++)
    {
      g_autofree char *file = g_build_filename (out_dir,
                                                baken_content_source_table_file (table), NULL);
      JsonObject *resource;

      if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
        continue;
      resource = json_object_new ();
      json_object_set_string_member (resource, "name",
                                     baken_content_source_table_resource (table));
      json_object_set_string_member (resource, "path", baken_content_source_table_file (table));
      json_object_set_string_member (resource, "profile", "tabular-data-resource");
      json_array_add_object_element (resources, resource);
    }
  json_object_set_array_member (root, "resources", g_steal_pointer (&resources));

  return baken_hsds_write_json (out_dir, json_parser_get_root (parser), error);
}

gboolean
baken_hsds_merge (const char          *out_dir,
                  const char          *source_dir,
                  BakenHsdsProvenance *provenance,
                  GPtrArray           *conflicts,
                  GPtrArray           *notes,
                  GError             **error)
{
  Merge m = { out_dir, source_dir, provenance, conflicts, notes, { NULL, }, { NULL, } };
  gboolean ok = TRUE;

  /* The tables with ids; the menu (life events, synonyms, the mapping) came with the
   * import already. */
  for (guint table = 0; ok && table < BAKEN_SOURCE_N_TABLES; table++)
    {
      const char *file = baken_content_source_table_file (table);
      g_autoptr(RawTable) theirs = NULL;
      g_autoptr(RawTable) mine = NULL;
      gboolean theirs_exist, mine_exist;

      if (table == BAKEN_SOURCE_LIFE_EVENT || table == BAKEN_SOURCE_SYNONYM ||
          table == BAKEN_SOURCE_TAXONOMY_MENU || table == BAKEN_SOURCE_TRANSLATION ||
          table == BAKEN_SOURCE_LIFE_EVENT_SERVICE)
        continue;
      if ((theirs = read_raw (out_dir, file, &theirs_exist, error)) == NULL ||
          (mine = read_raw (source_dir, file, &mine_exist, error)) == NULL)
        {
          ok = FALSE;
          break;
        }
      if (!theirs_exist && !mine_exist)
        continue;
      if (!theirs_exist)
        {
          g_ptr_array_set_size (theirs->header, 0);
          for (guint c = 0; c < mine->header->len; c++)
            g_ptr_array_add (theirs->header, g_strdup (g_ptr_array_index (mine->header, c)));
        }
      merge_table (&m, table, theirs, mine);
    }

  settle_references (&m);
  for (guint table = 0; table < BAKEN_SOURCE_N_TABLES; table++)
    {
      guint n = m.own[table] != NULL ? g_hash_table_size (m.own[table]) : 0;

      if (n > 0)
        g_ptr_array_add (notes, g_strdup_printf ("%s: kept %u %s the editor added",
                                                 baken_content_source_table_file (table), n,
                                                 n == 1 ? "record" : "records"));
    }
  ok = ok && merge_links (&m, error);
  ok = ok && merge_translations (&m, error);

  for (guint table = 0; table < BAKEN_SOURCE_N_TABLES; table++)
    {
      if (ok && m.merged[table] != NULL)
        ok = write_raw (out_dir, m.merged[table], baken_content_source_table_resource (table),
                        error);
      g_clear_pointer (&m.merged[table], baken_raw_table_free);
      g_clear_pointer (&m.own[table], g_hash_table_unref);
    }

  return ok && list_resources (out_dir, error);
}
