/* test-page-cache.c: pages kept for the next visit never outlive a resident or staff mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The navigator keeps the pages of life events, services and Home in its stack so a
 * second visit costs less than a frame (baken-page-cache.c). A kept page holds what the
 * last person saw (scroll position, language, and in staff mode staff-only numbers), so
 * the reset between residents and every change of staff mode must drop them all: a
 * dropped page is out of the window's stack, and the next visit builds a new one.
 * Drawn icons are kept too (baken-icon-cache.c), within a bound: past it, the icons
 * asked for longest ago go, not all of them. After the reset, the memory the pages
 * held is handed back to the system (baken-memory.h).
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "ui-test-util.h"

#include "baken-context.h"
#include "baken-event-page.h"
#include "baken-feedback.h"
#include "baken-icon.h"
#include "baken-icon-cache.h"
#include "baken-navigator.h"
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

static gsize
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  fields = g_strsplit (statm, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), >=, 2);
  return g_ascii_strtoull (fields[1], NULL, 10) * (gsize) sysconf (_SC_PAGESIZE);
}

static gboolean
given_back_cb (gpointer data)
{
  gsize *target = data;

  return resident_bytes () <= *target;
}

/* What the last resident's pages held goes back to the system after the idle reset:
 * 64 MiB freed below a block still in use stays in the heap until the reset hands it
 * back. */
static void
test_reset_gives_back (void)
{
  enum { N_BLOCKS = 4096, BLOCK = 16 * 1024 };
  Kiosk k = { 0, };
  g_autofree void **blocks = g_new (void *, N_BLOCKS);
  void *fence;
  gsize before, target;

  kiosk_open (&k);
  open_service (&k);
  for (guint i = 0; i < N_BLOCKS; i++)
    blocks[i] = memset (g_malloc (BLOCK), 1, BLOCK);
  fence = g_malloc (BLOCK);
  for (guint i = 0; i < N_BLOCKS; i++)
    g_free (blocks[i]);
  before = resident_bytes ();
  target = before - (gsize) N_BLOCKS * BLOCK / 2;

  /* Freed but kept: nothing hands it back by itself. */
  ui_test_run (300);
  g_assert_cmpuint (resident_bytes (), >, target);

  ui_test_open (k.window, "idle:prompt");
  g_assert_true (ui_test_wait (reset_done_cb, &k, 10000));
  g_assert_true (ui_test_wait (given_back_cb, &target, 5000));
  g_test_message ("resident %" G_GSIZE_FORMAT " KiB before the reset, %" G_GSIZE_FORMAT
                  " KiB after", before / 1024, resident_bytes () / 1024);

  g_free (fence);
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

/* A backoffice line of the demo (phones.csv, audience staff): the debt help's. */
#define STAFF_SERVICE "svc-schuldhulp"
#define STAFF_NUMBER  "030 555 09 23"

static gboolean
is_drawn_cb (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* The service page of STAFF_SERVICE in the navigator's window, drawn. */
static GtkWidget *
show_service (BakenNavigator *navigator)
{
  GtkWidget *page;

  baken_navigator_home (navigator);
  baken_navigator_push (navigator, BAKEN_LOCATION_SERVICE, STAFF_SERVICE);
  page = baken_navigator_get_page (navigator);
  g_assert_true (BAKEN_IS_SERVICE_PAGE (page));
  g_assert_true (ui_test_wait (is_drawn_cb, page, 5000));

  return page;
}

static gboolean
page_shows (GtkWidget  *page,
            const char *part)
{
  g_autoptr(GPtrArray) labels = ui_test_collect_labels (page);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (g_ptr_array_index (labels, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* The audience is part of what a page is kept under: even with nobody dropping the
 * kept pages (a navigator on its own, no reset watching staff mode), a page built in
 * staff mode is never shown to a resident after it, nor a resident's page in staff
 * mode. */
static void
test_audience_in_key (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenContext) context = baken_context_load (config, &error);
  g_autoptr(BakenNavigator) navigator = NULL;
  BakenStaffSession *staff;
  GtkWidget *window;
  GtkWidget *stack;
  GtkWidget *resident_page;
  GtkWidget *staff_page;
  GtkWidget *page;

  g_assert_no_error (error);
  staff = baken_context_get_staff (context);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 1920);
  stack = gtk_stack_new ();
  gtk_window_set_child (GTK_WINDOW (window), stack);
  navigator = baken_navigator_new (GTK_STACK (stack), context);
  baken_navigator_set_language (navigator, "nl");
  baken_navigator_push (navigator, BAKEN_LOCATION_HOME, NULL);
  gtk_window_present (GTK_WINDOW (window));

  resident_page = show_service (navigator);
  g_assert_false (page_shows (resident_page, STAFF_NUMBER));
  g_assert_true (show_service (navigator) == resident_page);

  baken_staff_session_start_unlocked (staff);
  staff_page = show_service (navigator);
  g_assert_true (staff_page != resident_page);
  g_assert_true (page_shows (staff_page, STAFF_NUMBER));

  baken_staff_session_end (staff);
  page = show_service (navigator);
  g_assert_true (page != staff_page);
  g_assert_false (page_shows (page, STAFF_NUMBER));

  /* And staff mode again gets the staff page, never the resident's. */
  baken_staff_session_start_unlocked (staff);
  page = show_service (navigator);
  g_assert_true (page != resident_page);
  g_assert_true (page_shows (page, STAFF_NUMBER));
  baken_staff_session_end (staff);

  g_clear_object (&navigator);
  gtk_window_destroy (GTK_WINDOW (window));
}

static BakenFeedback *
first_feedback (Kiosk *k)
{
  GtkWidget *feedback = ui_test_find_widget (GTK_WIDGET (k->window), BAKEN_TYPE_FEEDBACK);

  g_assert_nonnull (feedback);
  return BAKEN_FEEDBACK (feedback);
}

static GtkAdjustment *
page_scroll (GtkWidget *page)
{
  g_autoptr(GPtrArray) scrolled = ui_test_find_all (page, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_cmpuint (scrolled->len, >, 0);
  return gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrolled, 0));
}

/* A kept page comes back as a new one would: at its top, and with its feedback
 * question asked again once it was answered (such a page is not kept). */
static void
test_kept_page_fresh (void)
{
  Kiosk k = { 0, };
  g_autoptr(GtkWidget) service_page = NULL;
  GtkAdjustment *scroll;
  GtkWidget *again;

  kiosk_open (&k);
  open_service (&k);
  service_page = ref_page (&k, BAKEN_TYPE_SERVICE_PAGE);
  scroll = page_scroll (service_page);
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  ui_test_settle (k.window);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);
  ui_test_activate_to (k.window, "kiosk.home", NULL, "home");

  open_service (&k);
  again = ui_test_find_widget (GTK_WIDGET (k.window), BAKEN_TYPE_SERVICE_PAGE);
  g_assert_true (again == service_page);
  g_assert_cmpfloat (gtk_adjustment_get_value (page_scroll (again)), ==,
                     gtk_adjustment_get_lower (page_scroll (again)));

  /* Answered: the next visit asks again, on a page of its own. */
  g_assert_true (baken_feedback_is_untouched (first_feedback (&k)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first_feedback (&k)),
                                             "feedback.helped", "s", "yes"));
  g_assert_false (baken_feedback_is_untouched (first_feedback (&k)));
  ui_test_activate_to (k.window, "kiosk.home", NULL, "home");
  g_assert_false (in_window (service_page, &k));
  open_service (&k);
  again = ui_test_find_widget (GTK_WIDGET (k.window), BAKEN_TYPE_SERVICE_PAGE);
  g_assert_true (again != service_page);
  g_assert_true (baken_feedback_is_untouched (first_feedback (&k)));
  kiosk_close (&k);
}

/* Past the bound the icons asked for longest ago go; the one just asked for stays. */
static void
test_icon_cache_bound (void)
{
  g_autoptr(GBytes) svg = g_resources_lookup_data (BAKEN_ICON_RESOURCE_PATH "phone.svg",
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *first, *second, *again;
  int size = 1000, drawn = 0;

  g_assert_nonnull (svg);
  baken_icon_cache_clear ();

  /* 4 MB each: the first two, then more until the cache is nearly full. */
  first = baken_icon_cache_lookup (svg, size++, NULL, &error);
  g_assert_no_error (error);
  second = baken_icon_cache_lookup (svg, size++, NULL, &error);
  g_assert_no_error (error);
  drawn = 2;
  while (baken_icon_cache_get_bytes () + 4 * 1000 * 1004 <= BAKEN_ICON_CACHE_MAX_BYTES)
    {
      cairo_surface_destroy (baken_icon_cache_lookup (svg, size++, NULL, &error));
      g_assert_no_error (error);
      drawn++;
    }

  /* The first is asked for again (a page shown again); then three more are drawn. */
  again = baken_icon_cache_lookup (svg, 1000, NULL, NULL);
  g_assert_true (again == first);
  cairo_surface_destroy (again);
  for (int i = 0; i < 3; i++)
    {
      cairo_surface_destroy (baken_icon_cache_lookup (svg, size++, NULL, &error));
      g_assert_no_error (error);
      drawn++;
    }
  g_test_message ("%d icons drawn, %" G_GSIZE_FORMAT " bytes kept", drawn,
                  baken_icon_cache_get_bytes ());
  g_assert_cmpuint (baken_icon_cache_get_bytes (), <=, BAKEN_ICON_CACHE_MAX_BYTES);
  g_assert_cmpuint (baken_icon_cache_get_bytes (), >, BAKEN_ICON_CACHE_MAX_BYTES / 2);

  /* Still the same surface for the first; the second, not asked for since, was dropped
   * (this test holds it, so a new one is another surface). */
  again = baken_icon_cache_lookup (svg, 1000, NULL, NULL);
  g_assert_true (again == first);
  cairo_surface_destroy (again);
  again = baken_icon_cache_lookup (svg, 1001, NULL, NULL);
  g_assert_true (again != second);
  cairo_surface_destroy (again);

  cairo_surface_destroy (first);
  cairo_surface_destroy (second);
  baken_icon_cache_clear ();
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/page-cache/reset-drops", test_reset_drops);
  g_test_add_func ("/page-cache/reset-gives-back", test_reset_gives_back);
  g_test_add_func ("/page-cache/staff-drops", test_staff_drops);
  g_test_add_func ("/page-cache/audience-in-key", test_audience_in_key);
  g_test_add_func ("/page-cache/kept-page-fresh", test_kept_page_fresh);
  g_test_add_func ("/page-cache/icon-cache-bound", test_icon_cache_bound);

  return g_test_run ();
}
