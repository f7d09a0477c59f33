/* baken-catalog.h: typed, per-language queries over the content DB
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the UI shows comes from here. Texts come in the requested language and fall
 * back to Dutch per field. Only active services are returned. Staff-only channels are
 * returned only for BAKEN_AUDIENCE_STAFF.
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "baken-hours.h"

G_BEGIN_DECLS

typedef enum {
  BAKEN_AUDIENCE_PUBLIC,  /* residents: public channels only */
  BAKEN_AUDIENCE_STAFF,   /* desk staff: public and backoffice channels */
} BakenAudience;

typedef enum {
  BAKEN_CHANNEL_PHONE,
  BAKEN_CHANNEL_CHAT,
  BAKEN_CHANNEL_APPOINTMENT,
  BAKEN_CHANNEL_WALK_IN,
  BAKEN_CHANNEL_EMAIL,
  BAKEN_CHANNEL_WEBSITE,
} BakenChannelKind;

typedef struct
{
  char     *id;
  char     *parent_id;     /* (nullable) */
  char     *icon;          /* (nullable) name in the icon table */
  char     *title;
  char     *summary;       /* (nullable) */
  char     *question;      /* (nullable) asked when the event has children */
  char     *body;          /* (nullable) */
  guint     n_children;    /* sub-situations */
  guint     n_services;    /* services linked directly */
} BakenLifeEvent;

typedef struct
{
  char            *id;
  BakenChannelKind kind;
  char            *value;       /* (nullable) number, URL or e-mail address */
  char            *label;       /* (nullable) "Bel ons" */
  char            *cost_note;   /* (nullable) "Bellen is gratis." */
  char            *location_id; /* (nullable) for walk-in */
  gboolean         is_staff;    /* backoffice: never for residents */
  BakenSchedule   *hours;       /* (owned) unknown when no hours are given */
} BakenChannel;

typedef struct
{
  char          *id;
  char          *name;
  char          *description;    /* (nullable) */
  char          *address;        /* (nullable) "Stationsplein 1" (+ address_2) */
  char          *postal_code;    /* (nullable) */
  char          *city;           /* (nullable) */
  char          *accessibility;  /* (nullable) */
  char          *transportation; /* (nullable) */
  gboolean       has_position;
  double         latitude;
  double         longitude;
  BakenSchedule *hours;          /* (owned) walk-in hours of the service here */
} BakenLocation;

typedef struct
{
  char          *id;
  char          *organization_id;
  char          *organization_name;
  char          *name;
  char          *description;     /* (nullable) what they help with */
  char          *summary;         /* (nullable) first sentence of description */
  char          *what_to_expect;  /* (nullable) */
  char          *cost;            /* (nullable) */
  char          *eligibility;     /* (nullable) */
  char          *alert;           /* (nullable) */
  char          *url;             /* (nullable) */
  char          *assured_date;    /* (nullable) */
  char          *note;            /* (nullable) per-life-event note (services_for_event) */
  GStrv          what_to_bring;   /* (owned) possibly empty */
  GStrv          languages;       /* (owned) ISO 639-1 codes, possibly empty */
  GPtrArray     *channels;        /* (owned) (element-type BakenChannel) by position */
  GPtrArray     *locations;       /* (owned) (element-type BakenLocation) */
  BakenSchedule *hours;           /* (owned) union of the service's own hours and
                                   * the hours of the channels in `channels` */
} BakenService;

void baken_life_event_free (BakenLifeEvent *event);
void baken_channel_free    (BakenChannel   *channel);
void baken_location_free   (BakenLocation  *location);
void baken_service_free    (BakenService   *service);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenLifeEvent, baken_life_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenChannel, baken_channel_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenLocation, baken_location_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenService, baken_service_free)

const char *baken_channel_kind_to_string   (BakenChannelKind kind);
/* Resident-facing name of a kind in the current gettext language ("Bellen", "Chatten",
 * "Afspraak maken", "Langskomen", "E-mailen", "Website"). */
const char *baken_channel_kind_get_title   (BakenChannelKind kind);

#define BAKEN_TYPE_CATALOG (baken_catalog_get_type ())
G_DECLARE_FINAL_TYPE (BakenCatalog, baken_catalog, BAKEN, CATALOG, GObject)

/* The catalog keeps its own connection; it is used from one thread at a time. */
BakenCatalog   *baken_catalog_new_for_path        (const char     *path,
                                                   GError        **error);
BakenCatalog   *baken_catalog_new_for_bytes       (GBytes         *bytes,
                                                   GError        **error);
/* How long one query may run before it is cut off with an error (default 250 ms; 0: no
 * limit). A page shows "not available now" instead of freezing on a damaged DB. */
void            baken_catalog_set_query_budget    (BakenCatalog   *self,
                                                   guint           budget_ms);

/* meta table: "serial", "created", "expires", "publisher", "region". */
char           *baken_catalog_dup_meta            (BakenCatalog   *self,
                                                   const char     *key);
/* Language codes present in the content, Dutch first. */
GStrv           baken_catalog_dup_languages       (BakenCatalog   *self);

/* Children of parent_id (NULL: the home screen), by position. */
GPtrArray      *baken_catalog_get_life_events     (BakenCatalog   *self,
                                                   const char     *parent_id,
                                                   const char     *lang,
                                                   GError        **error);
BakenLifeEvent *baken_catalog_get_life_event      (BakenCatalog   *self,
                                                   const char     *id,
                                                   const char     *lang,
                                                   GError        **error);
/* Active services linked to the event, by position, with their per-event note. */
GPtrArray      *baken_catalog_get_services_for_event (BakenCatalog *self,
                                                   const char     *event_id,
                                                   const char     *lang,
                                                   BakenAudience   audience,
                                                   GError        **error);
/* A service with all details; NULL and G_IO_ERROR_NOT_FOUND when unknown or inactive. */
BakenService   *baken_catalog_get_service         (BakenCatalog   *self,
                                                   const char     *id,
                                                   const char     *lang,
                                                   BakenAudience   audience,
                                                   GError        **error);
/* SVG data of a bundle icon, or NULL. */
GBytes         *baken_catalog_get_icon            (BakenCatalog   *self,
                                                   const char     *name);

G_END_DECLS
