/* fuzz-csv.c: libFuzzer target for the strict CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads every record and touches every field and position; a field is valid UTF-8,
 * at most BAKEN_CSV_MAX_FIELD bytes, and lines never run backwards.
 * Build and run with tests/fuzz/run.sh.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "baken-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(BakenCsvReader) reader = baken_csv_reader_new (bytes);
  guint last_line = 0;
  guint records = 0;

  while (records++ < 100000)
    {
      g_autoptr(GError) error = NULL;
      BakenCsvRead result = baken_csv_reader_read (reader, &error);

      if (result == BAKEN_CSV_READ_END)
        break;
      if (result == BAKEN_CSV_READ_ERROR)
        {
          guint line, column;

          g_assert (error != NULL);
          baken_csv_reader_get_error_position (reader, &line, &column);
          g_assert (line >= 1 && column >= 1);
        }
      g_assert (baken_csv_reader_get_line (reader) >= last_line);
      last_line = baken_csv_reader_get_line (reader);

      for (guint i = 0; i < baken_csv_reader_get_n_fields (reader); i++)
        {
          const char *field = baken_csv_reader_get_field (reader, i);

          if (field != NULL)
            {
              g_assert (strlen (field) <= BAKEN_CSV_MAX_FIELD);
              g_assert (g_utf8_validate (field, -1, NULL));
            }
          g_assert (baken_csv_reader_get_field_line (reader, i) >= 1);
        }
    }

  return 0;
}
