/* baken-bidi.c: numbers that survive right-to-left text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bidi"

#include "config.h"

#include "baken-bidi.h"

#include <gtk/gtk.h>

#define LRI "\xe2\x81\xa6"   /* U+2066 LEFT-TO-RIGHT ISOLATE */
#define PDI "\xe2\x81\xa9"   /* U+2069 POP DIRECTIONAL ISOLATE */

static gboolean
is_rtl (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
}

char *
baken_bidi_isolate_value (const char *text)
{
  if (text == NULL)
    return NULL;

  return g_strconcat (LRI, text, PDI, NULL);
}

char *
baken_bidi_isolate_numbers (const char *text)
{
  static GRegex *numbers = NULL;

  if (text == NULL)
    return NULL;

  if (g_once_init_enter (&numbers))
    {
      /* Digit groups joined by a space, hyphen, dot or slash ("030 555 01 23",
       * "+31 30 555 0123", "0800-1234", "1-1-2027"), and Dutch postcodes ("1234 AB"). */
      GRegex *regex = g_regex_new ("\\+?\\d+(?:[ \\-./]\\d+)+|\\b\\d{4} ?[A-Z]{2}\\b",
                                   G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (regex != NULL);
      g_once_init_leave (&numbers, regex);
    }

  return g_regex_replace (numbers, text, -1, 0, LRI "\\0" PDI, 0, NULL);
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
