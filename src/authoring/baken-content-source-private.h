/* baken-content-source-private.h: the loaded source model, for the build's writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the baken-content-source*.c files and baken-content-build.c include this. Other
 * code uses the API of baken-content-source.h.
 */
#pragma once

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
       SVC_ELIGIBILITY_DESCRIPTION, SVC_ASSURED_DATE, SVC_ALERT, SVC_N };

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

enum { TR_TABLE, TR_ID, TR_FIELD, TR_LANG, TR_TEXT, TR_N };

#define MAX_COLUMNS 13

typedef struct
{
  TableId     table;
  const char *field;
  guint       column;
} TranslatableField;

/* The loaded source */

typedef struct _BakenContentSource Source;

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
  char         *src_dir;
  GArray       *problems;         /* of Problem */
  GStringChunk *strings;

  Table         tables[N_TABLES];

  /* datapackage.json */
  char         *publisher;
  char         *region;

  /* Derived by the checks */
  GHashTable   *depth;            /* life event id → depth + 1 */
  GHashTable   *icons;            /* icon name → GBytes, valid icons only */
  GHashTable   *translations;     /* "table\tid\tfield\tlang" → text */
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

const TableSpec *baken_source_table_spec      (TableId      id);
gboolean         baken_source_parse_position  (const char  *text,
                                               gint64      *out);
gboolean         baken_source_parse_degrees   (const char  *text,
                                               double       limit,
                                               double      *out);
gboolean         baken_source_parse_bool      (const char  *text,
                                               gboolean    *out);
int              baken_source_compare_strings (gconstpointer a,
                                               gconstpointer b);
/* The languages of a record's text rows: "nl" first, then its translations, sorted. */
GPtrArray       *baken_source_record_langs    (Source      *b,
                                               const char  *table,
                                               const char  *id);
/* The text of a column in lang: Dutch from the row, or a translation (NULL if none). */
const char      *baken_source_text_in         (Source      *b,
                                               TableId      tid,
                                               const char  *id,
                                               Row         *row,
                                               guint        col,
                                               const char  *lang);
/* Every content language, sorted ("nl" included). */
GPtrArray       *baken_source_sorted_langs    (Source      *b);

/* Between the files of the source: loading and problems (baken-content-source.c), the
 * syntax of values (-values.c), datapackage.json (-package.c), the checks across rows
 * (-checks.c), icons (-icons.c) and translations.csv (-translations.c). */

void        _baken_content_source_report_valist   (Source      *b,
                                                   const char  *file,
                                                   guint        line,
                                                   guint        column,
                                                   const char  *format,
                                                   va_list      args) G_GNUC_PRINTF (5, 0);
void        _baken_content_source_report          (Source      *b,
                                                   const char  *file,
                                                   guint        line,
                                                   guint        column,
                                                   const char  *format,
                                                   ...) G_GNUC_PRINTF (5, 6);
void        _baken_content_source_report_field    (Source      *b,
                                                   Table       *t,
                                                   Row         *row,
                                                   guint        col,
                                                   const char  *format,
                                                   ...) G_GNUC_PRINTF (5, 6);
const char *_baken_content_source_intern          (Source      *b,
                                                   const char  *text);

gboolean    _baken_content_source_is_valid_id     (const char  *text);
gboolean    _baken_content_source_is_valid_url    (const char  *text);
gboolean    _baken_content_source_is_valid_email  (const char  *text);
gboolean    _baken_content_source_is_blank        (const char  *text);
void        _baken_content_source_check_value     (Source      *b,
                                                   Table       *t,
                                                   Row         *row,
                                                   guint        col);

void        _baken_content_source_load_datapackage (Source     *b);

void        _baken_content_source_check_references          (Source     *b);
void        _baken_content_source_check_phones              (Source     *b);
void        _baken_content_source_check_channels            (Source     *b);
void        _baken_content_source_check_schedules           (Source     *b);
void        _baken_content_source_check_exceptions          (Source     *b);
void        _baken_content_source_check_addresses           (Source     *b);
void        _baken_content_source_check_unique_pairs        (Source     *b,
                                                             TableId     tid,
                                                             guint       col_a,
                                                             guint       col_b,
                                                             int         col_c,
                                                             const char *what);
void        _baken_content_source_check_life_event_services (Source     *b);
void        _baken_content_source_check_life_events         (Source     *b);
void        _baken_content_source_collect_synonyms          (Source     *b);
void        _baken_content_source_collect_accessibility     (Source     *b);

void        _baken_content_source_check_icon      (Source      *b,
                                                   Table       *t,
                                                   Row         *row,
                                                   const char  *name,
                                                   GHashTable  *checked);

void        _baken_content_source_check_translations (Source   *b);

G_END_DECLS
