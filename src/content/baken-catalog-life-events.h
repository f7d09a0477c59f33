/* baken-catalog-life-events.h: the life events of the catalog (baken-catalog-life-events.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included by baken-catalog.h. Texts come in the requested language and fall back to
 * Dutch per field.
 */
#pragma once

#include "baken-catalog.h"

G_BEGIN_DECLS

/* Which texts of a life event are Dutch because it has none in the requested language
 * (BakenLifeEvent.dutch); never set when queried in Dutch. */
typedef enum {
  BAKEN_LIFE_EVENT_DUTCH_TITLE    = 1 << 0,
  BAKEN_LIFE_EVENT_DUTCH_SUMMARY  = 1 << 1,
  BAKEN_LIFE_EVENT_DUTCH_QUESTION = 1 << 2,
  BAKEN_LIFE_EVENT_DUTCH_BODY     = 1 << 3,
} BakenLifeEventDutch;

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
  guint     dutch;         /* BakenLifeEventDutch: texts that fell back to Dutch */
} BakenLifeEvent;

void baken_life_event_free (BakenLifeEvent *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenLifeEvent, baken_life_event_free)

/* Children of parent_id (NULL: the home screen), by position. */
GPtrArray      *baken_catalog_get_life_events     (BakenCatalog   *self,
                                                   const char     *parent_id,
                                                   const char     *lang,
                                                   GError        **error);
BakenLifeEvent *baken_catalog_get_life_event      (BakenCatalog   *self,
                                                   const char     *id,
                                                   const char     *lang,
                                                   GError        **error);

G_END_DECLS
