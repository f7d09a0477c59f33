/* baken-hsds-import-menu.c: the menu from the social map's own taxonomy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-menu.h"

#include <string.h>

#include "baken-hsds-import-out.h"
#include "baken-hsds-notes.h"
#include "baken-hsds-out-table.h"

/* Deeper than any taxonomy nests; a parent_id cycle ends here. */
#define MAX_TERM_DEPTH 16

/* service id → GPtrArray of the ids of its taxonomy terms (borrowed). */
static GHashTable *
service_terms (Import *imp)
{
  GHashTable *terms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  HTable *attributes = baken_hsds_table_of (imp, "attribute");
  HTable *taxonomy = baken_hsds_table_of (imp, "taxonomy_term");

  for (guint r = 0; attributes != NULL && taxonomy != NULL && r < attributes->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (attributes->rows, r);
      const char *service = baken_hsds_hget (attributes, row, "link_id");
      const char *entity = baken_hsds_hget (attributes, row, "link_entity");
      const char *term = baken_hsds_hget (attributes, row, "taxonomy_term_id");
      GPtrArray *list;

      if (service == NULL || term == NULL ||
          (entity != NULL && strcmp (entity, "service") != 0) ||
          !g_hash_table_contains (taxonomy->by_id, term))
        continue;
      list = g_hash_table_lookup (terms, service);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (terms, (gpointer) service, list);
        }
      if (!g_ptr_array_find_with_equal_func (list, term, g_str_equal, NULL))
        g_ptr_array_add (list, (gpointer) term);
    }

  return terms;
}

/* Whether the mapping's term (an id or a code) is term_id or a broader term of it. */
static gboolean
term_matches (Import     *imp,
              const char *term_id,
              const char *key)
{
  HTable *taxonomy = baken_hsds_table_of (imp, "taxonomy_term");
  const char *id = term_id;

  for (guint depth = 0; id != NULL && depth < MAX_TERM_DEPTH; depth++)
    {
      HRow *row = g_hash_table_lookup (taxonomy->by_id, id);
      const char *code = row != NULL ? baken_hsds_hget (taxonomy, row, "code") : NULL;

      if (strcmp (id, key) == 0 || (code != NULL && g_ascii_strcasecmp (code, key) == 0))
        return TRUE;
      id = row != NULL ? baken_hsds_hget (taxonomy, row, "parent_id") : NULL;
    }

  return FALSE;
}

/* "CODE Name" of a term. */
static char *
term_label (Import     *imp,
            const char *term_id)
{
  HTable *taxonomy = baken_hsds_table_of (imp, "taxonomy_term");
  HRow *row = g_hash_table_lookup (taxonomy->by_id, term_id);
  const char *code = baken_hsds_hget (taxonomy, row, "code");

  return g_strdup_printf ("%s%s%s", code != NULL ? code : "", code != NULL ? " " : "",
                          baken_hsds_hget (taxonomy, row, "name"));
}

/* A copy of a table of the menu, with the rows keep says. */
static void
copy_table (Import     *imp,
            RawTable   *raw,
            const char *resource,
            const char *ref_column,
            GHashTable *keep)
{
  OutTable *out;

  if (raw->header->len == 0)
    return;
  g_ptr_array_add (raw->header, NULL);
  out = baken_hsds_import_out (imp, raw->file, resource,
                               (const char *const *) raw->header->pdata);
  g_ptr_array_set_size (raw->header, raw->header->len - 1);

  for (guint r = 0; r < raw->rows->len; r++)
    {
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *ref = ref_column != NULL ? baken_raw_table_get (raw, r, ref_column) : NULL;

      if (keep != NULL && ref != NULL && !g_hash_table_contains (keep, ref))
        continue;
      /* Of the translations, those of the life events that stay. */
      if (strcmp (resource, "translation") == 0 &&
          (g_strcmp0 (baken_raw_table_get (raw, r, "table"), "life_event") != 0 ||
           !g_hash_table_contains (keep, baken_raw_table_get (raw, r, "id"))))
        continue;
      for (guint c = 0; c < raw->header->len; c++)
        baken_hsds_set (record, g_ptr_array_index (raw->header, c),
                        ((char **) g_ptr_array_index (raw->rows, r))[c]);
      baken_hsds_out_table_add (out, record, NULL);
    }
}

/* Leaves out the life events without services and without situations that stay. */
static GHashTable *
prune (Import     *imp,
       GHashTable *has_services)
{
  RawTable *events = imp->menu->life_events;
  GHashTable *kept = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean changed = TRUE;

  for (guint r = 0; r < events->rows->len; r++)
    if (baken_raw_table_get (events, r, "id") != NULL)
      g_hash_table_add (kept, (gpointer) baken_raw_table_get (events, r, "id"));

  while (changed)
    {
      changed = FALSE;
      for (guint r = 0; r < events->rows->len; r++)
        {
          const char *id = baken_raw_table_get (events, r, "id");
          gboolean has_child = FALSE;

          if (id == NULL || !g_hash_table_contains (kept, id) ||
              g_hash_table_contains (has_services, id))
            continue;
          for (guint c = 0; c < events->rows->len && !has_child; c++)
            has_child = g_strcmp0 (baken_raw_table_get (events, c, "parent_id"), id) == 0 &&
                        g_hash_table_contains (kept, baken_raw_table_get (events, c, "id"));
          if (has_child)
            continue;
          g_hash_table_remove (kept, id);
          g_hash_table_add (imp->menu->left_out, g_strdup (id));
          baken_hsds_add_note (imp->menu_notes, "life_events.csv%s%.0u: %s lists no service "
                               "this time (no mapping of taxonomy_menu.csv reaches one), so it "
                               "is left out of the menu until one does",
                               g_array_index (events->lines, guint, r) > 0 ? ":" : "",
                               g_array_index (events->lines, guint, r), id);
          changed = TRUE;
        }
    }

  return kept;
}

void
baken_hsds_import_menu (Import *imp)
{
  static const char *const link_columns[] = { "life_event_id", "service_id", "position",
                                              "note", NULL };
  BakenHsdsMenu *menu = imp->menu;
  HTable *services = baken_hsds_table_of (imp, "service");
  g_autoptr(GHashTable) terms = service_terms (imp);
  g_autoptr(GHashTable) has_services = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          NULL);
  g_autoptr(GHashTable) kept = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);  /* "event\tservice" */
  g_autoptr(GHashTable) events = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) placed_by_editor = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) notes = g_hash_table_new (g_direct_hash, g_direct_equal);
  OutTable *out;

  g_ptr_array_set_size (imp->unplaced, 0);
  for (guint r = 0; r < menu->life_events->rows->len; r++)
    if (baken_raw_table_get (menu->life_events, r, "id") != NULL)
      g_hash_table_add (events, (gpointer) baken_raw_table_get (menu->life_events, r, "id"));
  /* The editor's own places of services come first, in their order and with their
   * notes, while the service is there. */
  for (guint r = 0; r < menu->links->rows->len; r++)
    {
      const char *event = baken_raw_table_get (menu->links, r, "life_event_id");
      const char *service = baken_raw_table_get (menu->links, r, "service_id");
      char *link;

      if (event == NULL || !g_hash_table_contains (events, event) ||
          !baken_hsds_import_is_kept (imp, "service", service))
        continue;
      link = g_strdup_printf ("%s\t%s", event, service);
      g_ptr_array_add (links, link);
      if (baken_raw_table_get (menu->links, r, "note") != NULL)
        g_hash_table_insert (notes, link, (gpointer) baken_raw_table_get (menu->links, r, "note"));
      g_hash_table_add (has_services, (gpointer) event);
      g_hash_table_add (placed_by_editor, (gpointer) service);
    }
  g_ptr_array_set_size (imp->menu_notes, 0);
  for (guint r = 0; r < menu->mapping->rows->len; r++)
    {
      static const char *const refs[] = { "life_event_id", "situation_id" };

      for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
        {
          const char *ref = baken_raw_table_get (menu->mapping, r, refs[i]);

          if (ref != NULL && !g_hash_table_contains (events, ref))
            baken_hsds_add_note (imp->menu_notes,
                                 "taxonomy_menu.csv:%u: %s \"%s\" is not in life_events.csv, "
                                 "so this mapping places no service; add the life event or "
                                 "fix the mapping", g_array_index (menu->mapping->lines, guint, r),
                                 refs[i], ref);
        }
    }
  for (guint r = 0; r < services->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (services->rows, r);
      const char *id = baken_hsds_hget (services, row, "id");
      GPtrArray *mine = g_hash_table_lookup (terms, id);
      g_autoptr(GString) labels = g_string_new (NULL);
      gboolean placed = FALSE;

      if (!baken_hsds_import_is_kept (imp, "service", id))
        continue;
      for (guint t = 0; mine != NULL && t < mine->len; t++)
        {
          g_autofree char *label = term_label (imp, g_ptr_array_index (mine, t));

          g_string_append_printf (labels, "%s%s", t > 0 ? "; " : "", label);
          for (guint m = 0; m < menu->mapping->rows->len; m++)
            {
              const char *key = baken_raw_table_get (menu->mapping, m, "term");
              const char *event = baken_raw_table_get (menu->mapping, m, "situation_id");
              g_autofree char *link = NULL;
              guint n = 0;

              if (!term_matches (imp, g_ptr_array_index (mine, t), key))
                continue;
              if (event == NULL)
                event = baken_raw_table_get (menu->mapping, m, "life_event_id");
              if (!g_hash_table_contains (events, event))
                continue;
              placed = TRUE;
              link = g_strdup_printf ("%s\t%s", event, id);
              for (guint l = 0; l < links->len; l++)
                n += strcmp (g_ptr_array_index (links, l), link) == 0;
              if (n == 0)
                {
                  g_ptr_array_add (links, g_steal_pointer (&link));
                  g_hash_table_add (has_services, (gpointer) event);
                }
            }
        }
      if (!placed && !g_hash_table_contains (placed_by_editor, id))
        g_ptr_array_add (imp->unplaced,
                         g_strdup_printf ("%s: %s (%s)", id, baken_hsds_hget (services, row, "name"),
                                          labels->len > 0 ? labels->str : "no taxonomy terms"));
    }

  g_clear_pointer (&menu->left_out, g_hash_table_unref);
  menu->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  kept = prune (imp, has_services);
  g_clear_pointer (&menu->used_icons, g_hash_table_unref);
  menu->used_icons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = 0; r < menu->life_events->rows->len; r++)
    if (g_hash_table_contains (kept, baken_raw_table_get (menu->life_events, r, "id") ?: "") &&
        baken_raw_table_get (menu->life_events, r, "icon") != NULL)
      g_hash_table_add (menu->used_icons,
                        g_strdup (baken_raw_table_get (menu->life_events, r, "icon")));
  copy_table (imp, menu->life_events, "life_event", "id", kept);
  out = baken_hsds_import_out (imp, "life_event_services.csv", "life_event_service",
                               link_columns);
  for (guint l = 0; l < links->len; l++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (links, l), "\t", 2);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, parts[0])) + 1;

      g_hash_table_insert (positions, g_strdup (parts[0]), GUINT_TO_POINTER (position));
      baken_hsds_set (record, "life_event_id", parts[0]);
      baken_hsds_set (record, "service_id", parts[1]);
      baken_hsds_set_take (record, "position", g_strdup_printf ("%u", position));
      baken_hsds_set (record, "note", g_hash_table_lookup (notes, g_ptr_array_index (links, l)));
      baken_hsds_out_table_add (out, record, NULL);
    }
  copy_table (imp, menu->mapping, "taxonomy_menu", NULL, NULL);
  copy_table (imp, menu->synonyms, "synonym", "life_event_id", kept);
  copy_table (imp, menu->translations, "translation", NULL, kept);
}

void
baken_hsds_note_terms (Import *imp)
{
  g_autoptr(GHashTable) terms = service_terms (imp);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);
  HTable *services = baken_hsds_table_of (imp, "service");

  for (guint r = 0; r < services->rows->len; r++)
    {
      const char *id = baken_hsds_hget (services, g_ptr_array_index (services->rows, r), "id");
      GPtrArray *mine = g_hash_table_lookup (terms, id);

      for (guint t = 0; mine != NULL && t < mine->len; t++)
        {
          gpointer term = g_ptr_array_index (mine, t);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, term));

          if (n == 0)
            g_ptr_array_add (order, term);
          g_hash_table_insert (counts, term, GUINT_TO_POINTER (n + 1));
        }
    }
  if (order->len == 0)
    return;

  for (guint i = 0; i < order->len; i++)
    {
      g_autofree char *label = term_label (imp, g_ptr_array_index (order, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_ptr_array_index (order, i)));

      g_string_append_printf (list, "%s%s (%u %s)", i > 0 ? "; " : "", label, n,
                              n == 1 ? "service" : "services");
    }
  baken_hsds_add_note (imp->notes, "taxonomy: the services have %u taxonomy terms: %s. Map "
                       "them to life events in taxonomy_menu.csv and import with --menu (see "
                       "docs/content-format.md)", order->len, list->str);
}
