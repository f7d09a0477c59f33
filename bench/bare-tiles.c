/* bare-tiles.c: the yardstick for bench/startup and bench/taps — a bare GTK4 program
 * showing 12 SVG tiles (icon + label) in a grid, with nothing else: no content DB, no
 * templates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With --taps N it switches N times between two screens of 12 tiles (the icons loaded
 * once into textures, each screen's widgets built when it is shown, as a plain program
 * would) and times each switch as bench/taps times a tap of the kiosk: from the switch
 * to the after-paint of the next frame, then quiet for 30 ms.
 *
 * Its window is set up as Baken's are (baken-gtk-fixes.c): on X11 without a window
 * manager, frame synchronization off, so each frame does not end in a round trip to
 * the X server.
 */
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "taps-stats.h"

static gint64 start_us;
static guint  taps;      /* --taps N, 0 for the first frame only */
static guint  frames;

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  printf ("first-frame-ms %.1f\n", (g_get_monotonic_time () - start_us) / 1000.0);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
}

static void
count_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  frames++;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (void)
{
  for (;;)
    {
      guint start = frames;
      gboolean quiet = FALSE;

      g_timeout_add (30, timeout_cb, &quiet);
      while (!quiet)
        g_main_context_iteration (NULL, TRUE);
      if (frames == start && !g_main_context_pending (NULL))
        return;
    }
}

/* One screen: 12 tiles from the textures from first on. */
static GtkWidget *
create_screen (GPtrArray *textures,
               guint      first)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < 12; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *picture;
      char label[32];

      picture = gtk_picture_new_for_paintable (g_ptr_array_index (textures,
                                                                  (first + i) % textures->len));
      g_snprintf (label, sizeof label, "Tegel %u", first + i + 1);
      gtk_widget_set_size_request (picture, 160, 160);
      gtk_box_append (GTK_BOX (box), picture);
      gtk_box_append (GTK_BOX (box), gtk_label_new (label));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_grid_attach (GTK_GRID (grid), button, i % 3, i / 3, 1, 1);
    }

  return grid;
}

static void
run_taps (GtkWidget *window,
          char     **icons)
{
  g_autoptr(GPtrArray) textures = g_ptr_array_new_with_free_func (g_object_unref);
  TapStats stats = { 0, };

  for (guint i = 0; icons[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      GdkTexture *texture = gdk_texture_new_from_filename (icons[i], &error);

      if (texture == NULL)
        g_error ("%s: %s", icons[i], error->message);
      g_ptr_array_add (textures, texture);
    }
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  settle ();
  for (guint tap = 0; tap < taps; tap++)
    {
      gint64 t0 = g_get_monotonic_time ();
      guint start = frames;

      gtk_window_set_child (GTK_WINDOW (window), create_screen (textures, tap % 2 ? 0 : 12));
      while (frames == start)
        g_main_context_iteration (NULL, TRUE);
      tap_stats_add (&stats, (g_get_monotonic_time () - t0) / 1000.0);
      settle ();
    }
  tap_stats_print (&stats, "yardstick-switch", "");
  printf ("yardstick-p99-ms %.1f\n", tap_stats_percentile (&stats, 99));
  fflush (stdout);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* As baken-gtk-fixes.c does for Baken's windows: on X11 without a window manager that
 * synchronizes frames, frame synchronization off. */
static void
sync_frames_as_baken (GtkWidget *window)
{
#ifdef GDK_WINDOWING_X11
  GdkDisplay *display = gtk_widget_get_display (window);

  if (GDK_IS_X11_DISPLAY (display) &&
      !gdk_x11_screen_supports_net_wm_hint (gdk_x11_display_get_screen (display),
                                            "_NET_WM_FRAME_DRAWN"))
    gdk_x11_surface_set_frame_sync_enabled (gtk_native_get_surface (GTK_NATIVE (window)),
                                            FALSE);
#endif
}

static void
map_cb (GtkWidget *window,
        char     **icons)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  sync_frames_as_baken (window);
  if (taps > 0)
    {
      g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), NULL);
      return;
    }
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static gboolean
start_taps_cb (gpointer window)
{
  run_taps (window, g_object_get_data (window, "icons"));
  return G_SOURCE_REMOVE;
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
  g_signal_connect (window, "map", G_CALLBACK (map_cb), icons);
  gtk_window_present (GTK_WINDOW (window));
  if (taps > 0)
    {
      g_object_set_data (G_OBJECT (window), "icons", icons);
      g_idle_add (start_taps_cb, window);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  start_us = g_get_monotonic_time ();
  if (argc > 2 && strcmp (argv[1], "--taps") == 0)
    {
      taps = (guint) g_ascii_strtoull (argv[2], NULL, 10);
      argv += 2;
      argc -= 2;
    }
  if (argc < 2)
    {
      fprintf (stderr, "usage: bare-tiles [--taps N] ICON.svg…\n");
      return 2;
    }
  app = gtk_application_new ("nl.baken.BareTiles", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), argv + 1);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
