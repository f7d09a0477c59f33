/* test-gtk-fixes.c: the mends for GTK 4.8 faults hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkScrolledWindow shown and taken away again, as every page of a resident's visit
 * is, leaves no handler on GtkSettings (baken-gtk-fixes.c): in GTK 4.8 each left one,
 * for the life of the process, pointing at the freed scrolled window.
 */
#include "config.h"

#include "ui-test-util.h"

static guint
handlers_for (GtkSettings *settings,
              gpointer     data)
{
  guint n = 0;
  gulong id;

  while ((id = g_signal_handler_find (settings, G_SIGNAL_MATCH_DATA | G_SIGNAL_MATCH_UNBLOCKED,
                                      0, 0, NULL, NULL, data)) != 0)
    {
      /* Counted by blocking each one found, then unblocked again below. */
      g_signal_handler_block (settings, id);
      n++;
    }
  g_signal_handlers_unblock_matched (settings, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, data);
  return n;
}

static void
test_scrolled_window_settings (void)
{
  GtkSettings *settings = gtk_settings_get_default ();

  for (guint round = 0; round < 3; round++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *scrolled = gtk_scrolled_window_new ();

      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), gtk_label_new ("Tekst"));
      gtk_window_set_child (GTK_WINDOW (window), scrolled);
      gtk_window_present (GTK_WINDOW (window));
      while (!gtk_widget_get_realized (scrolled))
        g_main_context_iteration (NULL, TRUE);
      /* GTK listens to the setting while the scrolled window is realized. */
      g_assert_cmpuint (handlers_for (settings, scrolled), ==, 1);

      gtk_widget_unrealize (window);
      g_assert_false (gtk_widget_get_realized (scrolled));
      g_assert_cmpuint (handlers_for (settings, scrolled), ==, 0);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/gtk-fixes/scrolled-window-settings", test_scrolled_window_settings);

  return g_test_run ();
}
