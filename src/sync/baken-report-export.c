/* baken-report-export.c: the reports onto a folder (a USB stick) for staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every pending report, and today's report so far, into DEST/KIOSK-ID/DAY.json: the
 * same tree the upload makes on the server, which baken-report reads. Exporting does
 * not count as sending: the reports stay pending and still go to the server (a PUT of
 * the same day replaces the same file there, so nothing is counted twice).
 */
#define G_LOG_DOMAIN "baken-monitor"

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "baken-file.h"
#include "baken-report.h"

gboolean
baken_report_export (BakenState               *state,
                     const char               *reports_dir,
                     const BakenReportStatus  *status,
                     gint64                    now,
                     const char               *dest,
                     guint                    *exported,
                     GError                  **error)
{
  g_autofree char *folder = g_build_filename (dest, status->kiosk_id, NULL);
  g_autofree char *today = baken_report_day_of (now);
  g_autofree char *today_text = NULL;
  g_autofree char *today_name = NULL;
  g_autofree char *today_path = NULL;
  g_auto(GStrv) days = NULL;

  *exported = 0;
  if (!g_file_test (dest, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s is not a folder; give the folder of a USB stick or another folder "
                   "that exists", dest);
      return FALSE;
    }
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Cannot make %s: %s", folder, g_strerror (saved));
      return FALSE;
    }
  if (!baken_report_write_due (state, reports_dir, status, now, NULL, error))
    return FALSE;

  days = baken_report_list_pending (reports_dir);
  for (guint i = 0; days[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (days[i], ".json", NULL);
      g_autofree char *from = g_build_filename (reports_dir, "pending", name, NULL);
      g_autofree char *to = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;

      if (!baken_file_read (from, BAKEN_FILE_MAX_JSON, &text, NULL, error) ||
          !baken_report_write_file (to, text, error))
        return FALSE;
      (*exported)++;
    }

  today_text = baken_report_build (state, today, status, now, error);
  if (today_text == NULL)
    return FALSE;
  today_name = g_strconcat (today, ".json", NULL);
  today_path = g_build_filename (folder, today_name, NULL);
  if (!baken_report_write_file (today_path, today_text, error))
    return FALSE;
  (*exported)++;

  return TRUE;
}
