/* baken-hsds-import-datapackage.c: the datapackage.json of the imported source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its publisher is the package's publisher (or title, or first organisation) and its
 * region the most common state_province (or city) of the kept addresses.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-datapackage.h"

#include "baken-content.h"
#include "baken-hsds-notes.h"
#include "baken-hsds-out-table.h"

/* The most common value of field in the kept rows of table, or NULL. */
static const char *
most_common (Import     *imp,
             const char *resource,
             const char *field)
{
  HTable *t = baken_hsds_table_of (imp, resource);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      const char *text = baken_hsds_hget (t, row, field);
      guint n;

      if (text == NULL || !g_hash_table_contains (t->kept, baken_hsds_hget (t, row, "id")))
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, text)) + 1;
      g_hash_table_insert (counts, (gpointer) text, GUINT_TO_POINTER (n));
      if (n > best_count)
        {
          best = text;
          best_count = n;
        }
    }

  return best;
}

JsonNode *
baken_hsds_import_datapackage (Import *imp)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  HTable *organizations = baken_hsds_table_of (imp, "organization");
  const char *publisher = imp->publisher != NULL ? imp->publisher : imp->title;
  const char *region = most_common (imp, "address", "state_province");
  const char *title = imp->title != NULL ? imp->title : "Imported from HSDS";

  /* The editor's own, when the menu comes from their content source. */
  if (imp->menu != NULL && imp->menu->publisher != NULL && imp->menu->region != NULL)
    {
      publisher = imp->menu->publisher;
      region = imp->menu->region;
      title = imp->menu->title != NULL ? imp->menu->title : title;
    }

  if (publisher == NULL && organizations != NULL && organizations->rows->len > 0)
    publisher = baken_hsds_hget (organizations, g_ptr_array_index (organizations->rows, 0),
                                 "name");
  if (publisher == NULL)
    publisher = "Onbekend";
  if (region == NULL)
    region = most_common (imp, "address", "city");
  if (region == NULL)
    region = "Onbekend";
  if (imp->menu == NULL || imp->menu->publisher == NULL || imp->menu->region == NULL)
    baken_hsds_add_note (imp->notes,
                         "datapackage.json: baken.publisher of the content source is \"%s\" "
                         "and baken.region \"%s\"; check them", publisher, region);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "hsds-import");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, "tabular-data-package");
  json_builder_set_member_name (builder, "baken");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, BAKEN_SOURCE_FORMAT);
  json_builder_set_member_name (builder, "publisher");
  json_builder_add_string_value (builder, publisher);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, region);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < imp->out->len; i++)
    {
      OutTable *t = g_ptr_array_index (imp->out, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, t->resource);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, t->file);
      json_builder_set_member_name (builder, "profile");
      json_builder_add_string_value (builder, "tabular-data-resource");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
