/* baken-bundle-icons.h: the icon check of a bundle, and its cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Step 8 of baken_bundle_verify () (baken-bundle.h).
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "baken-bundle-report.h"

G_BEGIN_DECLS

/* Where the icon check helper is: $BAKEN_ICON_CHECK, else the installed
 * LIBEXECDIR/baken-icon-check, else the one in the build tree (uninstalled runs). */
char     *baken_bundle_dup_icon_checker_path (void);

/* Sends every SVG of db's icon table to the helper (BAKEN_ICON_CHECK_MAX_ICONS at
 * most) and trusts only its exit status and report. With cache_dir: skipped when a
 * pass of this version of Baken is remembered there for sha256 (the content DB's, as
 * the signed manifest names it); a pass is remembered (best effort, the newest few
 * kept). Blocks for as long as the child runs, BAKEN_BUNDLE_ICON_CHECK_TIMEOUT at most. */
gboolean  baken_bundle_icons_check           (BakenBundleReport  *report,
                                              sqlite3            *db,
                                              const char         *cache_dir,
                                              const char         *sha256,
                                              GError            **error);

G_END_DECLS
