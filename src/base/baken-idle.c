/* baken-idle.c: when to ask "Bent u er nog?" and when to reset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-idle"

#include "config.h"

#include "baken-idle.h"

BakenIdleAction
baken_idle_decide (const BakenIdlePolicy *policy,
                   gint64                 now,
                   gint64                 last_input,
                   gboolean               at_rest,
                   gint64                *remaining_us)
{
  gint64 timeout, countdown, idle;
  BakenIdleAction action;
  gint64 remaining;

  g_return_val_if_fail (policy != NULL, BAKEN_IDLE_ACTIVE);

  /* Never shorter than the floor, whatever the caller passed. */
  timeout = MAX (policy->timeout_us, 0);
  countdown = MAX (policy->countdown_us, 0);
  /* A clock that went backwards counts as fresh input, never as a reason to reset. */
  idle = MAX (now - last_input, 0);

  if (at_rest)
    {
      action = BAKEN_IDLE_ACTIVE;
      remaining = timeout;
    }
  else if (idle < timeout)
    {
      action = BAKEN_IDLE_ACTIVE;
      remaining = timeout - idle;
    }
  else if (idle < timeout + countdown)
    {
      action = BAKEN_IDLE_PROMPT;
      remaining = timeout + countdown - idle;
    }
  else
    {
      action = BAKEN_IDLE_RESET;
      remaining = 0;
    }

  if (remaining_us != NULL)
    *remaining_us = remaining;

  return action;
}

guint
baken_idle_reminder_s (guint countdown_s)
{
  if (countdown_s > 10)
    return 5;

  return MAX (countdown_s / 2, 1);
}
