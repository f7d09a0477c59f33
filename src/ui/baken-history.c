/* baken-history.c: where the resident has been, and where they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Navigation is a history of locations, Home first. A location is a kind and an id,
 * not a page: the window builds each page fresh, in the current language, from the
 * location it shows.
 */
#define G_LOG_DOMAIN "baken-history"

#include "config.h"

#include "baken-history.h"

struct _BakenHistory
{
  GPtrArray *locations;  /* (owned) (element-type Location) */
};

typedef struct
{
  BakenLocationKind  kind;
  char              *id;  /* (nullable) for home */
} Location;

static const char * const location_names[] = {
  [BAKEN_LOCATION_HOME] = "home",
  [BAKEN_LOCATION_EVENT] = "event",
  [BAKEN_LOCATION_SERVICES] = "services",
  [BAKEN_LOCATION_SERVICE] = "service",
  [BAKEN_LOCATION_SEARCH] = "search",
  [BAKEN_LOCATION_PRINT] = "print",
  [BAKEN_LOCATION_STATUS] = "status",
  [BAKEN_LOCATION_HANDOVER] = "handover",
  [BAKEN_LOCATION_HANDOVER_PRINT] = "handover-print",
};

static Location *
location_new (BakenLocationKind  kind,
              const char        *id)
{
  Location *location = g_new0 (Location, 1);

  location->kind = kind;
  location->id = g_strdup (id);

  return location;
}

static void
location_free (Location *location)
{
  g_free (location->id);
  g_free (location);
}

static Location *
current (BakenHistory *self)
{
  g_assert (self->locations->len > 0);

  return g_ptr_array_index (self->locations, self->locations->len - 1);
}

BakenHistory *
baken_history_new (void)
{
  BakenHistory *self = g_new0 (BakenHistory, 1);

  self->locations = g_ptr_array_new_with_free_func ((GDestroyNotify) location_free);

  return self;
}

void
baken_history_free (BakenHistory *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->locations);
  g_free (self);
}

void
baken_history_push (BakenHistory      *self,
                    BakenLocationKind  kind,
                    const char        *id)
{
  g_ptr_array_add (self->locations, location_new (kind, id));
}

void
baken_history_truncate (BakenHistory *self,
                        guint         n)
{
  g_return_if_fail (n >= 1);

  if (self->locations->len > n)
    g_ptr_array_set_size (self->locations, n);
}

guint
baken_history_get_depth (BakenHistory *self)
{
  return self->locations->len;
}

BakenLocationKind
baken_history_get_kind (BakenHistory *self)
{
  return current (self)->kind;
}

const char *
baken_history_get_id (BakenHistory *self)
{
  return current (self)->id;
}

void
baken_history_set_id (BakenHistory *self,
                      const char   *id)
{
  Location *location = current (self);

  g_free (location->id);
  location->id = id != NULL && *id != '\0' ? g_strdup (id) : NULL;
}

char *
baken_history_dup_location (BakenHistory *self)
{
  Location *location = current (self);

  if (location->id == NULL)
    return g_strdup (location_names[location->kind]);

  return g_strdup_printf ("%s:%s", location_names[location->kind], location->id);
}

const char *
baken_history_get_event_id (BakenHistory *self)
{
  for (guint i = self->locations->len; i > 0; i--)
    {
      Location *location = g_ptr_array_index (self->locations, i - 1);

      if (location->kind == BAKEN_LOCATION_SEARCH)
        break;
      if (location->kind == BAKEN_LOCATION_SERVICES || location->kind == BAKEN_LOCATION_EVENT)
        return location->id;
    }

  return NULL;
}
