/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "baken-idle.h"

#define S G_GINT64_CONSTANT (1000000)

typedef struct
{
  const char     *name;
  gint64          idle_s;      /* now - last_input */
  gboolean        at_rest;
  BakenIdleAction action;
  gint64          remaining_s;
} IdleCase;

static const IdleCase idle_cases[] = {
  { "just-tapped", 0, FALSE, BAKEN_IDLE_ACTIVE, 90 },
  { "a-minute", 60, FALSE, BAKEN_IDLE_ACTIVE, 30 },
  { "just-before-prompt", 89, FALSE, BAKEN_IDLE_ACTIVE, 1 },
  { "prompt-starts", 90, FALSE, BAKEN_IDLE_PROMPT, 20 },
  { "prompt-counting", 105, FALSE, BAKEN_IDLE_PROMPT, 5 },
  { "reset", 110, FALSE, BAKEN_IDLE_RESET, 0 },
  { "long-gone", 100000, FALSE, BAKEN_IDLE_RESET, 0 },
  { "at-rest-never-prompts", 100000, TRUE, BAKEN_IDLE_ACTIVE, 90 },
  { "clock-went-back", -30, FALSE, BAKEN_IDLE_ACTIVE, 90 },
};

static void
test_decide (gconstpointer data)
{
  const IdleCase *c = data;
  BakenIdlePolicy policy = { .timeout_us = 90 * S, .countdown_us = 20 * S };
  gint64 now = 1000000 * S;
  gint64 remaining = -1;
  BakenIdleAction action;

  action = baken_idle_decide (&policy, now, now - c->idle_s * S, c->at_rest, &remaining);
  g_assert_cmpint (action, ==, c->action);
  g_assert_cmpint (remaining, ==, c->remaining_s * S);
}

static void
test_more_time (void)
{
  BakenIdlePolicy policy = { .timeout_us = 90 * S, .countdown_us = 20 * S };
  gint64 start = 5 * S;
  gint64 tap;

  /* The prompt is up; "Ja, ik wil meer tijd" counts as input and starts over. */
  g_assert_cmpint (baken_idle_decide (&policy, start + 100 * S, start, FALSE, NULL),
                   ==, BAKEN_IDLE_PROMPT);
  tap = start + 100 * S;
  g_assert_cmpint (baken_idle_decide (&policy, tap + 1 * S, tap, FALSE, NULL),
                   ==, BAKEN_IDLE_ACTIVE);
  g_assert_cmpint (baken_idle_decide (&policy, tap + 109 * S, tap, FALSE, NULL),
                   ==, BAKEN_IDLE_PROMPT);
  g_assert_cmpint (baken_idle_decide (&policy, tap + 110 * S, tap, FALSE, NULL),
                   ==, BAKEN_IDLE_RESET);
}

/* Said again near the end: 5 s before it, or half way through a short countdown. */
static void
test_reminder (void)
{
  g_assert_cmpuint (baken_idle_reminder_s (20), ==, 5);
  g_assert_cmpuint (baken_idle_reminder_s (120), ==, 5);
  g_assert_cmpuint (baken_idle_reminder_s (11), ==, 5);
  g_assert_cmpuint (baken_idle_reminder_s (10), ==, 5);
  g_assert_cmpuint (baken_idle_reminder_s (5), ==, 2);
  g_assert_cmpuint (baken_idle_reminder_s (1), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (idle_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/idle/decide/%s", idle_cases[i].name);

      g_test_add_data_func (path, &idle_cases[i], test_decide);
    }
  g_test_add_func ("/core/idle/more-time", test_more_time);
  g_test_add_func ("/core/idle/reminder", test_reminder);

  return g_test_run ();
}
