/* baken-handover-page.h: for staff — hand a resident over to a service, warmly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-page.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_HANDOVER_PAGE (baken_handover_page_get_type ())

G_DECLARE_FINAL_TYPE (BakenHandoverPage, baken_handover_page, BAKEN, HANDOVER_PAGE, BakenPage)

/* Only in staff mode. The number to call now (the service's staff-only channels), what
 * the receiving organisation needs (the service's handover text), an optional note for
 * the resident typed on the on-screen or a real keyboard, and "Verwijzing printen"
 * (kiosk.open-handover-print), which prints the resident's slip with that note. */
GtkWidget  *baken_handover_page_new      (BakenContext      *context,
                                          const char        *language,
                                          const char        *service_id);
const char *baken_handover_page_get_note (BakenHandoverPage *self);
/* A key from a real keyboard (the desk): TRUE when the note took it. */
gboolean    baken_handover_page_press_key (BakenHandoverPage *self,
                                           guint              keyval,
                                           GdkModifierType    state);

G_END_DECLS
