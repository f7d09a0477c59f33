/* baken-report-walk.c: the files of a folder tree of reports, read ahead in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-report"

#include "config.h"

#include "baken-report-walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "baken-file.h"
#include "baken-report-parse.h"

/* Deeper folders than any upload or export makes. */
#define MAX_FOLDER_DEPTH 16

struct _BakenReportWalk
{
  char       *root;
  GHashTable *folders;       /* (unowned) */
  GThread    *thread;

  /* Shared with the thread, under lock. */
  GMutex      lock;
  GCond       changed;
  GQueue      files;         /* (element-type BakenReportWalkFile) (owned) */
  gsize       bytes;         /* data in files */
  gboolean    done;          /* the thread has queued its last file */
  gboolean    cancelled;     /* the caller wants no more */
  gboolean    reader_waits;  /* the thread waits for room */
  gboolean    taker_waits;   /* the caller waits for a file */
};

void
baken_report_walk_file_free (BakenReportWalkFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->data);
  g_free (file->message);
  g_free (file);
}

/* Queues file, waiting while the queue is full; FALSE when the caller wants no more. */
static gboolean
push (BakenReportWalk *self,
      BakenReportWalkFile *file)
{
  gboolean wanted;

  g_mutex_lock (&self->lock);
  while (!self->cancelled && self->files.length > 0 &&
         self->bytes + file->length > BAKEN_REPORT_WALK_AHEAD)
    {
      self->reader_waits = TRUE;
      g_cond_wait (&self->changed, &self->lock);
      self->reader_waits = FALSE;
    }
  wanted = !self->cancelled;
  if (wanted)
    {
      g_queue_push_tail (&self->files, file);
      self->bytes += file->length;
      /* A wake-up only for a caller that waits: not one per file. */
      if (self->taker_waits)
        g_cond_broadcast (&self->changed);
    }
  g_mutex_unlock (&self->lock);
  if (!wanted)
    baken_report_walk_file_free (file);
  return wanted;
}

static gboolean G_GNUC_PRINTF (4, 5)
push_message (BakenReportWalk *self,
              const char      *path,
              gboolean         is_report,
              const char      *format,
              ...)
{
  BakenReportWalkFile *file = g_new0 (BakenReportWalkFile, 1);
  va_list args;

  va_start (args, format);
  file->message = g_strdup_vprintf (format, args);
  va_end (args);
  file->path = g_strdup (path);
  file->is_report = is_report;
  return push (self, file);
}

static gboolean
read_file (BakenReportWalk *self,
           int              dir_fd,
           const char      *path,
           const char      *name)
{
  g_autoptr(GError) error = NULL;
  BakenReportWalkFile *file = g_new0 (BakenReportWalkFile, 1);

  file->path = g_strdup (path);
  file->is_report = TRUE;
  if (!baken_file_read_at (dir_fd, name, path, BAKEN_REPORT_MAX_SIZE, &file->data,
                           &file->length, &error))
    file->message = g_strdup (error->message);  /* it begins with the path */
  return push (self, file);
}

static gboolean walk_folder (BakenReportWalk *self,
                             const char      *path,
                             guint            depth);

static gboolean
walk_entry (BakenReportWalk *self,
            int              dir_fd,
            const char      *folder,
            const char      *name,
            unsigned char    type,
            guint            depth)
{
  gboolean is_json = g_str_has_suffix (name, ".json");
  g_autofree char *path = NULL;
  struct stat st;

  if (type != DT_REG && type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN && !is_json)
    return TRUE;
  if (type == DT_REG && !is_json)
    return TRUE;
  path = g_build_filename (folder, name, NULL);
  /* Most entries are plain report files: no stat for those. */
  if (type == DT_REG)
    return read_file (self, dir_fd, path, name);
  if (fstatat (dir_fd, name, &st, 0) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (path);

      if (is_json || type == DT_DIR || type == DT_LNK)
        return push_message (self, path, is_json, "%s: cannot read it (%s)", shown,
                             g_strerror (saved));
      return TRUE;
    }
  if (S_ISDIR (st.st_mode))
    return walk_folder (self, path, depth + 1);
  return !is_json || read_file (self, dir_fd, path, name);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
walk_folder (BakenReportWalk *self,
             const char      *path,
             guint            depth)
{
  g_autofree char *shown = g_filename_display_name (path);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *key = NULL;
  struct dirent *entry;
  gboolean wanted = TRUE;
  struct stat st;
  DIR *dir;

  if (depth > MAX_FOLDER_DEPTH)
    return push_message (self, path, FALSE, "%s: folders nest deeper than %d levels; left "
                         "out", shown, MAX_FOLDER_DEPTH);
  dir = opendir (path);
  if (dir == NULL || fstat (dirfd (dir), &st) != 0)
    {
      int saved = errno;

      if (dir != NULL)
        closedir (dir);
      return push_message (self, path, FALSE, "%s: cannot read the folder (%s)", shown,
                           g_strerror (saved));
    }
  key = g_strdup_printf ("%ju:%ju", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino);
  if (!g_hash_table_add (self->folders, g_steal_pointer (&key)))
    {
      closedir (dir);
      return push_message (self, path, FALSE, "%s: a link to a folder that was read "
                           "already; left out", shown);
    }

  /* The folder stays open while its entries are read (at most MAX_FOLDER_DEPTH). */
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

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; wanted && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      wanted = walk_entry (self, dirfd (dir), path, name,
                           (unsigned char) name[strlen (name) + 1], depth);
    }
  closedir (dir);
  return wanted;
}

static gpointer
walk_thread (gpointer data)
{
  BakenReportWalk *self = data;

  walk_folder (self, self->root, 0);
  g_mutex_lock (&self->lock);
  self->done = TRUE;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  return NULL;
}

BakenReportWalk *
baken_report_walk_start (const char *root,
                         GHashTable *folders)
{
  BakenReportWalk *self = g_new0 (BakenReportWalk, 1);

  g_return_val_if_fail (root != NULL && folders != NULL, NULL);
  self->root = g_strdup (root);
  self->folders = folders;
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  g_queue_init (&self->files);
  self->thread = g_thread_new ("baken-report-walk", walk_thread, self);
  return self;
}

BakenReportWalkFile *
baken_report_walk_next (BakenReportWalk *self)
{
  BakenReportWalkFile *file;

  g_mutex_lock (&self->lock);
  while (self->files.length == 0 && !self->done)
    {
      self->taker_waits = TRUE;
      g_cond_wait (&self->changed, &self->lock);
      self->taker_waits = FALSE;
    }
  file = g_queue_pop_head (&self->files);
  if (file != NULL)
    {
      self->bytes -= file->length;
      /* The thread waits for room: wake it when half the room is free. */
      if (self->reader_waits && self->bytes <= BAKEN_REPORT_WALK_AHEAD / 2)
        g_cond_broadcast (&self->changed);
    }
  g_mutex_unlock (&self->lock);
  return file;
}

void
baken_report_walk_finish (BakenReportWalk *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->cancelled = TRUE;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);

  g_queue_clear_full (&self->files, (GDestroyNotify) baken_report_walk_file_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_free (self->root);
  g_free (self);
}
