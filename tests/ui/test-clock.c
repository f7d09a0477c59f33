/* test-clock.c: what the screens say about opening hours at chosen moments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's context has one clock; each test makes it stand still at a moment that
 * matters to a resident (Christmas morning, King's Day, a weekday night) and reads the
 * badges of the pages it opens, on the demo content. A clock that runs behind (no time
 * sync, a dead clock battery) must never take content away.
 */
#include "config.h"

#include <string.h>

#include "content-test-util.h"
#include "ui-test-util.h"

#include "baken-clock.h"
#include "baken-open-badge.h"
#include "baken-page.h"

/* The badges on screen, in tree order (the page's own badge first). */
static GPtrArray *
shown_badges (BakenWindow *window)
{
  GPtrArray *found = ui_test_find_all (GTK_WIDGET (window), BAKEN_TYPE_OPEN_BADGE);

  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *page = gtk_widget_get_ancestor (g_ptr_array_index (found, i), BAKEN_TYPE_PAGE);

      g_test_message ("badge %u on %s: %s", i, page != NULL ? G_OBJECT_TYPE_NAME (page) : "-",
                      baken_open_badge_get_text (g_ptr_array_index (found, i)));
    }

  return found;
}

static BakenWindow *
window_at (const char *local_time)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) error = NULL;
  BakenWindow *window;

  window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  at = baken_clock_parse_time (local_time, &error);
  g_assert_no_error (error);
  baken_clock_set_fixed (baken_context_get_clock (baken_window_get_context (window)), at);

  return window;
}

static void
assert_badge (BakenOpenBadge *badge,
              BakenOpenState  state,
              const char     *text)
{
  g_assert_cmpstr (baken_open_badge_get_text (badge), ==, text);
  g_assert_cmpint (baken_open_badge_get_state (badge), ==, state);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (badge),
                                           state == BAKEN_OPEN_NOW ? "open" : "closed"));
}

static gboolean
any_badge_says (GPtrArray  *badges,
                const char *text)
{
  for (guint i = 0; i < badges->len; i++)
    if (g_strcmp0 (baken_open_badge_get_text (g_ptr_array_index (badges, i)), text) == 0)
      return TRUE;

  return FALSE;
}

/* Veilig Thuis and Slachtofferhulp answer day and night, holidays included. */
static void
assert_crisis_lines_open (const char *local_time)
{
  BakenWindow *window = window_at (local_time);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) veilig_thuis = NULL;
  g_autoptr(GPtrArray) slachtofferhulp = NULL;

  ui_test_open (window, "services:le-slachtoffer-thuis");
  list = shown_badges (window);
  /* Veilig Thuis, Slachtofferhulp, then the neighbourhood team (office hours). */
  g_assert_cmpuint (list->len, ==, 3);
  assert_badge (g_ptr_array_index (list, 0), BAKEN_OPEN_NOW, "Dag en nacht open");
  assert_badge (g_ptr_array_index (list, 1), BAKEN_OPEN_NOW, "Dag en nacht open");
  g_assert_cmpint (baken_open_badge_get_state (g_ptr_array_index (list, 2)), !=,
                   BAKEN_OPEN_NOW);

  ui_test_open (window, "service:svc-veilig-thuis");
  veilig_thuis = shown_badges (window);
  g_assert_cmpuint (veilig_thuis->len, >=, 2);
  for (guint i = 0; i < veilig_thuis->len; i++)
    assert_badge (g_ptr_array_index (veilig_thuis, i), BAKEN_OPEN_NOW, "Dag en nacht open");

  ui_test_open (window, "service:svc-slachtofferhulp");
  slachtofferhulp = shown_badges (window);
  g_assert_cmpuint (slachtofferhulp->len, >=, 2);
  assert_badge (g_ptr_array_index (slachtofferhulp, 0), BAKEN_OPEN_NOW, "Dag en nacht open");

  ui_test_window_destroy (window);
}

static void
test_christmas_day (void)
{
  assert_crisis_lines_open ("2026-12-25T10:00");
}

/* A kiosk whose clock is right shows no staff mark. */
static void
test_clock_ok_no_mark (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  g_autoptr(GPtrArray) marks = ui_test_find_by_css_class (GTK_WIDGET (window), "stale-mark");

  g_assert_cmpuint (marks->len, ==, 0);
  ui_test_window_destroy (window);
}

static void
test_kings_day (void)
{
  assert_crisis_lines_open ("2027-04-27T10:00");
}

/* Ordinary services do close on a holiday, and say when they open again. */
static void
test_christmas_closes_others (void)
{
  BakenWindow *window = window_at ("2026-12-25T10:00");
  g_autoptr(GPtrArray) badges = NULL;

  ui_test_open (window, "service:svc-huurteam");
  badges = shown_badges (window);
  g_assert_cmpuint (badges->len, >=, 1);
  g_assert_cmpint (baken_open_badge_get_state (g_ptr_array_index (badges, 0)), !=,
                   BAKEN_OPEN_NOW);

  ui_test_window_destroy (window);
}

/* The emergency repair line: a closing time that is not today names its day. */
static void
test_closing_day (void)
{
  BakenWindow *window = window_at ("2026-12-03T20:00");
  g_autoptr(GPtrArray) thursday = NULL;
  g_autoptr(GPtrArray) friday = NULL;
  g_autoptr(GDateTime) friday_evening = NULL;

  ui_test_open (window, "service:svc-reparatie");
  thursday = shown_badges (window);
  g_assert_true (any_badge_says (thursday, "Nu open tot morgen 8:00"));

  /* Friday evening it answers all weekend, until the end of Sunday. */
  friday_evening = baken_clock_parse_time ("2026-12-04T18:00", NULL);
  baken_clock_set_fixed (baken_context_get_clock (baken_window_get_context (window)),
                         friday_evening);
  ui_test_open (window, "service:svc-reparatie");
  friday = shown_badges (window);
  g_assert_true (any_badge_says (friday, "Nu open tot maandag 0:00"));
  g_assert_false (any_badge_says (friday, "Nu open tot 0:00"));

  ui_test_window_destroy (window);
}

typedef struct
{
  BakenOpenBadge *badge;
  const char     *text;
} BadgeWait;

static gboolean
badge_says (gpointer data)
{
  BadgeWait *wait = data;

  return g_strcmp0 (baken_open_badge_get_text (wait->badge), wait->text) == 0;
}

/* A list left open across a closing time: the badge changes at the minute, by itself.
 * The rent tribunal's phone is open on weekdays until 17:00. */
static void
test_badge_follows_clock (void)
{
  BakenWindow *window = window_at ("2026-12-07T16:59:58");
  BakenClock *clock = baken_context_get_clock (baken_window_get_context (window));
  g_autoptr(GDateTime) before_five = baken_clock_parse_time ("2026-12-07T16:59:59", NULL);
  g_autoptr(GPtrArray) badges = NULL;
  BadgeWait wait = { NULL, "Open morgen vanaf 9:00" };
  guint index = G_MAXUINT;

  ui_test_open (window, "service:svc-huurcommissie");
  badges = shown_badges (window);
  for (guint i = 0; i < badges->len && index == G_MAXUINT; i++)
    if (g_strcmp0 (baken_open_badge_get_text (g_ptr_array_index (badges, i)),
                   "Nu open tot 17:00") == 0)
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);
  wait.badge = g_ptr_array_index (badges, index);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (wait.badge), "open"));

  /* The clock runs on from one second before five; nothing else happens. */
  baken_clock_set_running_from (clock, before_five);
  g_assert_cmpstr (baken_open_badge_get_text (wait.badge), ==, "Nu open tot 17:00");
  g_assert_true (ui_test_wait (badge_says, &wait, 10000));
  g_assert_cmpint (baken_open_badge_get_state (wait.badge), ==, BAKEN_OPEN_LATER);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (wait.badge), "closed"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (wait.badge), "open"));

  ui_test_window_destroy (window);
}

/* A month behind the demo's creation: the demo is shown, and the lag is known. */
static void
test_behind_shows_demo (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GDateTime) october = baken_clock_parse_time ("2026-10-01T02:00", NULL);
  g_autoptr(BakenClock) clock = baken_clock_new_fixed (october);
  g_autoptr(BakenKioskContent) content = baken_kiosk_content_new_at (config, NULL, clock);

  baken_kiosk_content_wait (content);
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_DEMO);
  g_assert_nonnull (baken_kiosk_content_get_catalog (content));
  /* The demo is created 2026-11-01T00:00Z; 2:00 in Amsterdam is 0:00 UTC. */
  g_assert_cmpint (baken_kiosk_content_get_clock_behind (content), ==, 31 * 86400);
}

/* A bundle published a minute ago, on a kiosk whose clock is a month behind. */
static void
test_behind_shows_fresh_bundle (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "fresh", NULL);
  g_autofree char *extra = g_strdup_printf ("[content]\npath = %s\n", folder);
  g_autofree char *text = content_test_config_text (extra);
  g_autoptr(BakenConfig) config = ui_test_config_new (text);
  g_autoptr(GDateTime) real_now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (real_now, -30);
  g_autoptr(BakenClock) clock = baken_clock_new_fixed (month_ago);
  g_autoptr(BakenKioskContent) content = NULL;
  BakenWindow *window;

  content_test_make_bundle (folder, 3, TRUE);
  content = baken_kiosk_content_new_at (config, NULL, clock);
  baken_kiosk_content_wait (content);
  g_assert_cmpint (baken_kiosk_content_get_origin (content), ==, BAKEN_CONTENT_ORIGIN_PATH);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 3);
  g_assert_cmpint (baken_kiosk_content_get_clock_behind (content), >, 28 * 86400);

  /* The resident sees the new content, at the kiosk's (wrong) time; staff see the
   * small mark in the top bar that says the clock is behind. */
  window = content_test_window_new (config, content, 1.0);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), CONTENT_TEST_NEW_TITLE));
  {
    g_autoptr(GPtrArray) marks = ui_test_find_by_css_class (GTK_WIDGET (window), "stale-mark");

    g_assert_cmpuint (marks->len, ==, 1);
  }
  ui_test_window_destroy (window);
}

/* No trusted content: the window says it is being prepared, and --open steps that need
 * content are refused with a reason instead of crashing. */
static void
test_open_while_preparing (void)
{
  g_autofree char *text = content_test_config_text (NULL);
  g_autoptr(BakenConfig) config = ui_test_config_new (text);
  g_autoptr(BakenKioskContent) content = baken_kiosk_content_new (config, NULL);
  const char *const steps[] = { "event:le-brief", "services:le-geld", "service:svc-schuldhulp",
                                "print:svc-schuldhulp", "search", "search:huur" };
  BakenWindow *window;

  baken_kiosk_content_wait (content);
  g_assert_null (baken_kiosk_content_get_catalog (content));
  window = content_test_window_new (config, content, 1.0);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (baken_window_open (window, steps[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "being prepared"));
    }
  ui_test_settle (window);
  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  content_test_init ();

  g_test_add_func ("/ui/clock/behind/shows-demo", test_behind_shows_demo);
  g_test_add_func ("/ui/clock/behind/shows-fresh-bundle", test_behind_shows_fresh_bundle);
  g_test_add_func ("/ui/clock/open-while-preparing", test_open_while_preparing);

  g_test_add_func ("/ui/clock/christmas-day", test_christmas_day);
  g_test_add_func ("/ui/clock/clock-ok-no-mark", test_clock_ok_no_mark);
  g_test_add_func ("/ui/clock/kings-day", test_kings_day);
  g_test_add_func ("/ui/clock/christmas-closes-others", test_christmas_closes_others);
  g_test_add_func ("/ui/clock/closing-day", test_closing_day);
  g_test_add_func ("/ui/clock/badge-follows-clock", test_badge_follows_clock);

  return g_test_run ();
}
