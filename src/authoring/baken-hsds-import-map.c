/* baken-hsds-import-map.c: map the records of an HSDS package to a content source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One function per table of the content source (schedules are -schedules.c): each keeps
 * the records that map, drops with a note those Baken cannot show, and remembers the HSDS
 * row each written record came from (baken-hsds-import-out.h). HSDS has no menu, so
 * import_life_event makes one life event that lists every service.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-map.h"

#include <string.h>

#include "baken-hsds-import-out.h"
#include "baken-hsds-notes.h"
#include "baken-hsds-out-table.h"

#define ALL_EVENT_ID     "le-alle-diensten"

void
baken_hsds_import_organizations (Import *imp)
{
  static const char *const columns[] = { "id", "name", "description", "alternate_name", "email",
                                         "website", NULL };
  OutTable *out = baken_hsds_import_out (imp, "organizations.csv", "organization", columns);
  HTable *t = baken_hsds_table_of (imp, "organization");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      baken_hsds_import_copy (record, t, row, columns);
      baken_hsds_import_add (imp, out, t, row, record);
    }
}

/* The address to name a location after: its physical address, or its first one. */
static HRow *
address_of (Import     *imp,
            const char *location_id)
{
  HTable *t = baken_hsds_table_of (imp, "address");
  HRow *first = NULL;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);

      if (g_strcmp0 (baken_hsds_hget (t, row, "location_id"), location_id) != 0)
        continue;
      if (g_strcmp0 (baken_hsds_hget (t, row, "address_type"), "physical") == 0)
        return row;
      if (first == NULL)
        first = row;
    }

  return first;
}

void
baken_hsds_import_locations (Import *imp)
{
  static const char *const columns[] = { "id", "name", "organization_id", "description",
                                         "transportation", "latitude", "longitude",
                                         "location_type", NULL };
  OutTable *out = baken_hsds_import_out (imp, "locations.csv", "location", columns);
  HTable *t = baken_hsds_table_of (imp, "location");
  HTable *organizations = baken_hsds_table_of (imp, "organization");
  HTable *addresses = baken_hsds_table_of (imp, "address");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *id = baken_hsds_hget (t, row, "id");
      const char *organization_id = baken_hsds_hget (t, row, "organization_id");

      baken_hsds_import_copy (record, t, row, columns);
      if (baken_hsds_hget (t, row, "name") == NULL)
        {
          HRow *address = address_of (imp, id);
          HRow *organization = organization_id != NULL
                               ? g_hash_table_lookup (organizations->by_id, organization_id) : NULL;
          const char *name = address != NULL ? baken_hsds_hget (addresses, address, "address_1")
                             : organization != NULL
                             ? baken_hsds_hget (organizations, organization, "name")
                             : NULL;

          if (name == NULL)
            {
              baken_hsds_import_dropped (imp, t, row,
                                         "location %s has no name, no address and no organisation "
                                         "to name it after", id);
              continue;
            }
          baken_hsds_set (record, "name", name);
          baken_hsds_add_note (imp->notes,
                               "%s:%u: location %s has no name; named it \"%s\" after its %s",
                               t->file, row->line, id, name,
                               address != NULL ? "address" : "organisation");
        }
      baken_hsds_import_add (imp, out, t, row, record);
    }
}

void
baken_hsds_import_addresses (Import *imp)
{
  static const char *const columns[] = { "id", "location_id", "address_1", "address_2",
                                         "postal_code", "city", "country", "address_type", NULL };
  OutTable *out = baken_hsds_import_out (imp, "addresses.csv", "address", columns);
  HTable *t = baken_hsds_table_of (imp, "address");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *location_id = baken_hsds_hget (t, row, "location_id");

      if (location_id == NULL)
        {
          baken_hsds_import_dropped (imp, t, row, "address %s belongs to no location",
                                     baken_hsds_hget (t, row, "id"));
          continue;
        }
      if (!baken_hsds_import_is_kept (imp, "location", location_id))
        {
          baken_hsds_import_dropped (imp, t, row, "address %s: its location %s was dropped",
                                     baken_hsds_hget (t, row, "id"), location_id);
          continue;
        }
      if (g_strcmp0 (baken_hsds_hget (t, row, "address_type"), "virtual") == 0)
        {
          baken_hsds_import_dropped (imp, t, row,
                                     "address %s is virtual; Baken shows street addresses",
                                     baken_hsds_hget (t, row, "id"));
          continue;
        }
      baken_hsds_import_copy (record, t, row, columns);
      baken_hsds_import_add (imp, out, t, row, record);
    }
}

void
baken_hsds_import_services (Import *imp)
{
  static const char *const columns[] = { "id", "organization_id", "name", "status",
                                         "alternate_name", "description", "url", "email",
                                         "application_process", "fees_description",
                                         "eligibility_description", "assured_date", "alert",
                                         "fees", "wait_time", "minimum_age", "maximum_age",
                                         NULL };
  static const char *const channel_columns[] = { "id", "service_id", "kind", "value", NULL };
  static const char *const kinds[][2] = { { "url", "website" }, { "email", "email" } };
  OutTable *out = baken_hsds_import_out (imp, "services.csv", "service", columns);
  OutTable *channels = baken_hsds_import_out (imp, "channels.csv", "channel", channel_columns);
  HTable *t = baken_hsds_table_of (imp, "service");
  guint n_channels = 0;

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *id = baken_hsds_hget (t, row, "id");

      baken_hsds_import_copy (record, t, row, columns);

      /* A resident reaches a service through its channels: the url and the e-mail address
       * become a website and an e-mail channel. */
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autoptr(GHashTable) channel = baken_hsds_record_new ();
          Origin origin = { baken_hsds_hfile (t, row), row->line, t, row, kinds[k][0], 0 };

          if (baken_hsds_hget (t, row, kinds[k][0]) == NULL)
            continue;
          baken_hsds_set_take (channel, "id", g_strdup_printf ("%s-%s", id, kinds[k][1]));
          baken_hsds_set (channel, "service_id", id);
          baken_hsds_set (channel, "kind", kinds[k][1]);
          baken_hsds_set (channel, "value", baken_hsds_hget (t, row, kinds[k][0]));
          baken_hsds_out_table_add (channels, channel, &origin);
          baken_hsds_set (record, kinds[k][0], NULL);
          n_channels++;
        }

      baken_hsds_import_add (imp, out, t, row, record);
    }

  if (n_channels > 0)
    baken_hsds_add_note (imp->notes,
                         "%s: the url and email of services became %u website and e-mail "
                         "channels (channels.csv), so residents see them as ways to reach the "
                         "service", t->file, n_channels);
}

void
baken_hsds_import_service_at_location (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "location_id", "description", NULL };
  OutTable *out = baken_hsds_import_out (imp, "service_at_location.csv", "service_at_location",
                                         columns);
  HTable *t = baken_hsds_table_of (imp, "service_at_location");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      if (!baken_hsds_import_is_kept (imp, "location", baken_hsds_hget (t, row, "location_id")))
        {
          baken_hsds_import_dropped (imp, t, row, "%s: its location %s was dropped",
                                     baken_hsds_hget (t, row, "id"),
                                     baken_hsds_hget (t, row, "location_id"));
          continue;
        }
      baken_hsds_import_copy (record, t, row, columns);
      baken_hsds_import_add (imp, out, t, row, record);
    }
}

void
baken_hsds_import_phones (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "location_id", "number", "type",
                                         "description", NULL };
  OutTable *out = baken_hsds_import_out (imp, "phones.csv", "phone", columns);
  HTable *t = baken_hsds_table_of (imp, "phone");
  HTable *sal = baken_hsds_table_of (imp, "service_at_location");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *service_id = baken_hsds_hget (t, row, "service_id");
      const char *location_id = baken_hsds_hget (t, row, "location_id");
      const char *sal_id = baken_hsds_hget (t, row, "service_at_location_id");

      if (sal_id != NULL && baken_hsds_import_is_kept (imp, "service_at_location", sal_id))
        {
          HRow *link = g_hash_table_lookup (sal->by_id, sal_id);

          if (service_id == NULL)
            service_id = baken_hsds_hget (sal, link, "service_id");
          if (location_id == NULL)
            location_id = baken_hsds_hget (sal, link, "location_id");
        }

      if (service_id == NULL)
        {
          baken_hsds_import_dropped (imp, t, row,
                                     "phone %s is not tied to a service (Baken shows a phone with "
                                     "the service it belongs to)", baken_hsds_hget (t, row, "id"));
          continue;
        }

      baken_hsds_import_copy (record, t, row, columns);
      baken_hsds_set (record, "service_id", service_id);
      baken_hsds_set (record, "location_id",
                      baken_hsds_import_is_kept (imp, "location", location_id)
                        ? location_id : NULL);
      baken_hsds_import_add (imp, out, t, row, record);
    }
}

void
baken_hsds_import_required_documents (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "document", NULL };
  OutTable *out = baken_hsds_import_out (imp, "required_documents.csv", "required_document",
                                         columns);
  HTable *t = baken_hsds_table_of (imp, "required_document");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();

      if (baken_hsds_hget (t, row, "service_id") == NULL ||
          baken_hsds_hget (t, row, "document") == NULL)
        {
          baken_hsds_import_dropped (imp, t, row, "required document %s has no %s",
                                     baken_hsds_hget (t, row, "id"),
                                     baken_hsds_hget (t, row, "service_id") == NULL
                                       ? "service_id" : "document");
          continue;
        }
      baken_hsds_import_copy (record, t, row, columns);
      baken_hsds_import_add (imp, out, t, row, record);
    }
}

void
baken_hsds_import_languages (Import *imp)
{
  static const char *const columns[] = { "id", "service_id", "code", "name", "note", NULL };
  OutTable *out = baken_hsds_import_out (imp, "languages.csv", "language", columns);
  HTable *t = baken_hsds_table_of (imp, "language");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *code = baken_hsds_hget (t, row, "code");
      g_autofree char *lower = NULL;
      char *dash;

      if (baken_hsds_hget (t, row, "service_id") == NULL)
        {
          baken_hsds_import_dropped (imp, t, row,
                                     "language %s is for a location or phone; Baken keeps the "
                                     "languages of a service", baken_hsds_hget (t, row, "id"));
          continue;
        }
      if (code == NULL)
        {
          baken_hsds_import_dropped (imp, t, row, "language %s has no code",
                                     baken_hsds_hget (t, row, "id"));
          continue;
        }
      lower = g_ascii_strdown (code, -1);
      dash = strpbrk (lower, "-_");
      if (dash != NULL)
        *dash = '\0';
      baken_hsds_import_copy (record, t, row, columns);
      baken_hsds_set (record, "code", lower);
      baken_hsds_import_add (imp, out, t, row, record);
    }
}

void
baken_hsds_import_accessibility (Import *imp)
{
  static const char *const columns[] = { "id", "location_id", "description", "details", NULL };
  OutTable *out = baken_hsds_import_out (imp, "accessibility.csv", "accessibility", columns);
  HTable *t = baken_hsds_table_of (imp, "accessibility");

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) record = baken_hsds_record_new ();
      const char *location_id = baken_hsds_hget (t, row, "location_id");

      if (!baken_hsds_import_is_kept (imp, "location", location_id))
        {
          baken_hsds_import_dropped (imp, t, row, "accessibility %s %s",
                                     baken_hsds_hget (t, row, "id"),
                                     location_id == NULL ? "belongs to no location"
                                                         : "belongs to a dropped location");
          continue;
        }
      baken_hsds_import_copy (record, t, row, columns);
      if (baken_hsds_hget (t, row, "description") == NULL)
        {
          if (baken_hsds_hget (t, row, "details") == NULL)
            {
              baken_hsds_import_dropped (imp, t, row, "accessibility %s has no description",
                                         baken_hsds_hget (t, row, "id"));
              continue;
            }
          baken_hsds_set (record, "description", baken_hsds_hget (t, row, "details"));
          baken_hsds_set (record, "details", NULL);
        }
      baken_hsds_import_add (imp, out, t, row, record);
    }
}

void
baken_hsds_import_life_event (Import *imp)
{
  static const char *const event_columns[] = { "id", "parent_id", "position", "icon", "title",
                                               "summary", "question", "body", NULL };
  static const char *const link_columns[] = { "life_event_id", "service_id", "position",
                                              "note", NULL };
  OutTable *events = baken_hsds_import_out (imp, "life_events.csv", "life_event", event_columns);
  OutTable *links = baken_hsds_import_out (imp, "life_event_services.csv", "life_event_service",
                                           link_columns);
  g_autoptr(GHashTable) event = baken_hsds_record_new ();
  HTable *t = baken_hsds_table_of (imp, "service");
  guint position = 0;

  /* HSDS has no menu: the editor builds the real one from this. */
  baken_hsds_set (event, "id", ALL_EVENT_ID);
  baken_hsds_set (event, "position", "1");
  baken_hsds_set (event, "icon", BAKEN_HSDS_ALL_EVENT_ICON);
  baken_hsds_set (event, "title", "Alle diensten");
  baken_hsds_set (event, "summary", "Alle hulp en diensten op een rij.");
  baken_hsds_out_table_add (events, event, NULL);

  for (guint r = 0; t != NULL && r < t->rows->len; r++)
    {
      HRow *row = g_ptr_array_index (t->rows, r);
      g_autoptr(GHashTable) link = baken_hsds_record_new ();

      if (!baken_hsds_import_is_kept (imp, "service", baken_hsds_hget (t, row, "id")))
        continue;
      baken_hsds_set (link, "life_event_id", ALL_EVENT_ID);
      baken_hsds_set (link, "service_id", baken_hsds_hget (t, row, "id"));
      baken_hsds_set_take (link, "position", g_strdup_printf ("%u", ++position));
      baken_hsds_out_table_add (links, link, NULL);
    }

}
