/* baken-hsds-import-json.h: read HSDS 3.0 JSON into the tables of an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an HSDS 3.0 API returns: a service with its organization, service_at_locations
 * (each with its location), phones, schedules, attributes, … nested (/services/{id}); a
 * page of them ({ "contents": [ … ], "total_pages": …, "last_page": … }, /services);
 * or a plain list of them. Each nested object becomes a record of its resource, tied to
 * the object it is in (a phone in a service gets its service_id), so that the checks and
 * the mapping of a tabular package apply unchanged. Positions are FILE:LINE:COLUMN of the
 * JSON text; FILE is the name the document was read under (a file, a URL).
 */
#pragma once

#include <glib.h>

#include "baken-hsds-import-tables.h"

G_BEGIN_DECLS

typedef struct _BakenHsdsJson BakenHsdsJson;

/* What a document was. */
typedef struct
{
  gboolean   is_page;       /* it had "contents" */
  gboolean   last_page;     /* "last_page" was true, or the page was empty */
  gint64     total_pages;   /* 0 when not said */
  guint      n_services;    /* services it held */
  GPtrArray *compact;       /* (owned) ids of services listed without their nested
                             * objects, when read with defer_compact */
} BakenHsdsJsonPage;

BakenHsdsJson *baken_hsds_json_new   (Import             *imp);
void           baken_hsds_json_free  (BakenHsdsJson      *self);

/* Reads one document named what. With defer_compact, a listed service that has no
 * nested organization is not read but its id added to page->compact (to read
 * /services/{id} instead). A document that is not JSON, or not a service, page or list
 * of services, is an error of imp (its records are left out); FALSE then. */
gboolean       baken_hsds_json_read  (BakenHsdsJson      *self,
                                      const char         *what,
                                      const char         *data,
                                      gsize               length,
                                      gboolean            defer_compact,
                                      BakenHsdsJsonPage  *page);
void           baken_hsds_json_page_clear (BakenHsdsJsonPage *page);

/* Makes the tables of imp from every record read, and notes what was not HSDS. */
void           baken_hsds_json_finish (BakenHsdsJson     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenHsdsJson, baken_hsds_json_free)

G_END_DECLS
