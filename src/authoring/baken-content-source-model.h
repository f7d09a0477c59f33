/* baken-content-source-model.h: the loaded source, as the loader, the checks and the
 * writer see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Types only: the format (tables, columns, the type of value each holds), the rows of a
 * loaded table and the source they belong to, with a few inline accessors. The functions
 * that work on them have their own headers (baken-content-source-format.h, -values.h,
 * -report.h, -tables.h, -package.h, -checks.h, -life-events.h, -icons.h,
 * -translations.h). Only the baken-content-source*.c and baken-build*.c files include
 * this; other code uses the API of baken-content-source.h.
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "baken-content-source.h"

G_BEGIN_DECLS

/* Tables, in the order of BakenSourceTable. */
typedef enum {
  T_ORGANIZATION,
  T_SERVICE,
  T_LOCATION,
  T_ADDRESS,
  T_SERVICE_AT_LOCATION,
  T_PHONE,
  T_SCHEDULE,
  T_REQUIRED_DOCUMENT,
  T_LANGUAGE,
  T_ACCESSIBILITY,
  T_LIFE_EVENT,
  T_LIFE_EVENT_SERVICE,
  T_CHANNEL,
  T_SCHEDULE_EXCEPTION,
  T_SYNONYM,
  T_TRANSLATION,
  T_TAXONOMY_MENU,
  N_TABLES
} TableId;

typedef enum {
  V_TEXT,         /* resident-facing Dutch text */
  V_PLAIN,        /* any other text */
  V_ID,           /* the id of the record */
  V_REF,          /* an id in another table */
  V_CHANNEL_REF,  /* an id in phones.csv or channels.csv */
  V_POSITION,
  V_DATE,
  V_TIME,
  V_ENUM,
  V_LANG,
  V_BOOL,
  V_LATITUDE,
  V_LONGITUDE,
  V_URL,
  V_EMAIL,
  V_BYDAY,
  V_ICON,
  V_AGE,          /* whole years, 0 … 120 */
} ValueType;

typedef struct
{
  const char        *name;
  ValueType          type;
  gboolean           required;
  int                ref;       /* TableId, for V_REF */
  const char *const *values;    /* for V_ENUM */
} ColumnSpec;

typedef struct
{
  const char       *file;
  const char       *resource;   /* name in datapackage.json and translations.csv */
  const char       *noun;       /* "add the organisation" */
  gboolean          required;   /* the file must exist */
  int               id_column;  /* -1: no id column */
  const ColumnSpec *columns;
  guint             n_columns;
} TableSpec;

enum { ORG_ID, ORG_NAME, ORG_DESCRIPTION, ORG_ALTERNATE_NAME, ORG_EMAIL, ORG_WEBSITE, ORG_N };

enum { SVC_ID, SVC_ORGANIZATION_ID, SVC_NAME, SVC_STATUS, SVC_ALTERNATE_NAME, SVC_DESCRIPTION,
       SVC_URL, SVC_EMAIL, SVC_APPLICATION_PROCESS, SVC_FEES_DESCRIPTION,
       SVC_ELIGIBILITY_DESCRIPTION, SVC_ASSURED_DATE, SVC_ALERT, SVC_HANDOVER,
       SVC_MINIMUM_AGE, SVC_MAXIMUM_AGE, SVC_FEES, SVC_WAIT_TIME, SVC_N };

enum { LOC_ID, LOC_NAME, LOC_ORGANIZATION_ID, LOC_DESCRIPTION, LOC_TRANSPORTATION,
       LOC_LATITUDE, LOC_LONGITUDE, LOC_LOCATION_TYPE, LOC_N };

enum { ADR_ID, ADR_LOCATION_ID, ADR_ADDRESS_1, ADR_CITY, ADR_ADDRESS_2, ADR_POSTAL_CODE,
       ADR_COUNTRY, ADR_ADDRESS_TYPE, ADR_N };

enum { SAL_ID, SAL_SERVICE_ID, SAL_LOCATION_ID, SAL_DESCRIPTION, SAL_N };

enum { PH_ID, PH_NUMBER, PH_SERVICE_ID, PH_LOCATION_ID, PH_TYPE, PH_DESCRIPTION, PH_AUDIENCE,
       PH_COST_NOTE, PH_POSITION, PH_N };

enum { SCH_ID, SCH_OPENS_AT, SCH_CLOSES_AT, SCH_SERVICE_ID, SCH_LOCATION_ID,
       SCH_SERVICE_AT_LOCATION_ID, SCH_CHANNEL_ID, SCH_FREQ, SCH_BYDAY, SCH_VALID_FROM,
       SCH_VALID_TO, SCH_DESCRIPTION, SCH_N };

enum { DOC_ID, DOC_SERVICE_ID, DOC_DOCUMENT, DOC_POSITION, DOC_N };

enum { LNG_ID, LNG_SERVICE_ID, LNG_CODE, LNG_NAME, LNG_NOTE, LNG_N };

enum { ACC_ID, ACC_LOCATION_ID, ACC_DESCRIPTION, ACC_DETAILS, ACC_N };

enum { LE_ID, LE_PARENT_ID, LE_POSITION, LE_ICON, LE_TITLE, LE_SUMMARY, LE_QUESTION, LE_BODY,
       LE_N };

enum { LES_LIFE_EVENT_ID, LES_SERVICE_ID, LES_POSITION, LES_NOTE, LES_N };

enum { CH_ID, CH_SERVICE_ID, CH_KIND, CH_VALUE, CH_LABEL, CH_COST_NOTE, CH_AUDIENCE,
       CH_LOCATION_ID, CH_POSITION, CH_N };

enum { EXC_ID, EXC_DATE, EXC_CHANNEL_ID, EXC_SERVICE_ID, EXC_SERVICE_AT_LOCATION_ID,
       EXC_CLOSED, EXC_OPENS_AT, EXC_CLOSES_AT, EXC_NOTE, EXC_N };

enum { SYN_TERM, SYN_LIFE_EVENT_ID, SYN_LANG, SYN_N };

enum { TR_TABLE, TR_ID, TR_FIELD, TR_LANG, TR_TEXT, TR_SOURCE_HASH, TR_N };

enum { TM_TERM, TM_LIFE_EVENT_ID, TM_SITUATION_ID, TM_N };

/* The most columns a table has; a table with more is a compile error, not a write past
 * Table.file_column. */
#define MAX_COLUMNS 20
/* Row.bad has a bit per column. */
G_STATIC_ASSERT (MAX_COLUMNS <= 32);
G_STATIC_ASSERT (ORG_N <= MAX_COLUMNS);
G_STATIC_ASSERT (SVC_N <= MAX_COLUMNS);
G_STATIC_ASSERT (LOC_N <= MAX_COLUMNS);
G_STATIC_ASSERT (ADR_N <= MAX_COLUMNS);
G_STATIC_ASSERT (SAL_N <= MAX_COLUMNS);
G_STATIC_ASSERT (PH_N <= MAX_COLUMNS);
G_STATIC_ASSERT (SCH_N <= MAX_COLUMNS);
G_STATIC_ASSERT (DOC_N <= MAX_COLUMNS);
G_STATIC_ASSERT (LNG_N <= MAX_COLUMNS);
G_STATIC_ASSERT (ACC_N <= MAX_COLUMNS);
G_STATIC_ASSERT (LE_N <= MAX_COLUMNS);
G_STATIC_ASSERT (LES_N <= MAX_COLUMNS);
G_STATIC_ASSERT (CH_N <= MAX_COLUMNS);
G_STATIC_ASSERT (EXC_N <= MAX_COLUMNS);
G_STATIC_ASSERT (SYN_N <= MAX_COLUMNS);
G_STATIC_ASSERT (TR_N <= MAX_COLUMNS);
G_STATIC_ASSERT (TM_N <= MAX_COLUMNS);

/* The loaded source */

typedef struct _BakenContentSource Source;
typedef struct _BakenSourceReport BakenSourceReport;

typedef struct
{
  guint        line;
  guint        ordinal;      /* 1-based number of the record in its file */
  guint        index;        /* 0-based number of the row in Table.rows */
  guint32      bad;          /* columns whose value is unusable (already reported) */
  const char **values;       /* NULL when empty, absent or bad */
  guint       *lines;        /* line on which each field starts */
} Row;

typedef struct
{
  const TableSpec *spec;
  gboolean         present;
  guint            n_header;
  guint            file_column[MAX_COLUMNS];   /* 1-based; 0: the column is absent */
  GPtrArray       *rows;                       /* (owned) of Row */
  GPtrArray       *broken;                     /* (owned) of Row: unreadable records */
  GHashTable      *by_id;                      /* id → Row, also of broken records */
} Table;

struct _BakenContentSource
{
  char              *src_dir;
  BakenSourceReport *report;      /* (owned) the problems found */
  GStringChunk      *strings;

  Table         tables[N_TABLES];

  /* datapackage.json */
  char         *publisher;
  char         *region;

  /* Derived by the checks */
  GHashTable   *depth;            /* life event id → depth + 1 */
  GHashTable   *icons;            /* icon name → GBytes, valid icons only */
  GHashTable   *translations;     /* "table\tid\tfield\tlang" → Row of translations.csv */
  GHashTable   *translated_langs; /* "table\tid" → GPtrArray of lang, sorted */
  GHashTable   *langs;            /* every content language (a set) */
  GHashTable   *address;          /* location id → physical address Row */
  GHashTable   *accessibility;    /* location id → GPtrArray of accessibility Row */
  GHashTable   *synonyms;         /* "event\tlang" → GString of terms */

  GPtrArray    *problem_strings;  /* (owned) formatted problems, sorted */
};

static inline const char *
value (Row   *row,
       guint  col)
{
  return row->values[col];
}

/* Whether a field holds something, valid or not. */
static inline gboolean
is_set (Row   *row,
        guint  col)
{
  return row->values[col] != NULL || (row->bad & (1u << col)) != 0;
}

static inline void
mark_bad (Row   *row,
          guint  col)
{
  row->values[col] = NULL;
  row->bad |= 1u << col;
}

/* The field number of a column in its file (as in problems); one past the last column
 * when the file does not have it. */
static inline guint
baken_source_file_column (Table *t,
                          guint  col)
{
  return t->file_column[col] != 0 ? t->file_column[col] : t->n_header + 1;
}

/* A copy of text that lives as long as the source. */
static inline const char *
baken_source_intern (Source     *b,
                     const char *text)
{
  return g_string_chunk_insert (b->strings, text);
}

/* For g_ptr_array_sort () of strings, which passes pointers to the elements. */
static inline int
baken_source_compare_strings (gconstpointer a,
                              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

G_END_DECLS
