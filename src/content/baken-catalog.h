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

#define BAKEN_TYPE_CATALOG (baken_catalog_get_type ())
G_DECLARE_FINAL_TYPE (BakenCatalog, baken_catalog, BAKEN, CATALOG, GObject)

/* The catalog keeps its own connection; it is used from one thread at a time. */
BakenCatalog   *baken_catalog_new_for_path        (const char     *path,
                                                   GError        **error);
BakenCatalog   *baken_catalog_new_for_bytes       (GBytes         *bytes,
                                                   GError        **error);
/* How long one query may run before it is cut off with an error (default 500 ms; 0: no
 * limit). A page shows "not available now" instead of freezing on a damaged DB, and the
 * catalog emits "query-cut-off" (its owner counts it against the bundle). */
void            baken_catalog_set_query_budget    (BakenCatalog   *self,
                                                   guint           budget_ms);

/* meta table: "serial", "created", "expires", "publisher", "region". */
char           *baken_catalog_dup_meta            (BakenCatalog   *self,
                                                   const char     *key);
/* Language codes present in the content, Dutch first. */
GStrv           baken_catalog_dup_languages       (BakenCatalog   *self);
/* The share (0 to 1) of life event titles and active service names the content has in
 * lang itself, not by falling back to Dutch: whether a kiosk can offer lang. */
double          baken_catalog_get_language_coverage (BakenCatalog *self,
                                                     const char   *lang);

/* SVG data of a bundle icon, or NULL. */
GBytes         *baken_catalog_get_icon            (BakenCatalog   *self,
                                                   const char     *name);

G_END_DECLS

/* The queries, by what they return. */
#include "baken-catalog-life-events.h"
#include "baken-catalog-services.h"
