/* baken-report-schema.c: docs/report-schema.json as tables, and its value checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-schema.h"

#include <string.h>

/* Declared in baken-report-parse.h; defined here, below every file that sets it. */
G_DEFINE_QUARK (baken-report-parse-error-quark, baken_report_parse_error)

#define DOC(member)   G_STRUCT_OFFSET (BakenReportDoc, member)
#define TOTAL(member) (DOC (totals) + G_STRUCT_OFFSET (BakenReportTotals, member))
#define ENTRY(index)  ((index) * sizeof (guint64))
#define N(fields)     G_N_ELEMENTS (fields)

#define COUNT(name, offset)  { name, BAKEN_REPORT_FIELD_COUNT, offset, 0, NULL, NULL }
#define TEXT(name, member, max) \
  { name, BAKEN_REPORT_FIELD_STRING, DOC (member), max, NULL, NULL }
#define CHOICE(name, member, choices) \
  { name, BAKEN_REPORT_FIELD_CHOICE, DOC (member), 0, choices, NULL }
#define OBJECT(name, shape)  { name, BAKEN_REPORT_FIELD_OBJECT, 0, 0, NULL, &shape }
#define MAP(map_, key, max, entry) { NULL, 0, key, max, map_, entry }

static const char * const sources[] = { "bundle", "demo", "none", NULL };
static const char * const sync_results[] = { "never", "installed", "unchanged", "failed", NULL };
static const char * const printer_states[] = { "ready", "busy", "problem", "none", NULL };

static const BakenReportField kiosk_fields[] = {
  { "id", BAKEN_REPORT_FIELD_ID, DOC (kiosk_id), 0, NULL, NULL },
  TEXT ("name", kiosk_name, 200),
};
static const BakenReportShape kiosk = { kiosk_fields, N (kiosk_fields) };

static const BakenReportField app_fields[] = {
  TEXT ("version", app_version, 40),
};
static const BakenReportShape app = { app_fields, N (app_fields) };

static const BakenReportField content_fields[] = {
  { "serial", BAKEN_REPORT_FIELD_SERIAL, DOC (serial), 0, NULL, NULL },
  { "published", BAKEN_REPORT_FIELD_TIME_OR_NULL, DOC (published), 40, NULL, NULL },
  TEXT ("key_id", key_id, 32),
  CHOICE ("source", source, sources),
};
static const BakenReportShape content = { content_fields, N (content_fields) };

static const BakenReportField last_sync_fields[] = {
  { "at", BAKEN_REPORT_FIELD_TIME_OR_NULL, DOC (sync_at), 40, NULL, NULL },
  CHOICE ("result", sync_result, sync_results),
  TEXT ("reason", sync_reason, 200),
};
static const BakenReportShape last_sync = { last_sync_fields, N (last_sync_fields) };

static const BakenReportField printer_fields[] = {
  CHOICE ("state", printer_state, printer_states),
  TEXT ("reason", printer_reason, 200),
};
static const BakenReportShape printer = { printer_fields, N (printer_fields) };

static const BakenReportField status_fields[] = {
  OBJECT ("last_sync", last_sync),
  OBJECT ("printer", printer),
  COUNT ("uptime_s", DOC (uptime_s)),
  COUNT ("restarts", DOC (restarts)),
  COUNT ("fallbacks", DOC (fallbacks)),
};
static const BakenReportShape status = { status_fields, N (status_fields) };

static const BakenReportField channel_fields[] = {
  COUNT ("phone", TOTAL (channels[BAKEN_REPORT_CHANNEL_PHONE])),
  COUNT ("chat", TOTAL (channels[BAKEN_REPORT_CHANNEL_CHAT])),
  COUNT ("appointment", TOTAL (channels[BAKEN_REPORT_CHANNEL_APPOINTMENT])),
  COUNT ("walk_in", TOTAL (channels[BAKEN_REPORT_CHANNEL_WALK_IN])),
  COUNT ("website", TOTAL (channels[BAKEN_REPORT_CHANNEL_WEBSITE])),
};
static const BakenReportShape channels = { channel_fields, N (channel_fields) };

static const BakenReportField slip_fields[] = {
  COUNT ("resident", TOTAL (slips_resident)),
  COUNT ("handover", TOTAL (slips_handover)),
};
static const BakenReportShape slips = { slip_fields, N (slip_fields) };

static const BakenReportField text_size_fields[] = {
  COUNT ("large", TOTAL (text_large)),
  COUNT ("very_large", TOTAL (text_very_large)),
};
static const BakenReportShape text_size = { text_size_fields, N (text_size_fields) };

static const BakenReportField helped_fields[] = {
  COUNT ("yes", ENTRY (BAKEN_REPORT_HELPED_YES)),
  COUNT ("a_little", ENTRY (BAKEN_REPORT_HELPED_A_LITTLE)),
  COUNT ("no", ENTRY (BAKEN_REPORT_HELPED_NO)),
};
static const BakenReportShape helped_entry = { helped_fields, N (helped_fields) };

static const BakenReportField wrong_fields[] = {
  COUNT ("phone", ENTRY (BAKEN_REPORT_WRONG_PHONE)),
  COUNT ("address", ENTRY (BAKEN_REPORT_WRONG_ADDRESS)),
  COUNT ("hours", ENTRY (BAKEN_REPORT_WRONG_HOURS)),
  COUNT ("gone", ENTRY (BAKEN_REPORT_WRONG_GONE)),
  COUNT ("other", ENTRY (BAKEN_REPORT_WRONG_OTHER)),
};
static const BakenReportShape wrong_entry = { wrong_fields, N (wrong_fields) };

static const BakenReportShape life_events =
  MAP (BAKEN_REPORT_MAP_LIFE_EVENTS, BAKEN_REPORT_KEY_ID, 5000, NULL);
static const BakenReportShape situations =
  MAP (BAKEN_REPORT_MAP_SITUATIONS, BAKEN_REPORT_KEY_ID, 5000, NULL);
static const BakenReportShape services =
  MAP (BAKEN_REPORT_MAP_SERVICES, BAKEN_REPORT_KEY_ID, 5000, NULL);
static const BakenReportShape languages =
  MAP (BAKEN_REPORT_MAP_LANGUAGES, BAKEN_REPORT_KEY_LANGUAGE, 32, NULL);
static const BakenReportShape terms =
  MAP (BAKEN_REPORT_MAP_TERMS, BAKEN_REPORT_KEY_TERM, 200, NULL);
static const BakenReportShape helped =
  MAP (BAKEN_REPORT_MAP_HELPED, BAKEN_REPORT_KEY_ID, 5000, &helped_entry);
static const BakenReportShape wrong =
  MAP (BAKEN_REPORT_MAP_WRONG, BAKEN_REPORT_KEY_ID, 5000, &wrong_entry);

static const BakenReportField counts_fields[] = {
  OBJECT ("life_events", life_events),
  OBJECT ("situations", situations),
  OBJECT ("services", services),
  OBJECT ("channels", channels),
  OBJECT ("slips", slips),
  COUNT ("read_aloud", TOTAL (read_aloud)),
  COUNT ("speech_mode", TOTAL (speech_mode)),
  OBJECT ("languages", languages),
  OBJECT ("text_size", text_size),
  COUNT ("high_contrast", TOTAL (high_contrast)),
  COUNT ("idle_resets", TOTAL (idle_resets)),
  { "visits_by_hour", BAKEN_REPORT_FIELD_HOURS, TOTAL (visits_by_hour), 0, NULL, NULL },
  COUNT ("searches", TOTAL (searches)),
  COUNT ("searches_without_result", TOTAL (searches_without_result)),
  OBJECT ("terms_without_result", terms),
  OBJECT ("helped", helped),
  OBJECT ("wrong", wrong),
};
static const BakenReportShape counts = { counts_fields, N (counts_fields) };

static const BakenReportField root_fields[] = {
  { "format", BAKEN_REPORT_FIELD_FORMAT, 0, 0, NULL, NULL },
  { "version", BAKEN_REPORT_FIELD_VERSION, 0, 0, NULL, NULL },
  OBJECT ("kiosk", kiosk),
  { "date", BAKEN_REPORT_FIELD_DATE, DOC (date), 0, NULL, NULL },
  { "generated", BAKEN_REPORT_FIELD_TIME, DOC (generated), 40, NULL, NULL },
  OBJECT ("app", app),
  OBJECT ("content", content),
  OBJECT ("status", status),
  OBJECT ("counts", counts),
};
static const BakenReportShape root = { root_fields, N (root_fields) };

G_STATIC_ASSERT (N (counts_fields) <= 32);

const BakenReportShape *
baken_report_schema_root (void)
{
  return &root;
}

const BakenReportField *
baken_report_schema_field (const BakenReportShape *shape,
                           const char             *name,
                           gsize                   length)
{
  for (guint i = 0; i < shape->n_fields; i++)
    {
      const char *field = shape->fields[i].name;

      if (field[0] == name[0] && strncmp (field, name, length) == 0 && field[length] == '\0')
        return &shape->fields[i];
    }
  return NULL;
}

char *
baken_report_quote (const char *text,
                    gsize       length)
{
  GString *out = g_string_new ("\"");
  const char *end = text + length;
  guint n = 0;

  while (text < end)
    {
      gunichar c = g_utf8_get_char_validated (text, end - text);

      if (n++ == 40)
        {
          g_string_append (out, "…");
          break;
        }
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_unichar (out, 0xFFFD);
          text++;
          continue;
        }
      if (g_unichar_iscntrl (c) || c == '"' || c == '\\')
        g_string_append_unichar (out, c == '"' || c == '\\' ? c : 0xFFFD);
      else
        g_string_append_unichar (out, c);
      text = g_utf8_next_char (text);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

gboolean
baken_report_check_count (long long   value,
                          GError    **error)
{
  if (value < 0 || value > BAKEN_REPORT_MAX_COUNT)
    {
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "%lld is not a count (a whole number from 0 to %d)", value,
                   BAKEN_REPORT_MAX_COUNT);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_id (const char *value,
       gsize       length)
{
  if (length == 0 || length > 128 || !g_ascii_isalnum (value[0]))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_isalnum (value[i]) && value[i] != '.' && value[i] != '_' && value[i] != '-')
      return FALSE;
  return TRUE;
}

static gboolean
digits (const char *value,
        guint       n,
        guint      *number)
{
  *number = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (value[i]))
        return FALSE;
      *number = *number * 10 + (guint) (value[i] - '0');
    }
  return TRUE;
}

/* YYYY-MM-DD, a day that exists. */
static gboolean
parse_date (const char *value,
            gsize       length,
            guint32    *julian)
{
  guint year, month, day;

  if (length < 10 || value[4] != '-' || value[7] != '-' ||
      !digits (value, 4, &year) || !digits (value + 5, 2, &month) ||
      !digits (value + 8, 2, &day) || year < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (julian != NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      *julian = g_date_get_julian (&date);
    }
  return TRUE;
}

/* RFC 3339 date-time: 2025-03-01T08:00:00Z, with seconds' fraction and offset. */
static gboolean
is_time (const char *value,
         gsize       length)
{
  guint hour, minute, second, i = 19;

  if (length < 20 || !parse_date (value, 10, NULL) ||
      (value[10] != 'T' && value[10] != 't') || value[13] != ':' || value[16] != ':' ||
      !digits (value + 11, 2, &hour) || !digits (value + 14, 2, &minute) ||
      !digits (value + 17, 2, &second) || hour > 23 || minute > 59 || second > 60)
    return FALSE;
  if (value[i] == '.')
    {
      for (i++; i < length && g_ascii_isdigit (value[i]); i++)
        ;
      if (i == 20)
        return FALSE;
    }
  if (i + 1 == length && (value[i] == 'Z' || value[i] == 'z'))
    return TRUE;
  return i + 6 == length && (value[i] == '+' || value[i] == '-') && value[i + 3] == ':' &&
         digits (value + i + 1, 2, &hour) && digits (value + i + 4, 2, &minute) &&
         hour <= 23 && minute <= 59;
}

gboolean
baken_report_check_string (const BakenReportField  *field,
                           const char              *value,
                           gsize                    length,
                           const char             **choice,
                           guint32                 *julian,
                           GError                 **error)
{
  g_autofree char *quoted = NULL;
  glong n_chars;

  *choice = NULL;
  *julian = 0;
  if (memchr (value, '\0', length) != NULL)
    {
      g_set_error_literal (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                           "the text holds a NUL character (\\u0000)");
      return FALSE;
    }

  switch (field->kind)
    {
    case BAKEN_REPORT_FIELD_STRING:
    case BAKEN_REPORT_FIELD_TIME:
    case BAKEN_REPORT_FIELD_TIME_OR_NULL:
      n_chars = g_utf8_strlen (value, length);
      if (n_chars > field->max_length)
        {
          g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                       "the text is %ld characters long; at most %u are allowed", n_chars,
                       field->max_length);
          return FALSE;
        }
      if (field->kind == BAKEN_REPORT_FIELD_STRING || is_time (value, length))
        return TRUE;
      quoted = baken_report_quote (value, length);
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "%s is not a time such as 2025-03-01T08:00:00Z (RFC 3339)", quoted);
      return FALSE;

    case BAKEN_REPORT_FIELD_ID:
      if (is_id (value, length))
        return TRUE;
      quoted = baken_report_quote (value, length);
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "%s is not an id (1 to 128 letters, digits, '.', '_' or '-', starting "
                   "with a letter or digit)", quoted);
      return FALSE;

    case BAKEN_REPORT_FIELD_DATE:
      if (length == 10 && parse_date (value, length, julian))
        return TRUE;
      quoted = baken_report_quote (value, length);
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "%s is not a date such as 2025-03-01", quoted);
      return FALSE;

    case BAKEN_REPORT_FIELD_CHOICE:
      for (guint i = 0; field->choices[i] != NULL; i++)
        if (strlen (field->choices[i]) == length &&
            memcmp (field->choices[i], value, length) == 0)
          {
            *choice = field->choices[i];
            return TRUE;
          }
      {
        g_autofree char *list = g_strjoinv (", ", (char **) field->choices);

        quoted = baken_report_quote (value, length);
        g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                     "%s is not one of %s", quoted, list);
      }
      return FALSE;

    case BAKEN_REPORT_FIELD_FORMAT:
      if (length == strlen ("baken-report") && memcmp (value, "baken-report", length) == 0)
        return TRUE;
      quoted = baken_report_quote (value, length);
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_FORMAT,
                   "not a Baken report: its format is %s, not \"baken-report\"", quoted);
      return FALSE;

    case BAKEN_REPORT_FIELD_COUNT:
    case BAKEN_REPORT_FIELD_SERIAL:
    case BAKEN_REPORT_FIELD_VERSION:
    case BAKEN_REPORT_FIELD_OBJECT:
    case BAKEN_REPORT_FIELD_HOURS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
baken_report_check_key (BakenReportKeyKind   kind,
                        const char          *key,
                        gsize                length,
                        GError             **error)
{
  g_autofree char *quoted = NULL;

  switch (kind)
    {
    case BAKEN_REPORT_KEY_ID:
      if (is_id (key, length))
        return TRUE;
      quoted = baken_report_quote (key, length);
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "the key %s is not an id (1 to 128 letters, digits, '.', '_' or '-', "
                   "starting with a letter or digit)", quoted);
      return FALSE;

    case BAKEN_REPORT_KEY_LANGUAGE:
      if ((length == 2 || length == 3) && g_ascii_islower (key[0]) &&
          g_ascii_islower (key[1]) && (length == 2 || g_ascii_islower (key[2])))
        return TRUE;
      quoted = baken_report_quote (key, length);
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "the key %s is not a language code (2 or 3 letters a to z)", quoted);
      return FALSE;

    case BAKEN_REPORT_KEY_TERM:
      if (memchr (key, '\0', length) != NULL)
        {
          g_set_error_literal (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                               "a search term holds a NUL character (\\u0000)");
          return FALSE;
        }
      if (g_utf8_strlen (key, length) <= 64)
        return TRUE;
      quoted = baken_report_quote (key, length);
      g_set_error (error, BAKEN_REPORT_PARSE_ERROR, BAKEN_REPORT_PARSE_ERROR_INVALID,
                   "the search term %s is longer than 64 characters", quoted);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}
