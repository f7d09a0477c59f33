/* baken-bundle-diff.h: baken-bundle diff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 compared (with or without changes), 1 a side cannot be read or does
 * not build, 2 wrong usage.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_BUNDLE_DIFF_PARAMETERS "OLD NEW"
#define BAKEN_BUNDLE_DIFF_SUMMARY "Show what changed between two versions of the content"
#define BAKEN_BUNDLE_DIFF_DESCRIPTION \
  "Compares the content of OLD with NEW, for a content editor who reviews it before it\n" \
  "is published. Each is a content source folder (it is built first, and must build), a\n" \
  "bundle folder (its content-SERIAL.sqlite) or a content DB (.sqlite): last week's\n" \
  "bundle and this week's import, for example.\n" \
  "\n" \
  "Listed per kind (content, services, the menu, organisations, locations), each record\n" \
  "as added (+, with all it says), removed (-) or changed (~, with each fact before and\n" \
  "after): names and texts, in Dutch and in each translation (\"name [en]\"), age limits,\n" \
  "costs and the wait, phones and other channels (staff-only ones marked), weekly hours\n" \
  "and other hours on dates, places, what to bring, and the life events that list it.\n" \
  "\n" \
  "Text goes to standard output; --html writes one self-contained HTML page instead\n" \
  "(to --output FILE, or standard output).\n" \
  "\n" \
  "Exit status:\n" \
  "  0  compared (whether or not anything changed)\n" \
  "  1  OLD or NEW cannot be read, or a source does not build (its problems are listed)\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Examples:\n" \
  "  baken-bundle diff published/ content/\n" \
  "  baken-bundle diff --html --output review.html published/ content/"

int baken_bundle_run_diff (int    argc,
                           char **argv);

G_END_DECLS
