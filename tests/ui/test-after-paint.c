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

/* A shown window with a stack of labels named names (NULL-terminated), the first one
 * shown; *stack is the stack. */
static GtkWidget *
shown_stack (const char *const *names,
             GtkStack          **stack)
{
  GtkWidget *window = gtk_window_new ();

  *stack = GTK_STACK (gtk_stack_new ());
  for (guint i = 0; names[i] != NULL; i++)
    gtk_stack_add_named (*stack, gtk_label_new (names[i]), names[i]);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*stack));
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 200);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  run_frames (window, 1);
  return window;
}

/* Mapped: called once, at the after-paint of a frame, never twice. */
static void
test_mapped (void)
{
  GtkStack *stack;
  GtkWidget *window = shown_stack ((const char *[]) { "first", "page", NULL }, &stack);
  GtkWidget *page = gtk_stack_get_child_by_name (stack, "page");

  called = 0;

  /* Not shown yet: not called, however many frames. */
  baken_after_paint (page, count_cb);
  run_frames (window, 3);
  g_assert_cmpuint (called, ==, 0);

  /* Shown: not before the frame that shows it, then once. */
  gtk_stack_set_visible_child (stack, page);
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
  GtkStack *stack;
  GtkWidget *window = shown_stack ((const char *[]) { "first", "page", "other", NULL },
                                   &stack);
  GtkWidget *first = gtk_stack_get_child_by_name (stack, "first");
  GtkWidget *page = gtk_stack_get_child_by_name (stack, "page");
  GtkWidget *other = gtk_stack_get_child_by_name (stack, "other");

  called = 0;

  baken_after_paint (page, count_cb);
  gtk_stack_set_visible_child (stack, page);
  gtk_stack_set_visible_child (stack, first);
  run_frames (window, 3);
  g_assert_cmpuint (called, ==, 0);

  gtk_stack_set_visible_child (stack, page);
  run_frames (window, 1);
  g_assert_cmpuint (called, ==, 1);

  /* Removed while shown, before its frame. */
  baken_after_paint (other, count_cb);
  gtk_stack_set_visible_child (stack, other);
  gtk_stack_remove (stack, other);
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
