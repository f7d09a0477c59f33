/* baken-printer-marker.c: what a printer has left of its supplies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-printer"

#include "config.h"

#include "baken-printer-marker.h"

#include <glib/gi18n-lib.h>

/* A printer's name of its supply is shown as a label: bounded, one line, valid UTF-8. */
#define NAME_MAX_CHARS 60

BakenPrinterMarker *
baken_printer_marker_new (const char *name,
                          int         level,
                          int         low_level)
{
  BakenPrinterMarker *marker = g_new0 (BakenPrinterMarker, 1);
  g_autofree char *valid = g_utf8_make_valid (name != NULL && *name != '\0' ? name : "?", -1);
  g_autofree char *cut = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1),
                                                           NAME_MAX_CHARS));

  marker->name = g_strdelimit (g_steal_pointer (&cut), "\r\n\t", ' ');
  marker->level = level > 100 ? 100 : level < BAKEN_PRINTER_MARKER_SOME_LEFT
                                      ? BAKEN_PRINTER_MARKER_UNKNOWN : level;
  marker->low_level = low_level >= 0 && low_level <= 100 ? low_level : -1;

  return marker;
}

void
baken_printer_marker_free (BakenPrinterMarker *marker)
{
  if (marker == NULL)
    return;
  g_free (marker->name);
  g_free (marker);
}

GPtrArray *
baken_printer_markers_copy (GPtrArray *markers)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) baken_printer_marker_free);

  for (guint i = 0; markers != NULL && i < markers->len; i++)
    {
      BakenPrinterMarker *marker = g_ptr_array_index (markers, i);

      g_ptr_array_add (copy, baken_printer_marker_new (marker->name, marker->level,
                                                       marker->low_level));
    }

  return copy;
}

gboolean
baken_printer_marker_is_low (const BakenPrinterMarker *marker)
{
  g_return_val_if_fail (marker != NULL, FALSE);

  if (marker->level < 0)
    return FALSE;

  return marker->level == 0 || (marker->low_level >= 0 && marker->level <= marker->low_level);
}

char *
baken_printer_marker_describe (const BakenPrinterMarker *marker)
{
  g_return_val_if_fail (marker != NULL, NULL);

  switch (marker->level)
    {
    case BAKEN_PRINTER_MARKER_SOME_LEFT:
      /* Translators: staff status screen; %s is the printer's name of a supply such as
       * "Black Toner"; the printer says some is left but not how much */
      return g_strdup_printf (_("%s: nog niet op"), marker->name);
    case BAKEN_PRINTER_MARKER_UNAVAILABLE:
    case BAKEN_PRINTER_MARKER_UNKNOWN:
      /* Translators: staff status screen; %s is the printer's name of a supply */
      return g_strdup_printf (_("%s: onbekend"), marker->name);
    default:
      break;
    }

  if (marker->level == 0)
    /* Translators: staff status screen; %s is the printer's name of a supply (toner,
     * ink, paper) that is used up */
    return g_strdup_printf (_("%s: op"), marker->name);
  if (baken_printer_marker_is_low (marker))
    /* Translators: staff status screen; %s is a supply, %d%% how much is left */
    return g_strdup_printf (_("%s: %d%% (bijna op)"), marker->name, marker->level);

  /* Translators: staff status screen; %s is a supply, %d%% how much is left */
  return g_strdup_printf (_("%s: %d%%"), marker->name, marker->level);
}
