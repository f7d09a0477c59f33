/* slip.c: how long a slip takes to render, and to print through cupsd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run: BUILD_DIR/bench/slip [ROUNDS] [--server HOST:PORT --printer QUEUE]
 *
 * Renders a short slip (one phone and an e-mail address) and a long one (three channels
 * with a week of hours, an address, a 200-character name, a handover note) from the test
 * content in tests/data/build: PDF for receipt and A4, and the on-screen preview at
 * 6 px/mm. Prints the median and the slowest round in milliseconds. With --printer it
 * also submits the long receipt slip ROUNDS times and prints submit-to-completed times.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "baken-catalog.h"
#include "baken-config.h"
#include "baken-content-build.h"
#include "baken-cups-printer.h"
#include "baken-slip.h"
#include "baken-slip-render.h"

typedef enum {
  KIND_PDF,
  KIND_IMAGE,
} Kind;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare_doubles);
  printf ("%-34s median %7.2f ms   max %7.2f ms   (%u rounds)\n", what,
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len - 1), times->len);
}

static void
bench_render (const char *what,
              BakenSlip  *slip,
              BakenPaper  paper,
              Kind        kind,
              guint       rounds)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (kind == KIND_PDF)
        {
          g_autoptr(GBytes) pdf = baken_slip_render_pdf (slip, paper, &error);

          g_assert_no_error (error);
        }
      else
        {
          cairo_surface_t *image = baken_slip_render_image (slip, paper, 6, &error);

          g_assert_no_error (error);
          cairo_surface_destroy (image);
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  report (what, times);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
bench_print (const char *server,
             const char *queue,
             BakenSlip  *slip,
             guint       rounds)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new (queue, server, 30);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = baken_slip_render_pdf (slip, BAKEN_PAPER_RECEIPT_80MM, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      baken_printer_submit_async (printer, pdf, NULL, done_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      if (!baken_printer_submit_finish (printer, result, &error))
        {
          fprintf (stderr, "slip: printing failed: %s\n", error->message);
          return;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  report ("submit to completed (receipt)", times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *queue = NULL;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, "cupsd to print to", "HOST:PORT" },
    { "printer", 0, 0, G_OPTION_ARG_STRING, &queue, "Queue to print to", "QUEUE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[ROUNDS]");
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(BakenCatalog) catalog = NULL;
  g_autoptr(BakenService) short_service = NULL;
  g_autoptr(BakenService) long_service = NULL;
  g_autoptr(BakenConfig) config = baken_config_new ();
  BakenSlipPlace place;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(BakenSlip) short_slip = NULL;
  g_autoptr(BakenSlip) long_slip = NULL;
  BakenBuildOptions options = { .serial = 42 };
  guint rounds = 50;
  GString *name;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "slip: %s\n", error->message);
      return 2;
    }
  if (argc > 1)
    rounds = MAX (1, atoi (argv[1]));

  dir = g_dir_make_tmp ("baken-bench-slip-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "content.sqlite", NULL);
  baken_content_build (BENCH_TEST_CONTENT, db, &options, NULL, &error);
  g_assert_no_error (error);
  catalog = baken_catalog_new_for_path (db, &error);
  g_assert_no_error (error);

  short_service = baken_catalog_get_service (catalog, "svc-bijstand", "nl",
                                             BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  long_service = baken_catalog_get_service (catalog, "svc-schuldhulp", "nl",
                                            BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  name = g_string_new ("Ondersteuning bij Schuldhulpverleningstrajectbegeleidingsaanvragen");
  while (name->len < 200)
    g_string_append (name, " en nog meer hulp");
  g_free (long_service->name);
  long_service->name = g_string_free (name, FALSE);
  g_free (long_service->url);
  long_service->url = g_strdup ("https://teststad.example/schulden");

  baken_config_get_slip_place (config, &place);
  short_slip = baken_slip_new (short_service, NULL, &place, now, "42", "nl");
  long_slip = baken_slip_new (long_service, NULL, &place, now, "42", "nl");
  baken_slip_set_note (long_slip, "Heeft al een gesprek gehad; vraag naar Fatima.");

  bench_render ("short slip: PDF receipt", short_slip, BAKEN_PAPER_RECEIPT_80MM, KIND_PDF, rounds);
  bench_render ("short slip: PDF A4", short_slip, BAKEN_PAPER_A4, KIND_PDF, rounds);
  bench_render ("short slip: preview receipt 6 px/mm", short_slip, BAKEN_PAPER_RECEIPT_80MM,
                KIND_IMAGE, rounds);
  bench_render ("long slip: PDF receipt", long_slip, BAKEN_PAPER_RECEIPT_80MM, KIND_PDF, rounds);
  bench_render ("long slip: PDF A4", long_slip, BAKEN_PAPER_A4, KIND_PDF, rounds);
  bench_render ("long slip: preview receipt 6 px/mm", long_slip, BAKEN_PAPER_RECEIPT_80MM,
                KIND_IMAGE, rounds);
  bench_render ("long slip: preview A4 6 px/mm", long_slip, BAKEN_PAPER_A4, KIND_IMAGE, rounds);

  if (queue != NULL || server != NULL)
    bench_print (server, queue, long_slip, MIN (rounds, 20));

  g_unlink (db);
  g_rmdir (dir);

  return 0;
}
