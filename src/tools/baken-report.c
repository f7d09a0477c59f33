/* baken-report.c: the monitor's report over many kiosks' daily reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   baken-report [OPTION…] DIR… -o report.html [--csv OUTDIR]
 *
 * Reads every report under each DIR (docs/report-schema.json; as the upload stores them,
 * KIOSK-ID/DATE.json, or any other tree), adds them up and writes one self-contained
 * HTML page with charts, and with --csv the same tables as CSV files. A file that is not
 * a good report is left out with a message on standard error naming it. Exit status:
 * 0 written, 1 no report could be counted or the output cannot be written, 2 wrong usage.
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "baken-report-csv.h"
#include "baken-report-html.h"
#include "baken-report-names.h"
#include "baken-report-scan.h"
#include "baken-report-tables.h"
#include "baken-report-tally.h"
#include "baken-report-words.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

/* The messages listed on the page; standard error has all of them. */
#define PAGE_MESSAGES 50

static const char description[] =
  "Reads the daily reports of Baken kiosks (JSON, docs/report-schema.json) in each DIR and\n"
  "its subfolders (every *.json file; as the upload stores them, KIOSK-ID/DATE.json) and\n"
  "writes one HTML page with charts: visits per life event per week, the services viewed\n"
  "most, the contact ways chosen, \"Heeft dit u geholpen?\" per service, searches without\n"
  "a result, \"Klopt er iets niet?\" per service, and every kiosk with its content serial,\n"
  "version and last report; kiosks behind on content or silent for more than 2 days are\n"
  "marked. The page needs no network and no JavaScript, and prints.\n"
  "\n"
  "A count from 1 to 4 of what residents did is shown as \"<5\", on the page and in the\n"
  "CSV files. A file that is not a good report (not JSON, cut off, another format or\n"
  "version, a value out of bounds, larger than 1 MiB, a second report of the same kiosk\n"
  "and day) is left out with a message naming it; the others are counted.\n"
  "\n"
  "Exit status:\n"
  "  0  the report was written\n"
  "  1  no report could be counted, or the output cannot be written\n"
  "  2  wrong usage";

typedef struct
{
  GPtrArray *messages;    /* the first PAGE_MESSAGES messages (owned) */
} Skipped;

static void
skipped_cb (const char *path,
            const char *message,
            gpointer    user_data)
{
  Skipped *skipped = user_data;

  g_printerr ("baken-report: %s\n", message);
  if (skipped->messages->len < PAGE_MESSAGES)
    g_ptr_array_add (skipped->messages, g_strdup (message));
}

static gboolean
parse_date (const char *text,
            guint32    *julian)
{
  guint64 year, month, day;
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);
  GDate date;

  if (g_strv_length (parts) != 3 || strlen (parts[0]) != 4 || strlen (parts[1]) != 2 ||
      strlen (parts[2]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 2000, 9999, &year, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL) ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

static guint32
local_today (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  return g_date_get_julian (&date);
}

static char *
iso_date (guint32 julian)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *lang = NULL;
  g_auto(GStrv) dirs = NULL;
  g_autoptr(BakenReportTally) tally = NULL;
  g_autoptr(BakenReportScanner) scanner = NULL;
  g_autoptr(BakenReportNames) names = NULL;
  g_autoptr(BakenReportTables) tables = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  Skipped skipped = { messages };
  const BakenReportWords *words;
  guint32 today;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write the HTML page to FILE", "FILE" },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, "Write the tables as CSV files into DIR",
      "DIR" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      "Take DATE (YYYY-MM-DD) as today, for silent kiosks (default: today)", "DATE" },
    { "bundle", 0, 0, G_OPTION_ARG_FILENAME, &bundle,
      "Show the names of life events and services from this bundle (folder or content DB)",
      "PATH" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      "The language of the page and the CSV headers: nl (default) or en", "LANG" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &dirs, NULL, "DIR…" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- the monitor's report over kiosks' daily reports");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_description (context, description);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("baken-report: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (dirs == NULL || dirs[0] == NULL)
    {
      g_printerr ("baken-report: give the folder of the reports (DIR)\n");
      return EXIT_USAGE;
    }
  if (output == NULL && csv == NULL)
    {
      g_printerr ("baken-report: give -o FILE for the page, --csv DIR for the tables, or both\n");
      return EXIT_USAGE;
    }
  words = baken_report_words_get (lang != NULL ? lang : "nl");
  if (words == NULL)
    {
      g_printerr ("baken-report: --lang %s: the report is in nl or en\n", lang);
      return EXIT_USAGE;
    }
  today = local_today ();
  if (today_text != NULL && !parse_date (today_text, &today))
    {
      g_printerr ("baken-report: --today \"%s\" is not a date such as 2025-03-01\n",
                  today_text);
      return EXIT_USAGE;
    }
  if (bundle != NULL)
    {
      names = baken_report_names_new (bundle, words->lang, &error);
      if (names == NULL)
        {
          g_printerr ("baken-report: --bundle %s: %s\n", bundle, error->message);
          return EXIT_USAGE;
        }
    }

  tally = baken_report_tally_new (today);
  scanner = baken_report_scanner_new (tally, skipped_cb, &skipped);
  for (guint i = 0; dirs[i] != NULL; i++)
    if (!baken_report_scanner_scan (scanner, dirs[i], &error))
      {
        g_printerr ("baken-report: %s\n", error->message);
        return EXIT_FAILED;
      }

  if (baken_report_tally_get_n_reports (tally) == 0)
    {
      g_printerr ("baken-report: no report could be counted (%u files left out); nothing "
                  "written\n", baken_report_scanner_get_n_skipped (scanner));
      return EXIT_FAILED;
    }

  tables = baken_report_tables_new (tally, names, words);
  {
    g_autofree char *first = iso_date (tables->first_date);
    g_autofree char *last = iso_date (tables->last_date);

    g_printerr ("baken-report: read %u reports of %u kiosks, %s to %s; %u files left out\n",
                tables->n_reports, tables->n_kiosks, first, last,
                baken_report_scanner_get_n_skipped (scanner));
  }

  if (output != NULL)
    {
      g_autofree char *page = baken_report_html (tables, messages,
                                                 baken_report_scanner_get_n_skipped (scanner),
                                                 baken_report_scanner_get_n_files (scanner));

      if (!g_file_set_contents (output, page, -1, &error))
        {
          g_printerr ("baken-report: %s\n", error->message);
          return EXIT_FAILED;
        }
    }
  if (csv != NULL && !baken_report_csv_write (tables, csv, &error))
    {
      g_printerr ("baken-report: %s\n", error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}
