/* baken-sync-command.h: baken --sync-now and --sync-from DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs --sync-now (sync_now) or --sync-from sync_from from the command line: through
 * the running kiosk's actions "sync-now" and "sync-from" when there is one (registering
 * application), else --sync-from on its own, blocking, with config_path and state_dir
 * (both nullable). Prints the result; returns the exit status. */
int  baken_sync_command_run         (GApplication *application,
                                     gboolean      sync_now,
                                     const char   *sync_from,
                                     const char   *config_path,
                                     const char   *state_dir);

/* A GAsyncReadyCallback for baken_sync_run_async () of a --sync-from in the running
 * kiosk: logs the outcome. */
void baken_sync_command_report_done (GObject      *object,
                                     GAsyncResult *result,
                                     gpointer      user_data);

G_END_DECLS
