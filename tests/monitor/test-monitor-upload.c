/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports to a server by PUT: a real nginx with its DAV module on loopback (a
 * private config on a port of its own), and for the faults no real server makes on
 * demand (500 at will, a stall) a small Python server. Reports are never lost (they
 * stay pending until a 2xx) and never sent twice once the server took them.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "baken-clock.h"
#include "baken-report.h"
#include "baken-report-upload.h"
#include "baken-state-counts.h"
#include "test-util.h"

#define TOKEN "k1-secret-token"

typedef struct
{
  char   *dir;       /* state dir */
  char   *reports;
  char   *state_path;
} Fixture;

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
wait_for_port (guint port)
{
  gint64 end = g_get_monotonic_time () + baken_test_scale_us (10 * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection =
        g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);

      if (connection != NULL)
        return;
      g_usleep (20000);
    }
  g_error ("Nothing listens on port %u", port);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_count_row_free);
  BakenCountRow *row = g_new0 (BakenCountRow, 1);
  BakenReportStatus status = { .kiosk_id = (char *) "kiosk-1", .kiosk_name = (char *) "Bieb",
                               .content_source = (char *) "demo" };
  g_autoptr(GDateTime) now = g_date_time_new (baken_local_timezone (), 2026, 12, 9, 9, 0, 0);
  guint written = 0;

  f->dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);
  f->reports = g_build_filename (f->dir, "reports", NULL);
  f->state_path = g_build_filename (f->dir, "state.sqlite", NULL);
  g_mkdir_with_parents (f->dir, 0700);
  state = baken_state_open (f->state_path, &error);
  g_assert_no_error (error);

  row->kind = BAKEN_COUNT_SERVICE;
  row->key = g_strdup ("svc-schuldhulp");
  row->n = 3;
  g_ptr_array_add (rows, row);
  g_assert_true (baken_state_add_counts (state, "2026-12-07", rows, &error));
  g_assert_true (baken_state_add_counts (state, "2026-12-08", rows, &error));
  g_assert_true (baken_report_write_due (state, f->reports, &status,
                                         g_date_time_to_unix (now), &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 2);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->dir);
  g_free (f->reports);
  g_free (f->state_path);
}

static guint
n_pending (Fixture *f)
{
  g_auto(GStrv) days = baken_report_list_pending (f->reports);

  return g_strv_length (days);
}

/* One attempt at url, blocking, as the monitor's thread runs it. */
static void
upload (Fixture                  *f,
        const char               *url,
        const char               *token,
        guint                     stall_s,
        BakenReportUploadOutcome *outcome)
{
  g_autoptr(GError) error = NULL;
  BakenReportUploadJob job = {
    .reports_dir = f->reports, .state_path = f->state_path, .url = (char *) url,
    .token = (char *) token, .kiosk_id = (char *) "kiosk-1",
    .timeout_s = (guint) baken_test_scale_seconds (stall_s * 3), .stall_s = stall_s,
    .now = 1800000000,
  };

  g_assert_true (baken_report_upload_run (&job, NULL, outcome, &error));
  g_assert_no_error (error);
}

static void
assert_status (Fixture    *f,
               guint       failures,
               const char *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenState) state = baken_state_open (f->state_path, &error);
  g_auto(BakenUploadStatus) status = { 0 };

  g_assert_true (baken_state_get_upload_status (state, &status, &error));
  g_assert_cmpuint (status.failures, ==, failures);
  g_assert_cmpint (status.last_attempt, ==, 1800000000);
  if (strstr (status.last_result, result) == NULL)
    g_error ("The upload status says \"%s\", not \"%s\"", status.last_result, result);
  g_assert_null (strstr (status.last_result, TOKEN));
}

/* The fault server: put-server.py ROOT TOKEN MODE. */
static GSubprocess *
start_fault_server (const char *mode,
                    guint      *port)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "monitor", "put-server.py", NULL);
  g_autofree char *root = g_build_filename (g_get_user_cache_dir (), "put-root", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  GSubprocess *server;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                             &error, "python3", script, root, TOKEN, mode, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "PORT "));
  *port = (guint) g_ascii_strtoull (line + 5, NULL, 10);

  return server;
}

static void
stop (GSubprocess *process)
{
  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);
  g_object_unref (process);
}

/* Refused, 500, a stall: each leaves every report pending, and says why. */
static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  g_auto(BakenReportUploadOutcome) refused = { 0 };
  g_auto(BakenReportUploadOutcome) error500 = { 0 };
  g_auto(BakenReportUploadOutcome) stalled = { 0 };
  g_autofree char *refused_url = g_strdup_printf ("http://127.0.0.1:%u/reports", free_port ());
  g_autofree char *url = NULL;
  GSubprocess *server;
  guint port;
  gint64 start;

  upload (f, refused_url, TOKEN, 2, &refused);
  g_assert_false (refused.ok);
  g_assert_cmpuint (refused.http_status, ==, 0);
  g_assert_cmpuint (n_pending (f), ==, 2);
  assert_status (f, 1, "No answer");

  server = start_fault_server ("500", &port);
  url = g_strdup_printf ("http://127.0.0.1:%u/reports", port);
  upload (f, url, TOKEN, 2, &error500);
  stop (server);
  g_assert_false (error500.ok);
  g_assert_cmpuint (error500.http_status, ==, 500);
  g_assert_cmpuint (n_pending (f), ==, 2);
  assert_status (f, 2, "HTTP 500");

  server = start_fault_server ("stall", &port);
  g_free (url);
  url = g_strdup_printf ("http://127.0.0.1:%u/reports", port);
  start = g_get_monotonic_time ();
  upload (f, url, TOKEN, 1, &stalled);
  stop (server);
  g_assert_false (stalled.ok);
  g_assert_cmpuint (stalled.http_status, ==, 0);
  g_assert_cmpuint (n_pending (f), ==, 2);
  assert_status (f, 3, "No answer");
  /* Bounded: the stall timeout, not the server, ended it. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, baken_test_scale_us (30 * G_USEC_PER_SEC));
}

typedef struct
{
  char        *dir;
  char        *access_log;
  guint        port;
  GSubprocess *process;
} Nginx;

static void
end_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
nginx_start (Nginx *nginx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *www = NULL;
  g_autofree char *binary = g_find_program_in_path ("nginx");
  g_autofree char *error_log = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  if (binary == NULL && g_file_test ("/usr/sbin/nginx", G_FILE_TEST_IS_EXECUTABLE))
    binary = g_strdup ("/usr/sbin/nginx");
  if (binary == NULL)
    g_error ("nginx is missing: install nginx-light (scripts/deps.sh)");

  nginx->dir = g_build_filename (g_get_user_cache_dir (), "nginx", NULL);
  www = g_build_filename (nginx->dir, "www", "reports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (www, 0700), ==, 0);
  nginx->access_log = g_build_filename (nginx->dir, "access.log", NULL);
  nginx->port = free_port ();
  conf = g_strdup_printf (
    "daemon off;\nmaster_process off;\npid %1$s/nginx.pid;\nerror_log %1$s/error.log;\n"
    "events { worker_connections 64; }\n"
    "http {\n"
    "  access_log %1$s/access.log;\n"
    "  client_body_temp_path %1$s/body;\n  proxy_temp_path %1$s/proxy;\n"
    "  fastcgi_temp_path %1$s/fastcgi;\n  uwsgi_temp_path %1$s/uwsgi;\n"
    "  scgi_temp_path %1$s/scgi;\n"
    "  server {\n"
    "    listen 127.0.0.1:%2$u;\n"
    "    root %1$s/www;\n"
    "    location /reports/ {\n"
    "      if ($http_authorization != \"Bearer " TOKEN "\") { return 401; }\n"
    "      dav_methods PUT;\n      create_full_put_path on;\n"
    "      dav_access user:rw group:r all:r;\n"
    "    }\n"
    "  }\n"
    "}\n", nginx->dir, nginx->port);
  conf_path = g_build_filename (nginx->dir, "nginx.conf", NULL);
  g_file_set_contents (conf_path, conf, -1, &error);
  g_assert_no_error (error);

  /* Its output in its folder, and it ends with the test even when the test aborts. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, end_with_parent, NULL, NULL);
  error_log = g_build_filename (nginx->dir, "error.log", NULL);
  nginx->process = g_subprocess_launcher_spawn (launcher, &error, binary, "-p", nginx->dir,
                                                "-c", conf_path, "-e", error_log, NULL);
  g_assert_no_error (error);
  wait_for_port (nginx->port);
}

static void
nginx_stop (Nginx *nginx)
{
  stop (nginx->process);
  g_free (nginx->dir);
  g_free (nginx->access_log);
}

/* How many PUTs of path the access log has with status (0: any). */
static guint
count_puts (Nginx      *nginx,
            const char *path,
            guint       status)
{
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *request = g_strdup_printf ("\"PUT %s HTTP/1.1\"", path);
  g_autofree char *code = g_strdup_printf ("\" %u ", status);
  guint n = 0;

  if (!g_file_get_contents (nginx->access_log, &log, NULL, NULL))
    return 0;
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], request) != NULL && (status == 0 || strstr (lines[i], code) != NULL))
      n++;
  return n;
}

/* A wrong token: 401, said plainly, kept. The right one: each report lands once, as
 * written, and moves to sent; a second run sends nothing. */
static void
test_nginx (Fixture       *f,
            gconstpointer  data)
{
  Nginx nginx = { 0 };
  g_auto(BakenReportUploadOutcome) wrong = { 0 };
  g_auto(BakenReportUploadOutcome) right = { 0 };
  g_auto(BakenReportUploadOutcome) again = { 0 };
  g_autofree char *url = NULL;
  const char *days[] = { "2026-12-07", "2026-12-08" };

  nginx_start (&nginx);
  url = g_strdup_printf ("http://127.0.0.1:%u/reports/", nginx.port);

  upload (f, url, "wrong-token", 5, &wrong);
  g_assert_false (wrong.ok);
  g_assert_cmpuint (wrong.http_status, ==, 401);
  g_assert_cmpuint (n_pending (f), ==, 2);
  assert_status (f, 1, "upload-token");

  upload (f, url, TOKEN, 5, &right);
  g_assert_true (right.ok);
  g_assert_cmpuint (right.sent, ==, 2);
  g_assert_cmpuint (n_pending (f), ==, 0);
  assert_status (f, 0, "ok");

  upload (f, url, TOKEN, 5, &again);
  g_assert_true (again.ok);
  g_assert_cmpuint (again.sent, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *name = g_strconcat (days[i], ".json", NULL);
      g_autofree char *path = g_strconcat ("/reports/kiosk-1/", name, NULL);
      g_autofree char *on_server = g_build_filename (nginx.dir, "www", "reports", "kiosk-1",
                                                     name, NULL);
      g_autofree char *sent = g_build_filename (f->reports, "sent", name, NULL);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_assert_true (g_file_get_contents (on_server, &a, NULL, NULL));
      g_assert_true (g_file_get_contents (sent, &b, NULL, NULL));
      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (count_puts (&nginx, path, 201), ==, 1);
      g_assert_cmpuint (count_puts (&nginx, path, 401), ==, i == 0 ? 1 : 0);
    }

  nginx_stop (&nginx);
}

/* After the sync window of today; after failures, the back-off. */
static void
test_next_due (void)
{
  BakenSyncSchedule window = { .kind = BAKEN_SYNC_SCHEDULE_WINDOW, .window_start = 3 * 3600,
                               .window_end = 5 * 3600 };
  g_autoptr(BakenSyncPolicy) policy = baken_sync_policy_new (&window, "kiosk-1",
                                                              baken_local_timezone ());
  g_autoptr(GDateTime) night = g_date_time_new (baken_local_timezone (), 2026, 12, 8, 2, 0, 0);
  g_autoptr(GDateTime) five = g_date_time_new (baken_local_timezone (), 2026, 12, 8, 5, 0, 0);
  gint64 now = g_date_time_to_unix (night);
  BakenUploadStatus status = { 0 };

  g_assert_cmpint (baken_report_upload_next_due (policy, now, &status), ==,
                   g_date_time_to_unix (five));
  now = g_date_time_to_unix (five) + 3600;
  g_assert_cmpint (baken_report_upload_next_due (policy, now, &status), <=, now);
  status.failures = 3;
  status.last_attempt = now - 10;
  g_assert_cmpint (baken_report_upload_next_due (policy, now, &status), ==,
                   now - 10 + (gint64) baken_sync_policy_backoff (policy, 3));
  g_assert_cmpint (baken_report_upload_next_due (policy, now, &status), >, now);
}

int
main (int   argc,
      char *argv[])
{
  /* No desktop proxy settings in a test (GSettings): loopback only. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/monitor/upload/faults", Fixture, NULL, fixture_setup, test_faults,
              fixture_teardown);
  g_test_add ("/monitor/upload/nginx", Fixture, NULL, fixture_setup, test_nginx,
              fixture_teardown);
  g_test_add_func ("/monitor/upload/next-due", test_next_due);

  return g_test_run ();
}
