/* baken-report-scan.c: reading a folder tree of reports into a tally (baken-report)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-scan.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>

#include "baken-file.h"
#include "baken-report-parse.h"

/* Deeper folders than any upload or export makes. */
#define MAX_FOLDER_DEPTH 16

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

static void
read_report (BakenReportScanner *self,
             const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *shown = g_filename_display_name (path);
  const BakenReportDoc *doc;
  gsize length = 0;

  self->n_files++;
  if (!baken_file_read (path, BAKEN_REPORT_MAX_SIZE, &data, &length, &error))
    {
      /* Its message begins with the path already. */
      skip (self, path, "%s", error->message);
      return;
    }
  doc = baken_report_parse (self->parser, data, length, &error);
  if (doc == NULL)
    {
      skip (self, path, "%s:%s%s", shown,
            error->code == BAKEN_REPORT_ERROR_SYNTAX ? "" : " ", error->message);
      return;
    }
  if (!baken_report_tally_add (self->tally, doc, &error))
    skip (self, path, "%s: %s", shown, error->message);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void scan_folder (BakenReportScanner *self,
                         const char         *path,
                         guint               depth);

static void
scan_entry (BakenReportScanner *self,
            const char         *folder,
            const char         *name,
            unsigned char       type,
            guint               depth)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  gboolean is_json = g_str_has_suffix (name, ".json");
  struct stat st;

  /* Most entries are plain report files: no stat for those. */
  if (type == DT_REG)
    {
      if (is_json)
        read_report (self, path);
      return;
    }
  if (type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN && !is_json)
    return;
  if (stat (path, &st) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (path);

      if (is_json || type == DT_DIR || type == DT_LNK)
        skip (self, path, "%s: cannot read it (%s)", shown, g_strerror (saved));
      return;
    }
  if (S_ISDIR (st.st_mode))
    scan_folder (self, path, depth + 1);
  else if (is_json)
    read_report (self, path);
}

static void
scan_folder (BakenReportScanner *self,
             const char         *path,
             guint               depth)
{
  g_autofree char *shown = g_filename_display_name (path);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *key = NULL;
  struct dirent *entry;
  struct stat st;
  DIR *dir;

  if (depth > MAX_FOLDER_DEPTH)
    {
      skip (self, path, "%s: folders nest deeper than %d levels; left out", shown,
            MAX_FOLDER_DEPTH);
      return;
    }
  dir = opendir (path);
  if (dir == NULL || fstat (dirfd (dir), &st) != 0)
    {
      int saved = errno;

      if (dir != NULL)
        closedir (dir);
      skip (self, path, "%s: cannot read the folder (%s)", shown, g_strerror (saved));
      return;
    }
  key = g_strdup_printf ("%ju:%ju", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino);
  if (!g_hash_table_add (self->folders, g_steal_pointer (&key)))
    {
      closedir (dir);
      skip (self, path, "%s: a link to a folder that was read already; left out", shown);
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((entry = readdir (dir)) != NULL)
    {
      gsize length = strlen (entry->d_name);
      char *name;

      /* ".", "..", and hidden names: partial uploads, editors' files. */
      if (entry->d_name[0] == '.')
        continue;
      /* The name, then its type after the NUL (the sort sees the name only). */
      name = g_malloc (length + 2);
      memcpy (name, entry->d_name, length + 1);
      name[length + 1] = (char) entry->d_type;
      g_ptr_array_add (names, name);
    }
  closedir (dir);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      scan_entry (self, path, name, (unsigned char) name[strlen (name) + 1], depth);
    }
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
    scan_folder (self, path, 0);
  else
    read_report (self, path);
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
