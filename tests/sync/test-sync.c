/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync against a real HTTP server on 127.0.0.1 (tests/data/sync/server.py) that is
 * told to misbehave. After every fault: the old content is still current, nothing outside
 * staging/ changed, staging/ is empty, the attempt is in the sync log, and the next good
 * cycle installs a new bundle.
 */
#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "baken-store.h"
#include "baken-config.h"
#include "baken-sync.h"
#include "sync-test-util.h"
#include "test-util.h"

#define BASE_SERIAL 10

static char *good_url;

typedef struct
{
  char        *state_dir;
  char        *pub_dir;
  char        *config_path;
  BakenConfig *config;
  BakenSync   *sync;
} Fixture;

/* The whole attempt may take 3 s (TIMEOUT_S); a second without a byte is a stall, unless
 * stall is given. */
#define TIMEOUT_S 3

static void
write_config_stall (Fixture    *f,
                    const char *url,
                    const char *stall)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_clear_pointer (&f->config, baken_config_unref);
  contents = g_strdup_printf ("[sync]\n"
                              "url = %s\n"
                              "public-keys = %s\n"
                              "schedule = 1m\n"
                              "max-age = 0\n"
                              "timeout = %ds\n"
                              "stall-timeout = %s\n",
                              url, test_public_key_base64 (), TIMEOUT_S, stall);
  g_assert_true (g_file_set_contents (f->config_path, contents, -1, NULL));
  f->config = baken_config_load (f->config_path, &error);
  g_assert_no_error (error);
}

static void
write_config (Fixture    *f,
              const char *url)
{
  write_config_stall (f, url, "1s");
}

static void
open_sync (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->sync);
  f->sync = baken_sync_new (&f->config->sync, f->state_dir, &error);
  g_assert_no_error (error);
}

static BakenSyncOutcome *
run_sync (Fixture    *f,
          const char *folder,
          gint64      now)
{
  g_autoptr(GError) error = NULL;
  BakenSyncOutcome *outcome = baken_sync_run (f->sync, folder, now != 0 ? now : test_now (),
                                              NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  return outcome;
}

static guint64
current_serial (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenStore) store = baken_store_new (f->state_dir, &error);
  guint64 current = 0, previous = 0;

  g_assert_no_error (error);
  g_assert_true (baken_store_read_pointer (store, &current, &previous, &error));
  g_assert_no_error (error);
  if (current != 0)
    {
      g_autofree char *path = baken_store_get_content_path (store, current);

      g_assert_cmpuint (content_serial (path), ==, current);
    }
  return current;
}

static void
assert_installed (Fixture *f,
                  guint64  serial)
{
  g_autoptr(BakenSyncOutcome) outcome = run_sync (f, NULL, 0);

  if (outcome->error != NULL)
    g_test_message ("sync: %s", outcome->error->message);
  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpuint (outcome->serial, ==, serial);
  g_assert_cmpuint (current_serial (f), ==, serial);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *url = server_url ("manifest.json");

  f->state_dir = g_build_filename (g_get_user_state_dir (), "baken", NULL);
  f->pub_dir = g_build_filename (g_get_user_cache_dir (), "pub", NULL);
  f->config_path = g_build_filename (g_get_user_config_dir (), "kiosk.conf", NULL);
  g_mkdir_with_parents (g_get_user_config_dir (), 0700);
  g_mkdir_with_parents (f->pub_dir, 0755);
  write_config (f, url);
  open_sync (f);

  server_control (f->pub_dir, NULL, NULL, NULL);
  publish_good (f->pub_dir, BASE_SERIAL);
  assert_installed (f, BASE_SERIAL);
  server_requests (TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  server_control (NULL, NULL, NULL, NULL);
  if (f->sync != NULL)
    baken_test_assert_finalized_soon (f->sync);
  g_clear_pointer (&f->config, baken_config_unref);
  g_free (f->state_dir);
  g_free (f->pub_dir);
  g_free (f->config_path);
}

static BakenSyncLogEntry *
last_log_entry (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->state_dir, "state.sqlite", NULL);
  g_autoptr(BakenState) state = baken_state_open (path, &error);
  g_autoptr(GPtrArray) log = NULL;

  g_assert_no_error (error);
  log = baken_state_get_sync_log (state, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  return g_ptr_array_steal_index (log, 0);
}

/* After a fault: the old content serves, nothing but the log changed, and then a good
 * bundle installs. */
static void
assert_survived (Fixture          *f,
                 const char       *before,
                 BakenSyncOutcome *outcome,
                 BakenSyncResult   result,
                 int               code,
                 const char       *message)
{
  g_autofree char *after = snapshot_outside_staging (f->state_dir);
  g_autofree char *staging = g_build_filename (f->state_dir, "staging", NULL);
  g_autoptr(BakenSyncLogEntry) entry = last_log_entry (f);

  g_test_message ("outcome: %s: %s", baken_sync_result_to_string (outcome->result),
                  outcome->error != NULL ? outcome->error->message : "(no error)");
  g_assert_cmpint (outcome->result, ==, result);
  g_assert_error (outcome->error, BAKEN_SYNC_ERROR, code);
  if (message != NULL && strstr (outcome->error->message, message) == NULL)
    g_error ("expected “%s” in “%s”", message, outcome->error->message);

  g_assert_cmpstr (after, ==, before);
  g_assert_true (dir_is_empty (staging));
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL);

  g_assert_cmpint (entry->result, ==, result);
  g_assert_cmpstr (entry->reason, ==, outcome->error->message);

  /* The next good cycle. */
  server_control (f->pub_dir, NULL, NULL, NULL);
  write_config (f, good_url);
  open_sync (f);
  publish_good (f->pub_dir, BASE_SERIAL + 5);
  assert_installed (f, BASE_SERIAL + 5);
}

typedef enum {
  FAULT_PUBLISH,         /* publish spec */
  FAULT_SERVER,          /* server mode */
  FAULT_REFUSED_PORT,    /* a port nobody listens on */
  FAULT_DEADLINE,        /* server mode, with a stall timeout as long as the whole
                          * attempt's: only the attempt's deadline can end it in time */
} FaultKind;

typedef struct
{
  const char      *name;
  FaultKind        kind;
  PublishKind      publish;
  gint64           serial_delta;   /* from BASE_SERIAL; 0: BASE_SERIAL + 1 */
  gint64           created_delta;  /* seconds from test_created (serial); 0: none */
  gint64           expires_delta;  /* seconds from now; 0: a year */
  gint64           now_delta;      /* seconds from now; 0: now */
  const char      *mode, *target, *location;
  BakenSyncResult  result;
  BakenSyncError   code;
  const char      *message;
} FaultCase;

#define YEAR (G_GINT64_CONSTANT (365) * 86400)

static const FaultCase fault_cases[] = {
  { "bad-signature", FAULT_PUBLISH, PUBLISH_BAD_SIGNATURE, 0, 0, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_VERIFY, "signature is refused" },
  { "unknown-key", FAULT_PUBLISH, PUBLISH_UNKNOWN_KEY, 0, 0, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_VERIFY, "signature is refused" },
  { "rollback", FAULT_PUBLISH, PUBLISH_GOOD, -1, 0, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_ROLLBACK, "Rollback refused: serial 9" },
  { "replay", FAULT_PUBLISH, PUBLISH_GOOD, -100, 1, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_REPLAY, "Replay refused: serial 10" },
  { "older-created", FAULT_PUBLISH, PUBLISH_GOOD, 0, -3600, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_OLDER, "before the installed content" },
  { "expired", FAULT_PUBLISH, PUBLISH_GOOD, 0, 0, -60, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_VERIFY, "expired" },
  { "hash-mismatch", FAULT_PUBLISH, PUBLISH_HASH_MISMATCH, 0, 0, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_VERIFY, "sha256" },
  { "not-sqlite", FAULT_PUBLISH, PUBLISH_NOT_SQLITE, 0, 0, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_VERIFY, "is not an SQLite database" },
  { "integrity-check", FAULT_PUBLISH, PUBLISH_INTEGRITY, 0, 0, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_VERIFY, "content-11.sqlite is damaged" },
  { "clock-2100", FAULT_PUBLISH, PUBLISH_GOOD, 0, 0, 0, 1, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_VERIFY, "expired" },
  { "longer-than-declared", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "longer", ".sqlite", NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_TOO_LARGE, "larger than the manifest says" },
  { "endless-content", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "endless", ".sqlite", NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_TOO_LARGE, "larger than the manifest says" },
  { "endless-manifest", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "endless", "/manifest.json",
    NULL, BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_TOO_LARGE, "larger than allowed" },
  { "trickle", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "trickle", ".sqlite", NULL,
    BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_TIMEOUT, "took longer than 3 s" },
  { "stalled-connection", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "stall", NULL, NULL,
    BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_TIMEOUT, "no data for 1 s" },
  { "stalled-body", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "stall-body", ".sqlite", NULL,
    BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_TIMEOUT, "no data for 1 s" },
  { "http-404", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "404", NULL, NULL,
    BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_HTTP, "HTTP 404" },
  { "http-500", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "500", ".sqlite", NULL,
    BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_HTTP, "HTTP 500" },
  { "redirect-to-http", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "redirect", "/manifest.json",
    "http://192.0.2.1/manifest.json", BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_REDIRECT,
    "redirects to \"http://192.0.2.1/manifest.json\"" },
  { "redirect-to-file", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "redirect", ".sqlite",
    "file:///etc/passwd", BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_REDIRECT,
    "redirects to \"file:///etc/passwd\"" },
  { "redirect-loop", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "redirect", "/manifest.json",
    "/manifest.json", BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_HTTP, "more than 5 redirects" },
  { "redirect-without-location", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0,
    "redirect-no-location", ".sqlite", NULL, BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_HTTP,
    "HTTP 302 without a Location" },
  { "declared-over-cap", FAULT_PUBLISH, PUBLISH_OVER_CAP, 0, 0, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_REFUSED, BAKEN_SYNC_ERROR_TOO_LARGE, "more than the kiosk accepts" },
  { "connection-refused", FAULT_REFUSED_PORT, PUBLISH_GOOD, 0, 0, 0, 0, NULL, NULL, NULL,
    BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_NETWORK, "Cannot fetch" },
  /* A byte a second restarts every stall timeout: the headers never end. */
  { "trickle-headers", FAULT_DEADLINE, PUBLISH_GOOD, 0, 0, 0, 0, "trickle-headers",
    "/manifest.json", NULL, BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_TIMEOUT,
    "took longer than 3 s" },
  /* Accepts the connection of the last request and never reads or answers it. */
  { "silent", FAULT_DEADLINE, PUBLISH_GOOD, 0, 0, 0, 0, "silent", ".sqlite", NULL,
    BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_TIMEOUT, "took longer than 3 s" },
  { "server-disappears", FAULT_SERVER, PUBLISH_GOOD, 0, 0, 0, 0, "disappear", ".sqlite", NULL,
    BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_NETWORK, "content-11.sqlite" },
};

static void
test_fault (Fixture       *f,
            gconstpointer  data)
{
  const FaultCase *c = data;
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autofree char *before = snapshot_outside_staging (f->state_dir);
  guint64 serial = c->serial_delta == -100 ? BASE_SERIAL
                   : (guint64) (BASE_SERIAL + (c->serial_delta != 0 ? c->serial_delta : 1));
  PublishSpec spec = { .serial = serial, .kind = c->publish };
  gint64 now = test_now ();
  g_autoptr(GSocket) unlistened = NULL;
  gint64 start;
  double seconds;

  if (c->created_delta != 0)
    spec.created = (c->created_delta == -3600 ? test_created (BASE_SERIAL)
                                              : test_created (serial)) + c->created_delta;
  if (c->expires_delta != 0)
    spec.expires = test_now () + c->expires_delta;
  if (c->now_delta < 0)
    now = 86400;                      /* 2 January 1970 */
  else if (c->now_delta > 0)
    now = G_GINT64_CONSTANT (4102444800);   /* 1 January 2100 */
  publish (f->pub_dir, &spec);

  if (c->kind == FAULT_SERVER)
    server_control (f->pub_dir, c->mode, c->target, c->location);
  else if (c->kind == FAULT_DEADLINE)
    {
      g_autofree char *stall = g_strdup_printf ("%ds", TIMEOUT_S);

      write_config_stall (f, good_url, stall);
      open_sync (f);
      server_control (f->pub_dir, c->mode, c->target, c->location);
    }
  else if (c->kind == FAULT_REFUSED_PORT)
    {
      g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
      g_autoptr(GSocketAddress) bound = NULL;
      g_autofree char *url = NULL;

      /* A port bound and never listened on: refused. Kept bound (without SO_REUSEADDR)
       * until the sync is over, so no other process can start listening there. */
      unlistened = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL);
      g_assert_nonnull (unlistened);
      g_assert_true (g_socket_bind (unlistened, address, FALSE, NULL));
      bound = g_socket_get_local_address (unlistened, NULL);
      url = g_strdup_printf ("http://127.0.0.1:%u/manifest.json",
                             g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
      write_config (f, url);
      open_sync (f);
    }

  start = g_get_monotonic_time ();
  outcome = run_sync (f, NULL, now);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("the attempt took %.2f s", seconds);
  if (c->kind == FAULT_DEADLINE)
    {
      /* Ended by the attempt's deadline, whatever the server was doing. */
      g_assert_cmpfloat (seconds, >=, TIMEOUT_S);
      g_assert_cmpfloat (seconds, <, TIMEOUT_S + baken_test_scale_seconds (1.5));
    }
  assert_survived (f, before, outcome, c->result, c->code, c->message);
}

static void
test_unchanged_costs_one_request (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autoptr(BakenSyncLogEntry) entry = NULL;
  g_autofree char *before = snapshot_outside_staging (f->state_dir);
  g_autofree char *after = NULL;

  outcome = run_sync (f, NULL, 0);
  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_UNCHANGED);
  g_assert_cmpuint (outcome->requests, ==, 1);
  g_assert_cmpuint (outcome->bytes, ==, 0);
  g_assert_cmpuint (server_requests (TRUE), ==, 1);
  after = snapshot_outside_staging (f->state_dir);
  g_assert_cmpstr (after, ==, before);
  entry = last_log_entry (f);
  g_assert_cmpint (entry->result, ==, BAKEN_SYNC_RESULT_UNCHANGED);
  g_assert_cmpuint (entry->serial, ==, BASE_SERIAL);

  /* Again: the ETag is kept after a 304. */
  g_clear_pointer (&outcome, baken_sync_outcome_free);
  outcome = run_sync (f, NULL, 0);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_UNCHANGED);
  g_assert_cmpuint (server_requests (TRUE), ==, 1);
}

static void
test_same_bundle_without_etag (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autofree char *alias = server_url ("manifest.json?no-etag");

  /* Another URL, so no If-None-Match: the signed manifest says it is what we have. */
  write_config (f, alias);
  open_sync (f);
  outcome = run_sync (f, NULL, 0);
  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_UNCHANGED);
  g_assert_cmpuint (outcome->requests, ==, 2);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL);
}

static void
test_redirect_followed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *manifest = g_build_filename (f->pub_dir, "manifest.json", NULL);
  g_autofree char *alias = g_build_filename (f->pub_dir, "alias.json", NULL);
  g_autofree char *location = server_url ("alias.json");
  g_autofree char *contents = NULL;

  publish_good (f->pub_dir, BASE_SERIAL + 1);
  g_assert_true (g_file_get_contents (manifest, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (alias, contents, -1, NULL));
  server_control (f->pub_dir, "redirect", "/manifest.json", location);
  assert_installed (f, BASE_SERIAL + 1);
}

/* baken-sync --status (at the time at, or now) prints a line that starts with prefix. */
static void
assert_status_line (Fixture    *f,
                    const char *at,
                    const char *prefix)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *line_start = g_strconcat ("\n", prefix, NULL);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, BAKEN_SYNC_CLI,
                            "--config", f->config_path, "--state", f->state_dir, "--status",
                            at != NULL ? "--at" : NULL, at, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("baken-sync --status: %s", out);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  g_assert_nonnull (strstr (out, line_start));
}

/* A kiosk whose clock stands in 1970 (a dead clock battery, no time sync) still takes
 * a freshly published bundle: created in its future is no reason to refuse. */
static void
test_clock_behind (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BakenSyncOutcome) outcome = NULL;

  publish_good (f->pub_dir, BASE_SERIAL + 1);
  outcome = run_sync (f, NULL, 86400);   /* 2 January 1970 */
  if (outcome->error != NULL)
    g_test_message ("sync: %s", outcome->error->message);
  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL + 1);

  /* The status output tells ops (and staff) that the clock runs behind. */
  assert_status_line (f, "86400", "clock behind ");
  assert_status_line (f, NULL, "clock ok");
}

static void
test_keeps_previous (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenStore) store = baken_store_new (f->state_dir, &error);
  guint64 current, previous;

  publish_good (f->pub_dir, BASE_SERIAL + 1);
  assert_installed (f, BASE_SERIAL + 1);
  publish_good (f->pub_dir, BASE_SERIAL + 2);
  assert_installed (f, BASE_SERIAL + 2);

  g_assert_true (baken_store_read_pointer (store, &current, &previous, &error));
  g_assert_cmpuint (current, ==, BASE_SERIAL + 2);
  g_assert_cmpuint (previous, ==, BASE_SERIAL + 1);
  {
    g_autofree char *old = baken_store_get_bundle_dir (store, BASE_SERIAL);

    g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  }
}

static void
test_from_folder (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "usb", NULL);
  g_autoptr(BakenSyncOutcome) good = NULL;
  g_autoptr(BakenSyncOutcome) bad = NULL;
  g_autoptr(BakenSyncOutcome) missing = NULL;
  PublishSpec rollback = { .serial = BASE_SERIAL };
  g_autofree char *nothing = g_build_filename (usb, "nothing", NULL);

  publish_good (usb, BASE_SERIAL + 3);
  good = run_sync (f, usb, 0);
  g_assert_no_error (good->error);
  g_assert_cmpint (good->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpstr (good->source, ==, usb);
  g_assert_cmpuint (good->requests, ==, 0);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL + 3);

  /* The same checks as over the network. */
  publish (usb, &rollback);
  bad = run_sync (f, usb, 0);
  g_assert_cmpint (bad->result, ==, BAKEN_SYNC_RESULT_REFUSED);
  g_assert_error (bad->error, BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_ROLLBACK);

  missing = run_sync (f, nothing, 0);
  g_assert_cmpint (missing->result, ==, BAKEN_SYNC_RESULT_FAILED);
  g_assert_error (missing->error, BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_MISSING);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL + 3);
}

static void
test_fall_back_after_failed_opens (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenSyncLogEntry) entry = NULL;
  g_autoptr(BakenSyncOutcome) again = NULL;
  g_autofree char *path = NULL;
  g_auto(BakenInstalled) installed = { 0 };

  publish_good (f->pub_dir, BASE_SERIAL + 1);
  assert_installed (f, BASE_SERIAL + 1);

  /* The new content fails to open (or crashes the kiosk) three times in a row. */
  for (guint i = 0; i < BAKEN_SYNC_MAX_OPEN_FAILURES; i++)
    {
      g_autofree char *attempt = NULL;

      open_sync (f);   /* a restart after a crash */
      attempt = baken_sync_begin_open (f->sync, &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_suffix (attempt, "content-11.sqlite"));
    }
  open_sync (f);
  path = baken_sync_begin_open (f->sync, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "content-10.sqlite"));
  g_assert_cmpuint (content_serial (path), ==, BASE_SERIAL);
  baken_sync_open_succeeded (f->sync);

  entry = last_log_entry (f);
  g_assert_cmpint (entry->result, ==, BAKEN_SYNC_RESULT_FALLBACK);
  g_assert_cmpuint (entry->serial, ==, BASE_SERIAL);
  g_assert_nonnull (strstr (entry->reason, "Bundle 11 failed to open"));
  g_assert_nonnull (strstr (entry->reason, "3 times in a row; back to bundle 10"));

  baken_sync_get_installed (f->sync, &installed);
  g_assert_cmpuint (installed.serial, ==, BASE_SERIAL);
  g_assert_cmpuint (installed.open_failures, ==, 0);
  g_assert_cmpuint (installed.floor_serial, ==, BASE_SERIAL + 1);

  /* The broken serial is not taken again, and nothing lower is; a new one is. */
  again = run_sync (f, NULL, 0);
  g_assert_cmpint (again->result, ==, BAKEN_SYNC_RESULT_UNCHANGED);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL);
  publish_good (f->pub_dir, BASE_SERIAL + 2);
  assert_installed (f, BASE_SERIAL + 2);
}

/* Content queries of the shown bundle cut off by their time budget count as failed
 * opens: after three the previous bundle comes back, and the sync log says why. Without
 * a previous bundle, or for another bundle than the current one, nothing is counted. */
static void
test_cut_off_falls_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenSyncLogEntry) entry = NULL;
  g_autofree char *path = NULL;
  g_auto(BakenInstalled) installed = { 0 };

  /* Only one bundle: it stays, however often its queries are cut off. */
  path = baken_sync_begin_open (f->sync, &error);
  g_assert_no_error (error);
  baken_sync_open_succeeded (f->sync);
  for (guint i = 0; i < 2 * BAKEN_SYNC_MAX_OPEN_FAILURES; i++)
    g_assert_false (baken_sync_count_cut_off (f->sync, BASE_SERIAL));
  baken_sync_get_installed (f->sync, &installed);
  g_assert_cmpuint (installed.open_failures, ==, 0);

  publish_good (f->pub_dir, BASE_SERIAL + 1);
  assert_installed (f, BASE_SERIAL + 1);
  g_free (path);
  path = baken_sync_begin_open (f->sync, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "content-11.sqlite"));
  baken_sync_open_succeeded (f->sync);

  g_assert_false (baken_sync_count_cut_off (f->sync, BASE_SERIAL));
  for (guint i = 1; i < BAKEN_SYNC_MAX_OPEN_FAILURES; i++)
    g_assert_false (baken_sync_count_cut_off (f->sync, BASE_SERIAL + 1));
  g_assert_true (baken_sync_count_cut_off (f->sync, BASE_SERIAL + 1));

  /* The next safe point opens the previous bundle. */
  g_free (path);
  path = baken_sync_begin_open (f->sync, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (content_serial (path), ==, BASE_SERIAL);
  entry = last_log_entry (f);
  g_assert_cmpint (entry->result, ==, BAKEN_SYNC_RESULT_FALLBACK);
  g_assert_nonnull (strstr (entry->reason, "content query cut off by its time budget"));
}

static void
test_open_succeeded_resets (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Opens that work never fall back, however many there are. */
  for (guint i = 0; i < 2 * BAKEN_SYNC_MAX_OPEN_FAILURES; i++)
    {
      g_autofree char *path = baken_sync_begin_open (f->sync, &error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_suffix (path, "content-10.sqlite"));
      baken_sync_open_succeeded (f->sync);
    }
}

static void
content_ready_cb (BakenSync  *sync,
                  guint64     serial,
                  const char *path,
                  gpointer    user_data)
{
  guint64 *ready = user_data;

  g_assert_true (g_str_has_suffix (path, "content-12.sqlite"));
  *ready = serial;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  BakenSyncOutcome **outcome = user_data;
  g_autoptr(GError) error = NULL;

  *outcome = baken_sync_run_finish (BAKEN_SYNC (object), result, &error);
  g_assert_no_error (error);
}

static void
test_async_content_ready (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  guint64 ready = 0;
  gulong id;

  publish_good (f->pub_dir, BASE_SERIAL + 2);
  id = g_signal_connect (f->sync, "content-ready", G_CALLBACK (content_ready_cb), &ready);
  baken_sync_run_async (f->sync, NULL, NULL, run_done_cb, &outcome);
  g_assert_true (baken_sync_get_busy (f->sync));
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (baken_sync_get_busy (f->sync));
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpuint (ready, ==, BASE_SERIAL + 2);
  g_signal_handler_disconnect (f->sync, id);
}

static void
test_scheduler_picks_up (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh = g_build_filename (g_get_user_state_dir (), "fresh", NULL);
  g_autoptr(BakenSync) sync = NULL;
  g_autofree char *path = NULL;
  guint64 ready = 0;

  /* A kiosk that never synced: the scheduler syncs at its first tick, by itself. */
  publish_good (f->pub_dir, BASE_SERIAL + 2);
  sync = baken_sync_new (&f->config->sync, fresh, &error);
  g_assert_no_error (error);
  g_assert_null (baken_sync_begin_open (sync, &error));
  g_assert_no_error (error);

  g_signal_connect (sync, "content-ready", G_CALLBACK (content_ready_cb), &ready);
  baken_sync_start (sync);
  while (ready == 0)
    g_main_context_iteration (NULL, TRUE);
  baken_sync_stop (sync);

  g_assert_cmpuint (ready, ==, BASE_SERIAL + 2);
  path = baken_sync_begin_open (sync, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (content_serial (path), ==, BASE_SERIAL + 2);
  while (baken_sync_get_busy (sync))
    g_main_context_iteration (NULL, TRUE);
  baken_test_assert_finalized_soon (g_steal_pointer (&sync));
}

typedef struct
{
  guint            finished;
  BakenSyncResult  result;
  int              code;
  guint64          ready;
} Watch;

static void
watch_finished_cb (BakenSync        *sync,
                   BakenSyncOutcome *outcome,
                   gpointer          user_data)
{
  Watch *watch = user_data;

  watch->finished++;
  watch->result = outcome->result;
  watch->code = outcome->error != NULL ? outcome->error->code : 0;
}

static void
watch_ready_cb (BakenSync  *sync,
                guint64     serial,
                const char *path,
                gpointer    user_data)
{
  Watch *watch = user_data;

  watch->ready = serial;
}

/* The kiosk's sync after a server that never finishes its headers: the attempt ends at
 * its deadline, the sync is not left busy, and the next "sync now" runs and installs. */
static void
test_deadline_frees_the_sync (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *stall = g_strdup_printf ("%ds", TIMEOUT_S);
  Watch watch = { 0 };
  gint64 start;
  double seconds;

  write_config_stall (f, good_url, stall);
  open_sync (f);
  g_signal_connect (f->sync, "finished", G_CALLBACK (watch_finished_cb), &watch);
  g_signal_connect (f->sync, "content-ready", G_CALLBACK (watch_ready_cb), &watch);
  server_control (f->pub_dir, "trickle-headers", "/manifest.json", NULL);

  start = g_get_monotonic_time ();
  g_assert_true (baken_sync_sync_now (f->sync));
  g_assert_true (baken_sync_get_busy (f->sync));
  while (watch.finished == 0)
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("the attempt took %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, TIMEOUT_S + baken_test_scale_seconds (1.5));
  g_assert_cmpint (watch.result, ==, BAKEN_SYNC_RESULT_FAILED);
  g_assert_cmpint (watch.code, ==, BAKEN_SYNC_ERROR_TIMEOUT);
  g_assert_false (baken_sync_get_busy (f->sync));
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL);

  /* The server behaves again: the next sync runs at once and installs. */
  server_control (f->pub_dir, NULL, NULL, NULL);
  publish_good (f->pub_dir, BASE_SERIAL + 2);
  g_assert_true (baken_sync_sync_now (f->sync));
  g_assert_true (baken_sync_get_busy (f->sync));
  while (watch.finished < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (watch.result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpuint (watch.ready, ==, BASE_SERIAL + 2);
  g_assert_false (baken_sync_get_busy (f->sync));
  g_signal_handlers_disconnect_by_data (f->sync, &watch);
}

static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenSync) sync = NULL;
  g_autofree char *contents = NULL;

  /* max-age 0: never stale; the content is a month old. */
  g_assert_cmpuint (baken_sync_get_stale (f->sync), ==, BAKEN_STALE_NONE);

  g_assert_true (g_file_get_contents (f->config_path, &contents, NULL, NULL));
  g_free (g_steal_pointer (&contents));
  contents = g_strdup_printf ("[sync]\nmax-age = 7d\n");
  g_assert_true (g_file_set_contents (f->config_path, contents, -1, NULL));
  config = baken_config_load (f->config_path, &error);
  g_assert_no_error (error);
  sync = baken_sync_new (&config->sync, f->state_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (baken_sync_get_stale (sync), ==, BAKEN_STALE_OLD);
  baken_test_assert_finalized_soon (g_steal_pointer (&sync));
}

/* The disk fills up while staging: a child with a file size limit (RLIMIT_FSIZE). */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { 128 * 1024, 128 * 1024 };

  setrlimit (RLIMIT_FSIZE, &limit);
  signal (SIGXFSZ, SIG_IGN);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;
  g_autofree char *before = snapshot_outside_staging (f->state_dir);
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autoptr(BakenSyncLogEntry) entry = NULL;
  g_autofree char *staging = g_build_filename (f->state_dir, "staging", NULL);
  g_autofree char *after = NULL;

  publish_good (f->pub_dir, BASE_SERIAL + 1);
  /* The last connection checkpoints the WAL, so the state DB stays small. */
  g_clear_object (&f->sync);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
  child = g_subprocess_launcher_spawn (launcher, &error, BAKEN_SYNC_CLI, "--config",
                                       f->config_path, "--state", f->state_dir, "--now",
                                       NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("child: %s", out);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 1);
  g_assert_true (g_str_has_prefix (out, "failed 11: Cannot write content-11.sqlite to staging"));

  after = snapshot_outside_staging (f->state_dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (dir_is_empty (staging));
  open_sync (f);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL);
  entry = last_log_entry (f);
  g_assert_cmpint (entry->result, ==, BAKEN_SYNC_RESULT_FAILED);

  assert_installed (f, BASE_SERIAL + 1);
}

static gpointer
cancel_later_thread (gpointer data)
{
  g_usleep (G_USEC_PER_SEC / 2);
  g_cancellable_cancel (data);
  return NULL;
}

/* Cancelled while the content trickles in (the kiosk is shutting down): the sync stops
 * at once, the old content serves, staging is empty, and the next sync installs. */
static void
test_cancelled_midway (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot_outside_staging (f->state_dir);
  GThread *thread;

  publish_good (f->pub_dir, BASE_SERIAL + 1);
  server_control (f->pub_dir, "trickle", ".sqlite", NULL);

  thread = g_thread_new ("cancel", cancel_later_thread, cancellable);
  outcome = baken_sync_run (f->sync, NULL, test_now (), cancellable, &error);
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  /* Stopped by the cancel (CANCELLED below), not by the 3 s timeout (TIMEOUT). */
  assert_survived (f, before, outcome, BAKEN_SYNC_RESULT_FAILED, BAKEN_SYNC_ERROR_CANCELLED,
                   NULL);
}

static void
damage_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  data[length / 2] ^= 0xff;
  g_chmod (path, 0644);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

/* The pointer holds garbage, the bundles are intact: the kiosk keeps both and shows the
 * newest, and the same bundle offered again is unchanged. */
static void
test_damaged_pointer (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pointer = g_build_filename (f->state_dir, "current", NULL);
  g_autofree char *old_dir = g_build_filename (f->state_dir, "bundles", "10", NULL);
  g_autoptr(BakenSyncOutcome) outcome = NULL;

  publish_good (f->pub_dir, BASE_SERIAL + 1);
  assert_installed (f, BASE_SERIAL + 1);
  g_clear_object (&f->sync);
  g_assert_true (g_file_set_contents (pointer, "\x7f\x01 garbage", -1, NULL));

  open_sync (f);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL + 1);
  g_assert_true (g_file_test (old_dir, G_FILE_TEST_IS_DIR));
  assert_status_line (f, NULL, "previous 10");

  outcome = run_sync (f, NULL, 0);
  g_assert_no_error (outcome->error);
  g_assert_cmpint (outcome->result, ==, BAKEN_SYNC_RESULT_UNCHANGED);
}

/* The installed content file is damaged: the same bundle is not "unchanged" (neither
 * by a 304 nor by the signed manifest), it is taken again. */
static void
test_damaged_install_taken_again (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *content = g_build_filename (f->state_dir, "bundles", "10",
                                               "content-10.sqlite", NULL);
  g_autofree char *usb = g_build_filename (g_get_user_cache_dir (), "usb", NULL);
  g_autoptr(BakenSyncOutcome) http = NULL;
  g_autoptr(BakenSyncOutcome) folder = NULL;
  g_autoptr(BakenSyncOutcome) again = NULL;

  damage_file (content);
  http = run_sync (f, NULL, 0);
  g_assert_no_error (http->error);
  g_assert_cmpint (http->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL);

  damage_file (content);
  publish_good (usb, BASE_SERIAL);
  folder = run_sync (f, usb, 0);
  g_assert_no_error (folder->error);
  g_assert_cmpint (folder->result, ==, BAKEN_SYNC_RESULT_INSTALLED);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL);

  /* Intact again: unchanged. */
  again = run_sync (f, usb, 0);
  g_assert_cmpint (again->result, ==, BAKEN_SYNC_RESULT_UNCHANGED);
}

/* The state DB is cut to 100 bytes ("malformed"): it is moved aside and made again from
 * the bundles, the floor included. */
static void
test_damaged_state (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->state_dir, "state.sqlite", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(BakenSyncOutcome) rollback = NULL;
  g_autoptr(BakenSyncOutcome) same = NULL;
  const char *name;
  guint aside = 0;
  gsize length;

  /* The last connection checkpoints the WAL into the file that is cut. */
  g_clear_object (&f->sync);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, 100, NULL));

  assert_status_line (f, NULL, "floor 10");
  dir = g_dir_open (f->state_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    aside += g_str_has_prefix (name, "state.sqlite.damaged-");
  g_assert_cmpuint (aside, ==, 1);

  open_sync (f);
  g_assert_cmpuint (current_serial (f), ==, BASE_SERIAL);
  publish_good (f->pub_dir, BASE_SERIAL - 1);
  rollback = run_sync (f, NULL, 0);
  g_assert_cmpint (rollback->result, ==, BAKEN_SYNC_RESULT_REFUSED);
  g_assert_error (rollback->error, BAKEN_SYNC_ERROR, BAKEN_SYNC_ERROR_ROLLBACK);

  publish_good (f->pub_dir, BASE_SERIAL);
  same = run_sync (f, NULL, 0);
  g_assert_no_error (same->error);
  g_assert_cmpint (same->result, ==, BAKEN_SYNC_RESULT_UNCHANGED);

  publish_good (f->pub_dir, BASE_SERIAL + 1);
  assert_installed (f, BASE_SERIAL + 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The isolated dirs have no GSettings schemas for GNOME's proxy settings. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  sync_test_init ();
  server_start ();
  good_url = server_url ("manifest.json");

#define ADD(path, func, data) \
  g_test_add ("/core/sync/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("unchanged-costs-one-request", test_unchanged_costs_one_request, NULL);
  ADD ("same-bundle-without-etag", test_same_bundle_without_etag, NULL);
  ADD ("redirect-followed", test_redirect_followed, NULL);
  ADD ("keeps-previous", test_keeps_previous, NULL);
  ADD ("clock-behind", test_clock_behind, NULL);
  ADD ("from-folder", test_from_folder, NULL);
  ADD ("fall-back-after-failed-opens", test_fall_back_after_failed_opens, NULL);
  ADD ("open-succeeded-resets", test_open_succeeded_resets, NULL);
  ADD ("cut-off-falls-back", test_cut_off_falls_back, NULL);
  ADD ("async-content-ready", test_async_content_ready, NULL);
  ADD ("scheduler-picks-up", test_scheduler_picks_up, NULL);
  ADD ("stale", test_stale, NULL);
  ADD ("deadline-frees-the-sync", test_deadline_frees_the_sync, NULL);
  ADD ("fault/disk-full", test_disk_full, NULL);
  ADD ("fault/cancelled-midway", test_cancelled_midway, NULL);
  ADD ("heal/damaged-pointer", test_damaged_pointer, NULL);
  ADD ("heal/damaged-install-taken-again", test_damaged_install_taken_again, NULL);
  ADD ("heal/damaged-state", test_damaged_state, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/sync/fault/%s", fault_cases[i].name);

      g_test_add (path, Fixture, &fault_cases[i], fixture_set_up, test_fault,
                  fixture_tear_down);
    }
#undef ADD

  status = g_test_run ();
  sync_test_cleanup ();
  g_free (good_url);
  return status;
}
