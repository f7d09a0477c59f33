/* baken-diff-format.c: a diff of the content as text and as an HTML page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a content editor who reviews the week's import before it is published: grouped by
 * kind (services first), each record with what was added (+), removed (-) or changed (~),
 * and for a change the fact before and after. Long texts get a line each.
 */
#define G_LOG_DOMAIN "baken-diff"

#include "config.h"

#include "baken-diff.h"

#include <string.h>

/* A value this short, on one line, is shown as "before → after". */
#define SHORT_VALUE 60

static const struct { const char *kind; const char *heading; } headings[] = {
  { "content", "Content" },
  { "service", "Services" },
  { "life event", "Menu (life events)" },
  { "organisation", "Organisations" },
  { "location", "Locations" },
};

static const char *
heading_of (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (strcmp (headings[i].kind, kind) == 0)
      return headings[i].heading;

  return kind;
}

static gboolean
is_short (const char *value)
{
  return value == NULL || (g_utf8_strlen (value, -1) <= SHORT_VALUE && strchr (value, '\n') == NULL);
}

static const char sign[] = { '+', '-', '~' };

static char *
summary_line (BakenDiff *diff)
{
  guint added, removed, changed;

  baken_diff_count (diff, &added, &removed, &changed);
  if (added + removed + changed == 0)
    return g_strdup ("No changes.");
  return g_strdup_printf ("%u added, %u removed, %u changed.", added, removed, changed);
}

char *
baken_diff_to_text (BakenDiff *diff)
{
  GString *out = g_string_new (NULL);
  g_autofree char *summary = summary_line (diff);
  const char *kind = NULL;

  g_string_append_printf (out, "Changes from %s to %s: %s\n", diff->old_name, diff->new_name,
                          summary);
  for (guint i = 0; i < diff->records->len; i++)
    {
      BakenDiffRecord *record = g_ptr_array_index (diff->records, i);

      if (g_strcmp0 (kind, record->kind) != 0)
        {
          kind = record->kind;
          g_string_append_printf (out, "\n%s\n", heading_of (kind));
        }
      if (record->label != NULL)
        g_string_append_printf (out, "  %c %s (%s)\n", sign[record->state], record->label,
                                record->id);
      else
        g_string_append_printf (out, "  %c %s\n", sign[record->state], record->id);

      for (guint c = 0; c < record->changes->len; c++)
        {
          BakenDiffChange *change = g_ptr_array_index (record->changes, c);

          if (record->state == BAKEN_DIFF_ADDED)
            g_string_append_printf (out, "      %s: %s\n", change->fact, change->new_value);
          else if (change->old_value == NULL)
            g_string_append_printf (out, "      + %s: %s\n", change->fact, change->new_value);
          else if (change->new_value == NULL)
            g_string_append_printf (out, "      - %s: %s\n", change->fact, change->old_value);
          else if (is_short (change->old_value) && is_short (change->new_value))
            g_string_append_printf (out, "      %s: %s → %s\n", change->fact, change->old_value,
                                    change->new_value);
          else
            g_string_append_printf (out, "      %s:\n        was: %s\n        now: %s\n",
                                    change->fact, change->old_value, change->new_value);
        }
    }

  return g_string_free (out, FALSE);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

char *
baken_diff_to_html (BakenDiff *diff)
{
  static const char *const state_names[] = { "added", "removed", "changed" };
  GString *out = g_string_new (NULL);
  g_autofree char *summary = summary_line (diff);
  const char *kind = NULL;

  g_string_append (out,
                   "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<title>Baken: changes in the content</title>\n<style>\n"
                   "body { font-family: sans-serif; margin: 2em; max-width: 60em; color: #1a1a1a; }\n"
                   "h2 { margin-top: 2em; border-bottom: 2px solid #1d4f91; }\n"
                   "h3 { margin: 1.5em 0 0.3em; }\n"
                   "h3 .sign { display: inline-block; width: 1.5em; }\n"
                   ".added h3 { color: #176b2c; } .removed h3 { color: #a11d1d; }\n"
                   "table { border-collapse: collapse; width: 100%; }\n"
                   "th, td { text-align: left; vertical-align: top; padding: 0.3em 0.6em; "
                   "border-bottom: 1px solid #ddd; }\n"
                   "th { width: 12em; font-weight: normal; color: #555; }\n"
                   "del { background: #fbe4e4; text-decoration: none; }\n"
                   "ins { background: #e2f5e7; text-decoration: none; }\n"
                   ".id { color: #777; font-weight: normal; font-size: 90%; }\n"
                   "</style>\n</head>\n<body>\n<h1>Changes in the content</h1>\n<p>From <code>");
  append_escaped (out, diff->old_name);
  g_string_append (out, "</code> to <code>");
  append_escaped (out, diff->new_name);
  g_string_append (out, "</code>: ");
  append_escaped (out, summary);
  g_string_append (out, "</p>\n");

  for (guint i = 0; i < diff->records->len; i++)
    {
      BakenDiffRecord *record = g_ptr_array_index (diff->records, i);

      if (g_strcmp0 (kind, record->kind) != 0)
        {
          kind = record->kind;
          g_string_append (out, "<h2>");
          append_escaped (out, heading_of (kind));
          g_string_append (out, "</h2>\n");
        }
      g_string_append_printf (out, "<section class=\"%s\">\n<h3><span class=\"sign\">%c</span>",
                              state_names[record->state], sign[record->state]);
      append_escaped (out, record->label != NULL ? record->label : record->id);
      g_string_append (out, " <span class=\"id\">");
      append_escaped (out, record->id);
      g_string_append (out, "</span></h3>\n");
      if (record->changes->len > 0)
        g_string_append (out, "<table>\n");
      for (guint c = 0; c < record->changes->len; c++)
        {
          BakenDiffChange *change = g_ptr_array_index (record->changes, c);

          g_string_append (out, "<tr><th>");
          append_escaped (out, change->fact);
          g_string_append (out, "</th><td>");
          if (change->old_value != NULL)
            {
              g_string_append (out, "<del>");
              append_escaped (out, change->old_value);
              g_string_append (out, "</del>");
            }
          g_string_append (out, "</td><td>");
          if (change->new_value != NULL)
            {
              g_string_append (out, record->state == BAKEN_DIFF_ADDED ? "" : "<ins>");
              append_escaped (out, change->new_value);
              g_string_append (out, record->state == BAKEN_DIFF_ADDED ? "" : "</ins>");
            }
          g_string_append (out, "</td></tr>\n");
        }
      if (record->changes->len > 0)
        g_string_append (out, "</table>\n");
      g_string_append (out, "</section>\n");
    }

  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
