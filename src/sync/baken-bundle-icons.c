/* baken-bundle-icons.c: the icon check of a bundle (step 8), and its cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every SVG of the content DB's icon table goes to baken-icon-check, a child process
 * with CPU, memory, file-size and time limits; only its exit status and report count.
 * A pass is remembered per content DB (by its sha256) in a cache folder, when given.
 */
#define G_LOG_DOMAIN "baken-bundle"

#include "config.h"

#include "baken-bundle-icons.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "baken-content.h"

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

/* Limits of the icon check child. */
#define ICON_CHECK_CPU_SECONDS   10
#define ICON_CHECK_ADDRESS_SPACE (G_GUINT64_CONSTANT (1024) * 1024 * 1024)
#define ICON_CHECK_MAX_OUTPUT    (1024 * 1024)

/* Short names for the report, as in the other steps of the verification. */
#define fail baken_bundle_report_fail
#define pass baken_bundle_report_pass

typedef struct
{
  GMutex       mutex;
  GCond        cond;
  gboolean     done;
  gboolean     timed_out;
  GSubprocess *process;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *watchdog = data;
  gint64 deadline = g_get_monotonic_time () +
                    BAKEN_BUNDLE_ICON_CHECK_TIMEOUT * G_TIME_SPAN_SECOND;

  g_mutex_lock (&watchdog->mutex);
  while (!watchdog->done)
    if (!g_cond_wait_until (&watchdog->cond, &watchdog->mutex, deadline))
      {
        if (!watchdog->done)
          {
            watchdog->timed_out = TRUE;
            g_subprocess_force_exit (watchdog->process);
          }
        break;
      }
  g_mutex_unlock (&watchdog->mutex);
  return NULL;
}

/* Runs in the child between fork and exec: only async-signal-safe calls. */
static void
limit_child (gpointer data)
{
  struct rlimit cpu = { ICON_CHECK_CPU_SECONDS, ICON_CHECK_CPU_SECONDS + 1 };
  struct rlimit none = { 0, 0 };
  struct rlimit files = { 32, 32 };
#ifndef UNDER_ASAN
  /* AddressSanitizer reserves terabytes of address space: no limit under ASan. */
  struct rlimit memory = { ICON_CHECK_ADDRESS_SPACE, ICON_CHECK_ADDRESS_SPACE };

  setrlimit (RLIMIT_AS, &memory);
#endif
  setrlimit (RLIMIT_CPU, &cpu);
  setrlimit (RLIMIT_CORE, &none);
  setrlimit (RLIMIT_FSIZE, &none);
  setrlimit (RLIMIT_NOFILE, &files);
  /* A write past RLIMIT_FSIZE fails instead of killing (SIG_IGN survives exec). */
  signal (SIGXFSZ, SIG_IGN);
}

char *
baken_bundle_dup_icon_checker_path (void)
{
  const char *env = g_getenv ("BAKEN_ICON_CHECK");
  const char *installed = LIBEXECDIR G_DIR_SEPARATOR_S "baken-icon-check";

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
#ifdef BAKEN_BUILD_ICON_CHECK
  /* Not installed: the one in the build dir (meson option build-dir-fallback). */
  if (!g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (BAKEN_BUILD_ICON_CHECK);
#endif
  return g_strdup (installed);
}

static gboolean
check_icons (BakenBundleReport  *report,
             sqlite3            *db,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) input = g_byte_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input_bytes = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GBytes) errors = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *checker = baken_bundle_dup_icon_checker_path ();
  g_autofree char *answer = NULL;
  g_auto(GStrv) lines = NULL;
  Watchdog watchdog = { 0, };
  GThread *thread;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name, svg FROM icon ORDER BY name", -1, &stmt, NULL)
      != SQLITE_OK)
    return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_REFERENCES,
                 "The icon table cannot be read: %s", sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const void *svg = sqlite3_column_blob (stmt, 1);
      int length = sqlite3_column_bytes (stmt, 1);
      g_autofree char *header = NULL;

      if (names->len >= BAKEN_ICON_CHECK_MAX_ICONS)
        return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_ICON,
                     "The bundle has more than %d icons", BAKEN_ICON_CHECK_MAX_ICONS);
      header = g_strdup_printf ("icon %u %d\n", names->len, length);
      g_byte_array_append (input, (const guint8 *) header, strlen (header));
      if (length > 0)
        g_byte_array_append (input, svg, (guint) length);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  if (rc != SQLITE_DONE)
    return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_REFERENCES,
                 "The icon table cannot be read: %s", sqlite3_errmsg (db));
  if (names->len == 0)
    {
      pass (report, "icons", "no icons");
      return TRUE;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, limit_child, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &local_error, checker, NULL);
  if (process == NULL)
    return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                 "The icon check (%s) cannot start: %s", checker, local_error->message);

  g_mutex_init (&watchdog.mutex);
  g_cond_init (&watchdog.cond);
  watchdog.process = process;
  thread = g_thread_new ("baken-icon-watchdog", watchdog_thread, &watchdog);

  input_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&input));
  {
    /* A child that exits before reading all its input must not kill us with SIGPIPE:
     * block it in this thread (the writes happen here), then discard it if pending. */
    sigset_t pipe_set, old_set, pending;
    struct timespec no_wait = { 0, 0 };

    sigemptyset (&pipe_set);
    sigaddset (&pipe_set, SIGPIPE);
    pthread_sigmask (SIG_BLOCK, &pipe_set, &old_set);
    g_subprocess_communicate (process, input_bytes, NULL, &output, &errors, &local_error);
    /* The child stopped reading (it exited): its status and report decide below. */
    if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
      g_clear_error (&local_error);
    if (local_error == NULL)
      g_subprocess_wait (process, NULL, &local_error);
    if (sigpending (&pending) == 0 && sigismember (&pending, SIGPIPE))
      sigtimedwait (&pipe_set, NULL, &no_wait);
    pthread_sigmask (SIG_SETMASK, &old_set, NULL);
  }

  g_mutex_lock (&watchdog.mutex);
  watchdog.done = TRUE;
  g_cond_signal (&watchdog.cond);
  g_mutex_unlock (&watchdog.mutex);
  g_thread_join (thread);
  g_mutex_clear (&watchdog.mutex);
  g_cond_clear (&watchdog.cond);

  if (watchdog.timed_out)
    return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_ICON,
                 "The icon check took longer than %d seconds; an icon is too costly to draw",
                 BAKEN_BUNDLE_ICON_CHECK_TIMEOUT);
  if (local_error != NULL && !g_subprocess_get_if_signaled (process))
    return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                 "The icon check failed: %s", local_error->message);
  if (g_subprocess_get_if_signaled (process))
    {
      int sig = g_subprocess_get_term_sig (process);

      return fail (report, "icons", error,
                   sig == SIGXCPU || sig == SIGKILL || sig == SIGSEGV || sig == SIGABRT
                   ? BAKEN_BUNDLE_ERROR_ICON : BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                   "The icon check was stopped by signal %d (%s); an icon is too costly or "
                   "malformed", sig, g_strsignal (sig));
    }

  answer = output != NULL && g_bytes_get_size (output) > 0 ? g_strndup (g_bytes_get_data (output, NULL),
                                       MIN (g_bytes_get_size (output), ICON_CHECK_MAX_OUTPUT))
                          : g_strdup ("");
  lines = g_strsplit (answer, "\n", -1);

  if (g_subprocess_get_exit_status (process) == 1)
    {
      for (guint i = 0; lines[i] != NULL; i++)
        {
          guint64 index;
          char *end = NULL;

          if (!g_str_has_prefix (lines[i], "refused "))
            continue;
          index = g_ascii_strtoull (lines[i] + 8, &end, 10);
          if (end == lines[i] + 8 || *end != ' ' || index >= names->len)
            break;
          return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_ICON,
                       "Icon \"%s\" is refused: %.300s",
                       (const char *) g_ptr_array_index (names, index), end + 1);
        }
      return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                   "The icon check refused an icon but did not say which");
    }
  if (g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *message = errors != NULL && g_bytes_get_size (errors) > 0
                                 ? g_strndup (g_bytes_get_data (errors, NULL),
                                              MIN (g_bytes_get_size (errors), 300))
                                 : g_strdup ("");

      g_strdelimit (message, "\r\n", ' ');
      return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                   "The icon check failed with exit status %d %s",
                   g_subprocess_get_exit_status (process), g_strstrip (message));
    }

  /* Exit status 0 and one "ok INDEX" per icon, in order: nothing else counts. */
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("ok %u", i);

      if (g_strv_length (lines) <= i || strcmp (lines[i], expected) != 0)
        return fail (report, "icons", error, BAKEN_BUNDLE_ERROR_ICON_CHECKER,
                     "The icon check did not report on every icon");
    }

  pass (report, "icons", "%u icon(s) drawn within limits", names->len);
  return TRUE;
}

/* The icon check cache: a passed check is remembered as the file CACHE_DIR/SHA256 (the
 * content DB's sha256, which the signed manifest vouches for), holding the version of
 * this program. A marker of another version does not count: a newer checker or librsvg
 * may judge differently. Only the ICON_CACHE_KEEP newest markers are kept. */

#define ICON_CACHE_MARKER "baken-icon-check " PACKAGE_VERSION "\n"
#define ICON_CACHE_KEEP   8

static gboolean
icon_check_cached (const char *cache_dir,
                   const char *sha256)
{
  g_autofree char *path = g_build_filename (cache_dir, sha256, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) &&
         length == strlen (ICON_CACHE_MARKER) &&
         memcmp (contents, ICON_CACHE_MARKER, length) == 0;
}

typedef struct
{
  char   *path;
  gint64  mtime;
} Marker;

static int
marker_newer_first (gconstpointer a,
                    gconstpointer b)
{
  const Marker *ma = a;
  const Marker *mb = b;

  return ma->mtime < mb->mtime ? 1 : ma->mtime > mb->mtime ? -1 : 0;
}

/* Removes all but the ICON_CACHE_KEEP newest markers; keep is never removed. */
static void
prune_icon_cache (const char *cache_dir,
                  const char *keep)
{
  g_autoptr(GDir) dir = g_dir_open (cache_dir, 0, NULL);
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      Marker marker;
      struct stat st;

      /* Markers only: 64 hex digits. Temporary files of a writer are left alone. */
      if (strlen (name) != 64 || strspn (name, "0123456789abcdef") != 64 ||
          strcmp (name, keep) == 0)
        continue;
      marker.path = g_build_filename (cache_dir, name, NULL);
      if (g_lstat (marker.path, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_free (marker.path);
          continue;
        }
      marker.mtime = (gint64) st.st_mtime;
      g_array_append_val (markers, marker);
    }

  g_array_sort (markers, marker_newer_first);
  for (guint i = 0; i < markers->len; i++)
    {
      Marker *marker = &g_array_index (markers, Marker, i);

      /* keep itself is the newest */
      if (i + 1 >= ICON_CACHE_KEEP)
        g_unlink (marker->path);
      g_free (marker->path);
    }
}

/* Best effort: a cache that cannot be written only costs the next start the check. */
static void
remember_icon_check (const char *cache_dir,
                     const char *sha256)
{
  g_autofree char *path = g_build_filename (cache_dir, sha256, NULL);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (cache_dir, 0700) != 0)
    {
      g_debug ("Cannot create the icon check cache %s: %s", cache_dir, g_strerror (errno));
      return;
    }
  /* Written to a temporary file and renamed: a reader sees all of it or nothing. */
  if (!g_file_set_contents_full (path, ICON_CACHE_MARKER, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_debug ("Cannot remember the icon check: %s", error->message);
      return;
    }
  prune_icon_cache (cache_dir, sha256);
}

/* Public API */

gboolean
baken_bundle_icons_check (BakenBundleReport  *report,
                          sqlite3            *db,
                          const char         *cache_dir,
                          const char         *sha256,
                          GError            **error)
{
  if (cache_dir != NULL && icon_check_cached (cache_dir, sha256))
    {
      pass (report, "icons", "checked before, for this content (%s)", cache_dir);
      return TRUE;
    }
  if (!check_icons (report, db, error))
    return FALSE;
  if (cache_dir != NULL)
    remember_icon_check (cache_dir, sha256);
  return TRUE;
}
