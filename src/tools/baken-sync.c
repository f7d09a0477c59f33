/* baken-sync.c: run one sync by hand, for operations and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   baken-sync --config FILE [--state DIR] --now        sync from the configured URL
 *   baken-sync --config FILE [--state DIR] --from DIR   sync from a folder (USB stick)
 *   baken-sync --config FILE [--state DIR] --status     what is installed, the root keys
 *                                                      document in force, whether the
 *                                                      clock runs behind it, the sync log
 *
 * --at TIME runs as if the clock said TIME (ISO 8601 or Unix seconds). The exit status
 * is 0 when the bundle was installed or is unchanged, 1 when the sync failed (and will be
 * retried), 2 when the bundle was refused, 3 on wrong usage or an unusable state folder.
 */
#define G_LOG_DOMAIN "baken-sync"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include <glib.h>

#include "baken-bundle.h"
#include "baken-config.h"
#include "baken-root.h"
#include "baken-state.h"
#include "baken-store.h"
#include "baken-sync.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_REFUSED = 2,
  EXIT_USAGE = 3,
};

static gboolean
parse_at (const char *text,
          gint64     *time)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  guint64 seconds;

  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &seconds, NULL))
    {
      *time = seconds;
      return TRUE;
    }
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return FALSE;
  *time = g_date_time_to_unix (dt);
  return TRUE;
}

static int
print_status (BakenSync *sync,
              gint64     now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenStore) store = baken_store_new (baken_sync_get_state_dir (sync), &error);
  g_autofree char *state_path = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_auto(BakenInstalled) installed = { 0 };
  guint64 current = 0, previous = 0;

  if (store == NULL || !baken_store_read_pointer (store, &current, &previous, &error))
    {
      g_printerr ("baken-sync: %s\n", error->message);
      return EXIT_USAGE;
    }
  state_path = baken_store_get_state_path (store);
  state = baken_state_open (state_path, &error);
  if (state == NULL || !baken_state_get_installed (state, &installed, &error) ||
      (log = baken_state_get_sync_log (state, 10, &error)) == NULL)
    {
      g_printerr ("baken-sync: %s\n", error->message);
      return EXIT_USAGE;
    }

  g_print ("current %" G_GUINT64_FORMAT "\nprevious %" G_GUINT64_FORMAT "\n"
           "floor %" G_GUINT64_FORMAT "\nstale %u\n",
           current, previous, installed.floor_serial, baken_sync_get_stale (sync));
  /* The root keys document in force, and the keys bundles must be signed by now. */
  {
    g_autoptr(GPtrArray) keys = baken_sync_dup_keys (sync);
    g_autofree char *ids = baken_root_format_key_ids (keys);

    g_print ("root %u\ncontent-keys %s\n", baken_sync_get_root_version (sync), ids);
  }
  /* A clock behind the newest bundle this kiosk accepted: content stays, but opening
   * hours on screen follow the wrong clock. */
  if (installed.floor_created > now + BAKEN_BUNDLE_CLOCK_SKEW)
    g_print ("clock behind %" G_GINT64_FORMAT " min: check the time sync (NTP) and the "
             "clock battery\n", (installed.floor_created - now) / 60);
  else
    g_print ("clock ok\n");
  for (guint i = 0; i < log->len; i++)
    {
      BakenSyncLogEntry *entry = g_ptr_array_index (log, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (entry->time);
      g_autofree char *when = g_date_time_format_iso8601 (time);

      g_print ("log %s %s %" G_GUINT64_FORMAT " %s %s\n", when,
               baken_sync_result_to_string (entry->result), entry->serial, entry->source,
               entry->reason != NULL ? entry->reason : "");
    }

  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenSync) sync = NULL;
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *state_dir = NULL;
  g_autofree char *from = NULL;
  g_autofree char *at = NULL;
  gboolean now = FALSE, status = FALSE;
  gint64 time = g_get_real_time () / G_USEC_PER_SEC;
  const GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_path, "The kiosk configuration", "FILE" },
    { "state", 's', 0, G_OPTION_ARG_FILENAME, &state_dir, "The state folder", "DIR" },
    { "now", 0, 0, G_OPTION_ARG_NONE, &now, "Sync from the configured URL now", NULL },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, "Sync from a folder", "DIR" },
    { "status", 0, 0, G_OPTION_ARG_NONE, &status, "Show what is installed and the sync log", NULL },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, "Run as if the clock said TIME", "TIME" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* A file size limit must fail a write (EFBIG), not kill the process. */
  signal (SIGXFSZ, SIG_IGN);

  context = g_option_context_new ("- fetch, verify and install a Baken content bundle");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("baken-sync: %s\n", error->message);
      return EXIT_USAGE;
    }
  if ((now ? 1 : 0) + (from != NULL ? 1 : 0) + (status ? 1 : 0) != 1 || argc > 1)
    {
      g_printerr ("baken-sync: give one of --now, --from DIR or --status\n");
      return EXIT_USAGE;
    }
  if (at != NULL && !parse_at (at, &time))
    {
      g_printerr ("baken-sync: --at \"%s\" is not a time such as 2025-03-01T08:00:00Z\n", at);
      return EXIT_USAGE;
    }

  config = config_path != NULL ? baken_config_load (config_path, &error) : baken_config_new ();
  if (config == NULL)
    {
      g_printerr ("baken-sync: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (state_dir == NULL)
    state_dir = baken_sync_dup_default_state_dir ();

  sync = baken_sync_new (&config->sync, state_dir, &error);
  if (sync == NULL)
    {
      g_printerr ("baken-sync: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (status)
    return print_status (sync, time != 0 ? time : g_get_real_time () / G_USEC_PER_SEC);

  outcome = baken_sync_run (sync, from, time, NULL, &error);
  if (outcome == NULL)
    {
      g_printerr ("baken-sync: %s\n", error->message);
      return EXIT_USAGE;
    }

  g_print ("%s %" G_GUINT64_FORMAT "%s%s\n", baken_sync_result_to_string (outcome->result),
           outcome->serial, outcome->error != NULL ? ": " : "",
           outcome->error != NULL ? outcome->error->message : "");
  g_print ("requests %u bytes %" G_GUINT64_FORMAT " download %.3f s verify %.3f s "
           "install %.3f s\n", outcome->requests, outcome->bytes,
           outcome->download_us / 1e6, outcome->verify_us / 1e6, outcome->install_us / 1e6);

  switch (outcome->result)
    {
    case BAKEN_SYNC_RESULT_INSTALLED:
    case BAKEN_SYNC_RESULT_UNCHANGED:
      return EXIT_OK;
    case BAKEN_SYNC_RESULT_REFUSED:
      return EXIT_REFUSED;
    case BAKEN_SYNC_RESULT_FAILED:
    case BAKEN_SYNC_RESULT_FALLBACK:
    default:
      return EXIT_FAILED;
    }
}
