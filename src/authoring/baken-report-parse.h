/* baken-report-parse.h: one kiosk's daily report, read and checked (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report (docs/report-schema.json, format "baken-report" version 1) comes from a kiosk
 * over the network or a USB stick: every byte of it is hostile. The parser streams it
 * through yajl (365,000 reports a year for 1,000 kiosks: a parse tree per document would
 * be ten times slower) and checks it against the schema as it goes: every field known,
 * every required field there, each only once, every value of its type and within its
 * bounds. A document that fails any check is refused as a whole, with a message that
 * names the field and says what is wrong; nothing of it is counted.
 *
 * A parser is reused for every document: the document it hands out points into the
 * parser's own buffers and stays valid until the next parse.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest report read; a real one is a few kilobytes. */
#define BAKEN_REPORT_MAX_SIZE      (1024 * 1024)
/* The format version this parser reads. */
#define BAKEN_REPORT_VERSION       1
/* The deepest nesting of objects and arrays read (the schema's documents nest 4 deep). */
#define BAKEN_REPORT_MAX_DEPTH     8
/* The largest count (the schema's #/$defs/count). */
#define BAKEN_REPORT_MAX_COUNT     1000000000

#define BAKEN_REPORT_PARSE_ERROR (baken_report_parse_error_quark ())

typedef enum {
  BAKEN_REPORT_PARSE_ERROR_SYNTAX,     /* not JSON, truncated, nested too deep */
  BAKEN_REPORT_PARSE_ERROR_FORMAT,     /* JSON, but not a Baken report */
  BAKEN_REPORT_PARSE_ERROR_VERSION,    /* a Baken report of a version this parser does not read */
  BAKEN_REPORT_PARSE_ERROR_INVALID,    /* a field missing, unknown, repeated, of the wrong type
                                  * or out of bounds */
} BakenReportParseError;

typedef enum {
  BAKEN_REPORT_CHANNEL_PHONE,
  BAKEN_REPORT_CHANNEL_CHAT,
  BAKEN_REPORT_CHANNEL_APPOINTMENT,
  BAKEN_REPORT_CHANNEL_WALK_IN,
  BAKEN_REPORT_CHANNEL_WEBSITE,
  BAKEN_REPORT_N_CHANNELS
} BakenReportChannel;

/* "Heeft dit u geholpen?" */
typedef enum {
  BAKEN_REPORT_HELPED_YES,
  BAKEN_REPORT_HELPED_A_LITTLE,
  BAKEN_REPORT_HELPED_NO,
  BAKEN_REPORT_N_HELPED
} BakenReportHelped;

/* "Klopt er iets niet?" */
typedef enum {
  BAKEN_REPORT_WRONG_PHONE,
  BAKEN_REPORT_WRONG_ADDRESS,
  BAKEN_REPORT_WRONG_HOURS,
  BAKEN_REPORT_WRONG_GONE,
  BAKEN_REPORT_WRONG_OTHER,
  BAKEN_REPORT_N_WRONG
} BakenReportWrong;

/* The maps of "counts" keyed by a content id, a language or a search term. */
typedef enum {
  BAKEN_REPORT_MAP_LIFE_EVENTS,
  BAKEN_REPORT_MAP_SITUATIONS,
  BAKEN_REPORT_MAP_SERVICES,
  BAKEN_REPORT_MAP_LANGUAGES,
  BAKEN_REPORT_MAP_TERMS,
  BAKEN_REPORT_MAP_HELPED,     /* counts[BakenReportHelped] */
  BAKEN_REPORT_MAP_WRONG,      /* counts[BakenReportWrong] */
  BAKEN_REPORT_N_MAPS
} BakenReportMap;

typedef struct
{
  const char *key;             /* id, language or term */
  guint64     counts[BAKEN_REPORT_N_WRONG];  /* [0] for a plain count */
} BakenReportEntry;

/* The counters of one day, or their sums over many (baken-report-tally.h). */
typedef struct
{
  guint64 channels[BAKEN_REPORT_N_CHANNELS];
  guint64 slips_resident;
  guint64 slips_handover;
  guint64 read_aloud;
  guint64 speech_mode;
  guint64 text_large;
  guint64 text_very_large;
  guint64 high_contrast;
  guint64 idle_resets;
  guint64 visits_by_hour[24];
  guint64 searches;
  guint64 searches_without_result;
} BakenReportTotals;

typedef struct
{
  const char        *kiosk_id;
  const char        *kiosk_name;
  guint32            date;            /* Julian day (GDate) of "date" */
  const char        *generated;
  const char        *app_version;
  guint64            serial;
  const char        *published;       /* (nullable) */
  const char        *key_id;
  const char        *source;          /* "bundle", "demo" or "none" */
  const char        *sync_at;         /* (nullable) */
  const char        *sync_result;     /* "never", "installed", "unchanged" or "failed" */
  const char        *sync_reason;
  const char        *printer_state;   /* "ready", "busy", "problem" or "none" */
  const char        *printer_reason;
  guint64            uptime_s;
  guint64            restarts;
  guint64            fallbacks;
  BakenReportTotals  totals;
  GArray            *maps[BAKEN_REPORT_N_MAPS];  /* (element-type BakenReportEntry), sorted
                                                  * by key, each key once */
} BakenReportDoc;

typedef struct _BakenReportParser BakenReportParser;

GQuark             baken_report_parse_error_quark  (void);

BakenReportParser *baken_report_parser_new   (void);
void               baken_report_parser_free  (BakenReportParser *self);

/* Parses and checks data (length bytes, not NUL-terminated). Returns the document,
 * owned by the parser and valid until the next parse, or NULL with error: the message
 * says where ("LINE:COLUMN: " for JSON syntax, the field path such as
 * "counts.services.svc-1: " for the rest) and what is wrong, without a file name. */
const BakenReportDoc *baken_report_parse     (BakenReportParser *self,
                                              const char        *data,
                                              gsize              length,
                                              GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenReportParser, baken_report_parser_free)

G_END_DECLS
