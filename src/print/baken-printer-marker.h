/* baken-printer-marker.h: what a printer has left of its supplies (toner, ink, paper)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As IPP reports them (marker-names, marker-levels, marker-low-levels), for the staff
 * status screen: the desk sees that the toner runs low before a resident's slip comes
 * out blank. Many receipt printers report none; then nothing is shown.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Levels IPP uses besides 0–100. */
#define BAKEN_PRINTER_MARKER_UNAVAILABLE  (-1)  /* the printer cannot tell */
#define BAKEN_PRINTER_MARKER_UNKNOWN      (-2)  /* not known now */
#define BAKEN_PRINTER_MARKER_SOME_LEFT    (-3)  /* not empty, no percentage */

typedef struct
{
  char *name;       /* as the printer names it ("Black Toner", "Zwart") */
  int   level;      /* 0–100 percent, or one of the levels above */
  int   low_level;  /* the percentage the printer calls low, or -1 */
} BakenPrinterMarker;

/* Markers at most kept of one printer: a hostile or broken printer may report any
 * number. */
#define BAKEN_PRINTER_MARKERS_MAX 16

BakenPrinterMarker *baken_printer_marker_new      (const char               *name,
                                                   int                       level,
                                                   int                       low_level);
void                baken_printer_marker_free     (BakenPrinterMarker       *marker);
/* A new array (element-type BakenPrinterMarker) with copies of those of markers, or
 * empty for NULL. */
GPtrArray          *baken_printer_markers_copy    (GPtrArray                *markers);
/* Is it at or below its low level (or empty)? */
gboolean            baken_printer_marker_is_low   (const BakenPrinterMarker *marker);
/* One line for staff in the current gettext language: "Black Toner: 12% (bijna op)",
 * "Zwart: onbekend". */
char               *baken_printer_marker_describe (const BakenPrinterMarker *marker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenPrinterMarker, baken_printer_marker_free)

G_END_DECLS
