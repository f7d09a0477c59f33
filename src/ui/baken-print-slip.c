/* baken-print-slip.c: the slip of one service, from the catalog and kiosk.conf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What goes on the slip the print page shows and prints: the service, the life event
 * the resident came through (and its icon), the place from kiosk.conf, the time from
 * the kiosk's clock, the content serial and, for a warm handover, the clerk's note.
 */
#define G_LOG_DOMAIN "baken-print-slip"

#include "config.h"

#include "baken-print-slip.h"

/* A situation often has no icon of its own; its parent's stands for it. */
static void
set_event_icon (BakenCatalog         *catalog,
                const char           *language,
                BakenSlip            *slip,
                const BakenLifeEvent *event)
{
  g_autoptr(BakenLifeEvent) parent = NULL;
  g_autoptr(GBytes) svg = NULL;
  const char *icon = event->icon;

  if (icon == NULL && event->parent_id != NULL)
    {
      parent = baken_catalog_get_life_event (catalog, event->parent_id, language, NULL);
      if (parent != NULL)
        icon = parent->icon;
    }

  if (icon != NULL && (svg = baken_catalog_get_icon (catalog, icon)) != NULL)
    baken_slip_set_icon (slip, svg);
}

BakenSlip *
baken_print_slip_build (BakenContext  *context,
                        const char    *language,
                        const char    *service_id,
                        const char    *event_id,
                        gboolean       handover,
                        GError       **error)
{
  BakenCatalog *catalog;
  BakenConfig *config;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *serial = NULL;
  BakenSlipPlace place;
  BakenSlip *slip;

  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (service_id != NULL, NULL);

  catalog = baken_context_get_catalog (context);
  config = baken_context_get_config (context);

  /* Asked for residents: the slip leaves staff-only channels out in any case. */
  service = baken_catalog_get_service (catalog, service_id, language,
                                       BAKEN_AUDIENCE_PUBLIC, error);
  if (service == NULL)
    return NULL;

  if (event_id != NULL)
    {
      g_autoptr(GError) event_error = NULL;

      event = baken_catalog_get_life_event (catalog, event_id, language, &event_error);
      if (event == NULL)
        g_message ("Slip without its life event %s: %s", event_id, event_error->message);
    }

  now = baken_context_dup_now (context);
  serial = baken_catalog_dup_meta (catalog, "serial");
  baken_config_get_slip_place (config, &place);
  slip = baken_slip_new (service, event, &place, now, serial, language);
  /* The clerk's note lives only in the staff session's memory until this slip is
   * drawn; the session forgets it when staff mode ends. */
  if (handover)
    baken_slip_set_handover (slip, baken_staff_session_get_note (baken_context_get_staff (context)));

  if (event != NULL)
    set_event_icon (catalog, language, slip, event);

  return slip;
}
