/* baken-sync-command.c: baken --sync-now and --sync-from DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command asks the running kiosk (its application actions "sync-now" and
 * "sync-from") when one owns the name on the session bus; with none running,
 * --sync-now prints so and exits 1, and --sync-from applies the bundle on its own and
 * prints the result (exit status 0: installed or unchanged, 1: failed, 2: refused).
 */
#define G_LOG_DOMAIN "baken-application"

#include "config.h"

#include "baken-sync-command.h"

#include "baken-kiosk-setup.h"
#include "baken-sync.h"

static const char *
result_name (BakenSyncResult result)
{
  switch (result)
    {
    case BAKEN_SYNC_RESULT_INSTALLED:
      return "installed";
    case BAKEN_SYNC_RESULT_UNCHANGED:
      return "unchanged";
    case BAKEN_SYNC_RESULT_FAILED:
      return "failed";
    case BAKEN_SYNC_RESULT_REFUSED:
      return "refused";
    case BAKEN_SYNC_RESULT_FALLBACK:
    default:
      return "fallback";
    }
}

/* --sync-from DIR with no kiosk running: the same sync, here, blocking. */
static int
sync_from_alone (BakenConfig *config,
                 const char  *state_dir,
                 const char  *folder)
{
  g_autoptr(BakenSync) sync = NULL;
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  sync = baken_kiosk_setup_open_sync (config, state_dir);
  if (sync == NULL)
    return 1;

  outcome = baken_sync_run (sync, folder, g_get_real_time () / G_USEC_PER_SEC, NULL, &error);
  if (outcome == NULL)
    {
      g_printerr ("baken: --sync-from %s: %s\n", folder, error->message);
      return 1;
    }

  switch (outcome->result)
    {
    case BAKEN_SYNC_RESULT_INSTALLED:
      g_print ("baken: installed bundle %" G_GUINT64_FORMAT " from %s; the kiosk shows it "
               "when it starts\n", outcome->serial, folder);
      return 0;
    case BAKEN_SYNC_RESULT_UNCHANGED:
      g_print ("baken: bundle %" G_GUINT64_FORMAT " from %s is already installed\n",
               outcome->serial, folder);
      return 0;
    case BAKEN_SYNC_RESULT_REFUSED:
      g_printerr ("baken: refused the bundle in %s: %s\n", folder,
                  outcome->error != NULL ? outcome->error->message : "(no reason)");
      return 2;
    case BAKEN_SYNC_RESULT_FAILED:
    case BAKEN_SYNC_RESULT_FALLBACK:
    default:
      g_printerr ("baken: could not apply the bundle in %s: %s\n", folder,
                  outcome->error != NULL ? outcome->error->message : "(no reason)");
      return 1;
    }
}

/* Whether a kiosk owns our name on the session bus. Asked without registering: becoming
 * the primary instance would start GTK, and --sync-from must work without a display. */
static gboolean
kiosk_is_running (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APPLICATION_ID),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* --sync-now and --sync-from: through the running kiosk when there is one. */
int
baken_sync_command_run (GApplication *application,
                        gboolean      sync_now,
                        const char   *sync_from,
                        const char   *config_path,
                        const char   *state_dir)
{
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  if (sync_from != NULL)
    {
      folder = g_canonicalize_filename (sync_from, NULL);
      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_printerr ("baken: --sync-from %s: not a folder; give the folder that holds "
                      "manifest.json\n", sync_from);
          return 1;
        }
    }

  if (kiosk_is_running ())
    {
      GDBusConnection *bus;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("baken: %s\n", error->message);
          return 1;
        }
      if (!g_application_get_is_remote (application))
        {
          g_printerr ("baken: the running kiosk has just stopped; try again\n");
          return 1;
        }

      bus = g_application_get_dbus_connection (application);

      if (sync_now)
        g_action_group_activate_action (G_ACTION_GROUP (application), "sync-now", NULL);
      else
        g_action_group_activate_action (G_ACTION_GROUP (application), "sync-from",
                                        g_variant_new_string (folder));
      if (bus != NULL && !g_dbus_connection_flush_sync (bus, NULL, &error))
        {
          g_printerr ("baken: cannot reach the running kiosk: %s\n", error->message);
          return 1;
        }

      g_print ("baken: asked the running kiosk to %s%s; it logs the result (its journal, "
               "and baken-sync --status)\n", sync_now ? "sync now" : "apply ",
               sync_now ? "" : folder);
      return 0;
    }

  if (sync_now)
    {
      g_printerr ("baken: --sync-now: no kiosk is running on this session bus; it asks the "
                  "running kiosk (start baken first, or use --sync-from DIR on its own)\n");
      return 1;
    }

  config = baken_kiosk_setup_load_config (config_path, &error);
  if (config == NULL)
    {
      g_printerr ("baken: %s\n", error->message);
      return 1;
    }

  return sync_from_alone (config, state_dir, folder);
}

void
baken_sync_command_report_done (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(BakenSyncOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  outcome = baken_sync_run_finish (BAKEN_SYNC (object), result, &error);
  if (outcome == NULL)
    g_warning ("baken --sync-from: %s", error->message);
  else if (outcome->result == BAKEN_SYNC_RESULT_INSTALLED ||
           outcome->result == BAKEN_SYNC_RESULT_UNCHANGED)
    g_message ("baken --sync-from %s: %s bundle %" G_GUINT64_FORMAT, outcome->source,
               result_name (outcome->result), outcome->serial);
  else
    g_warning ("baken --sync-from %s: %s: %s", outcome->source, result_name (outcome->result),
               outcome->error != NULL ? outcome->error->message : "(no reason)");
}
