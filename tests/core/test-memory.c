/* test-memory.c: the heap's arenas stay few however many workers allocate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * glibc gives each new thread that allocates an arena of its own, up to 8 per core,
 * and keeps freed memory in it (baken-memory.h). After baken_memory_limit_arenas ()
 * eight workers allocating at once share at most two; glibc's malloc_info () lists
 * the arenas. Not in the sanitizer run: AddressSanitizer replaces glibc's malloc.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "baken-memory.h"

enum { N_WORKERS = 8 };

static GMutex lock;
static GCond  cond;
static guint  n_holding;

/* Allocates, then holds its memory until every worker has, so none can reuse the
 * arena of one that ended. */
static gpointer
worker (gpointer data)
{
  void *block = memset (g_malloc (64 * 1024), 1, 64 * 1024);

  g_mutex_lock (&lock);
  n_holding++;
  g_cond_broadcast (&cond);
  while (n_holding < N_WORKERS)
    g_cond_wait (&cond, &lock);
  g_mutex_unlock (&lock);
  g_free (block);
  return NULL;
}

static guint
count_arenas (void)
{
  char *text = NULL;
  size_t size = 0;
  FILE *stream = open_memstream (&text, &size);
  guint n = 0;

  g_assert_nonnull (stream);
  g_assert_cmpint (malloc_info (0, stream), ==, 0);
  fclose (stream);
  for (const char *at = strstr (text, "<heap nr="); at != NULL; at = strstr (at + 1, "<heap nr="))
    n++;
  free (text);
  return n;
}

static void
test_arenas_limited (void)
{
  GThread *threads[N_WORKERS];
  guint n;

  for (guint i = 0; i < N_WORKERS; i++)
    threads[i] = g_thread_new ("worker", worker, NULL);
  for (guint i = 0; i < N_WORKERS; i++)
    g_thread_join (threads[i]);
  n = count_arenas ();
  g_test_message ("%u arenas after %u workers", n, N_WORKERS);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, 2);
}

int
main (int   argc,
      char *argv[])
{
  /* As main () of baken does: first, before any thread. */
  baken_memory_limit_arenas ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/memory/arenas-limited", test_arenas_limited);

  return g_test_run ();
}
