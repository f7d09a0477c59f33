/* baken-report-markup.c: hostile text into the report's HTML and SVG (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-markup.h"

#include <string.h>

static gboolean
is_direction_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

void
baken_report_markup_append (GString    *out,
                            const char *text,
                            guint       max_chars)
{
  const char *end;
  guint n = 0;

  g_return_if_fail (out != NULL);
  if (text == NULL)
    return;
  end = text + strlen (text);
  while (text < end)
    {
      gunichar c = g_utf8_get_char_validated (text, end - text);

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          return;
        }
      n++;
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\xEF\xBF\xBD");
          text++;
          continue;
        }
      text = g_utf8_next_char (text);
      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        default:
          if (g_unichar_iscntrl (c) || is_direction_control (c) || c == 0xFEFF)
            g_string_append (out, "\xEF\xBF\xBD");
          else
            g_string_append_unichar (out, c);
        }
    }
}
