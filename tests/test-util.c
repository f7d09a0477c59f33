/* test-util.c: helpers every test suite may use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-util.h"

#include <signal.h>
#include <stdlib.h>

void
baken_test_assert_finalized_soon (gpointer object)
{
  gpointer weak = object;
  gint64 limit = baken_test_scale_us (5 * G_USEC_PER_SEC);
  gint64 deadline = g_get_monotonic_time () + limit;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  if (weak != NULL)
    g_error ("%s is still referenced %.0f s after the test let go of it",
             G_OBJECT_TYPE_NAME (weak), (double) limit / G_USEC_PER_SEC);
}

double
baken_test_time_scale (void)
{
  static double scale = 0;

  if (scale == 0)
    {
      const char *text = g_getenv ("BAKEN_TEST_TIME_SCALE");
      double value = text != NULL ? g_ascii_strtod (text, NULL) : 1;

      /* A typo must not make every limit zero, nor shorter than in a plain run. */
      if (text != NULL && !(value >= 1 && value <= 100))
        g_error ("BAKEN_TEST_TIME_SCALE=%s is not a number from 1 to 100", text);
      scale = value;
    }
  return scale;
}

guint
baken_test_scale_ms (guint ms)
{
  return (guint) (ms * baken_test_time_scale ());
}

gint64
baken_test_scale_us (gint64 us)
{
  return (gint64) (us * baken_test_time_scale ());
}

double
baken_test_scale_seconds (double seconds)
{
  return seconds * baken_test_time_scale ();
}

typedef struct
{
  GOutputStream *stdin_pipe;   /* (owned) */
  GBytes        *input;        /* (owned) (nullable) */
  gboolean       all_read;
} Feed;

/* In a thread of its own: a write to a child that has exited raises SIGPIPE in the
 * writing thread. Blocked here, it stays pending on this thread and dies with it; the
 * write fails with EPIPE (G_IO_ERROR_BROKEN_PIPE): the child did not read it all. */
static gpointer
feed_input (gpointer data)
{
  Feed *feed = data;
  g_autoptr(GError) error = NULL;
  sigset_t pipe_set;

  sigemptyset (&pipe_set);
  sigaddset (&pipe_set, SIGPIPE);
  pthread_sigmask (SIG_BLOCK, &pipe_set, NULL);

  feed->all_read = TRUE;
  if (feed->input != NULL &&
      !g_output_stream_write_all (feed->stdin_pipe, g_bytes_get_data (feed->input, NULL),
                                  g_bytes_get_size (feed->input), NULL, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
        g_error ("cannot write to the child's stdin: %s", error->message);
      feed->all_read = FALSE;
    }
  /* Closing a pipe whose reader has gone may say EPIPE too: the same answer. */
  g_output_stream_close (feed->stdin_pipe, NULL, NULL);

  return NULL;
}

int
baken_test_run_with_input (const char * const *argv,
                           const char         *cwd,
                           gboolean            merge_stderr,
                           GBytes             *input,
                           char              **output)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GOutputStream) collected = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GThread *thread;
  Feed feed = { 0 };

  g_return_val_if_fail (argv != NULL && argv[0] != NULL, -1);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        (merge_stderr ? G_SUBPROCESS_FLAGS_STDERR_MERGE : 0));
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  /* Feed and read at once: a child may answer before it has read everything. */
  feed.stdin_pipe = g_object_ref (g_subprocess_get_stdin_pipe (process));
  feed.input = input != NULL ? g_bytes_ref (input) : NULL;
  thread = g_thread_new ("test-child-input", feed_input, &feed);
  g_output_stream_splice (collected, g_subprocess_get_stdout_pipe (process),
                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  g_thread_join (thread);
  g_clear_object (&feed.stdin_pipe);
  g_clear_pointer (&feed.input, g_bytes_unref);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  if (!feed.all_read)
    g_test_message ("%s exited without reading all of its input", argv[0]);
  if (output != NULL)
    {
      GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (collected);
      gsize size = g_memory_output_stream_get_data_size (memory);

      const char *data = g_memory_output_stream_get_data (memory);

      *output = size > 0 ? g_strndup (data, size) : g_strdup ("");
    }

  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}
