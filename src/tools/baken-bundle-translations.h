/* baken-bundle-translations.h: baken-bundle translations — content texts out to a
 * translator as a PO file, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * baken-bundle.c lists it in its table of subcommands with the summary and description
 * below. Exit status: 0 ok, 1 a problem with the content, the PO file or the output (or
 * conflicts that were left out), 2 wrong usage.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_BUNDLE_TRANSLATIONS_PARAMETERS "export SRC OUT.po --lang LANG | import SRC IN.po"
#define BAKEN_BUNDLE_TRANSLATIONS_SUMMARY "Hand content texts to a translator (PO) and take them back"
#define BAKEN_BUNDLE_TRANSLATIONS_DESCRIPTION \
  "export writes every text of the content source SRC that translations.csv can translate\n" \
  "(life events and the notes of their services, organisations, services, what to bring,\n" \
  "phones and channels, locations, accessibility, exceptions) to OUT.po, a gettext PO\n" \
  "file for the language --lang: the Dutch text is the msgid, \"TABLE:ID:FIELD\" the\n" \
  "msgctxt, the translation so far the msgstr. A translation made from an older Dutch\n" \
  "text (its source_hash in translations.csv is not the hash of today's Dutch) is marked\n" \
  "\"#, fuzzy\". Any PO editor (Poedit, Lokalize, Weblate) or a text editor works on it;\n" \
  "msgfmt -c accepts it.\n" \
  "\n" \
  "import reads IN.po (its header names the language) and writes every translated entry\n" \
  "that is not fuzzy into SRC/translations.csv, with the source_hash of the Dutch it\n" \
  "translates. Rows that do not change keep their bytes; new rows go next to the rows of\n" \
  "the same record. An entry whose record is gone or whose Dutch changed since the export\n" \
  "is a conflict: it is left out and printed as IN.po:LINE. A file that is not a PO file\n" \
  "of export is refused with IN.po:LINE: MESSAGE, and nothing is written. --dry-run\n" \
  "prints what import would do and writes nothing. SRC must have no problems (see\n" \
  "baken-bundle lint).\n" \
  "\n" \
  "Exit status:\n" \
  "  0  the PO file was written, or every entry was imported\n" \
  "  1  SRC has problems, IN.po is refused, a file cannot be written, or conflicts were\n" \
  "     left out (the other entries were imported)\n" \
  "  2  wrong usage\n" \
  "\n" \
  "Examples:\n" \
  "  baken-bundle translations export content/ --lang ar content-ar.po\n" \
  "  msgfmt -c -o /dev/null content-ar.po\n" \
  "  baken-bundle translations import content/ content-ar.po"

int baken_bundle_run_translations (int    argc,
                                   char **argv);

G_END_DECLS
