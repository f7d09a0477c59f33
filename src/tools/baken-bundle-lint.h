/* baken-bundle-lint.h: the content-quality subcommands of baken-bundle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lint and inspect. baken-bundle.c lists them in its table of
 * subcommands with the summaries and descriptions below; each run function parses its own
 * options. Exit status: 0 ok, 1 a problem with the content or the output, 2 wrong usage.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_BUNDLE_LINT_PARAMETERS "SRC"
#define BAKEN_BUNDLE_LINT_SUMMARY "Check a content source for problems an editor can fix"
#define BAKEN_BUNDLE_LINT_DESCRIPTION \
  "Checks the content source in the folder SRC: everything `baken-bundle build` checks\n" \
  "(rule \"build\"), and rules for the quality of the content. Each problem is printed on\n" \
  "standard output as\n" \
  "\n" \
  "  SRC/FILE:LINE:COLUMN: error|warning: MESSAGE (RULE)\n" \
  "\n" \
  "where COLUMN is the number of the field in its row, followed by \"N errors, N warnings\".\n" \
  "\n" \
  "Errors:\n" \
  "  build                what the build refuses (see docs/content-format.md)\n" \
  "  public-channel       a service without a public phone or channel\n" \
  "  life-event-services  a life event that leads to no active service\n" \
  "  dutch-text           a service without a description, a translation without Dutch\n" \
  "  phone                a malformed phone number (Dutch: 10 digits starting with 0,\n" \
  "                       0800/0900 numbers, 14 + area code, +31 and 9 digits)\n" \
  "  url                  a web address without a valid host name\n" \
  "Warnings:\n" \
  "  sentence-length      a sentence over 15 words (B1 Dutch, see CONTENT.md)\n" \
  "  word-length          a word over 22 letters\n" \
  "  jargon               an official word, with a plainer one suggested\n" \
  "  abbreviation         i.v.m., o.a., z.s.m. and the like\n" \
  "  tile-label           a life-event title of 5 words (tiles take 1 to 4)\n" \
  "  url-https            a web address with http:// instead of https://\n" \
  "  hours-long           open more than 16 hours on a day (00:00-24:00 is fine)\n" \
  "  hours-overlap        two slots of the same phone, channel, desk or service overlap\n" \
  "  assured-date         a service last checked more than --max-age days ago\n" \
  "  icon-unused          a file in icons/ that no life event uses\n" \
  "\n" \
  "Exit status:\n" \
  "  0  no errors (warnings allowed, unless --strict)\n" \
  "  1  errors, or warnings with --strict\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Examples:\n" \
  "  baken-bundle lint data/demo\n" \
  "  baken-bundle lint --strict --max-age 180 content/\n" \
  "  baken-bundle lint --format json content/ > lint.json"

#define BAKEN_BUNDLE_INSPECT_PARAMETERS "BUNDLE|SRC"
#define BAKEN_BUNDLE_INSPECT_SUMMARY "Summarise a bundle, content DB or content source"
#define BAKEN_BUNDLE_INSPECT_DESCRIPTION \
  "Prints a summary of BUNDLE, which is a bundle folder (manifest.json and\n" \
  "content-SERIAL.sqlite) or a content DB file: serial, created, expires and the key id\n" \
  "(from the manifest, when there is one), the number of records per table and per\n" \
  "language, services without a public phone or channel, services whose assured_date is\n" \
  "older than --max-age days (or missing), and per language the texts that are not\n" \
  "translated and so show in Dutch (a count and the first few ids).\n" \
  "\n" \
  "For a content source folder SRC (with datapackage.json) it prints the publisher,\n" \
  "region, languages, the number of problems, the rows per table and, per language, the\n" \
  "percentage of the Dutch texts that is translated, how many translations are fuzzy\n" \
  "(made from an older Dutch text, see baken-bundle translations) and how many have no\n" \
  "source_hash yet.\n" \
  "\n" \
  "Exit status:\n" \
  "  0  the summary was printed\n" \
  "  1  BUNDLE or SRC cannot be read\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Examples:\n" \
  "  baken-bundle inspect publish/\n" \
  "  baken-bundle inspect content.sqlite\n" \
  "  baken-bundle inspect content/"

int baken_bundle_run_lint    (int    argc,
                              char **argv);
int baken_bundle_run_inspect (int    argc,
                              char **argv);

G_END_DECLS
