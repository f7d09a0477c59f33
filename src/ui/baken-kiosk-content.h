/* baken-kiosk-content.h: the content the kiosk shows, and the switch to a new bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Content only ever comes from a verified bundle. At startup, the first that verifies of:
 *
 *   1. the bundle the sync store says is current (bundles/<serial>/), verified again
 *      (baken_bundle_open_verified); a bundle that fails is counted by
 *      baken_sync_begin_open (), which falls back to the previous bundle after
 *      BAKEN_SYNC_MAX_OPEN_FAILURES — the same start tries again until it falls back;
 *   2. the bundle folder of [content] path;
 *   3. the embedded demo bundle (BAKEN_DEMO_BUNDLE_RESOURCE), which only a kiosk without
 *      [sync] public-keys trusts.
 *
 * When none verifies the kiosk has no content (origin BAKEN_CONTENT_ORIGIN_NONE): the
 * window shows "Deze kiosk wordt klaargemaakt" until the sync brings a bundle.
 *
 * A bundle the sync installs ("content-ready") is opened and verified in a worker thread
 * and then waits (update-pending) until the window calls
 * baken_kiosk_content_apply_update () between residents. baken_kiosk_content_shown ()
 * tells the sync store that the content opened (Home showed).
 *
 * A bundle installed by the sync whose manifest has expired keeps being served (the
 * stale notice tells staff); a [content] path bundle must not have expired.
 */
#pragma once

#include <gio/gio.h>

#include "baken-catalog.h"
#include "baken-clock.h"
#include "baken-config.h"
#include "baken-sync.h"

G_BEGIN_DECLS

/* The folder of the embedded demo bundle in the UI GResource. */
#define BAKEN_DEMO_BUNDLE_RESOURCE "/nl/baken/Kiosk/demo-bundle"

typedef enum {
  BAKEN_CONTENT_ORIGIN_NONE,  /* nothing trusted (yet): the kiosk is being prepared */
  BAKEN_CONTENT_ORIGIN_GIVEN, /* a catalog handed in by the caller (tests, tools) */
  BAKEN_CONTENT_ORIGIN_DEMO,  /* the embedded demo bundle */
  BAKEN_CONTENT_ORIGIN_PATH,  /* the bundle folder of [content] path */
  BAKEN_CONTENT_ORIGIN_SYNC,  /* the current bundle of the sync store */
} BakenContentOrigin;

#define BAKEN_TYPE_KIOSK_CONTENT (baken_kiosk_content_get_type ())

G_DECLARE_FINAL_TYPE (BakenKioskContent, baken_kiosk_content, BAKEN, KIOSK_CONTENT, GObject)

/* Starts verifying the startup content in a worker thread and returns at once; the
 * content is settled by baken_kiosk_content_wait (). sync: (nullable) the sync store
 * (this object takes a reference and listens to "content-ready"). */
BakenKioskContent  *baken_kiosk_content_new             (BakenConfig        *config,
                                                         BakenSync          *sync);
/* The same, verifying at the time of clock (the kiosk's one clock, shared with the
 * context and the pages). */
BakenKioskContent  *baken_kiosk_content_new_at          (BakenConfig        *config,
                                                         BakenSync          *sync,
                                                         BakenClock         *clock);
/* Content that is already open (tests and tools): origin BAKEN_CONTENT_ORIGIN_GIVEN. */
BakenKioskContent  *baken_kiosk_content_new_for_catalog (BakenConfig        *config,
                                                         BakenCatalog       *catalog);
/* Blocks until the startup content is verified (or refused, and the fallbacks tried).
 * Call it on the main thread before the first page is built; idempotent. */
void                baken_kiosk_content_wait            (BakenKioskContent  *self);

/* (nullable): NULL while nothing trusted is open. */
BakenCatalog       *baken_kiosk_content_get_catalog     (BakenKioskContent  *self);
BakenContentOrigin  baken_kiosk_content_get_origin      (BakenKioskContent  *self);
/* The serial of the open bundle; 0 when none is open. */
guint64             baken_kiosk_content_get_serial      (BakenKioskContent  *self);
/* (nullable): why no content is open (the last refusal), for logs and tests. */
const char         *baken_kiosk_content_get_problem     (BakenKioskContent  *self);
/* (nullable) */
BakenSync          *baken_kiosk_content_get_sync        (BakenKioskContent  *self);
/* (nullable) The id of the key that signed the bundle shown (for the staff status). */
const char         *baken_kiosk_content_get_key_id      (BakenKioskContent  *self);
/* How many seconds the kiosk's clock ran behind the created time of the open bundle
 * (0: not noticeably): the content is shown all the same, and staff are told. */
gint64              baken_kiosk_content_get_clock_behind (BakenKioskContent *self);
/* The clock content is verified at (transfer none). */
BakenClock         *baken_kiosk_content_get_clock       (BakenKioskContent  *self);
/* BakenStaleFlags of the sync store (0 without one): the staff notice. */
guint               baken_kiosk_content_get_stale       (BakenKioskContent  *self);

/* Whether a newer verified bundle waits for baken_kiosk_content_apply_update (). */
gboolean            baken_kiosk_content_get_update_pending (BakenKioskContent *self);
/* Switches to the waiting bundle; FALSE when none waits. Emits notify::catalog. */
gboolean            baken_kiosk_content_apply_update    (BakenKioskContent  *self);
/* The content opened and Home showed (baken_sync_open_succeeded ()). */
void                baken_kiosk_content_shown           (BakenKioskContent  *self);

G_END_DECLS
