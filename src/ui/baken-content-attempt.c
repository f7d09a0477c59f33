/* baken-content-attempt.c: verifying one candidate bundle for the kiosk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Verification blocks (hashing, SQLite, the icon check child), so an attempt carries
 * everything it needs into a worker thread and its result back out. Which candidate
 * comes next, and what to do with the result, is BakenKioskContent's.
 */
#define G_LOG_DOMAIN "baken-kiosk-content"

#include "config.h"

#include "baken-content-attempt.h"

const char *
baken_content_origin_get_name (BakenContentOrigin origin)
{
  switch (origin)
    {
    case BAKEN_CONTENT_ORIGIN_SYNC:
      return "the current bundle of the sync store";
    case BAKEN_CONTENT_ORIGIN_PATH:
      return "the bundle of [content] path";
    case BAKEN_CONTENT_ORIGIN_DEMO:
      return "the embedded demo bundle";
    case BAKEN_CONTENT_ORIGIN_GIVEN:
      return "the given content";
    case BAKEN_CONTENT_ORIGIN_NONE:
    default:
      return "no content";
    }
}

void
baken_content_attempt_free (BakenContentAttempt *attempt)
{
  if (attempt == NULL)
    return;

  g_free (attempt->location);
  g_free (attempt->icon_cache);
  g_clear_pointer (&attempt->keys, g_ptr_array_unref);
  g_clear_pointer (&attempt->now, g_date_time_unref);
  g_clear_pointer (&attempt->bundle, baken_verified_bundle_free);
  g_clear_error (&attempt->error);
  g_free (attempt);
}

void
baken_content_attempt_run (BakenContentAttempt *attempt)
{
  gint64 start = g_get_monotonic_time ();

  if (attempt->origin == BAKEN_CONTENT_ORIGIN_DEMO)
    attempt->bundle = baken_bundle_verify_resource_cached (attempt->location, attempt->keys,
                                                           attempt->now, attempt->icon_cache,
                                                           NULL, NULL, &attempt->error);
  else
    attempt->bundle = baken_bundle_verify_cached (attempt->location, attempt->keys,
                                                  attempt->now, attempt->icon_cache, NULL,
                                                  NULL, &attempt->error);

  attempt->elapsed_us = g_get_monotonic_time () - start;
}

static gpointer
attempt_thread (gpointer data)
{
  baken_content_attempt_run (data);

  return data;
}

GThread *
baken_content_attempt_run_in_thread (BakenContentAttempt *attempt)
{
  return g_thread_new ("baken-verify", attempt_thread, attempt);
}

static void
task_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BakenContentAttempt *attempt = g_task_get_task_data (task);

  baken_content_attempt_run (attempt);
  g_task_return_pointer (task, attempt, (GDestroyNotify) baken_content_attempt_free);
}

void
baken_content_attempt_run_async (BakenContentAttempt *attempt,
                                 gpointer             source_object,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, baken_content_attempt_run_async);
  /* Owned by the thread, which returns it. */
  g_task_set_task_data (task, attempt, NULL);
  g_task_run_in_thread (task, task_thread);
}

BakenContentAttempt *
baken_content_attempt_run_finish (GAsyncResult *result)
{
  return g_task_propagate_pointer (G_TASK (result), NULL);
}

BakenContentAttempt *
baken_content_attempt_new (BakenContentOrigin  origin,
                           const char         *location,
                           BakenSync          *sync,
                           GPtrArray          *keys,
                           BakenClock         *clock)
{
  BakenContentAttempt *attempt = g_new0 (BakenContentAttempt, 1);

  attempt->origin = origin;
  attempt->location = g_strdup (location);
  /* The icons of a bundle are checked once (in a child process, 80–230 ms): later
   * starts find the pass in the state folder. Without one, every start checks. */
  if (sync != NULL)
    attempt->icon_cache = g_build_filename (baken_sync_get_state_dir (sync),
                                            BAKEN_BUNDLE_ICON_CACHE_NAME, NULL);
  attempt->keys = g_ptr_array_ref (keys);
  attempt->now = baken_clock_dup_now (clock);

  return attempt;
}

/* The stale notice tells staff about a bundle served past its expiry. */
BakenContentAttempt *
baken_content_attempt_new_for_sync (BakenSync  *sync,
                                    GPtrArray  *keys,
                                    BakenClock *clock)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_auto(BakenInstalled) installed = { 0 };
  BakenContentAttempt *attempt;

  path = baken_sync_begin_open (sync, &error);
  if (path == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot read which bundle is current: %s", error->message);
      return NULL;
    }

  baken_sync_get_installed (sync, &installed);
  dir = g_path_get_dirname (path);
  attempt = baken_content_attempt_new (BAKEN_CONTENT_ORIGIN_SYNC, dir, sync, keys, clock);
  attempt->serial = installed.serial;

  if (installed.expires != 0 && g_date_time_to_unix (attempt->now) >= installed.expires)
    {
      g_message ("Bundle %" G_GUINT64_FORMAT " expired; it stays on screen until a newer "
                 "one arrives (staff see the stale notice)", installed.serial);
      g_date_time_unref (attempt->now);
      attempt->now = g_date_time_new_from_unix_utc (installed.expires - 1);
    }

  return attempt;
}
