/* baken-report-command.h: baken --export-reports DIR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes the reports that are due, then copies every pending report and today's so
 * far into dest/KIOSK-ID/, from the state folder state_dir (nullable: the default)
 * with the config at config_path (nullable: the system's). Prints the result; returns
 * the exit status (0, or 1 when it could not). */
int baken_report_command_run (const char *dest,
                              const char *config_path,
                              const char *state_dir);

G_END_DECLS
