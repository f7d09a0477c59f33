/* baken-report-words.h: the words of the report page and its tables, in Dutch or English
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report is read by a municipality's staff: its own words are plain Dutch (B1, "u"),
 * with English for an IT team that does not read Dutch (baken-report --lang en). The
 * tool's messages on standard error stay English, as those of the other tools.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *lang;                    /* "nl", "en": the page's lang attribute */
  char        thousands;               /* 12.345 or 12,345 */
  const char *months[12];

  /* The page */
  const char *title;
  const char *period;                  /* "%s to %s" */
  const char *made_on;                 /* "Made on %s" */
  const char *n_kiosks;                /* "%u kiosks" (any number) */
  const char *n_reports;               /* "%u daily reports" */
  const char *small_rule;
  const char *contents;
  const char *footer;                  /* "Made by baken-report %s from %u files." */
  const char *no_data;
  const char *full_list_csv;           /* "The full list is in %s.csv." */
  const char *more_rows;               /* "And %u more; all are in %s.csv." */
  const char *id;
  const char *name;
  const char *count;
  const char *total;

  /* Summary */
  const char *summary;
  const char *visits;
  const char *searches;
  const char *searches_without_result;
  const char *slips_resident;
  const char *slips_handover;
  const char *kiosks_behind;
  const char *kiosks_silent;

  /* Life events per week */
  const char *weeks_title;
  const char *weeks_intro;
  const char *week;                    /* "week" */
  const char *week_axis;               /* under the week numbers */
  const char *week_start;
  const char *other_events;
  const char *weeks_last;              /* "The chart shows the last %s weeks. …%s.csv" */
  const char *life_event;
  const char *life_events_title;
  const char *per_week;
  const char *situations_title;
  const char *situation;
  const char *opened;

  /* Services */
  const char *services_title;
  const char *services_intro;
  const char *service;
  const char *viewed;

  /* Channels and use */
  const char *channels_title;
  const char *channels_intro;
  const char *channel;
  const char *channel_names[5];        /* BakenReportChannel */
  const char *use_title;
  const char *use_intro;
  const char *use_item;
  const char *read_aloud;
  const char *speech_mode;
  const char *text_large;
  const char *text_very_large;
  const char *high_contrast;
  const char *idle_resets;
  const char *languages_title;
  const char *language;
  const char *language_names[6];       /* nl, en, ar, tr, pl, uk */
  const char *chosen;
  const char *hours_title;
  const char *hours_intro;
  const char *hour;

  /* Feedback */
  const char *helped_title;
  const char *helped_intro;
  const char *helped_names[3];         /* BakenReportHelped */
  const char *helped_tiles[3];         /* the same, in the summary */
  const char *answers;
  const char *gaps_title;
  const char *gaps_intro;
  const char *term;
  const char *wrong_title;
  const char *wrong_intro;
  const char *wrong_names[5];          /* BakenReportWrong */
  const char *wrong_reports;           /* the sum of the five, per service */

  /* Fleet */
  const char *fleet_title;
  const char *fleet_intro;             /* "Newest content: serial %s. …" */
  const char *kiosk;
  const char *serial;
  const char *published;
  const char *app_version;
  const char *first_seen;
  const char *last_seen;
  const char *days_reported;
  const char *last_sync;
  const char *sync_result;
  const char *sync_reason;
  const char *sync_results[4];         /* never, installed, unchanged, failed */
  const char *printer;
  const char *printer_states[4];       /* ready, busy, problem, none */
  const char *restarts;
  const char *fallbacks;
  const char *status;
  const char *status_ok;
  const char *status_behind;
  const char *status_silent;           /* "silent for %u days" */

  /* Skipped files */
  const char *skipped_title;
  const char *skipped_intro;           /* "%u files … (messages in English)" */
  const char *dropped;                 /* "%s: %s counts of more ids than …" */
} BakenReportWords;

/* The words for lang ("nl" or "en"), or NULL for another language. */
const BakenReportWords *baken_report_words_get (const char *lang);

/* format with each %s replaced by the next argument (a string; no other conversion):
 * the words are not printf formats, so a translation cannot crash the tool. */
char *baken_report_words_fill   (const char             *format,
                                 ...);
/* count with the thousands separator of words: 12.345 */
char *baken_report_words_number (const BakenReportWords *words,
                                 guint64                 count);
/* A Julian day as "1 januari 2025". */
char *baken_report_words_date   (const BakenReportWords *words,
                                 guint32                 julian);

G_END_DECLS
