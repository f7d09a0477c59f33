/* baken-bundle-slip.h: baken-bundle slip — render a referral slip without a printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * baken-bundle.c lists it in its table of subcommands with the summary and description
 * below. Exit status: 0 ok, 1 a problem with the content or the output, 2 wrong usage.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_BUNDLE_SLIP_PARAMETERS "SERVICE-ID"
#define BAKEN_BUNDLE_SLIP_SUMMARY "Render the printed slip of a service to PDF or PNG"
#define BAKEN_BUNDLE_SLIP_DESCRIPTION \
  "Draws the referral slip a resident gets for the service SERVICE-ID, exactly as a kiosk\n" \
  "prints it, from the content DB given with --content (a content-SERIAL.sqlite, or\n" \
  "the .sqlite that `baken-bundle build SRC FILE.sqlite` writes). No printer is needed:\n" \
  "content editors use it to check how long names, hours and addresses come out.\n" \
  "\n" \
  "--paper is receipt-80mm (80 mm wide, as long as the content), a4 or a5. --lang picks\n" \
  "the language of the content and of the slip's headings: nl, en, ar, tr, pl or uk. A\n" \
  "text the content lacks in that language is printed in Dutch, marked \"(Nederlands)\" in\n" \
  "the slip's language; an Arabic slip runs right to left. --event adds the life event\n" \
  "the resident came through, with its icon. --config reads a kiosk.conf for the kiosk's\n" \
  "name and place (walking distances). --time prints the slip as if printed then\n" \
  "(ISO 8601), for slips that do not change between runs.\n" \
  "\n" \
  "-o FILE writes a PDF; FILE ending in .png writes the on-screen preview instead, at\n" \
  "--scale pixels per millimetre (default 8).\n" \
  "\n" \
  "Exit status:\n" \
  "  0  the slip was written\n" \
  "  1  no such (active) service or life event, or the content DB or FILE has a problem\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Examples:\n" \
  "  baken-bundle slip svc-schuldhulp --content content.sqlite -o slip.pdf\n" \
  "  baken-bundle slip svc-schuldhulp --content content.sqlite --paper a4 --lang en \\\n" \
  "      --event le-schulden --config /etc/baken/kiosk.conf -o slip.png"

int baken_bundle_run_slip (int    argc,
                           char **argv);

G_END_DECLS
