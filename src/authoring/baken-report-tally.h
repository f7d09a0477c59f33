/* baken-report-tally.h: the sums over many kiosks' reports (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each report is added once and forgotten: the tally keeps sums, never documents. What
 * it keeps grows with the number of kiosks and of distinct ids, not with the number of
 * reports, and both are capped (BAKEN_REPORT_MAX_*), so hostile reports that invent a
 * new id in every document cannot make it grow without end: ids past a cap are not
 * listed, and baken_report_tally_get_dropped () says how many counts that left out.
 */
#pragma once

#include <glib.h>

#include "baken-report-parse.h"

G_BEGIN_DECLS

#define BAKEN_REPORT_MAX_KIOSKS  10000

/* The lists of the tally, each keyed by an id, a term or a language. */
typedef enum {
  BAKEN_REPORT_LIST_LIFE_EVENTS,   /* with counts per week */
  BAKEN_REPORT_LIST_SITUATIONS,
  BAKEN_REPORT_LIST_SERVICES,      /* views, helped[] and wrong[] */
  BAKEN_REPORT_LIST_TERMS,         /* searches without a result */
  BAKEN_REPORT_LIST_LANGUAGES,
  BAKEN_REPORT_N_LISTS
} BakenReportList;

typedef struct
{
  char    *key;
  guint64  total;                            /* opened, viewed or searched */
  guint64  helped[BAKEN_REPORT_N_HELPED];    /* services */
  guint64  wrong[BAKEN_REPORT_N_WRONG];      /* services */
  guint64  wrong_total;                      /* services */
  guint32  first_week;                       /* life events: the week of weeks[0] */
  GArray  *weeks;                            /* life events: guint64 per week */
} BakenReportItem;

typedef struct
{
  char       *id;
  /* From its newest report. */
  char       *name;
  char       *app_version;
  guint64     serial;
  char       *published;       /* (nullable) */
  const char *source;
  char       *sync_at;         /* (nullable) */
  const char *sync_result;
  char       *sync_reason;
  const char *printer_state;
  char       *printer_reason;
  /* Over all its reports. */
  guint32     first_date;      /* Julian days */
  guint32     last_date;
  guint       n_days;
  guint64     restarts;
  guint64     fallbacks;
  guint8     *days;            /* (owned) a bit per day since 2000-01-01: read already */
  gsize       n_day_bytes;
} BakenReportKiosk;

typedef struct _BakenReportTally BakenReportTally;

/* today: the Julian day the report is made for; a report of a later day is refused. */
BakenReportTally        *baken_report_tally_new          (guint32                today);
void                     baken_report_tally_free         (BakenReportTally      *self);

/* Adds the counts of doc. Refuses (FALSE, a BAKEN_REPORT_PARSE_ERROR_INVALID error saying why)
 * a day before 2000 or after today, a second report of the same kiosk and day, and a
 * kiosk past BAKEN_REPORT_MAX_KIOSKS; then nothing of doc is counted. */
gboolean                 baken_report_tally_add          (BakenReportTally      *self,
                                                          const BakenReportDoc  *doc,
                                                          GError               **error);

guint                    baken_report_tally_get_n_reports (BakenReportTally     *self);
guint32                  baken_report_tally_get_today    (BakenReportTally      *self);
/* The first and last day of any report (0 when none). */
guint32                  baken_report_tally_get_first_date (BakenReportTally    *self);
guint32                  baken_report_tally_get_last_date (BakenReportTally     *self);
const BakenReportTotals *baken_report_tally_get_totals   (BakenReportTally      *self);
/* The highest content serial any kiosk runs now (by its newest report). */
guint64                  baken_report_tally_get_newest_serial (BakenReportTally *self);
/* Counts left out of list because its cap of distinct keys was reached. */
guint64                  baken_report_tally_get_dropped  (BakenReportTally      *self,
                                                          BakenReportList        list);

/* The items of list, highest total first, then by key. The items belong to the tally. */
GPtrArray               *baken_report_tally_get_items    (BakenReportTally      *self,
                                                          BakenReportList        list);
/* The kiosks by id. They belong to the tally. */
GPtrArray               *baken_report_tally_get_kiosks   (BakenReportTally      *self);

/* Weeks run Monday to Sunday; a week is known by the Julian day of its Monday. */
guint32                  baken_report_week_of            (guint32                julian);
/* The count of a life event in the week starting on monday. */
guint64                  baken_report_item_get_week      (const BakenReportItem *item,
                                                          guint32                monday);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BakenReportTally, baken_report_tally_free)

G_END_DECLS
