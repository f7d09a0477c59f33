/* baken-content-source-icons.c: check the SVG icons of the life events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An icon is icons/NAME.svg. It must be small, plain UTF-8 SVG with a square viewBox,
 * without scripts, entities, embedded content, event handlers or references to other
 * files. A valid icon is kept in the source, for the writer; a problem is placed on the
 * line and column of the icon's text where it is.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source-icons.h"

#include "baken-content-source.h"
#include "baken-content-source-report.h"
#include "baken-file.h"
#include "baken-icon-check.h"

#include <string.h>

#define MAX_ICON_SIZE     (64 * 1024)

/* Icons */

static void
report_icon (Source     *b,
             const char *file,
             const char *text,
             const char *at,
             const char *format,
             ...) G_GNUC_PRINTF (5, 6);

static void
report_icon (Source     *b,
             const char *file,
             const char *text,
             const char *at,
             const char *format,
             ...)
{
  va_list args;
  guint line = 1, column = 1;

  for (const char *p = text; p < at && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          line++;
          column = 1;
        }
      else
        {
          column++;
        }
    }

  va_start (args, format);
  baken_source_report_add_valist (b->report, file, line, column, format, args);
  va_end (args);
}

static const char *
find_ci (const char *haystack,
         const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return p;

  return NULL;
}

/* Whether an attribute value (after '=' and blanks) is a local "#fragment" reference. */
static gboolean
is_fragment_ref (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '"' || *p == '\'')
    p++;
  while (g_ascii_isspace (*p))
    p++;

  return *p == '#';
}

static gboolean
check_svg (Source     *b,
           const char *file,
           const char *text,
           gsize       length)
{
  guint before = baken_source_report_get_n (b->report);
  const char *p = text;
  const char *root_end;
  const char *viewbox;
  static const char *const forbidden[] = { "<script", "<!ENTITY", "<!DOCTYPE", "<foreignObject",
                                           "@import", NULL };

  if (length > MAX_ICON_SIZE)
    {
      baken_source_report_add (b->report, file, 1, 1,
                               "the icon is %" G_GSIZE_FORMAT " bytes; an icon may be at "
                               "most %d KiB, so simplify it", length, MAX_ICON_SIZE / 1024);
      return FALSE;
    }
  if (!g_utf8_validate (text, length, NULL) || strlen (text) != length)
    {
      baken_source_report_add (b->report, file, 1, 1,
                               "the icon is not UTF-8 text; save it as a plain SVG file");
      return FALSE;
    }

  for (guint i = 0; forbidden[i] != NULL; i++)
    {
      const char *hit = find_ci (text, forbidden[i]);

      if (hit != NULL)
        report_icon (b, file, text, hit,
                     "the icon contains %s; Baken icons are plain SVG without scripts, "
                     "entities or embedded content, so remove it", forbidden[i]);
    }

  /* href="…" and xlink:href="…" may only point inside the file; so may url(…). */
  for (const char *hit = text; (hit = strstr (hit, "href")) != NULL; hit += 4)
    {
      const char *q = hit + 4;

      if (hit > text && !g_ascii_isspace (hit[-1]) && hit[-1] != ':')
        continue;
      while (g_ascii_isspace (*q))
        q++;
      if (*q != '=')
        continue;
      if (!is_fragment_ref (q + 1))
        report_icon (b, file, text, hit,
                     "the icon refers to an outside file or address; only references inside "
                     "the icon (href=\"#id\") are allowed, so embed or remove it");
    }
  for (const char *hit = text; (hit = find_ci (hit, "url(")) != NULL; hit += 4)
    if (!is_fragment_ref (hit + 4))
      report_icon (b, file, text, hit,
                   "the icon refers to an outside file or address in url(…); only url(#id) "
                   "is allowed, so remove it");
  for (const char *hit = text; (hit = find_ci (hit, " on")) != NULL; hit += 3)
    {
      const char *q = hit + 3;

      while (g_ascii_isalpha (*q))
        q++;
      while (g_ascii_isspace (*q))
        q++;
      if (q > hit + 3 && *q == '=')
        report_icon (b, file, text, hit + 1,
                     "the icon has an event handler attribute; remove it (icons run no code)");
    }

  /* The root element: after an optional XML declaration, comments and blanks. */
  for (;;)
    {
      while (g_ascii_isspace (*p))
        p++;
      if (g_str_has_prefix (p, "<?xml"))
        {
          const char *end = strstr (p, "?>");

          if (end == NULL)
            break;
          p = end + 2;
        }
      else if (g_str_has_prefix (p, "<!--"))
        {
          const char *end = strstr (p, "-->");

          if (end == NULL)
            break;
          p = end + 3;
        }
      else
        {
          break;
        }
    }

  if (!g_str_has_prefix (p, "<svg") || !(g_ascii_isspace (p[4]) || p[4] == '>' || p[4] == '/'))
    {
      report_icon (b, file, text, p,
                   "the icon does not start with an <svg> element; save it as plain SVG");
      return FALSE;
    }

  root_end = strchr (p, '>');
  viewbox = strstr (p, "viewBox");
  if (root_end == NULL || viewbox == NULL || viewbox > root_end)
    {
      report_icon (b, file, text, p,
                   "the <svg> element has no viewBox; add a square one, for example "
                   "viewBox=\"0 0 48 48\"");
    }
  else
    {
      const char *q = viewbox + 7;
      double numbers[4];
      guint n = 0;
      char quote;

      while (g_ascii_isspace (*q))
        q++;
      if (*q == '=')
        q++;
      while (g_ascii_isspace (*q))
        q++;
      quote = *q;
      if (quote == '"' || quote == '\'')
        {
          q++;
          while (n < 4)
            {
              char *end = NULL;

              while (g_ascii_isspace (*q) || *q == ',')
                q++;
              numbers[n] = g_ascii_strtod (q, &end);
              if (end == q)
                break;
              q = end;
              n++;
            }
        }
      if (n != 4 || numbers[2] <= 0 || numbers[2] != numbers[3])
        report_icon (b, file, text, viewbox,
                     "the viewBox is not square; make width and height the same, for "
                     "example viewBox=\"0 0 48 48\"");
    }

  return baken_source_report_get_n (b->report) == before;
}

void
baken_source_check_icon (Source     *b,
                         Table      *t,
                         Row        *row,
                         const char *name,
                         GHashTable *checked)
{
  g_autofree char *file = g_strdup_printf ("icons/%s.svg", name);
  g_autofree char *path = g_build_filename (b->src_dir, "icons", NULL);
  g_autofree char *full = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (g_hash_table_contains (checked, name))
    return;

  full = g_strdup_printf ("%s/%s.svg", path, name);
  if (!g_file_test (full, G_FILE_TEST_IS_REGULAR))
    {
      baken_source_report_field (b->report, t, row, LE_ICON,
                                 "icon \"%s\" has no file %s; add the SVG or fix the name",
                                 name, file);
      return;
    }

  g_hash_table_add (checked, (gpointer) name);
  if (!baken_file_read (full, BAKEN_FILE_MAX_ICON, &contents, &length, &error))
    {
      baken_source_report_add (b->report, file, 1, 1, "cannot read the icon: %s", error->message);
      return;
    }

  if (check_svg (b, file, contents, length))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      int line = 0;

      /* The kiosk's own limits (baken-icon-check.h): pixels, elements, <use> fan-out. A
       * bundle with this icon would only be refused when it is verified. */
      if (!baken_icon_check_scan_at (bytes, &line, &error))
        {
          baken_source_report_add (b->report, file, MAX (line, 1), 1, "%s; the kiosk refuses "
                                   "such an icon, so fix it", error->message);
          return;
        }
      g_hash_table_insert (b->icons, (gpointer) name, g_steal_pointer (&bytes));
    }
}
