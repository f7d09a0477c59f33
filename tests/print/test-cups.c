/* test-cups.c: printing slips through a real cupsd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test starts its own cupsd (cupsd -f with a private ServerRoot, spool and logs in
 * a temporary folder, listening on a free loopback port) and stops it in the teardown.
 * The queues use backends of our own in a private ServerBin:
 *
 *   bakenfile:/DIR              writes the job to DIR/job-N.pdf; waits while DIR/../hold
 *                               exists (a printer that is slow to start)
 *   bakenfault:/REASON/ACTION   reports "STATE: +REASON", then stops the queue (exit 4:
 *                               CUPS_BACKEND_STOP) or hangs, as a printer with that fault
 *
 * and the printed PDF is read back with pdftotext.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cups/cups.h>
#include <glib/gstdio.h>

#include "baken-catalog.h"
#include "baken-content-build.h"
#include "baken-cups-printer.h"
#include "baken-file-printer.h"
#include "baken-slip.h"
#include "baken-slip-render.h"

#define STAFF_NUMBER "030 123 45 99"
#define PUBLIC_NUMBER "030 123 45 67"

static const char file_backend[] =
  "#!/bin/sh\n"
  "# A printer that writes each job into a folder.\n"
  "if [ $# -eq 0 ]; then echo 'direct bakenfile \"Unknown\" \"Baken test: to a folder\"'; exit 0; fi\n"
  "dir=${DEVICE_URI#bakenfile:}\n"
  "while [ -e \"$dir/../hold\" ]; do sleep 0.05; done\n"
  "if [ -n \"$6\" ]; then cat \"$6\"; else cat; fi > \"$dir/.job-$1.tmp\" || exit 1\n"
  "mv \"$dir/.job-$1.tmp\" \"$dir/job-$1.pdf\"\n"
  "exit 0\n";

static const char fault_backend[] =
  "#!/bin/sh\n"
  "# A printer with a fault: bakenfault:/REASON/stop|hang\n"
  "if [ $# -eq 0 ]; then echo 'direct bakenfault \"Unknown\" \"Baken test: faults\"'; exit 0; fi\n"
  "rest=${DEVICE_URI#bakenfault:/}\n"
  "reason=${rest%%/*}\n"
  "action=${rest#*/}\n"
  "echo \"STATE: +$reason\" >&2\n"
  "if [ \"$action\" = stop ]; then exit 4; fi\n"
  "exec sleep 3600\n";

typedef struct
{
  char          *dir;        /* the private cupsd's folder */
  char          *out;        /* where bakenfile writes jobs */
  char          *hold;       /* while it exists, bakenfile waits */
  char          *server;     /* "127.0.0.1:PORT" */
  int            port;
  GSubprocess   *cupsd;
  GBytes        *pdf;        /* a slip */
  BakenSlip     *slip;
} Fixture;

/* cupsd and the admin tools live in /usr/sbin, which a user's PATH may lack. */
static char *
sbin (const char *name)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    path = g_build_filename ("/usr/sbin", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("%s is missing: scripts/deps.sh installs cups-daemon and cups-client", name);

  return path;
}

static void
write_file (const char *dir,
            const char *name,
            const char *text,
            int         mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static int
free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, any, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
cupsd_answers (Fixture *f)
{
  http_t *http = httpConnect2 ("127.0.0.1", f->port, NULL, AF_INET, HTTP_ENCRYPTION_NEVER, 1,
                               200, NULL);

  if (http == NULL)
    return FALSE;
  httpClose (http);
  return TRUE;
}

static void
start_cupsd (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = g_build_filename (f->dir, "cupsd.conf", NULL);
  g_autofree char *files = g_build_filename (f->dir, "cups-files.conf", NULL);
  g_autofree char *cupsd = sbin ("cupsd");
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  f->cupsd = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                               cupsd, "-f", "-c", conf, "-s", files, NULL);
  g_assert_no_error (error);

  while (!cupsd_answers (f))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("cupsd did not start; see %s/log/error_log", f->dir);
      g_usleep (20 * 1000);
    }
}

static void
stop_cupsd (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (f->cupsd == NULL)
    return;

  g_subprocess_send_signal (f->cupsd, SIGTERM);
  g_subprocess_wait (f->cupsd, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&f->cupsd);
}

static void
run_tool (Fixture    *f,
          const char *first,
          ...) G_GNUC_NULL_TERMINATED;

/* Runs lpadmin, cupsdisable, … against the private cupsd; they must succeed. */
static void
run_tool (Fixture    *f,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *program = sbin (first);
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, (gpointer) "-h");
  g_ptr_array_add (argv, f->server);
  va_start (args, first);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first, err);
}

static void
add_queue (Fixture    *f,
           const char *name,
           const char *uri)
{
  /* No -m: a raw queue, the PDF goes to the backend as it is. */
  run_tool (f, "lpadmin", "-p", name, "-v", uri, "-E", NULL);
}

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

  return baken_slip_new (service, NULL, config, now, "42", "nl");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *bin = NULL;
  g_autofree char *backend = NULL;
  g_autofree char *files_conf = NULL;
  g_autofree char *cupsd_conf = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *kiosk_conf = g_test_build_filename (G_TEST_DIST, "..", "packaging",
                                                       "cupsd-kiosk.conf", NULL);
  g_autofree char *kiosk_text = NULL;
  g_autofree char *full_conf = NULL;
  const char *subdirs[] = { "root", "spool", "spool/tmp", "cache", "state", "log",
                            "bin/backend", "out" };

  f->dir = g_dir_make_tmp ("baken-cupsd-XXXXXX", &error);
  g_assert_no_error (error);
  /* cupsd runs backends as User nobody when it runs as root: they must reach here. */
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, subdirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
    }
  f->out = g_build_filename (f->dir, "out", NULL);
  f->hold = g_build_filename (f->dir, "hold", NULL);
  g_assert_cmpint (g_chmod (f->out, 0777), ==, 0);

  /* ServerBin: the system's helpers and our backends. */
  root = g_build_filename (f->dir, "root", NULL);
  bin = g_build_filename (f->dir, "bin", NULL);
  backend = g_build_filename (bin, "backend", NULL);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "daemon" : "notifier";
      g_autofree char *target = g_build_filename ("/usr/lib/cups", name, NULL);
      g_autofree char *link = g_build_filename (bin, name, NULL);

      g_assert_cmpint (symlink (target, link), ==, 0);
    }
  write_file (backend, "bakenfile", file_backend, 0755);
  write_file (backend, "bakenfault", fault_backend, 0755);

  f->port = free_port ();
  f->server = g_strdup_printf ("127.0.0.1:%d", f->port);
  files_conf = g_strdup_printf ("ServerRoot %1$s/root\n"
                                "RequestRoot %1$s/spool\n"
                                "TempDir %1$s/spool/tmp\n"
                                "CacheDir %1$s/cache\n"
                                "StateDir %1$s/state\n"
                                "ServerBin %1$s/bin\n"
                                "DataDir /usr/share/cups\n"
                                "AccessLog %1$s/log/access_log\n"
                                "ErrorLog %1$s/log/error_log\n"
                                "PageLog %1$s/log/page_log\n"
                                "FileDevice Yes\n"
                                "%2$s",
                                f->dir,
                                /* As root, cupsd refuses to run filters and backends as
                                 * root; Debian's cupsd 2.4 wants an unprivileged User
                                 * and Group (and SystemGroup for lpadmin's requests). */
                                getuid () == 0 ? "User nobody\nGroup nogroup\nSystemGroup root\n"
                                               : "");
  cupsd_conf = g_strdup_printf ("Listen 127.0.0.1:%d\n"
                                "LogLevel warn\n"
                                "WebInterface No\n"
                                "Browsing No\n"
                                "DefaultAuthType None\n"
                                "DirtyCleanInterval 0\n"
                                "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                "<Policy default>\n  <Limit All>\n    Order deny,allow\n"
                                "  </Limit>\n</Policy>\n",
                                f->port);
  /* The settings packaging/ ships for kiosks, so they are known to work. */
  g_file_get_contents (kiosk_conf, &kiosk_text, NULL, &error);
  g_assert_no_error (error);
  full_conf = g_strconcat (cupsd_conf, kiosk_text, NULL);
  write_file (f->dir, "cups-files.conf", files_conf, 0644);
  write_file (f->dir, "cupsd.conf", full_conf, 0644);

  start_cupsd (f);

  file_uri = g_strdup_printf ("bakenfile:%s", f->out);
  add_queue (f, "slips", file_uri);
  add_queue (f, "empty", "bakenfault:/media-empty-error/stop");
  add_queue (f, "needed", "bakenfault:/media-needed-warning/stop");
  add_queue (f, "jam", "bakenfault:/media-jam-error/hang");
  add_queue (f, "cover", "bakenfault:/cover-open-report/hang");
  add_queue (f, "offline", "bakenfault:/offline-report/hang");
  add_queue (f, "hang", "bakenfault:/cups-baken-test-report/hang");

  f->slip = fixture_slip ();
  f->pdf = baken_slip_render_pdf (f->slip, BAKEN_PAPER_RECEIPT_80MM, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                NULL, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  stop_cupsd (f);
  remove_tree (f->dir);
  g_clear_pointer (&f->slip, baken_slip_unref);
  g_clear_pointer (&f->pdf, g_bytes_unref);
  g_free (f->dir);
  g_free (f->out);
  g_free (f->hold);
  g_free (f->server);
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

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

/* The states of all jobs of a queue, oldest first. */
static GArray *
job_states (Fixture    *f,
            const char *queue)
{
  http_t *http = httpConnect2 ("127.0.0.1", f->port, NULL, AF_INET, HTTP_ENCRYPTION_NEVER, 1,
                               1000, NULL);
  GArray *states = g_array_new (FALSE, FALSE, sizeof (int));
  cups_job_t *jobs = NULL;
  int n;

  g_assert_nonnull (http);
  n = cupsGetJobs2 (http, &jobs, queue, 0, CUPS_WHICHJOBS_ALL);
  for (int i = n - 1; i >= 0; i--)
    g_array_append_val (states, jobs[i].state);
  cupsFreeJobs (n, jobs);
  httpClose (http);

  return states;
}

static char *
pdftotext (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", pdf, "-", NULL };
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_prints (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->server, 20);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = NULL;
  g_autofree char *job = g_build_filename (f->out, "job-1.pdf", NULL);
  g_autofree char *text = NULL;
  double seconds;

  error = run_printer (printer, NULL, NULL, NULL);
  g_assert_no_error (error);

  error = run_printer (printer, f->pdf, NULL, &seconds);
  g_assert_no_error (error);
  g_test_message ("submitted to completed: %.2f s", seconds);

  /* What came out of the printer is the slip. */
  g_assert_cmpuint (count_files (f->out), ==, 1);
  text = pdftotext (job);
  g_assert_nonnull (strstr (text, "Hulp bij schulden"));
  g_assert_nonnull (strstr (text, PUBLIC_NUMBER));
  g_assert_nonnull (strstr (text, "23 december 2025"));
  g_assert_null (strstr (text, STAFF_NUMBER));

  states = job_states (f, "slips");
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_cmpint (g_array_index (states, int, 0), ==, IPP_JSTATE_COMPLETED);
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
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new (fault->queue, f->server, 20);
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
  /* Told at once, not at the timeout. */
  g_assert_cmpfloat (seconds, <, 10);

  /* The job is not left to print later. */
  states = job_states (f, fault->queue);
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_cmpint (g_array_index (states, int, 0), ==, IPP_JSTATE_CANCELED);

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
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->server, 20);
  g_autoptr(GError) check = NULL;
  g_autoptr(GError) submit = NULL;
  g_autoptr(GError) rejecting = NULL;
  g_autoptr(GArray) states = NULL;

  run_tool (f, "cupsdisable", "slips", NULL);
  check = run_printer (printer, NULL, NULL, NULL);
  g_assert_error (check, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_STOPPED);
  g_assert_cmpstr (baken_print_state_get_message (check->code), ==, "De printer is gestopt.");
  submit = run_printer (printer, f->pdf, NULL, NULL);
  g_assert_error (submit, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_STOPPED);

  /* Nothing was queued to print when the printer is started again. */
  states = job_states (f, "slips");
  g_assert_cmpuint (states->len, ==, 0);
  run_tool (f, "cupsenable", "slips", NULL);

  /* Not accepting jobs counts as stopped too. */
  run_tool (f, "cupsreject", "slips", NULL);
  rejecting = run_printer (printer, NULL, NULL, NULL);
  g_assert_error (rejecting, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_STOPPED);
  g_assert_cmpuint (count_files (f->out), ==, 0);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->server, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) later = NULL;
  g_autoptr(GArray) states = NULL;
  double seconds;

  /* The printer takes its time: the job cannot finish within 2 s. */
  write_file (f->dir, "hold", "", 0644);
  error = run_printer (printer, f->pdf, NULL, &seconds);
  g_assert_error (error, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_TIMED_OUT);
  g_assert_cmpstr (baken_print_state_get_message (error->code), ==,
                   "Het printen duurde te lang en is gestopt.");
  g_assert_cmpfloat (seconds, >=, 2);
  g_assert_cmpfloat (seconds, <, 4);
  states = job_states (f, "slips");
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_cmpint (g_array_index (states, int, 0), ==, IPP_JSTATE_CANCELED);

  /* The printer recovers and is restarted: the stale slip never comes out. */
  g_assert_cmpint (g_unlink (f->hold), ==, 0);
  run_tool (f, "cupsdisable", "slips", NULL);
  run_tool (f, "cupsenable", "slips", NULL);
  g_usleep (2 * G_USEC_PER_SEC);
  g_assert_cmpuint (count_files (f->out), ==, 0);

  /* … while the next resident's slip does. */
  later = run_printer (printer, f->pdf, NULL, NULL);
  g_assert_no_error (later);
  g_assert_cmpuint (count_files (f->out), ==, 1);
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
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("hang", f->server, 60);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = NULL;
  double seconds;

  /* The resident walks away (idle reset) while the slip is printing. */
  g_timeout_add (500, cancel_cb, cancellable);
  error = run_printer (printer, f->pdf, cancellable, &seconds);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (seconds, <, 3);
  states = job_states (f, "hang");
  g_assert_cmpuint (states->len, ==, 1);
  g_assert_cmpint (g_array_index (states, int, 0), ==, IPP_JSTATE_CANCELED);
}

static void
test_cupsd_down (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BakenPrinter) printer = baken_cups_printer_new ("slips", f->server, 20);
  g_autoptr(GError) down = NULL;
  g_autoptr(GError) submit = NULL;
  g_autoptr(GError) back = NULL;
  double seconds;

  stop_cupsd (f);
  down = run_printer (printer, NULL, NULL, &seconds);
  g_assert_error (down, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_CUPSD_DOWN);
  g_assert_cmpfloat (seconds, <, 2);
  g_assert_cmpstr (baken_print_state_get_message (down->code), ==, "De printer doet het nu niet.");
  submit = run_printer (printer, f->pdf, NULL, &seconds);
  g_assert_error (submit, BAKEN_PRINT_ERROR, BAKEN_PRINT_STATE_CUPSD_DOWN);
  g_assert_cmpfloat (seconds, <, 2);

  /* cupsd comes back: the same printer object works again, nothing to reset. */
  start_cupsd (f);
  back = run_printer (printer, NULL, NULL, NULL);
  g_assert_no_error (back);
  g_clear_error (&back);
  back = run_printer (printer, f->pdf, NULL, NULL);
  g_assert_no_error (back);
  g_assert_cmpuint (count_files (f->out), ==, 1);
}

static void
test_no_printer (Fixture       *f,
                 gconstpointer  data)
{
  /* No queue configured and no CUPS default. */
  g_autoptr(BakenPrinter) unset = baken_cups_printer_new (NULL, f->server, 20);
  g_autoptr(BakenPrinter) missing = baken_cups_printer_new ("bonprinter", f->server, 20);
  g_autoptr(BakenPrinter) by_default = baken_cups_printer_new (NULL, f->server, 20);
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
  g_assert_cmpuint (count_files (f->out), ==, 0);

  /* With a CUPS default, NULL prints there. */
  run_tool (f, "lpadmin", "-d", "slips", NULL);
  error = run_printer (by_default, f->pdf, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (f->out), ==, 1);
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
  g_assert_cmpuint (count_files (dir), ==, 2);

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/print/printer/reasons", test_reasons);
  g_test_add_func ("/print/file-printer/writes", test_file_printer);

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
  ADD ("/print/cups/no-printer", NULL, test_no_printer);
#undef ADD

  return g_test_run ();
}
