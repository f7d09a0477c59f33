/* test-page-cache.c: pages kept for the next visit never outlive a resident or staff mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The navigator keeps the pages of life events, services and Home in its stack so a
 * second visit costs less than a frame (baken-page-cache.c). A kept page holds what the
 * last person saw (scroll position, language, and in staff mode staff-only numbers), so
 * the reset between residents and every change of staff mode must drop them all: a
 * dropped page is out of the window's stack, and the next visit builds a new one.
 */
#include "config.h"

#include "ui-test-util.h"

#include "baken-context.h"
#include "baken-event-page.h"
#include "baken-service-page.h"
#include "baken-staff-session.h"

typedef struct
{
  BakenWindow  *window;
  BakenContext *context;
  char         *event;
  char         *situation;
  char         *service;
} Kiosk;

static void
kiosk_open (Kiosk *k)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GError) error = NULL;

  k->context = baken_context_load (config, &error);
  g_assert_no_error (error);
  k->window = ui_test_window_new_for_context (k->context, 0.2, 1080, 1920);
  ui_test_find_path (baken_context_get_catalog (k->context), NULL, NULL, &k->event,
                     &k->situation, &k->service);
}

static void
kiosk_close (Kiosk *k)
{
  ui_test_window_destroy (k->window);
  g_clear_object (&k->context);
  g_clear_pointer (&k->event, g_free);
  g_clear_pointer (&k->situation, g_free);
  g_clear_pointer (&k->service, g_free);
}

/* The page on screen, of type, with a ref of the test's own. */
static GtkWidget *
ref_page (Kiosk *k,
          GType  type)
{
  GtkWidget *page = ui_test_find_widget (GTK_WIDGET (k->window), type);

  g_assert_nonnull (page);
  return g_object_ref (page);
}

/* Whether page is still in the window (shown or kept in the stack). */
static gboolean
in_window (GtkWidget *page,
           Kiosk     *k)
{
  return gtk_widget_get_root (page) == GTK_ROOT (k->window);
}

static void
open_event (Kiosk *k)
{
  g_autofree char *location = g_strdup_printf ("event:%s", k->event);

  ui_test_activate_to (k->window, "kiosk.open-event", k->event, location);
}

static void
open_service (Kiosk *k)
{
  g_autofree char *location = g_strdup_printf ("service:%s", k->service);

  ui_test_activate_to (k->window, "kiosk.open-service", k->service, location);
}

static gboolean
reset_done_cb (gpointer data)
{
  Kiosk *k = data;
  g_autofree char *location = baken_window_dup_location (k->window);

  return !baken_window_get_idle_prompt_visible (k->window) &&
         g_strcmp0 (location, "home") == 0;
}

/* The idle reset drops every kept page, and the next visit builds it again. */
static void
test_reset_drops (void)
{
  Kiosk k = { 0, };
  g_autoptr(GtkWidget) event_page = NULL;
  g_autoptr(GtkWidget) service_page = NULL;
  GtkWidget *again;

  kiosk_open (&k);
  open_event (&k);
  event_page = ref_page (&k, BAKEN_TYPE_EVENT_PAGE);
  open_service (&k);
  service_page = ref_page (&k, BAKEN_TYPE_SERVICE_PAGE);
  ui_test_activate_to (k.window, "kiosk.home", NULL, "home");

  /* Kept: the second visit shows the same page. */
  g_assert_true (in_window (event_page, &k));
  open_event (&k);
  again = ui_test_find_widget (GTK_WIDGET (k.window), BAKEN_TYPE_EVENT_PAGE);
  g_assert_true (again == event_page);

  /* The resident walks away. */
  ui_test_open (k.window, "idle:prompt");
  g_assert_true (ui_test_wait (reset_done_cb, &k, 10000));
  ui_test_settle (k.window);
  g_assert_false (in_window (event_page, &k));
  g_assert_false (in_window (service_page, &k));

  open_event (&k);
  again = ui_test_find_widget (GTK_WIDGET (k.window), BAKEN_TYPE_EVENT_PAGE);
  g_assert_true (again != event_page);
  kiosk_close (&k);
}

/* Staff mode starting drops the residents' pages; ending it drops the staff pages (with
 * their staff-only numbers) before the next resident comes. */
static void
test_staff_drops (void)
{
  Kiosk k = { 0, };
  BakenStaffSession *staff;
  g_autoptr(GtkWidget) resident_page = NULL;
  g_autoptr(GtkWidget) staff_page = NULL;

  kiosk_open (&k);
  staff = baken_context_get_staff (k.context);
  open_service (&k);
  resident_page = ref_page (&k, BAKEN_TYPE_SERVICE_PAGE);
  ui_test_activate_to (k.window, "kiosk.home", NULL, "home");
  g_assert_true (in_window (resident_page, &k));

  baken_staff_session_start_unlocked (staff);
  ui_test_settle (k.window);
  g_assert_false (in_window (resident_page, &k));

  open_service (&k);
  staff_page = ref_page (&k, BAKEN_TYPE_SERVICE_PAGE);
  g_assert_true (staff_page != resident_page);
  ui_test_activate_to (k.window, "kiosk.home", NULL, "home");
  g_assert_true (in_window (staff_page, &k));

  ui_test_activate (k.window, "kiosk.staff-done", NULL);
  ui_test_assert_location (k.window, "home", 2000);
  g_assert_false (baken_staff_session_get_active (staff));
  g_assert_false (in_window (staff_page, &k));

  open_service (&k);
  g_assert_true (ui_test_find_widget (GTK_WIDGET (k.window), BAKEN_TYPE_SERVICE_PAGE) !=
                 staff_page);
  kiosk_close (&k);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/page-cache/reset-drops", test_reset_drops);
  g_test_add_func ("/page-cache/staff-drops", test_staff_drops);

  return g_test_run ();
}
