/* baken-file-printer.h: a printer that writes each slip as a PDF file into a folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For tests and for kiosks without a printer during development. Each slip becomes
 * FOLDER/slip-YYYYMMDD-HHMMSS-N.pdf, written completely before it appears (a temporary
 * file renamed into place). A missing or read-only folder reports
 * BAKEN_PRINT_STATE_NO_PRINTER.
 */
#pragma once

#include "baken-printer.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_FILE_PRINTER (baken_file_printer_get_type ())
G_DECLARE_FINAL_TYPE (BakenFilePrinter, baken_file_printer, BAKEN, FILE_PRINTER, GObject)

BakenPrinter *baken_file_printer_new        (const char       *folder);
const char   *baken_file_printer_get_folder (BakenFilePrinter *self);

G_END_DECLS
