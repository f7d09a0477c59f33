/* baken-kiosk-lock.c: kiosk mode, where nothing may leave the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing a key, a right click or the window manager does may leave the app or open
 * something. The kiosk is never closed from the inside either (the window's
 * close-request); the session ends it.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-kiosk-lock.h"

typedef struct
{
  BakenKioskKeyFunc key_func;
  BakenKioskKeyFunc release_func;
  gpointer          user_data;
} KeyFilter;

/* A key that key_func took is let go: only this controller hears it (GTK gives the
 * release to whoever handled the press). */
static void
kiosk_key_released_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       KeyFilter             *filter)
{
  if (filter->release_func != NULL)
    filter->release_func (keyval, state, filter->user_data);
}

static gboolean
kiosk_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      KeyFilter             *filter)
{
  /* The keypad's keys, and no others below, get through: F1 or Escape may be one. */
  if (filter->key_func != NULL && filter->key_func (keyval, state, filter->user_data))
    return GDK_EVENT_STOP;

  /* Every shortcut uses a modifier (Alt+F4, Ctrl+Q, Ctrl+W, Ctrl+Shift+I/D, Super…). */
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_HYPER_MASK |
               GDK_META_MASK))
    return GDK_EVENT_STOP;

  /* F10 (menus), F11 (fullscreen), Escape, the menu key and the like. */
  if ((keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35) ||
      keyval == GDK_KEY_Escape ||
      keyval == GDK_KEY_Menu ||
      keyval == GDK_KEY_Close ||
      keyval == GDK_KEY_Execute)
    return GDK_EVENT_STOP;

  return GDK_EVENT_PROPAGATE;
}

static void
kiosk_secondary_pressed_cb (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            gpointer         user_data)
{
  /* No context menus anywhere. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
kiosk_enable_debugging_cb (GtkWindow *window,
                           gboolean   toggle,
                           gpointer   user_data)
{
  g_signal_stop_emission_by_name (window, "enable-debugging");

  return TRUE;
}

static void
kiosk_fullscreened_cb (GtkWindow *window)
{
  if (!gtk_window_is_fullscreen (window))
    gtk_window_fullscreen (window);
}

/* Fullscreen needs a compositor or window manager that honours it (cage does). On a
 * bare X server nobody does, so the window also asks for the size of the monitor. */
static void
size_to_monitor (GtkWindow *window)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  if (monitor == NULL)
    return;

  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (window, geometry.width, geometry.height);
}

void
baken_kiosk_lock (GtkWindow         *window,
                  BakenKioskKeyFunc  key_func,
                  BakenKioskKeyFunc  release_func,
                  gpointer           user_data)
{
  GtkEventController *controller;
  KeyFilter *filter;

  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_interactive_debugging (FALSE);
  size_to_monitor (window);
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_deletable (window, FALSE);
  gtk_window_set_resizable (window, FALSE);
  gtk_window_fullscreen (window);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (window), "none");

  filter = g_new0 (KeyFilter, 1);
  filter->key_func = key_func;
  filter->release_func = release_func;
  filter->user_data = user_data;

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "baken-kiosk-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_data (controller, "key-pressed", G_CALLBACK (kiosk_key_pressed_cb),
                         filter, (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (controller, "key-released", G_CALLBACK (kiosk_key_released_cb), filter);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_name (controller, "baken-kiosk-no-context-menu");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "pressed", G_CALLBACK (kiosk_secondary_pressed_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  g_signal_connect (window, "enable-debugging", G_CALLBACK (kiosk_enable_debugging_cb), NULL);
  g_signal_connect (window, "notify::fullscreened", G_CALLBACK (kiosk_fullscreened_cb), NULL);
}
