/* baken-slip.h: the referral slip model — what a printed slip says, not how it looks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BakenSlip is built once, on the UI thread, from a catalog service, the life event the
 * resident came for, the kiosk config, the time and the content serial. Every text in it
 * is final: content texts in the language of the service as queried (a text the content
 * lacks in that language is the Dutch one, followed by dutch_mark; on a right-to-left
 * slip the Dutch is in a first-strong isolate), and the slip's own headings in the
 * current gettext language. The renderer only draws it, so it can run in
 * a worker thread. A slip never holds personal data: staff-only channels are left out
 * even when the service was queried for staff, and the reference code is derived from
 * the service, the kiosk and the minute only (nothing is stored).
 *
 * Immutable after baken_slip_new () apart from the two setters; share it by reference.
 */
#pragma once

#include <glib-object.h>

#include "baken-catalog.h"
#include "baken-holidays.h"

G_BEGIN_DECLS

/* Days of hours printed per channel and per address: today and the six days after. */
#define BAKEN_SLIP_DAYS 7

/* Length of the reference code: Crockford base32, no I, L, O or U. */
#define BAKEN_SLIP_REFERENCE_LENGTH 6

typedef struct
{
  char     *day;        /* "Vandaag", "Morgen", "Woensdag 7 januari" */
  char     *hours;      /* "9:00 – 12:00, 13:00 – 16:30", "Gesloten", "Gesloten (Kerstmis)" */
  gboolean  is_open;    /* FALSE when closed all day */
} BakenSlipDay;

typedef struct
{
  BakenChannelKind  kind;
  char             *title;      /* "Bellen", "Chatten" (the kind, for residents) */
  char             *value;      /* (nullable) "030 123 45 67", a URL, an e-mail address */
  char             *label;      /* (nullable) "Bel ons" */
  char             *cost_note;  /* (nullable) "Bellen kost niets extra." */
  char             *hours_note; /* (nullable) "Openingstijden onbekend" when hours unknown */
  GPtrArray        *days;       /* (owned) (element-type BakenSlipDay) empty when unknown */
} BakenSlipChannel;

typedef struct
{
  char      *name;         /* "Stadhuis" */
  char      *street;       /* (nullable) "Markt 1, Ingang B" */
  char      *city;         /* (nullable) "1234 AB Teststad" */
  char      *walk;         /* (nullable) "350 m, ongeveer 5 minuten lopen" from this kiosk */
  char      *cost_note;    /* (nullable) of the walk-in channel */
  char      *hours_note;   /* (nullable) "Openingstijden onbekend" */
  char      *accessibility;/* (nullable) "Rolstoeltoegankelijk; Lift aanwezig" */
  GPtrArray *days;         /* (owned) (element-type BakenSlipDay) walk-in hours */
} BakenSlipAddress;

typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public >*/
  char       *lang;            /* content language the service was queried in */
  char       *service_id;
  gboolean    rtl;             /* lang is written right to left: the slip is mirrored */
  char       *dutch_mark;      /* (nullable) "(Nederlands)" in the slip's language, after
                                * every content text that is Dutch because the content
                                * lacks it in lang; NULL on a Dutch slip */

  /* Title lines */
  char       *life_event;      /* (nullable) "Ik heb schulden" */
  char       *organization;    /* "Schuldhulp Teststad" */
  char       *service;         /* "Hulp bij schulden" */
  GBytes     *icon;            /* (nullable) SVG of the life event, see baken_slip_set_icon */

  /* Body */
  char       *help;            /* (nullable) what they help with: 1–2 sentences */
  char       *what_to_expect;  /* (nullable) */
  char       *cost;            /* (nullable) "Gratis" */
  GStrv       facts;           /* (owned) who it is for, what it costs, the wait, in plain
                                * words (baken-service-facts.h); possibly empty */
  char       *alert;           /* (nullable) a temporary notice from the content */
  GStrv       what_to_bring;   /* (owned) a tick list, possibly empty */
  GPtrArray  *channels;        /* (owned) (element-type BakenSlipChannel) public only */
  GPtrArray  *addresses;       /* (owned) (element-type BakenSlipAddress) walk-in */
  char       *qr_url;          /* (nullable) the service's web page */
  char       *note;            /* (nullable) a staff handover note, never stored */

  /* Footer */
  char       *printed_at;      /* "Geprint op dinsdag 6 januari 2026 om 14:05" */
  char       *date;            /* "6-1-2026": the printed date, short */
  char       *kiosk_name;      /* (nullable) */
  char       *content_serial;  /* (nullable) */
  char       *reference;       /* "K7M2QX", see baken_slip_reference () */

  /* Headings and footer texts in the current gettext language */
  char       *heading_help;
  char       *heading_expect;
  char       *heading_bring;
  char       *heading_contact;
  char       *heading_visit;
  char       *heading_cost;
  char       *heading_note;
  char       *qr_caption;      /* "Scan voor de website" */
  char       *footer_kiosk;    /* "Kiosk: Bibliotheek Voorbeeldstad" */
  char       *footer_serial;   /* "Inhoud: versie 42" */
  char       *footer_reference;/* "Code: K7M2QX" */
  char       *footer_privacy;  /* "Dit briefje bevat geen persoonlijke gegevens." */
} BakenSlip;

/* Where the slip is printed: the kiosk's name and place, and which holidays its region
 * keeps (kiosk.conf's [kiosk] and [hours]; baken_config_get_slip_place ()). */
typedef struct
{
  const char        *name;
  gboolean           has_location;
  double             latitude;
  double             longitude;
  BakenHolidayFlags  holidays;
} BakenSlipPlace;

GType      baken_slip_get_type          (void) G_GNUC_CONST;

/* Builds the slip. event (nullable) is the life event the resident came through;
 * place gives the kiosk name, location and holidays; now is the print time (any time
 * zone; printed in Europe/Amsterdam); content_serial (nullable) is the content DB's
 * meta serial. lang is the language service and event were queried in. */
BakenSlip *baken_slip_new               (const BakenService    *service,
                                         const BakenLifeEvent  *event,
                                         const BakenSlipPlace  *place,
                                         GDateTime             *now,
                                         const char            *content_serial,
                                         const char            *lang);
BakenSlip *baken_slip_ref               (BakenSlip             *self);
void       baken_slip_unref             (BakenSlip             *self);

/* The life event's icon (SVG data, as from baken_catalog_get_icon), drawn on the slip. */
void       baken_slip_set_icon          (BakenSlip             *self,
                                         GBytes                *svg);
/* A handover by desk staff ("Doorverwijzen"): the note box gets the heading
 * "Doorverwezen door DESK op DATE" and note (nullable or empty: a plain sentence that
 * the clerk referred the resident). Printed and then forgotten: never stored. */
void       baken_slip_set_handover      (BakenSlip             *self,
                                         const char            *note);
/* A handover note typed by staff at the desk, printed and then forgotten. */
void       baken_slip_set_note          (BakenSlip             *self,
                                         const char            *note);

/* The short reference code: the first 30 bits of SHA-256 over the service id, the kiosk
 * name and the minute (UTC) in Crockford base32. It holds nothing about the resident,
 * the kiosk keeps no list of codes, and staff can still tell which service and minute a
 * slip came from by building the code again. */
char      *baken_slip_reference         (const char            *service_id,
                                         const char            *kiosk_name,
                                         GDateTime             *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenSlip, baken_slip_unref)

G_END_DECLS
