/* test-after-paint.c: work a page starts for itself waits for the frame that shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * baken_after_paint () (baken-after-paint.c) calls its function once, after the first
 * frame painted while the widget is mapped; a widget unmapped before that waits for its
 * next mapping, and one destroyed first is never called back. The print page starts
 * drawing its slip and checking the printer this way.
 */
#include "config.h"

#include "baken-after-paint.h"

#include "ui-test-util.h"

static guint      called;
static GtkWidget *called_with;
static guint      painted;     /* frames painted at the moment of the call */
static guint      frames;

static void
count_cb (GtkWidget *widget)
{
  called++;
  called_with = widget;
  painted = frames;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  frames++;
}

/* Runs the main loop until the window has painted n more frames. */
static void
run_frames (GtkWidget *window,
            guint      n)
{
  guint until = frames + n;

  while (frames < until)
    {
      gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }
}

static GtkWidget *
shown_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 200);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  return window;
}

/* Mapped: called once, at the after-paint of a frame, never twice. */
static void
test_mapped (void)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *first = gtk_label_new ("first");
  GtkWidget *page = gtk_label_new ("page");
  GtkWidget *window;

  called = 0;
  gtk_stack_add_named (GTK_STACK (stack), first, "first");
  gtk_stack_add_named (GTK_STACK (stack), page, "page");
  window = shown_window (stack);
  run_frames (window, 1);

  /* Not shown yet: not called, however many frames. */
  baken_after_paint (page, count_cb);
  run_frames (window, 3);
  g_assert_cmpuint (called, ==, 0);

  /* Shown: not before the frame that shows it, then once. */
  gtk_stack_set_visible_child (GTK_STACK (stack), page);
  g_assert_cmpuint (called, ==, 0);
  run_frames (window, 1);
  g_assert_cmpuint (called, ==, 1);
  g_assert_true (called_with == page);
  g_assert_cmpuint (painted, ==, frames);
  run_frames (window, 3);
  g_assert_cmpuint (called, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Taken away before any frame showed it: waits for the next time it is shown; gone
 * before that: never called. */
static void
test_unmapped_and_destroyed (void)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *first = gtk_label_new ("first");
  GtkWidget *page = gtk_label_new ("page");
  GtkWidget *other = gtk_label_new ("other");
  GtkWidget *window;

  called = 0;
  gtk_stack_add_named (GTK_STACK (stack), first, "first");
  gtk_stack_add_named (GTK_STACK (stack), page, "page");
  gtk_stack_add_named (GTK_STACK (stack), other, "other");
  window = shown_window (stack);
  run_frames (window, 1);

  baken_after_paint (page, count_cb);
  gtk_stack_set_visible_child (GTK_STACK (stack), page);
  gtk_stack_set_visible_child (GTK_STACK (stack), first);
  run_frames (window, 3);
  g_assert_cmpuint (called, ==, 0);

  gtk_stack_set_visible_child (GTK_STACK (stack), page);
  run_frames (window, 1);
  g_assert_cmpuint (called, ==, 1);

  /* Removed while shown, before its frame. */
  baken_after_paint (other, count_cb);
  gtk_stack_set_visible_child (GTK_STACK (stack), other);
  gtk_stack_remove (GTK_STACK (stack), other);
  run_frames (window, 3);
  g_assert_cmpuint (called, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/after-paint/mapped", test_mapped);
  g_test_add_func ("/ui/after-paint/unmapped-and-destroyed", test_unmapped_and_destroyed);

  return g_test_run ();
}
