/* baken-content-source.c: load and check a content source folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes. Loading reads datapackage.json and every CSV, checks the header and the
 * syntax of every value (ids, times, dates, enums, …). Checking resolves references and
 * the rules that span rows (the life-event tree, schedule targets, translations, icons).
 * The writer of the content DB is baken-content-build.c.
 *
 * Every problem is kept with its file, line and column (the field number, as a
 * spreadsheet user counts), and they are reported sorted by file and position.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source.h"
#include "baken-content-source-private.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-content.h"
#include "baken-csv.h"
#include "baken-hours.h"

#define MAX_ID_LENGTH     64
#define MAX_ICON_SIZE     (64 * 1024)
#define MAX_FILE_SIZE     (256 * 1024 * 1024)
#define MAX_DEPTH         3
#define MAX_TITLE_WORDS   5
#define MAX_POSITION      999999

G_STATIC_ASSERT ((int) N_TABLES == (int) BAKEN_SOURCE_N_TABLES);

/* Tables */





#define REQ(n, t)       { n, t, TRUE, -1, NULL }
#define OPT(n, t)       { n, t, FALSE, -1, NULL }
#define REF_REQ(n, tb)  { n, V_REF, TRUE, tb, NULL }
#define REF_OPT(n, tb)  { n, V_REF, FALSE, tb, NULL }
#define ENUM_REQ(n, v)  { n, V_ENUM, TRUE, -1, v }
#define ENUM_OPT(n, v)  { n, V_ENUM, FALSE, -1, v }

static const char *const status_values[] = { "active", "inactive", "defunct", "temporarily closed", NULL };
static const char *const location_type_values[] = { "physical", "postal", "virtual", NULL };
static const char *const address_type_values[] = { "physical", "postal", NULL };
static const char *const audience_values[] = { "public", "staff", NULL };
static const char *const kind_values[] = { "chat", "appointment", "walk_in", "email", "website", NULL };
static const char *const freq_values[] = { "WEEKLY", NULL };
static const char *const day_names[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU", NULL };

static const ColumnSpec organization_columns[] = {
  [ORG_ID] = REQ ("id", V_ID),
  [ORG_NAME] = REQ ("name", V_TEXT),
  [ORG_DESCRIPTION] = REQ ("description", V_TEXT),
  [ORG_ALTERNATE_NAME] = OPT ("alternate_name", V_PLAIN),
  [ORG_EMAIL] = OPT ("email", V_EMAIL),
  [ORG_WEBSITE] = OPT ("website", V_URL),
};

static const ColumnSpec service_columns[] = {
  [SVC_ID] = REQ ("id", V_ID),
  [SVC_ORGANIZATION_ID] = REF_REQ ("organization_id", T_ORGANIZATION),
  [SVC_NAME] = REQ ("name", V_TEXT),
  [SVC_STATUS] = ENUM_REQ ("status", status_values),
  [SVC_ALTERNATE_NAME] = OPT ("alternate_name", V_PLAIN),
  [SVC_DESCRIPTION] = OPT ("description", V_TEXT),
  [SVC_URL] = OPT ("url", V_URL),
  [SVC_EMAIL] = OPT ("email", V_EMAIL),
  [SVC_APPLICATION_PROCESS] = OPT ("application_process", V_TEXT),
  [SVC_FEES_DESCRIPTION] = OPT ("fees_description", V_TEXT),
  [SVC_ELIGIBILITY_DESCRIPTION] = OPT ("eligibility_description", V_TEXT),
  [SVC_ASSURED_DATE] = OPT ("assured_date", V_DATE),
  [SVC_ALERT] = OPT ("alert", V_TEXT),
};

static const ColumnSpec location_columns[] = {
  [LOC_ID] = REQ ("id", V_ID),
  [LOC_NAME] = REQ ("name", V_TEXT),
  [LOC_ORGANIZATION_ID] = REF_OPT ("organization_id", T_ORGANIZATION),
  [LOC_DESCRIPTION] = OPT ("description", V_TEXT),
  [LOC_TRANSPORTATION] = OPT ("transportation", V_TEXT),
  [LOC_LATITUDE] = OPT ("latitude", V_LATITUDE),
  [LOC_LONGITUDE] = OPT ("longitude", V_LONGITUDE),
  [LOC_LOCATION_TYPE] = ENUM_OPT ("location_type", location_type_values),
};

static const ColumnSpec address_columns[] = {
  [ADR_ID] = REQ ("id", V_ID),
  [ADR_LOCATION_ID] = REF_REQ ("location_id", T_LOCATION),
  [ADR_ADDRESS_1] = REQ ("address_1", V_PLAIN),
  [ADR_CITY] = REQ ("city", V_PLAIN),
  [ADR_ADDRESS_2] = OPT ("address_2", V_PLAIN),
  [ADR_POSTAL_CODE] = OPT ("postal_code", V_PLAIN),
  [ADR_COUNTRY] = OPT ("country", V_PLAIN),
  [ADR_ADDRESS_TYPE] = ENUM_OPT ("address_type", address_type_values),
};

static const ColumnSpec service_at_location_columns[] = {
  [SAL_ID] = REQ ("id", V_ID),
  [SAL_SERVICE_ID] = REF_REQ ("service_id", T_SERVICE),
  [SAL_LOCATION_ID] = REF_REQ ("location_id", T_LOCATION),
  [SAL_DESCRIPTION] = OPT ("description", V_TEXT),
};

static const ColumnSpec phone_columns[] = {
  [PH_ID] = REQ ("id", V_ID),
  [PH_NUMBER] = REQ ("number", V_PLAIN),
  [PH_SERVICE_ID] = REF_OPT ("service_id", T_SERVICE),
  [PH_LOCATION_ID] = REF_OPT ("location_id", T_LOCATION),
  [PH_TYPE] = OPT ("type", V_PLAIN),
  [PH_DESCRIPTION] = OPT ("description", V_TEXT),
  [PH_AUDIENCE] = ENUM_OPT ("audience", audience_values),
  [PH_COST_NOTE] = OPT ("cost_note", V_TEXT),
  [PH_POSITION] = OPT ("position", V_POSITION),
};

static const ColumnSpec schedule_columns[] = {
  [SCH_ID] = REQ ("id", V_ID),
  [SCH_OPENS_AT] = REQ ("opens_at", V_TIME),
  [SCH_CLOSES_AT] = REQ ("closes_at", V_TIME),
  [SCH_SERVICE_ID] = REF_OPT ("service_id", T_SERVICE),
  [SCH_LOCATION_ID] = REF_OPT ("location_id", T_LOCATION),
  [SCH_SERVICE_AT_LOCATION_ID] = REF_OPT ("service_at_location_id", T_SERVICE_AT_LOCATION),
  [SCH_CHANNEL_ID] = OPT ("channel_id", V_CHANNEL_REF),
  [SCH_FREQ] = ENUM_OPT ("freq", freq_values),
  [SCH_BYDAY] = OPT ("byday", V_BYDAY),
  [SCH_VALID_FROM] = OPT ("valid_from", V_DATE),
  [SCH_VALID_TO] = OPT ("valid_to", V_DATE),
  [SCH_DESCRIPTION] = OPT ("description", V_PLAIN),
};

static const ColumnSpec required_document_columns[] = {
  [DOC_ID] = REQ ("id", V_ID),
  [DOC_SERVICE_ID] = REF_REQ ("service_id", T_SERVICE),
  [DOC_DOCUMENT] = REQ ("document", V_TEXT),
  [DOC_POSITION] = OPT ("position", V_POSITION),
};

static const ColumnSpec language_columns[] = {
  [LNG_ID] = REQ ("id", V_ID),
  [LNG_SERVICE_ID] = REF_REQ ("service_id", T_SERVICE),
  [LNG_CODE] = REQ ("code", V_LANG),
  [LNG_NAME] = OPT ("name", V_PLAIN),
  [LNG_NOTE] = OPT ("note", V_PLAIN),
};

static const ColumnSpec accessibility_columns[] = {
  [ACC_ID] = REQ ("id", V_ID),
  [ACC_LOCATION_ID] = REF_REQ ("location_id", T_LOCATION),
  [ACC_DESCRIPTION] = REQ ("description", V_TEXT),
  [ACC_DETAILS] = OPT ("details", V_PLAIN),
};

static const ColumnSpec life_event_columns[] = {
  [LE_ID] = REQ ("id", V_ID),
  [LE_PARENT_ID] = REF_OPT ("parent_id", T_LIFE_EVENT),
  [LE_POSITION] = REQ ("position", V_POSITION),
  [LE_ICON] = OPT ("icon", V_ICON),
  [LE_TITLE] = REQ ("title", V_TEXT),
  [LE_SUMMARY] = OPT ("summary", V_TEXT),
  [LE_QUESTION] = OPT ("question", V_TEXT),
  [LE_BODY] = OPT ("body", V_TEXT),
};

static const ColumnSpec life_event_service_columns[] = {
  [LES_LIFE_EVENT_ID] = REF_REQ ("life_event_id", T_LIFE_EVENT),
  [LES_SERVICE_ID] = REF_REQ ("service_id", T_SERVICE),
  [LES_POSITION] = REQ ("position", V_POSITION),
  [LES_NOTE] = OPT ("note", V_TEXT),
};

static const ColumnSpec channel_columns[] = {
  [CH_ID] = REQ ("id", V_ID),
  [CH_SERVICE_ID] = REF_REQ ("service_id", T_SERVICE),
  [CH_KIND] = ENUM_REQ ("kind", kind_values),
  [CH_VALUE] = OPT ("value", V_PLAIN),
  [CH_LABEL] = OPT ("label", V_TEXT),
  [CH_COST_NOTE] = OPT ("cost_note", V_TEXT),
  [CH_AUDIENCE] = ENUM_OPT ("audience", audience_values),
  [CH_LOCATION_ID] = REF_OPT ("location_id", T_LOCATION),
  [CH_POSITION] = OPT ("position", V_POSITION),
};

static const ColumnSpec schedule_exception_columns[] = {
  [EXC_ID] = REQ ("id", V_ID),
  [EXC_DATE] = REQ ("date", V_DATE),
  [EXC_CHANNEL_ID] = OPT ("channel_id", V_CHANNEL_REF),
  [EXC_SERVICE_ID] = REF_OPT ("service_id", T_SERVICE),
  [EXC_SERVICE_AT_LOCATION_ID] = REF_OPT ("service_at_location_id", T_SERVICE_AT_LOCATION),
  [EXC_CLOSED] = OPT ("closed", V_BOOL),
  [EXC_OPENS_AT] = OPT ("opens_at", V_TIME),
  [EXC_CLOSES_AT] = OPT ("closes_at", V_TIME),
  [EXC_NOTE] = OPT ("note", V_TEXT),
};

static const ColumnSpec synonym_columns[] = {
  [SYN_TERM] = REQ ("term", V_PLAIN),
  [SYN_LIFE_EVENT_ID] = REF_REQ ("life_event_id", T_LIFE_EVENT),
  [SYN_LANG] = OPT ("lang", V_LANG),
};

static const ColumnSpec translation_columns[] = {
  [TR_TABLE] = REQ ("table", V_PLAIN),
  [TR_ID] = REQ ("id", V_PLAIN),
  [TR_FIELD] = REQ ("field", V_PLAIN),
  [TR_LANG] = REQ ("lang", V_LANG),
  [TR_TEXT] = REQ ("text", V_PLAIN),
};


#define TABLE(f, r, n, req, idc, cols, nc) { f, r, n, req, idc, cols, nc }
static const TableSpec table_specs[N_TABLES] = {
  [T_ORGANIZATION] = TABLE ("organizations.csv", "organization", "organisation", TRUE, ORG_ID, organization_columns, ORG_N),
  [T_SERVICE] = TABLE ("services.csv", "service", "service", TRUE, SVC_ID, service_columns, SVC_N),
  [T_LOCATION] = TABLE ("locations.csv", "location", "location", FALSE, LOC_ID, location_columns, LOC_N),
  [T_ADDRESS] = TABLE ("addresses.csv", "address", "address", FALSE, ADR_ID, address_columns, ADR_N),
  [T_SERVICE_AT_LOCATION] = TABLE ("service_at_location.csv", "service_at_location", "service at location", FALSE, SAL_ID, service_at_location_columns, SAL_N),
  [T_PHONE] = TABLE ("phones.csv", "phone", "phone", FALSE, PH_ID, phone_columns, PH_N),
  [T_SCHEDULE] = TABLE ("schedules.csv", "schedule", "schedule", FALSE, SCH_ID, schedule_columns, SCH_N),
  [T_REQUIRED_DOCUMENT] = TABLE ("required_documents.csv", "required_document", "document", FALSE, DOC_ID, required_document_columns, DOC_N),
  [T_LANGUAGE] = TABLE ("languages.csv", "language", "language", FALSE, LNG_ID, language_columns, LNG_N),
  [T_ACCESSIBILITY] = TABLE ("accessibility.csv", "accessibility", "accessibility row", FALSE, ACC_ID, accessibility_columns, ACC_N),
  [T_LIFE_EVENT] = TABLE ("life_events.csv", "life_event", "life event", TRUE, LE_ID, life_event_columns, LE_N),
  [T_LIFE_EVENT_SERVICE] = TABLE ("life_event_services.csv", "life_event_service", "row", TRUE, -1, life_event_service_columns, LES_N),
  [T_CHANNEL] = TABLE ("channels.csv", "channel", "channel", FALSE, CH_ID, channel_columns, CH_N),
  [T_SCHEDULE_EXCEPTION] = TABLE ("schedule_exceptions.csv", "schedule_exception", "exception", FALSE, EXC_ID, schedule_exception_columns, EXC_N),
  [T_SYNONYM] = TABLE ("synonyms.csv", "synonym", "synonym", FALSE, -1, synonym_columns, SYN_N),
  [T_TRANSLATION] = TABLE ("translations.csv", "translation", "translation", FALSE, -1, translation_columns, TR_N),
};

/* Which text fields translations.csv may translate. */

static const TranslatableField translatable_fields[] = {
  { T_LIFE_EVENT, "title", LE_TITLE },
  { T_LIFE_EVENT, "summary", LE_SUMMARY },
  { T_LIFE_EVENT, "question", LE_QUESTION },
  { T_LIFE_EVENT, "body", LE_BODY },
  { T_ORGANIZATION, "name", ORG_NAME },
  { T_ORGANIZATION, "description", ORG_DESCRIPTION },
  { T_SERVICE, "name", SVC_NAME },
  { T_SERVICE, "description", SVC_DESCRIPTION },
  { T_SERVICE, "application_process", SVC_APPLICATION_PROCESS },
  { T_SERVICE, "fees_description", SVC_FEES_DESCRIPTION },
  { T_SERVICE, "eligibility_description", SVC_ELIGIBILITY_DESCRIPTION },
  { T_SERVICE, "alert", SVC_ALERT },
  { T_LOCATION, "name", LOC_NAME },
  { T_LOCATION, "description", LOC_DESCRIPTION },
  { T_LOCATION, "transportation", LOC_TRANSPORTATION },
  { T_PHONE, "description", PH_DESCRIPTION },
  { T_PHONE, "cost_note", PH_COST_NOTE },
  { T_CHANNEL, "label", CH_LABEL },
  { T_CHANNEL, "cost_note", CH_COST_NOTE },
  { T_REQUIRED_DOCUMENT, "document", DOC_DOCUMENT },
  { T_ACCESSIBILITY, "description", ACC_DESCRIPTION },
  { T_LIFE_EVENT_SERVICE, "note", LES_NOTE },
  { T_SCHEDULE_EXCEPTION, "note", EXC_NOTE },
};

/* State */

typedef struct
{
  char  *file;
  guint  line;
  guint  column;
  guint  seq;
  char  *message;
} Problem;


static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->file);
  g_free (problem->message);
}

static void
report_valist (Source     *b,
               const char *file,
               guint       line,
               guint       column,
               const char *format,
               va_list     args) G_GNUC_PRINTF (5, 0);

static void
report_valist (Source     *b,
               const char *file,
               guint       line,
               guint       column,
               const char *format,
               va_list     args)
{
  Problem problem;

  problem.file = g_strdup (file);
  problem.line = line;
  problem.column = column;
  problem.seq = b->problems->len;
  problem.message = g_strdup_vprintf (format, args);
  g_array_append_val (b->problems, problem);
}

static void
report (Source     *b,
        const char *file,
        guint       line,
        guint       column,
        const char *format,
        ...) G_GNUC_PRINTF (5, 6);

static void
report (Source     *b,
        const char *file,
        guint       line,
        guint       column,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  report_valist (b, file, line, column, format, args);
  va_end (args);
}

static guint
column_of (Table *t,
           guint  col)
{
  return t->file_column[col] != 0 ? t->file_column[col] : t->n_header + 1;
}

/* Reports a problem with one field of a row (or where it would be, if absent). */
static void
report_field (Source     *b,
              Table      *t,
              Row        *row,
              guint       col,
              const char *format,
              ...) G_GNUC_PRINTF (5, 6);

static void
report_field (Source     *b,
              Table      *t,
              Row        *row,
              guint       col,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  report_valist (b, t->spec->file, row->lines[col], column_of (t, col), format, args);
  va_end (args);
}

/* Whether a field holds something, valid or not. */
static gboolean
is_set (Row   *row,
        guint  col)
{
  return row->values[col] != NULL || (row->bad & (1u << col)) != 0;
}

static void
mark_bad (Row   *row,
          guint  col)
{
  row->values[col] = NULL;
  row->bad |= 1u << col;
}

static char *
join_values (const char *const *values)
{
  return g_strjoinv (", ", (char **) values);
}

static char *
join_columns (const TableSpec *spec)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < spec->n_columns; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, spec->columns[i].name);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* g_ptr_array_sort () passes pointers to the elements. */
int
baken_source_compare_strings (gconstpointer a,
                              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Value syntax */

static gboolean
is_valid_id (const char *text)
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

static gboolean
is_valid_url (const char *text)
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

static gboolean
is_valid_email (const char *text)
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

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Checks the syntax of one non-empty value; reports and marks it bad when wrong. */
static void
check_value (Source *b,
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
      if (!is_valid_id (text))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not a valid %s; use 1 to %d letters, digits, "
                        "\"-\", \"_\" or \".\"%s",
                        name, text, spec->type == V_ID ? "id" : "icon name", MAX_ID_LENGTH,
                        g_str_has_suffix (text, ".svg") ? " and write the icon name without .svg" : "");
          ok = FALSE;
        }
      break;

    case V_POSITION:
      if (!baken_source_parse_position (text, &i64))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not a whole number; write 0, 1, 2, … (at most %d)",
                        name, text, MAX_POSITION);
          ok = FALSE;
        }
      break;

    case V_DATE:
      if (!is_valid_date (text))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not a date; write YYYY-MM-DD, for example 2025-03-31",
                        name, text);
          ok = FALSE;
        }
      break;

    case V_TIME:
      if (!baken_parse_time (text, &minutes))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not a time; write HH:MM on a 24-hour clock, for "
                        "example 09:00 or 17:30", name, text);
          ok = FALSE;
        }
      break;

    case V_ENUM:
      if (!g_strv_contains (spec->values, text))
        {
          g_autofree char *allowed = join_values (spec->values);

          if (t->spec == &table_specs[T_CHANNEL] && col == CH_KIND && strcmp (text, "phone") == 0)
            report_field (b, t, row, col,
                          "kind \"phone\" does not belong in channels.csv; move the row to "
                          "phones.csv");
          else if (t->spec == &table_specs[T_SCHEDULE] && col == SCH_FREQ)
            report_field (b, t, row, col,
                          "freq \"%s\" is not supported; only WEEKLY is (or leave it empty)",
                          text);
          else
            report_field (b, t, row, col, "%s \"%s\" is not one of: %s; use one of these",
                          name, text, allowed);
          ok = FALSE;
        }
      break;

    case V_LANG:
      if (!is_valid_lang (text))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not a language code; write two or three lowercase "
                        "letters (ISO 639-1), for example en", name, text);
          ok = FALSE;
        }
      break;

    case V_BOOL:
      if (!baken_source_parse_bool (text, &bool_value))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not true or false; write true or false, or leave it "
                        "empty", name, text);
          ok = FALSE;
        }
      break;

    case V_LATITUDE:
    case V_LONGITUDE:
      if (!baken_source_parse_degrees (text, spec->type == V_LATITUDE ? 90 : 180, &d))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not a number between -%d and %d; write decimal degrees "
                        "with a point, for example %s", name, text,
                        spec->type == V_LATITUDE ? 90 : 180,
                        spec->type == V_LATITUDE ? 90 : 180,
                        spec->type == V_LATITUDE ? "52.0907" : "5.1214");
          ok = FALSE;
        }
      break;

    case V_URL:
      if (!is_valid_url (text))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not a web address; write it in full, starting with "
                        "https://", name, text);
          ok = FALSE;
        }
      break;

    case V_EMAIL:
      if (!is_valid_email (text))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not an e-mail address; write it as name@example.nl",
                        name, text);
          ok = FALSE;
        }
      break;

    case V_BYDAY:
      if (!baken_content_source_parse_byday (text, &mask))
        {
          report_field (b, t, row, col,
                        "%s \"%s\" is not a list of days; write days as MO,TU,WE,TH,FR,SA,SU "
                        "(each once, separated by commas), or leave it empty for every day",
                        name, text);
          ok = FALSE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    mark_bad (row, col);
}

/* Loading */

static const char *
intern (Source     *b,
        const char *text)
{
  return g_string_chunk_insert (b->strings, text);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->values);
  g_free (row->lines);
  g_free (row);
}

static void
check_header (Source         *b,
              Table          *t,
              BakenCsvReader *reader)
{
  const TableSpec *spec = t->spec;
  guint n = baken_csv_reader_get_n_fields (reader);

  t->n_header = n;
  for (guint i = 0; i < n; i++)
    {
      const char *name = baken_csv_reader_get_field (reader, i);
      guint line = baken_csv_reader_get_field_line (reader, i);
      gboolean known = FALSE;

      for (guint c = 0; c < spec->n_columns; c++)
        {
          if (name == NULL || strcmp (name, spec->columns[c].name) != 0)
            continue;
          known = TRUE;
          if (t->file_column[c] != 0)
            report (b, spec->file, line, i + 1,
                    "column \"%s\" appears twice in the header (first as column %u); remove "
                    "one of them", name, t->file_column[c]);
          else
            t->file_column[c] = i + 1;
          break;
        }

      if (!known && name != NULL)
        {
          g_autofree char *columns = join_columns (spec);

          report (b, spec->file, line, i + 1,
                  "unknown column \"%s\"; check the spelling (the columns of %s are: %s)",
                  name, spec->file, columns);
        }
    }

  for (guint c = 0; c < spec->n_columns; c++)
    if (spec->columns[c].required && t->file_column[c] == 0)
      report (b, spec->file, baken_csv_reader_get_line (reader), n + 1,
              "required column \"%s\" is missing; add it to the header row", spec->columns[c].name);
}

static void
load_row (Source         *b,
          Table          *t,
          BakenCsvReader *reader,
          guint           ordinal)
{
  const TableSpec *spec = t->spec;
  guint record_line = baken_csv_reader_get_line (reader);
  Row *row;

  row = g_new0 (Row, 1);
  row->line = record_line;
  row->ordinal = ordinal;
  row->values = g_new0 (const char *, spec->n_columns);
  row->lines = g_new0 (guint, spec->n_columns);

  for (guint c = 0; c < spec->n_columns; c++)
    {
      guint index = t->file_column[c];
      const char *text;

      row->lines[c] = record_line;
      if (index == 0)
        continue;

      row->lines[c] = baken_csv_reader_get_field_line (reader, index - 1);
      text = baken_csv_reader_get_field (reader, index - 1);
      if (text == NULL)
        row->bad |= 1u << c;    /* already reported by the reader */
      else if (!is_blank (text))
        row->values[c] = intern (b, text);
    }

  row->index = t->rows->len;
  g_ptr_array_add (t->rows, row);

  for (guint c = 0; c < spec->n_columns; c++)
    {
      const ColumnSpec *cs = &spec->columns[c];

      if (cs->required && t->file_column[c] != 0 && !is_set (row, c))
        {
          if (cs->type == V_TEXT)
            report_field (b, t, row, c, "%s is empty; write the Dutch %s (every %s needs one)",
                          cs->name, cs->name, spec->noun);
          else
            report_field (b, t, row, c, "%s is empty; fill it in (it is required in %s)",
                          cs->name, spec->file);
          mark_bad (row, c);
          continue;
        }
      check_value (b, t, row, c);
    }

  if (spec->id_column >= 0 && value (row, spec->id_column) != NULL)
    {
      const char *id = value (row, spec->id_column);
      Row *first = g_hash_table_lookup (t->by_id, id);

      if (first != NULL)
        report_field (b, t, row, spec->id_column,
                      "id \"%s\" is used twice (first on line %u); give each %s its own id",
                      id, first->line, spec->noun);
      else
        g_hash_table_insert (t->by_id, (gpointer) id, row);
    }
}

/* A record that could not be read (a quoting mistake, a wrong number of fields) is only
 * remembered by its id, if that was readable, so that references to it do not add
 * problems of their own. */
static void
load_broken_row (Source         *b,
                 Table          *t,
                 BakenCsvReader *reader,
                 guint           ordinal)
{
  int id_col = t->spec->id_column;
  guint index = id_col >= 0 ? t->file_column[id_col] : 0;
  const char *id;
  Row *row;

  if (index == 0 || index > baken_csv_reader_get_n_fields (reader))
    return;
  id = baken_csv_reader_get_field (reader, index - 1);
  if (id == NULL || !is_valid_id (id) || g_hash_table_contains (t->by_id, id))
    return;

  row = g_new0 (Row, 1);
  row->line = baken_csv_reader_get_line (reader);
  row->ordinal = ordinal;
  row->bad = G_MAXUINT32;
  row->values = g_new0 (const char *, t->spec->n_columns);
  row->lines = g_new0 (guint, t->spec->n_columns);
  row->values[id_col] = intern (b, id);
  g_ptr_array_add (t->broken, row);
  g_hash_table_insert (t->by_id, (gpointer) row->values[id_col], row);
}

static gboolean
read_file (Source     *b,
           const char *name,
           GBytes    **out)
{
  g_autofree char *path = g_build_filename (b->src_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      report (b, name, 1, 1, "cannot read the file: %s", error->message);
      return FALSE;
    }
  if (g_mapped_file_get_length (mapped) > MAX_FILE_SIZE)
    {
      report (b, name, 1, 1, "the file is larger than %d MiB; split the content",
              MAX_FILE_SIZE / 1024 / 1024);
      return FALSE;
    }

  *out = g_mapped_file_get_bytes (mapped);
  return TRUE;
}

static void
load_table (Source *b,
            TableId id)
{
  Table *t = &b->tables[id];
  const TableSpec *spec = t->spec;
  g_autofree char *path = g_build_filename (b->src_dir, spec->file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BakenCsvReader) reader = NULL;
  gboolean header = TRUE;
  guint ordinal = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (spec->required)
        report (b, spec->file, 1, 1,
                "the file is missing; every content source needs %s (see "
                "docs/content-format.md)", spec->file);
      return;
    }

  if (!read_file (b, spec->file, &bytes))
    return;

  t->present = TRUE;
  reader = baken_csv_reader_new (bytes);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      BakenCsvRead read = baken_csv_reader_read (reader, &error);

      if (read == BAKEN_CSV_READ_END)
        break;

      if (read == BAKEN_CSV_READ_ERROR)
        {
          guint line, column;

          baken_csv_reader_get_error_position (reader, &line, &column);
          report (b, spec->file, line, column, "%s", error->message);
          if (error->code == BAKEN_CSV_ERROR_SYNTAX || error->code == BAKEN_CSV_ERROR_FIELD_COUNT)
            {
              /* Without a header, the rest of the file cannot be read. */
              if (header)
                return;
              load_broken_row (b, t, reader, ++ordinal);
              continue;
            }
        }

      if (header)
        {
          check_header (b, t, reader);
          header = FALSE;
          continue;
        }

      load_row (b, t, reader, ++ordinal);
    }

  if (header)
    report (b, spec->file, 1, 1, "the file is empty; it needs at least the header row (%s)",
            spec->file);
}

/* datapackage.json */

/* The position of the first occurrence of needle in text, as line:column. */
static void
find_position (const char *text,
               const char *needle,
               guint      *line,
               guint      *column)
{
  const char *hit = text != NULL ? strstr (text, needle) : NULL;

  *line = 1;
  *column = 1;
  if (hit == NULL)
    return;

  for (const char *p = text; p < hit; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        {
          (*column)++;
        }
    }
}

static void
report_json (Source     *b,
             const char *text,
             const char *needle,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
report_json (Source     *b,
             const char *text,
             const char *needle,
             const char *format,
             ...)
{
  va_list args;
  guint line, column;

  find_position (text, needle, &line, &column);
  va_start (args, format);
  report_valist (b, "datapackage.json", line, column, format, args);
  va_end (args);
}

static const char *
json_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
load_datapackage (Source *b)
{
  g_autofree char *path = g_build_filename (b->src_dir, "datapackage.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) unlisted = g_ptr_array_new_with_free_func (g_free);
  JsonObject *root, *baken;
  JsonNode *node;
  JsonArray *resources;
  const char *profile, *name;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      report (b, "datapackage.json", 1, 1,
              "cannot read datapackage.json (%s); every content source needs one (see "
              "docs/content-format.md)", error->message);
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      report (b, "datapackage.json", 1, 1, "the file is not valid UTF-8; save it as UTF-8");
      return;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, &error))
    {
      report (b, "datapackage.json", json_parser_get_current_line (parser),
              json_parser_get_current_pos (parser),
              "this is not valid JSON (%s); fix the syntax", error->message);
      return;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      report (b, "datapackage.json", 1, 1, "the file must hold one JSON object");
      return;
    }
  root = json_node_get_object (node);

  profile = json_string_member (root, "profile");
  if (g_strcmp0 (profile, "tabular-data-package") != 0)
    report_json (b, text, "\"profile\"",
                 "profile must be \"tabular-data-package\"; set \"profile\": "
                 "\"tabular-data-package\"");

  node = json_object_get_member (root, "baken");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      report_json (b, text, "\"baken\"",
                   "the \"baken\" object is missing; add \"baken\": { \"format\": %d, "
                   "\"publisher\": \"…\", \"region\": \"…\" }", BAKEN_SOURCE_FORMAT);
    }
  else
    {
      JsonNode *format;

      baken = json_node_get_object (node);
      format = json_object_get_member (baken, "format");
      if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
          json_node_get_value_type (format) != G_TYPE_INT64 ||
          json_node_get_int (format) != BAKEN_SOURCE_FORMAT)
        report_json (b, text, "\"format\"",
                     "baken.format must be %d; this baken-bundle reads format %d only",
                     BAKEN_SOURCE_FORMAT, BAKEN_SOURCE_FORMAT);

      name = json_string_member (baken, "publisher");
      if (name == NULL || is_blank (name))
        report_json (b, text, "\"baken\"",
                     "baken.publisher is missing; add the name of the organisation that "
                     "publishes this content");
      else
        b->publisher = g_strdup (name);

      name = json_string_member (baken, "region");
      if (name == NULL || is_blank (name))
        report_json (b, text, "\"baken\"",
                     "baken.region is missing; add the town or region this content is for");
      else
        b->region = g_strdup (name);
    }

  node = json_object_get_member (root, "resources");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      report_json (b, text, "\"resources\"",
                   "\"resources\" is missing; list every CSV file of the folder there");
      return;
    }
  resources = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonNode *element = json_array_get_element (resources, i);
      JsonObject *resource;
      const char *resource_path;
      const TableSpec *spec = NULL;
      g_autofree char *file_path = NULL;
      g_autofree char *quoted = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          report_json (b, text, "\"resources\"",
                       "resource %u is not an object; write { \"name\": …, \"path\": … }", i + 1);
          continue;
        }
      resource = json_node_get_object (element);
      resource_path = json_string_member (resource, "path");
      name = json_string_member (resource, "name");
      if (resource_path == NULL)
        {
          report_json (b, text, "\"resources\"",
                       "resource %u has no \"path\"; add the name of its CSV file", i + 1);
          continue;
        }

      quoted = g_strdup_printf ("\"%s\"", resource_path);
      for (guint t = 0; t < N_TABLES; t++)
        if (strcmp (table_specs[t].file, resource_path) == 0)
          spec = &table_specs[t];

      if (spec == NULL)
        {
          report_json (b, text, quoted,
                       "resource path \"%s\" is not a table of the Baken format; check the "
                       "spelling (see docs/content-format.md) or remove it", resource_path);
          continue;
        }

      if (g_hash_table_contains (listed, resource_path))
        report_json (b, text, quoted, "resource path \"%s\" is listed twice; remove one",
                     resource_path);
      g_hash_table_add (listed, g_strdup (resource_path));

      if (g_strcmp0 (name, spec->resource) != 0)
        report_json (b, text, quoted,
                     "the resource for %s must be named \"%s\"; set \"name\": \"%s\"",
                     resource_path, spec->resource, spec->resource);

      file_path = g_build_filename (b->src_dir, resource_path, NULL);
      if (!g_file_test (file_path, G_FILE_TEST_IS_REGULAR))
        report_json (b, text, quoted,
                     "resource %s is listed but the file does not exist; add the file or "
                     "remove the resource", resource_path);
    }

  dir = g_dir_open (b->src_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".csv") && !g_hash_table_contains (listed, name))
      g_ptr_array_add (unlisted, g_strdup (name));

  g_ptr_array_sort (unlisted, baken_source_compare_strings);
  for (guint i = 0; i < unlisted->len; i++)
    {
      const char *file = g_ptr_array_index (unlisted, i);
      const char *resource = NULL;

      for (guint t = 0; t < N_TABLES; t++)
        if (strcmp (table_specs[t].file, file) == 0)
          resource = table_specs[t].resource;

      if (resource != NULL)
        report_json (b, text, "\"resources\"",
                     "%s is not listed in resources; add { \"name\": \"%s\", \"path\": "
                     "\"%s\", \"profile\": \"tabular-data-resource\" }", file, resource, file);
      else
        report (b, file, 1, 1,
                "%s is not a table of the Baken format and not listed in datapackage.json; "
                "check the file name (see docs/content-format.md) or remove the file", file);
    }
}

/* Checks */

static void
check_references (Source *b)
{
  Table *phones = &b->tables[T_PHONE];
  Table *channels = &b->tables[T_CHANNEL];

  for (guint tid = 0; tid < N_TABLES; tid++)
    {
      Table *t = &b->tables[tid];

      for (guint r = 0; r < t->rows->len; r++)
        {
          Row *row = g_ptr_array_index (t->rows, r);

          for (guint c = 0; c < t->spec->n_columns; c++)
            {
              const ColumnSpec *cs = &t->spec->columns[c];
              const char *ref = value (row, c);

              if (ref == NULL)
                continue;

              if (cs->type == V_REF &&
                  !g_hash_table_contains (b->tables[cs->ref].by_id, ref))
                {
                  const TableSpec *target = &table_specs[cs->ref];

                  report_field (b, t, row, c,
                                "%s \"%s\" does not exist in %s; use one of its ids or add "
                                "the %s", cs->name, ref, target->file, target->noun);
                  mark_bad (row, c);
                }
              else if (cs->type == V_CHANNEL_REF &&
                       !g_hash_table_contains (phones->by_id, ref) &&
                       !g_hash_table_contains (channels->by_id, ref))
                {
                  report_field (b, t, row, c,
                                "%s \"%s\" is neither in phones.csv nor in channels.csv; use "
                                "one of their ids or add the phone or channel", cs->name, ref);
                  mark_bad (row, c);
                }
            }
        }
    }

  /* Phones and channels share one table in the DB, so one set of ids. */
  for (guint r = 0; r < channels->rows->len; r++)
    {
      Row *row = g_ptr_array_index (channels->rows, r);
      const char *id = value (row, CH_ID);
      Row *phone = id != NULL ? g_hash_table_lookup (phones->by_id, id) : NULL;

      if (phone != NULL)
        report_field (b, channels, row, CH_ID,
                      "id \"%s\" is already used in phones.csv (line %u); phones and channels "
                      "share one list of ids, so give this channel another id",
                      id, phone->line);
    }
}

static void
check_phones (Source *b)
{
  Table *t = &b->tables[T_PHONE];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);

      if (!is_set (row, PH_SERVICE_ID))
        report_field (b, t, row, PH_SERVICE_ID,
                      "phone \"%s\" has no service_id; a phone must belong to a service, so "
                      "fill in its id", value (row, PH_ID) ?: "");
    }
}

static void
check_channels (Source *b)
{
  Table *t = &b->tables[T_CHANNEL];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *kind = value (row, CH_KIND);
      const char *val = value (row, CH_VALUE);

      if (kind == NULL)
        continue;

      if (strcmp (kind, "walk_in") == 0)
        {
          if (!is_set (row, CH_LOCATION_ID))
            report_field (b, t, row, CH_LOCATION_ID,
                          "a walk_in channel needs location_id (where people can come in); "
                          "fill in the id of a location");
        }
      else if (val == NULL)
        {
          if (!is_set (row, CH_VALUE))
            report_field (b, t, row, CH_VALUE,
                          "a %s channel needs a value; fill in the %s", kind,
                          strcmp (kind, "email") == 0 ? "e-mail address" : "web address (https://…)");
        }
      else if (strcmp (kind, "email") == 0 ? !is_valid_email (val) : !is_valid_url (val))
        {
          report_field (b, t, row, CH_VALUE,
                        strcmp (kind, "email") == 0
                          ? "value \"%s\" is not an e-mail address; write it as name@example.nl"
                          : "value \"%s\" is not a web address; write it in full, starting with https://",
                        val);
          mark_bad (row, CH_VALUE);
        }
    }
}

/* Exactly one of channel_id, service_at_location_id and service_id. */
static void
check_target (Source *b,
              Table  *t,
              Row    *row,
              guint   channel_col,
              guint   sal_col,
              guint   service_col)
{
  const guint cols[] = { channel_col, sal_col, service_col };
  guint n_set = 0;
  guint first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      if (!is_set (row, cols[i]))
        continue;
      if (n_set == 0)
        first = cols[i];
      else
        report_field (b, t, row, cols[i],
                      "both %s and %s are filled in; a row is for exactly one of channel_id, "
                      "service_at_location_id or service_id, so keep one",
                      t->spec->columns[first].name, t->spec->columns[cols[i]].name);
      n_set++;
    }

  if (n_set == 0)
    report_field (b, t, row, t->file_column[channel_col] != 0 ? channel_col :
                             t->file_column[sal_col] != 0 ? sal_col : service_col,
                  "the row is for nothing; fill in exactly one of channel_id (a phone or "
                  "channel), service_at_location_id (walk-in hours) or service_id");
}

static void
check_schedules (Source *b)
{
  Table *t = &b->tables[T_SCHEDULE];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *opens_at = value (row, SCH_OPENS_AT);
      const char *closes_at = value (row, SCH_CLOSES_AT);
      const char *from = value (row, SCH_VALID_FROM);
      const char *to = value (row, SCH_VALID_TO);
      int opens, closes;

      check_target (b, t, row, SCH_CHANNEL_ID, SCH_SERVICE_AT_LOCATION_ID, SCH_SERVICE_ID);

      if (opens_at != NULL && closes_at != NULL &&
          baken_parse_time (opens_at, &opens) && baken_parse_time (closes_at, &closes))
        {
          if (opens == BAKEN_MINUTES_PER_DAY)
            report_field (b, t, row, SCH_OPENS_AT,
                          "opens_at 24:00 is the end of the day; a slot opens at 00:00 or later "
                          "and 24:00 is only a closing time");
          else if (opens == closes)
            report_field (b, t, row, SCH_CLOSES_AT,
                          "closes_at is the same as opens_at (%s), so the slot is empty; for a "
                          "whole day write 00:00 to 24:00", opens_at);
        }

      if (from != NULL && to != NULL && strcmp (from, to) > 0)
        report_field (b, t, row, SCH_VALID_TO,
                      "valid_to %s is before valid_from %s; swap them or fix the date", to, from);
    }
}

static void
check_exceptions (Source *b)
{
  Table *t = &b->tables[T_SCHEDULE_EXCEPTION];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      gboolean closed = FALSE;
      int opens, closes;

      check_target (b, t, row, EXC_CHANNEL_ID, EXC_SERVICE_AT_LOCATION_ID, EXC_SERVICE_ID);

      if (value (row, EXC_CLOSED) != NULL)
        baken_source_parse_bool (value (row, EXC_CLOSED), &closed);
      else if (is_set (row, EXC_CLOSED))
        continue;

      if (closed)
        {
          if (is_set (row, EXC_OPENS_AT) || is_set (row, EXC_CLOSES_AT))
            report_field (b, t, row, is_set (row, EXC_OPENS_AT) ? EXC_OPENS_AT : EXC_CLOSES_AT,
                          "closed is true, so opens_at and closes_at must be empty; remove "
                          "the times or set closed to false");
          continue;
        }

      if (!is_set (row, EXC_OPENS_AT))
        report_field (b, t, row, EXC_OPENS_AT,
                      "opens_at is empty; an exception that is not a closure needs opens_at "
                      "and closes_at (or set closed to true)");
      if (!is_set (row, EXC_CLOSES_AT))
        report_field (b, t, row, EXC_CLOSES_AT,
                      "closes_at is empty; an exception that is not a closure needs opens_at "
                      "and closes_at (or set closed to true)");

      if (value (row, EXC_OPENS_AT) != NULL && value (row, EXC_CLOSES_AT) != NULL &&
          baken_parse_time (value (row, EXC_OPENS_AT), &opens) &&
          baken_parse_time (value (row, EXC_CLOSES_AT), &closes))
        {
          if (opens == BAKEN_MINUTES_PER_DAY)
            report_field (b, t, row, EXC_OPENS_AT,
                          "opens_at 24:00 is the end of the day; 24:00 is only a closing time");
          else if (opens == closes)
            report_field (b, t, row, EXC_CLOSES_AT,
                          "closes_at is the same as opens_at, so the opening is empty; fix the "
                          "times or set closed to true");
        }
    }
}

static void
check_addresses (Source *b)
{
  Table *t = &b->tables[T_ADDRESS];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *location = value (row, ADR_LOCATION_ID);
      const char *type = value (row, ADR_ADDRESS_TYPE);
      Row *first;

      if (location == NULL || (is_set (row, ADR_ADDRESS_TYPE) && g_strcmp0 (type, "physical") != 0))
        continue;

      first = g_hash_table_lookup (b->address, location);
      if (first != NULL)
        report_field (b, t, row, ADR_LOCATION_ID,
                      "location \"%s\" already has a physical address (line %u); set "
                      "address_type to postal or remove one", location, first->line);
      else
        g_hash_table_insert (b->address, (gpointer) location, row);
    }
}

static void
check_unique_pairs (Source     *b,
                    TableId     tid,
                    guint       col_a,
                    guint       col_b,
                    int         col_c,
                    const char *what)
{
  Table *t = &b->tables[tid];
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *c_value = col_c >= 0 ? value (row, col_c) : "";
      char *key;
      Row *first;

      if (value (row, col_a) == NULL || value (row, col_b) == NULL)
        continue;
      if (col_c >= 0 && c_value == NULL)
        c_value = "nl";

      key = g_strjoin ("\t", value (row, col_a), value (row, col_b), c_value, NULL);
      first = g_hash_table_lookup (seen, key);
      if (first != NULL)
        {
          report_field (b, t, row, col_b, "%s (first on line %u); remove one of the rows",
                        what, first->line);
          g_free (key);
        }
      else
        {
          g_hash_table_insert (seen, key, row);
        }
    }
}

static void
check_life_event_services (Source *b)
{
  Table *t = &b->tables[T_LIFE_EVENT_SERVICE];
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *event = value (row, LES_LIFE_EVENT_ID);
      const char *service = value (row, LES_SERVICE_ID);
      g_autofree char *key = NULL;
      Row *first;

      if (event == NULL || service == NULL)
        continue;

      key = g_strdup_printf ("%s/%s", event, service);
      first = g_hash_table_lookup (t->by_id, key);
      if (first != NULL)
        report_field (b, t, row, LES_SERVICE_ID,
                      "service \"%s\" is listed twice for life event \"%s\" (first on line %u); "
                      "remove one of the rows", service, event, first->line);
      else
        g_hash_table_insert (t->by_id, (gpointer) intern (b, key), row);
    }
}

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
  report_valist (b, file, line, column, format, args);
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
  guint before = b->problems->len;
  const char *p = text;
  const char *root_end;
  const char *viewbox;
  static const char *const forbidden[] = { "<script", "<!ENTITY", "<!DOCTYPE", "<foreignObject",
                                           "@import", NULL };

  if (length > MAX_ICON_SIZE)
    {
      report (b, file, 1, 1, "the icon is %" G_GSIZE_FORMAT " bytes; an icon may be at most "
              "%d KiB, so simplify it", length, MAX_ICON_SIZE / 1024);
      return FALSE;
    }
  if (!g_utf8_validate (text, length, NULL) || strlen (text) != length)
    {
      report (b, file, 1, 1, "the icon is not UTF-8 text; save it as a plain SVG file");
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

  return b->problems->len == before;
}

static void
check_icon (Source     *b,
            Table      *t,
            Row        *row,
            const char *name,
            GHashTable *checked)
{
  g_autofree char *file = g_strdup_printf ("icons/%s.svg", name);
  g_autofree char *path = g_build_filename (b->src_dir, "icons", NULL);
  g_autofree char *full = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (g_hash_table_contains (checked, name))
    return;

  full = g_strdup_printf ("%s/%s.svg", path, name);
  if (!g_file_test (full, G_FILE_TEST_IS_REGULAR))
    {
      report_field (b, t, row, LE_ICON,
                    "icon \"%s\" has no file %s; add the SVG or fix the name", name, file);
      return;
    }

  g_hash_table_add (checked, (gpointer) name);
  if (!g_file_get_contents (full, &contents, &length, NULL))
    {
      report (b, file, 1, 1, "cannot read the icon; check its permissions");
      return;
    }

  if (check_svg (b, file, contents, length))
    g_hash_table_insert (b->icons, (gpointer) name,
                         g_bytes_new_take (g_steal_pointer (&contents), length));
}

/* Life events */

static gboolean
count_words_ok (const char *text,
                guint      *n_words)
{
  gboolean in_word = FALSE;

  *n_words = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
        }
      else if (!in_word)
        {
          in_word = TRUE;
          (*n_words)++;
        }
    }

  return *n_words <= MAX_TITLE_WORDS;
}

static void
check_life_events (Source *b)
{
  Table *t = &b->tables[T_LIFE_EVENT];
  Table *les = &b->tables[T_LIFE_EVENT_SERVICE];
  guint n = t->rows->len;
  g_autofree guint8 *state = g_new0 (guint8, n);     /* 0 new, 1 on the path, 2 done */
  g_autofree int *depth = g_new0 (int, n);           /* -1: broken chain */
  g_autoptr(GHashTable) index = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) has_children = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) has_services = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) checked_icons = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    g_hash_table_insert (index, g_ptr_array_index (t->rows, i), GUINT_TO_POINTER (i));

  /* Depth of every event, finding cycles, in one walk up from each event. */
  for (guint i = 0; i < n; i++)
    {
      guint cur = i;
      gpointer found;
      int base;

      g_array_set_size (path, 0);
      for (;;)
        {
          Row *row = g_ptr_array_index (t->rows, cur);
          const char *parent_id = value (row, LE_PARENT_ID);
          Row *parent;

          if (state[cur] == 2)
            {
              base = depth[cur];
              break;
            }
          if (state[cur] == 1)
            {
              /* A cycle: the part of the path from cur on. Report it once, on the first
               * of its events in the file. */
              g_autoptr(GString) chain = g_string_new (NULL);
              guint start = 0, first = cur;

              while (g_array_index (path, guint, start) != cur)
                start++;
              for (guint k = start; k < path->len; k++)
                {
                  guint m = g_array_index (path, guint, k);
                  Row *member = g_ptr_array_index (t->rows, m);

                  g_string_append_printf (chain, "%s → ", value (member, LE_ID));
                  if (m < first)
                    first = m;
                  state[m] = 2;
                  depth[m] = -1;
                }
              g_string_append (chain, value (row, LE_ID));
              {
                Row *first_row = g_ptr_array_index (t->rows, first);

                report_field (b, t, first_row, LE_PARENT_ID,
                              "life event \"%s\" is part of a cycle (%s); give one of these "
                              "events another parent_id", value (first_row, LE_ID), chain->str);
              }
              base = -1;
              break;
            }

          state[cur] = 1;
          g_array_append_val (path, cur);

          if (parent_id == NULL)
            {
              if (is_set (row, LE_PARENT_ID))
                {
                  /* A bad parent_id, already reported: no depth. */
                  base = -1;
                }
              else
                {
                  /* A top-level event. */
                  g_array_set_size (path, path->len - 1);
                  state[cur] = 2;
                  depth[cur] = 0;
                  base = 0;
                }
              break;
            }

          parent = g_hash_table_lookup (t->by_id, parent_id);
          if (parent == NULL || !g_hash_table_lookup_extended (index, parent, NULL, &found))
            {
              /* Unknown (reported) or unreadable (reported): no depth. */
              base = -1;
              break;
            }
          cur = GPOINTER_TO_UINT (found);
        }

      for (guint k = path->len; k-- > 0;)
        {
          guint m = g_array_index (path, guint, k);

          if (state[m] == 2)
            {
              base = depth[m];
              continue;
            }
          state[m] = 2;
          depth[m] = base < 0 ? -1 : base + 1;
          base = depth[m];
        }
    }

  for (guint i = 0; i < n; i++)
    {
      Row *row = g_ptr_array_index (t->rows, i);
      const char *parent_id = value (row, LE_PARENT_ID);

      if (parent_id != NULL)
        g_hash_table_add (has_children, (gpointer) parent_id);
    }
  for (guint r = 0; r < les->rows->len; r++)
    {
      Row *row = g_ptr_array_index (les->rows, r);

      if (value (row, LES_LIFE_EVENT_ID) != NULL)
        g_hash_table_add (has_services, (gpointer) value (row, LES_LIFE_EVENT_ID));
    }

  for (guint i = 0; i < n; i++)
    {
      Row *row = g_ptr_array_index (t->rows, i);
      const char *id = value (row, LE_ID);
      const char *icon = value (row, LE_ICON);
      const char *title = value (row, LE_TITLE);
      guint n_words;

      if (depth[i] >= MAX_DEPTH)
        report_field (b, t, row, LE_PARENT_ID,
                      "life event \"%s\" is on level %d; the menu has at most %d levels, so "
                      "attach it to an event higher up", id ?: "", depth[i] + 1, MAX_DEPTH);
      if (id != NULL && depth[i] >= 0)
        g_hash_table_insert (b->depth, (gpointer) id, GINT_TO_POINTER (depth[i] + 1));

      if (!is_set (row, LE_PARENT_ID) && !is_set (row, LE_ICON))
        report_field (b, t, row, LE_ICON,
                      "life event \"%s\" is on the home screen and needs an icon; fill in "
                      "the name of an SVG file in icons/ (without .svg)", id ?: "");
      if (icon != NULL)
        check_icon (b, t, row, icon, checked_icons);

      if (title != NULL && !count_words_ok (title, &n_words))
        report_field (b, t, row, LE_TITLE,
                      "title \"%s\" has %u words; a tile label has at most %d, so shorten it "
                      "(the summary can say more)", title, n_words, MAX_TITLE_WORDS);

      if (id != NULL && !g_hash_table_contains (has_children, id) &&
          !g_hash_table_contains (has_services, id))
        report_field (b, t, row, LE_ID,
                      "life event \"%s\" has no services and no child events, so it leads "
                      "nowhere; add rows for it to life_event_services.csv", id);
    }
}

/* Translations */

static const TranslatableField *
find_translatable (TableId     table,
                   const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (translatable_fields); i++)
    if (translatable_fields[i].table == table && strcmp (translatable_fields[i].field, field) == 0)
      return &translatable_fields[i];

  return NULL;
}

static char *
translatable_list (int table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int last = -1;

  for (guint i = 0; i < G_N_ELEMENTS (translatable_fields); i++)
    {
      const TranslatableField *f = &translatable_fields[i];

      if (table < 0 && (int) f->table != last)
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "",
                                table_specs[f->table].resource);
      else if (table >= 0 && (int) f->table == table)
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", f->field);
      last = f->table;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_lang (Source     *b,
          const char *table,
          const char *id,
          const char *lang)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", table, id);
  GPtrArray *langs = g_hash_table_lookup (b->translated_langs, key);

  if (langs == NULL)
    {
      langs = g_ptr_array_new ();
      g_hash_table_insert (b->translated_langs, g_steal_pointer (&key), langs);
    }
  if (!g_ptr_array_find_with_equal_func (langs, lang, g_str_equal, NULL))
    {
      g_ptr_array_add (langs, (gpointer) lang);
      g_ptr_array_sort (langs, baken_source_compare_strings);
    }
  g_hash_table_add (b->langs, (gpointer) lang);
}

static void
check_translations (Source *b)
{
  Table *t = &b->tables[T_TRANSLATION];
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *table = value (row, TR_TABLE);
      const char *id = value (row, TR_ID);
      const char *field = value (row, TR_FIELD);
      const char *lang = value (row, TR_LANG);
      const char *text = value (row, TR_TEXT);
      const TranslatableField *tf;
      g_autofree char *allowed = NULL;
      int tid = -1;
      char *key;
      Row *first;

      if (table == NULL || id == NULL || field == NULL || lang == NULL || text == NULL)
        continue;

      for (guint i = 0; i < N_TABLES; i++)
        if (strcmp (table_specs[i].resource, table) == 0)
          tid = i;

      allowed = tid >= 0 ? translatable_list (tid) : NULL;
      if (allowed == NULL || *allowed == '\0')
        {
          g_autofree char *tables = translatable_list (-1);

          report_field (b, t, row, TR_TABLE,
                        "table \"%s\" has no texts to translate; use one of: %s", table, tables);
          continue;
        }

      tf = find_translatable (tid, field);
      if (tf == NULL)
        {
          report_field (b, t, row, TR_FIELD,
                        "field \"%s\" is not a text of %s; use one of: %s", field, table, allowed);
          continue;
        }

      if (!g_hash_table_contains (b->tables[tid].by_id, id))
        {
          report_field (b, t, row, TR_ID,
                        "%s \"%s\" does not exist in %s; fix the id or remove the translation",
                        table, id, table_specs[tid].file);
          continue;
        }

      if (strcmp (lang, "nl") == 0)
        {
          report_field (b, t, row, TR_LANG,
                        "lang is nl, the source language; change the Dutch text in %s instead",
                        table_specs[tid].file);
          continue;
        }

      key = g_strjoin ("\t", table, id, field, lang, NULL);
      first = g_hash_table_lookup (seen, key);
      if (first != NULL)
        {
          report_field (b, t, row, TR_TEXT,
                        "%s \"%s\" %s is translated to %s twice (first on line %u); remove one "
                        "of the rows", table, id, field, lang, first->line);
          g_free (key);
          continue;
        }
      g_hash_table_insert (seen, g_strdup (key), row);
      g_hash_table_insert (b->translations, key, (gpointer) text);
      add_lang (b, table, id, lang);

      /* An accessibility text lands in the location_text row of its location. */
      if (tid == T_ACCESSIBILITY)
        {
          Row *acc = g_hash_table_lookup (b->tables[T_ACCESSIBILITY].by_id, id);

          if (value (acc, ACC_LOCATION_ID) != NULL)
            add_lang (b, "location", value (acc, ACC_LOCATION_ID), lang);
        }
    }
}

static void
collect_synonyms (Source *b)
{
  Table *t = &b->tables[T_SYNONYM];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *term = value (row, SYN_TERM);
      const char *event = value (row, SYN_LIFE_EVENT_ID);
      const char *lang = value (row, SYN_LANG) ?: "nl";
      g_autofree char *key = NULL;
      GString *terms;

      if (term == NULL || event == NULL || (row->bad & (1u << SYN_LANG)))
        continue;

      key = g_strdup_printf ("%s\t%s", event, lang);
      terms = g_hash_table_lookup (b->synonyms, key);
      if (terms == NULL)
        {
          terms = g_string_new (NULL);
          g_hash_table_insert (b->synonyms, g_steal_pointer (&key), terms);
        }
      if (terms->len > 0)
        g_string_append_c (terms, ' ');
      g_string_append (terms, term);
      g_hash_table_add (b->langs, (gpointer) intern (b, lang));
    }
}

static void
collect_accessibility (Source *b)
{
  Table *t = &b->tables[T_ACCESSIBILITY];

  for (guint r = 0; r < t->rows->len; r++)
    {
      Row *row = g_ptr_array_index (t->rows, r);
      const char *location = value (row, ACC_LOCATION_ID);
      GPtrArray *rows;

      if (location == NULL || value (row, ACC_DESCRIPTION) == NULL)
        continue;

      rows = g_hash_table_lookup (b->accessibility, location);
      if (rows == NULL)
        {
          rows = g_ptr_array_new ();
          g_hash_table_insert (b->accessibility, (gpointer) location, rows);
        }
      g_ptr_array_add (rows, row);
    }
}

/* Texts */

GPtrArray *
baken_source_record_langs (Source     *b,
                           const char *table,
                           const char *id)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", table, id);
  GPtrArray *translated = g_hash_table_lookup (b->translated_langs, key);
  GPtrArray *langs = g_ptr_array_new ();

  g_ptr_array_add (langs, (gpointer) "nl");
  if (translated != NULL)
    for (guint i = 0; i < translated->len; i++)
      g_ptr_array_add (langs, g_ptr_array_index (translated, i));

  return langs;
}

const char *
baken_source_text_in (Source     *b,
                      TableId     tid,
                      const char *id,
                      Row        *row,
                      guint       col,
                      const char *lang)
{
  g_autofree char *key = NULL;

  if (strcmp (lang, "nl") == 0)
    return value (row, col);

  for (guint i = 0; i < G_N_ELEMENTS (translatable_fields); i++)
    {
      const TranslatableField *f = &translatable_fields[i];

      if (f->table == tid && f->column == col)
        {
          key = g_strjoin ("\t", table_specs[tid].resource, id, f->field, lang, NULL);
          return g_hash_table_lookup (b->translations, key);
        }
    }

  return NULL;
}

GPtrArray *
baken_source_sorted_langs (Source *b)
{
  GPtrArray *langs = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, b->langs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (langs, key);
  g_ptr_array_sort (langs, baken_source_compare_strings);

  return langs;
}

/* The source */

static void
source_clear (Source *b)
{
  for (guint i = 0; i < N_TABLES; i++)
    {
      g_clear_pointer (&b->tables[i].rows, g_ptr_array_unref);
      g_clear_pointer (&b->tables[i].broken, g_ptr_array_unref);
      g_clear_pointer (&b->tables[i].by_id, g_hash_table_unref);
    }
  g_clear_pointer (&b->problems, g_array_unref);
  g_clear_pointer (&b->strings, g_string_chunk_free);
  g_clear_pointer (&b->publisher, g_free);
  g_clear_pointer (&b->region, g_free);
  g_clear_pointer (&b->depth, g_hash_table_unref);
  g_clear_pointer (&b->icons, g_hash_table_unref);
  g_clear_pointer (&b->translations, g_hash_table_unref);
  g_clear_pointer (&b->translated_langs, g_hash_table_unref);
  g_clear_pointer (&b->langs, g_hash_table_unref);
  g_clear_pointer (&b->address, g_hash_table_unref);
  g_clear_pointer (&b->accessibility, g_hash_table_unref);
  g_clear_pointer (&b->synonyms, g_hash_table_unref);
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a, *pb = b;
  int cmp;

  /* datapackage.json first, then the files by name. */
  cmp = (strcmp (pb->file, "datapackage.json") == 0) - (strcmp (pa->file, "datapackage.json") == 0);
  if (cmp == 0)
    cmp = strcmp (pa->file, pb->file);
  if (cmp == 0)
    cmp = (pa->line > pb->line) - (pa->line < pb->line);
  if (cmp == 0)
    cmp = (pa->column > pb->column) - (pa->column < pb->column);
  if (cmp == 0)
    cmp = (pa->seq > pb->seq) - (pa->seq < pb->seq);

  return cmp;
}

static void
check_source (Source *b)
{
  load_datapackage (b);
  for (guint i = 0; i < N_TABLES; i++)
    load_table (b, i);

  check_references (b);
  check_phones (b);
  check_channels (b);
  check_schedules (b);
  check_exceptions (b);
  check_addresses (b);
  check_life_event_services (b);
  check_unique_pairs (b, T_LANGUAGE, LNG_SERVICE_ID, LNG_CODE, -1,
                      "this language is listed twice for this service");
  check_unique_pairs (b, T_SYNONYM, SYN_LIFE_EVENT_ID, SYN_TERM, SYN_LANG,
                      "this synonym is listed twice for this life event");
  check_life_events (b);
  check_translations (b);
  collect_synonyms (b);
  collect_accessibility (b);
}

static void
source_problems_format (Source *b)
{
  g_array_sort (b->problems, compare_problems);
  b->problem_strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < b->problems->len; i++)
    {
      Problem *p = &g_array_index (b->problems, Problem, i);

      g_ptr_array_add (b->problem_strings, g_strdup_printf ("%s:%u:%u: %s", p->file, p->line,
                                                            p->column, p->message));
    }
}

BakenContentSource *
baken_content_source_load (const char  *src_dir,
                           GError     **error)
{
  Source *b;

  g_return_val_if_fail (src_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (src_dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BAKEN_CONTENT_ERROR, BAKEN_CONTENT_ERROR_SOURCE,
                   "%s is not a folder; give the folder that holds datapackage.json", src_dir);
      return NULL;
    }

  b = g_new0 (Source, 1);
  b->src_dir = g_strdup (src_dir);
  b->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (b->problems, problem_clear);
  b->strings = g_string_chunk_new (64 * 1024);
  for (guint i = 0; i < N_TABLES; i++)
    {
      b->tables[i].spec = &table_specs[i];
      b->tables[i].rows = g_ptr_array_new_with_free_func (row_free);
      b->tables[i].broken = g_ptr_array_new_with_free_func (row_free);
      b->tables[i].by_id = g_hash_table_new (g_str_hash, g_str_equal);
    }
  b->depth = g_hash_table_new (g_str_hash, g_str_equal);
  b->icons = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_bytes_unref);
  b->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->translated_langs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);
  b->langs = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (b->langs, (gpointer) "nl");
  b->address = g_hash_table_new (g_str_hash, g_str_equal);
  b->accessibility = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  b->synonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);

  check_source (b);
  source_problems_format (b);

  return b;
}

void
baken_content_source_free (BakenContentSource *self)
{
  if (self == NULL)
    return;

  source_clear (self);
  g_clear_pointer (&self->problem_strings, g_ptr_array_unref);
  g_free (self->src_dir);
  g_free (self);
}

const char *
baken_content_source_get_dir (BakenContentSource *self)
{
  return self->src_dir;
}

GPtrArray *
baken_content_source_get_problems (BakenContentSource *self)
{
  return self->problem_strings;
}

const char *
baken_content_source_get_publisher (BakenContentSource *self)
{
  return self->publisher;
}

const char *
baken_content_source_get_region (BakenContentSource *self)
{
  return self->region;
}

/* The format */

const TableSpec *
baken_source_table_spec (TableId id)
{
  g_return_val_if_fail (id < N_TABLES, NULL);

  return &table_specs[id];
}

const char *
baken_content_source_table_file (BakenSourceTable table)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, NULL);

  return table_specs[table].file;
}

const char *
baken_content_source_table_resource (BakenSourceTable table)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, NULL);

  return table_specs[table].resource;
}

guint
baken_content_source_table_n_columns (BakenSourceTable table)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, 0);

  return table_specs[table].n_columns;
}

const char *
baken_content_source_column_name (BakenSourceTable table,
                                  guint            column)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, NULL);
  g_return_val_if_fail (column < table_specs[table].n_columns, NULL);

  return table_specs[table].columns[column].name;
}

int
baken_content_source_column (BakenSourceTable  table,
                             const char       *name)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, -1);

  for (guint c = 0; c < table_specs[table].n_columns; c++)
    if (strcmp (table_specs[table].columns[c].name, name) == 0)
      return c;

  return -1;
}

gboolean
baken_content_source_column_is_text (BakenSourceTable table,
                                     guint            column)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, FALSE);
  g_return_val_if_fail (column < table_specs[table].n_columns, FALSE);

  return table_specs[table].columns[column].type == V_TEXT;
}

gboolean
baken_content_source_column_is_translatable (BakenSourceTable table,
                                             guint            column)
{
  for (guint i = 0; i < G_N_ELEMENTS (translatable_fields); i++)
    if ((int) translatable_fields[i].table == (int) table && translatable_fields[i].column == column)
      return TRUE;

  return FALSE;
}

/* The loaded tables */

static Row *
source_row (Source           *b,
            BakenSourceTable  table,
            guint             row)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, NULL);
  g_return_val_if_fail (row < b->tables[table].rows->len, NULL);

  return g_ptr_array_index (b->tables[table].rows, row);
}

gboolean
baken_content_source_has_table (BakenContentSource *self,
                                BakenSourceTable    table)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, FALSE);

  return self->tables[table].present;
}

guint
baken_content_source_get_n_rows (BakenContentSource *self,
                                 BakenSourceTable    table)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, 0);

  return self->tables[table].rows->len;
}

const char *
baken_content_source_get (BakenContentSource *self,
                          BakenSourceTable    table,
                          guint               row,
                          guint               column)
{
  Row *r = source_row (self, table, row);

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (column < table_specs[table].n_columns, NULL);

  return value (r, column);
}

void
baken_content_source_get_position (BakenContentSource *self,
                                   BakenSourceTable    table,
                                   guint               row,
                                   guint               column,
                                   guint              *line,
                                   guint              *file_column)
{
  Row *r = source_row (self, table, row);

  g_return_if_fail (r != NULL);
  g_return_if_fail (column < table_specs[table].n_columns);

  if (line != NULL)
    *line = r->lines[column];
  if (file_column != NULL)
    *file_column = column_of (&self->tables[table], column);
}

int
baken_content_source_find (BakenContentSource *self,
                           BakenSourceTable    table,
                           const char         *id)
{
  Row *r;

  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, -1);

  r = g_hash_table_lookup (self->tables[table].by_id, id);
  if (r == NULL || r->index >= self->tables[table].rows->len ||
      g_ptr_array_index (self->tables[table].rows, r->index) != r)
    return -1;

  return r->index;
}

const char *
baken_content_source_get_translation (BakenContentSource *self,
                                      BakenSourceTable    table,
                                      const char         *id,
                                      const char         *field,
                                      const char         *lang)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, NULL);

  key = g_strjoin ("\t", table_specs[table].resource, id, field, lang, NULL);
  return g_hash_table_lookup (self->translations, key);
}

GPtrArray *
baken_content_source_get_languages (BakenContentSource *self)
{
  return baken_source_sorted_langs (self);
}
