/* baken-staff-session.h: whether staff mode is on, and the PIN that opens it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "baken-clock.h"
#include "baken-state.h"

G_BEGIN_DECLS

/* Five wrong PINs in a row lock entry for five minutes, also across a restart. */
#define BAKEN_STAFF_MAX_TRIES     5
#define BAKEN_STAFF_LOCK_SECONDS  (5 * 60)

typedef enum {
  BAKEN_STAFF_PIN_OK,      /* staff mode is on */
  BAKEN_STAFF_PIN_WRONG,   /* not the PIN; see baken_staff_session_get_tries_left () */
  BAKEN_STAFF_PIN_LOCKED,  /* too many wrong PINs; see ..._get_locked_until () */
} BakenStaffPinResult;

#define BAKEN_TYPE_STAFF_SESSION (baken_staff_session_get_type ())

G_DECLARE_FINAL_TYPE (BakenStaffSession, baken_staff_session, BAKEN, STAFF_SESSION, GObject)

/* pin_hash (nullable): [staff] pin-hash; NULL: staff mode cannot be entered (only
 * baken_staff_session_start_unlocked () starts it, for `baken --desk` without a PIN).
 * state (nullable) keeps the failed tries and the lock across restarts; clock says when
 * a lock ends. The property "active" tells whether staff mode is on. */
BakenStaffSession  *baken_staff_session_new          (const char         *pin_hash,
                                                      BakenState         *state,
                                                      BakenClock         *clock);
gboolean            baken_staff_session_get_available (BakenStaffSession *self);
gboolean            baken_staff_session_get_active    (BakenStaffSession *self);
/* Unix seconds when entry opens again; 0 when not locked. */
gint64              baken_staff_session_get_locked_until (BakenStaffSession *self);
guint               baken_staff_session_get_tries_left (BakenStaffSession *self);

/* Checks pin in a worker thread (argon2id is slow on purpose) and starts staff mode when
 * it matches. Counts a wrong PIN and locks after BAKEN_STAFF_MAX_TRIES. */
void                baken_staff_session_check_pin_async  (BakenStaffSession   *self,
                                                          const char          *pin,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
BakenStaffPinResult baken_staff_session_check_pin_finish (BakenStaffSession   *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
/* Staff mode without a PIN: `baken --desk` with [staff] desk-pin = false. */
void                baken_staff_session_start_unlocked   (BakenStaffSession   *self);
/* Ends staff mode ("Klaar", the idle reset), and forgets the handover note. */
void                baken_staff_session_end              (BakenStaffSession   *self);

/* The handover note typed by the clerk, held in memory only while staff mode is on, for
 * the slip being printed; wiped when set again and when staff mode ends. Never written
 * anywhere. */
void                baken_staff_session_set_note         (BakenStaffSession   *self,
                                                          const char          *note);
const char         *baken_staff_session_get_note         (BakenStaffSession   *self);

G_END_DECLS
