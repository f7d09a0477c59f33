/* baken-report-names.c: names of life events and services from a bundle (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-names.h"

#include "baken-catalog.h"
#include "baken-inspect.h"

struct _BakenReportNames
{
  BakenCatalog *catalog;     /* (owned) */
  char         *lang;
  GHashTable   *cache;       /* "LIST:key" → name, or "" when unknown (owned) */
};

BakenReportNames *
baken_report_names_new (const char  *path,
                        const char  *lang,
                        GError     **error)
{
  g_autofree char *db_path = NULL;
  g_autoptr(BakenCatalog) catalog = NULL;
  BakenReportNames *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  db_path = baken_inspect_find_content_db (path, error);
  if (db_path == NULL)
    return NULL;
  catalog = baken_catalog_new_for_path (db_path, error);
  if (catalog == NULL)
    return NULL;

  self = g_new0 (BakenReportNames, 1);
  self->catalog = g_steal_pointer (&catalog);
  self->lang = g_strdup (lang);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
baken_report_names_free (BakenReportNames *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->catalog);
  g_free (self->lang);
  g_hash_table_unref (self->cache);
  g_free (self);
}

static char *
find (BakenReportNames *self,
      BakenReportList   list,
      const char       *key)
{
  g_autoptr(GError) error = NULL;

  if (list == BAKEN_REPORT_LIST_LIFE_EVENTS || list == BAKEN_REPORT_LIST_SITUATIONS)
    {
      g_autoptr(BakenLifeEvent) event = baken_catalog_get_life_event (self->catalog, key,
                                                                      self->lang, &error);

      return event != NULL ? g_strdup (event->title) : NULL;
    }
  if (list == BAKEN_REPORT_LIST_SERVICES)
    {
      g_autoptr(BakenService) service = baken_catalog_get_service (self->catalog, key,
                                                                   self->lang,
                                                                   BAKEN_AUDIENCE_PUBLIC,
                                                                   &error);

      if (service == NULL)
        return NULL;
      if (service->organization_name == NULL || *service->organization_name == '\0')
        return g_strdup (service->name);
      return g_strdup_printf ("%s (%s)", service->name, service->organization_name);
    }
  return NULL;
}

const char *
baken_report_names_lookup (BakenReportNames *self,
                           BakenReportList   list,
                           const char       *key)
{
  g_autofree char *cache_key = NULL;
  const char *name;

  g_return_val_if_fail (key != NULL, NULL);
  if (self == NULL)
    return NULL;

  cache_key = g_strdup_printf ("%d:%s", list, key);
  name = g_hash_table_lookup (self->cache, cache_key);
  if (name == NULL)
    {
      char *found = find (self, list, key);

      name = found != NULL ? found : g_strdup ("");
      g_hash_table_insert (self->cache, g_steal_pointer (&cache_key), (char *) name);
    }
  return *name != '\0' ? name : NULL;
}
