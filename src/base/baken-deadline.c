/* baken-deadline.c: a wall-clock deadline that cancels, whatever the work is doing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-deadline"

#include "config.h"

#include "baken-deadline.h"

struct _BakenDeadline
{
  /* Inputs */
  gint64        end;           /* monotonic µs */
  GCancellable *parent;        /* (owned) (nullable) */
  gulong        parent_id;

  /* State */
  GCancellable *cancellable;   /* (owned) what the work takes */
  GThread      *timer;         /* (owned) waits for end or stop */
  GMutex        mutex;
  GCond         cond;
  gboolean      stop;          /* under mutex: the work is over */
  gboolean      expired;       /* under mutex */
};

static gpointer
timer_thread (gpointer data)
{
  BakenDeadline *self = data;
  gboolean expired = FALSE;

  g_mutex_lock (&self->mutex);
  while (!self->stop && !expired)
    if (!g_cond_wait_until (&self->cond, &self->mutex, self->end))
      expired = self->expired = !self->stop;
  g_mutex_unlock (&self->mutex);

  if (expired)
    g_cancellable_cancel (self->cancellable);

  return NULL;
}

static void
parent_cancelled_cb (GCancellable *parent,
                     gpointer      user_data)
{
  GCancellable *cancellable = user_data;

  g_cancellable_cancel (cancellable);
}

BakenDeadline *
baken_deadline_new (gint64        end,
                    GCancellable *parent)
{
  BakenDeadline *self = g_new0 (BakenDeadline, 1);

  g_return_val_if_fail (parent == NULL || G_IS_CANCELLABLE (parent), NULL);

  self->end = end;
  self->cancellable = g_cancellable_new ();
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  if (parent != NULL)
    {
      self->parent = g_object_ref (parent);
      /* Runs at once when parent is cancelled already. */
      self->parent_id = g_cancellable_connect (parent, G_CALLBACK (parent_cancelled_cb),
                                               g_object_ref (self->cancellable),
                                               g_object_unref);
    }
  self->timer = g_thread_new ("baken-deadline", timer_thread, self);

  return self;
}

void
baken_deadline_free (BakenDeadline *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->mutex);
  self->stop = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_thread_join (self->timer);

  if (self->parent != NULL)
    g_cancellable_disconnect (self->parent, self->parent_id);
  g_clear_object (&self->parent);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

GCancellable *
baken_deadline_get_cancellable (BakenDeadline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->cancellable;
}

gint64
baken_deadline_get_end (BakenDeadline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->end;
}

gboolean
baken_deadline_has_expired (BakenDeadline *self)
{
  gboolean expired;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  expired = self->expired;
  g_mutex_unlock (&self->mutex);

  return expired;
}
