/* baken-printer-choice.h: at the desk, which CUPS queue the slips go to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For `baken --desk` on the status page: the queues the print service offers, in a
 * drop-down, the one slips go to now chosen. Choosing one sends the next slips there
 * (baken_printer_loader_set_queue ()) and emits "changed". Until the list is in, and
 * when the print service cannot list its queues, a line says so.
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-printer-loader.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_PRINTER_CHOICE (baken_printer_choice_get_type ())
G_DECLARE_FINAL_TYPE (BakenPrinterChoice, baken_printer_choice, BAKEN, PRINTER_CHOICE, GtkWidget)

GtkWidget *baken_printer_choice_new (BakenPrinterLoader *loader);

G_END_DECLS
