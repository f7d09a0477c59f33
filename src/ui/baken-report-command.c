/* baken-report-command.c: baken --export-reports DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same export as the staff status screen, from the command line and the files
 * alone: the counts on disk (a running kiosk writes them every minute), the installed
 * content from the sync's state. A running kiosk is not asked: this command knows
 * nothing of its printer, so today's report says "none" there and an uptime of 0.
 */
#define G_LOG_DOMAIN "baken-application"

#include "config.h"

#include "baken-report-command.h"

#include "baken-kiosk-setup.h"
#include "baken-report.h"

int
baken_report_command_run (const char *dest,
                          const char *config_path,
                          const char *state_dir)
{
  g_autoptr(BakenConfig) config = NULL;
  g_autoptr(BakenSync) sync = NULL;
  g_autoptr(BakenState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_path = NULL;
  g_autofree char *reports = NULL;
  g_auto(BakenInstalled) installed = { 0 };
  BakenReportStatus status = { 0 };
  guint exported = 0;

  config = baken_kiosk_setup_load_config (config_path, &error);
  if (config == NULL)
    {
      g_printerr ("baken: %s\n", error->message);
      return 1;
    }
  sync = baken_kiosk_setup_open_sync (config, state_dir);
  if (sync == NULL)
    return 1;
  baken_sync_get_installed (sync, &installed);

  state_path = g_build_filename (baken_sync_get_state_dir (sync), "state.sqlite", NULL);
  reports = g_build_filename (baken_sync_get_state_dir (sync), "reports", NULL);
  state = baken_state_open (state_path, &error);
  if (state == NULL)
    {
      g_printerr ("baken: --export-reports: %s\n", error->message);
      return 1;
    }

  status.kiosk_id = config->monitor.kiosk_id;
  status.kiosk_name = config->name;
  status.content_serial = installed.serial;
  status.content_published = installed.created;
  status.content_source = (char *) (installed.serial > 0 ? "bundle"
                                    : config->sync.keys->len > 0 ? "none" : "demo");
  status.printer_state = (char *) "none";

  if (!baken_report_export (state, reports, &status, g_get_real_time () / G_USEC_PER_SEC,
                            dest, &exported, &error))
    {
      g_printerr ("baken: --export-reports %s: %s\n", dest, error->message);
      return 1;
    }

  g_print ("%u report%s written to %s/%s\n", exported, exported == 1 ? "" : "s", dest,
           config->monitor.kiosk_id);
  return 0;
}
