/* baken-content-attempt.h: verifying one candidate bundle for the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "baken-bundle.h"
#include "baken-clock.h"
#include "baken-kiosk-content.h"
#include "baken-sync.h"

G_BEGIN_DECLS

/* One bundle to verify, owned by the thread that verifies it. */
typedef struct
{
  BakenContentOrigin   origin;
  char                *location;   /* a folder, or the resource path of the demo */
  char                *icon_cache; /* (nullable) where passed icon checks are kept */
  GPtrArray           *keys;       /* (owned) a reference */
  GDateTime           *now;        /* the time to verify at */
  guint64              serial;     /* the sync store's serial, 0 otherwise */
  /* Results */
  BakenVerifiedBundle *bundle;
  GError              *error;
  gint64               elapsed_us;
} BakenContentAttempt;

/* How the log names where content came from ("the embedded demo bundle"). */
const char          *baken_content_origin_get_name      (BakenContentOrigin    origin);

/* location at the time of clock; sync (nullable) keeps the icon check's passes. */
BakenContentAttempt *baken_content_attempt_new          (BakenContentOrigin    origin,
                                                         const char           *location,
                                                         BakenSync            *sync,
                                                         GPtrArray            *keys,
                                                         BakenClock           *clock);
/* The sync store's current bundle, or NULL when it has none (left). Counts the open
 * (baken_sync_begin_open ()). A bundle the sync accepted keeps being served after its
 * manifest expired: it is verified as of just before its expiry. Main thread. */
BakenContentAttempt *baken_content_attempt_new_for_sync (BakenSync            *sync,
                                                         GPtrArray            *keys,
                                                         BakenClock           *clock);
void                 baken_content_attempt_free         (BakenContentAttempt  *attempt);

/* Verifies, blocking: any thread. Sets bundle, or error; and elapsed_us. */
void                 baken_content_attempt_run          (BakenContentAttempt  *attempt);
/* Verifies in a new thread; g_thread_join () returns the attempt. */
GThread             *baken_content_attempt_run_in_thread (BakenContentAttempt *attempt);
/* Verifies in a GTask thread (taking the attempt); _finish returns it, or NULL when
 * cancellable was cancelled. */
void                 baken_content_attempt_run_async    (BakenContentAttempt  *attempt,
                                                         gpointer              source_object,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
BakenContentAttempt *baken_content_attempt_run_finish   (GAsyncResult         *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenContentAttempt, baken_content_attempt_free)

G_END_DECLS
