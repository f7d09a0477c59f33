/* baken-cups-deadline.c: one deadline over every libcups call of a print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-cups-printer"

#include "config.h"

#include "baken-cups-deadline.h"

#include <sys/socket.h>

struct _BakenCupsDeadline
{
  /* Inputs */
  GCancellable  *cancellable;    /* (owned) (nullable) */
  gulong         cancelled_id;

  /* State, under mutex */
  GMutex         mutex;
  GCond          cond;
  gint64         end;            /* monotonic µs */
  BakenCupsTrip  trip;
  gboolean       stop;           /* being freed */
  http_t        *http;           /* (unowned) (nullable) the watched connection */
  gboolean       connecting;     /* its socket is being replaced: not to be touched */
  int            cancel;         /* httpConnect2's cancel flag; libcups reads it */

  GThread       *thread;         /* (owned) trips at end */
};

/* Under mutex. */
static void
trip (BakenCupsDeadline *self,
      BakenCupsTrip      why)
{
  if (self->trip != BAKEN_CUPS_TRIP_NONE)
    return;

  self->trip = why;
  self->cancel = 1;
  if (self->http != NULL && !self->connecting && httpGetFd (self->http) >= 0)
    shutdown (httpGetFd (self->http), SHUT_RDWR);
}

static gpointer
timer_thread (gpointer data)
{
  BakenCupsDeadline *self = data;

  g_mutex_lock (&self->mutex);
  while (!self->stop)
    {
      if (self->trip != BAKEN_CUPS_TRIP_NONE)
        g_cond_wait (&self->cond, &self->mutex);
      else if (!g_cond_wait_until (&self->cond, &self->mutex, self->end) &&
               !self->stop && g_get_monotonic_time () >= self->end)
        trip (self, BAKEN_CUPS_TRIP_DEADLINE);
    }
  g_mutex_unlock (&self->mutex);

  return NULL;
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  BakenCupsDeadline *self = user_data;

  /* Never held for long: no libcups call runs under the mutex. */
  g_mutex_lock (&self->mutex);
  trip (self, BAKEN_CUPS_TRIP_CANCELLED);
  g_mutex_unlock (&self->mutex);
}

/* Under mutex: ms left, at least 1. */
static int
ms_left (BakenCupsDeadline *self,
         int                at_most)
{
  gint64 left = (self->end - g_get_monotonic_time ()) / 1000;

  return (int) CLAMP (left, 1, at_most);
}

BakenCupsDeadline *
baken_cups_deadline_new (gint64        end,
                         GCancellable *cancellable)
{
  BakenCupsDeadline *self = g_new0 (BakenCupsDeadline, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->end = end;
  self->thread = g_thread_new ("baken-cups-deadline", timer_thread, self);
  if (cancellable != NULL)
    {
      self->cancellable = g_object_ref (cancellable);
      /* Runs at once when it is cancelled already. */
      self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb),
                                                  self, NULL);
    }

  return self;
}

void
baken_cups_deadline_free (BakenCupsDeadline *self)
{
  if (self == NULL)
    return;

  if (self->cancellable != NULL)
    g_cancellable_disconnect (self->cancellable, self->cancelled_id);
  g_clear_object (&self->cancellable);

  g_mutex_lock (&self->mutex);
  self->stop = TRUE;
  self->http = NULL;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_thread_join (self->thread);

  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}

http_t *
baken_cups_deadline_connect (BakenCupsDeadline *self,
                             const char        *host,
                             int                port,
                             int                connect_ms)
{
  http_t *http;
  int ms;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->http == NULL, NULL);

  g_mutex_lock (&self->mutex);
  ms = ms_left (self, connect_ms);
  g_mutex_unlock (&self->mutex);

  /* The cancel flag stops it when the deadline trips meanwhile. */
  http = httpConnect2 (host, port, NULL, AF_UNSPEC, cupsEncryption (), 1, ms, &self->cancel);
  if (http == NULL)
    return NULL;

  g_mutex_lock (&self->mutex);
  self->http = http;
  if (self->trip != BAKEN_CUPS_TRIP_NONE)
    shutdown (httpGetFd (http), SHUT_RDWR);
  g_mutex_unlock (&self->mutex);

  return http;
}

gboolean
baken_cups_deadline_reconnect (BakenCupsDeadline *self,
                               int                connect_ms)
{
  http_t *http;
  int ms;
  int failed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->http != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  if (self->trip != BAKEN_CUPS_TRIP_NONE)
    {
      g_mutex_unlock (&self->mutex);
      return FALSE;
    }
  self->connecting = TRUE;
  http = self->http;
  ms = ms_left (self, connect_ms);
  g_mutex_unlock (&self->mutex);

  failed = httpReconnect2 (http, ms, &self->cancel);

  g_mutex_lock (&self->mutex);
  self->connecting = FALSE;
  if (self->trip != BAKEN_CUPS_TRIP_NONE && httpGetFd (http) >= 0)
    shutdown (httpGetFd (http), SHUT_RDWR);
  failed = failed || self->trip != BAKEN_CUPS_TRIP_NONE;
  g_mutex_unlock (&self->mutex);

  return !failed;
}

void
baken_cups_deadline_forget (BakenCupsDeadline *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->http = NULL;
  g_mutex_unlock (&self->mutex);
}

BakenCupsTrip
baken_cups_deadline_get_trip (BakenCupsDeadline *self)
{
  BakenCupsTrip why;

  g_return_val_if_fail (self != NULL, BAKEN_CUPS_TRIP_NONE);

  g_mutex_lock (&self->mutex);
  why = self->trip;
  g_mutex_unlock (&self->mutex);

  return why;
}

void
baken_cups_deadline_rearm (BakenCupsDeadline *self,
                           gint64             end)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->end = end;
  self->trip = BAKEN_CUPS_TRIP_NONE;
  self->cancel = 0;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
}
