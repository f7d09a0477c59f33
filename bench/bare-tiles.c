/* bare-tiles.c: the yardstick for bench/startup — a bare GTK4 program showing 12 SVG
 * tiles (icon + label) in a grid, with nothing else: no content DB, no templates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

static gint64 start_us;

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  printf ("first-frame-ms %.1f\n", (g_get_monotonic_time () - start_us) / 1000.0);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
}

static void
map_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GtkApplication *app,
             char          **icons)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *grid = gtk_grid_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 1920);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (int i = 0; i < 12; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *picture = gtk_picture_new_for_filename (icons[i % g_strv_length (icons)]);
      char label[32];

      g_snprintf (label, sizeof label, "Tegel %d", i + 1);
      gtk_widget_set_size_request (picture, 160, 160);
      gtk_box_append (GTK_BOX (box), picture);
      gtk_box_append (GTK_BOX (box), gtk_label_new (label));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_grid_attach (GTK_GRID (grid), button, i % 3, i / 3, 1, 1);
    }
  gtk_window_set_child (GTK_WINDOW (window), grid);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  start_us = g_get_monotonic_time ();
  if (argc < 2)
    {
      fprintf (stderr, "usage: bare-tiles ICON.svg…\n");
      return 2;
    }
  app = gtk_application_new ("nl.baken.BareTiles", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), argv + 1);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
