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
 */
#define G_LOG_DOMAIN "baken-gtk-fixes"

#include "config.h"

#include "baken-gtk-fixes.h"

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
      g_once_init_leave (&installed, 1);
    }
}
