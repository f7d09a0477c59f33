/* baken-content-source-format.c: the tables and columns of the content format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every table of docs/content-format.md: its file, its name in datapackage.json and
 * translations.csv, and its columns with the type of value each holds and whether it is
 * required. Loading and the checks read the format through baken_source_table_spec ();
 * other code through the baken_content_source_table_* and _column* functions.
 */
#define G_LOG_DOMAIN "baken-content-source"

#include "config.h"

#include "baken-content-source-format.h"

#include "baken-content-source.h"

#include <string.h>

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
  /* Baken: for desk staff only (a warm handover), never shown to residents. */
  [SVC_HANDOVER] = OPT ("handover", V_TEXT),
  /* Shown in plain words on the service page and the slip: "Voor mensen van 18 jaar en
   * ouder", "Kosten: gratis", "Wachttijd: ongeveer 2 weken". */
  [SVC_MINIMUM_AGE] = OPT ("minimum_age", V_AGE),
  [SVC_MAXIMUM_AGE] = OPT ("maximum_age", V_AGE),
  [SVC_FEES] = OPT ("fees", V_TEXT),
  [SVC_WAIT_TIME] = OPT ("wait_time", V_TEXT),
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
  /* Baken: the Dutch text the translation was made from, as baken_content_source_hash_text
   * () (written by baken-bundle translations import). */
  [TR_SOURCE_HASH] = OPT ("source_hash", V_PLAIN),
};

/* Baken: how import-hsds turns a social map's own taxonomy into the menu. The life
 * events it names need not be in life_events.csv: import leaves out of the menu a life
 * event that no service reaches this time, and the mapping stays for when one does. */
static const ColumnSpec taxonomy_menu_columns[] = {
  [TM_TERM] = REQ ("term", V_PLAIN),
  [TM_LIFE_EVENT_ID] = REQ ("life_event_id", V_PLAIN),
  [TM_SITUATION_ID] = OPT ("situation_id", V_PLAIN),
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
  [T_TAXONOMY_MENU] = TABLE ("taxonomy_menu.csv", "taxonomy_menu", "mapping", FALSE, -1, taxonomy_menu_columns, TM_N),
};

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
baken_content_source_column_is_required (BakenSourceTable table,
                                         guint            column)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, FALSE);
  g_return_val_if_fail (column < table_specs[table].n_columns, FALSE);

  return table_specs[table].columns[column].required;
}

int
baken_content_source_column_ref (BakenSourceTable table,
                                 guint            column)
{
  g_return_val_if_fail (table < BAKEN_SOURCE_N_TABLES, -1);
  g_return_val_if_fail (column < table_specs[table].n_columns, -1);

  return table_specs[table].columns[column].type == V_REF
         ? table_specs[table].columns[column].ref : -1;
}
