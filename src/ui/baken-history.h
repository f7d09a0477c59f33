/* baken-history.h: where the resident has been, and where they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  BAKEN_LOCATION_HOME,
  BAKEN_LOCATION_EVENT,
  BAKEN_LOCATION_SERVICES,
  BAKEN_LOCATION_SERVICE,
  BAKEN_LOCATION_SEARCH,
  BAKEN_LOCATION_PRINT,
  BAKEN_LOCATION_STATUS,          /* staff: content, sync and printer */
  BAKEN_LOCATION_HANDOVER,        /* staff: a warm handover to a service */
  BAKEN_LOCATION_HANDOVER_PRINT,  /* staff: the handover slip */
} BakenLocationKind;

typedef struct _BakenHistory BakenHistory;

/* Empty: push Home first. */
BakenHistory      *baken_history_new          (void);
void               baken_history_free         (BakenHistory      *self);

void               baken_history_push         (BakenHistory      *self,
                                               BakenLocationKind  kind,
                                               const char        *id);
/* Drops every location after the first n (n ≥ 1). */
void               baken_history_truncate     (BakenHistory      *self,
                                               guint              n);
guint              baken_history_get_depth    (BakenHistory      *self);

/* The current location. */
BakenLocationKind  baken_history_get_kind     (BakenHistory      *self);
const char        *baken_history_get_id       (BakenHistory      *self);
/* Replaces the current location's id (the search text); NULL or "" for none. */
void               baken_history_set_id       (BakenHistory      *self,
                                               const char        *id);
/* "home", or "KIND:ID" such as "service:ID". */
char              *baken_history_dup_location (BakenHistory      *self);

/* The life event the resident came through, for the title of a slip: the situation
 * whose services they chose from (nullable: they came another way, such as search). */
const char        *baken_history_get_event_id (BakenHistory      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenHistory, baken_history_free)

G_END_DECLS
