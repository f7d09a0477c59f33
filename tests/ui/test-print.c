/* test-print.c: a resident prints a slip, or learns why not and gets the QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printers are real: a folder (BAKEN_PRINT_TO_DIR) for the whole path, and a private
 * cupsd with our own backends (tests/print/cups-fixture.h) for the faults. The kiosk
 * finds that cupsd through CUPS_SERVER, as it would any print server. With
 * BAKEN_SCREENSHOT_DIR set, every screen is also saved there as a PNG to look at.
 */
#include "config.h"

#include <cups/cups.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ui-test-util.h"

#include "baken-context.h"
#include "baken-print-page.h"
#include "baken-slip-picture.h"
#include "baken-text-size.h"
#include "../print/cups-fixture.h"
#include "test-util.h"

typedef struct
{
  const char *name;
  int         width;
  int         height;
} Size;

static const Size portrait = { "portrait", 1080, 1920 };
static const Size landscape = { "landscape", 1920, 1080 };

/* ---- the window ---------------------------------------------------------------------- */

static BakenCatalog *
window_catalog (BakenWindow *window)
{
  return baken_context_get_catalog (baken_window_get_context (window));
}

static void
save_png (BakenWindow *window,
          const Size  *size,
          const char  *name)
{
  const char *dir = g_getenv ("BAKEN_SCREENSHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  node = ui_test_snapshot_window (window);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s-%s.png", size->name, name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static void
assert_shows (BakenWindow *window,
              const char  *text)
{
  if (!ui_test_has_label (GTK_WIDGET (window), text))
    {
      g_autoptr(GPtrArray) labels = ui_test_collect_labels (GTK_WIDGET (window));

      for (guint i = 0; i < labels->len; i++)
        g_test_message ("shown: “%s”", (char *) g_ptr_array_index (labels, i));
      g_error ("“%s” is not shown", text);
    }
}

static BakenPrintPage *
print_page (BakenWindow *window)
{
  return BAKEN_PRINT_PAGE (ui_test_print_page (window));
}

/* The failure screen: the reason, the desk, and the QR code drawn large. */
static void
assert_failure_screen (BakenWindow *window,
                       const char  *message)
{
  g_autoptr(GPtrArray) qr = NULL;
  GtkWidget *picture;

  assert_shows (window, message);
  assert_shows (window, "Vraag het aan de medewerker bij de balie.");
  assert_shows (window, "Scan de code met uw telefoon");

  qr = ui_test_find_by_css_class (GTK_WIDGET (window), "qr");
  g_assert_cmpuint (qr->len, ==, 1);
  picture = g_ptr_array_index (qr, 0);
  g_assert_nonnull (gtk_image_get_paintable (GTK_IMAGE (picture)));
  /* Large: a phone reads it from arm's length. */
  g_assert_cmpint (gtk_widget_get_width (picture), >=, 400);
  g_assert_cmpint (gtk_widget_get_height (picture), >=, 400);
}

/* ---- content --------------------------------------------------------------------------- */

/* Takes a service with a staff-only channel (so the checks for backoffice numbers can
 * fail) and adds those numbers to staff_values. */
static gboolean
has_staff_channel (BakenCatalog *catalog,
                   BakenService *listed,
                   gpointer      data)
{
  GPtrArray *staff_values = data;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(GError) error = NULL;

  service = baken_catalog_get_service (catalog, listed->id, "nl", BAKEN_AUDIENCE_STAFF, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < service->channels->len; c++)
    {
      BakenChannel *channel = g_ptr_array_index (service->channels, c);

      if (channel->is_staff && channel->value != NULL)
        g_ptr_array_add (staff_values, g_strdup (channel->value));
    }

  return staff_values->len > 0;
}

/* A path Home → event → situation → service to a service with a staff-only channel, and
 * those numbers. */
static void
find_path (BakenCatalog  *catalog,
           char         **event_id,
           char         **situation_id,
           char         **service_id,
           GPtrArray     *staff_values)
{
  ui_test_find_path (catalog, has_staff_channel, staff_values,
                     event_id, situation_id, service_id);
}

/* Any service with a web page, for the QR code. */
static char *
find_service_with_url (BakenCatalog *catalog)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (queue, NULL);
  for (guint q = 0; q < queue->len; q++)
    {
      g_autoptr(GPtrArray) children = NULL;

      children = baken_catalog_get_life_events (catalog, g_ptr_array_index (queue, q), "nl",
                                                &error);
      g_assert_no_error (error);
      for (guint i = 0; i < children->len; i++)
        {
          BakenLifeEvent *child = g_ptr_array_index (children, i);
          g_autoptr(GPtrArray) services = NULL;

          g_ptr_array_add (queue, g_strdup (child->id));
          services = baken_catalog_get_services_for_event (catalog, child->id, "nl",
                                                           BAKEN_AUDIENCE_PUBLIC, &error);
          g_assert_no_error (error);
          for (guint j = 0; j < services->len; j++)
            {
              BakenService *service = g_ptr_array_index (services, j);

              if (service->url != NULL)
                return g_strdup (service->id);
            }
        }
    }

  g_error ("the demo content has no service with a web page");
}

/* Words, whatever the line breaks of pdftotext -layout. */
static char *
squeeze (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- the folder printer: the whole path ------------------------------------------------ */

static void
test_to_folder (gconstpointer data)
{
  const Size *size = data;
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) staff_values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BakenService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "slips", NULL);
  g_autofree char *event_id = NULL;
  g_autofree char *situation_id = NULL;
  g_autofree char *service_id = NULL;
  g_autofree char *location = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) done = NULL;
  BakenWindow *window;
  BakenSlip *slip;
  const char *entry;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_setenv ("BAKEN_PRINT_TO_DIR", folder, TRUE);
  window = ui_test_window_new (config, FALSE, 1.0, size->width, size->height);
  g_unsetenv ("BAKEN_PRINT_TO_DIR");

  find_path (window_catalog (window), &event_id, &situation_id, &service_id, staff_values);
  service = baken_catalog_get_service (window_catalog (window), service_id, "nl",
                                       BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);

  /* Home → event → situation → service, as a resident taps. */
  location = g_strdup_printf ("event:%s", event_id);
  ui_test_activate_to (window, "kiosk.open-event", event_id, location);
  g_free (location);
  location = g_strdup_printf ("services:%s", situation_id);
  ui_test_activate_to (window, "kiosk.open-event", situation_id, location);
  g_free (location);
  location = g_strdup_printf ("service:%s", service_id);
  ui_test_activate_to (window, "kiosk.open-service", service_id, location);
  assert_shows (window, service->name);
  assert_shows (window, "Printen");
  save_png (window, size, "service");

  /* The preview: the slip as it will print, and the big button. */
  g_free (location);
  location = g_strdup_printf ("print:%s", service_id);
  ui_test_activate_to (window, "kiosk.open-print", service_id, location);
  assert_shows (window, "Zo ziet uw briefje eruit");
  ui_test_wait_preview (window);
  g_assert_cmpstr (baken_print_page_get_state (print_page (window)), ==, "preview");
  assert_shows (window, "Printen");
  assert_shows (window, "Terug");
  assert_shows (window, "Begin");
  save_png (window, size, "print-preview");

  /* What the preview shows is the slip: for the service, never a backoffice number. */
  slip = baken_print_page_get_slip (print_page (window));
  g_assert_nonnull (slip);
  g_assert_cmpstr (slip->service, ==, service->name);
  g_assert_nonnull (slip->life_event);
  g_assert_nonnull (slip->icon);
  for (guint i = 0; i < slip->channels->len; i++)
    {
      BakenSlipChannel *channel = g_ptr_array_index (slip->channels, i);

      for (guint j = 0; j < staff_values->len; j++)
        g_assert_cmpstr (channel->value, !=, g_ptr_array_index (staff_values, j));
    }

  /* Print (the spinner while it prints is checked with a printer that hangs, below),
   * then "take your slip". */
  ui_test_press_print (window);
  g_assert_cmpstr (baken_print_page_get_state (print_page (window)), ==, "printing");
  ui_test_wait_print_state (window, "done", 10000);
  assert_shows (window, "Neem uw briefje uit de printer");
  save_png (window, size, "print-done");

  /* The slip came out of the printer: one PDF with the service and no staff number. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  entry = g_dir_read_name (dir);
  g_assert_nonnull (entry);
  g_assert_true (g_str_has_suffix (entry, ".pdf"));
  pdf = g_build_filename (folder, entry, NULL);
  g_assert_null (g_dir_read_name (dir));
  text = cups_fixture_pdftotext (pdf);
  words = squeeze (text);
  name = squeeze (service->name);
  g_assert_nonnull (strstr (words, name));
  for (guint j = 0; j < staff_values->len; j++)
    {
      g_autofree char *value = squeeze (g_ptr_array_index (staff_values, j));

      g_assert_null (strstr (words, value));
    }

  /* The next tap, anywhere on the page, goes to Home. */
  done = ui_test_find_by_css_class (GTK_WIDGET (window), "print-done");
  g_assert_cmpuint (done->len, ==, 1);
  g_assert_true (gtk_widget_activate (g_ptr_array_index (done, 0)));
  ui_test_assert_location (window, "home", 2000);

  ui_test_window_destroy (window);
  g_unlink (pdf);
}

/* ---- a real cupsd ----------------------------------------------------------------------- */

typedef struct
{
  CupsFixture  cups;
  BakenWindow *window;
  char        *service_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  cups_fixture_setup (&f->cups);
  /* Read by libcups in the printer's worker threads, which do not run yet. */
  g_setenv ("CUPS_SERVER", f->cups.server, TRUE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    ui_test_window_destroy (f->window);
  cups_fixture_teardown (&f->cups);
  g_unsetenv ("CUPS_SERVER");
  g_free (f->service_id);
}

static void
open_window (Fixture    *f,
             const Size *size,
             const char *config_text,
             double      idle_scale)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (config_text);
  g_autofree char *location = NULL;

  f->window = ui_test_window_new (config, FALSE, idle_scale, size->width, size->height);
  f->service_id = find_service_with_url (window_catalog (f->window));
  location = g_strdup_printf ("service:%s", f->service_id);
  ui_test_activate_to (f->window, "kiosk.open-service", f->service_id, location);
}

static void
open_print (Fixture *f)
{
  g_autofree char *location = g_strdup_printf ("print:%s", f->service_id);

  ui_test_activate_to (f->window, "kiosk.open-print", f->service_id, location);
}

/* The printer runs out of paper when the slip reaches it. */
static void
test_media_empty (Fixture       *f,
                  gconstpointer  data)
{
  const Size *size = data;
  g_autoptr(GArray) states = NULL;
  g_autofree char *service_location = NULL;
  double seconds;

  open_window (f, size, "[print]\nprinter = empty\n", 1.0);
  open_print (f);
  ui_test_wait_preview (f->window);
  /* The queue looks fine until it gets a job. */
  ui_test_run (baken_test_scale_ms (300));
  g_assert_cmpstr (baken_print_page_get_state (print_page (f->window)), ==, "preview");

  ui_test_press_print (f->window);
  seconds = ui_test_wait_print_state (f->window, "failed", 10000);
  g_test_message ("told in %.2f s", seconds);
  g_assert_cmpint (baken_print_page_get_print_state (print_page (f->window)), ==,
                   BAKEN_PRINT_STATE_MEDIA_EMPTY);
  assert_failure_screen (f->window, "Het papier van de printer is op.");
  assert_shows (f->window, "Terug");
  save_png (f->window, size, "print-failed");

  /* The job does not wait to print for the next person: cancelled and purged. */
  states = cups_fixture_job_states (&f->cups, "empty");
  g_assert_cmpuint (states->len, ==, 0);

  /* The next resident who wants this slip is told before tapping Print. */
  service_location = g_strdup_printf ("service:%s", f->service_id);
  ui_test_activate_to (f->window, "kiosk.back", NULL, service_location);
  open_print (f);
  seconds = ui_test_wait_print_state (f->window, "failed", 5000);
  g_test_message ("known fault shown %.2f s after the preview opened", seconds);
  assert_failure_screen (f->window, "Het papier van de printer is op.");
  /* Told before a job was made. */
  states = cups_fixture_job_states (&f->cups, "empty");
  g_assert_cmpuint (states->len, ==, 0);
}

typedef struct
{
  gint64 last;
  gint64 max_gap;
  guint  ticks;
} Ticker;

static gboolean
tick_cb (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->last != 0)
    ticker->max_gap = MAX (ticker->max_gap, now - ticker->last);
  ticker->last = now;
  ticker->ticks++;

  return G_SOURCE_CONTINUE;
}

/* cupsd is down: said within 2 s (scaled by baken_test_time_scale ()), the window keeps
 * running, and it recovers. */
static void
test_cupsd_down (Fixture       *f,
                 gconstpointer  data)
{
  const Size *size = data;
  g_autofree char *service_location = NULL;
  g_autofree char *job = g_build_filename (f->cups.out, "job-1.pdf", NULL);
  Ticker ticker = { 0, };
  guint tick_id;
  double seconds;

  open_window (f, size, "[print]\nprinter = slips\n", 1.0);
  service_location = g_strdup_printf ("service:%s", f->service_id);
  tick_id = g_timeout_add (10, tick_cb, &ticker);

  /* Down before the preview: the check says so. */
  cups_fixture_stop (&f->cups);
  open_print (f);
  seconds = ui_test_wait_print_state (f->window, "failed", 2000);
  g_test_message ("check: told in %.2f s, main loop ran %u times, longest gap %.0f ms",
                  seconds, ticker.ticks, ticker.max_gap / 1000.0);
  assert_failure_screen (f->window, "De printer doet het nu niet.");

  /* Back up: the same kiosk prints again without a restart. */
  cups_fixture_start (&f->cups);
  ui_test_activate_to (f->window, "kiosk.back", NULL, service_location);
  open_print (f);
  ui_test_wait_preview (f->window);
  ui_test_run (baken_test_scale_ms (300));
  g_assert_cmpstr (baken_print_page_get_state (print_page (f->window)), ==, "preview");

  /* Down between the check and the print. */
  cups_fixture_stop (&f->cups);
  ticker = (Ticker) { 0, };
  ui_test_press_print (f->window);
  g_assert_cmpstr (baken_print_page_get_state (print_page (f->window)), ==, "printing");
  seconds = ui_test_wait_print_state (f->window, "failed", 2000);
  g_test_message ("print: told in %.2f s, main loop ran %u times, longest gap %.0f ms",
                  seconds, ticker.ticks, ticker.max_gap / 1000.0);
  assert_failure_screen (f->window, "De printer doet het nu niet.");
  /* The window never waited for CUPS. */
  g_assert_cmpuint (ticker.ticks, >=, 2);
  g_assert_cmpint (ticker.max_gap, <, baken_test_scale_us (500 * 1000));

  cups_fixture_start (&f->cups);
  ui_test_activate_to (f->window, "kiosk.back", NULL, service_location);
  open_print (f);
  ui_test_wait_preview (f->window);
  ui_test_press_print (f->window);
  ui_test_wait_print_state (f->window, "done", 20000);
  g_assert_true (g_file_test (job, G_FILE_TEST_EXISTS));

  g_source_remove (tick_id);
}

static gboolean
job_processing (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GArray) states = cups_fixture_job_states (&f->cups, "hang");

  return states->len == 1 && g_array_index (states, int, 0) == IPP_JSTATE_PROCESSING;
}

/* Cancelled and purged: cupsd has no job left that could print. */
static gboolean
job_cancelled (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GArray) states = cups_fixture_job_states (&f->cups, "hang");

  return states->len == 0;
}

/* The resident walks away while the slip is printing: the idle reset cancels the job. */
static void
test_idle_cancels (Fixture       *f,
                   gconstpointer  data)
{
  const Size *size = data;
  GtkWidget *spinner;

  /* 20 s + 5 s at a scale of 0.1: the reset comes 2.5 s after the last tap. */
  open_window (f, size, "[print]\nprinter = hang\n[idle]\ntimeout = 20\ncountdown = 5\n", 0.1);
  open_print (f);
  ui_test_press_print (f->window);
  g_assert_true (ui_test_wait (job_processing, f, 2000));
  ui_test_settle (f->window);
  g_assert_cmpstr (baken_print_page_get_state (print_page (f->window)), ==, "printing");
  assert_shows (f->window, "Uw briefje wordt geprint…");
  spinner = ui_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SPINNER);
  g_assert_nonnull (spinner);
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  save_png (f->window, size, "print-printing");

  ui_test_assert_location (f->window, "home", 5000);
  g_assert_true (ui_test_wait (job_cancelled, f, 3000));
}

/* ---- the largest text ---------------------------------------------------------------- */

static const char * const all_languages[] = { "nl", "en", "ar", "tr", "pl", "uk" };

static void
set_language_and_size (BakenWindow *window,
                       const char  *language)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "a11y.text-size",
                                                     g_variant_new_int32 (BAKEN_TEXT_SIZE_VERY_LARGE)));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "kiosk.language",
                                                     g_variant_new_string (language)));
  ui_test_settle (window);
}

/* The window kept the screen's size and every label is whole. */
static void
assert_fits (BakenWindow *window,
             const Size  *size,
             const char  *screen,
             const char  *language)
{
  g_autofree char *name = g_strdup_printf ("%s (%s)", screen, language);
  guint n;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, size->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, size->height);
  n = ui_test_assert_labels_whole (window, name);
  g_test_message ("%s: %u labels whole", name, n);
  g_assert_cmpuint (n, >, 3);
}

/* The preview, "take your slip" and every failure screen, in all six languages at the
 * largest text: nothing is cut off and the bars stay on the screen. */
static void
test_largest_text (Fixture       *f,
                   gconstpointer  data)
{
  const Size *size = data;
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "slips", NULL);
  g_autofree char *print_location = NULL;
  g_autofree char *service_location = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_setenv ("BAKEN_PRINT_TO_DIR", folder, TRUE);
  open_window (f, size, "[kiosk]\nlanguages = nl;en;ar;tr;pl;uk\n", 1.0);
  g_unsetenv ("BAKEN_PRINT_TO_DIR");
  print_location = g_strdup_printf ("print:%s", f->service_id);
  service_location = g_strdup_printf ("service:%s", f->service_id);

  for (guint i = 0; i < G_N_ELEMENTS (all_languages); i++)
    {
      g_autoptr(GPtrArray) done = NULL;

      set_language_and_size (f->window, all_languages[i]);
      ui_test_activate_to (f->window, "kiosk.open-service", f->service_id, service_location);
      open_print (f);
      ui_test_wait_preview (f->window);
      assert_fits (f->window, size, "print preview", all_languages[i]);

      ui_test_press_print (f->window);
      ui_test_wait_print_state (f->window, "done", 10000);
      assert_fits (f->window, size, "printed", all_languages[i]);

      done = ui_test_find_by_css_class (GTK_WIDGET (f->window), "print-done");
      g_assert_true (gtk_widget_activate (g_ptr_array_index (done, 0)));
      ui_test_assert_location (f->window, "home", 2000);
    }
  ui_test_window_destroy (f->window);

  /* Out of paper: the reason, the desk and the QR code. */
  open_window (f, size, "[kiosk]\nlanguages = nl;en;ar;tr;pl;uk\n[print]\nprinter = empty\n", 1.0);
  for (guint i = 0; i < G_N_ELEMENTS (all_languages); i++)
    {
      g_autoptr(GPtrArray) qr = NULL;

      set_language_and_size (f->window, all_languages[i]);
      ui_test_activate_to (f->window, "kiosk.open-service", f->service_id, service_location);
      open_print (f);
      if (i == 0)
        {
          ui_test_wait_preview (f->window);
          ui_test_press_print (f->window);
        }
      /* After the first job, the next resident is told before tapping Print. */
      ui_test_wait_print_state (f->window, "failed", 10000);
      assert_fits (f->window, size, "print failed", all_languages[i]);
      qr = ui_test_find_by_css_class (GTK_WIDGET (f->window), "qr");
      g_assert_cmpuint (qr->len, ==, 1);
    }
}

/* The preview's texture shows the slip image's own pixels, with no copy on the main
 * thread: the texture keeps the surface, and lets it go with itself. */
static void
test_texture_without_copy (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 3000);
  GdkTexture *texture;
  guint8 *pixels;
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);

  texture = baken_slip_picture_texture_for_surface (surface);
  g_assert_cmpuint (cairo_surface_get_reference_count (surface), ==, 2);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 64);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 3000);

  pixels = g_malloc (64 * 4 * 3000);
  gdk_texture_download (texture, pixels, 64 * 4);
  g_assert_cmpmem (pixels, 64 * 4 * 3000, cairo_image_surface_get_data (surface),
                   64 * 4 * 3000);
  g_free (pixels);

  g_object_unref (texture);
  g_assert_cmpuint (cairo_surface_get_reference_count (surface), ==, 1);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  const Size *sizes[] = { &portrait, &landscape };

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/print/texture-without-copy", test_texture_without_copy);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *folder = g_strdup_printf ("/ui/print/to-folder/%s", sizes[i]->name);
      g_autofree char *empty = g_strdup_printf ("/ui/print/media-empty/%s", sizes[i]->name);
      g_autofree char *idle = g_strdup_printf ("/ui/print/idle-cancels/%s", sizes[i]->name);
      g_autofree char *largest = g_strdup_printf ("/ui/print/largest-text/%s", sizes[i]->name);

      g_test_add_data_func (folder, sizes[i], test_to_folder);
      g_test_add (empty, Fixture, sizes[i], fixture_setup, test_media_empty, fixture_teardown);
      g_test_add (idle, Fixture, sizes[i], fixture_setup, test_idle_cancels, fixture_teardown);
      g_test_add (largest, Fixture, sizes[i], fixture_setup, test_largest_text,
                  fixture_teardown);
    }
  g_test_add ("/ui/print/cupsd-down", Fixture, &portrait, fixture_setup, test_cupsd_down,
              fixture_teardown);

  return g_test_run ();
}
