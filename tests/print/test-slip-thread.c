/* test-slip-thread.c: slips drawn in the background share one thread that stays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pango gives each thread a font map of its own, and GLib's shared pool of GTask threads
 * starts and ends threads as work comes and goes: a slip drawn on a new thread loaded its
 * fonts anew and left part of them behind (a kiosk that runs for months grew with every
 * print preview). baken_slip_render_*_async () draw on one thread, "baken-slip", that
 * lives as long as the process: these tests look for it in /proc/self/task.
 */
#include "config.h"

#include <gio/gio.h>

#include "baken-slip.h"
#include "baken-slip-render.h"
#include "slip-test-content.h"

#define SLIP_THREAD_NAME "baken-slip"

static BakenCatalog *catalog;

static BakenSlip *
make_slip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2025, 12, 23, 9, 0, 0);
  BakenSlipPlace place = { .name = "Bibliotheek Teststad" };

  service = baken_catalog_get_service (catalog, "svc-schuldhulp", "nl", BAKEN_AUDIENCE_PUBLIC,
                                       &error);
  g_assert_no_error (error);

  return baken_slip_new (service, NULL, &place, now, "42", "nl");
}

/* The ids of this process's threads called SLIP_THREAD_NAME. */
static GArray *
slip_threads (void)
{
  g_autoptr(GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  const char *name;

  g_assert_nonnull (tasks);
  while ((name = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", name, "comm", NULL);
      g_autofree char *comm = NULL;
      guint64 id;

      /* A thread that ended since the folder was read has no comm any more. */
      if (!g_file_get_contents (path, &comm, NULL, NULL))
        continue;
      if (g_strcmp0 (g_strstrip (comm), SLIP_THREAD_NAME) != 0)
        continue;
      id = g_ascii_strtoull (name, NULL, 10);
      g_array_append_val (ids, id);
    }

  return ids;
}

/* The one slip thread's id; fails when there is none or more than one. A thread the
 * slip thread starts (fontconfig's, when Pango first loads fonts) has its name for the
 * moment before it names itself: it gets up to two seconds to do so. */
static guint64
the_slip_thread (void)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_TIME_SPAN_SECOND;
  g_autoptr(GArray) ids = slip_threads ();

  while (ids->len > 1 && g_get_monotonic_time () < deadline)
    {
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
      g_array_unref (ids);
      ids = slip_threads ();
    }
  g_assert_cmpuint (ids->len, ==, 1);

  return g_array_index (ids, guint64, 0);
}

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
draw_preview (BakenSlip *slip)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  baken_slip_render_image_async (slip, BAKEN_PAPER_RECEIPT_80MM, 4, NULL, result_cb, &result);
  wait_for (&result);
  image = baken_slip_render_image_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 320);
  cairo_surface_destroy (image);
}

static void
sleep_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_task_return_boolean (task, TRUE);
}

static void
count_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *done = user_data;

  (*done)++;
}

/* Work in GLib's shared pool that needs more threads than it keeps: it starts them, and
 * ends those it does not keep once the work is done. */
static void
churn_shared_pool (void)
{
  guint done = 0;

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, count_done_cb, &done);

      g_task_run_in_thread (task, sleep_thread);
    }
  while (done < 8)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_one_thread (void)
{
  g_autoptr(BakenSlip) slip = make_slip ();
  g_autoptr(GAsyncResult) pdf_result = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  guint64 first;

  draw_preview (slip);
  first = the_slip_thread ();

  /* The same thread after the shared pool has started and ended threads … */
  churn_shared_pool ();
  g_usleep (100 * G_TIME_SPAN_MILLISECOND);
  draw_preview (slip);
  g_assert_cmpuint (the_slip_thread (), ==, first);

  /* … for the printer's PDF too, and it is still there when it is idle. */
  baken_slip_render_pdf_async (slip, BAKEN_PAPER_A5, NULL, result_cb, &pdf_result);
  wait_for (&pdf_result);
  pdf = baken_slip_render_pdf_finish (pdf_result, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  g_assert_cmpuint (the_slip_thread (), ==, first);
}

static void
test_queued (void)
{
  g_autoptr(BakenSlip) slip = make_slip ();
  GAsyncResult *results[6] = { NULL, };
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  /* Six at once: drawn one after the other on the one thread, each answered; one that
   * was cancelled before its turn is answered with G_IO_ERROR_CANCELLED. */
  g_cancellable_cancel (cancelled);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    baken_slip_render_image_async (slip, BAKEN_PAPER_RECEIPT_80MM, 2 + i,
                                   i == 3 ? cancelled : NULL, result_cb, &results[i]);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    wait_for (&results[i]);
  g_assert_cmpuint (the_slip_thread (), !=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      image = baken_slip_render_image_finish (results[i], &error);
      if (i == 3)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_null (image);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpint (cairo_image_surface_get_width (image), ==, 80 * (2 + i));
          cairo_surface_destroy (image);
        }
      g_object_unref (results[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  catalog = slip_test_content_open ();

  g_test_add_func ("/print/slip-thread/one-thread", test_one_thread);
  g_test_add_func ("/print/slip-thread/queued", test_queued);

  status = g_test_run ();

  slip_test_content_close (catalog);

  return status;
}
