/* fuzz-report.c: libFuzzer target for the streaming parser of kiosks' daily reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document the parser takes must hold what the schema promises: every map sorted with
 * each key once, every count within bounds, the kiosk's id and the date set. One parser
 * is reused for every input, as baken-report reuses it. Build and run with
 * tests/fuzz/run.sh.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "baken-report-parse.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static BakenReportParser *parser;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const BakenReportDoc *doc;

  if (parser == NULL)
    parser = baken_report_parser_new ();
  doc = baken_report_parse (parser, (const char *) data, size, NULL);
  if (doc == NULL)
    return 0;

  g_assert (doc->kiosk_id != NULL && doc->kiosk_name != NULL && doc->date > 0);
  g_assert (doc->source != NULL && doc->sync_result != NULL && doc->printer_state != NULL);
  for (guint m = 0; m < BAKEN_REPORT_N_MAPS; m++)
    for (guint i = 0; i < doc->maps[m]->len; i++)
      {
        const BakenReportEntry *entry = &g_array_index (doc->maps[m], BakenReportEntry, i);

        for (guint k = 0; k < BAKEN_REPORT_N_WRONG; k++)
          g_assert (entry->counts[k] <= BAKEN_REPORT_MAX_COUNT);
        if (i > 0)
          g_assert (strcmp (g_array_index (doc->maps[m], BakenReportEntry, i - 1).key,
                            entry->key) < 0);
      }
  for (guint h = 0; h < 24; h++)
    g_assert (doc->totals.visits_by_hour[h] <= BAKEN_REPORT_MAX_COUNT);
  return 0;
}
