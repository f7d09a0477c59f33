/* baken-lint-reach.c: can residents reach an active service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * public-channel: every shown service has a phone or channel that is not staff-only.
 * life-event-services: every life event leads to an active service, itself or through
 * its sub-events.
 */
#define G_LOG_DOMAIN "baken-lint"

#include "config.h"

#include "baken-lint-reach.h"

/* public-channel */

void
baken_lint_check_public_channels (BakenLintContext *lint)
{
  BakenContentSource *s = lint->source;
  g_autoptr(GHashTable) reachable = g_hash_table_new (g_str_hash, g_str_equal);
  const BakenSourceTable channel_tables[] = { BAKEN_SOURCE_PHONE, BAKEN_SOURCE_CHANNEL };

  for (guint t = 0; t < G_N_ELEMENTS (channel_tables); t++)
    for (guint r = 0; r < baken_content_source_get_n_rows (s, channel_tables[t]); r++)
      {
        const char *service = baken_lint_get (lint, channel_tables[t], r, "service_id");

        if (service != NULL &&
            !baken_lint_is_staff (baken_lint_get (lint, channel_tables[t], r, "audience")))
          g_hash_table_add (reachable, (gpointer) service);
      }

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    {
      const char *id = baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "id");

      if (id == NULL ||
          !baken_lint_is_shown_status (baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "status")) ||
          g_hash_table_contains (reachable, id))
        continue;

      baken_lint_add_field_issue (lint, BAKEN_SOURCE_SERVICE, r,
                                  baken_lint_column (BAKEN_SOURCE_SERVICE, "id"), 0,
                                  BAKEN_LINT_ERROR, "public-channel",
                                  "service \"%s\" has no public phone or channel; residents must "
                                  "always be able to reach someone, so add a phone (phones.csv) "
                                  "or a chat, appointment, walk-in, e-mail or website channel "
                                  "(channels.csv)", id);
    }
}

/* life-event-services */

typedef struct
{
  GHashTable *children;      /* event id → GPtrArray of child ids */
  GHashTable *services;      /* event id → GPtrArray of service ids */
  GHashTable *active;        /* service ids with status active */
  GHashTable *memo;          /* event id → 1 leads nowhere, 2 leads to a service */
} EventGraph;

static gboolean
event_leads_to_service (EventGraph *g,
                        const char *id,
                        guint       depth)
{
  gpointer known = g_hash_table_lookup (g->memo, id);
  GPtrArray *list;
  gboolean found = FALSE;

  if (known != NULL)
    return GPOINTER_TO_UINT (known) == 2;
  if (depth > 8)
    return FALSE;   /* a cycle, reported by the build */

  list = g_hash_table_lookup (g->services, id);
  for (guint i = 0; list != NULL && i < list->len && !found; i++)
    found = g_hash_table_contains (g->active, g_ptr_array_index (list, i));

  list = g_hash_table_lookup (g->children, id);
  for (guint i = 0; list != NULL && i < list->len && !found; i++)
    found = event_leads_to_service (g, g_ptr_array_index (list, i), depth + 1);

  g_hash_table_insert (g->memo, (gpointer) id, GUINT_TO_POINTER (found ? 2 : 1));
  return found;
}

static void
multi_add (GHashTable *table,
           const char *key,
           const char *item)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) key, list);
    }
  g_ptr_array_add (list, (gpointer) item);
}

void
baken_lint_check_life_events (BakenLintContext *lint)
{
  BakenContentSource *s = lint->source;
  EventGraph g;
  guint n_events = baken_content_source_get_n_rows (s, BAKEN_SOURCE_LIFE_EVENT);

  g.children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  g.services = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  g.active = g_hash_table_new (g_str_hash, g_str_equal);
  g.memo = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_SERVICE); r++)
    if (g_strcmp0 (baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "status"), "active") == 0 &&
        baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "id") != NULL)
      g_hash_table_add (g.active, (gpointer) baken_lint_get (lint, BAKEN_SOURCE_SERVICE, r, "id"));

  for (guint r = 0; r < n_events; r++)
    {
      const char *id = baken_lint_get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "id");
      const char *parent = baken_lint_get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "parent_id");

      if (id != NULL && parent != NULL)
        multi_add (g.children, parent, id);
    }

  for (guint r = 0; r < baken_content_source_get_n_rows (s, BAKEN_SOURCE_LIFE_EVENT_SERVICE); r++)
    {
      const char *event = baken_lint_get (lint, BAKEN_SOURCE_LIFE_EVENT_SERVICE, r,
                                          "life_event_id");
      const char *service = baken_lint_get (lint, BAKEN_SOURCE_LIFE_EVENT_SERVICE, r, "service_id");

      if (event != NULL && service != NULL)
        multi_add (g.services, event, service);
    }

  for (guint r = 0; r < n_events; r++)
    {
      const char *id = baken_lint_get (lint, BAKEN_SOURCE_LIFE_EVENT, r, "id");

      /* An event with no services and no children at all is a build error already. */
      if (id == NULL ||
          (!g_hash_table_contains (g.children, id) && !g_hash_table_contains (g.services, id)))
        continue;

      if (!event_leads_to_service (&g, id, 0))
        baken_lint_add_field_issue (lint, BAKEN_SOURCE_LIFE_EVENT, r,
                                    baken_lint_column (BAKEN_SOURCE_LIFE_EVENT, "id"), 0,
                                    BAKEN_LINT_ERROR, "life-event-services",
                                    "life event \"%s\" leads to no active service (its services "
                                    "are not active and none of its sub-events leads to one), so "
                                    "residents reach a dead end; link an active service in "
                                    "life_event_services.csv", id);
    }

  g_hash_table_unref (g.children);
  g_hash_table_unref (g.services);
  g_hash_table_unref (g.active);
  g_hash_table_unref (g.memo);
}
