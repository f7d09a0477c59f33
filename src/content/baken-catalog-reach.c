/* baken-catalog-reach.c: how to reach a service: its channels (phones, chat, walk-in …),
 * its locations, and their opening hours with the exceptions on dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "baken-catalog-reach.h"
#include "baken-content.h"

static const char * const channel_kinds[] = {
  [BAKEN_CHANNEL_PHONE] = "phone",
  [BAKEN_CHANNEL_CHAT] = "chat",
  [BAKEN_CHANNEL_APPOINTMENT] = "appointment",
  [BAKEN_CHANNEL_WALK_IN] = "walk_in",
  [BAKEN_CHANNEL_EMAIL] = "email",
  [BAKEN_CHANNEL_WEBSITE] = "website",
};

static const char sql_channels[] =
  "SELECT c.id, c.kind, c.value, c.audience, c.location_id, "
  TEXT ("t", "label") ", " TEXT ("t", "cost_note") ", "
  DUTCH ("label", 0) " | " DUTCH ("cost_note", 1) " "
  "FROM channel c "
  "LEFT JOIN channel_text nl ON nl.channel_id = c.id AND nl.lang = 'nl' "
  "LEFT JOIN channel_text t ON t.channel_id = c.id AND t.lang = ?1 "
  "WHERE c.service_id = ?2 AND (c.audience = 'public' OR ?3) "
  "ORDER BY c.position, c.id";

static const char sql_locations[] =
  "SELECT sal.id, l.id, " TEXT ("t", "name") ", " TEXT ("t", "description") ", "
  " l.address_1, l.address_2, l.postal_code, l.city, "
  TEXT ("t", "accessibility") ", " TEXT ("t", "transportation") ", l.latitude, l.longitude, "
  DUTCH ("name", 0) " | " DUTCH ("description", 1) " | " DUTCH ("accessibility", 2) " | "
  DUTCH ("transportation", 3) " "
  "FROM service_at_location sal JOIN location l ON l.id = sal.location_id "
  "LEFT JOIN location_text nl ON nl.location_id = l.id AND nl.lang = 'nl' "
  "LEFT JOIN location_text t ON t.location_id = l.id AND t.lang = ?1 "
  "WHERE sal.service_id = ?2 ORDER BY sal.id";

static const char sql_location[] =
  "SELECT NULL, l.id, " TEXT ("t", "name") ", " TEXT ("t", "description") ", "
  " l.address_1, l.address_2, l.postal_code, l.city, "
  TEXT ("t", "accessibility") ", " TEXT ("t", "transportation") ", l.latitude, l.longitude, "
  DUTCH ("name", 0) " | " DUTCH ("description", 1) " | " DUTCH ("accessibility", 2) " | "
  DUTCH ("transportation", 3) " "
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

BakenSchedule *
_baken_catalog_load_schedule (BakenCatalog  *self,
                              const char    *owner_kind,
                              const char    *owner_id,
                              GError       **error)
{
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _baken_catalog_statement (self, sql_schedule, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, owner_kind);
  baken_catalog_bind_text (stmt, 2, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    baken_schedule_add_slot (schedule,
                             sqlite3_column_int (stmt, 0),
                             sqlite3_column_int (stmt, 1),
                             sqlite3_column_int (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             (const char *) sqlite3_column_text (stmt, 4));
  if (rc != SQLITE_DONE)
    return _baken_catalog_query_error (self, error), NULL;

  if (!(stmt = _baken_catalog_statement (self, sql_exceptions, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, owner_kind);
  baken_catalog_bind_text (stmt, 2, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    baken_schedule_add_exception (schedule,
                                  (const char *) sqlite3_column_text (stmt, 0),
                                  sqlite3_column_int (stmt, 1) != 0,
                                  sqlite3_column_int (stmt, 2),
                                  sqlite3_column_int (stmt, 3));
  if (rc != SQLITE_DONE)
    return _baken_catalog_query_error (self, error), NULL;

  return g_steal_pointer (&schedule);
}

GPtrArray *
_baken_catalog_load_channels (BakenCatalog  *self,
                              const char    *service_id,
                              const char    *lang,
                              BakenAudience  audience,
                              GError       **error)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_channel_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _baken_catalog_statement (self, sql_channels, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, lang);
  baken_catalog_bind_text (stmt, 2, service_id);
  sqlite3_bind_int (stmt, 3, audience == BAKEN_AUDIENCE_STAFF);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BakenChannel *channel = g_new0 (BakenChannel, 1);

      channel->id = baken_catalog_column_dup (stmt, 0);
      if (!kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &channel->kind))
        {
          g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_QUERY,
                       "Channel %s has an unknown kind", channel->id);
          baken_channel_free (channel);
          return NULL;
        }
      channel->value = baken_catalog_column_dup (stmt, 2);
      channel->is_staff = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "staff") == 0;
      channel->location_id = baken_catalog_column_dup (stmt, 4);
      channel->label = baken_catalog_column_dup (stmt, 5);
      channel->cost_note = baken_catalog_column_dup (stmt, 6);
      channel->dutch = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (channels, channel);
    }
  if (rc != SQLITE_DONE)
    return _baken_catalog_query_error (self, error), NULL;

  /* The schedule statements reuse the cursor-free path, so load hours after the loop. */
  for (guint i = 0; i < channels->len; i++)
    {
      BakenChannel *channel = g_ptr_array_index (channels, i);

      if (!(channel->hours = _baken_catalog_load_schedule (self, "channel", channel->id, error)))
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

  location->id = baken_catalog_column_dup (stmt, 1);
  location->name = baken_catalog_column_dup (stmt, 2);
  location->description = baken_catalog_column_dup (stmt, 3);
  if (address_1 != NULL && address_2 != NULL && *address_2 != '\0')
    location->address = g_strdup_printf ("%s, %s", address_1, address_2);
  else
    location->address = baken_catalog_column_dup (stmt, 4);
  location->postal_code = baken_catalog_column_dup (stmt, 6);
  location->city = baken_catalog_column_dup (stmt, 7);
  location->accessibility = baken_catalog_column_dup (stmt, 8);
  location->transportation = baken_catalog_column_dup (stmt, 9);
  location->has_position = sqlite3_column_type (stmt, 10) != SQLITE_NULL &&
                           sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  location->latitude = sqlite3_column_double (stmt, 10);
  location->longitude = sqlite3_column_double (stmt, 11);
  location->dutch = sqlite3_column_int (stmt, 12);

  return location;
}

GPtrArray *
_baken_catalog_load_locations (BakenCatalog  *self,
                               const char    *service_id,
                               const char    *lang,
                               GPtrArray     *channels,
                               GError       **error)
{
  g_autoptr(GPtrArray) locations = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_location_free);
  g_autoptr(GPtrArray) sal_ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _baken_catalog_statement (self, sql_locations, error)))
    return NULL;
  baken_catalog_bind_text (stmt, 1, lang);
  baken_catalog_bind_text (stmt, 2, service_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (sal_ids, baken_catalog_column_dup (stmt, 0));
      g_ptr_array_add (locations, location_from_row (stmt));
    }
  if (rc != SQLITE_DONE)
    return _baken_catalog_query_error (self, error), NULL;

  for (guint i = 0; i < locations->len; i++)
    {
      BakenLocation *location = g_ptr_array_index (locations, i);

      if (!(location->hours = _baken_catalog_load_schedule (self, "service_at_location",
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
          if (!(stmt = _baken_catalog_statement (self, sql_location, error)))
            return NULL;
          baken_catalog_bind_text (stmt, 1, lang);
          baken_catalog_bind_text (stmt, 2, channel->location_id);
          rc = sqlite3_step (stmt);
          if (rc == SQLITE_ROW)
            {
              location = location_from_row (stmt);
              location->hours = baken_schedule_new ();
              g_ptr_array_add (locations, location);
            }
          else if (rc != SQLITE_DONE)
            return _baken_catalog_query_error (self, error), NULL;
        }

      if (location != NULL && baken_schedule_is_unknown (location->hours))
        baken_schedule_merge (location->hours, channel->hours);
    }

  return g_steal_pointer (&locations);
}

/* Public API */

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
