/* baken-text-size.c: normal, large and very large text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-text-size"

#include "config.h"

#include "baken-text-size.h"

#include <math.h>
#include <string.h>

#define STYLE_RESOURCE "/nl/baken/Kiosk/style.css"

/* Texts that grow less (CAPPED_FACTOR at most), so every screen still fits:
 * - Home shows every life-event tile without scrolling, and in portrait three columns
 *   of tile labels of two words at 45 px do not fit (nor two columns of twice the rows);
 * - the four buttons of the accessibility bar share the width of a portrait screen,
 *   also with the longer Ukrainian and Polish words;
 * - the on-screen keyboard has twelve Arabic and Ukrainian keys in a row across a
 *   portrait screen (its letters are large at every size: 36 px). */
static const char * const capped_selectors[] = {
  ".tile-label", "button.a11y", "button.key", NULL
};
#define CAPPED_FACTOR 1.15

double
baken_text_size_get_factor (BakenTextSize size)
{
  switch (size)
    {
    case BAKEN_TEXT_SIZE_NORMAL:
      return 1.0;
    case BAKEN_TEXT_SIZE_LARGE:
      return 1.25;
    case BAKEN_TEXT_SIZE_VERY_LARGE:
      return 1.5;
    default:
      g_return_val_if_reached (1.0);
    }
}

const char *
baken_text_size_get_css_class (BakenTextSize size)
{
  switch (size)
    {
    case BAKEN_TEXT_SIZE_NORMAL:
      return NULL;
    case BAKEN_TEXT_SIZE_LARGE:
      return "text-large";
    case BAKEN_TEXT_SIZE_VERY_LARGE:
      return "text-very-large";
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
strip_comments (const char *css)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = css; *p != '\0'; p++)
    {
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          if (end == NULL)
            break;
          p = end + 1;
          continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "font-size: 26px" → TRUE and 26. */
static gboolean
parse_px (const char *value,
          double     *px)
{
  g_autofree char *text = g_strstrip (g_strdup (value));
  char *end = NULL;

  if (!g_str_has_suffix (text, "px"))
    return FALSE;

  *px = g_ascii_strtod (text, &end);

  return end != text && g_str_equal (end, "px");
}

static void
append_selectors (GString    *out,
                  const char *selectors,
                  const char *window_node,
                  const char *css_class)
{
  g_auto(GStrv) list = g_strsplit (selectors, ",", -1);
  gboolean first = TRUE;

  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *selector = g_strstrip (list[i]);

      if (*selector == '\0')
        continue;

      if (!first)
        g_string_append (out, ",\n");
      first = FALSE;

      /* "bakenwindow label" → "bakenwindow.text-large label" */
      if (g_str_has_prefix (selector, window_node) &&
          strchr (" .:>#[", selector[strlen (window_node)]) != NULL)
        g_string_append_printf (out, "%s.%s%s", window_node, css_class,
                                selector + strlen (window_node));
      else
        g_string_append_printf (out, "%s.%s %s", window_node, css_class, selector);
    }
}

static gboolean
is_capped (const char *selectors)
{
  for (guint i = 0; capped_selectors[i] != NULL; i++)
    {
      if (strstr (selectors, capped_selectors[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static char *
scale_css (const char *css,
           const char *window_node,
           const char *css_class,
           double      factor,
           double      capped_factor)
{
  g_autofree char *plain = NULL;
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (css != NULL, NULL);
  g_return_val_if_fail (window_node != NULL && css_class != NULL, NULL);
  g_return_val_if_fail (factor > 0, NULL);

  plain = strip_comments (css);
  out = g_string_new (NULL);

  for (p = plain; *p != '\0';)
    {
      const char *open = strchr (p, '{');
      const char *close, *start;
      g_autofree char *selectors = NULL;
      g_autofree char *body = NULL;
      g_auto(GStrv) declarations = NULL;
      g_autoptr(GString) scaled = g_string_new (NULL);
      gboolean label_rule;
      double rule_factor;

      if (open == NULL)
        break;
      close = strchr (open, '}');
      if (close == NULL)
        break;

      /* Skip statements before the rule: "@define-color name #fff;" */
      start = p;
      for (const char *q = p; q < open; q++)
        {
          if (*q == ';' || *q == '}')
            start = q + 1;
        }
      selectors = g_strstrip (g_strndup (start, open - start));
      body = g_strndup (open + 1, close - open - 1);
      p = close + 1;

      if (*selectors == '\0' || selectors[0] == '@')
        continue;

      /* A label rule's minimum height is a number of its lines. */
      label_rule = strstr (selectors, "label") != NULL;
      rule_factor = is_capped (selectors) ? MIN (factor, capped_factor) : factor;

      declarations = g_strsplit (body, ";", -1);
      for (guint i = 0; declarations[i] != NULL; i++)
        {
          char *colon = strchr (declarations[i], ':');
          g_autofree char *name = NULL;
          double px;

          if (colon == NULL)
            continue;
          name = g_strstrip (g_strndup (declarations[i], colon - declarations[i]));

          if ((g_str_equal (name, "font-size") ||
               (label_rule && g_str_equal (name, "min-height"))) &&
              parse_px (colon + 1, &px))
            g_string_append_printf (scaled, "  %s: %dpx;\n", name,
                                    (int) round (px * rule_factor));
        }

      if (scaled->len == 0)
        continue;

      append_selectors (out, selectors, window_node, css_class);
      g_string_append_printf (out, " {\n%s}\n\n", scaled->str);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
baken_text_size_scale_css (const char *css,
                           const char *window_node,
                           const char *css_class,
                           double      factor)
{
  g_return_val_if_fail (css != NULL, NULL);
  g_return_val_if_fail (window_node != NULL && css_class != NULL, NULL);
  g_return_val_if_fail (factor > 0, NULL);

  return scale_css (css, window_node, css_class, factor, factor);
}

void
baken_text_size_install (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) css = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_object_get_data (G_OBJECT (display), "baken-text-size") != NULL)
    return;

  bytes = g_resources_lookup_data (STYLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("No style sheet to scale: %s", error->message);
      return;
    }

  source = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  css = g_string_new (NULL);
  for (BakenTextSize size = BAKEN_TEXT_SIZE_LARGE; size <= BAKEN_TEXT_SIZE_LAST; size++)
    {
      g_autofree char *scaled = scale_css (source, "bakenwindow",
                                           baken_text_size_get_css_class (size),
                                           baken_text_size_get_factor (size), CAPPED_FACTOR);

      g_string_append (css, scaled);
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  /* Above style.css, which AdwApplication adds at APPLICATION priority. */
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_object_set_data_full (G_OBJECT (display), "baken-text-size",
                          g_steal_pointer (&provider), g_object_unref);
}
