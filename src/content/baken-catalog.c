/* baken-catalog.c: typed, per-language queries over the content DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "baken-catalog.h"
#include "baken-catalog-private.h"
#include "baken-content.h"

struct _BakenCatalog
{
  GObject     parent_instance;

  sqlite3    *db;          /* (owned) read-only, immutable */
  GBytes     *bytes;       /* (owned) (nullable) backing store of an in-memory DB */
  GHashTable *statements;  /* (owned) static SQL text → sqlite3_stmt, prepared once */

  /* Query budget: a query still running at deadline_us is cut off (progress_cb). */
  gint64      deadline_us; /* monotonic; 0: no limit */
  guint       budget_ms;
};

/* How long one query of a page may take. Queries take well under 5 ms on 10,000
 * services; this is for a damaged or hostile DB, never a slow machine. */
#define DEFAULT_QUERY_BUDGET_MS 500
/* SQLite calls the progress handler every this many virtual-machine steps. */
#define PROGRESS_STEPS 1000

G_DEFINE_FINAL_TYPE (BakenCatalog, baken_catalog, G_TYPE_OBJECT)

static const char * const channel_kinds[] = {
  [BAKEN_CHANNEL_PHONE] = "phone",
  [BAKEN_CHANNEL_CHAT] = "chat",
  [BAKEN_CHANNEL_APPOINTMENT] = "appointment",
  [BAKEN_CHANNEL_WALK_IN] = "walk_in",
  [BAKEN_CHANNEL_EMAIL] = "email",
  [BAKEN_CHANNEL_WEBSITE] = "website",
};

/* Texts: the requested language, else Dutch, per field. */
#define TEXT(alias, field) "COALESCE(t." field ", nl." field ")"

static const char sql_life_events[] =
  "SELECT le.id, le.parent_id, le.icon, "
  TEXT ("t", "title") ", " TEXT ("t", "summary") ", "
  TEXT ("t", "question") ", " TEXT ("t", "body") ", "
  " (SELECT count(*) FROM life_event c WHERE c.parent_id = le.id), "
  " (SELECT count(*) FROM life_event_service les JOIN service s ON s.id = les.service_id "
  "   WHERE les.life_event_id = le.id AND s.status = 'active') "
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
  "   WHERE les.life_event_id = le.id AND s.status = 'active') "
  "FROM life_event le "
  "JOIN life_event_text nl ON nl.life_event_id = le.id AND nl.lang = 'nl' "
  "LEFT JOIN life_event_text t ON t.life_event_id = le.id AND t.lang = ?1 "
  "WHERE le.id = ?2";

static const char sql_event_services[] =
  "SELECT les.service_id, COALESCE(t.note, nl.note) "
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
  " s.url, s.assured_date "
  "FROM service s "
  "JOIN service_text nl ON nl.service_id = s.id AND nl.lang = 'nl' "
  "LEFT JOIN service_text t ON t.service_id = s.id AND t.lang = ?1 "
  "JOIN organization_text onl ON onl.organization_id = s.organization_id AND onl.lang = 'nl' "
  "LEFT JOIN organization_text ot ON ot.organization_id = s.organization_id AND ot.lang = ?1 "
  "WHERE s.id = ?2 AND s.status = 'active'";

static const char sql_documents[] =
  "SELECT " TEXT ("t", "document") " FROM required_document d "
  "JOIN required_document_text nl ON nl.required_document_id = d.id AND nl.lang = 'nl' "
  "LEFT JOIN required_document_text t ON t.required_document_id = d.id AND t.lang = ?1 "
  "WHERE d.service_id = ?2 ORDER BY d.position, d.id";

static const char sql_languages[] =
  "SELECT code FROM service_language WHERE service_id = ?1 "
  "ORDER BY code = 'nl' DESC, code";

static const char sql_channels[] =
  "SELECT c.id, c.kind, c.value, c.audience, c.location_id, "
  TEXT ("t", "label") ", " TEXT ("t", "cost_note") " "
  "FROM channel c "
  "LEFT JOIN channel_text nl ON nl.channel_id = c.id AND nl.lang = 'nl' "
  "LEFT JOIN channel_text t ON t.channel_id = c.id AND t.lang = ?1 "
  "WHERE c.service_id = ?2 AND (c.audience = 'public' OR ?3) "
  "ORDER BY c.position, c.id";

static const char sql_locations[] =
  "SELECT sal.id, l.id, " TEXT ("t", "name") ", " TEXT ("t", "description") ", "
  " l.address_1, l.address_2, l.postal_code, l.city, "
  TEXT ("t", "accessibility") ", " TEXT ("t", "transportation") ", l.latitude, l.longitude "
  "FROM service_at_location sal JOIN location l ON l.id = sal.location_id "
  "LEFT JOIN location_text nl ON nl.location_id = l.id AND nl.lang = 'nl' "
  "LEFT JOIN location_text t ON t.location_id = l.id AND t.lang = ?1 "
  "WHERE sal.service_id = ?2 ORDER BY sal.id";

static const char sql_location[] =
  "SELECT NULL, l.id, " TEXT ("t", "name") ", " TEXT ("t", "description") ", "
  " l.address_1, l.address_2, l.postal_code, l.city, "
  TEXT ("t", "accessibility") ", " TEXT ("t", "transportation") ", l.latitude, l.longitude "
  "FROM location l "
  "LEFT JOIN location_text nl ON nl.location_id = l.id AND nl.lang = 'nl' "
  "LEFT JOIN location_text t ON t.location_id = l.id AND t.lang = ?1 "
  "WHERE l.id = ?2";

static const char sql_schedule[] =
  "SELECT days, opens, closes, valid_from, valid_to FROM schedule "
  "WHERE owner_kind = ?1 AND owner_id = ?2 ORDER BY id";

static const char sql_exceptions[] =
  "SELECT date, closed, opens, closes FROM schedule_exception "
  "WHERE owner_kind = ?1 AND owner_id = ?2 ORDER BY date, id";

static const char sql_meta[] = "SELECT value FROM meta WHERE key = ?1";

static const char sql_all_languages[] =
  "SELECT DISTINCT lang FROM life_event_text ORDER BY lang = 'nl' DESC, lang";

static const char sql_icon[] = "SELECT svg FROM icon WHERE name = ?1";

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || *text == '\0')
    return NULL;

  return g_strdup (text);
}

static gboolean
query_error (BakenCatalog  *self,
             GError       **error)
{
  if (sqlite3_errcode (self->db) == SQLITE_INTERRUPT)
    {
      g_message ("A content query ran longer than %u ms and was stopped; the content DB "
                 "may be damaged", self->budget_ms);
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
                   "Content query stopped after %u ms", self->budget_ms);
      return FALSE;
    }

  g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
               "Content query failed: %s", sqlite3_errmsg (self->db));
  return FALSE;
}

/* Cuts off a query that runs past its deadline: the UI thread never hangs on content. */
static int
progress_cb (void *data)
{
  BakenCatalog *self = data;

  return self->deadline_us != 0 && g_get_monotonic_time () > self->deadline_us;
}

static void
arm_budget (BakenCatalog *self)
{
  self->deadline_us = self->budget_ms > 0
                      ? g_get_monotonic_time () + (gint64) self->budget_ms * 1000 : 0;
}

static BakenCatalog *
catalog_new_for_db (sqlite3 *db,
                    GBytes  *bytes)
{
  BakenCatalog *self = g_object_new (BAKEN_TYPE_CATALOG, NULL);

  self->db = db;
  self->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  sqlite3_progress_handler (db, PROGRESS_STEPS, progress_cb, self);

  return self;
}

/* A reset statement with its bindings cleared, or NULL with error set. */
static sqlite3_stmt *
statement (BakenCatalog  *self,
           const char    *sql,
           GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        {
          query_error (self, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
kind_from_string (const char       *text,
                  BakenChannelKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (channel_kinds); i++)
    {
      if (g_strcmp0 (text, channel_kinds[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

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

static BakenSchedule *
load_schedule (BakenCatalog  *self,
               const char    *owner_kind,
               const char    *owner_id,
               GError       **error)
{
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = statement (self, sql_schedule, error)))
    return NULL;
  bind_text (stmt, 1, owner_kind);
  bind_text (stmt, 2, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    baken_schedule_add_slot (schedule,
                             sqlite3_column_int (stmt, 0),
                             sqlite3_column_int (stmt, 1),
                             sqlite3_column_int (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             (const char *) sqlite3_column_text (stmt, 4));
  if (rc != SQLITE_DONE)
    return query_error (self, error), NULL;

  if (!(stmt = statement (self, sql_exceptions, error)))
    return NULL;
  bind_text (stmt, 1, owner_kind);
  bind_text (stmt, 2, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    baken_schedule_add_exception (schedule,
                                  (const char *) sqlite3_column_text (stmt, 0),
                                  sqlite3_column_int (stmt, 1) != 0,
                                  sqlite3_column_int (stmt, 2),
                                  sqlite3_column_int (stmt, 3));
  if (rc != SQLITE_DONE)
    return query_error (self, error), NULL;

  return g_steal_pointer (&schedule);
}

static BakenLifeEvent *
life_event_from_row (sqlite3_stmt *stmt)
{
  BakenLifeEvent *event = g_new0 (BakenLifeEvent, 1);

  event->id = column_dup (stmt, 0);
  event->parent_id = column_dup (stmt, 1);
  event->icon = column_dup (stmt, 2);
  event->title = column_dup (stmt, 3);
  event->summary = column_dup (stmt, 4);
  event->question = column_dup (stmt, 5);
  event->body = column_dup (stmt, 6);
  event->n_children = sqlite3_column_int (stmt, 7);
  event->n_services = sqlite3_column_int (stmt, 8);

  return event;
}

static GPtrArray *
load_channels (BakenCatalog  *self,
               const char    *service_id,
               const char    *lang,
               BakenAudience  audience,
               GError       **error)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_channel_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = statement (self, sql_channels, error)))
    return NULL;
  bind_text (stmt, 1, lang);
  bind_text (stmt, 2, service_id);
  sqlite3_bind_int (stmt, 3, audience == BAKEN_AUDIENCE_STAFF);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BakenChannel *channel = g_new0 (BakenChannel, 1);

      channel->id = column_dup (stmt, 0);
      if (!kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &channel->kind))
        {
          g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
                       "Channel %s has an unknown kind", channel->id);
          baken_channel_free (channel);
          return NULL;
        }
      channel->value = column_dup (stmt, 2);
      channel->is_staff = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "staff") == 0;
      channel->location_id = column_dup (stmt, 4);
      channel->label = column_dup (stmt, 5);
      channel->cost_note = column_dup (stmt, 6);
      g_ptr_array_add (channels, channel);
    }
  if (rc != SQLITE_DONE)
    return query_error (self, error), NULL;

  /* The schedule statements reuse the cursor-free path, so load hours after the loop. */
  for (guint i = 0; i < channels->len; i++)
    {
      BakenChannel *channel = g_ptr_array_index (channels, i);

      if (!(channel->hours = load_schedule (self, "channel", channel->id, error)))
        return NULL;
    }

  return g_steal_pointer (&channels);
}

static BakenLocation *
location_from_row (sqlite3_stmt *stmt)
{
  BakenLocation *location = g_new0 (BakenLocation, 1);
  const char *address_1 = (const char *) sqlite3_column_text (stmt, 4);
  const char *address_2 = (const char *) sqlite3_column_text (stmt, 5);

  location->id = column_dup (stmt, 1);
  location->name = column_dup (stmt, 2);
  location->description = column_dup (stmt, 3);
  if (address_1 != NULL && address_2 != NULL && *address_2 != '\0')
    location->address = g_strdup_printf ("%s, %s", address_1, address_2);
  else
    location->address = column_dup (stmt, 4);
  location->postal_code = column_dup (stmt, 6);
  location->city = column_dup (stmt, 7);
  location->accessibility = column_dup (stmt, 8);
  location->transportation = column_dup (stmt, 9);
  location->has_position = sqlite3_column_type (stmt, 10) != SQLITE_NULL &&
                           sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  location->latitude = sqlite3_column_double (stmt, 10);
  location->longitude = sqlite3_column_double (stmt, 11);

  return location;
}

static GPtrArray *
load_locations (BakenCatalog  *self,
                const char    *service_id,
                const char    *lang,
                GPtrArray     *channels,
                GError       **error)
{
  g_autoptr(GPtrArray) locations = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_location_free);
  g_autoptr(GPtrArray) sal_ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = statement (self, sql_locations, error)))
    return NULL;
  bind_text (stmt, 1, lang);
  bind_text (stmt, 2, service_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (sal_ids, column_dup (stmt, 0));
      g_ptr_array_add (locations, location_from_row (stmt));
    }
  if (rc != SQLITE_DONE)
    return query_error (self, error), NULL;

  for (guint i = 0; i < locations->len; i++)
    {
      BakenLocation *location = g_ptr_array_index (locations, i);

      if (!(location->hours = load_schedule (self, "service_at_location",
                                             g_ptr_array_index (sal_ids, i), error)))
        return NULL;
    }

  /* A walk-in channel names its location: show it too, with the channel's hours. */
  for (guint i = 0; i < channels->len; i++)
    {
      BakenChannel *channel = g_ptr_array_index (channels, i);
      BakenLocation *location = NULL;

      /* A staff-only walk-in (a back door for professionals) is not an address for
       * residents, and a location is shown to everyone. */
      if (channel->kind != BAKEN_CHANNEL_WALK_IN || channel->location_id == NULL ||
          channel->is_staff)
        continue;

      for (guint j = 0; j < locations->len && location == NULL; j++)
        if (g_strcmp0 (((BakenLocation *) g_ptr_array_index (locations, j))->id,
                       channel->location_id) == 0)
          location = g_ptr_array_index (locations, j);

      if (location == NULL)
        {
          if (!(stmt = statement (self, sql_location, error)))
            return NULL;
          bind_text (stmt, 1, lang);
          bind_text (stmt, 2, channel->location_id);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              location = location_from_row (stmt);
              location->hours = baken_schedule_new ();
              g_ptr_array_add (locations, location);
            }
          else if (rc != SQLITE_DONE)
            return query_error (self, error), NULL;
        }

      if (location != NULL && baken_schedule_is_unknown (location->hours))
        baken_schedule_merge (location->hours, channel->hours);
    }

  return g_steal_pointer (&locations);
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

  if (!(stmt = statement (self, sql, error)))
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) == 2)
    {
      bind_text (stmt, 1, lang);
      bind_text (stmt, 2, service_id);
    }
  else
    bind_text (stmt, 1, service_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return query_error (self, error), NULL;

  return g_strv_builder_end (builder);
}

static void
baken_catalog_finalize (GObject *object)
{
  BakenCatalog *self = (BakenCatalog *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (baken_catalog_parent_class)->finalize (object);
}

static void
baken_catalog_class_init (BakenCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = baken_catalog_finalize;
}

static void
baken_catalog_init (BakenCatalog *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
  self->budget_ms = DEFAULT_QUERY_BUDGET_MS;
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

void
baken_channel_free (BakenChannel *channel)
{
  if (channel == NULL)
    return;
  g_free (channel->id);
  g_free (channel->value);
  g_free (channel->label);
  g_free (channel->cost_note);
  g_free (channel->location_id);
  g_clear_pointer (&channel->hours, baken_schedule_unref);
  g_free (channel);
}

void
baken_location_free (BakenLocation *location)
{
  if (location == NULL)
    return;
  g_free (location->id);
  g_free (location->name);
  g_free (location->description);
  g_free (location->address);
  g_free (location->postal_code);
  g_free (location->city);
  g_free (location->accessibility);
  g_free (location->transportation);
  g_clear_pointer (&location->hours, baken_schedule_unref);
  g_free (location);
}

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
  g_free (service->cost);
  g_free (service->eligibility);
  g_free (service->alert);
  g_free (service->url);
  g_free (service->assured_date);
  g_free (service->note);
  g_strfreev (service->what_to_bring);
  g_strfreev (service->languages);
  g_clear_pointer (&service->channels, g_ptr_array_unref);
  g_clear_pointer (&service->locations, g_ptr_array_unref);
  g_clear_pointer (&service->hours, baken_schedule_unref);
  g_free (service);
}

const char *
baken_channel_kind_to_string (BakenChannelKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (channel_kinds), NULL);

  return channel_kinds[kind];
}

const char *
baken_channel_kind_get_title (BakenChannelKind kind)
{
  switch (kind)
    {
    /* Translators: how a resident can reach a service */
    case BAKEN_CHANNEL_PHONE: return _("Bellen");
    /* Translators: how a resident can reach a service */
    case BAKEN_CHANNEL_CHAT: return _("Chatten");
    /* Translators: how a resident can reach a service */
    case BAKEN_CHANNEL_APPOINTMENT: return _("Afspraak maken");
    /* Translators: how a resident can reach a service: walk in without an appointment */
    case BAKEN_CHANNEL_WALK_IN: return _("Langskomen");
    /* Translators: how a resident can reach a service */
    case BAKEN_CHANNEL_EMAIL: return _("E-mailen");
    /* Translators: how a resident can reach a service */
    case BAKEN_CHANNEL_WEBSITE: return _("Website");
    default: g_return_val_if_reached (NULL);
    }
}

BakenCatalog *
baken_catalog_new_for_path (const char  *path,
                            GError     **error)
{
  BakenCatalog *self;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(db = baken_content_open_file (path, error)))
    return NULL;

  self = catalog_new_for_db (db, NULL);

  return self;
}

BakenCatalog *
baken_catalog_new_for_bytes (GBytes  *bytes,
                             GError **error)
{
  BakenCatalog *self;
  sqlite3 *db;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!(db = baken_content_open_bytes (bytes, error)))
    return NULL;

  self = catalog_new_for_db (db, bytes);

  return self;
}

char *
baken_catalog_dup_meta (BakenCatalog *self,
                        const char   *key)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* One budget for the whole call, however many statements it runs. */
  arm_budget (self);

  if (!(stmt = statement (self, sql_meta, NULL)))
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return column_dup (stmt, 0);
}

GStrv
baken_catalog_dup_languages (BakenCatalog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);

  /* One budget for the whole call, however many statements it runs. */
  arm_budget (self);

  if ((stmt = statement (self, sql_all_languages, NULL)))
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return g_strv_builder_end (builder);
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
  arm_budget (self);

  if (!(stmt = statement (self, sql_life_events, error)))
    return NULL;
  bind_text (stmt, 1, lang);
  bind_text (stmt, 2, parent_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, life_event_from_row (stmt));
  if (rc != SQLITE_DONE)
    return query_error (self, error), NULL;

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
  arm_budget (self);

  if (!(stmt = statement (self, sql_life_event, error)))
    return NULL;
  bind_text (stmt, 1, lang);
  bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return life_event_from_row (stmt);
  if (rc != SQLITE_DONE)
    return query_error (self, error), NULL;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No life event “%s”", id);
  return NULL;
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
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);
  g_return_val_if_fail (event_id != NULL && lang != NULL, NULL);

  /* One budget for the whole call, however many statements it runs. */
  arm_budget (self);

  if (!(stmt = statement (self, sql_event_services, error)))
    return NULL;
  bind_text (stmt, 1, lang);
  bind_text (stmt, 2, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, column_dup (stmt, 0));
      g_ptr_array_add (notes, column_dup (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return query_error (self, error), NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      BakenService *service;

      service = baken_catalog_get_service (self, g_ptr_array_index (ids, i), lang, audience, error);
      if (service == NULL)
        return NULL;
      service->note = g_steal_pointer (&g_ptr_array_index (notes, i));
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
  arm_budget (self);

  if (!(stmt = statement (self, sql_service, error)))
    return NULL;
  bind_text (stmt, 1, lang);
  bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No active service “%s”", id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    return query_error (self, error), NULL;

  service = g_new0 (BakenService, 1);
  service->id = column_dup (stmt, 0);
  service->organization_id = column_dup (stmt, 1);
  service->organization_name = column_dup (stmt, 2);
  service->name = column_dup (stmt, 3);
  service->description = column_dup (stmt, 4);
  service->summary = first_sentence (service->description);
  service->what_to_expect = column_dup (stmt, 5);
  service->cost = column_dup (stmt, 6);
  service->eligibility = column_dup (stmt, 7);
  service->alert = column_dup (stmt, 8);
  service->url = column_dup (stmt, 9);
  service->assured_date = column_dup (stmt, 10);

  if (!(service->what_to_bring = load_strings (self, sql_documents, lang, id, error)) ||
      !(service->languages = load_strings (self, sql_languages, lang, id, error)) ||
      !(service->channels = load_channels (self, id, lang, audience, error)) ||
      !(service->locations = load_locations (self, id, lang, service->channels, error)) ||
      !(service->hours = load_schedule (self, "service", id, error)))
    return NULL;

  for (guint i = 0; i < service->channels->len; i++)
    baken_schedule_merge (service->hours,
                          ((BakenChannel *) g_ptr_array_index (service->channels, i))->hours);
  for (guint i = 0; i < service->locations->len; i++)
    baken_schedule_merge (service->hours,
                          ((BakenLocation *) g_ptr_array_index (service->locations, i))->hours);

  return g_steal_pointer (&service);
}

GBytes *
baken_catalog_get_icon (BakenCatalog *self,
                        const char   *name)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);

  /* One budget for the whole call, however many statements it runs. */
  arm_budget (self);

  if (name == NULL || !(stmt = statement (self, sql_icon, NULL)))
    return NULL;
  bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

sqlite3 *
_baken_catalog_get_db (BakenCatalog *self)
{
  g_return_val_if_fail (BAKEN_IS_CATALOG (self), NULL);

  /* Building the search index reads everything once: no budget for that. */
  self->deadline_us = 0;

  return self->db;
}

void
_baken_catalog_begin_query (BakenCatalog *self)
{
  g_return_if_fail (BAKEN_IS_CATALOG (self));

  arm_budget (self);
}

void
baken_catalog_set_query_budget (BakenCatalog *self,
                                guint         budget_ms)
{
  g_return_if_fail (BAKEN_IS_CATALOG (self));

  self->budget_ms = budget_ms;
}
