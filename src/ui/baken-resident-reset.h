/* baken-resident-reset.h: between residents, the kiosk starts again at Home
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baken-context.h"
#include "baken-navigator.h"
#include "baken-resident-access.h"
#include "baken-staff-controller.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_RESIDENT_RESET (baken_resident_reset_get_type ())

G_DECLARE_FINAL_TYPE (BakenResidentReset, baken_resident_reset, BAKEN, RESIDENT_RESET, GObject)

/* The window and the parts a reset sets back (the widgets unowned, in the window). */
typedef struct
{
  GtkWidget            *window;       /* input is watched here; its "language" property */
  AdwBin               *prompt_slot;  /* "Bent u er nog?" */
  GtkWidget            *covered;      /* what the prompt hides: the page and its bars */
  AdwBin               *status_slot;  /* the staff notice of stale content */
  BakenNavigator       *navigator;
  BakenResidentAccess  *access;       /* the settings, speech, speech mode, the sound */
  BakenStaffController *staff;
} BakenResidentLayout;

/* Starts the idle timer; idle_scale multiplies its durations (1.0 in production). The
 * timer waits while speech plays, and speech mode multiplies its timeout by [keypad]
 * speech-time-factor. */
BakenResidentReset *baken_resident_reset_new     (const BakenResidentLayout *layout,
                                                  BakenContext              *context,
                                                  double                     idle_scale);
/* Follows the kiosk content: a new bundle is switched in at the next reset, or now
 * when the kiosk is at rest. */
void                baken_resident_reset_start   (BakenResidentReset        *self);

/* Now: Home, default language, everything off, staff mode ended, new content in. */
void                baken_resident_reset_run     (BakenResidentReset        *self);
/* Something happened: a tap, a key, a new page. */
void                baken_resident_reset_poke    (BakenResidentReset        *self);
/* As if the resident had left: the idle prompt shows now ("idle:prompt"). */
void                baken_resident_reset_expire  (BakenResidentReset        *self);
/* The language changed: the staff notice of stale content again. */
void                baken_resident_reset_relabel (BakenResidentReset        *self);

G_END_DECLS
