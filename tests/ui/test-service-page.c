/* test-service-page.c: opening hours on the service page, as a resident reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open badge ("Nu open tot 17:00", styled open, closed or unknown) and the table of
 * the coming seven days, read back as the labels on screen and the badge's style
 * classes. The content is tests/data/build, signed and installed like a real bundle:
 * svc-formulieren has no hours at all, and a web site and a door for staff only.
 */
#include "config.h"

#include <string.h>

#include "baken-day-table.h"
#include "baken-hours.h"
#include "baken-kiosk-content.h"
#include "baken-open-badge.h"
#include "content-test-util.h"

#define UNKNOWN_TEXT "Openingstijden onbekend"

/* The texts of the drawn labels under root, joined by "|". */
static char *
labels_text (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = ui_test_collect_labels (root);

  g_ptr_array_add (labels, NULL);
  return g_strjoinv ("|", (char **) labels->pdata);
}

typedef struct
{
  const char *name;
  const char *now;         /* UTC */
  const char *text;        /* the badge's text */
  const char *css_class;   /* the one of open, closed, unknown it has */
} BadgeCase;

/* Monday to Friday 9:00–17:00 (the unknown case has no hours). Tuesday 3 June 2025. */
static const BadgeCase badge_cases[] = {
  { "unknown", "2025-06-03T08:00:00Z", UNKNOWN_TEXT, "unknown" },
  { "open", "2025-06-03T08:00:00Z", "Nu open tot 17:00", "open" },
  { "closed", "2025-06-03T18:00:00Z", NULL, "closed" },
};

static void
test_open_badge (gconstpointer data)
{
  const BadgeCase *badge_case = data;
  const char * const classes[] = { "open", "closed", "unknown" };
  g_autoptr(BakenSchedule) schedule = baken_schedule_new ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (badge_case->now, NULL);
  g_autoptr(BakenClock) clock = baken_clock_new_fixed (now);
  g_autofree char *text = NULL;
  GtkWidget *window;
  GtkWidget *badge;

  if (!g_str_equal (badge_case->name, "unknown"))
    baken_schedule_add_slot (schedule, BAKEN_DAY_MO | BAKEN_DAY_TU | BAKEN_DAY_WE |
                             BAKEN_DAY_TH | BAKEN_DAY_FR, 9 * 60, 17 * 60, NULL, NULL);

  badge = baken_open_badge_new (schedule, clock, BAKEN_HOLIDAY_FLAGS_NONE);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), badge);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_run (100);
  g_assert_true (gtk_widget_get_mapped (badge));

  text = labels_text (badge);
  g_test_message ("%s badge: “%s”", badge_case->name, text);
  if (badge_case->text != NULL)
    g_assert_cmpstr (text, ==, badge_case->text);
  else
    g_assert_true (text[0] != '\0' && !g_str_has_prefix (text, "Nu open") &&
                   strstr (text, "onbekend") == NULL);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_str_equal (classes[i], badge_case->css_class))
      g_assert_true (gtk_widget_has_css_class (badge, classes[i]));
    else
      g_assert_false (gtk_widget_has_css_class (badge, classes[i]));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A kiosk on the test bundle, at home. */
static BakenWindow *
window_on_bundle (BakenKioskContent **content_out)
{
  g_autofree char *text = content_test_config_text (NULL);
  g_autoptr(BakenConfig) config = ui_test_config_new (text);
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = content_test_state_dir ("service-page");
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "usb-70", NULL);
  g_autoptr(BakenSync) sync = baken_sync_new (&config->sync, state_dir, &error);
  BakenKioskContent *content;

  g_assert_no_error (error);
  content_test_make_bundle (usb, 70, FALSE);
  content_test_sync_from (sync, usb, 70);
  content = baken_kiosk_content_new (config, sync);
  baken_kiosk_content_wait (content);
  g_assert_cmpuint (baken_kiosk_content_get_serial (content), ==, 70);

  *content_out = content;
  return content_test_window_new (config, content, 1.0);
}

/* A service without hours: the list and the page say the hours are unknown, never
 * "open", and the week table does not claim seven closed days. */
static void
test_unknown_hours (void)
{
  g_autoptr(BakenKioskContent) content = NULL;
  BakenWindow *window = window_on_bundle (&content);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autofree char *screen = NULL;
  g_autofree char *table_text = NULL;
  GtkWidget *table;

  /* It is on a resident's path: Geldzorgen lists it. */
  ui_test_open (window, "services:le-geld");
  ui_test_assert_location (window, "services:le-geld", 2000);
  g_assert_true (ui_test_has_label (GTK_WIDGET (window), "Hulp bij formulieren"));

  ui_test_open (window, "service:svc-formulieren");
  ui_test_assert_location (window, "service:svc-formulieren", 2000);
  screen = labels_text (GTK_WIDGET (window));
  g_test_message ("service page: %s", screen);
  g_assert_nonnull (strstr (screen, "Hulp bij formulieren"));
  g_assert_nonnull (strstr (screen, "Brugstraat 5"));
  g_assert_null (strstr (screen, "Nu open"));

  /* The week table: one line, not "Gesloten" for each of the seven days. */
  table = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_DAY_TABLE);
  g_assert_nonnull (table);
  table_text = labels_text (table);
  g_assert_cmpstr (table_text, ==, UNKNOWN_TEXT);
  g_assert_null (strstr (screen, "Gesloten"));

  /* Every badge on the page is styled unknown and says so. */
  open = ui_test_find_by_css_class (GTK_WIDGET (window), "open");
  unknown = ui_test_find_by_css_class (GTK_WIDGET (window), "unknown");
  g_assert_cmpuint (open->len, ==, 0);
  g_assert_cmpuint (unknown->len, >=, 1);
  for (guint i = 0; i < unknown->len; i++)
    {
      GtkWidget *badge = g_ptr_array_index (unknown, i);
      g_autofree char *badge_text = labels_text (badge);

      g_assert_true (BAKEN_IS_OPEN_BADGE (badge));
      g_assert_cmpstr (badge_text, ==, UNKNOWN_TEXT);
    }

  ui_test_window_destroy (window);
}

/* Who it is for, what it costs and the wait, in plain words, right under what the service
 * helps with. */
static void
test_facts (void)
{
  g_autoptr(BakenKioskContent) content = NULL;
  BakenWindow *window = window_on_bundle (&content);
  g_autofree char *screen = NULL;

  ui_test_open (window, "service:svc-formulieren");
  ui_test_assert_location (window, "service:svc-formulieren", 2000);
  screen = labels_text (GTK_WIDGET (window));
  g_test_message ("service page: %s", screen);
  g_assert_nonnull (strstr (screen, "Wij helpen u een formulier in te vullen.|"
                                    "Voor mensen van 16 tot en met 27 jaar|Kosten: gratis|"
                                    "Wachttijd: ongeveer 2 weken|"));

  ui_test_window_destroy (window);
}

/* Its web site and its second door are for staff: a resident's screen shows neither. */
static void
test_staff_channels_hidden (void)
{
  g_autoptr(BakenKioskContent) content = NULL;
  BakenWindow *window = window_on_bundle (&content);
  g_autofree char *screen = NULL;

  ui_test_open (window, "service:svc-formulieren");
  ui_test_assert_location (window, "service:svc-formulieren", 2000);
  screen = labels_text (GTK_WIDGET (window));
  g_test_message ("service page: %s", screen);
  g_assert_nonnull (strstr (screen, "Brugstraat 5"));
  g_assert_null (strstr (screen, "Achterom"));
  g_assert_null (strstr (screen, "Dienstingang"));
  g_assert_null (strstr (screen, "intranet"));
  g_assert_null (strstr (screen, "medewerkers"));

  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  content_test_init ();

  for (guint i = 0; i < G_N_ELEMENTS (badge_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/service-page/open-badge/%s",
                                               badge_cases[i].name);

      g_test_add_data_func (path, &badge_cases[i], test_open_badge);
    }
  g_test_add_func ("/ui/service-page/unknown-hours", test_unknown_hours);
  g_test_add_func ("/ui/service-page/staff-channels-hidden", test_staff_channels_hidden);
  g_test_add_func ("/ui/service-page/facts", test_facts);

  return g_test_run ();
}
