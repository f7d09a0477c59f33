/* baken-bidi.c: numbers that survive right-to-left text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bidi"

#include "config.h"

#include "baken-bidi.h"

#include <gtk/gtk.h>

static gboolean
is_rtl (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
}

char *
baken_bidi_dup_value (const char *text)
{
  return is_rtl () ? baken_bidi_isolate_value (text) : g_strdup (text);
}

char *
baken_bidi_dup_text (const char *text)
{
  return is_rtl () ? baken_bidi_isolate_numbers (text) : g_strdup (text);
}
