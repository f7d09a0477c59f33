/* baken-kiosk-actions.c: the kiosk.* actions of the pages and bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages never reach up to the window: their buttons activate kiosk.* actions. This file
 * knows the actions and where each goes (through the navigator); what is the window's
 * own (staff mode, the reset, input) it hands back as a BakenKioskRequest.
 */
#define G_LOG_DOMAIN "baken-window"

#include "config.h"

#include "baken-kiosk-actions.h"

void
baken_kiosk_actions_install (GtkWidgetClass              *widget_class,
                             GtkWidgetActionActivateFunc  activate)
{
  gtk_widget_class_install_action (widget_class, "kiosk.open-event", "s", activate);
  gtk_widget_class_install_action (widget_class, "kiosk.open-services", "s", activate);
  gtk_widget_class_install_action (widget_class, "kiosk.open-service", "s", activate);
  gtk_widget_class_install_action (widget_class, "kiosk.open-print", "s", activate);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, activate);
  gtk_widget_class_install_action (widget_class, "kiosk.home", NULL, activate);
  gtk_widget_class_install_action (widget_class, "kiosk.more-time", NULL, activate);
  gtk_widget_class_install_action (widget_class, "kiosk.search", NULL, activate);
  /* Staff mode: the PIN pad, "Klaar", and the staff screens (only while it is on). */
  gtk_widget_class_install_action (widget_class, "kiosk.staff-enter", NULL, activate);
  /* Ctrl+P at the desk: the slip of the service on screen. */
  gtk_widget_class_install_action (widget_class, "kiosk.print-current", NULL, activate);
  gtk_widget_class_install_action (widget_class, "kiosk.staff-done", NULL, activate);
  gtk_widget_class_install_action (widget_class, "kiosk.open-status", NULL, activate);
  gtk_widget_class_install_action (widget_class, "kiosk.open-handover", "s", activate);
  gtk_widget_class_install_action (widget_class, "kiosk.open-handover-print", "s",
                                   activate);
  gtk_widget_class_install_property_action (widget_class, "kiosk.language", "language");
}

BakenKioskRequest
baken_kiosk_actions_run (BakenNavigator *navigator,
                         BakenContext   *context,
                         const char     *action_name,
                         GVariant       *parameter)
{
  const char *name = action_name + strlen ("kiosk.");
  const char *id = parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (g_str_has_prefix (action_name, "kiosk."), BAKEN_KIOSK_REQUEST_FAILED);

  if (g_str_equal (name, "open-event") &&
      !baken_navigator_open_event (navigator, id, &error))
    {
      g_warning ("Cannot open life event: %s", error->message);
      return BAKEN_KIOSK_REQUEST_FAILED;
    }

  if (g_str_equal (name, "staff-enter"))
    return BAKEN_KIOSK_REQUEST_STAFF_ENTER;
  else if (g_str_equal (name, "staff-done"))
    return BAKEN_KIOSK_REQUEST_STAFF_DONE;
  else if (baken_context_get_audience (context) == BAKEN_AUDIENCE_STAFF &&
           g_str_has_prefix (name, "open-") &&
           (g_str_equal (name, "open-status") || g_str_has_prefix (name, "open-handover")))
    baken_navigator_push (navigator,
                          g_str_equal (name, "open-status") ? BAKEN_LOCATION_STATUS
                          : g_str_equal (name, "open-handover") ? BAKEN_LOCATION_HANDOVER
                          : BAKEN_LOCATION_HANDOVER_PRINT, id);
  else if (g_str_equal (name, "print-current") &&
           baken_navigator_get_kind (navigator) == BAKEN_LOCATION_SERVICE)
    {
      g_autofree char *location = baken_navigator_dup_location (navigator);

      baken_navigator_push (navigator, BAKEN_LOCATION_PRINT, location + strlen ("service:"));
    }
  else if (g_str_equal (name, "open-services"))
    baken_navigator_push (navigator, BAKEN_LOCATION_SERVICES, id);
  else if (g_str_equal (name, "open-service"))
    baken_navigator_push (navigator, BAKEN_LOCATION_SERVICE, id);
  else if (g_str_equal (name, "open-print"))
    baken_navigator_push (navigator, BAKEN_LOCATION_PRINT, id);
  else if (g_str_equal (name, "search") &&
           baken_navigator_get_kind (navigator) != BAKEN_LOCATION_SEARCH)
    baken_navigator_push (navigator, BAKEN_LOCATION_SEARCH, NULL);
  else if (g_str_equal (name, "back"))
    baken_navigator_back (navigator);
  else if (g_str_equal (name, "home"))
    baken_navigator_home (navigator);

  return BAKEN_KIOSK_REQUEST_NONE;
}
