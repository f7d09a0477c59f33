/* baken-catalog-services.c: the services of the catalog, with their documents and
 * languages (their channels, locations and hours: baken-catalog-reach.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-catalog"

#include "config.h"

#include "baken-catalog-services.h"
#include "baken-catalog-private.h"
#include "baken-catalog-reach.h"
#include "baken-content.h"

static const char sql_event_services[] =
  "SELECT les.service_id, COALESCE(t.note, nl.note), " DUTCH ("note", 0) " "
  "FROM life_event_service les JOIN service s ON s.id = les.service_id "
  "LEFT JOIN life_event_service_text nl ON nl.life_event_id = les.life_event_id "
  "  AND nl.service_id = les.service_id AND nl.lang = 'nl' "
  "LEFT JOIN life_event_service_text t ON t.life_event_id = les.life_event_id "
  "  AND t.service_id = les.service_id AND t.lang = ?1 "
  "WHERE les.life_event_id = ?2 AND s.status = 'active' "
  "ORDER BY les.position, les.service_id";

static const char sql_service[] =
  "SELECT s.id, s.organization_id, COALESCE(ot.name, onl.name), "
  TEXT ("t", "name") ", " TEXT ("t", "description") ", " TEXT ("t", "what_to_expect") ", "
  TEXT ("t", "cost") ", " TEXT ("t", "eligibility") ", " TEXT ("t", "alert") ", "
  " s.url, s.assured_date, s.handover, " TEXT ("t", "fees") ", " TEXT ("t", "wait_time") ", "
  " s.minimum_age, s.maximum_age, "
  DUTCH_OF ("ot", "onl", "name", 0) " | " DUTCH ("name", 1) " | " DUTCH ("description", 2)
  " | " DUTCH ("what_to_expect", 3) " | " DUTCH ("cost", 4) " | " DUTCH ("eligibility", 5)
  " | " DUTCH ("alert", 6) " | " DUTCH ("fees", 8) " | " DUTCH ("wait_time", 9) " "
  "FROM service s "
  "JOIN service_text nl ON nl.service_id = s.id AND nl.lang = 'nl' "
  "LEFT JOIN service_text t ON t.service_id = s.id AND t.lang = ?1 "
  "JOIN organization_text onl ON onl.organization_id = s.organization_id AND onl.lang = 'nl' "
  "LEFT JOIN organization_text ot ON ot.organization_id = s.organization_id AND ot.lang = ?1 "
  "WHERE s.id = ?2 AND s.status = 'active'";

static const char sql_documents[] =
  "SELECT " TEXT ("t", "document") ", " DUTCH ("document", 0) " FROM required_document d "
  "JOIN required_document_text nl ON nl.required_document_id = d.id AND nl.lang = 'nl' "
  "LEFT JOIN required_document_text t ON t.required_document_id = d.id AND t.lang = ?1 "
  "WHERE d.service_id = ?2 ORDER BY d.position, d.id";

static const char sql_languages[] =
  "SELECT code FROM service_language WHERE service_id = ?1 "
  "ORDER BY code = 'nl' DESC, code";

/* The first sentence of a description, as a one-line summary. */
static char *
first_sentence (const char *text)
{
  if (text == NULL)
    return NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\n'))
        return g_strndup (text, p - text + 1);
    }

  return g_strdup (text);
}

/* What to bring, with per item whether it is Dutch. */
static GStrv
load_documents (BakenCatalog  *self,
                const char    *service_id,
                const char    *lang,
                GArray       **dutch,
                GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) flags = g_array_new (FALSE, FALSE, sizeof (gboolean));
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _baken_catalog_statement (self, sql_documents, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, lang);
  baken_catalog_bind_text (stmt, 2, service_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean is_dutch = sqlite3_column_int (stmt, 1) != 0;

      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      g_array_append_val (flags, is_dutch);
    }
  if (rc != SQLITE_DONE)
    return _baken_catalog_query_error (self, error), NULL;

  *dutch = g_steal_pointer (&flags);
  return g_strv_builder_end (builder);
}

static GStrv
load_strings (BakenCatalog  *self,
              const char    *sql,
              const char    *lang,
              const char    *service_id,
              GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _baken_catalog_statement (self, sql, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, service_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return _baken_catalog_query_error (self, error), NULL;

  return g_strv_builder_end (builder);
}

/* Public API */

void
baken_service_free (BakenService *service)
{
  if (service == NULL)
    return;
  g_free (service->id);
  g_free (service->organization_id);
  g_free (service->organization_name);
  g_free (service->name);
  g_free (service->description);
  g_free (service->summary);
  g_free (service->what_to_expect);
  g_free (service->handover);
  g_free (service->cost);
  g_free (service->eligibility);
  g_free (service->alert);
  g_free (service->fees);
  g_free (service->wait_time);
  g_free (service->url);
  g_free (service->assured_date);
  g_free (service->note);
  g_strfreev (service->what_to_bring);
  g_clear_pointer (&service->what_to_bring_dutch, g_array_unref);
  g_strfreev (service->languages);
  g_clear_pointer (&service->channels, g_ptr_array_unref);
  g_clear_pointer (&service->locations, g_ptr_array_unref);
  g_clear_pointer (&service->hours, baken_schedule_unref);
  g_free (service);
}

gboolean
baken_service_bring_is_dutch (const BakenService *service,
                              guint               i)
{
  g_return_val_if_fail (service != NULL, FALSE);

  return service->what_to_bring_dutch != NULL && i < service->what_to_bring_dutch->len &&
         g_array_index (service->what_to_bring_dutch, gboolean, i);
}

GPtrArray *
baken_catalog_get_services_for_event (BakenCatalog  *self,
                                      const char    *event_id,
                                      const char    *lang,
                                      BakenAudience  audience,
                                      GError       **error)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_service_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) notes_dutch = g_array_new (FALSE, FALSE, sizeof (gboolean));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (event_id != NULL && lang != NULL, NULL);

  /* One budget for the whole call, however many statements it runs. */
  _baken_catalog_begin_query (self);

  if (!(stmt = _baken_catalog_statement (self, sql_event_services, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, lang);
  baken_catalog_bind_text (stmt, 2, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean note_dutch = sqlite3_column_int (stmt, 2) != 0;

      g_ptr_array_add (ids, baken_catalog_column_dup (stmt, 0));
      g_ptr_array_add (notes, baken_catalog_column_dup (stmt, 1));
      g_array_append_val (notes_dutch, note_dutch);
    }
  if (rc != SQLITE_DONE)
    return _baken_catalog_query_error (self, error), NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      BakenService *service;

      service = baken_catalog_get_service (self, g_ptr_array_index (ids, i), lang, audience, error);
      if (service == NULL)
        return NULL;
      service->note = g_steal_pointer (&g_ptr_array_index (notes, i));
      if (g_array_index (notes_dutch, gboolean, i))
        service->dutch |= BAKEN_SERVICE_DUTCH_NOTE;
      g_ptr_array_add (services, service);
    }

  return g_steal_pointer (&services);
}

BakenService *
baken_catalog_get_service (BakenCatalog  *self,
                           const char    *id,
                           const char    *lang,
                           BakenAudience  audience,
                           GError       **error)
{
  g_autoptr(BakenService) service = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL && lang != NULL, NULL);

  /* One budget for the whole call, however many statements it runs. */
  _baken_catalog_begin_query (self);

  if (!(stmt = _baken_catalog_statement (self, sql_service, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, lang);
  baken_catalog_bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No active service “%s”", id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    return _baken_catalog_query_error (self, error), NULL;

  service = g_new0 (BakenService, 1);
  service->id = baken_catalog_column_dup (stmt, 0);
  service->organization_id = baken_catalog_column_dup (stmt, 1);
  service->organization_name = baken_catalog_column_dup (stmt, 2);
  service->name = baken_catalog_column_dup (stmt, 3);
  service->description = baken_catalog_column_dup (stmt, 4);
  service->summary = first_sentence (service->description);
  service->what_to_expect = baken_catalog_column_dup (stmt, 5);
  service->cost = baken_catalog_column_dup (stmt, 6);
  service->eligibility = baken_catalog_column_dup (stmt, 7);
  service->alert = baken_catalog_column_dup (stmt, 8);
  service->url = baken_catalog_column_dup (stmt, 9);
  service->assured_date = baken_catalog_column_dup (stmt, 10);
  /* What to pass on at a warm handover: for desk staff, never for residents. */
  if (audience == BAKEN_AUDIENCE_STAFF)
    service->handover = baken_catalog_column_dup (stmt, 11);
  service->fees = baken_catalog_column_dup (stmt, 12);
  service->wait_time = baken_catalog_column_dup (stmt, 13);
  service->minimum_age = sqlite3_column_int (stmt, 14);
  service->maximum_age = sqlite3_column_int (stmt, 15);
  service->dutch = sqlite3_column_int (stmt, 16);

  if (!(service->what_to_bring = load_documents (self, id, lang, &service->what_to_bring_dutch,
                                                 error)) ||
      !(service->languages = load_strings (self, sql_languages, lang, id, error)) ||
      !(service->channels = _baken_catalog_load_channels (self, id, lang, audience, error)) ||
      !(service->locations = _baken_catalog_load_locations (self, id, lang, service->channels, error)) ||
      !(service->hours = _baken_catalog_load_schedule (self, "service", id, error)))
    return NULL;

  for (guint i = 0; i < service->channels->len; i++)
    baken_schedule_merge (service->hours,
                          ((BakenChannel *) g_ptr_array_index (service->channels, i))->hours);
  for (guint i = 0; i < service->locations->len; i++)
    baken_schedule_merge (service->hours,
                          ((BakenLocation *) g_ptr_array_index (service->locations, i))->hours);

  return g_steal_pointer (&service);
}
