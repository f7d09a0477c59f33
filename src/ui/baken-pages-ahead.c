/* baken-pages-ahead.c: which pages a resident will likely open next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The navigator builds these in idle time while the resident reads the page on screen
 * (baken-navigator.c), so the next tap finds its page built and laid out.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-pages-ahead.h"

void
baken_page_ahead_free (BakenPageAhead *ahead)
{
  g_free (ahead->id);
  g_free (ahead);
}

static void
add (GPtrArray         *list,
     BakenLocationKind  kind,
     const char        *id)
{
  BakenPageAhead *ahead = g_new0 (BakenPageAhead, 1);

  ahead->kind = kind;
  ahead->id = g_strdup (id);
  g_ptr_array_add (list, ahead);
}

static void
add_events (GPtrArray    *list,
            BakenCatalog *catalog,
            const char   *parent,
            const char   *language,
            guint         depth)
{
  g_autoptr(GPtrArray) events = baken_catalog_get_life_events (catalog, parent, language,
                                                               NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      BakenLifeEvent *event = g_ptr_array_index (events, i);

      add (list, event->n_children > 0 ? BAKEN_LOCATION_EVENT : BAKEN_LOCATION_SERVICES,
           event->id);
      if (event->n_children > 0 && depth < 1)
        add_events (list, catalog, event->id, language, depth + 1);
    }
}

GPtrArray *
baken_pages_ahead_list (BakenCatalog      *catalog,
                        BakenLocationKind  kind,
                        const char        *id,
                        const char        *language,
                        BakenAudience      audience)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_page_ahead_free);

  g_return_val_if_fail (catalog != NULL, list);

  if (kind == BAKEN_LOCATION_HOME)
    {
      add_events (list, catalog, NULL, language, 0);
    }
  else if (kind == BAKEN_LOCATION_SERVICES && id != NULL)
    {
      g_autoptr(GPtrArray) services = baken_catalog_get_services_for_event (catalog, id,
                                                                            language, audience,
                                                                            NULL);

      for (guint i = 0; services != NULL && i < services->len; i++)
        add (list, BAKEN_LOCATION_SERVICE,
             ((BakenService *) g_ptr_array_index (services, i))->id);
    }

  return list;
}
