/* baken-sync-offer.h: whether a signed manifest may replace the installed bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For one attempt of the module baken-sync-http (baken-sync-job.c): decisions on the
 * signed manifest and the state DB's installed record, with the time passed in.
 */
#pragma once

#include <glib.h>

#include "baken-manifest.h"
#include "baken-state.h"
#include "baken-store.h"

G_BEGIN_DECLS

/* Whether the bundle at the floor, offered again, is "unchanged": TRUE when it is
 * installed and intact (verified again with keys), or when the kiosk fell back from
 * it. Nothing installed, or a damaged copy: FALSE, it is taken again. */
gboolean baken_sync_offer_installed_intact (BakenStore            *store,
                                            const BakenInstalled  *installed,
                                            GPtrArray             *keys);
/* The checks that need only the signed manifest, at now (Unix seconds): exactly one
 * content file, the serial (ROLLBACK, REPLAY), created (OLDER), expiry (VERIFY; judged
 * at the latest of now, created and the newest created accepted, so a clock that runs
 * behind is only logged) and the declared size (TOO_LARGE). FALSE with *unchanged TRUE
 * and no error when this is the installed bundle and installed_ok says it is intact. */
gboolean baken_sync_offer_check            (BakenManifest         *manifest,
                                            const BakenInstalled  *installed,
                                            gboolean               installed_ok,
                                            gint64                 now,
                                            gboolean              *unchanged,
                                            GError               **error);

G_END_DECLS
