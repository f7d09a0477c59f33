/* baken-content-source-values.c: the syntax of the values in a content source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsers and checks for one value at a time: ids, positions, dates, times, language
 * codes, booleans, degrees, web and e-mail addresses and byday lists. Loading a table
 * checks each value it reads; a value whose syntax is wrong is reported and marked bad,
 * so that it reads as NULL afterwards.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source-values.h"

#include "baken-content-source.h"
#include "baken-content-source-format.h"
#include "baken-content-source-report.h"

#include <string.h>

#include "baken-hours.h"

#define MAX_ID_LENGTH     64
#define MAX_POSITION      999999
#define MAX_AGE           120

/* Bit d is day_names[d]: the week days, then "PH" for public holidays (as in
 * OpenStreetMap's opening_hours), bit 7 = BAKEN_DAY_HOLIDAY. */
static const char *const day_names[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU", "PH", NULL };

static char *
join_values (const char *const *values)
{
  return g_strjoinv (", ", (char **) values);
}

/* Value syntax */

gboolean
baken_source_is_valid_id (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;

  return n > 0 && n <= MAX_ID_LENGTH;
}

gboolean
baken_source_parse_position (const char *text,
                             gint64     *out)
{
  return g_ascii_string_to_signed (text, 10, 0, MAX_POSITION, out, NULL);
}

gint64
baken_source_position_or (Row    *row,
                          guint   col,
                          gint64  fallback)
{
  gint64 position;

  if (value (row, col) != NULL && baken_source_parse_position (value (row, col), &position))
    return position;

  return fallback;
}

static gboolean
is_valid_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1900 && g_date_valid_dmy (day, month, year);
}

static gboolean
is_valid_lang (const char *text)
{
  gsize n = strlen (text);

  if (n < 2 || n > 3)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_islower (text[i]))
      return FALSE;

  return TRUE;
}

gboolean
baken_source_parse_bool (const char *text,
                         gboolean   *out)
{
  if (g_ascii_strcasecmp (text, "true") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0)
    *out = FALSE;
  else
    return FALSE;

  return TRUE;
}

gboolean
baken_source_parse_degrees (const char *text,
                            double      limit,
                            double     *out)
{
  char *end = NULL;
  double d;

  if (*text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  d = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(d >= -limit && d <= limit))
    return FALSE;

  *out = d;
  return TRUE;
}

static gboolean
has_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return TRUE;

  return FALSE;
}

gboolean
baken_source_is_valid_url (const char *text)
{
  const char *rest;

  if (g_str_has_prefix (text, "https://"))
    rest = text + 8;
  else if (g_str_has_prefix (text, "http://"))
    rest = text + 7;
  else
    return FALSE;

  return *rest != '\0' && *rest != '/' && !has_space (text);
}

gboolean
baken_source_is_valid_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && !has_space (text);
}

/* "MO,TU" → mask; empty means every day (handled by the caller). */
gboolean
baken_content_source_parse_byday (const char *text,
                                  guint      *out)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  guint mask = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *day = g_strstrip (parts[i]);
      gboolean found = FALSE;

      for (guint d = 0; day_names[d] != NULL; d++)
        {
          if (strcmp (day, day_names[d]) == 0)
            {
              if (mask & (1u << d))
                return FALSE;
              mask |= 1u << d;
              found = TRUE;
              break;
            }
        }
      if (!found)
        return FALSE;
    }

  *out = mask;
  return mask != 0;
}

gboolean
baken_source_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Checks the syntax of one non-empty value; reports and marks it bad when wrong. */
void
baken_source_check_value (Source *b,
                          Table  *t,
                          Row    *row,
                          guint   col)
{
  const ColumnSpec *spec = &t->spec->columns[col];
  const char *text = value (row, col);
  const char *name = spec->name;
  gboolean ok = TRUE;
  gint64 i64;
  double d;
  guint mask;
  int minutes;
  gboolean bool_value;

  if (text == NULL)
    return;

  switch (spec->type)
    {
    case V_TEXT:
    case V_PLAIN:
    case V_REF:
    case V_CHANNEL_REF:
      break;

    case V_ID:
    case V_ICON:
      if (!baken_source_is_valid_id (text))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not a valid %s; use 1 to %d letters, "
                                     "digits, \"-\", \"_\" or \".\"%s", name, text,
                                     spec->type == V_ID ? "id" : "icon name",
                                     MAX_ID_LENGTH,
                                     g_str_has_suffix (text, ".svg")
                                       ? " and write the icon name without .svg"
                                       : "");
          ok = FALSE;
        }
      break;

    case V_POSITION:
      if (!baken_source_parse_position (text, &i64))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not a whole number; write 0, 1, 2, … "
                                     "(at most %d)", name, text, MAX_POSITION);
          ok = FALSE;
        }
      break;

    case V_AGE:
      if (!g_ascii_string_to_signed (text, 10, 0, MAX_AGE, &i64, NULL))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not an age; write a whole number of "
                                     "years from 0 to %d, for example 18", name, text, MAX_AGE);
          ok = FALSE;
        }
      break;

    case V_DATE:
      if (!is_valid_date (text))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not a date; write YYYY-MM-DD, for "
                                     "example 2025-03-31", name, text);
          ok = FALSE;
        }
      break;

    case V_TIME:
      if (!baken_parse_time (text, &minutes))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not a time; write HH:MM on a 24-hour "
                                     "clock, for example 09:00 or 17:30", name, text);
          ok = FALSE;
        }
      break;

    case V_ENUM:
      if (!g_strv_contains (spec->values, text))
        {
          g_autofree char *allowed = join_values (spec->values);

          if (t->spec == baken_source_table_spec (T_CHANNEL) && col == CH_KIND &&
              strcmp (text, "phone") == 0)
            baken_source_report_field (b->report, t, row, col,
                                       "kind \"phone\" does not belong in channels.csv; "
                                       "move the row to phones.csv");
          else if (t->spec == baken_source_table_spec (T_SCHEDULE) && col == SCH_FREQ)
            baken_source_report_field (b->report, t, row, col,
                                       "freq \"%s\" is not supported; only WEEKLY is (or "
                                       "leave it empty)", text);
          else
            baken_source_report_field (b->report, t, row, col,
                                       "%s \"%s\" is not one of: %s; use one of these",
                                       name, text, allowed);
          ok = FALSE;
        }
      break;

    case V_LANG:
      if (!is_valid_lang (text))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not a language code; write two or "
                                     "three lowercase letters (ISO 639-1), for example en",
                                     name, text);
          ok = FALSE;
        }
      break;

    case V_BOOL:
      if (!baken_source_parse_bool (text, &bool_value))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not true or false; write true or "
                                     "false, or leave it empty", name, text);
          ok = FALSE;
        }
      break;

    case V_LATITUDE:
    case V_LONGITUDE:
      if (!baken_source_parse_degrees (text, spec->type == V_LATITUDE ? 90 : 180, &d))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not a number between -%d and %d; "
                                     "write decimal degrees with a point, for example %s",
                                     name, text, spec->type == V_LATITUDE ? 90 : 180,
                                     spec->type == V_LATITUDE ? 90 : 180,
                                     spec->type == V_LATITUDE ? "52.0907" : "5.1214");
          ok = FALSE;
        }
      break;

    case V_URL:
      if (!baken_source_is_valid_url (text))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not a web address; write it in full, "
                                     "starting with https://", name, text);
          ok = FALSE;
        }
      break;

    case V_EMAIL:
      if (!baken_source_is_valid_email (text))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not an e-mail address; write it as "
                                     "name@example.nl", name, text);
          ok = FALSE;
        }
      break;

    case V_BYDAY:
      if (!baken_content_source_parse_byday (text, &mask))
        {
          baken_source_report_field (b->report, t, row, col,
                                     "%s \"%s\" is not a list of days; write days as "
                                     "MO,TU,WE,TH,FR,SA,SU (each once, separated by "
                                     "commas), add PH when the hours also hold on "
                                     "public holidays, or leave it empty for every "
                                     "day", name,
                                     text);
          ok = FALSE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    mark_bad (row, col);
}
