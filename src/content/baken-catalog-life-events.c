/* baken-catalog-life-events.c: the life events of the catalog, by parent and by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-catalog"

#include "config.h"

#include "baken-catalog-life-events.h"
#include "baken-catalog-private.h"

#define DUTCH_TEXTS \
  DUTCH ("title", 0) " | " DUTCH ("summary", 1) " | " DUTCH ("question", 2) " | " \
  DUTCH ("body", 3)

static const char sql_life_events[] =
  "SELECT le.id, le.parent_id, le.icon, "
  TEXT ("t", "title") ", " TEXT ("t", "summary") ", "
  TEXT ("t", "question") ", " TEXT ("t", "body") ", "
  " (SELECT count(*) FROM life_event c WHERE c.parent_id = le.id), "
  " (SELECT count(*) FROM life_event_service les JOIN service s ON s.id = les.service_id "
  "   WHERE les.life_event_id = le.id AND s.status = 'active'), "
  DUTCH_TEXTS " "
  "FROM life_event le "
  "JOIN life_event_text nl ON nl.life_event_id = le.id AND nl.lang = 'nl' "
  "LEFT JOIN life_event_text t ON t.life_event_id = le.id AND t.lang = ?1 "
  "WHERE le.parent_id IS ?2 ORDER BY le.position, le.id";

static const char sql_life_event[] =
  "SELECT le.id, le.parent_id, le.icon, "
  TEXT ("t", "title") ", " TEXT ("t", "summary") ", "
  TEXT ("t", "question") ", " TEXT ("t", "body") ", "
  " (SELECT count(*) FROM life_event c WHERE c.parent_id = le.id), "
  " (SELECT count(*) FROM life_event_service les JOIN service s ON s.id = les.service_id "
  "   WHERE les.life_event_id = le.id AND s.status = 'active'), "
  DUTCH_TEXTS " "
  "FROM life_event le "
  "JOIN life_event_text nl ON nl.life_event_id = le.id AND nl.lang = 'nl' "
  "LEFT JOIN life_event_text t ON t.life_event_id = le.id AND t.lang = ?1 "
  "WHERE le.id = ?2";

static BakenLifeEvent *
life_event_from_row (sqlite3_stmt *stmt)
{
  BakenLifeEvent *event = g_new0 (BakenLifeEvent, 1);

  event->id = baken_catalog_column_dup (stmt, 0);
  event->parent_id = baken_catalog_column_dup (stmt, 1);
  event->icon = baken_catalog_column_dup (stmt, 2);
  event->title = baken_catalog_column_dup (stmt, 3);
  event->summary = baken_catalog_column_dup (stmt, 4);
  event->question = baken_catalog_column_dup (stmt, 5);
  event->body = baken_catalog_column_dup (stmt, 6);
  event->n_children = sqlite3_column_int (stmt, 7);
  event->n_services = sqlite3_column_int (stmt, 8);
  event->dutch = sqlite3_column_int (stmt, 9);

  return event;
}

/* Public API */

void
baken_life_event_free (BakenLifeEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->id);
  g_free (event->parent_id);
  g_free (event->icon);
  g_free (event->title);
  g_free (event->summary);
  g_free (event->question);
  g_free (event->body);
  g_free (event);
}

GPtrArray *
baken_catalog_get_life_events (BakenCatalog  *self,
                               const char    *parent_id,
                               const char    *lang,
                               GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_life_event_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  /* One budget for the whole call, however many statements it runs. */
  _baken_catalog_begin_query (self);

  if (!(stmt = _baken_catalog_statement (self, sql_life_events, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, lang);
  baken_catalog_bind_text (stmt, 2, parent_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, life_event_from_row (stmt));
  if (rc != SQLITE_DONE)
    return _baken_catalog_query_error (self, error), NULL;

  return g_steal_pointer (&events);
}

BakenLifeEvent *
baken_catalog_get_life_event (BakenCatalog  *self,
                              const char    *id,
                              const char    *lang,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL && lang != NULL, NULL);

  /* One budget for the whole call, however many statements it runs. */
  _baken_catalog_begin_query (self);

  if (!(stmt = _baken_catalog_statement (self, sql_life_event, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, lang);
  baken_catalog_bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return life_event_from_row (stmt);
  if (rc != SQLITE_DONE)
    return _baken_catalog_query_error (self, error), NULL;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No life event “%s”", id);
  return NULL;
}
