/* baken-hsds-menu.c: the editor's menu that import-hsds fills from a social map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-menu.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-file.h"
#include "baken-hsds.h"
#include "baken-hsds-out-dir.h"
#include "baken-json.h"

/* The most icons a menu has. */
#define MAX_ICONS 256

void
baken_hsds_menu_free (BakenHsdsMenu *menu)
{
  if (menu == NULL)
    return;

  g_free (menu->dir);
  g_clear_pointer (&menu->life_events, baken_raw_table_free);
  g_clear_pointer (&menu->mapping, baken_raw_table_free);
  g_clear_pointer (&menu->links, baken_raw_table_free);
  g_clear_pointer (&menu->synonyms, baken_raw_table_free);
  g_clear_pointer (&menu->translations, baken_raw_table_free);
  g_clear_pointer (&menu->icons, g_hash_table_unref);
  g_free (menu->title);
  g_free (menu->publisher);
  g_free (menu->region);
  g_clear_pointer (&menu->used_icons, g_hash_table_unref);
  g_clear_pointer (&menu->left_out, g_hash_table_unref);
  g_free (menu);
}

static gboolean
fail (GError     **error,
      const char  *dir,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      const char  *dir,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE, "%s%s%s", dir,
               g_str_has_suffix (dir, "/") ? "" : "/", message);
  return FALSE;
}

static RawTable *
read_table (const char  *dir,
            const char  *file,
            gboolean     required,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean exists;
  RawTable *t = baken_raw_table_read (dir, file, &exists, &local_error);

  if (t == NULL)
    fail (error, dir, "%s", local_error->message);
  else if (required && !exists)
    {
      fail (error, dir, "%s:1:1: the file is missing; the menu needs it (see "
            "docs/content-format.md)", file);
      g_clear_pointer (&t, baken_raw_table_free);
    }
  return t;
}

static gboolean
read_icons (BakenHsdsMenu  *menu,
            GError        **error)
{
  g_autofree char *icons_dir = g_build_filename (menu->dir, "icons", NULL);
  g_autoptr(GDir) folder = g_dir_open (icons_dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (icons_dir, name, NULL);
      g_autoptr(GError) local_error = NULL;
      char *contents = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".svg"))
        continue;
      if (g_hash_table_size (menu->icons) >= MAX_ICONS)
        return fail (error, menu->dir, "icons/: more than %d icons; a menu has far fewer",
                     MAX_ICONS);
      if (!baken_file_read (path, BAKEN_FILE_MAX_ICON, &contents, &length, &local_error))
        return fail (error, menu->dir, "icons/%s:1:1: %s", name, local_error->message);
      g_hash_table_insert (menu->icons, g_strdup (name), g_bytes_new_take (contents, length));
    }

  return TRUE;
}

/* title, baken.publisher and baken.region, when datapackage.json has them. */
static void
read_datapackage (BakenHsdsMenu *menu)
{
  g_autofree char *path = g_build_filename (menu->dir, "datapackage.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root, *baken;
  gsize length;

  if (!baken_file_read (path, BAKEN_FILE_MAX_JSON, &text, &length, NULL) ||
      (parser = baken_json_parse ("datapackage.json", text, length, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;

  root = json_node_get_object (json_parser_get_root (parser));
  menu->title = g_strdup (json_object_get_string_member_with_default (root, "title", NULL));
  if (!json_object_has_member (root, "baken") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "baken")))
    return;
  baken = json_object_get_object_member (root, "baken");
  menu->publisher = g_strdup (json_object_get_string_member_with_default (baken, "publisher",
                                                                          NULL));
  menu->region = g_strdup (json_object_get_string_member_with_default (baken, "region", NULL));
}

BakenHsdsMenu *
baken_hsds_menu_load (const char  *dir,
                      gboolean     need_mapping,
                      GError     **error)
{
  g_autoptr(BakenHsdsMenu) menu = g_new0 (BakenHsdsMenu, 1);
  static const char *const needed[] = { "term", "life_event_id", NULL };

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_SOURCE,
                   "%s is not a folder; give the content source that holds the menu", dir);
      return NULL;
    }

  menu->dir = g_strdup (dir);
  menu->icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_bytes_unref);
  if ((menu->life_events = read_table (dir, "life_events.csv", TRUE, error)) == NULL ||
      (menu->mapping = read_table (dir, "taxonomy_menu.csv", need_mapping, error)) == NULL ||
      (menu->links = read_table (dir, "life_event_services.csv", FALSE, error)) == NULL ||
      (menu->synonyms = read_table (dir, "synonyms.csv", FALSE, error)) == NULL ||
      (menu->translations = read_table (dir, "translations.csv", FALSE, error)) == NULL ||
      !read_icons (menu, error))
    return NULL;
  read_datapackage (menu);

  for (guint i = 0; menu->mapping->header->len > 0 && needed[i] != NULL; i++)
    if (baken_raw_table_column (menu->mapping, needed[i]) < 0)
      {
        fail (error, dir, "taxonomy_menu.csv:1:%u: column %s is missing; the columns are "
              "term, life_event_id and situation_id", menu->mapping->header->len + 1,
              needed[i]);
        return NULL;
      }

  for (guint r = 0; r < menu->mapping->rows->len; r++)
    if (baken_raw_table_get (menu->mapping, r, "term") == NULL ||
        baken_raw_table_get (menu->mapping, r, "life_event_id") == NULL)
      {
        fail (error, dir, "taxonomy_menu.csv:%u:1: a mapping needs a term and a life_event_id",
              g_array_index (menu->mapping->lines, guint, r));
        return NULL;
      }

  return g_steal_pointer (&menu);
}

gboolean
baken_hsds_menu_write_icons (BakenHsdsMenu  *menu,
                             const char     *icons_dir,
                             GError        **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, menu->icons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize size;
      const char *data = g_bytes_get_data (value, &size);
      g_autofree char *name = g_strndup (key, strlen (key) - strlen (".svg"));

      if (menu->used_icons != NULL && !g_hash_table_contains (menu->used_icons, name))
        continue;
      if (!baken_hsds_write_file (icons_dir, key, data, size, error))
        return FALSE;
    }

  return TRUE;
}

/* Appends row r of from to to, by column name; to takes from's columns when it has none. */
static void
append_row (RawTable *to,
            RawTable *from,
            guint     r)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  if (to->header->len == 0)
    for (guint c = 0; c < from->header->len; c++)
      g_ptr_array_add (to->header, g_strdup (g_ptr_array_index (from->header, c)));
  for (guint c = 0; c < to->header->len; c++)
    g_ptr_array_add (fields, (gpointer) (baken_raw_table_get (from, r, g_ptr_array_index (to->header, c)) ?: ""));
  baken_raw_table_add (to, (const char *const *) fields->pdata, 0);
}

static gboolean
has_row (RawTable   *t,
         const char *column,
         const char *value)
{
  for (guint r = 0; value != NULL && r < t->rows->len; r++)
    if (g_strcmp0 (baken_raw_table_get (t, r, column), value) == 0)
      return TRUE;

  return FALSE;
}

void
baken_hsds_menu_restore (BakenHsdsMenu       *menu,
                         BakenHsdsProvenance *provenance)
{
  RawTable *events = provenance != NULL
                     ? baken_hsds_provenance_get_kept (provenance, "life_events.csv") : NULL;
  RawTable *synonyms = provenance != NULL
                       ? baken_hsds_provenance_get_kept (provenance, "synonyms.csv") : NULL;
  RawTable *translations = provenance != NULL
                           ? baken_hsds_provenance_get_kept (provenance, "translations.csv")
                           : NULL;
  g_autoptr(GHashTable) back = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean changed = TRUE;

  if (events == NULL)
    return;

  /* Those the mapping names, and the life events they are under. */
  while (changed)
    {
      changed = FALSE;
      for (guint r = 0; r < events->rows->len; r++)
        {
          const char *id = baken_raw_table_get (events, r, "id");
          gboolean wanted = has_row (menu->mapping, "life_event_id", id) ||
                            has_row (menu->mapping, "situation_id", id);

          for (guint k = 0; !wanted && k < events->rows->len; k++)
            wanted = g_hash_table_contains (back, baken_raw_table_get (events, k, "id") ?: "") &&
                     g_strcmp0 (baken_raw_table_get (events, k, "parent_id"), id) == 0;
          if (id == NULL || !wanted || g_hash_table_contains (back, id) ||
              has_row (menu->life_events, "id", id))
            continue;
          g_hash_table_add (back, (gpointer) id);
          append_row (menu->life_events, events, r);
          changed = TRUE;
        }
    }

  for (guint r = 0; synonyms != NULL && r < synonyms->rows->len; r++)
    if (g_hash_table_contains (back, baken_raw_table_get (synonyms, r, "life_event_id") ?: ""))
      append_row (menu->synonyms, synonyms, r);
  for (guint r = 0; translations != NULL && r < translations->rows->len; r++)
    if (g_strcmp0 (baken_raw_table_get (translations, r, "table"), "life_event") == 0 &&
        g_hash_table_contains (back, baken_raw_table_get (translations, r, "id") ?: ""))
      append_row (menu->translations, translations, r);
}

void
baken_hsds_menu_keep_left_out (BakenHsdsMenu       *menu,
                               BakenHsdsProvenance *provenance)
{
  if (menu->left_out == NULL)
    return;

  for (guint r = 0; r < menu->life_events->rows->len; r++)
    if (g_hash_table_contains (menu->left_out, baken_raw_table_get (menu->life_events, r, "id") ?: ""))
      baken_hsds_provenance_keep_row (provenance, menu->life_events, r);
  for (guint r = 0; r < menu->synonyms->rows->len; r++)
    if (g_hash_table_contains (menu->left_out,
                               baken_raw_table_get (menu->synonyms, r, "life_event_id") ?: ""))
      baken_hsds_provenance_keep_row (provenance, menu->synonyms, r);
  for (guint r = 0; r < menu->translations->rows->len; r++)
    if (g_strcmp0 (baken_raw_table_get (menu->translations, r, "table"), "life_event") == 0 &&
        g_hash_table_contains (menu->left_out,
                               baken_raw_table_get (menu->translations, r, "id") ?: ""))
      baken_hsds_provenance_keep_row (provenance, menu->translations, r);
}
