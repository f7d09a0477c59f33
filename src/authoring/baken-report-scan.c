/* baken-report-scan.c: reading a folder tree of reports into a tally (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-scan.h"

#include <errno.h>
#include <sys/stat.h>

#include <gio/gio.h>

#include "baken-file.h"
#include "baken-report-parse.h"
#include "baken-report-walk.h"

struct _BakenReportScanner
{
  BakenReportTally    *tally;       /* (unowned) */
  BakenReportParser   *parser;      /* (owned) */
  BakenReportSkipFunc  skip;
  gpointer             user_data;
  GHashTable          *folders;     /* "DEV:INODE" of the folders entered (owned) */
  guint                n_files;
  guint                n_skipped;
};

BakenReportScanner *
baken_report_scanner_new (BakenReportTally    *tally,
                          BakenReportSkipFunc  skip,
                          gpointer             user_data)
{
  BakenReportScanner *self = g_new0 (BakenReportScanner, 1);

  g_return_val_if_fail (tally != NULL, NULL);
  self->tally = tally;
  self->parser = baken_report_parser_new ();
  self->skip = skip;
  self->user_data = user_data;
  self->folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
baken_report_scanner_free (BakenReportScanner *self)
{
  if (self == NULL)
    return;
  baken_report_parser_free (self->parser);
  g_hash_table_unref (self->folders);
  g_free (self);
}

static void G_GNUC_PRINTF (3, 4)
skip (BakenReportScanner *self,
      const char         *path,
      const char         *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  self->n_skipped++;
  if (self->skip != NULL)
    self->skip (path, message, self->user_data);
}

/* Counts the report file (read by the walk, or not), or says why it is left out. */
static void
take (BakenReportScanner *self,
      BakenReportWalkFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  const BakenReportDoc *doc;

  if (file->is_report)
    self->n_files++;
  if (file->data == NULL)
    {
      skip (self, file->path, "%s", file->message);
      return;
    }
  doc = baken_report_parse (self->parser, file->data, file->length, &error);
  if (doc != NULL && baken_report_tally_add (self->tally, doc, &error))
    return;
  shown = g_filename_display_name (file->path);
  skip (self, file->path, "%s:%s%s", shown,
        error->code == BAKEN_REPORT_PARSE_ERROR_SYNTAX ? "" : " ", error->message);
}

gboolean
baken_report_scanner_scan (BakenReportScanner  *self,
                           const char          *path,
                           GError             **error)
{
  struct stat st;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (stat (path, &st) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: cannot read it (%s)", shown, g_strerror (saved));
      return FALSE;
    }
  if (S_ISDIR (st.st_mode))
    {
      BakenReportWalk *walk = baken_report_walk_start (path, self->folders);
      BakenReportWalkFile *file;

      while ((file = baken_report_walk_next (walk)) != NULL)
        {
          take (self, file);
          baken_report_walk_file_free (file);
        }
      baken_report_walk_finish (walk);
    }
  else
    {
      g_autoptr(BakenReportWalkFile) file = g_new0 (BakenReportWalkFile, 1);
      g_autoptr(GError) read_error = NULL;

      file->path = g_strdup (path);
      file->is_report = TRUE;
      if (!baken_file_read (path, BAKEN_REPORT_MAX_SIZE, &file->data, &file->length,
                            &read_error))
        file->message = g_strdup (read_error->message);
      take (self, file);
    }
  return TRUE;
}

guint
baken_report_scanner_get_n_skipped (BakenReportScanner *self)
{
  return self->n_skipped;
}

guint
baken_report_scanner_get_n_files (BakenReportScanner *self)
{
  return self->n_files;
}
