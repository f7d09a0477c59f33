/* baken-idle.h: when to ask "Bent u er nog?" and when to reset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure function of the time: the UI's timer only wakes it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_IDLE_MIN_TIMEOUT_S 20

typedef enum {
  BAKEN_IDLE_ACTIVE,  /* someone is using the kiosk (or it is at rest): nothing to do */
  BAKEN_IDLE_PROMPT,  /* show "Bent u er nog?" with the countdown */
  BAKEN_IDLE_RESET,   /* reset everything to Home in Dutch */
} BakenIdleAction;

typedef struct
{
  gint64 timeout_us;    /* without input before the prompt */
  gint64 countdown_us;  /* the prompt's countdown */
} BakenIdlePolicy;

/* now and last_input are monotonic microseconds. at_rest: the kiosk already shows Home
 * in its defaults, so there is nothing to reset. *remaining_us (nullable) is the time
 * until the next decision changes: until the prompt when ACTIVE, the countdown left when
 * PROMPT, 0 when RESET. */
BakenIdleAction baken_idle_decide (const BakenIdlePolicy *policy,
                                   gint64                 now,
                                   gint64                 last_input,
                                   gboolean               at_rest,
                                   gint64                *remaining_us);

/* The second of a countdown of countdown_s seconds at which "Bent u er nog?" is said
 * again: 5 s before the end of a countdown longer than 10 s, else half way (≥ 1). */
guint           baken_idle_reminder_s (guint                  countdown_s);

G_END_DECLS
