/* baken-after-paint.c: work that waits until a widget has been shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page that starts a worker thread while it is built (the print preview draws its
 * slip and checks the printer) takes one of the two cores from the frame that shows
 * it, and GTK, Xvfb or the compositor wait for it: that frame started 3–4 ms late. The
 * work starts instead on the frame clock's after-paint of the first frame painted while
 * the widget is mapped; unmapped before that, it waits for the next mapping.
 */
#define G_LOG_DOMAIN "baken-after-paint"

#include "config.h"

#include "baken-after-paint.h"

typedef struct
{
  GtkWidget           *widget;   /* (unowned) owns this */
  BakenAfterPaintFunc  func;
  GdkFrameClock       *clock;    /* (nullable) (owned) while waiting for its paint */
  gulong               painted_id;
} Waiter;

static void
stop_waiting (Waiter *waiter)
{
  if (waiter->clock != NULL)
    g_clear_signal_handler (&waiter->painted_id, waiter->clock);
  g_clear_object (&waiter->clock);
}

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  stop_waiting (waiter);
  g_free (waiter);
}

static void
painted_cb (GdkFrameClock *clock,
            Waiter        *waiter)
{
  GtkWidget *widget = waiter->widget;
  BakenAfterPaintFunc func = waiter->func;

  g_signal_handlers_disconnect_by_data (widget, waiter);
  g_object_set_data (G_OBJECT (widget), "baken-after-paint", NULL); /* frees waiter */
  func (widget);
}

static void
mapped_cb (GtkWidget *widget,
           Waiter    *waiter)
{
  if (waiter->clock != NULL)
    return;
  waiter->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  waiter->painted_id = g_signal_connect (waiter->clock, "after-paint",
                                         G_CALLBACK (painted_cb), waiter);
}

static void
unmapped_cb (GtkWidget *widget,
             Waiter    *waiter)
{
  stop_waiting (waiter);
}

void
baken_after_paint (GtkWidget           *widget,
                   BakenAfterPaintFunc  func)
{
  Waiter *waiter;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);
  g_return_if_fail (g_object_get_data (G_OBJECT (widget), "baken-after-paint") == NULL);

  waiter = g_new0 (Waiter, 1);
  waiter->widget = widget;
  waiter->func = func;
  g_object_set_data_full (G_OBJECT (widget), "baken-after-paint", waiter, waiter_free);
  g_signal_connect (widget, "map", G_CALLBACK (mapped_cb), waiter);
  g_signal_connect (widget, "unmap", G_CALLBACK (unmapped_cb), waiter);
  if (gtk_widget_get_mapped (widget))
    mapped_cb (widget, waiter);
}
