/* baken-gtk-fixes.c: mends for GTK 4.8 faults that a kiosk running for months meets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkScrolledWindow, when realized, connects to GtkSettings'
 * notify::gtk-overlay-scrolling, and when unrealized disconnects a different function
 * (gtk_scrolled_window_realize and _unrealize in GTK 4.8.3). The handler stays on the
 * settings, which live as long as the process, with the scrolled window as its data:
 * every page shown leaves one behind (a memory soak found them, ~4 a round), and a
 * change of that setting would call into scrolled windows long freed. Here every
 * unrealized scrolled window takes its handlers off the settings.
 *
 * On X11, after every frame, GDK 4.8 asks whether the window manager can synchronize
 * frames (_NET_WM_FRAME_DRAWN). It remembers a window manager once it found one, but
 * not that there is none: in an X session without one (a kiosk's, Xvfb) every frame
 * ends in a round trip to the X server, which answers only once it has copied that
 * frame in, 1.5–3 ms of each tap at 1080×1920 (bench/taps --phases, "after"). With no
 * window manager there is nothing to synchronize with, so each window realized without
 * one has frame synchronization off (a public switch of GDK's); with one, GDK's default
 * stays. A manager started later finds the window unsynchronized, which only lets it
 * show a frame before it is complete. Wayland (cage) is not concerned.
 *
 * Also on X11, cairo 1.16 sends each frame to the X server through a shared-memory
 * pool of the connection, and detaches the pool once nothing in it is in use. On a
 * kiosk, whose frames come one per tap, that is often (~3 times per resident's path in
 * bench/taps): the next frame attaches a new segment and faults in every page it
 * writes, ~2,000 pages and 3 ms at 1080×1920. A small image kept in a pool sized for
 * the whole screen keeps that pool for as long as the display is open.
 */
#define G_LOG_DOMAIN "baken-gtk-fixes"

#include "config.h"

#include "baken-gtk-fixes.h"

#ifdef GDK_WINDOWING_X11
#include <cairo-xlib.h>
#include <gdk/x11/gdkx.h>

#define KEEP_POOL_KEY "baken-gtk-fixes-upload-pool"

/* Once per display, when the main loop is idle after a window's first frame (not on its
 * way: this costs ~4 ms): an image of the whole screen in the connection's shared
 * memory makes a pool for any frame, and a 64×64 one (above cairo's 4 KiB minimum for
 * shared memory) stays in it. Without shared memory both are plain images, and nothing
 * changes. */
static gboolean
keep_upload_pool (gpointer data)
{
  GdkDisplay *display = data;
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  Screen *screen = DefaultScreenOfDisplay (xdisplay);
  cairo_surface_t *root, *frame, *keep;

  if (gdk_display_is_closed (display) ||
      g_object_get_data (G_OBJECT (display), KEEP_POOL_KEY) != NULL)
    return G_SOURCE_REMOVE;

  root = cairo_xlib_surface_create (xdisplay, RootWindowOfScreen (screen),
                                    DefaultVisualOfScreen (screen), 1, 1);
  frame = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32,
                                              WidthOfScreen (screen), HeightOfScreen (screen));
  keep = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (root);
  g_object_set_data_full (G_OBJECT (display), KEEP_POOL_KEY, keep,
                          (GDestroyNotify) cairo_surface_destroy);
  return G_SOURCE_REMOVE;
}

static void
keep_upload_pool_cb (GdkFrameClock *clock,
                     GdkDisplay    *display)
{
  g_signal_handlers_disconnect_by_func (clock, keep_upload_pool_cb, display);
  g_idle_add_full (G_PRIORITY_LOW, keep_upload_pool, g_object_ref (display), g_object_unref);
}
#endif

static gboolean
scrolled_window_unrealize_hook (GSignalInvocationHint *hint,
                                guint                  n_values,
                                const GValue          *values,
                                gpointer               user_data)
{
  GObject *instance = g_value_get_object (&values[0]);

  if (GTK_IS_SCROLLED_WINDOW (instance))
    g_signal_handlers_disconnect_matched (gtk_widget_get_settings (GTK_WIDGET (instance)),
                                          G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, instance);

  return TRUE;
}

static gboolean
window_realize_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               user_data)
{
#ifdef GDK_WINDOWING_X11
  GObject *instance = g_value_get_object (&values[0]);
  GdkDisplay *display;
  GdkSurface *surface;

  if (!GTK_IS_WINDOW (instance))
    return TRUE;
  display = gtk_widget_get_display (GTK_WIDGET (instance));
  surface = gtk_native_get_surface (GTK_NATIVE (instance));
  if (!GDK_IS_X11_DISPLAY (display) || surface == NULL)
    return TRUE;
  if (!gdk_x11_screen_supports_net_wm_hint (gdk_x11_display_get_screen (display),
                                            "_NET_WM_FRAME_DRAWN"))
    gdk_x11_surface_set_frame_sync_enabled (surface, FALSE);
  if (g_object_get_data (G_OBJECT (display), KEEP_POOL_KEY) == NULL)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (instance)), "after-paint",
                      G_CALLBACK (keep_upload_pool_cb), display);
#endif

  return TRUE;
}

void
baken_gtk_fixes_install (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does; the class lives as long as the process. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("unrealize", GTK_TYPE_WIDGET), 0,
                                  scrolled_window_unrealize_hook, NULL, NULL);
      /* After GtkWindow's own handler, which creates the surface. */
      g_signal_add_emission_hook (g_signal_lookup ("realize", GTK_TYPE_WIDGET), 0,
                                  window_realize_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
