/* baken-catalog-services.h: the services of the catalog, with their channels and
 * locations (baken-catalog-services.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by baken-catalog.h. Only active services are returned. Staff-only channels
 * are returned only for BAKEN_AUDIENCE_STAFF.
 */
#pragma once

#include "baken-catalog.h"
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

/* Which texts of a record are Dutch because it has none in the requested language (the
 * `dutch` member of each record); never set when queried in Dutch. A slip marks them
 * "(Nederlands)", speech reads them with a Dutch voice. */
typedef enum {
  BAKEN_CHANNEL_DUTCH_LABEL     = 1 << 0,
  BAKEN_CHANNEL_DUTCH_COST_NOTE = 1 << 1,
} BakenChannelDutch;

typedef enum {
  BAKEN_LOCATION_DUTCH_NAME           = 1 << 0,
  BAKEN_LOCATION_DUTCH_DESCRIPTION    = 1 << 1,
  BAKEN_LOCATION_DUTCH_ACCESSIBILITY  = 1 << 2,
  BAKEN_LOCATION_DUTCH_TRANSPORTATION = 1 << 3,
} BakenLocationDutch;

typedef enum {
  BAKEN_SERVICE_DUTCH_ORGANIZATION   = 1 << 0,
  BAKEN_SERVICE_DUTCH_NAME           = 1 << 1,
  BAKEN_SERVICE_DUTCH_DESCRIPTION    = 1 << 2,  /* and the summary */
  BAKEN_SERVICE_DUTCH_WHAT_TO_EXPECT = 1 << 3,
  BAKEN_SERVICE_DUTCH_COST           = 1 << 4,
  BAKEN_SERVICE_DUTCH_ELIGIBILITY    = 1 << 5,
  BAKEN_SERVICE_DUTCH_ALERT          = 1 << 6,
  BAKEN_SERVICE_DUTCH_NOTE           = 1 << 7,
  BAKEN_SERVICE_DUTCH_FEES           = 1 << 8,
  BAKEN_SERVICE_DUTCH_WAIT_TIME      = 1 << 9,
} BakenServiceDutch;

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
  guint            dutch;       /* BakenChannelDutch */
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
  guint          dutch;          /* BakenLocationDutch */
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
  char          *handover;        /* (nullable) staff only (BAKEN_AUDIENCE_STAFF): what the
                                   * receiving organisation needs at a warm handover */
  char          *cost;            /* (nullable) */
  char          *eligibility;     /* (nullable) */
  char          *alert;           /* (nullable) */
  char          *fees;            /* (nullable) short: "gratis" */
  char          *wait_time;       /* (nullable) "ongeveer 2 weken" */
  int            minimum_age;     /* years; 0: no lower limit */
  int            maximum_age;     /* years; 0: no upper limit */
  char          *url;             /* (nullable) */
  char          *assured_date;    /* (nullable) */
  char          *note;            /* (nullable) per-life-event note (services_for_event) */
  GStrv          what_to_bring;   /* (owned) possibly empty */
  GArray        *what_to_bring_dutch; /* (owned) (element-type gboolean) (nullable) per
                                   * item of what_to_bring: TRUE when it is Dutch */
  GStrv          languages;       /* (owned) ISO 639-1 codes, possibly empty */
  GPtrArray     *channels;        /* (owned) (element-type BakenChannel) by position */
  GPtrArray     *locations;       /* (owned) (element-type BakenLocation) */
  BakenSchedule *hours;           /* (owned) union of the service's own hours and
                                   * the hours of the channels in `channels` */
  guint          dutch;           /* BakenServiceDutch */
} BakenService;

void baken_channel_free    (BakenChannel   *channel);
void baken_location_free   (BakenLocation  *location);
void baken_service_free    (BakenService   *service);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenChannel, baken_channel_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenLocation, baken_location_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenService, baken_service_free)

/* Whether item i of service->what_to_bring is Dutch (see BakenServiceDutch). */
gboolean    baken_service_bring_is_dutch   (const BakenService *service,
                                            guint               i);

const char *baken_channel_kind_to_string   (BakenChannelKind kind);
/* Resident-facing name of a kind in the current gettext language ("Bellen", "Chatten",
 * "Afspraak maken", "Langskomen", "E-mailen", "Website"). */
const char *baken_channel_kind_get_title   (BakenChannelKind kind);

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
G_END_DECLS
