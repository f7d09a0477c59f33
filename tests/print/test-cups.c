/* test-cups.c: printing slips through a real cupsd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test starts its own cupsd with queues of our own backends (cups-fixture.h) and
 * stops it in the teardown; the printed PDF is read back with pdftotext.
 */
#include "config.h"

#include <string.h>

#include <cups/cups.h>
#include <glib/gstdio.h>

#include "baken-catalog.h"
#include "baken-config.h"
#include "baken-content-build.h"
#include "baken-cups-printer.h"
#include "baken-file-printer.h"
#include "baken-slip.h"
#include "baken-slip-render.h"
#include "cups-fixture.h"
#include "test-util.h"

#define STAFF_NUMBER "030 123 45 99"
#define PUBLIC_NUMBER "030 123 45 67"

typedef struct
{
  CupsFixture  cups;
  GBytes      *pdf;   /* a slip */
  BakenSlip   *slip;
} Fixture;

static BakenSlip *
fixture_slip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "data", "build", NULL);
  g_autofree char *db = g_build_filename (g_get_user_cache_dir (), "content.sqlite", NULL);
  BakenBuildOptions options = { .serial = 42, .created = "2025-12-01T00:00:00Z" };
  g_autoptr(BakenCatalog) catalog = NULL;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(BakenConfig) config = baken_config_new ();
  BakenSlipPlace place;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2025, 12, 23, 9, 0, 0);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  baken_content_build (src, db, &options, NULL, &error);
  g_assert_no_error (error);
  catalog = baken_catalog_new_for_path (db, &error);
  g_assert_no_error (error);
  /* As desk staff see it: the backoffice number is there and must not print. */
  service = baken_catalog_get_service (catalog, "svc-schuldhulp", "nl", BAKEN_AUDIENCE_STAFF,
                                       &error);
  g_assert_no_error (error);

  baken_config_get_slip_place (config, &place);
  return baken_slip_new (service, NULL, &place, now, "42", "nl");
}

static void
fixture_init (Fixture    *f,
              const char *extra_conf)
{
  g_autoptr(GError) error = NULL;

  cups_fixture_setup_full (&f->cups, extra_conf);
  f->slip = fixture_slip ();
  f->pdf = baken_slip_render_pdf (f->slip, BAKEN_PAPER_RECEIPT_80MM, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_init (f, NULL);
}

/* A cupsd that keeps every job's document and record, as Debian's default cupsd.conf
 * does (for a day), whatever the kiosk settings say. */
static void
fixture_setup_preserving (Fixture       *f,
                          gconstpointer  data)
{
  fixture_init (f, "PreserveJobFiles Yes\nPreserveJobHistory Yes\n");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  cups_fixture_teardown (&f->cups);
  g_clear_pointer (&f->slip, baken_slip_unref);
  g_clear_pointer (&f->pdf, g_bytes_unref);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Submits (pdf) or checks (NULL) and waits for the answer, as the UI would; returns the
 * error (NULL: printed) and how long it took. */
static GError *
run_printer (BakenPrinter *printer,
             GBytes       *pdf,
             GCancellable *cancellable,
             double       *seconds)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (pdf != NULL)
    baken_printer_submit_async (printer, pdf, cancellable, done_cb, &result);
  else
    baken_printer_check_async (printer, cancellable, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (pdf != NULL)
    baken_printer_submit_finish (printer, result, &error);
  else
    baken_printer_check_finish (printer, result, &error);
  if (seconds != NULL)
    *seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  return error;
}

static void
test_prints (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->cups.server, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = NULL;
  g_autofree char *job = g_build_filename (f->cups.out, "job-1.pdf", NULL);
  g_autofree char *text = NULL;
  double seconds;

  error = run_printer (printer, NULL, NULL, NULL);
  g_assert_no_error (error);

  error = run_printer (printer, f->pdf, NULL, &seconds);
  g_assert_no_error (error);
  g_test_message ("submitted to completed: %.2f s", seconds);

  /* What came out of the printer is the slip. */
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 1);
  text = cups_fixture_pdftotext (job);
  g_assert_nonnull (strstr (text, "Hulp bij schulden"));
  g_assert_nonnull (strstr (text, PUBLIC_NUMBER));
  g_assert_nonnull (strstr (text, "23 december 2025"));
  g_assert_null (strstr (text, STAFF_NUMBER));

  /* Printed and purged: cupsd keeps nothing of it. */
  states = cups_fixture_job_states (&f->cups, "slips");
  g_assert_cmpuint (states->len, ==, 0);
}

typedef struct
{
  const char      *queue;
  BakenPrintState  state;
  const char      *message;   /* what the resident reads */
} Fault;

static const Fault faults[] = {
  { "empty", BAKEN_PRINT_STATE_MEDIA_EMPTY, "Het papier van de printer is op." },
  { "needed", BAKEN_PRINT_STATE_MEDIA_EMPTY, "Het papier van de printer is op." },
  { "jam", BAKEN_PRINT_STATE_MEDIA_JAM, "Het papier zit vast in de printer." },
  { "cover", BAKEN_PRINT_STATE_COVER_OPEN, "De klep van de printer staat open." },
  { "offline", BAKEN_PRINT_STATE_OFFLINE, "De printer staat uit of is niet aangesloten." },
};

static void
test_fault (Fixture       *f,
            gconstpointer  data)
{
  const Fault *fault = data;
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new (fault->queue, f->cups.server, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(GArray) states = NULL;
  double seconds;

  /* The printer looks fine until it gets a job. */
  error = run_printer (printer, NULL, NULL, NULL);
  g_assert_no_error (error);

  error = run_printer (printer, f->pdf, NULL, &seconds);
  g_assert_error (error, BAKEN_PRINT_ERROR, fault->state);
  g_assert_cmpstr (baken_print_state_get_message (baken_print_state_from_error (error)), ==,
                   fault->message);
  /* Told at once, not at the timeout (20 s). */
  g_assert_cmpfloat (seconds, <, MIN (baken_test_scale_seconds (10), 19));

  states = cups_fixture_job_states (&f->cups, fault->queue);
  /* Cancelled and purged: cupsd has no job left that could print later. */
  g_assert_cmpuint (states->len, ==, 0);

  /* A queue that the fault stopped says so before the next job. */
  if (fault->state == BAKEN_PRINT_STATE_MEDIA_EMPTY)
    {
      again = run_printer (printer, NULL, NULL, NULL);
      g_assert_error (again, BAKEN_PRINT_ERROR, fault->state);
    }
}

static void
test_stopped (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->cups.server, 20);
  g_autoptr(GError) check = NULL;
  g_autoptr(GError) submit = NULL;
  g_autoptr(GError) rejecting = NULL;
  g_autoptr(GArray) states = NULL;

  cups_fixture_run_tool (&f->cups, "cupsdisable", "slips", NULL);
  check = run_printer (printer, NULL, NULL, NULL);
  g_assert_error (check, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_STOPPED);
  g_assert_cmpstr (baken_print_state_get_message (check->code), ==, "De printer is gestopt.");
  submit = run_printer (printer, f->pdf, NULL, NULL);
  g_assert_error (submit, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_STOPPED);

  /* Nothing was queued to print when the printer is started again. */
  states = cups_fixture_job_states (&f->cups, "slips");
  g_assert_cmpuint (states->len, ==, 0);
  cups_fixture_run_tool (&f->cups, "cupsenable", "slips", NULL);

  /* Not accepting jobs counts as stopped too. */
  cups_fixture_run_tool (&f->cups, "cupsreject", "slips", NULL);
  rejecting = run_printer (printer, NULL, NULL, NULL);
  g_assert_error (rejecting, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_STOPPED);
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 0);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->cups.server, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) later = NULL;
  g_autoptr(GArray) states = NULL;
  g_autofree char *second_job = g_build_filename (f->cups.out, "job-2.pdf", NULL);
  double seconds;

  /* The printer takes its time: the job cannot finish within 2 s. */
  cups_fixture_write_file (f->cups.dir, "hold", "", 0644);
  error = run_printer (printer, f->pdf, NULL, &seconds);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_TIMED_OUT);
  g_assert_cmpstr (baken_print_state_get_message (error->code), ==,
                   "Het printen duurde te lang en is gestopt.");
  g_assert_cmpfloat (seconds, >=, 2);
  g_assert_cmpfloat (seconds, <, 2 + baken_test_scale_seconds (2));
  states = cups_fixture_job_states (&f->cups, "slips");
  /* Cancelled and purged: cupsd has no job left that could print later. */
  g_assert_cmpuint (states->len, ==, 0);

  /* The printer recovers and is restarted: the stale slip never comes out, while the
   * next resident's slip does. The queue prints in order, so once the later job (2) is
   * out, the stale one (1) would have come out before it: no need to wait a while. */
  g_assert_cmpint (g_unlink (f->cups.hold), ==, 0);
  cups_fixture_run_tool (&f->cups, "cupsdisable", "slips", NULL);
  cups_fixture_run_tool (&f->cups, "cupsenable", "slips", NULL);
  later = run_printer (printer, f->pdf, NULL, NULL);
  g_assert_no_error (later);
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 1);
  g_assert_true (g_file_test (second_job, G_FILE_TEST_EXISTS));
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("hang", f->cups.server, 60);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = NULL;
  double seconds;

  /* The resident walks away (idle reset) while the slip is printing. */
  g_timeout_add (500, cancel_cb, cancellable);
  error = run_printer (printer, f->pdf, cancellable, &seconds);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (seconds, <, 0.5 + baken_test_scale_seconds (2.5));
  states = cups_fixture_job_states (&f->cups, "hang");
  /* Cancelled and purged: cupsd has no job left that could print later. */
  g_assert_cmpuint (states->len, ==, 0);
}

static gboolean
cancel_all_cb (gpointer user_data)
{
  CupsFixture *cups = user_data;

  cups_fixture_run_tool (cups, "cancel", "-a", "slips", NULL);
  return G_SOURCE_REMOVE;
}

/* cupsd cancels the job while it prints (someone at the server ran cancel -a): the
 * resident is told it failed, not made to wait for the timeout, and the slip never
 * comes out. */
static void
test_cupsd_cancels (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->cups.server, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = NULL;

  cups_fixture_write_file (f->cups.dir, "hold", "", 0644);
  g_timeout_add (1000, cancel_all_cb, &f->cups);
  error = run_printer (printer, f->pdf, NULL, NULL);
  g_test_message ("%s", error != NULL ? error->message : "printed");
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_FAILED);
  g_assert_nonnull (strstr (error->message, "was cancelled by the print service"));
  states = cups_fixture_job_states (&f->cups, "slips");
  /* Cancelled and purged: cupsd has no job left that could print later. */
  g_assert_cmpuint (states->len, ==, 0);

  g_assert_cmpint (g_unlink (f->cups.hold), ==, 0);
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 0);
}

/* A cupsd that keeps job files (PreserveJobFiles Yes): the kiosk purges each of its
 * jobs once it is done or cancelled, so no slip stays in the spool. While it waits, the
 * job has a generic name: nothing a resident or a clerk typed. */
static void
test_purges (Fixture       *f,
             gconstpointer  data)
{
  const char * const generic[] = { "Baken", NULL };
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->cups.server, 20);
  g_autoptr(BakenPrinter) hanging = baken_cups_printer_new ("hang", f->cups.server, 2);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = NULL;
  g_auto(GStrv) titles = NULL;
  gint64 end = g_get_monotonic_time () + baken_test_scale_us (5 * G_USEC_PER_SEC);

  cups_fixture_write_file (f->cups.dir, "hold", "", 0644);
  baken_printer_submit_async (printer, f->pdf, NULL, done_cb, &result);
  while (titles == NULL || titles[0] == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (50 * 1000);
      g_clear_pointer (&titles, g_strfreev);
      titles = cups_fixture_job_titles (&f->cups, "slips");
    }
  g_assert_cmpstrv (titles, generic);
  /* Its control file and the slip's PDF are in the spool while it waits. cupsd lists
   * the job as soon as Create-Job is done, and the slip's file only arrives with
   * Send-Document a moment later (under load, after the title was read): wait for
   * both, so that the purge below is seen to remove something. */
  while (cups_fixture_count_spooled (&f->cups) < 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (50 * 1000);
    }
  g_assert_cmpuint (cups_fixture_count_spooled (&f->cups), ==, 2);

  g_assert_cmpint (g_unlink (f->cups.hold), ==, 0);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  baken_printer_submit_finish (printer, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 1);
  g_assert_cmpuint (cups_fixture_count_spooled (&f->cups), ==, 0);
  states = cups_fixture_job_states (&f->cups, "slips");
  g_assert_cmpuint (states->len, ==, 0);

  /* A job cancelled at the timeout is purged too. */
  error = run_printer (hanging, f->pdf, NULL, NULL);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_TIMED_OUT);
  g_assert_cmpuint (cups_fixture_count_spooled (&f->cups), ==, 0);
  g_clear_pointer (&states, g_array_unref);
  states = cups_fixture_job_states (&f->cups, "hang");
  g_assert_cmpuint (states->len, ==, 0);
}

static void
remove_matching (const char *dir,
                 const char *pattern)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_pattern_match_simple (pattern, name))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
      }
}

/* cupsd restarts without the job (its spool and job cache are gone). */
static gboolean
lose_job_cb (gpointer user_data)
{
  CupsFixture *cups = user_data;
  g_autofree char *spool = g_build_filename (cups->dir, "spool", NULL);
  g_autofree char *cache = g_build_filename (cups->dir, "cache", NULL);

  cups_fixture_stop (cups);
  remove_matching (spool, "c0*");
  remove_matching (spool, "d0*");
  remove_matching (cache, "job.cache*");
  cups_fixture_start (cups);
  return G_SOURCE_REMOVE;
}

/* cupsd loses the job midway: the printer gives up at its timeout, says so, and the
 * slip never comes out later. */
static void
test_cupsd_loses_job (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->cups.server, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) later = NULL;
  g_autoptr(GArray) states = NULL;

  cups_fixture_write_file (f->cups.dir, "hold", "", 0644);
  g_timeout_add (1000, lose_job_cb, &f->cups);
  error = run_printer (printer, f->pdf, NULL, NULL);
  g_test_message ("%s", error != NULL ? error->message : "printed");
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_TIMED_OUT);
  states = cups_fixture_job_states (&f->cups, "slips");
  g_assert_cmpuint (states->len, ==, 0);

  /* The printer is fine again: the next slip prints, the lost one never does. */
  g_assert_cmpint (g_unlink (f->cups.hold), ==, 0);
  later = run_printer (printer, f->pdf, NULL, NULL);
  g_assert_no_error (later);
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 1);
}

static void
test_cupsd_down (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->cups.server, 20);
  g_autoptr(GError) down = NULL;
  g_autoptr(GError) submit = NULL;
  g_autoptr(GError) back = NULL;
  double seconds;

  cups_fixture_stop (&f->cups);
  down = run_printer (printer, NULL, NULL, &seconds);
  g_assert_error (down, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_CUPSD_DOWN);
  g_assert_cmpfloat (seconds, <, baken_test_scale_seconds (2));
  g_assert_cmpstr (baken_print_state_get_message (down->code), ==, "De printer doet het nu niet.");
  submit = run_printer (printer, f->pdf, NULL, &seconds);
  g_assert_error (submit, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_CUPSD_DOWN);
  g_assert_cmpfloat (seconds, <, baken_test_scale_seconds (2));

  /* cupsd comes back: the same printer object works again, nothing to reset. */
  cups_fixture_start (&f->cups);
  back = run_printer (printer, NULL, NULL, NULL);
  g_assert_no_error (back);
  g_clear_error (&back);
  back = run_printer (printer, f->pdf, NULL, NULL);
  g_assert_no_error (back);
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 1);
}

static void
test_no_printer (Fixture       *f,
                 gconstpointer  data)
{
  /* No queue configured and no CUPS default. */
  g_autoptr(BakenPrinter) unset = baken_cups_printer_new (NULL, f->cups.server, 20);
  g_autoptr(BakenPrinter) missing = baken_cups_printer_new ("bonprinter", f->cups.server, 20);
  g_autoptr(BakenPrinter) by_default = baken_cups_printer_new (NULL, f->cups.server, 20);
  g_autoptr(GError) error = NULL;

  error = run_printer (unset, NULL, NULL, NULL);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_NO_PRINTER);
  g_assert_cmpstr (baken_print_state_get_message (error->code), ==,
                   "Deze kiosk heeft geen printer.");
  g_clear_error (&error);
  error = run_printer (unset, f->pdf, NULL, NULL);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_NO_PRINTER);
  g_clear_error (&error);
  error = run_printer (missing, f->pdf, NULL, NULL);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_NO_PRINTER);
  g_assert_nonnull (strstr (error->message, "bonprinter"));
  g_clear_error (&error);
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 0);

  /* With a CUPS default, NULL prints there. */
  cups_fixture_run_tool (&f->cups, "lpadmin", "-d", "slips", NULL);
  error = run_printer (by_default, f->pdf, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (cups_fixture_count_files (f->cups.out), ==, 1);
}

/* A listener at a loopback port that accepts and answers one byte every half second,
 * for ever: a status line and headers that never end. Silent, it accepts and never
 * answers at all. No real cupsd can be made to do this, so it is a fake. */
typedef struct
{
  GSocket  *socket;     /* (owned) listening */
  GThread  *thread;     /* (owned) */
  gboolean  silent;     /* accept, never send a byte */
  gint      stop;       /* atomic */
  char     *server;     /* (owned) "127.0.0.1:PORT" */
} Trickler;

static gpointer
trickle_thread (gpointer data)
{
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/ipp\r\nX-Trickle: ";
  Trickler *t = data;
  g_autoptr(GPtrArray) clients = g_ptr_array_new_with_free_func (g_object_unref);
  gsize sent = 0;

  while (!g_atomic_int_get (&t->stop))
    {
      GSocket *client;

      /* Take new connections, then send each one byte more. */
      while ((client = g_socket_accept (t->socket, NULL, NULL)) != NULL)
        {
          g_socket_set_blocking (client, FALSE);
          g_ptr_array_add (clients, client);
        }
      for (guint i = 0; i < clients->len && !t->silent; i++)
        {
          const char *byte = sent < sizeof head - 1 ? head + sent : "x";

          g_socket_send (g_ptr_array_index (clients, i), byte, 1, NULL, NULL);
        }
      sent++;
      g_usleep (G_USEC_PER_SEC / 2);
    }

  return NULL;
}

static Trickler *
trickler_start (gboolean silent)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  Trickler *t = g_new0 (Trickler, 1);

  t->silent = silent;
  t->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                            G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (t->socket, address, FALSE, &error);
  g_assert_no_error (error);
  g_socket_listen (t->socket, &error);
  g_assert_no_error (error);
  g_socket_set_blocking (t->socket, FALSE);
  bound = g_socket_get_local_address (t->socket, &error);
  g_assert_no_error (error);
  t->server = g_strdup_printf ("127.0.0.1:%u",
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  t->thread = g_thread_new ("trickler", trickle_thread, t);

  return t;
}

static void
trickler_stop (Trickler *t)
{
  g_atomic_int_set (&t->stop, TRUE);
  g_thread_join (t->thread);
  g_object_unref (t->socket);
  g_free (t->server);
  g_free (t);
}

/* A print server that trickles its answer, or one that accepts and never answers: the
 * check and the submit fail at the timeout (2 s), with the message for a print that took
 * too long, and never hang. */
static void
test_stalling_server (gconstpointer data)
{
  gboolean silent = GPOINTER_TO_INT (data);
  Trickler *t = trickler_start (silent);
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", t->server, 2);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5 test", 13);
  g_autoptr(GError) check = NULL;
  g_autoptr(GError) submit = NULL;
  double seconds;

  check = run_printer (printer, NULL, NULL, &seconds);
  g_test_message ("check: %.2f s: %s", seconds, check != NULL ? check->message : "(no error)");
  g_assert_error (check, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_TIMED_OUT);
  g_assert_nonnull (strstr (check->message, t->server));
  g_assert_nonnull (strstr (check->message, "within 2 seconds"));
  g_assert_cmpfloat (seconds, >=, 2);
  g_assert_cmpfloat (seconds, <, 2 + baken_test_scale_seconds (1.5));

  submit = run_printer (printer, pdf, NULL, &seconds);
  g_test_message ("submit: %.2f s: %s", seconds,
                  submit != NULL ? submit->message : "(no error)");
  g_assert_error (submit, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_TIMED_OUT);
  g_assert_cmpstr (baken_print_state_get_message (submit->code), ==,
                   "Het printen duurde te lang en is gestopt.");
  g_assert_cmpfloat (seconds, >=, 2);
  g_assert_cmpfloat (seconds, <, 2 + baken_test_scale_seconds (1.5));

  trickler_stop (t);
}

static void
test_file_printer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "slips", NULL);
  g_autofree char *missing_dir = g_build_filename (g_get_user_cache_dir (), "none", NULL);
  g_autoptr(BakenPrinter) printer = baken_file_printer_new (dir);
  g_autoptr(BakenPrinter) missing = baken_file_printer_new (missing_dir);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5 test", 13);

  g_mkdir_with_parents (dir, 0700);
  error = run_printer (printer, NULL, NULL, NULL);
  g_assert_no_error (error);
  error = run_printer (printer, pdf, NULL, NULL);
  g_assert_no_error (error);
  error = run_printer (printer, pdf, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (cups_fixture_count_files (dir), ==, 2);

  error = run_printer (missing, pdf, NULL, NULL);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_NO_PRINTER);
}

static void
test_reasons (void)
{
  const struct {
    const char      *reason;
    BakenPrintState  state;
  } cases[] = {
    { "media-empty", BAKEN_PRINT_STATE_MEDIA_EMPTY },
    { "media-empty-error", BAKEN_PRINT_STATE_MEDIA_EMPTY },
    { "media-empty-warning", BAKEN_PRINT_STATE_MEDIA_EMPTY },
    { "media-needed-report", BAKEN_PRINT_STATE_MEDIA_EMPTY },
    { "media-jam-error", BAKEN_PRINT_STATE_MEDIA_JAM },
    { "cover-open-warning", BAKEN_PRINT_STATE_COVER_OPEN },
    { "offline-report", BAKEN_PRINT_STATE_OFFLINE },
    { "paused", BAKEN_PRINT_STATE_STOPPED },
    { "none", BAKEN_PRINT_STATE_OK },
    { "media-low-warning", BAKEN_PRINT_STATE_OK },
    { "media-empty-errors", BAKEN_PRINT_STATE_OK },
    { "media", BAKEN_PRINT_STATE_OK },
  };
  const char * const several[] = { "paused", "media-low-warning", "media-jam-error", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (baken_print_state_from_reason (cases[i].reason), ==, cases[i].state);
  g_assert_cmpint (baken_print_state_from_reasons (several), ==, BAKEN_PRINT_STATE_MEDIA_JAM);
  g_assert_cmpint (baken_print_state_from_reasons (NULL), ==, BAKEN_PRINT_STATE_OK);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The supplies a printer reports (here: its backend, through cupsd's ATTR messages) come
 * with a check, also one that fails; a printer without them reports none. */
static void
test_markers (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BakenPrinter) empty = baken_cups_printer_new ("empty", f->cups.server, 20);
  g_autoptr(BakenPrinter) slips = baken_cups_printer_new ("slips", f->cups.server, 20);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) markers = NULL;
  g_autoptr(GError) error = NULL;
  BakenPrinterMarker *toner, *paper;

  /* The backend reports its supplies when it runs a job. */
  error = run_printer (empty, f->pdf, NULL, NULL);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_MEDIA_EMPTY);
  g_clear_error (&error);

  baken_printer_check_async (empty, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (baken_printer_check_finish (empty, result, &error));
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_MEDIA_EMPTY);
  markers = baken_printer_check_get_markers (empty, result);
  g_assert_cmpuint (markers->len, ==, 2);
  toner = g_ptr_array_index (markers, 0);
  paper = g_ptr_array_index (markers, 1);
  g_assert_cmpstr (toner->name, ==, "Toner");
  g_assert_cmpint (toner->level, ==, 8);
  g_assert_cmpint (toner->low_level, ==, 10);
  g_assert_true (baken_printer_marker_is_low (toner));
  g_assert_cmpstr (paper->name, ==, "Papierrol");
  g_assert_cmpint (paper->level, ==, BAKEN_PRINTER_MARKER_SOME_LEFT);
  g_assert_false (baken_printer_marker_is_low (paper));
  g_clear_object (&result);
  g_clear_pointer (&markers, g_ptr_array_unref);
  g_clear_error (&error);

  baken_printer_check_async (slips, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (baken_printer_check_finish (slips, result, &error));
  g_assert_no_error (error);
  markers = baken_printer_check_get_markers (slips, result);
  g_assert_cmpuint (markers->len, ==, 0);
}

/* What staff read, and what a broken or hostile printer cannot do with it. */
static void
test_marker_text (void)
{
  static const struct { const char *name; int level, low; const char *text; gboolean low_now; } cases[] = {
    { "Black Toner", 55, 10, "Black Toner: 55%", FALSE },
    { "Black Toner", 10, 10, "Black Toner: 10% (bijna op)", TRUE },
    { "Cyan", 0, -1, "Cyan: op", TRUE },
    { "Cyan", 3, -1, "Cyan: 3%", FALSE },
    { "Ink", BAKEN_PRINTER_MARKER_SOME_LEFT, -1, "Ink: nog niet op", FALSE },
    { "Ink", BAKEN_PRINTER_MARKER_UNKNOWN, -1, "Ink: onbekend", FALSE },
    { "Ink", BAKEN_PRINTER_MARKER_UNAVAILABLE, 5, "Ink: onbekend", FALSE },
    { "Ink", 250, 500, "Ink: 100%", FALSE },
    { "Ink", -99, -1, "Ink: onbekend", FALSE },
    { "two\nlines", 50, -1, "two lines: 50%", FALSE },
    { "", 50, -1, "?: 50%", FALSE },
  };
  g_autofree char *long_name = g_strnfill (500, 'x');
  g_autoptr(BakenPrinterMarker) bounded = baken_printer_marker_new (long_name, 50, -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BakenPrinterMarker) marker = baken_printer_marker_new (cases[i].name,
                                                                      cases[i].level,
                                                                      cases[i].low);
      g_autofree char *text = baken_printer_marker_describe (marker);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpint (baken_printer_marker_is_low (marker), ==, cases[i].low_now);
    }
  g_assert_cmpuint (strlen (bounded->name), <=, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/print/printer/reasons", test_reasons);
  g_test_add_func ("/print/printer/marker-text", test_marker_text);
  g_test_add_func ("/print/file-printer/writes", test_file_printer);
  g_test_add_data_func ("/print/cups/trickling-server", GINT_TO_POINTER (FALSE),
                        test_stalling_server);
  g_test_add_data_func ("/print/cups/silent-server", GINT_TO_POINTER (TRUE),
                        test_stalling_server);

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/print/cups/prints", NULL, test_prints);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/print/cups/fault/%s", faults[i].queue);

      ADD (path, &faults[i], test_fault);
    }
  ADD ("/print/cups/stopped", NULL, test_stopped);
  ADD ("/print/cups/timeout", NULL, test_timeout);
  ADD ("/print/cups/cancel", NULL, test_cancel);
  ADD ("/print/cups/cupsd-down", NULL, test_cupsd_down);
  ADD ("/print/cups/cupsd-cancels", NULL, test_cupsd_cancels);
  ADD ("/print/cups/cupsd-loses-job", NULL, test_cupsd_loses_job);
  ADD ("/print/cups/no-printer", NULL, test_no_printer);
  ADD ("/print/cups/markers", NULL, test_markers);
#undef ADD
  g_test_add ("/print/cups/purges", Fixture, NULL, fixture_setup_preserving, test_purges,
              fixture_teardown);

  return g_test_run ();
}
