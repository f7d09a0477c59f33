/* baken-report-files.c: the daily reports on disk — written once the day is over,
 * kept while the server is away, forgotten after BAKEN_STATE_COUNTS_DAYS days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-monitor"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "baken-report.h"
#include "baken-state-counts.h"

/* DAY.json with DAY a YYYY-MM-DD: the only names the folders hold. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
day_of_name (const char *name)
{
  if (strlen (name) != 15 || !g_str_has_suffix (name, ".json"))
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (!(i == 4 || i == 7 ? name[i] == '-' : g_ascii_isdigit (name[i])))
      return NULL;

  return g_strndup (name, 10);
}

static GStrv
list_days (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      char *day = day_of_name (name);

      if (day != NULL)
        g_ptr_array_add (days, day);
    }
  g_ptr_array_sort (days, compare_strings);
  g_ptr_array_add (days, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&days), FALSE);
}

GStrv
baken_report_list_pending (const char *reports_dir)
{
  g_autofree char *pending = g_build_filename (reports_dir, "pending", NULL);

  return list_days (pending);
}

gboolean
baken_report_dirs_ensure (const char  *reports_dir,
                          GError     **error)
{
  const char *folders[] = { "pending", "sent" };

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (reports_dir, folders[i], NULL);

      if (g_mkdir_with_parents (path, 0750) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "Cannot make the report folder %s: %s", path, g_strerror (saved));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
baken_report_write_file (const char  *path,
                         const char  *text,
                         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *temp = g_strconcat (path, ".part", NULL);
  gsize length = strlen (text);
  gsize done = 0;
  int fd;

  fd = g_open (temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0640);
  if (fd < 0)
    goto fail;
  while (done < length)
    {
      gssize n = write (fd, text + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          close (fd);
          errno = saved;
          goto fail;
        }
      done += n;
    }
  if (fsync (fd) != 0 || close (fd) != 0 || g_rename (temp, path) != 0)
    goto fail;

  /* The rename itself lasts only once the folder is on disk. */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;

fail:
  {
    int saved = errno;

    g_unlink (temp);
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 "Cannot write the report %s: %s", path, g_strerror (saved));
    return FALSE;
  }
}

static gboolean
has_report (const char *reports_dir,
            const char *day)
{
  g_autofree char *name = g_strconcat (day, ".json", NULL);
  g_autofree char *pending = g_build_filename (reports_dir, "pending", name, NULL);
  g_autofree char *sent = g_build_filename (reports_dir, "sent", name, NULL);

  return g_file_test (pending, G_FILE_TEST_EXISTS) || g_file_test (sent, G_FILE_TEST_EXISTS);
}

static void
prune_folder (const char *dir,
              const char *oldest)
{
  g_auto(GStrv) days = list_days (dir);

  for (guint i = 0; days[i] != NULL && strcmp (days[i], oldest) < 0; i++)
    {
      g_autofree char *name = g_strconcat (days[i], ".json", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (strstr (dir, "pending") != NULL)
        g_message ("The report of %s was never sent and is older than %d days: removed",
                   days[i], BAKEN_STATE_COUNTS_DAYS);
      g_unlink (path);
    }
}

gboolean
baken_report_write_due (BakenState               *state,
                        const char               *reports_dir,
                        const BakenReportStatus  *status,
                        gint64                    now,
                        guint                    *written,
                        GError                  **error)
{
  g_autofree char *today = baken_report_day_of (now);
  g_autofree char *oldest = baken_report_day_add (today, -BAKEN_STATE_COUNTS_DAYS);
  g_auto(GStrv) days = NULL;
  const char *folders[] = { "pending", "sent" };

  if (written != NULL)
    *written = 0;
  if (!baken_report_dirs_ensure (reports_dir, error))
    return FALSE;
  days = baken_state_list_count_days (state, error);
  if (days == NULL)
    return FALSE;

  for (guint i = 0; days[i] != NULL; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      /* Today is not over; a day older than the limit is about to be forgotten. */
      if (strcmp (days[i], today) >= 0 || strcmp (days[i], oldest) < 0 ||
          has_report (reports_dir, days[i]))
        continue;
      text = baken_report_build (state, days[i], status, now, error);
      if (text == NULL)
        return FALSE;
      name = g_strconcat (days[i], ".json", NULL);
      path = g_build_filename (reports_dir, "pending", name, NULL);
      if (!baken_report_write_file (path, text, error))
        return FALSE;
      g_debug ("Wrote the report of %s", days[i]);
      if (written != NULL)
        (*written)++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir = g_build_filename (reports_dir, folders[i], NULL);

      prune_folder (dir, oldest);
    }

  return baken_state_prune_counts (state, oldest, error);
}
