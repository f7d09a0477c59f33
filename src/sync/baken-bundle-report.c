/* baken-bundle-report.c: how each check of a bundle verification went, for its caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-report.h"

gboolean
baken_bundle_report_fail (BakenBundleReport  *report,
                          const char         *check,
                          GError            **error,
                          int                 code,
                          const char         *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (report->check_func != NULL)
    report->check_func (check, FALSE, message, report->user_data);
  g_set_error_literal (error, BAKEN_BUNDLE_ERROR, code, message);
  return FALSE;
}

void
baken_bundle_report_pass (BakenBundleReport *report,
                          const char        *check,
                          const char        *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (report->check_func == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  report->check_func (check, TRUE, message, report->user_data);
}
