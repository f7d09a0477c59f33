/* cups-fixture.c: a private cupsd for tests, with queues of our own backends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cups-fixture.h"
#include "test-util.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cups/cups.h>
#include <sys/socket.h>
#include <glib/gstdio.h>

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
  "# Its supplies, as a printer with a backend that reads them reports them to cupsd.\n"
  "echo 'ATTR: marker-names=Toner,Papierrol marker-levels=8,-3 marker-low-levels=10,-1 "
  "marker-types=toner,paper' >&2\n"
  "echo \"STATE: +$reason\" >&2\n"
  "if [ \"$action\" = stop ]; then exit 4; fi\n"
  "exec sleep 3600\n";

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

/* A loopback socket bound to a port of its own for the fixture's lifetime, so no other
 * process can take the port between two cupsd runs. The port is bound by number, not as
 * port 0: only then does Linux keep it bound while the socket is not listening (between
 * cups_fixture_stop () and cups_fixture_start ()), when a client is refused, as when
 * cupsd is down. Without SO_REUSEADDR, nobody else can bind it meanwhile. */
static GSocket *
bind_own_port (int *port)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);

  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) probe = NULL;
      g_autoptr(GSocket) socket = NULL;
      g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
      g_autoptr(GSocketAddress) probed = NULL;
      g_autoptr(GSocketAddress) wanted = NULL;

      /* The kernel suggests a free port; bind it by number. Another process may get
       * there first: then bind fails and we try again. */
      probe = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                            G_SOCKET_PROTOCOL_TCP, &error);
      g_assert_no_error (error);
      g_socket_bind (probe, any, FALSE, &error);
      g_assert_no_error (error);
      probed = g_socket_get_local_address (probe, &error);
      g_assert_no_error (error);
      *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (probed));
      g_socket_close (probe, NULL);

      socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                             G_SOCKET_PROTOCOL_TCP, &error);
      g_assert_no_error (error);
      wanted = g_inet_socket_address_new (loopback, *port);
      /* SO_REUSEADDR (also on the connections cupsd accepts), so that the port can be
       * held again after a restart while old connections linger; Linux still never
       * lets a second socket bind it while ours listens. */
      if (g_socket_bind (socket, wanted, TRUE, &error))
        return g_steal_pointer (&socket);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE);
    }
  g_error ("no free loopback port after 50 tries");
}

/* cupsd answers an IPP request on our socket. Only our cupsd can: the socket is the
 * fixture's (see bind_own_port ()), and cupsd gets it by socket activation. A connection
 * alone proves nothing: the kernel accepts it into the backlog before cupsd runs. */
static gboolean
cupsd_answers (CupsFixture *f)
{
  http_t *http = httpConnect2 ("127.0.0.1", f->port, NULL, AF_INET, HTTP_ENCRYPTION_NEVER, 1,
                               200, NULL);
  ipp_t *response;
  gboolean answered;

  if (http == NULL)
    return FALSE;
  /* No callback: give up after the timeout instead of waiting on. */
  httpSetTimeout (http, 1.0, NULL, NULL);
  response = cupsDoRequest (http, ippNewRequest (IPP_OP_CUPS_GET_DEFAULT), "/");
  answered = response != NULL;
  ippDelete (response);
  httpClose (http);

  return answered;
}

/* In the child: a test that aborts (a failed assertion skips the teardown) takes its
 * cupsd with it instead of leaving it running. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

void
cups_fixture_start (CupsFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *conf = g_build_filename (f->dir, "cupsd.conf", NULL);
  g_autofree char *files = g_build_filename (f->dir, "cups-files.conf", NULL);
  g_autofree char *cupsd = sbin ("cupsd");
  gint64 deadline = g_get_monotonic_time () + baken_test_scale_us (10 * G_USEC_PER_SEC);
  int fd;

  g_assert_null (f->cupsd);
  g_socket_listen (f->socket, &error);
  g_assert_no_error (error);

  /* Socket activation (cupsd -l, as systemd starts it): cupsd serves the socket it gets
   * as fd 3 and binds nothing itself. LISTEN_PID must be cupsd's own pid, known only in
   * the child: the shell sets it and execs cupsd in its place. */
  fd = dup (g_socket_get_fd (f->socket));
  g_assert_cmpint (fd, >=, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_take_fd (launcher, fd, 3);
  g_subprocess_launcher_setenv (launcher, "LISTEN_FDS", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LISTEN_FDNAMES");
  f->cupsd = g_subprocess_launcher_spawn (launcher, &error,
                                          "/bin/sh", "-c",
                                          "LISTEN_PID=$$; export LISTEN_PID; exec \"$0\" \"$@\"",
                                          cupsd, "-l", "-c", conf, "-s", files, NULL);
  g_assert_no_error (error);

  while (!cupsd_answers (f))
    {
      if (g_subprocess_get_identifier (f->cupsd) == NULL)
        g_error ("cupsd exited at its start; see %s/log/error_log", f->dir);
      if (g_get_monotonic_time () > deadline)
        g_error ("cupsd did not start; see %s/log/error_log", f->dir);
      g_usleep (20 * 1000);
    }
}

void
cups_fixture_stop (CupsFixture *f)
{
  g_autoptr(GError) error = NULL;

  if (f->cupsd == NULL)
    return;

  g_subprocess_send_signal (f->cupsd, SIGTERM);
  g_subprocess_wait (f->cupsd, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&f->cupsd);
  /* Stop listening, keep the port: clients are refused, as by a machine without cupsd.
   * A socket that listened cannot listen again, so a fresh one holds the port (bound,
   * not listening) until cups_fixture_start () listens on it. */
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, f->port);

    g_socket_close (f->socket, NULL);
    g_clear_object (&f->socket);
    f->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                              G_SOCKET_PROTOCOL_TCP, &error);
    g_assert_no_error (error);
    /* Reuse: connections of the old socket may linger in TIME_WAIT. */
    g_socket_bind (f->socket, address, TRUE, &error);
    g_assert_no_error (error);
  }
}

void
cups_fixture_run_tool (CupsFixture *f,
                       const char  *first,
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
add_queue (CupsFixture *f,
           const char  *name,
           const char  *uri)
{
  /* No -m: a raw queue, the PDF goes to the backend as it is. */
  cups_fixture_run_tool (f, "lpadmin", "-p", name, "-v", uri, "-E", NULL);
}

void
cups_fixture_setup (CupsFixture *f)
{
  cups_fixture_setup_full (f, NULL);
}

void
cups_fixture_setup_full (CupsFixture *f,
                         const char  *extra_conf)
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
  cups_fixture_write_file (backend, "bakenfile", file_backend, 0755);
  cups_fixture_write_file (backend, "bakenfault", fault_backend, 0755);

  f->socket = bind_own_port (&f->port);
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
  /* The Listen line matches the socket cupsd_start () hands over; IdleExitTimeout 0: an
   * activated cupsd must not exit while a test waits. */
  cupsd_conf = g_strdup_printf ("Listen 127.0.0.1:%d\n"
                                "IdleExitTimeout 0\n"
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
  full_conf = g_strconcat (cupsd_conf, kiosk_text, extra_conf, NULL);
  cups_fixture_write_file (f->dir, "cups-files.conf", files_conf, 0644);
  cups_fixture_write_file (f->dir, "cupsd.conf", full_conf, 0644);

  cups_fixture_start (f);

  file_uri = g_strdup_printf ("bakenfile:%s", f->out);
  add_queue (f, "slips", file_uri);
  add_queue (f, "empty", "bakenfault:/media-empty-error/stop");
  add_queue (f, "needed", "bakenfault:/media-needed-warning/stop");
  add_queue (f, "jam", "bakenfault:/media-jam-error/hang");
  add_queue (f, "cover", "bakenfault:/cover-open-report/hang");
  add_queue (f, "offline", "bakenfault:/offline-report/hang");
  add_queue (f, "hang", "bakenfault:/cups-baken-test-report/hang");
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                NULL, NULL);
}

void
cups_fixture_teardown (CupsFixture *f)
{
  cups_fixture_stop (f);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->hold, g_free);
  g_clear_pointer (&f->server, g_free);
  g_clear_object (&f->socket);
}

void
cups_fixture_write_file (const char *dir,
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

guint
cups_fixture_count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

GArray *
cups_fixture_job_states (CupsFixture *f,
                         const char  *queue)
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

GStrv
cups_fixture_job_titles (CupsFixture *f,
                         const char  *queue)
{
  http_t *http = httpConnect2 ("127.0.0.1", f->port, NULL, AF_INET, HTTP_ENCRYPTION_NEVER, 1,
                               1000, NULL);
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  cups_job_t *jobs = NULL;
  int n;

  g_assert_nonnull (http);
  n = cupsGetJobs2 (http, &jobs, queue, 0, CUPS_WHICHJOBS_ALL);
  for (int i = n - 1; i >= 0; i--)
    g_strv_builder_add (titles, jobs[i].title);
  cupsFreeJobs (n, jobs);
  httpClose (http);

  return g_strv_builder_end (titles);
}

guint
cups_fixture_count_spooled (CupsFixture *f)
{
  g_autofree char *spool = g_build_filename (f->dir, "spool", NULL);
  g_autoptr(GDir) handle = g_dir_open (spool, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_pattern_match_simple ("c0*", name) || g_pattern_match_simple ("d0*", name))
      n++;

  return n;
}

char *
cups_fixture_pdftotext (const char *pdf)
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
