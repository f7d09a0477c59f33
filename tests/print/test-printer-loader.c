/* test-printer-loader.c: the kiosk's CUPS printer, loaded from its module at first use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Without the module a check or a slip fails with a message that names the file, and
 * the next call tries again; with it, the calls go through libcups to a real cupsd
 * (cups-fixture.h). The test environment points BAKEN_MODULE_DIR at the build.
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>

#include "baken-printer-loader.h"
#include "cups-fixture.h"
#include "test-util.h"

static char *built_dir;  /* BAKEN_MODULE_DIR as the test started */

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Submits (pdf) or checks (NULL) and waits for the answer, as the print page does;
 * returns the error, NULL when it printed or is ready. */
static GError *
run_printer (BakenPrinter *printer,
             GBytes       *pdf)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  if (pdf != NULL)
    baken_printer_submit_async (printer, pdf, NULL, done_cb, &result);
  else
    baken_printer_check_async (printer, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_async_result_get_source_object (result) == (GObject *) printer);
  g_object_unref (printer);  /* the ref get_source_object took */
  if (pdf != NULL)
    baken_printer_submit_finish (printer, result, &error);
  else
    baken_printer_check_finish (printer, result, &error);

  return error;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A one-line PDF, as a slip would be. */
static GBytes *
make_pdf (const char *text)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, 226, 200);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  cairo_move_to (cr, 10, 40);
  cairo_show_text (cr, text);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (bytes);
}

/* No module: both calls fail and say which file; with the module back, the same
 * printer loads it and asks CUPS (nothing listens on port 9: the service is down). */
static void
test_missing_module (void)
{
  g_autofree char *empty = g_build_filename (g_get_user_cache_dir (), "no-modules", NULL);
  g_autofree char *file = g_build_filename (empty, "libbaken-print-cups.so", NULL);
  g_autoptr(BakenPrinter) printer = baken_printer_loader_new_cups ("slips", "127.0.0.1:9", 20);
  g_autoptr(GBytes) pdf = make_pdf ("Geen module");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  g_setenv ("BAKEN_MODULE_DIR", empty, TRUE);

  error = run_printer (printer, NULL);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_FAILED);
  g_assert_nonnull (strstr (error->message, file));
  g_assert_nonnull (strstr (error->message, "No such file"));
  g_clear_error (&error);
  error = run_printer (printer, pdf);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_FAILED);
  g_assert_nonnull (strstr (error->message, file));
  g_clear_error (&error);

  g_setenv ("BAKEN_MODULE_DIR", built_dir, TRUE);
  error = run_printer (printer, NULL);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_CUPSD_DOWN);

  baken_test_assert_finalized_soon (g_steal_pointer (&printer));
}

/* Through the module to a real cupsd: the check says ready, the slip comes out. */
static void
test_prints (void)
{
  CupsFixture cups = { 0 };
  g_autoptr(BakenPrinter) printer = NULL;
  g_autoptr(GBytes) pdf = make_pdf ("Geladen bij de eerste bon");
  g_autoptr(GError) error = NULL;
  g_autofree char *job = NULL;
  g_autofree char *text = NULL;

  cups_fixture_setup (&cups);
  printer = baken_printer_loader_new_cups ("slips", cups.server, 20);

  error = run_printer (printer, NULL);
  g_assert_no_error (error);
  error = run_printer (printer, pdf);
  g_assert_no_error (error);

  job = g_build_filename (cups.out, "job-1.pdf", NULL);
  g_assert_cmpuint (cups_fixture_count_files (cups.out), ==, 1);
  text = cups_fixture_pdftotext (job);
  g_assert_nonnull (strstr (text, "Geladen bij de eerste bon"));

  baken_test_assert_finalized_soon (g_steal_pointer (&printer));
  cups_fixture_teardown (&cups);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  built_dir = g_strdup (g_getenv ("BAKEN_MODULE_DIR"));
  if (built_dir == NULL)
    {
      g_test_skip ("BAKEN_MODULE_DIR is not set: run through meson test");
      return g_test_run ();
    }

  g_test_add_func ("/print/printer-loader/missing-module", test_missing_module);
  g_test_add_func ("/print/printer-loader/prints", test_prints);

  return g_test_run ();
}
