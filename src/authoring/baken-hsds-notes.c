/* baken-hsds-notes.c: what export and import leave out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-notes.h"

void
baken_hsds_add_note (GPtrArray  *notes,
                     const char *format,
                     ...)
{
  va_list args;

  if (notes == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (notes, g_strdup_vprintf (format, args));
  va_end (args);
}
