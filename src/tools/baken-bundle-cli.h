/* baken-bundle-cli.h: what every baken-bundle subcommand's command line shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its option context ("baken-bundle NAME" in --help) and its two kinds of failure:
 * wrong usage (exit status 2, with a pointer to --help) and a problem with the input or
 * the output (exit status 1).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_BUNDLE_EXIT_PROBLEMS 1
#define BAKEN_BUNDLE_EXIT_USAGE    2

/* A context for subcommand name: its synopsis parameters, summary, description and
 * options (entries nullable). */
GOptionContext *baken_bundle_cli_context_new  (const char         *name,
                                               const char         *parameters,
                                               const char         *summary,
                                               const char         *description,
                                               const GOptionEntry *entries);
/* "baken-bundle COMMAND: MESSAGE" and "Try 'baken-bundle COMMAND --help'." on standard
 * error; returns BAKEN_BUNDLE_EXIT_USAGE. */
int             baken_bundle_cli_usage_error  (const char         *command,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (2, 3);
/* "baken-bundle COMMAND: MESSAGE" on standard error; returns BAKEN_BUNDLE_EXIT_PROBLEMS. */
int             baken_bundle_cli_problem      (const char         *command,
                                               const char         *format,
                                               ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
