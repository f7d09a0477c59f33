/* baken-app-link.c: the kiosk window and its application, linked without GTK's
 * per-application action muxer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why the window is not added to the application. In GTK 4.8 a window that belongs to
 * a GtkApplication gets the application's action muxer as the parent of its own, and
 * each new observer of an action at the window's muxer (every page's buttons with an
 * action name, built again for each resident) registers the window's muxer once more at
 * the application's. Those registrations are dropped one at a time, only when no
 * observer is left at the window, or all at once when the window is finalized: so
 * each page leaves an entry and a weak reference behind, ~7 for each resident's path
 * (kiosk.open-event, kiosk.open-service, kiosk.home, feedback.*), without end. Over
 * months that is memory, and every change of an action's state walks the whole list.
 * A window without an application has no parent muxer, so nothing registers upward.
 *
 * What GtkApplication gave the window is done here instead: the application stays
 * running while the window lives (a hold, released when it is destroyed), its actions
 * are reachable as "app.*" (an action group on the window), the application finds
 * its window again (baken_app_link_get_window ()), and the desk's Ctrl+P is a shortcut
 * of the window, not an application accelerator.
 */
#define G_LOG_DOMAIN "baken-app-link"

#include "config.h"

#include "baken-app-link.h"

#define WINDOW_KEY "baken-app-link-window"

/* Once: "destroy" may be emitted again if the window is disposed twice. */
static void
window_destroyed_cb (GtkWindow    *window,
                     GApplication *application)
{
  if (g_object_get_data (G_OBJECT (application), WINDOW_KEY) == window)
    g_object_set_data (G_OBJECT (application), WINDOW_KEY, NULL);
  g_application_release (application);
  g_signal_handlers_disconnect_by_func (window, window_destroyed_cb, application);
}

static void
unref_application (gpointer  application,
                   GClosure *closure)
{
  g_object_unref (application);
}

void
baken_app_link_window (GtkWindow    *window,
                       GApplication *application)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (gtk_window_get_application (window) == NULL);

  g_application_hold (application);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "app", G_ACTION_GROUP (application));
  g_object_set_data (G_OBJECT (application), WINDOW_KEY, window);
  /* The handler keeps the application until it has released it. */
  g_signal_connect_data (window, "destroy", G_CALLBACK (window_destroyed_cb),
                         g_object_ref (application), unref_application, 0);
}

GtkWindow *
baken_app_link_get_window (GApplication *application)
{
  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  return g_object_get_data (G_OBJECT (application), WINDOW_KEY);
}

void
baken_app_link_desk_keys (GtkWindow *window)
{
  GtkEventController *controller;
  GtkShortcutTrigger *trigger;
  GtkShortcutAction *print;

  g_return_if_fail (GTK_IS_WINDOW (window));

  controller = gtk_shortcut_controller_new ();
  /* Before the focused widget sees the key, as an application accelerator is. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "baken-desk-keys");
  trigger = gtk_shortcut_trigger_parse_string ("<Control>p");
  print = gtk_named_action_new ("kiosk.print-current");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, print));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}
