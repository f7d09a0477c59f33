/* baken-status-page.h: for staff — is the content current, does the sync work, is the
 * printer ready
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-page.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_STATUS_PAGE (baken_status_page_get_type ())

G_DECLARE_FINAL_TYPE (BakenStatusPage, baken_status_page, BAKEN, STATUS_PAGE, BakenPage)

/* Only for staff mode. "Nu bijwerken" activates app.sync-now; "Proefafdruk" prints a
 * slip of the kiosk itself. Reads the printer asynchronously (never blocks). */
GtkWidget *baken_status_page_new     (BakenContext *context,
                                      const char   *language);
/* Reads everything again (after a sync or a print). */
void       baken_status_page_refresh (BakenStatusPage *self);

G_END_DECLS
