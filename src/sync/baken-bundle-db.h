/* baken-bundle-db.h: the content DB of a bundle, checked after its hash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps 6 and 7 of baken_bundle_verify () (baken-bundle.h): each reports its pass or
 * failure (BakenBundleReport) and stops at the first that fails.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "baken-bundle-report.h"
#include "baken-manifest.h"

G_BEGIN_DECLS

/* Opens bytes (the content file name, as hashed) as a read-only, defensive SQLite DB
 * that trusts no schema, without copying them: bytes must outlive it. NULL when it
 * cannot be opened (reported). Close it with sqlite3_close (). */
sqlite3  *baken_bundle_db_open  (BakenBundleReport  *report,
                                 GBytes             *bytes,
                                 const char         *name,
                                 GError            **error);
/* PRAGMA integrity_check, the schema version and exact schema, meta.serial against
 * the manifest's serial, then the references (foreign keys, meta, Dutch text, the
 * tree of life events). */
gboolean  baken_bundle_db_check (BakenBundleReport  *report,
                                 sqlite3            *db,
                                 BakenManifest      *manifest,
                                 const char         *name,
                                 GError            **error);

G_END_DECLS
